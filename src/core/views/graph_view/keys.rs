//! Keyboard movement between the graph's nodes (one Tab stop, roving focus): which
//! node each key leads to, given the drawing, and the pan that shows a focused node.
//!
//! The drawing runs left to right in columns (layers): Left and Right go to the
//! nearest node (vertically) in the column before or after, Up and Down to the node
//! above or below in the same column; Home and End (with or without Ctrl) to the
//! drawing's first and last node in reading order (columns left to right, each top
//! to bottom). The tab stop is the selection's node, else the last one focused, else
//! the first.
//!
//! Complexity: O(n) in the nodes drawn, on the key press.

use super::fit::View;
use super::{GraphDrawing, GraphNode, Item, NODE_H};
use crate::core::views::timeline::Step;

/// The node (index in `drawing.nodes`) the graph's Tab stop is on: the selection's
/// own node, else the last focused item's, else the first in reading order.
pub fn tab_stop(d: &GraphDrawing, selected: Option<usize>, last: Option<Item>) -> Option<usize> {
    let find = |it: Item| d.nodes.iter().position(|n| n.item == it);
    selected
        .and_then(|i| find(Item::Init(i)))
        .or_else(|| last.and_then(find))
        .or_else(|| reading_order(d).next())
}

/// Node indices in reading order: by column (centre x), then top to bottom.
fn reading_order(d: &GraphDrawing) -> impl Iterator<Item = usize> {
    let mut order: Vec<usize> = (0..d.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        let (p, q) = (&d.nodes[a], &d.nodes[b]);
        (column(p), p.y).partial_cmp(&(column(q), q.y)).unwrap()
    });
    order.into_iter()
}

/// A node's column: its centre, rounded (stage nodes are narrower than initiatives
/// but centred on the same column).
fn column(n: &GraphNode) -> f64 {
    n.x.round()
}

/// Where `step` leads from node `from`; `None` when there is nowhere to go.
pub fn step(d: &GraphDrawing, from: usize, step: Step) -> Option<usize> {
    let me = d.nodes.get(from)?;
    let (cx, y) = (column(me), me.y);
    let nodes = d.nodes.iter().enumerate();
    let to = match step {
        Step::Up | Step::Down => {
            let down = step == Step::Down;
            nodes
                .filter(|(_, n)| column(n) == cx && if down { n.y > y } else { n.y < y })
                .min_by(|a, b| (a.1.y - y).abs().partial_cmp(&(b.1.y - y).abs()).unwrap())
                .map(|(k, _)| k)
        }
        Step::Left | Step::Right => {
            let right = step == Step::Right;
            let beyond = |n: &GraphNode| {
                if right {
                    column(n) > cx
                } else {
                    column(n) < cx
                }
            };
            // The nearest column that way, then the node nearest in height (the upper
            // one on a tie).
            let next = nodes
                .clone()
                .filter(|(_, n)| beyond(n))
                .map(|(_, n)| (column(n) - cx).abs())
                .min_by(|a, b| a.partial_cmp(b).unwrap())?;
            nodes
                .filter(|(_, n)| beyond(n) && (column(n) - cx).abs() == next)
                .min_by(|a, b| {
                    ((a.1.y - y).abs(), a.1.y)
                        .partial_cmp(&((b.1.y - y).abs(), b.1.y))
                        .unwrap()
                })
                .map(|(k, _)| k)
        }
        Step::Home | Step::First => reading_order(d).next(),
        Step::End | Step::Last => reading_order(d).last(),
    }?;
    (to != from).then_some(to)
}

/// The view that shows node `n` in an `area` (width, height) of the screen, moved as
/// little as possible from `view` (not at all when it is in view), at the same scale.
pub fn pan_to_show(view: View, n: &GraphNode, area: (f64, f64)) -> View {
    const MARGIN: f64 = 16.0;
    let shift = |lo: f64, hi: f64, size: f64| {
        let (lo, hi) = (lo - MARGIN, hi + MARGIN);
        if lo < 0.0 || hi - lo > size {
            -lo
        } else if hi > size {
            size - hi
        } else {
            0.0
        }
    };
    let k = view.k;
    let (x0, y0) = (
        (n.x - n.w / 2.0) * k + view.x,
        (n.y - NODE_H / 2.0) * k + view.y,
    );
    View {
        x: view.x + shift(x0, x0 + n.w * k, area.0),
        y: view.y + shift(y0, y0 + NODE_H * k, area.1),
        k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(item: Item, x: f64, y: f64) -> GraphNode {
        GraphNode {
            item,
            x,
            y,
            w: 196.0,
            ghost: false,
            title: vec![],
            sub: String::new(),
            count: 0,
        }
    }

    /// Columns at x 100, 336, 572: [a b], [c d e], [s (a stage node)].
    fn drawing() -> GraphDrawing {
        GraphDrawing {
            nodes: vec![
                node(Item::Init(0), 100.0, 200.0),
                node(Item::Init(1), 100.0, 50.0),
                node(Item::Init(2), 336.0, 40.0),
                node(Item::Init(3), 336.0, 120.0),
                node(Item::Init(4), 336.0, 260.0),
                GraphNode {
                    w: 160.0,
                    ..node(Item::Stage(0), 572.0, 120.0)
                },
            ],
            ..GraphDrawing::default()
        }
    }

    #[test]
    fn arrows_move_along_columns_and_across_them() {
        let d = drawing();
        let go = |from: usize, s: Step| step(&d, from, s);
        assert_eq!(go(0, Step::Up), Some(1));
        assert_eq!(go(1, Step::Up), None);
        assert_eq!(go(1, Step::Down), Some(0));
        assert_eq!(
            go(0, Step::Right),
            Some(4),
            "nearest in height: e (260) before d (120)"
        );
        assert_eq!(go(1, Step::Right), Some(2));
        assert_eq!(go(3, Step::Right), Some(5), "into a stage node");
        assert_eq!(go(5, Step::Right), None);
        assert_eq!(go(5, Step::Left), Some(3));
        assert_eq!(go(2, Step::Left), Some(1));
        assert_eq!(go(3, Step::Home), Some(1), "first: the left column's top");
        assert_eq!(go(3, Step::Last), Some(5));
        assert_eq!(go(1, Step::First), None, "already there");
    }

    #[test]
    fn the_tab_stop_is_the_selection_else_the_last_focused_else_the_first() {
        let d = drawing();
        assert_eq!(tab_stop(&d, None, None), Some(1));
        assert_eq!(tab_stop(&d, None, Some(Item::Stage(0))), Some(5));
        assert_eq!(tab_stop(&d, Some(3), Some(Item::Stage(0))), Some(3));
        assert_eq!(
            tab_stop(&d, Some(9), Some(Item::Init(8))),
            Some(1),
            "neither drawn"
        );
        assert_eq!(tab_stop(&GraphDrawing::default(), None, None), None);
    }

    #[test]
    fn panning_to_a_node_moves_only_when_it_is_out_of_view() {
        let n = node(Item::Init(0), 300.0, 100.0); // 202..398 × 69..131 at scale 1
        let v = View {
            x: 0.0,
            y: 0.0,
            k: 1.0,
        };
        assert_eq!(pan_to_show(v, &n, (800.0, 600.0)), v);
        // Right of a 300 px area: its right edge comes in, with the margin.
        assert_eq!(pan_to_show(v, &n, (300.0, 600.0)).x, 300.0 - 414.0);
        // Panned past it, at half scale: its left edge comes back in.
        let v = View {
            x: -200.0,
            y: 0.0,
            k: 0.5,
        };
        let to = pan_to_show(v, &n, (800.0, 600.0));
        assert_eq!((to.x, to.y, to.k), (-200.0 + 99.0 + 16.0, 0.0, 0.5));
    }
}
