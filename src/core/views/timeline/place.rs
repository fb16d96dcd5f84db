//! Where a bar's label goes (inside, right or left of it, or cut with an ellipsis)
//! and the packing of bars into rows that keeps every label clear of other bars.

use super::Shape;
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

/// Average width of a label character at the timeline's font size, in pixels.
pub const CHAR_W: f64 = 7.0;
/// Padding around a label's text, both sides together.
pub const LABEL_PAD: f64 = 12.0;
/// Gap between a bar and a label beside it.
pub const LABEL_GAP: f64 = 4.0;
/// The widest a label beside its bar grows; longer titles are cut there.
pub const MAX_OUTSIDE: f64 = 300.0;
/// Least room worth a label beside a bar (a few characters).
const MIN_OUTSIDE: f64 = 5.0 * CHAR_W + LABEL_PAD;
/// Space kept between two bars (with their labels) in one row.
pub const ROW_PADDING: f64 = 6.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The whole text, on the bar.
    Inside,
    /// Beside the bar, after its end.
    Right,
    /// Beside the bar, before its start.
    Left,
    /// On the bar, cut with an ellipsis (no room anywhere for more).
    Cut,
}

/// A label's box, in the timeline's pixels: its text is cut to `w`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    pub side: Side,
    pub x: f64,
    pub w: f64,
}

/// The width a label of `chars` characters needs.
pub fn text_width(chars: usize) -> f64 {
    chars as f64 * CHAR_W + LABEL_PAD
}

/// Where the label of a bar spanning `x .. x + w` goes, in a drawing `width` wide,
/// for a text `text_w` wide: inside when it fits; else beside the bar, after it when
/// the drawing has room there, else before it; else wherever most of it fits, cut.
/// A milestone's diamond holds no text: its label is always beside it. `tail` is
/// drawn after the bar (a slip's ghost): a label after the bar goes after it.
pub fn place_label(x: f64, w: f64, tail: f64, shape: Shape, text_w: f64, width: f64) -> Label {
    let on_bar = shape != Shape::Milestone;
    if on_bar && w >= text_w {
        return Label {
            side: Side::Inside,
            x,
            w,
        };
    }
    let want = text_w.min(MAX_OUTSIDE);
    let right = width - (x + w + tail + LABEL_GAP);
    let left = x - LABEL_GAP;
    let beside_right = |room: f64| Label {
        side: Side::Right,
        x: x + w + tail + LABEL_GAP,
        w: room,
    };
    let beside_left = |room: f64| Label {
        side: Side::Left,
        x: x - LABEL_GAP - room,
        w: room,
    };
    if right >= want {
        return beside_right(want);
    }
    if left >= want {
        return beside_left(want);
    }
    let inside = if on_bar { w } else { 0.0 };
    let best = right.max(left);
    if best >= MIN_OUTSIDE && best > inside {
        if right >= left {
            beside_right(right)
        } else {
            beside_left(left)
        }
    } else {
        Label {
            side: Side::Cut,
            x,
            w: inside,
        }
    }
}

/// The horizontal extent a bar, what is drawn after it, and its label take in their row.
pub fn extent(x: f64, w: f64, tail: f64, label: &Label) -> (f64, f64) {
    (x.min(label.x), (x + w + tail).max(label.x + label.w))
}

/// Packs extents into rows, first fit in order of their starts (which needs the
/// fewest rows for intervals): `rows[k]` is the row of the `k`-th extent. Two
/// extents in one row are at least [`ROW_PADDING`] apart. Also returns the extents in
/// the order they were placed: within a row, that is left to right.
///
/// First fit without scanning the rows: starts only grow, so a row that fits stays
/// fitting until it is used; rows are moved from a heap ordered by their end to the
/// set of fitting rows as the start passes their end, and the lowest fitting row wins.
///
/// Complexity: O(n log n) for n extents.
pub fn pack(extents: &[(f64, f64)]) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = (0..extents.len()).collect();
    order.sort_by(|&a, &b| {
        extents[a]
            .0
            .total_cmp(&extents[b].0)
            .then(extents[a].1.total_cmp(&extents[b].1))
            .then(a.cmp(&b))
    });
    let mut row_ends: Vec<f64> = Vec::new();
    // Rows in use, soonest free first (by their end; `Ord` on the end's bits orders
    // finite non-negative and negative floats alike through `total_order_key`).
    let mut busy: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::new();
    let mut fitting: BTreeSet<usize> = BTreeSet::new();
    let mut rows = vec![0; extents.len()];
    for &k in &order {
        let (lo, hi) = extents[k];
        while let Some(&Reverse((_, r))) = busy.peek() {
            if row_ends[r] + ROW_PADDING > lo {
                break;
            }
            busy.pop();
            fitting.insert(r);
        }
        let row = fitting.pop_first().unwrap_or_else(|| {
            row_ends.push(f64::MIN);
            row_ends.len() - 1
        });
        row_ends[row] = hi;
        busy.push(Reverse((total_order_key(hi), row)));
        rows[k] = row;
    }
    (rows, order)
}

/// An integer that orders as `f64::total_cmp` orders floats.
fn total_order_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rng::XorShift;

    /// First fit by scanning every row: what `pack` computes faster.
    fn first_fit(extents: &[(f64, f64)]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..extents.len()).collect();
        order.sort_by(|&a, &b| {
            (extents[a].0, extents[a].1, a)
                .partial_cmp(&(extents[b].0, extents[b].1, b))
                .unwrap()
        });
        let mut ends: Vec<f64> = Vec::new();
        let mut rows = vec![0; extents.len()];
        for k in order {
            let (lo, hi) = extents[k];
            let row = match ends.iter().position(|&e| e + ROW_PADDING <= lo) {
                Some(r) => r,
                None => {
                    ends.push(f64::MIN);
                    ends.len() - 1
                }
            };
            ends[row] = hi;
            rows[k] = row;
        }
        rows
    }

    /// (bar x, bar w, shape, text width, drawing width) → (side, label x, label w).
    #[test]
    fn labels_go_inside_then_right_then_left_then_cut() {
        let cases = [
            (
                (100.0, 300.0, Shape::Range, 200.0, 1000.0),
                (Side::Inside, 100.0, 300.0),
            ),
            (
                (100.0, 50.0, Shape::Range, 200.0, 1000.0),
                (Side::Right, 154.0, 200.0),
            ),
            // A long title beside its bar is cut at MAX_OUTSIDE.
            (
                (100.0, 50.0, Shape::Range, 500.0, 1000.0),
                (Side::Right, 154.0, MAX_OUTSIDE),
            ),
            // Near the right edge: before the bar.
            (
                (900.0, 50.0, Shape::Range, 200.0, 1000.0),
                (Side::Left, 696.0, 200.0),
            ),
            // Neither side has the room: the bigger side, cut.
            (
                (150.0, 50.0, Shape::Range, 300.0, 400.0),
                (Side::Right, 204.0, 196.0),
            ),
            // No room beside it worth using: cut on the bar.
            (
                (10.0, 360.0, Shape::Range, 600.0, 400.0),
                (Side::Cut, 10.0, 360.0),
            ),
            // A milestone's label is beside its diamond even when short.
            (
                (100.0, 22.0, Shape::Milestone, 50.0, 1000.0),
                (Side::Right, 126.0, 50.0),
            ),
            (
                (990.0, 22.0, Shape::Milestone, 50.0, 1000.0),
                (Side::Left, 936.0, 50.0),
            ),
        ];
        for ((x, w, shape, text, width), (side, lx, lw)) in cases {
            let l = place_label(x, w, 0.0, shape, text, width);
            assert_eq!(
                (l.side, l.x, l.w),
                (side, lx, lw),
                "{x} {w} {shape:?} {text} {width}"
            );
        }
    }

    /// On random rows of bars, labels stay inside the drawing, and no two extents (bar
    /// and label) in one row overlap.
    #[test]
    fn packed_rows_never_overlap_labels_or_bars() {
        let mut rng = XorShift::new(11);
        for _ in 0..200 {
            let width = 200.0 + rng.below(1200) as f64;
            let n = 1 + rng.below(40) as usize;
            let bars: Vec<(f64, f64, Shape, f64)> = (0..n)
                .map(|_| {
                    let x = rng.below(width as u64) as f64;
                    let w = (rng.below(300) as f64).min(width - x).max(8.0);
                    let shape = if rng.below(5) == 0 {
                        Shape::Milestone
                    } else {
                        Shape::Range
                    };
                    (x, w, shape, text_width(1 + rng.below(50) as usize))
                })
                .collect();
            let labels: Vec<Label> = bars
                .iter()
                .map(|&(x, w, s, t)| place_label(x, w, 0.0, s, t, width))
                .collect();
            let extents: Vec<(f64, f64)> = bars
                .iter()
                .zip(&labels)
                .map(|(&(x, w, ..), l)| extent(x, w, 0.0, l))
                .collect();
            for l in &labels {
                assert!(l.x >= -1e-9 && l.w >= 0.0, "{l:?}");
                assert!(
                    l.side == Side::Cut || l.x + l.w <= width + 1e-9,
                    "{l:?} {width}"
                );
            }
            let (rows, order) = pack(&extents);
            assert_eq!(
                rows,
                first_fit(&extents),
                "first fit, as scanning the rows finds it"
            );
            for w in order.windows(2) {
                if rows[w[0]] == rows[w[1]] {
                    assert!(extents[w[0]].0 <= extents[w[1]].0);
                }
            }
            for a in 0..n {
                for b in a + 1..n {
                    if rows[a] == rows[b] {
                        let (p, q) = (extents[a], extents[b]);
                        assert!(
                            p.1 + ROW_PADDING <= q.0 || q.1 + ROW_PADDING <= p.0,
                            "{p:?} {q:?}"
                        );
                    }
                }
            }
        }
    }
}
