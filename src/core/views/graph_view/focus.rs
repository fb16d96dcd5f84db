//! Framing a selection: the view that shows the selected node and all its direct
//! relations (drawn one by one, or the stage nodes they are folded into) inside the
//! graph's area at a readable scale, and what to draw when the drawing cannot.
//!
//! The rule, like the timeline's folding, draws less so the answer fits. In order:
//! 1. the drawing as it is (every initiative, or the overview with its expanded
//!    stages);
//! 2. the selection's neighbourhood (`shown::neighbourhood`): the selection, its
//!    whole reach (everything upstream and downstream, so the impact marks stay in
//!    the drawing) and the expanded stages drawn one by one, the rest folded into
//!    stage nodes placed beside it (`draw` keeps stage nodes from sitting between the
//!    selection and a relation, so its columns are only those its own edges need);
//! 3. the same with only the direct relations;
//! 4. and 5. the same two without the expanded stages.
//!
//! The first that frames readably is drawn, framed. When none does (a selection with
//! more relations than the area's height holds in a column) the last is drawn at the
//! readable minimum, centred on the selection.
//!
//! Complexity: O(V) per framing, plus one layout (see `layout`) per neighbourhood
//! drawing tried: at most four, only when the drawing as it is cannot frame.

use super::fit::{self, View};
use super::{draw, neighbourhood, GraphDrawing, Item};
use crate::core::model::Roadmap;
use crate::core::views::filter::{Filter, Visible};
use std::collections::BTreeSet;

/// The view that shows `select` and its direct relations in `d` readably in a
/// `cw` × `ch` area; `None` when the selection is not drawn or they do not fit.
/// A relation folded into a stage node is framed as that node; one not drawn at all
/// (outside the filters and not a ghost) is not framed.
pub fn frame_selection(
    d: &GraphDrawing,
    roadmap: &Roadmap,
    visible: &Visible,
    select: usize,
    (cw, ch): (f64, f64),
) -> Option<View> {
    let related: BTreeSet<usize> = roadmap.initiatives[select]
        .depends_on
        .iter()
        .copied()
        .chain(roadmap.dependents(select))
        .collect();
    let drawn: BTreeSet<usize> = d.nodes.iter().filter_map(|n| n.init()).collect();
    if !drawn.contains(&select) {
        return None;
    }
    let folded: BTreeSet<usize> = related
        .iter()
        .filter(|j| !drawn.contains(j) && visible.shown.binary_search(j).is_ok())
        .map(|&j| roadmap.initiatives[j].stage)
        .collect();
    let boxes: Vec<(f64, f64, f64)> = d
        .nodes
        .iter()
        .filter(|n| match n.item {
            Item::Init(i) => i == select || related.contains(&i),
            Item::Stage(s) => folded.contains(&s),
        })
        .map(|n| (n.x, n.y, n.w))
        .collect();
    fit::frame(&boxes, cw, ch)
}

/// What the graph draws for a selection, and where (see the module docs).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Framed {
    /// A neighbourhood drawing to show instead of the drawing as it is.
    pub drawing: Option<GraphDrawing>,
    /// The view; `None` when the selection is drawn nowhere (nothing to frame).
    pub view: Option<View>,
}

/// Frames `select` in `base` (the drawing as it is), or draws its neighbourhood
/// (see the module docs). `expand` is the overview's expanded stages, `group` whether
/// bands are drawn; the area is `cw` × `ch`.
#[allow(
    clippy::too_many_arguments,
    reason = "the drawing's inputs, one by one"
)]
pub fn frame_or_focus(
    roadmap: &Roadmap,
    visible: &Visible,
    filter: &Filter,
    group: bool,
    expand: &BTreeSet<String>,
    select: usize,
    base: &GraphDrawing,
    area: (f64, f64),
) -> Framed {
    if let Some(view) = frame_selection(base, roadmap, visible, select, area) {
        return Framed {
            drawing: None,
            view: Some(view),
        };
    }
    let drawable = visible.shown.binary_search(&select).is_ok() || visible.ghosts.contains(&select);
    if !drawable {
        return Framed::default();
    }
    let none = BTreeSet::new();
    let mut tries = vec![(expand, true), (expand, false)];
    if !expand.is_empty() {
        tries.extend([(&none, true), (&none, false)]);
    }
    let mut last = GraphDrawing::default();
    for (e, reach) in tries {
        let shown = neighbourhood(roadmap, visible, e, select, reach);
        let d = draw(roadmap, visible, filter, &shown, group);
        if let Some(view) = frame_selection(&d, roadmap, visible, select, area) {
            return Framed {
                drawing: Some(d),
                view: Some(view),
            };
        }
        last = d;
    }
    let at = last
        .nodes
        .iter()
        .find(|n| n.item == Item::Init(select))
        .map(|n| (n.x, n.y));
    Framed {
        view: at.map(|(x, y)| fit::centred(x, y, fit::MIN_FIT, area.0, area.1)),
        drawing: Some(last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::RoadmapBuilder;
    use crate::core::views::filter::visible;
    use crate::core::views::graph_view::{shown, NODE_H, NODE_W};
    use crate::core::Date;

    /// Every framed node's box inside the area, at a readable scale.
    fn inside(d: &GraphDrawing, want: &[usize], v: View, (cw, ch): (f64, f64)) {
        assert!(v.k >= fit::MIN_FIT - 1e-9, "scale {}", v.k);
        for &i in want {
            let n = d.nodes.iter().find(|n| n.item == Item::Init(i)).unwrap();
            let (x0, x1) = (v.x + (n.x - n.w / 2.0) * v.k, v.x + (n.x + n.w / 2.0) * v.k);
            let (y0, y1) = (
                v.y + (n.y - NODE_H / 2.0) * v.k,
                v.y + (n.y + NODE_H / 2.0) * v.k,
            );
            assert!(
                x0 >= 0.0 && y0 >= 0.0 && x1 <= cw && y1 <= ch,
                "{i}: {x0} {y0} {x1} {y1}"
            );
        }
    }

    /// A chain a0 → a1 → … → a11 alternating between two stages, and a5 also
    /// depending on a0: a5's relations span seven columns, far wider than the area,
    /// so selecting a5 draws its neighbourhood (a0 and a4 left of it, a6 right), the
    /// rest folded into the stages' nodes beside it, in three columns.
    #[test]
    fn a_selection_too_wide_to_frame_draws_its_neighbourhood() {
        let mut b = RoadmapBuilder::new(&["s", "t"]);
        b.initiative("a0", "");
        for k in 1..12 {
            let stage = if k % 2 == 0 { "s" } else { "t" };
            let deps = if k == 5 {
                "a4, a0".to_string()
            } else {
                format!("a{}", k - 1)
            };
            b.initiative(
                &format!("a{k}"),
                &format!("stage: {stage}, depends_on: [{deps}]"),
            );
        }
        let r = b.build();
        let id = |s: &str| r.find(s).unwrap();
        let f0 = Filter::default();
        let v = visible(&r, &f0, Date(0), false);
        let base = draw(
            &r,
            &v,
            &f0,
            &shown(&r, &v, false, &BTreeSet::new(), None),
            false,
        );
        let area = (760.0, 500.0);
        let none = BTreeSet::new();
        // The end of the chain is framed in the drawing as it is.
        let f = frame_or_focus(&r, &v, &f0, false, &none, id("a11"), &base, area);
        assert_eq!(f.drawing, None);
        inside(&base, &[id("a10"), id("a11")], f.view.unwrap(), area);
        // a5 is not: its neighbourhood is drawn, the rest folded.
        assert_eq!(frame_selection(&base, &r, &v, id("a5"), area), None);
        let f = frame_or_focus(&r, &v, &f0, false, &none, id("a5"), &base, area);
        let d = f.drawing.expect("a neighbourhood");
        let names: BTreeSet<String> = d
            .nodes
            .iter()
            .map(|n| match n.item {
                Item::Init(i) => r.initiatives[i].id.clone(),
                Item::Stage(s) => format!("[{}]", r.stages[s].id),
            })
            .collect();
        let want = ["a0", "a4", "a5", "a6", "[s]", "[t]"];
        assert_eq!(names, want.iter().map(|s| s.to_string()).collect());
        let x = |s: &str| {
            d.nodes
                .iter()
                .find(|n| n.item == Item::Init(id(s)))
                .unwrap()
                .x
        };
        // Adjacent columns: no stage node's column between them.
        let pitch = NODE_W + crate::core::views::graph_view::LAYER_GAP;
        assert_eq!(x("a0"), x("a4"));
        assert_eq!((x("a5") - x("a4"), x("a6") - x("a5")), (pitch, pitch));
        inside(
            &d,
            &[id("a0"), id("a4"), id("a5"), id("a6")],
            f.view.unwrap(),
            area,
        );
    }

    /// More relations than a column holds: the neighbourhood, centred on the
    /// selection at the readable minimum.
    #[test]
    fn a_selection_with_too_many_relations_is_centred_readably() {
        let mut b = RoadmapBuilder::new(&["s"]);
        b.initiative("hub", "");
        for k in 0..30 {
            b.initiative(&format!("d{k}"), "depends_on: [hub]");
        }
        let r = b.build();
        let v = visible(&r, &Filter::default(), Date(0), false);
        let base = draw(
            &r,
            &v,
            &Filter::default(),
            &shown(&r, &v, false, &BTreeSet::new(), None),
            false,
        );
        let hub = r.find("hub").unwrap();
        let area = (760.0, 500.0);
        let f = frame_or_focus(
            &r,
            &v,
            &Filter::default(),
            false,
            &BTreeSet::new(),
            hub,
            &base,
            area,
        );
        let view = f.view.unwrap();
        assert_eq!(view.k, fit::MIN_FIT);
        let d = f.drawing.unwrap();
        let n = d.nodes.iter().find(|n| n.item == Item::Init(hub)).unwrap();
        assert!(((view.x + n.x * view.k) - area.0 / 2.0).abs() < 1e-6);
        // Not drawn at all (filtered out): nothing to frame.
        let f = Filter {
            q: "no such title".into(),
            ..Filter::default()
        };
        let v = visible(&r, &f, Date(0), false);
        let framed = frame_or_focus(&r, &v, &f, false, &BTreeSet::new(), hub, &base, area);
        assert_eq!(framed, Framed::default());
    }
}
