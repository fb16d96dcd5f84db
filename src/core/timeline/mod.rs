//! Timeline layout: where every bar, lane, gridline and arrow goes, in pixels.
//!
//! Time runs left to right from `as_of` (or today) to three years later, widened to
//! show anything dated earlier or later. Lanes group by stage, then team; within a
//! lane, bars are packed into rows so none overlap. The Yew component only draws
//! what this computes.

use super::date::Date;
use super::filter::Visible;
use super::keyword::keyword_enum;
use super::model::{Horizon, Initiative, Roadmap};
use std::collections::BTreeSet;

mod arrows;
mod labels;
mod slip_ghost;
mod viewport;

pub use arrows::{arrows, Arrow};
pub use labels::{fit_label, initial_scroll, label_span};
pub use slip_ghost::{slip_ghost, SlipGhost};
pub use viewport::{Viewport, VIRTUALIZE_ABOVE};

pub const ROW_HEIGHT: f64 = 30.0;
pub const BAR_HEIGHT: f64 = 22.0;
pub const STAGE_HEADER: f64 = 30.0;
pub const TEAM_HEADER: f64 = 22.0;
pub const LANE_GAP: f64 = 6.0;
/// Bars never get thinner than this, so short items stay clickable.
pub const MIN_BAR: f64 = 8.0;
/// How far a milestone's label runs right of its diamond (it is clipped there).
pub const MILESTONE_LABEL: f64 = 220.0;
const ROW_PADDING: f64 = 6.0;

keyword_enum!(
    /// Which dependency arrows the timeline draws.
    #[derive(Default)]
    pub enum DepsMode {
        /// Only those of the hovered or selected initiative.
        #[default]
        Selected = "selected",
        All = "all",
        /// Only schedule conflicts (a dependent starting before its dependency ends).
        Violations = "violations",
    }
);

keyword_enum!(
    /// The timeline's scale.
    #[derive(Default)]
    pub enum Zoom {
        Month = "month",
        #[default]
        Quarter = "quarter",
        Year = "year",
    }
);

impl Zoom {
    /// Horizontal scale in pixels per day.
    pub fn px_per_day(self) -> f64 {
        match self {
            Zoom::Month => 4.0,
            Zoom::Quarter => 1.4,
            Zoom::Year => 0.5,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// From start to end.
    Range,
    /// Only an end: a milestone marker.
    Milestone,
    /// Only a start: runs to the end of its horizon, drawn open.
    OpenEnded,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub init: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub shape: Shape,
    pub ghost: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LaneKind {
    Stage {
        stage: usize,
        count: usize,
        collapsed: bool,
    },
    Team {
        team: Option<usize>,
        stage: usize,
    },
}

/// A lane header at `y`, `height` tall (the header plus its rows).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub kind: LaneKind,
    pub y: f64,
    pub height: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    /// A year boundary (drawn stronger, labelled with the year).
    pub year: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub horizon: Horizon,
    pub x0: f64,
    pub x1: f64,
}

/// Undated initiatives under one declared horizon (`None`: no horizon), each with
/// whether it is a ghost.
pub type UnscheduledGroup = (Option<Horizon>, Vec<(usize, bool)>);

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub start: Date,
    pub end: Date,
    pub px_per_day: f64,
    pub width: f64,
    pub height: f64,
    pub ticks: Vec<Tick>,
    pub today_x: f64,
    pub bands: Vec<Band>,
    pub lanes: Vec<Lane>,
    pub bars: Vec<Bar>,
    /// Undated initiatives by declared horizon (`None`: no horizon), with ghost flags.
    pub unscheduled: Vec<UnscheduledGroup>,
    /// Per initiative, its position in `bars` (`u32::MAX`: not drawn): `bar_of` in O(1).
    bar_index: Vec<u32>,
}

impl TimelineLayout {
    pub fn x_of(&self, d: Date) -> f64 {
        (d.0 - self.start.0) as f64 * self.px_per_day
    }

    pub fn bar_of(&self, init: usize) -> Option<&Bar> {
        self.bars.get(self.bar_index(init)?)
    }

    /// The position of `init`'s bar in `bars` (drawing order), if it is drawn.
    fn bar_index(&self, init: usize) -> Option<usize> {
        let k = *self.bar_index.get(init)?;
        (k != u32::MAX).then_some(k as usize)
    }
}

fn quarter_start(d: Date) -> Date {
    let (y, m, _) = d.ymd();
    Date::from_ymd(y, (m - 1) / 3 * 3 + 1, 1).expect("first day of a quarter")
}

/// The dates a bar spans, or `None` for undated initiatives.
fn span(roadmap: &Roadmap, init: &Initiative, reference: Date) -> Option<(Date, Date, Shape)> {
    match (init.start, init.end) {
        (Some(s), Some(e)) => Some((s, e, Shape::Range)),
        (None, Some(e)) => Some((e, e, Shape::Milestone)),
        (Some(s), None) => {
            let years = match roadmap.horizon_of(init, reference) {
                Some(Horizon::Short) => 1,
                Some(Horizon::Medium) => 2,
                _ => 3,
            };
            let end = Date(reference.add_years(years).0 - 1).max(s);
            Some((s, end, Shape::OpenEnded))
        }
        (None, None) => None,
    }
}

/// Lays out the visible initiatives. `collapsed` lists stage indices shown as headers only.
///
/// Complexity: O(N log N + N · R) for N bars and R rows per lane (greedy interval packing).
pub fn layout(
    roadmap: &Roadmap,
    visible: &Visible,
    reference: Date,
    zoom: Zoom,
    collapsed: &BTreeSet<usize>,
) -> TimelineLayout {
    let ghost: BTreeSet<usize> = visible.ghosts.iter().copied().collect();
    let all: Vec<usize> = {
        let mut v: Vec<usize> = visible
            .shown
            .iter()
            .chain(&visible.ghosts)
            .copied()
            .collect();
        v.sort_unstable();
        v
    };
    let spans: Vec<Option<(Date, Date, Shape)>> = all
        .iter()
        .map(|&i| span(roadmap, &roadmap.initiatives[i], reference))
        .collect();
    let mut first = reference;
    let mut last = reference.add_years(3);
    for (s, e, _) in spans.iter().flatten() {
        first = first.min(*s);
        last = last.max(*e);
    }
    let start = quarter_start(first);
    let end = Date(quarter_start(last).add_months(3).0 - 1);
    let ppd = zoom.px_per_day();
    let x_of = |d: Date| (d.0 - start.0) as f64 * ppd;
    let width = x_of(Date(end.0 + 1));

    let mut ticks = Vec::new();
    let mut q = start;
    while q <= end {
        let (y, m, _) = q.ymd();
        let year = m == 1;
        let label = match zoom {
            Zoom::Year if !year => String::new(),
            _ if year => format!("{y}"),
            _ => format!("Q{}", (m - 1) / 3 + 1),
        };
        ticks.push(Tick {
            x: x_of(q),
            label,
            year,
        });
        q = q.add_months(3);
    }
    let bands = Horizon::ALL
        .iter()
        .enumerate()
        .map(|(k, &h)| Band {
            horizon: h,
            x0: x_of(reference.add_years(k as i32)),
            x1: x_of(reference.add_years(k as i32 + 1)),
        })
        .collect();

    let mut lanes = Vec::new();
    let mut bars = Vec::new();
    let mut unscheduled: Vec<UnscheduledGroup> = [
        Some(Horizon::Short),
        Some(Horizon::Medium),
        Some(Horizon::Long),
        None,
    ]
    .into_iter()
    .map(|h| (h, Vec::new()))
    .collect();
    let mut y = 0.0;
    // Stages with shown initiatives first; stages that only hold ghosts after them.
    let mut stage_order: Vec<usize> = (0..roadmap.stages.len()).collect();
    stage_order.sort_by_key(|&si| {
        !all.iter()
            .any(|&i| roadmap.initiatives[i].stage == si && !ghost.contains(&i))
    });
    for si in stage_order {
        let stage = &roadmap.stages[si];
        let in_stage: Vec<usize> = (0..all.len())
            .filter(|&k| roadmap.initiatives[all[k]].stage == si)
            .collect();
        if in_stage.is_empty() {
            continue;
        }
        for &k in &in_stage {
            if spans[k].is_none() {
                let i = all[k];
                let h = roadmap.initiatives[i].horizon;
                let slot = unscheduled
                    .iter_mut()
                    .find(|(x, _)| *x == h)
                    .expect("every horizon has a slot");
                slot.1.push((i, ghost.contains(&i)));
            }
        }
        let count = in_stage
            .iter()
            .filter(|&&k| !ghost.contains(&all[k]))
            .count();
        let stage_lane = lanes.len();
        let is_collapsed = collapsed.contains(&si);
        lanes.push(Lane {
            kind: LaneKind::Stage {
                stage: si,
                count,
                collapsed: is_collapsed,
            },
            y,
            height: STAGE_HEADER,
        });
        let stage_top = y;
        y += STAGE_HEADER;
        if !is_collapsed {
            let teams = stage.teams.iter().map(|&t| Some(t)).chain([None]);
            for team in teams {
                let members: Vec<usize> = in_stage
                    .iter()
                    .copied()
                    .filter(|&k| spans[k].is_some() && roadmap.initiatives[all[k]].team == team)
                    .collect();
                if members.is_empty() {
                    continue;
                }
                let lane_top = y;
                y += TEAM_HEADER;
                let mut order = members.clone();
                order.sort_by(|&a, &b| {
                    let (sa, sb) = (spans[a].unwrap(), spans[b].unwrap());
                    (sa.0, sa.1, all[a]).cmp(&(sb.0, sb.1, all[b]))
                });
                let mut row_ends: Vec<f64> = Vec::new();
                for k in order {
                    let (s, e, shape) = spans[k].unwrap();
                    let x = x_of(s);
                    let w = match shape {
                        Shape::Milestone => BAR_HEIGHT,
                        _ => (x_of(Date(e.0 + 1)) - x).max(MIN_BAR),
                    };
                    let x = if shape == Shape::Milestone {
                        x_of(Date(e.0 + 1)) - BAR_HEIGHT / 2.0
                    } else {
                        x
                    };
                    let row = match row_ends.iter().position(|&r| r + ROW_PADDING <= x) {
                        Some(r) => r,
                        None => {
                            row_ends.push(f64::MIN);
                            row_ends.len() - 1
                        }
                    };
                    row_ends[row] = x + w;
                    bars.push(Bar {
                        init: all[k],
                        x,
                        y: y + row as f64 * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0,
                        w,
                        shape,
                        ghost: ghost.contains(&all[k]),
                    });
                }
                y += row_ends.len() as f64 * ROW_HEIGHT;
                lanes.push(Lane {
                    kind: LaneKind::Team { team, stage: si },
                    y: lane_top,
                    height: y - lane_top,
                });
            }
        }
        y += LANE_GAP;
        lanes[stage_lane].height = y - stage_top;
    }
    unscheduled.retain(|(_, v)| !v.is_empty());
    // Top to bottom, left to right: drawing order, and `bars_in` searches it.
    bars.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut bar_index = vec![u32::MAX; roadmap.initiatives.len()];
    for (k, b) in bars.iter().enumerate() {
        bar_index[b.init] = k as u32;
    }
    TimelineLayout {
        start,
        end,
        px_per_day: ppd,
        width,
        height: y,
        ticks,
        today_x: x_of(reference),
        bands,
        lanes,
        bars,
        unscheduled,
        bar_index,
    }
}

/// The bar before (`forward == false`) or after `init` in its lane (same stage and
/// team), in reading order (left to right, then top to bottom): for arrow keys.
pub fn neighbour_in_lane(
    roadmap: &Roadmap,
    layout: &TimelineLayout,
    init: usize,
    forward: bool,
) -> Option<usize> {
    let lane = |i: usize| (roadmap.initiatives[i].stage, roadmap.initiatives[i].team);
    let mut same: Vec<&Bar> = layout
        .bars
        .iter()
        .filter(|b| lane(b.init) == lane(init))
        .collect();
    same.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    let k = same.iter().position(|b| b.init == init)?;
    let j = if forward { k + 1 } else { k.checked_sub(1)? };
    same.get(j).map(|b| b.init)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filter::{visible, Filter};
    use crate::core::test_support::roadmap;

    const YAML: &str = "title: T\nas_of: 2026-11-01\nstages: [{id: s, name: S, teams: [{id: t, name: T}]}, {id: u, name: U}]\ninitiatives:
  - {id: a, title: A, stage: s, team: t, confidence: high, start: 2026-Q1, end: 2026-Q4}
  - {id: b, title: B, stage: s, team: t, confidence: high, start: 2026-Q3, end: 2027-Q2}
  - {id: c, title: C, stage: s, team: t, confidence: high, start: 2027-Q3, end: 2027-Q4, depends_on: [b]}
  - {id: m, title: M, stage: u, confidence: low, end: 2027-06}
  - {id: o, title: O, stage: u, confidence: low, start: 2028-02}
  - {id: x, title: X, stage: u, confidence: low, horizon: long}
";

    /// A viewport keeps exactly the bars whose box (and a milestone's label) reaches
    /// into it, and the arrows whose box between their two bars does.
    #[test]
    fn a_viewport_keeps_what_reaches_into_it() {
        let r = roadmap(YAML);
        let v = visible(&r, &Filter::default(), r.as_of.unwrap(), false);
        let l = layout(&r, &v, r.as_of.unwrap(), Zoom::Quarter, &BTreeSet::new());
        let ids = |bars: Vec<&Bar>| {
            let mut v: Vec<&str> = bars
                .iter()
                .map(|b| r.initiatives[b.init].id.as_str())
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(ids(l.bars_in(&Viewport::ALL)), ["a", "b", "c", "m", "o"]);
        let (a, c) = (
            l.bar_of(r.find("a").unwrap()).unwrap(),
            l.bar_of(r.find("c").unwrap()).unwrap(),
        );
        // a's row, left of c: a and b (b starts before a ends), not c.
        let left = Viewport {
            top: a.y,
            bottom: a.y + 1.0,
            left: 0.0,
            right: c.x - 1.0,
        };
        let brute: Vec<&Bar> = l
            .bars
            .iter()
            .filter(|b| b.y <= left.bottom && b.y + BAR_HEIGHT >= left.top && b.x <= left.right)
            .collect();
        assert_eq!(ids(l.bars_in(&left)), ids(brute));
        assert!(!ids(l.bars_in(&left)).contains(&"c"));
        let b_to_c = Arrow {
            from: r.find("b").unwrap(),
            to: r.find("c").unwrap(),
            violation: false,
            path: String::new(),
        };
        assert!(l.arrow_in(&b_to_c, &Viewport::ALL));
        let far = Viewport {
            top: l.height + 100.0,
            bottom: l.height + 200.0,
            ..Viewport::ALL
        };
        assert!(!l.arrow_in(&b_to_c, &far));
        assert!(l.bars_in(&far).is_empty());
        assert_eq!(Viewport::span_around(100.0, 40.0), (90.0, 150.0));
    }

    #[test]
    fn bars_never_overlap_within_a_lane_and_follow_time() {
        let r = roadmap(YAML);
        let v = visible(
            &r,
            &Filter::default(),
            Date::from_ymd(2026, 11, 1).unwrap(),
            false,
        );
        let l = layout(&r, &v, r.as_of.unwrap(), Zoom::Quarter, &BTreeSet::new());
        assert_eq!(l.start.to_string(), "2026-01-01");
        let bar = |id: &str| l.bar_of(r.find(id).unwrap()).unwrap().clone();
        let (a, b, c) = (bar("a"), bar("b"), bar("c"));
        assert_ne!(a.y, b.y, "a and b overlap in time, so they take two rows");
        assert_eq!(a.y, c.y, "c starts after a ends: it reuses a's row");
        assert!(c.x > b.x + b.w - 1.0);
        assert_eq!(bar("m").shape, Shape::Milestone);
        let o = bar("o");
        assert_eq!(o.shape, Shape::OpenEnded);
        assert!(
            (o.x + o.w - l.x_of(Date::from_ymd(2028, 11, 1).unwrap())).abs() < 1.0,
            "starts in the medium horizon and runs to its end"
        );
        assert_eq!(
            l.unscheduled,
            vec![(Some(Horizon::Long), vec![(r.find("x").unwrap(), false)])]
        );
        assert_eq!(l.bands.len(), 3);
        assert!((l.today_x - l.x_of(r.as_of.unwrap())).abs() < 1e-9);
        let drawn = arrows(&r, &l, DepsMode::Selected, r.find("c"), &|_, _| true);
        assert_eq!(drawn.len(), 1);
        assert_eq!(
            (drawn[0].from, drawn[0].to),
            (r.find("b").unwrap(), r.find("c").unwrap())
        );
        assert!(arrows(&r, &l, DepsMode::Selected, None, &|_, _| true).is_empty());
    }

    #[test]
    fn labels_stay_in_view() {
        let bar = Bar {
            init: 0,
            x: 100.0,
            y: 0.0,
            w: 400.0,
            shape: Shape::Range,
            ghost: false,
        };
        assert_eq!(label_span(&bar, 0.0), (106.0, 400.0));
        assert_eq!(label_span(&bar, 300.0), (306.0, 200.0));
        assert_eq!(
            label_span(&bar, 480.0),
            (106.0, 400.0),
            "too little left in view: keep the label at the start"
        );
    }

    #[test]
    fn labels_fit() {
        assert_eq!(
            fit_label("Raft replication for Gitaly", 300.0),
            "Raft replication for Gitaly"
        );
        assert_eq!(fit_label("Raft replication for Gitaly", 80.0), "Raft rep…");
        assert_eq!(fit_label("Raft", 10.0), "");
    }
}

#[cfg(test)]
mod marks_tests {
    use super::*;
    use crate::core::analysis::{analyse, Question};
    use crate::core::filter::{visible, Filter};
    use crate::core::{generate, load};

    /// `Selected` mode walks only the focus's relations, yet gives exactly the arrows
    /// (and order) of a walk over every bar keeping the focus's edges.
    #[test]
    fn selected_arrows_equal_a_full_walk_restricted_to_the_focus() {
        let (r, _) = load(&generate::generate(300, 3), generate::as_of());
        let reference = generate::as_of();
        let v = visible(&r, &Filter::default(), reference, false);
        let l = layout(&r, &v, reference, Zoom::Quarter, &BTreeSet::new());
        let mut with_arrows = 0;
        for f in 0..r.initiatives.len() {
            let fast = arrows(&r, &l, DepsMode::Selected, Some(f), &|_, _| true);
            let full = arrows(&r, &l, DepsMode::All, None, &|a, b| a == f || b == f);
            assert_eq!(fast, full, "focus {}", r.initiatives[f].id);
            with_arrows += usize::from(!fast.is_empty());
        }
        assert!(with_arrows > 100, "only {with_arrows} foci have arrows");
        assert!(arrows(&r, &l, DepsMode::Selected, None, &|_, _| true).is_empty());
    }

    /// A slip ghost starts at the moved start date, spans the moved dates, and is
    /// flagged exactly when the move says the plan now ends later than its horizon.
    #[test]
    fn slip_ghosts_sit_at_the_moved_dates() {
        let (r, _) = load(&generate::generate(300, 3), generate::as_of());
        let reference = generate::as_of();
        let v = visible(&r, &Filter::default(), reference, false);
        let l = layout(&r, &v, reference, Zoom::Quarter, &BTreeSet::new());
        let slipped = (0..r.initiatives.len())
            .find(|&i| r.initiatives[i].start.is_some() && r.dependents(i).count() >= 2)
            .expect("a dated initiative with dependents");
        let question = Question {
            slip: Some((r.initiatives[slipped].id.clone(), 12)),
            ..Question::default()
        };
        let a = analyse(&r, &question, reference);
        let mut drawn = 0;
        for (i, m) in a.moves.iter().enumerate() {
            let (Some(m), Some(bar)) = (m, l.bar_of(i)) else {
                continue;
            };
            let g = slip_ghost(&l, bar, m).expect("a moved dated bar has a ghost");
            assert_eq!(g.x, l.x_of(m.start.or(m.end).unwrap()));
            assert!(g.w >= MIN_BAR);
            assert_eq!(g.y, bar.y);
            assert_eq!(g.flagged, m.later_horizon || m.beyond_three_years);
            assert!(g.label.starts_with('+'), "{}", g.label);
            drawn += 1;
        }
        assert!(drawn >= 2, "only {drawn} ghosts");
    }
}
