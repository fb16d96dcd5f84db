//! Virtualization: the part of the timeline a drawing keeps (what reaches into a
//! [`Viewport`] around the visible area) and the binary search that finds it.

use super::{Arrow, Bar, LaneKind, TimelineLayout, BAR_HEIGHT};
use std::collections::BTreeMap;

/// Above this many bars (timeline) or rows (table), only what is near the visible area
/// is rendered; the drawing keeps its full size, so scrolling behaves as usual.
pub const VIRTUALIZE_ABOVE: usize = 300;

/// A rectangle of the timeline body, in its pixels: a virtualized drawing keeps only
/// what reaches into it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
}

impl Viewport {
    /// Everything.
    pub const ALL: Viewport = Viewport {
        top: f64::MIN,
        bottom: f64::MAX,
        left: f64::MIN,
        right: f64::MAX,
    };

    /// The span to draw along one axis for a screen from `start` of length `len`: a
    /// quarter screen more on either side, so small scrolls need no new drawing.
    pub fn span_around(start: f64, len: f64) -> (f64, f64) {
        (start - len / 4.0, start + 1.25 * len)
    }
}

impl TimelineLayout {
    /// The bars that reach into `v`, labels included (rows are laid out top to bottom
    /// in `bars` order, so the rows are a binary search).
    pub fn bars_in(&self, v: &Viewport) -> Vec<&Bar> {
        let from = self.bars.partition_point(|b| b.y + BAR_HEIGHT < v.top);
        let to = self.bars.partition_point(|b| b.y <= v.bottom);
        self.bars[from..to.max(from)]
            .iter()
            .filter(|b| {
                let (lo, hi) = b.extent();
                hi >= v.left && lo <= v.right
            })
            .collect()
    }

    /// `bars` (drawn ones, in any order) by the lane that holds them: a team's lane,
    /// or the Unscheduled one. In drawing order: (the lane's index in `lanes`, its
    /// bars in the order given). A drawing puts each lane's bars in a group placed at
    /// the lane's top, so a lane that only moves up or down changes one attribute.
    pub fn by_lane<'a>(&self, bars: &[&'a Bar]) -> Vec<(usize, Vec<&'a Bar>)> {
        let mut lanes: BTreeMap<usize, Vec<&'a Bar>> = BTreeMap::new();
        for &b in bars {
            // The last lane starting at or above the bar: lanes are top to bottom,
            // and a stage's header starts above its first team's lane.
            let lane = self.lanes.partition_point(|l| l.y <= b.y).saturating_sub(1);
            lanes.entry(lane).or_default().push(b);
        }
        lanes.into_iter().collect()
    }

    /// A lane's identity across layouts (a filter or a fold moves lanes, they stay the
    /// same lanes): its stage and team, or the Unscheduled lane.
    pub fn lane_key(&self, lane: usize) -> String {
        match &self.lanes[lane].kind {
            LaneKind::Team { team, stage } => match team {
                Some(t) => format!("{stage}.{t}"),
                None => format!("{stage}."),
            },
            LaneKind::Unscheduled { .. } => "unscheduled".into(),
            // No bar is in these; keyed by place, should the layout change.
            _ => format!("lane{lane}"),
        }
    }

    /// Whether the arrow's bounding box (between its two bars) reaches into `v`.
    pub fn arrow_in(&self, a: &Arrow, v: &Viewport) -> bool {
        match (self.bar_of(a.from), self.bar_of(a.to)) {
            (Some(p), Some(q)) => {
                p.y.max(q.y) + BAR_HEIGHT >= v.top
                    && p.y.min(q.y) <= v.bottom
                    && (p.x + p.w).max(q.x + q.w) >= v.left
                    && p.x.min(q.x) <= v.right
            }
            _ => false,
        }
    }
}
