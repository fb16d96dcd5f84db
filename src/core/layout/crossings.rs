//! Counting edge crossings between adjacent layers.
//!
//! Arguments: the layered graph (dummies included), its layers in order, and every
//! node's position in its layer. Returns: the number of pairs of edge segments that
//! cross between consecutive layers.
//! Complexity: O(E log L) for E edge segments between two layers and L nodes in the
//! lower one (Barth, Jünger, Mutzel: inversions counted in an accumulator tree);
//! `pair_crossings` O(d(v) · d(w)); `count_crossings`, the brute-force check from a
//! finished layout, O(Σ S²) for S segments per pair of layers.

use super::{Graph, Layout};

/// Crossings between layer `l` and `l + 1`, given positions.
fn crossings_between(
    g: &Graph,
    upper: &[u32],
    pos: &[u32],
    lower_len: usize,
    tree: &mut Vec<u32>,
) -> u64 {
    // Edges sorted by upper position then lower position; count inversions of lower ends.
    let mut size = 1;
    while size < lower_len.max(1) {
        size *= 2;
    }
    tree.clear();
    tree.resize(2 * size, 0);
    let mut count = 0u64;
    let mut ends: Vec<u32> = Vec::new();
    for &u in upper {
        ends.clear();
        ends.extend(g.down[u as usize].iter().map(|&d| pos[d as usize]));
        ends.sort_unstable();
        for &p in &ends {
            // Edges already inserted whose lower end is strictly right of p cross this one.
            let mut idx = p as usize + size;
            tree[idx] += 1;
            while idx > 1 {
                if idx.is_multiple_of(2) {
                    count += tree[idx + 1] as u64;
                }
                idx /= 2;
                tree[idx] += 1;
            }
        }
    }
    count
}

pub(super) fn total_crossings(
    g: &Graph,
    layers: &[Vec<u32>],
    pos: &[u32],
    tree: &mut Vec<u32>,
) -> u64 {
    (0..layers.len().saturating_sub(1))
        .map(|l| crossings_between(g, &layers[l], pos, layers[l + 1].len(), tree))
        .sum()
}

pub(super) fn positions(layers: &[Vec<u32>], total: usize) -> Vec<u32> {
    let mut pos = vec![0u32; total];
    for layer in layers {
        for (i, &v) in layer.iter().enumerate() {
            pos[v as usize] = i as u32;
        }
    }
    pos
}

/// Crossings among the edges of `v` (ends `a`) and `w` (ends `b`) towards one
/// neighbouring layer: with v left of w, and with v right of w.
pub(super) fn pair_crossings(a: &[u32], b: &[u32], pos: &[u32]) -> (u64, u64) {
    let (mut left, mut right) = (0, 0);
    for &x in a {
        let px = pos[x as usize];
        for &y in b {
            let py = pos[y as usize];
            left += u64::from(px > py);
            right += u64::from(px < py);
        }
    }
    (left, right)
}

/// Counts crossings from the output alone, by the benchmark's rule: between
/// consecutive layers, pairs of edge segments whose order strictly inverts.
pub fn count_crossings(layout: &Layout, edges: &[(u32, u32)]) -> u64 {
    let layers = layout.layers.len();
    let mut segs: Vec<Vec<(f64, f64)>> = vec![Vec::new(); layers.saturating_sub(1)];
    for (e, &(a, _)) in edges.iter().enumerate() {
        let l0 = layout.layer[a as usize] as usize;
        for (k, w) in layout.paths[e].windows(2).enumerate() {
            segs[l0 + k].push((w[0], w[1]));
        }
    }
    let mut count = 0;
    for s in &segs {
        for i in 0..s.len() {
            for j in i + 1..s.len() {
                let (a, b) = (s[i], s[j]);
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                    count += 1;
                }
            }
        }
    }
    count
}
