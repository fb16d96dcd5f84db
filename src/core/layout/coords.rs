//! x coordinates for ordered layers: nodes packed in order, then pulled towards their
//! neighbours' average in alternating down and up passes, never closer than their
//! separation.
//!
//! Arguments: the layered graph (dummies included), its layers in order, the number
//! `n` of real nodes and the widths. Returns: the x of every node, dummies included,
//! the leftmost at 0.
//! Complexity: O(P · (V + E)) for P = 8 passes.

use super::{Graph, Widths};

/// x coordinates: packed in order, then pulled towards neighbours (see module docs).
pub(super) fn coordinates(g: &Graph, layers: &[Vec<u32>], n: usize, w: Widths) -> Vec<f64> {
    let width = |v: u32| if (v as usize) < n { w.node } else { w.dummy };
    let sep = |a: u32, b: u32| (width(a) + width(b)) / 2.0 + w.gap;
    let mut x = vec![0.0f64; g.layer.len()];
    for layer in layers {
        let mut cur = 0.0;
        for (i, &v) in layer.iter().enumerate() {
            if i > 0 {
                cur += sep(layer[i - 1], v);
            }
            x[v as usize] = cur;
        }
    }
    for iter in 0..8 {
        let (neigh, range): (&Vec<Vec<u32>>, Box<dyn Iterator<Item = usize>>) = if iter % 2 == 0 {
            (&g.up, Box::new(1..layers.len()))
        } else {
            (&g.down, Box::new((0..layers.len().saturating_sub(1)).rev()))
        };
        for l in range {
            let layer = &layers[l];
            let want: Vec<f64> = layer
                .iter()
                .map(|&v| {
                    let ns = &neigh[v as usize];
                    if ns.is_empty() {
                        x[v as usize]
                    } else {
                        ns.iter().map(|&u| x[u as usize]).sum::<f64>() / ns.len() as f64
                    }
                })
                .collect();
            // Closest placement to `want` that keeps order and separation: pack from the
            // left, then from the right, and average the two.
            let k = layer.len();
            let mut left = want.clone();
            for i in 1..k {
                left[i] = left[i].max(left[i - 1] + sep(layer[i - 1], layer[i]));
            }
            let mut right = want.clone();
            for i in (0..k.saturating_sub(1)).rev() {
                right[i] = right[i].min(right[i + 1] - sep(layer[i], layer[i + 1]));
            }
            let mut placed: Vec<f64> = (0..k).map(|i| (left[i] + right[i]) / 2.0).collect();
            for i in 1..k {
                placed[i] = placed[i].max(placed[i - 1] + sep(layer[i - 1], layer[i]));
            }
            for (i, &v) in layer.iter().enumerate() {
                x[v as usize] = placed[i];
            }
        }
    }
    let min = x.iter().copied().fold(f64::INFINITY, f64::min);
    if min.is_finite() {
        for v in &mut x {
            *v -= min;
        }
    }
    x
}
