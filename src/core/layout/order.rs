//! Ordering the nodes of each layer for few crossings.
//!
//! Arguments: the layered graph (dummies included) and the effort.
//! Returns: each layer's order and its crossings.
//! Steps: a depth-first initial order and, on small graphs, a seeded shuffle of it as
//! a second start; from each start, median and barycenter sweeps with adjacent
//! transpositions, then sifting until a pass gains nothing, then kicked sifting rounds
//! (an iterated local search); the best order seen is kept. With groups (one rank
//! per node), every step keeps each group's nodes contiguous within a layer, in rank
//! order: sweeps sort by rank first, transpositions, kicks and sifting move a node
//! only within its group's block.
//! `Effort::Interactive` (a drawing on screen) bounds the work: 8 sweeps instead of 24
//! and at most 2 sifting passes per round instead of 64, none above 1,000 layered
//! nodes (a stage of 190 initiatives expanded in the 1,000-initiative overview has
//! 1,264 with its dummies: the sweeps and sifting were most of its 26 ms natively).
//! Complexity: per start, O(I · (V + E) log V) for I sweeps, each followed by a
//! crossing count, plus O(R · P · Σ L²) for R kick rounds of P sifting passes over
//! layers of L nodes (bounded degree); R shrinks as graphs grow (see `kick_rounds`).

use super::crossings::{pair_crossings, positions, total_crossings};
use super::{Effort, Graph};
use crate::core::rng::XorShift;

/// Orders the layers from several starts (the depth-first order, then seeded
/// shuffles) and keeps the best: more starts on small graphs, where each is cheap.
pub(super) fn order_with_starts(g: &Graph, n: usize, effort: Effort) -> (Vec<Vec<u32>>, u64) {
    let layer_count = g.layer.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut first: Vec<Vec<u32>> = vec![Vec::new(); layer_count];
    for v in initial_order(g, n) {
        first[g.layer[v as usize] as usize].push(v);
    }
    let starts = if g.layer.len() <= 400 && effort == Effort::Best {
        2
    } else {
        1
    };
    let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
    let mut layers = first.clone();
    let mut crossings = order(g, &mut layers, effort, None);
    for _ in 1..starts {
        if crossings == 0 {
            break;
        }
        let mut candidate = first.clone();
        for layer in &mut candidate {
            // Fisher-Yates, seeded: deterministic per graph.
            for i in (1..layer.len()).rev() {
                layer.swap(i, rng.below(i as u64 + 1) as usize);
            }
        }
        let c = order(g, &mut candidate, effort, None);
        if c < crossings {
            crossings = c;
            layers = candidate;
        }
    }
    (layers, crossings)
}

/// Orders the layers to reduce crossings; returns the crossings of the best order.
///
/// Median and barycenter sweeps with transpositions, then sifting until a pass gains
/// nothing. Sifting stops in a local minimum, so further rounds (an iterated local
/// search) start from the best order with random adjacent swaps ("kicks") and sift
/// again; the best order seen is kept. With `group` (a rank per node, dummies
/// included, and `layers` already contiguous by rank), groups stay contiguous.
pub(super) fn order(
    g: &Graph,
    layers: &mut [Vec<u32>],
    effort: Effort,
    group: Option<&[u32]>,
) -> u64 {
    let total = g.layer.len();
    let mut pos = positions(layers, total);
    let mut tree = Vec::new();
    let mut buf = Vec::new();
    let mut best = layers.to_vec();
    let mut best_c = total_crossings(g, layers, &pos, &mut tree);
    let mut rng = XorShift::new(0x2545_F491_4F6C_DD1D);
    for round in 0..kick_rounds(total, effort) + 1 {
        if best_c == 0 {
            break;
        }
        if round == 0 {
            for iter in 0..sweeps(effort) {
                if iter % 2 == 0 {
                    for layer in layers.iter_mut().skip(1) {
                        sweep_layer(layer, &g.up, &mut pos, &mut buf, group);
                    }
                } else {
                    for l in (0..layers.len().saturating_sub(1)).rev() {
                        sweep_layer(&mut layers[l], &g.down, &mut pos, &mut buf, group);
                    }
                }
                transpose(g, layers, &mut pos, total <= 400 && iter % 4 == 3, group);
                let c = total_crossings(g, layers, &pos, &mut tree);
                if c < best_c {
                    best_c = c;
                    best.clone_from_slice(layers);
                }
            }
            layers.clone_from_slice(&best);
        } else {
            layers.clone_from_slice(&best);
            for layer in layers.iter_mut() {
                for i in 1..layer.len() {
                    // Seeded: deterministic per graph.
                    let same =
                        group.is_none_or(|gr| gr[layer[i - 1] as usize] == gr[layer[i] as usize]);
                    if rng.below(100) < KICK_PERCENT && same {
                        layer.swap(i - 1, i);
                    }
                }
            }
        }
        pos = positions(layers, total);
        let mut prev = total_crossings(g, layers, &pos, &mut tree);
        for k in 0..sift_passes(total, effort) {
            if !sift(g, layers, &mut pos, k % 2 == 1, group) {
                break;
            }
            let c = total_crossings(g, layers, &pos, &mut tree);
            if c < best_c {
                best_c = c;
                best.clone_from_slice(layers);
            }
            if c >= prev || c == 0 {
                break;
            }
            prev = c;
        }
    }
    layers.clone_from_slice(&best);
    best_c
}

/// Median/barycenter sweeps before the first sifting: fewer for a drawing on screen
/// (each costs a crossing count and transpositions over every layer).
fn sweeps(effort: Effort) -> usize {
    match effort {
        Effort::Best => 24,
        Effort::Interactive => SWEEPS_INTERACTIVE,
    }
}
const SWEEPS_INTERACTIVE: usize = 8;

/// Sifting passes per round at most (a round usually converges sooner); none for an
/// interactive drawing of over 1,000 layered nodes (dummies included), which keeps
/// the sweeps' order.
fn sift_passes(total: usize, effort: Effort) -> usize {
    match effort {
        Effort::Best => 64,
        Effort::Interactive if total <= 1_000 => 2,
        Effort::Interactive => 0,
    }
}
/// Chance, in percent, that a kick swaps a node with its left neighbour.
const KICK_PERCENT: u64 = 40;

/// Kicked sifting rounds after the first: each costs about one sifting run, so large
/// graphs get fewer, and interactive drawings at most one.
fn kick_rounds(total: usize, effort: Effort) -> usize {
    if effort == Effort::Interactive {
        return usize::from(total <= 1_000);
    }
    match total {
        0..=400 => 6,
        401..=4_000 => 10,
        4_001..=20_000 => 4,
        _ => 1,
    }
}

/// Depth-first order from the sources, so connected nodes start near each other.
fn initial_order(g: &Graph, n: usize) -> Vec<u32> {
    let total = g.layer.len();
    let mut seen = vec![false; total];
    let mut out = Vec::with_capacity(total);
    let mut roots: Vec<u32> = (0..n as u32)
        .filter(|&v| g.up[v as usize].is_empty())
        .collect();
    roots.extend(0..total as u32);
    for r in roots {
        if seen[r as usize] {
            continue;
        }
        let mut stack = vec![r];
        while let Some(v) = stack.pop() {
            if std::mem::replace(&mut seen[v as usize], true) {
                continue;
            }
            out.push(v);
            stack.extend(
                g.down[v as usize]
                    .iter()
                    .rev()
                    .filter(|&&d| !seen[d as usize]),
            );
        }
    }
    out
}

/// Reorders one layer by the median of its neighbours in the adjacent fixed layer.
/// With groups, the layer is sorted by rank first; nodes without neighbours keep their
/// own position as key.
fn sweep_layer(
    layer: &mut [u32],
    neigh: &[Vec<u32>],
    pos: &mut [u32],
    buf: &mut Vec<f64>,
    group: Option<&[u32]>,
) {
    if let Some(rank) = group {
        let mut keyed: Vec<(u32, f64, u32)> = layer
            .iter()
            .map(|&v| {
                let key = median(&neigh[v as usize], pos, buf);
                (rank[v as usize], key.unwrap_or(pos[v as usize] as f64), v)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        for (slot, &(_, _, v)) in keyed.iter().enumerate() {
            layer[slot] = v;
            pos[v as usize] = slot as u32;
        }
        return;
    }
    // Nodes without neighbours keep their slot; the others are sorted into the rest.
    let mut keyed: Vec<(f64, u32)> = Vec::with_capacity(layer.len());
    let mut free: Vec<usize> = Vec::with_capacity(layer.len());
    for (i, &v) in layer.iter().enumerate() {
        if let Some(k) = median(&neigh[v as usize], pos, buf) {
            keyed.push((k, v));
            free.push(i);
        }
    }
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (slot, (_, v)) in free.into_iter().zip(keyed) {
        layer[slot] = v;
        pos[v as usize] = slot as u32;
    }
}

/// Weighted median of neighbour positions (Gansner et al.), or `None` without neighbours.
fn median(neigh: &[u32], pos: &[u32], buf: &mut Vec<f64>) -> Option<f64> {
    buf.clear();
    buf.extend(neigh.iter().map(|&u| pos[u as usize] as f64));
    buf.sort_by(f64::total_cmp);
    let m = buf.len();
    match m {
        0 => None,
        _ if m % 2 == 1 => Some(buf[m / 2]),
        2 => Some((buf[0] + buf[1]) / 2.0),
        _ => {
            let (l, r) = (buf[m / 2 - 1] - buf[0], buf[m - 1] - buf[m / 2]);
            if l + r == 0.0 {
                Some((buf[m / 2 - 1] + buf[m / 2]) / 2.0)
            } else {
                Some((buf[m / 2 - 1] * r + buf[m / 2] * l) / (l + r))
            }
        }
    }
}

/// Swaps adjacent nodes while that lowers crossings with both neighbouring layers.
fn transpose(
    g: &Graph,
    layers: &mut [Vec<u32>],
    pos: &mut [u32],
    allow_equal: bool,
    group: Option<&[u32]>,
) {
    for pass in 0..8 {
        let mut improved = false;
        for layer in layers.iter_mut() {
            for i in 0..layer.len().saturating_sub(1) {
                let (v, w) = (layer[i] as usize, layer[i + 1] as usize);
                if group.is_some_and(|gr| gr[v] != gr[w]) {
                    continue;
                }
                let (up_now, up_swapped) = pair_crossings(&g.up[v], &g.up[w], pos);
                let (down_now, down_swapped) = pair_crossings(&g.down[v], &g.down[w], pos);
                let (now, swapped) = (up_now + down_now, up_swapped + down_swapped);
                // Equal swaps (first pass only) let the search leave plateaus.
                if swapped < now || (allow_equal && pass == 0 && swapped == now && now > 0) {
                    layer.swap(i, i + 1);
                    pos[v] = i as u32 + 1;
                    pos[w] = i as u32;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Sifting (Matuszewski, Schönfeld, Molitor): each node in turn is moved to the place
/// in its layer that minimises crossings with both neighbouring layers, all others
/// fixed (with groups, within its group's block). Returns whether anything moved.
fn sift(
    g: &Graph,
    layers: &mut [Vec<u32>],
    pos: &mut [u32],
    upward: bool,
    group: Option<&[u32]>,
) -> bool {
    let mut moved = false;
    let mut delta: Vec<i64> = Vec::new();
    let order: Vec<usize> = if upward {
        (0..layers.len()).rev().collect()
    } else {
        (0..layers.len()).collect()
    };
    for l in order {
        // Visit each node of the layer once, the most connected first.
        let mut visit: Vec<u32> = layers[l].clone();
        visit
            .sort_by_key(|&v| std::cmp::Reverse(g.up[v as usize].len() + g.down[v as usize].len()));
        for v in visit {
            let layer = &mut layers[l];
            let from = pos[v as usize] as usize;
            // The block v may move in: its group's run, or the whole layer.
            let (lo, hi) = match group {
                Some(rank) => {
                    let r = rank[v as usize];
                    let same = |w: &u32| rank[*w as usize] == r;
                    let lo = from - layer[..from].iter().rev().take_while(|w| same(w)).count();
                    (
                        lo,
                        from + layer[from..].iter().take_while(|w| same(w)).count(),
                    )
                }
                None => (0, layer.len()),
            };
            // Cost change of v passing each other node w, left to right.
            delta.clear();
            let mut base: i64 = 0; // crossings of v's edges with everyone, v leftmost
            for &w in &layer[lo..hi] {
                if w == v {
                    delta.push(0);
                    continue;
                }
                let (vu, wu, vd, wd) = (
                    &g.up[v as usize],
                    &g.up[w as usize],
                    &g.down[v as usize],
                    &g.down[w as usize],
                );
                let (ul, ur) = pair_crossings(vu, wu, pos);
                let (dl, dr) = pair_crossings(vd, wd, pos);
                // Crossings with v left of w, and with v right of w.
                let (left, right) = ((ul + dl) as i64, (ur + dr) as i64);
                base += left;
                delta.push(right - left);
            }
            // Best slot: after passing the prefix with the lowest running sum.
            let (mut best_k, mut best_cost, mut run) = (0usize, base, base);
            let mut current_cost = base;
            let mut k = 0usize;
            for (idx, &w) in layer[lo..hi].iter().enumerate() {
                if w == v {
                    current_cost = run;
                    continue;
                }
                run += delta[idx];
                k += 1;
                if run < best_cost {
                    best_cost = run;
                    best_k = k;
                }
            }
            if best_cost < current_cost {
                layer.remove(from);
                layer.insert(lo + best_k, v);
                for (j, &u) in layer.iter().enumerate() {
                    pos[u as usize] = j as u32;
                }
                moved = true;
            }
        }
    }
    moved
}
