//! Where a baseline is drawn on the timeline: for each moved initiative, its bar's
//! place in the baseline (a thin outline under its bar, in the gap between rows, on
//! the same scale) with the shift ("+6 w") just after it; for each removed one, a
//! ghost at its old dates in its stage's header row. The component only draws these.
//!
//! Complexity: O(B + R · L) for B bars, R removed initiatives and L lanes.

use super::{span, text_width, LaneKind, Shape, TimelineLayout, BAR_HEIGHT, MIN_BAR};
use crate::core::model::Roadmap;
use crate::core::text::date::Date;
use crate::core::tools::diff::Kind;
use crate::core::views::describe::shift_label;

/// How tall a baseline outline is: it fits the gap under a bar.
pub const OUTLINE_HEIGHT: f64 = 4.0;

/// A moved initiative's baseline place.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    /// The initiative (an index into the roadmap shown).
    pub init: usize,
    pub x: f64,
    /// Its top: just under its bar ([`OUTLINE_HEIGHT`] tall).
    pub y: f64,
    pub w: f64,
    /// "+6 w": its end's shift (its start's when the end did not move).
    pub shift: String,
    /// Where the shift is written: after the outline, or, when the drawing ends
    /// there, before it (right-aligned: `label_before`).
    pub label_x: f64,
    pub label_before: bool,
}

/// A removed initiative at its old dates, in its stage's header row.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedGhost {
    /// The initiative (an index into the baseline).
    pub init: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Everything a baseline adds to the timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BaselineMarks {
    pub outlines: Vec<Outline>,
    pub removed: Vec<RemovedGhost>,
}

/// `layout` is the head's (`head`, the roadmap shown); `kinds` says how each of its
/// initiatives changed and `removed` lists the baseline's removed initiatives (both
/// from `compare::Comparison`). Open-ended bars on both sides end as the timeline ends
/// them from `reference`.
pub fn baseline_marks(
    layout: &TimelineLayout,
    head: &Roadmap,
    base: &Roadmap,
    kinds: &[Option<Kind>],
    removed: &[usize],
    reference: Date,
) -> BaselineMarks {
    let place = |s: Date, e: Date| {
        let x = layout.x_of(s).clamp(0.0, (layout.width - MIN_BAR).max(0.0));
        let w = (layout.x_of(Date(e.0 + 1)).min(layout.width) - x).max(MIN_BAR);
        (x, w)
    };
    let mut outlines = Vec::new();
    for b in &layout.bars {
        if b.ghost || b.shape == Shape::Undated || kinds.get(b.init) != Some(&Some(Kind::Moved)) {
            continue;
        }
        let init = &head.initiatives[b.init];
        let Some(j) = base.find(&init.id) else {
            continue;
        };
        let (Some((s0, e0, _)), Some((s1, e1, _))) = (
            span(base, &base.initiatives[j], reference),
            span(head, init, reference),
        ) else {
            continue;
        };
        let days = if e1 != e0 { e1.0 - e0.0 } else { s1.0 - s0.0 };
        let (x, w) = place(s0, e0);
        let shift = shift_label(days);
        let need = text_width(shift.chars().count());
        let label_before = x + w + need > layout.width;
        outlines.push(Outline {
            init: b.init,
            x,
            y: b.y + BAR_HEIGHT + 1.0,
            w,
            label_x: if label_before { x - 3.0 } else { x + w + 3.0 },
            label_before,
            shift,
        });
    }
    let mut ghosts = Vec::new();
    for &j in removed {
        let init = &base.initiatives[j];
        let Some((s, e, _)) = span(base, init, reference) else {
            continue;
        };
        let stage_id = &base.stages[init.stage].id;
        let Some(k) = head.stages.iter().position(|st| st.id == *stage_id) else {
            continue;
        };
        let lane = layout.lanes.iter().find(
            |l| matches!(&l.kind, LaneKind::Stage { stage, collapsed: false, .. } if *stage == k),
        );
        let Some(lane) = lane else { continue };
        let (x, w) = place(s, e);
        let h = BAR_HEIGHT - 4.0;
        ghosts.push(RemovedGhost {
            init: j,
            x,
            y: lane.y + (lane.kind.header() - h) / 2.0,
            w,
            h,
        });
    }
    BaselineMarks {
        outlines,
        removed: ghosts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::RoadmapBuilder;
    use crate::core::views::compare::Comparison;
    use crate::core::views::filter::{visible, Filter};
    use crate::core::views::timeline::{layout, settings, Zoom};

    #[test]
    fn a_moved_bar_gets_its_baseline_outline_and_a_removed_one_a_ghost_in_its_stage() {
        let base = RoadmapBuilder::new(&["s", "t"])
            .as_of("2026-01-01")
            .initiative("same", "start: 2026-01-01, end: 2026-03-31")
            .initiative("late", "start: 2026-02-01, end: 2026-03-31")
            .initiative("gone", "stage: t, start: 2026-04-01, end: 2026-04-30")
            .load()
            .0;
        let head = RoadmapBuilder::new(&["s", "t"])
            .as_of("2026-01-01")
            .initiative("same", "start: 2026-01-01, end: 2026-03-31")
            .initiative("late", "start: 2026-03-15, end: 2026-05-12")
            .initiative("other", "stage: t, end: 2026-06-30")
            .load()
            .0;
        let reference = head.reference_date(Date(0));
        let cmp = Comparison::new((&base, &[]), (&head, &[]), reference);
        let vis = visible(&head, &Filter::default(), reference, false);
        let l = layout(&head, &vis, reference, &settings(Zoom::Month));
        let m = baseline_marks(&l, &head, &base, &cmp.kinds, &cmp.removed, reference);
        assert_eq!(m.outlines.len(), 1, "{m:?}");
        let o = &m.outlines[0];
        let bar = l.bar_of(1).unwrap();
        assert_eq!(o.init, 1);
        assert_eq!(o.y, bar.y + BAR_HEIGHT + 1.0);
        assert!(o.y + OUTLINE_HEIGHT < bar.y + crate::core::views::timeline::ROW_HEIGHT - 2.0);
        let day = |y, mo, d| Date::from_ymd(y, mo, d).unwrap();
        assert!((o.x - l.x_of(day(2026, 2, 1))).abs() < 1e-9);
        assert!((o.x + o.w - l.x_of(day(2026, 4, 1))).abs() < 1e-9);
        assert_eq!(o.shift, "+6 w");
        assert!(!o.label_before && o.label_x > o.x + o.w);

        assert_eq!(m.removed.len(), 1);
        let g = &m.removed[0];
        assert_eq!(g.init, base.find("gone").unwrap());
        assert!((g.x - l.x_of(day(2026, 4, 1))).abs() < 1e-9);
        let lane_t = l
            .lanes
            .iter()
            .find(|x| matches!(x.kind, LaneKind::Stage { stage: 1, .. }))
            .unwrap();
        assert!(g.y > lane_t.y && g.y + g.h < lane_t.y + lane_t.kind.header());
    }
}
