//! The dependency arrows the timeline draws, per [`DepsMode`].

use super::{Bar, DepsMode, TimelineLayout, BAR_HEIGHT};
use crate::core::model::Roadmap;

/// A dependency arrow between two drawn bars.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// The dependency.
    pub from: usize,
    /// The dependent.
    pub to: usize,
    pub violation: bool,
    /// SVG path data.
    pub path: String,
}

/// The arrows to draw: in `Selected` mode those of `focus` (both directions), in
/// `All` mode every edge between drawn bars, in `Violations` mode only schedule
/// conflicts. Arrows need both ends drawn.
///
/// `shows_edge` (the filter's) drops the edges a stage-matrix cell hides in `All` mode.
///
/// Complexity: O(B + E) over the drawn bars and their dependencies in `All` and
/// `Violations` modes; in `Selected` mode O(d log d) for the focus's d direct
/// relations (the arrows come out in the same order as the other modes': by the
/// dependent's bar, top to bottom, then as written in `depends_on`).
pub fn arrows(
    roadmap: &Roadmap,
    layout: &TimelineLayout,
    mode: DepsMode,
    focus: Option<usize>,
    shows_edge: &dyn Fn(usize, usize) -> bool,
) -> Vec<Arrow> {
    let dependents: Vec<&Bar> = match mode {
        DepsMode::Selected => {
            let Some(f) = focus else { return Vec::new() };
            let mut v: Vec<(usize, &Bar)> = std::iter::once(f)
                .chain(roadmap.dependents(f))
                .filter_map(|i| Some((layout.bar_index(i)?, layout.bar_of(i)?)))
                .collect();
            v.sort_by_key(|&(k, _)| k);
            v.dedup_by_key(|&mut (k, _)| k);
            v.into_iter().map(|(_, b)| b).collect()
        }
        DepsMode::All | DepsMode::Violations => layout.bars.iter().collect(),
    };
    let mut out = Vec::new();
    for b in dependents {
        let to = b.init;
        for &from in &roadmap.initiatives[to].depends_on {
            let violation =
                Roadmap::schedule_conflict(&roadmap.initiatives[from], &roadmap.initiatives[to]);
            let wanted = match mode {
                DepsMode::All => shows_edge(from, to),
                DepsMode::Violations => violation || focus.is_some_and(|f| f == from || f == to),
                DepsMode::Selected => focus.is_some_and(|f| f == from || f == to),
            };
            if !wanted {
                continue;
            }
            let Some(a) = layout.bar_of(from) else {
                continue;
            };
            out.push(Arrow {
                from,
                to,
                violation,
                path: curve(a, b),
            });
        }
    }
    out
}

/// A horizontal S-curve from the dependency's end to the dependent's start.
fn curve(a: &Bar, b: &Bar) -> String {
    let (x1, y1) = (a.x + a.w, a.y + BAR_HEIGHT / 2.0);
    let (x2, y2) = (b.x, b.y + BAR_HEIGHT / 2.0);
    let dx = ((x2 - x1).abs() / 2.0).max(24.0);
    format!(
        "M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {x2:.1},{y2:.1}",
        x1 + dx,
        x2 - dx
    )
}
