//! x coordinates for ordered layers: nodes packed in order, then pulled towards their
//! neighbours' average in alternating down and up passes, never closer than their
//! separation.
//!
//! Arguments: the layered graph (dummies included), its layers in order, the number
//! `n` of real nodes, the widths, and optionally bounds per node (`lo ≤ x ≤ hi`, the
//! bands of a grouped drawing; a packed placement must satisfy them). Returns: the x
//! of every node, dummies included, the leftmost at 0 (unbounded) or as bounded.
//! Complexity: O(P · (V + E)) for P = 8 passes.

use super::{Graph, Widths};

/// x coordinates: packed in order, then pulled towards neighbours (see module docs).
pub(super) fn coordinates(
    g: &Graph,
    layers: &[Vec<u32>],
    n: usize,
    w: Widths,
    bounds: Option<(&[f64], &[f64])>,
) -> Vec<f64> {
    let width = |v: u32| if (v as usize) < n { w.node } else { w.dummy };
    let sep = |a: u32, b: u32| (width(a) + width(b)) / 2.0 + w.gap;
    let lo = |v: u32| bounds.map_or(f64::NEG_INFINITY, |b| b.0[v as usize]);
    let hi = |v: u32| bounds.map_or(f64::INFINITY, |b| b.1[v as usize]);
    let mut x = vec![0.0f64; g.layer.len()];
    for layer in layers {
        let mut cur = f64::NEG_INFINITY;
        for (i, &v) in layer.iter().enumerate() {
            cur = match i {
                0 => lo(v).max(0.0f64.min(hi(v))),
                _ => (cur + sep(layer[i - 1], v)).max(lo(v)),
            };
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
            // left, then from the right, and average the two. With bounds, each packing
            // is made feasible by a pass the other way (both stay feasible, and so does
            // their average: the constraints are linear).
            let k = layer.len();
            let s = |i: usize| sep(layer[i], layer[i + 1]);
            let mut left = want.clone();
            for i in 0..k {
                left[i] = left[i].max(lo(layer[i]));
                if i > 0 {
                    left[i] = left[i].max(left[i - 1] + s(i - 1));
                }
            }
            let mut right = want.clone();
            for i in (0..k).rev() {
                right[i] = right[i].min(hi(layer[i]));
                if i + 1 < k {
                    right[i] = right[i].min(right[i + 1] - s(i));
                }
            }
            if bounds.is_some() {
                for i in (0..k).rev() {
                    left[i] = left[i].min(hi(layer[i]));
                    if i + 1 < k {
                        left[i] = left[i].min(left[i + 1] - s(i));
                    }
                }
                for i in 0..k {
                    right[i] = right[i].max(lo(layer[i]));
                    if i > 0 {
                        right[i] = right[i].max(right[i - 1] + s(i - 1));
                    }
                }
            }
            let mut placed: Vec<f64> = (0..k).map(|i| (left[i] + right[i]) / 2.0).collect();
            for i in 1..k {
                placed[i] = placed[i].max(placed[i - 1] + s(i - 1));
            }
            for (i, &v) in layer.iter().enumerate() {
                x[v as usize] = placed[i];
            }
        }
    }
    let min = x.iter().copied().fold(f64::INFINITY, f64::min);
    if min.is_finite() && bounds.is_none() {
        for v in &mut x {
            *v -= min;
        }
    }
    x
}
