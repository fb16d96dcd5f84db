//! What the graph shows: every initiative, or the stage-level overview (one node per
//! stage, expanded stages drawn as their initiatives), plus a capped set of ghosts.
//!
//! The expansion rule: in the overview, a stage's shown initiatives are drawn one by
//! one when the stage is expanded (`expand=`); the selected initiative and its direct
//! relations are drawn one by one whatever their stage (their stage's node counts the
//! rest), so selecting shows what it needs without expanding whole stages.
//!
//! The ghost rule: ghosts are the direct relations, outside the filters, of the
//! initiatives drawn one by one; at most as many as those initiatives, the most
//! connected first (then in roadmap order), the rest counted as "+N more".
//!
//! Complexity: O(V + E) over the roadmap, plus O(G log G) to rank G ghost candidates.

use crate::core::analysis::reach;
use crate::core::model::Roadmap;
use crate::core::views::filter::Visible;
use std::collections::BTreeSet;

/// One thing the graph draws: an initiative, or a collapsed stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    Init(usize),
    Stage(usize),
}

/// What the graph shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    /// Initiatives drawn one by one (ghosts included), then collapsed stages, each in
    /// roadmap order.
    pub items: Vec<Item>,
    /// The ghosts among `items`.
    pub ghosts: BTreeSet<usize>,
    /// Ghost candidates left out by the cap.
    pub more_ghosts: usize,
    /// Per stage: how many shown initiatives its node stands for (0: no node).
    pub folded: Vec<usize>,
    /// A neighbourhood drawing (see [`neighbourhood`]): the selection it is about.
    pub focus: Option<usize>,
}

/// The selection's neighbourhood: the overview with `expand` opened and `select`
/// drawn with its direct relations, and with its whole reach (everything upstream and
/// downstream) when `reach` is set; marked so that `draw` keeps it compact (stage
/// nodes beside it, never between the selection and a relation; see `focus`).
pub fn neighbourhood(
    roadmap: &Roadmap,
    visible: &Visible,
    expand: &BTreeSet<String>,
    select: usize,
    reach: bool,
) -> Shown {
    let mut extra = Vec::new();
    if reach {
        extra = reach::upstream(roadmap, select);
        extra.extend(reach::downstream(roadmap, select));
    }
    Shown {
        focus: Some(select),
        ..shown_with(roadmap, visible, true, expand, Some(select), &extra)
    }
}

/// What to draw for `visible`: everything (`overview` false), or the stage-level
/// overview with the stages whose ids are in `expand` opened and the selection's
/// neighbourhood drawn one by one (see module docs).
pub fn shown(
    roadmap: &Roadmap,
    visible: &Visible,
    overview: bool,
    expand: &BTreeSet<String>,
    select: Option<usize>,
) -> Shown {
    shown_with(roadmap, visible, overview, expand, select, &[])
}

/// [`shown`], with `extra` shown initiatives also drawn one by one in the overview.
fn shown_with(
    roadmap: &Roadmap,
    visible: &Visible,
    overview: bool,
    expand: &BTreeSet<String>,
    select: Option<usize>,
    extra: &[usize],
) -> Shown {
    let n = roadmap.initiatives.len();
    let mut is_shown = vec![false; n];
    for &i in &visible.shown {
        is_shown[i] = true;
    }
    let mut is_ghost = vec![false; n];
    for &i in &visible.ghosts {
        is_ghost[i] = true;
    }
    let related = |i: usize| {
        roadmap.initiatives[i]
            .depends_on
            .iter()
            .copied()
            .chain(roadmap.dependents(i))
    };
    // Initiatives drawn one by one, among the shown ones.
    let mut single = vec![!overview; n];
    if overview {
        for (s, stage) in roadmap.stages.iter().enumerate() {
            if expand.contains(&stage.id) {
                for &i in &visible.shown {
                    single[i] |= roadmap.initiatives[i].stage == s;
                }
            }
        }
        for &i in extra {
            single[i] |= is_shown[i];
        }
        if let Some(sel) = select.filter(|&s| is_shown[s] || is_ghost[s]) {
            single[sel] = true;
            for j in related(sel) {
                single[j] = true;
            }
        }
    }
    let mut folded = vec![0; roadmap.stages.len()];
    let mut items: Vec<Item> = Vec::new();
    for &i in &visible.shown {
        if single[i] {
            items.push(Item::Init(i));
        } else {
            folded[roadmap.initiatives[i].stage] += 1;
        }
    }
    // Ghosts: direct relations of single shown initiatives, the most connected first.
    let singles = items.len();
    let mut links = vec![0usize; n];
    for item in &items {
        if let Item::Init(i) = *item {
            for j in related(i) {
                if is_ghost[j] {
                    links[j] += 1;
                }
            }
        }
    }
    let mut candidates: Vec<usize> = (0..n).filter(|&j| links[j] > 0).collect();
    candidates.sort_by_key(|&j| (std::cmp::Reverse(links[j]), j));
    let mut ghosts: BTreeSet<usize> = candidates.iter().copied().take(singles).collect();
    // A selected ghost (and, in the overview, its neighbours) is always drawn.
    if let Some(sel) = select.filter(|&s| is_ghost[s]) {
        ghosts.insert(sel);
    }
    let more_ghosts = candidates.iter().filter(|j| !ghosts.contains(j)).count();
    items.extend(ghosts.iter().map(|&g| Item::Init(g)));
    items.sort_unstable();
    items.extend(
        (0..roadmap.stages.len())
            .filter(|&s| folded[s] > 0)
            .map(Item::Stage),
    );
    Shown {
        items,
        ghosts,
        more_ghosts,
        folded,
        focus: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::RoadmapBuilder;
    use crate::core::views::filter::{visible, Filter, Param};
    use crate::core::Date;

    fn names(r: &Roadmap, s: &Shown) -> Vec<String> {
        s.items
            .iter()
            .map(|it| match *it {
                Item::Init(i) if s.ghosts.contains(&i) => format!("({})", r.initiatives[i].id),
                Item::Init(i) => r.initiatives[i].id.clone(),
                Item::Stage(st) => format!("[{} {}]", r.stages[st].id, s.folded[st]),
            })
            .collect()
    }

    /// The expansion rule, case by case: (expanded stages, selection, what is drawn).
    #[test]
    fn the_overview_expands_what_is_asked_and_what_the_selection_needs() {
        let r = RoadmapBuilder::new(&["s", "t", "u"])
            .initiative("a", "")
            .initiative("b", "depends_on: [a]")
            .initiative("c", "stage: t, depends_on: [a]")
            .initiative("d", "stage: t")
            .initiative("e", "stage: u, depends_on: [c]")
            .initiative("f", "stage: u")
            .build();
        let v = visible(&r, &Filter::default(), Date(0), false);
        let cases: &[(&[&str], Option<&str>, &[&str])] = &[
            (&[], None, &["[s 2]", "[t 2]", "[u 2]"]),
            (&["t"], None, &["c", "d", "[s 2]", "[u 2]"]),
            (&["s", "u"], None, &["a", "b", "e", "f", "[t 2]"]),
            // Selecting c draws it with a and e; their stages count the rest.
            (&[], Some("c"), &["a", "c", "e", "[s 1]", "[t 1]", "[u 1]"]),
            (&["t"], Some("d"), &["c", "d", "[s 2]", "[u 2]"]),
        ];
        for &(expand, select, want) in cases {
            let expand: BTreeSet<String> = expand.iter().map(|s| s.to_string()).collect();
            let got = shown(&r, &v, true, &expand, select.and_then(|s| r.find(s)));
            assert_eq!(
                names(&r, &got),
                want,
                "expand {expand:?}, select {select:?}"
            );
        }
        // Without the overview every initiative is drawn, whatever is expanded.
        let all = shown(&r, &v, false, &BTreeSet::new(), None);
        assert_eq!(names(&r, &all), ["a", "b", "c", "d", "e", "f"]);
    }

    /// Regression (the EIP roadmap's Meta stage: 43 shown, 159 drawn): ghosts are
    /// capped at the number of initiatives drawn, the most connected kept.
    #[test]
    fn ghosts_never_outnumber_what_was_asked_for() {
        let mut b = RoadmapBuilder::new(&["s", "t"]);
        b.initiative("hub", "")
            .initiative("other", "depends_on: [x0]");
        for k in 0..10 {
            b.initiative(&format!("x{k}"), "stage: t, depends_on: [hub]");
        }
        let r = b.build();
        let mut f = Filter::default();
        f.toggle(Param::Stage, "s");
        let v = visible(&r, &f, Date(0), false);
        assert_eq!(v.ghosts.len(), 10);
        let got = shown(&r, &v, false, &BTreeSet::new(), None);
        assert_eq!(names(&r, &got), ["hub", "other", "(x0)", "(x1)"]);
        assert_eq!(got.more_ghosts, 8);
    }
}
