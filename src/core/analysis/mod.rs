//! Algorithms on the roadmap, above loading: closures and distances ([`reach`]), the
//! critical path method ([`critical`]), slip propagation ([`slip`]), and here what the
//! views mark on top of the layout: impact of the selection (upstream and downstream with
//! distances), slip moves, and the critical path.

pub mod critical;
pub mod reach;
pub mod slip;

use crate::core::model::Roadmap;
use crate::core::text::date::Date;
use critical::Times;
use slip::Move;
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Impact {
    Selected,
    Upstream(u32),
    Downstream(u32),
}

impl Impact {
    /// The `data-impact` value (a test-hook contract).
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Selected => "selected",
            Impact::Upstream(_) => "upstream",
            Impact::Downstream(_) => "downstream",
        }
    }

    pub fn distance(self) -> u32 {
        match self {
            Impact::Selected => 0,
            Impact::Upstream(d) | Impact::Downstream(d) => d,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Per initiative: its relation to the selection.
    pub impact: Vec<Option<Impact>>,
    /// What the selection waits on, transitively, nearest first (breadth-first order).
    pub upstream: Vec<usize>,
    /// What waits on the selection, transitively, nearest first.
    pub downstream: Vec<usize>,
    /// Per initiative: where the slip what-if moves it.
    pub moves: Vec<Option<Move>>,
    /// Per initiative: critical path method times (fully dated ones), computed when
    /// first read ([`Analysis::times`]): the first screen does not need them.
    pub schedule: Rc<Schedule>,
    /// Initiatives on the highlighted critical path (empty unless switched on).
    pub critical: BTreeSet<usize>,
}

/// The critical path method times of a roadmap, computed the first time they are read.
/// They depend on the roadmap alone, so the analyses of one roadmap can share one
/// ([`analyse_with`]).
#[derive(Clone, Debug, Default)]
pub struct Schedule(OnceCell<Vec<Option<Times>>>);

/// Schedules are equal: each is the one of its roadmap, whether computed yet or not
/// (analyses of different roadmaps are told apart by their roadmap).
impl PartialEq for Schedule {
    fn eq(&self, _: &Schedule) -> bool {
        true
    }
}

impl Analysis {
    /// Per initiative: critical path method times (fully dated ones). `roadmap` is the
    /// one analysed.
    ///
    /// Complexity: O(V + E) the first time, then O(1).
    pub fn times(&self, roadmap: &Roadmap) -> &[Option<Times>] {
        self.schedule.0.get_or_init(|| critical::schedule(roadmap))
    }
}

/// What a view asks the analysis about: all that [`analyse`] reads of the view state,
/// so it is also the whole memo key of the analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Question {
    /// The selected initiative's id.
    pub select: Option<String>,
    /// Slip what-if: this initiative by this many weeks.
    pub slip: Option<(String, u32)>,
    /// Mark the critical path (to the selection, or the whole roadmap's).
    pub critical: bool,
}

/// Computes the marks for a view.
pub fn analyse(roadmap: &Roadmap, view: &Question, reference: Date) -> Analysis {
    analyse_with(roadmap, view, reference, Rc::default())
}

/// [`analyse`], with the roadmap's schedule shared with its other analyses (computed
/// by the first that needs it).
pub fn analyse_with(
    roadmap: &Roadmap,
    view: &Question,
    reference: Date,
    schedule: Rc<Schedule>,
) -> Analysis {
    let n = roadmap.initiatives.len();
    let selected = view.select.as_deref().and_then(|id| roadmap.find(id));
    let mut impact = vec![None; n];
    let (mut upstream, mut downstream) = (Vec::new(), Vec::new());
    if let Some(s) = selected {
        upstream = reach::upstream(roadmap, s);
        downstream = reach::downstream(roadmap, s);
        let (up, down) = reach::distances(roadmap, s);
        for i in 0..n {
            impact[i] = match (up[i], down[i]) {
                (Some(d), _) => Some(Impact::Upstream(d)),
                (_, Some(d)) => Some(Impact::Downstream(d)),
                _ => None,
            };
        }
        impact[s] = Some(Impact::Selected);
    }
    let moves = match &view.slip {
        Some((id, weeks)) => match roadmap.find(id) {
            Some(i) => slip::propagate(roadmap, i, *weeks, reference),
            None => vec![None; n],
        },
        None => vec![None; n],
    };
    let critical = if view.critical {
        let times = schedule.0.get_or_init(|| critical::schedule(roadmap));
        match selected {
            Some(s) if times[s].is_some() => critical::critical_path_to(roadmap, times, s)
                .into_iter()
                .collect(),
            _ => (0..n)
                .filter(|&i| times[i].as_ref().is_some_and(|t| t.slack == 0))
                .collect(),
        }
    } else {
        BTreeSet::new()
    };
    Analysis {
        impact,
        upstream,
        downstream,
        moves,
        schedule,
        critical,
    }
}

#[cfg(test)]
mod tests {
    use super::{analyse, analyse_with, Question, Schedule};
    use crate::core::analysis::critical;
    use crate::core::test_support::RoadmapBuilder;
    use std::rc::Rc;

    #[test]
    fn the_schedule_is_computed_when_read_and_shared_by_a_roadmaps_analyses() {
        let r = RoadmapBuilder::new(&["s"])
            .as_of("2026-01-01")
            .initiative("a", "start: 2026-01, end: 2026-03")
            .initiative("b", "start: 2026-04, end: 2026-06, depends_on: [a]")
            .build();
        let reference = r.as_of.unwrap();
        let shared = Rc::new(Schedule::default());
        let first = analyse_with(&r, &Question::default(), reference, shared.clone());
        assert!(shared.0.get().is_none(), "not computed for a plain view");
        assert_eq!(first.times(&r), critical::schedule(&r).as_slice());
        let select = Question {
            select: Some("b".into()),
            ..Question::default()
        };
        let second = analyse_with(&r, &select, reference, shared.clone());
        assert!(
            second.schedule.0.get().is_some(),
            "the first analysis computed it"
        );
        let critical = Question {
            critical: true,
            ..Question::default()
        };
        let alone = analyse(&r, &critical, reference);
        assert!(
            alone.schedule.0.get().is_some(),
            "the critical path needs it"
        );
        assert_eq!(alone.critical.len(), 2, "a then b, no slack");
    }
}
