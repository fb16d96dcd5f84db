//! Drift on the timeline (`drift=1`, #29): under each bar whose end moved in the
//! history, a faint trail from where it was first planned to end to where it ends
//! now, with a tick at every end it was planned to have in between; the bars that
//! slipped most are marked with their slip ("+21 w"). Drawn in the gap under the bar,
//! on the bar's scale, as the baseline's outlines are; the component only draws these.
//!
//! Complexity: O(B + E + B log B) for B bars and E events.

use super::{text_width, Shape, TimelineLayout, BAR_HEIGHT};
use crate::core::model::Roadmap;
use crate::core::text::date::{Date, Edge};
use crate::core::tools::history::{Field, History};
use crate::core::views::describe::shift_label;

/// How many of the most slipped bars are marked.
pub const MOST_SLIPPED: usize = 5;

/// One bar's trail of earlier planned ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Trail {
    /// The initiative (an index into the roadmap shown).
    pub init: usize,
    /// The line's height: just under the bar.
    pub y: f64,
    /// From the first planned end's x to the current end's (either way round).
    pub x0: f64,
    pub x1: f64,
    /// Each earlier planned end's x, oldest first (the first plan's included).
    pub ends: Vec<f64>,
    /// The end's days since first planned (negative: pulled in).
    pub slip_days: i32,
    /// "+21 w" when it is among the [`MOST_SLIPPED`] (and slipped), else empty.
    pub label: String,
    /// Where the label is written: after the trail, or before it when the drawing
    /// ends there (right-aligned).
    pub label_x: f64,
    pub label_before: bool,
}

/// The trails for `layout`'s bars of `roadmap` (the roadmap the history ends at).
pub fn drift_marks(layout: &TimelineLayout, roadmap: &Roadmap, history: &History) -> Vec<Trail> {
    let day = |v: &Option<String>| Date::parse(v.as_deref()?, Edge::First).ok();
    let x_end = |d: Date| layout.x_of(Date(d.0 + 1)).clamp(0.0, layout.width);
    let mut trails = Vec::new();
    for b in &layout.bars {
        if b.ghost || b.shape == Shape::Undated {
            continue;
        }
        let init = &roadmap.initiatives[b.init];
        let (Some(t), Some(end)) = (history.initiatives.get(&init.id), init.end) else {
            continue;
        };
        let earlier: Vec<Date> = t
            .events
            .iter()
            .filter(|e| e.field == Field::End)
            .filter_map(|e| day(&e.from))
            .collect();
        if earlier.is_empty() {
            continue;
        }
        let ends: Vec<f64> = earlier.iter().map(|&d| x_end(d)).collect();
        let now = x_end(end);
        let lo = ends.iter().copied().fold(now, f64::min);
        let hi = ends.iter().copied().fold(now, f64::max);
        let first = t.first_end.unwrap_or(earlier[0]);
        trails.push(Trail {
            init: b.init,
            y: b.y + BAR_HEIGHT + 2.0,
            x0: lo,
            x1: hi,
            ends,
            slip_days: end.0 - first.0,
            label: String::new(),
            label_x: hi + 3.0,
            label_before: false,
        });
    }
    // The most slipped: the largest positive slips, ties by position.
    let mut order: Vec<usize> = (0..trails.len())
        .filter(|&k| trails[k].slip_days > 0)
        .collect();
    order.sort_by_key(|&k| std::cmp::Reverse(trails[k].slip_days));
    for &k in order.iter().take(MOST_SLIPPED) {
        let t = &mut trails[k];
        t.label = shift_label(t.slip_days);
        let need = text_width(t.label.chars().count());
        t.label_before = t.x1 + 3.0 + need > layout.width;
        t.label_x = if t.label_before {
            t.x0 - 3.0
        } else {
            t.x1 + 3.0
        };
    }
    trails
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::RoadmapBuilder;
    use crate::core::tools::history::{Commit, Event, Timeline};
    use crate::core::views::filter::{visible, Filter};
    use crate::core::views::timeline::{layout, settings, Zoom, ROW_HEIGHT};

    /// A timeline whose end went through `ends` (the first is the first plan).
    fn moved(ends: &[Date]) -> Timeline {
        let events = ends
            .windows(2)
            .map(|w| Event {
                commit: 0,
                field: Field::End,
                from: Some(w[0].to_string()),
                to: Some(w[1].to_string()),
            })
            .collect();
        Timeline {
            first_seen: 0,
            events,
            removed: None,
            first_end: ends.first().copied(),
            last_end: ends.last().copied(),
            last: None,
        }
    }

    #[test]
    fn a_trail_for_every_bar_whose_end_moved_and_labels_for_the_most_slipped() {
        let ids = ["a", "b", "c", "d", "e", "f", "g", "still"];
        let mut b = RoadmapBuilder::new(&["s"]);
        b.as_of("2026-01-01");
        for id in ids {
            b.initiative(id, "start: 2026-01-01, end: 2026-10-31");
        }
        let r = b.load().0;
        let end = Date::from_ymd(2026, 10, 31).unwrap();
        let mut h = History {
            commits: vec![Commit {
                id: "c0".into(),
                date: Date(0),
                subject: "s".into(),
            }],
            ..History::default()
        };
        // The k-th slipped (k + 1) × 10 days, in one move or, for odd k, two.
        for (k, id) in ids[..7].iter().enumerate() {
            let first = Date(end.0 - 10 * (k as i32 + 1));
            let path = if k % 2 == 0 {
                vec![first, end]
            } else {
                vec![first, Date(first.0 + 3), end]
            };
            h.initiatives.insert(id.to_string(), moved(&path));
        }
        h.initiatives.insert("still".into(), moved(&[end]));
        let reference = r.reference_date(Date(0));
        let vis = visible(&r, &Filter::default(), reference, false);
        let l = layout(&r, &vis, reference, &settings(Zoom::Month));
        let trails = drift_marks(&l, &r, &h);
        let with: Vec<&str> = trails
            .iter()
            .map(|t| r.initiatives[t.init].id.as_str())
            .collect();
        assert_eq!(
            with,
            &ids[..7],
            "a trail for each moved end, none for `still`"
        );
        for t in &trails {
            let bar = l.bar_of(t.init).unwrap();
            assert!(
                (t.x1 - (bar.x + bar.w)).abs() < 1e-6,
                "ends at the bar's end: {t:?} {bar:?}"
            );
            let first = l.x_of(Date(end.0 + 1 - 10 * (t.init as i32 + 1)));
            assert!((t.x0 - first).abs() < 1e-6, "starts at the first plan");
            assert!(
                t.y > bar.y + BAR_HEIGHT && t.y < bar.y + ROW_HEIGHT,
                "in the gap under its bar"
            );
            assert_eq!(t.ends.len(), 1 + t.init % 2);
            assert_eq!(t.slip_days, 10 * (t.init as i32 + 1));
        }
        let labelled: Vec<&str> = trails
            .iter()
            .filter(|t| !t.label.is_empty())
            .map(|t| r.initiatives[t.init].id.as_str())
            .collect();
        assert_eq!(labelled, ["c", "d", "e", "f", "g"]);
        assert_eq!(trails[6].label, shift_label(70));
    }
}
