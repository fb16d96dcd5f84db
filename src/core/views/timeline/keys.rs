//! Keyboard movement between the timeline's bars (one Tab stop, roving focus): which
//! bar each key leads to, given the layout, and the scroll that shows a focused bar.
//!
//! Left and Right go along the lane (stage and team) in time order; Up and Down go to
//! the row above or below, to the bar nearest in time; Home and End to the lane's
//! first and last bar; Ctrl+Home and Ctrl+End to the chart's first and last bar in
//! reading order. The tab stop is the selected bar, else the last one focused, else
//! the first in reading order. The lane headers (stage toggles, folded rows) are one
//! Tab stop of their own, Up and Down moving between them (`step_in_list`).
//!
//! Complexity: every step is looked up on the key press, O(n) at most in the bars
//! drawn (Up and Down are a binary search over rows plus the target row).

use super::{Bar, Shape, TimelineLayout, BAR_HEIGHT};
use crate::core::model::Roadmap;

/// A keyboard step inside a chart (the timeline and the graph share them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Left,
    Right,
    Up,
    Down,
    /// Home: the start of the line moved along.
    Home,
    /// End: the end of the line moved along.
    End,
    /// Ctrl+Home: the chart's first item.
    First,
    /// Ctrl+End: the chart's last item.
    Last,
}

impl Step {
    /// The step a key (`KeyboardEvent.key`) asks for; `ctrl` is Ctrl or Meta held.
    pub fn from_key(key: &str, ctrl: bool) -> Option<Step> {
        Some(match key {
            "ArrowLeft" => Step::Left,
            "ArrowRight" => Step::Right,
            "ArrowUp" => Step::Up,
            "ArrowDown" => Step::Down,
            "Home" if ctrl => Step::First,
            "End" if ctrl => Step::Last,
            "Home" => Step::Home,
            "End" => Step::End,
            _ => return None,
        })
    }
}

/// The bar (initiative index) the timeline's Tab stop is on: the selection's bar,
/// else the last focused bar, else the first bar in reading order; `None` when
/// nothing is drawn.
pub fn tab_stop(l: &TimelineLayout, selected: Option<usize>, last: Option<usize>) -> Option<usize> {
    selected
        .filter(|&i| l.bar_of(i).is_some())
        .or(last.filter(|&i| l.bar_of(i).is_some()))
        .or_else(|| first_bar(l))
}

/// The first bar in reading order: the top row's leftmost.
pub fn first_bar(l: &TimelineLayout) -> Option<usize> {
    l.bars
        .iter()
        .min_by(|a, b| (a.y, a.x).partial_cmp(&(b.y, b.x)).unwrap())
        .map(|b| b.init)
}

/// The last bar in reading order: the bottom row's rightmost.
pub fn last_bar(l: &TimelineLayout) -> Option<usize> {
    l.bars
        .iter()
        .max_by(|a, b| (a.y, a.x).partial_cmp(&(b.y, b.x)).unwrap())
        .map(|b| b.init)
}

/// Where `step` leads from `from`'s bar; `None` when there is nowhere to go (the
/// focus stays).
pub fn step(roadmap: &Roadmap, l: &TimelineLayout, from: usize, step: Step) -> Option<usize> {
    let to = match step {
        Step::Left | Step::Right | Step::Home | Step::End => {
            let lane = lane_in_time_order(roadmap, l, from)?;
            let k = lane.iter().position(|&i| i == from)?;
            match step {
                Step::Left => lane.get(k.checked_sub(1)?).copied(),
                Step::Right => lane.get(k + 1).copied(),
                Step::Home => lane.first().copied(),
                _ => lane.last().copied(),
            }
        }
        Step::Up | Step::Down => row_neighbour(l, from, step == Step::Down),
        Step::First => first_bar(l),
        Step::Last => last_bar(l),
    }?;
    (to != from).then_some(to)
}

/// Where `step` leads in a list of `len` items from item `at` (the lane headers, top
/// to bottom): Up and Down to the one before and after, Home and End (with or without
/// Ctrl) to the first and last; Left and Right lead nowhere.
pub fn step_in_list(len: usize, at: usize, step: Step) -> Option<usize> {
    let last = len.checked_sub(1)?;
    let to = match step {
        Step::Up => at.checked_sub(1)?,
        Step::Down => at + 1,
        Step::Home | Step::First => 0,
        Step::End | Step::Last => last,
        Step::Left | Step::Right => return None,
    };
    (to <= last && to != at).then_some(to)
}

/// The bars of `init`'s lane (same stage, team, and dated or not), in time order:
/// bars cut at the range's start share an x, so dates decide, not positions.
fn lane_in_time_order(roadmap: &Roadmap, l: &TimelineLayout, init: usize) -> Option<Vec<usize>> {
    let lane = |b: &Bar| {
        let i = &roadmap.initiatives[b.init];
        (i.stage, i.team, b.shape == Shape::Undated)
    };
    let at = lane(l.bar_of(init)?);
    let mut same: Vec<&Bar> = l.bars.iter().filter(|b| lane(b) == at).collect();
    let when = |b: &Bar| {
        let i = &roadmap.initiatives[b.init];
        (i.start.or(i.end), i.end.or(i.start), b.init)
    };
    same.sort_by_key(|b| when(b));
    Some(same.into_iter().map(|b| b.init).collect())
}

/// The bar nearest in time to `init`'s in the row above (`down == false`) or below.
/// Rows are the bars' distinct `y`, laid out top to bottom in `bars` order.
fn row_neighbour(l: &TimelineLayout, init: usize, down: bool) -> Option<usize> {
    let me = l.bar_of(init)?;
    let y = me.y;
    let row_y = if down {
        let k = l.bars.partition_point(|b| b.y <= y);
        l.bars.get(k)?.y
    } else {
        let k = l.bars.partition_point(|b| b.y < y);
        l.bars.get(k.checked_sub(1)?)?.y
    };
    let (from, to) = (
        l.bars.partition_point(|b| b.y < row_y),
        l.bars.partition_point(|b| b.y <= row_y),
    );
    let (lo, hi) = (me.x, me.x + me.w);
    // Overlapping in time first (distance 0), then the closest gap; ties go to the
    // bar starting nearest, then the earlier one.
    let gap = |b: &Bar| (b.x - hi).max(lo - (b.x + b.w)).max(0.0);
    l.bars[from..to]
        .iter()
        .min_by(|a, b| {
            (gap(a), (a.x - lo).abs(), a.x)
                .partial_cmp(&(gap(b), (b.x - lo).abs(), b.x))
                .unwrap()
        })
        .map(|b| b.init)
}

/// Where to scroll (left, top) so `bar` is in the visible drawing, moving as little
/// as possible (nothing when it is in view already): `current` is the scroll position,
/// `view` the visible drawing's size (`Canvas`), `size` the whole drawing's.
pub fn scroll_to_show(
    bar: &Bar,
    current: (f64, f64),
    view: (f64, f64),
    size: (f64, f64),
) -> (f64, f64) {
    const MARGIN: f64 = 12.0;
    let nearest = |at: f64, view: f64, lo: f64, hi: f64, size: f64| {
        let (lo, hi) = (lo - MARGIN, hi + MARGIN);
        let to = if lo < at {
            lo
        } else if hi > at + view {
            // Wider than the view: its start matters more than its end.
            (hi - view).min(lo)
        } else {
            at
        };
        to.min(size - view).max(0.0)
    };
    // The bar's shape, not its label: a long label beside it need not be in view.
    let (x0, x1) = (bar.x, bar.x + bar.w.max(BAR_HEIGHT));
    (
        nearest(current.0, view.0, x0, x1, size.0),
        nearest(current.1, view.1, bar.y, bar.y + BAR_HEIGHT, size.1),
    )
}

#[cfg(test)]
mod tests {
    use super::super::{layout, settings, Zoom};
    use super::*;
    use crate::core::test_support::roadmap;
    use crate::core::views::filter::{visible, Filter};

    // Lane s/t: a and b overlap (two rows), c after a (a's row). Lane s/v: d, e.
    // Stage u: m (milestone), then x undated.
    const YAML: &str = "title: T\nas_of: 2026-11-01\nstages: [{id: s, name: S, teams: [{id: t, name: T}, {id: v, name: V}]}, {id: u, name: U}]\ninitiatives:
  - {id: a, title: A, stage: s, confidence: low, team: t, start: 2026-Q1, end: 2026-Q4}
  - {id: b, title: B, stage: s, confidence: low, team: t, start: 2026-Q3, end: 2027-Q2}
  - {id: c, title: C, stage: s, confidence: low, team: t, start: 2027-Q3, end: 2027-Q4}
  - {id: d, title: D, stage: s, confidence: low, team: v, start: 2026-Q1, end: 2026-Q2}
  - {id: e, title: E, stage: s, confidence: low, team: v, start: 2028-Q1, end: 2028-Q2}
  - {id: m, title: M, stage: u, confidence: low, end: 2027-06}
  - {id: x, title: X, stage: u, confidence: low, horizon: long}
";

    fn setup() -> (Roadmap, TimelineLayout) {
        let r = roadmap(YAML);
        let v = visible(&r, &Filter::default(), r.as_of.unwrap(), false);
        let l = layout(&r, &v, r.as_of.unwrap(), &settings(Zoom::Quarter));
        (r, l)
    }

    fn go(r: &Roadmap, l: &TimelineLayout, from: &str, s: Step) -> Option<String> {
        step(r, l, r.find(from).unwrap(), s).map(|i| r.initiatives[i].id.clone())
    }

    #[test]
    fn left_and_right_follow_the_lane_in_time_order() {
        let (r, l) = setup();
        assert_eq!(go(&r, &l, "a", Step::Right).as_deref(), Some("b"));
        assert_eq!(go(&r, &l, "b", Step::Right).as_deref(), Some("c"));
        assert_eq!(go(&r, &l, "c", Step::Right), None, "the lane ends: stay");
        assert_eq!(go(&r, &l, "c", Step::Left).as_deref(), Some("b"));
        assert_eq!(go(&r, &l, "a", Step::Left), None);
        assert_eq!(go(&r, &l, "b", Step::Home).as_deref(), Some("a"));
        assert_eq!(go(&r, &l, "a", Step::End).as_deref(), Some("c"));
        assert_eq!(
            go(&r, &l, "d", Step::Right).as_deref(),
            Some("e"),
            "its own team's lane"
        );
    }

    #[test]
    fn up_and_down_go_to_the_nearest_bar_in_time_in_the_next_row() {
        let (r, l) = setup();
        let y = |id: &str| l.bar_of(r.find(id).unwrap()).unwrap().y;
        // Rows: [a c], [b], [d e], [m], [x].
        assert!(y("a") < y("b") && y("b") < y("d") && y("d") < y("m") && y("m") < y("x"));
        assert_eq!(go(&r, &l, "a", Step::Down).as_deref(), Some("b"));
        assert_eq!(
            go(&r, &l, "b", Step::Up).as_deref(),
            Some("a"),
            "overlaps a"
        );
        assert_eq!(
            go(&r, &l, "b", Step::Down).as_deref(),
            Some("d"),
            "d is nearer in time than e"
        );
        assert_eq!(go(&r, &l, "e", Step::Up).as_deref(), Some("b"));
        assert_eq!(go(&r, &l, "e", Step::Down).as_deref(), Some("m"));
        assert_eq!(
            go(&r, &l, "m", Step::Down).as_deref(),
            Some("x"),
            "into the Unscheduled lane"
        );
        assert_eq!(go(&r, &l, "x", Step::Down), None);
        assert_eq!(go(&r, &l, "a", Step::Up), None);
    }

    #[test]
    fn first_last_and_the_tab_stop() {
        let (r, l) = setup();
        let id = |i: Option<usize>| i.map(|i| r.initiatives[i].id.as_str());
        assert_eq!(id(first_bar(&l)), Some("a"));
        assert_eq!(id(last_bar(&l)), Some("x"));
        assert_eq!(go(&r, &l, "e", Step::First).as_deref(), Some("a"));
        assert_eq!(go(&r, &l, "a", Step::Last).as_deref(), Some("x"));
        let (c, e) = (r.find("c"), r.find("e"));
        assert_eq!(id(tab_stop(&l, None, None)), Some("a"));
        assert_eq!(id(tab_stop(&l, None, e)), Some("e"), "the last focused");
        assert_eq!(id(tab_stop(&l, c, e)), Some("c"), "the selection first");
        assert_eq!(id(tab_stop(&l, Some(99), None)), Some("a"), "not drawn");
        assert_eq!(Step::from_key("Home", true), Some(Step::First));
        assert_eq!(Step::from_key("End", false), Some(Step::End));
        assert_eq!(Step::from_key("a", false), None);
    }

    #[test]
    fn lane_headers_step_up_and_down_and_to_the_ends() {
        assert_eq!(step_in_list(4, 1, Step::Down), Some(2));
        assert_eq!(step_in_list(4, 3, Step::Down), None);
        assert_eq!(step_in_list(4, 0, Step::Up), None);
        assert_eq!(step_in_list(4, 2, Step::Home), Some(0));
        assert_eq!(step_in_list(4, 2, Step::Last), Some(3));
        assert_eq!(step_in_list(4, 3, Step::End), None, "already there");
        assert_eq!(step_in_list(4, 1, Step::Right), None);
        assert_eq!(step_in_list(0, 0, Step::Down), None);
    }

    #[test]
    fn scrolling_to_a_bar_moves_only_when_needed_and_as_little_as_possible() {
        let (_, l) = setup();
        let bar = |x: f64, y: f64, w: f64| Bar {
            x,
            y,
            w,
            ..l.bars[0].clone()
        };
        let (view, size) = ((500.0, 300.0), (2000.0, 1000.0));
        let b = bar(100.0, 100.0, 50.0);
        assert_eq!(scroll_to_show(&b, (0.0, 0.0), view, size), (0.0, 0.0));
        // Right of the view: its end comes in at the right edge, with the margin.
        let b = bar(800.0, 100.0, 50.0);
        assert_eq!(scroll_to_show(&b, (0.0, 0.0), view, size), (362.0, 0.0));
        // Above and left: its start at the top left edge.
        let b = bar(100.0, 100.0, 50.0);
        assert_eq!(scroll_to_show(&b, (400.0, 400.0), view, size), (88.0, 88.0));
        // Wider than the view: its start shows.
        let b = bar(800.0, 100.0, 900.0);
        assert_eq!(scroll_to_show(&b, (0.0, 0.0), view, size).0, 788.0);
        // Never past the drawing's end.
        let b = bar(1980.0, 980.0, 20.0);
        assert_eq!(scroll_to_show(&b, (0.0, 0.0), view, size), (1500.0, 700.0));
    }
}
