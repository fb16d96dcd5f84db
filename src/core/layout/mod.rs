//! Layered (Sugiyama-style) graph layout: layers, an order within each layer with few
//! crossings, and x coordinates.
//!
//! Arguments: `n` nodes and directed edges `(from, to)` of an acyclic graph; `from`
//! is drawn above `to`. Returns: each node's layer and x, each layer's order (real and
//! dummy nodes; long edges are split into one dummy per layer they cross), and every
//! edge's path as one x per layer.
//!
//! Steps, each a known ingredient:
//! 1. Layering: longest path, then nodes are moved to shorten their edges (a node
//!    with more edges below than above sinks as low as its dependents allow, and the
//!    reverse), a cheap approach to network simplex's minimal total edge length.
//! 2. Ordering: a depth-first initial order, then alternating down and up sweeps
//!    placing each node at the weighted median of its neighbours in the fixed layer,
//!    with adjacent transpositions after each sweep; then sifting (each node moved to
//!    its best slot in its layer) until a pass gains nothing. Sifting ends in a local
//!    minimum, so an iterated local search follows: rounds that start from the best
//!    order, swap random adjacent pairs ("kicks") and sift again. The best order seen
//!    is kept. Crossings between two layers are counted in O(E log V) (Barth, Jünger,
//!    Mutzel).
//! 3. Coordinates: nodes packed in order, then pulled towards their neighbours'
//!    average in alternating passes, never closer than their separation.
//!
//! Complexity: O(I · (V + E) log V) for I sweeps over V nodes (dummies included) and E
//! edge segments, plus O(R · P · Σ L²) for R kick rounds of P sifting passes over
//! layers of L nodes; R shrinks as graphs grow (see `order::kick_rounds`).
//!
//! Grouping (`layout_grouped` with a group per node): each group's nodes stay
//! together in every layer, and the groups form bands across all layers (the stage
//! bands of the graph view). The ordering minimises crossings within that
//! constraint: from the free order, two band orders are tried (by the groups' mean
//! position in the free order, and by group value), each ordered again with groups
//! kept contiguous (see `order`); the one with fewer crossings is kept. Coordinates
//! then keep every node inside its band.
//!
//! One file per step: `acyclic` (cycles broken, for callers whose graphs have them),
//! `layering` (with the dummy nodes), `order` (counting with `crossings`), `coords`.

mod acyclic;
mod coords;
mod crossings;
mod layering;
mod order;

pub use acyclic::reversed_edges;
pub use crossings::count_crossings;

/// The layout of a graph.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Layer of each real node (0 at the top).
    pub layer: Vec<u32>,
    /// x of each real node.
    pub x: Vec<f64>,
    /// Per layer, the nodes in order: ids `< n` are real nodes, `>= n` dummies.
    pub layers: Vec<Vec<u32>>,
    /// Per input edge, the x at each layer from its source's layer to its target's.
    pub paths: Vec<Vec<f64>>,
    /// Edge crossings between adjacent layers, long edges split at every layer.
    pub crossings: u64,
    /// When grouped: each group's band, in order: `(group, start, end)` in x; every
    /// node of the group lies inside it, and bands do not overlap.
    pub bands: Vec<(u32, f64, f64)>,
}

/// Horizontal room a node needs, in the caller's units: real nodes and dummies differ.
#[derive(Clone, Copy, Debug)]
pub struct Widths {
    pub node: f64,
    pub dummy: f64,
    pub gap: f64,
    /// Room between two groups' bands (grouped layouts only).
    pub band_gap: f64,
}

impl Default for Widths {
    fn default() -> Self {
        Widths {
            node: 1.0,
            dummy: 0.2,
            gap: 0.3,
            band_gap: 0.6,
        }
    }
}

struct Graph {
    /// Total nodes, dummies included.
    up: Vec<Vec<u32>>,
    down: Vec<Vec<u32>>,
    layer: Vec<u32>,
}

/// How hard the ordering works for few crossings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// Every improvement round (the benchmark figures, `roadmap layout`).
    Best,
    /// Few rounds: a drawing on screen within a frame budget (the graph view).
    Interactive,
}

/// Lays out `n` nodes joined by `edges` (an acyclic graph), with [`Effort::Best`].
pub fn layout(n: usize, edges: &[(u32, u32)], widths: Widths) -> Layout {
    layout_grouped(n, edges, widths, None, Effort::Best)
}

/// Like [`layout`], and when `group` is given, nodes with the same group value sit
/// together within each layer (in group order, keeping the crossing-minimised order
/// inside each group); a long edge's bends follow its source's group.
pub fn layout_grouped(
    n: usize,
    edges: &[(u32, u32)],
    widths: Widths,
    group: Option<&[u32]>,
    effort: Effort,
) -> Layout {
    let candidates = layering::assign_layers(n, edges);
    // Small graphs try every layering candidate (grouped ones too: the band
    // constraint changes which is best); large ones the shortest only.
    let tries = if n <= 300 && (effort == Effort::Best || group.is_some()) {
        candidates.len()
    } else {
        1
    };
    struct Candidate {
        crossings: u64,
        layer: Vec<u32>,
        g: Graph,
        chains: Vec<Vec<u32>>,
        layers: Vec<Vec<u32>>,
        bands: Vec<(u32, f64, f64)>,
    }
    let mut best: Option<Candidate> = None;
    for layer in candidates.into_iter().take(tries) {
        let (g, chains) = layering::split_long_edges(n, edges, &layer);
        let (layers, crossings) = order::order_with_starts(&g, n, effort);
        let (layers, crossings, bands) = match group {
            None => (layers, crossings, Vec::new()),
            Some(group) => {
                // The group of every node, dummies taking their chain's source's.
                let mut of = vec![0u32; g.layer.len()];
                of[..n].copy_from_slice(&group[..n]);
                for c in &chains {
                    for &d in &c[1..c.len() - 1] {
                        of[d as usize] = group[c[0] as usize];
                    }
                }
                let (layers, crossings, ranks) = order_grouped(&g, layers, &of, effort);
                let bands = band_extents(&layers, &of, &ranks, n, widths);
                (layers, crossings, bands)
            }
        };
        if best.as_ref().is_none_or(|b| crossings < b.crossings) {
            best = Some(Candidate {
                crossings,
                layer,
                g,
                chains,
                layers,
                bands,
            });
        }
    }
    let Candidate {
        crossings,
        layer,
        g,
        chains,
        layers,
        bands,
    } = best.expect("at least one layering");
    let bounds = (!bands.is_empty()).then(|| {
        let mut lo = vec![0.0; g.layer.len()];
        let mut hi = vec![0.0; g.layer.len()];
        let at: std::collections::HashMap<u32, (f64, f64)> =
            bands.iter().map(|&(gr, a, b)| (gr, (a, b))).collect();
        for v in 0..g.layer.len() {
            let half = if v < n { widths.node } else { widths.dummy } / 2.0;
            let gr = if v < n {
                group.expect("grouped")[v]
            } else {
                u32::MAX
            };
            let (a, b) = at
                .get(&gr)
                .copied()
                .unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
            (lo[v], hi[v]) = (a + half, b - half);
        }
        (lo, hi)
    });
    // Dummies take their chain's source's band.
    let bounds = bounds.map(|(mut lo, mut hi)| {
        for c in &chains {
            let t = c[0] as usize;
            let half = widths.dummy / 2.0;
            for &d in &c[1..c.len() - 1] {
                lo[d as usize] = lo[t] - widths.node / 2.0 + half;
                hi[d as usize] = hi[t] + widths.node / 2.0 - half;
            }
        }
        (lo, hi)
    });
    let x = coords::coordinates(
        &g,
        &layers,
        n,
        widths,
        bounds
            .as_ref()
            .map(|(lo, hi)| (lo.as_slice(), hi.as_slice())),
    );
    let paths = chains
        .iter()
        .map(|c| c.iter().map(|&v| x[v as usize]).collect())
        .collect();
    Layout {
        layer,
        x: x[..n].to_vec(),
        layers,
        paths,
        crossings,
        bands,
    }
}

/// Orders `layers` (the free order) again with each group contiguous; returns the
/// order, its crossings, and the groups in band order. The band order is searched
/// first on a cheap estimate (the free order sorted into bands, crossings counted):
/// every permutation for up to [`EXHAUSTIVE_GROUPS`] groups, else adjacent swaps from
/// the order of the groups' mean positions while they help. The best few band orders
/// are then ordered in full (see `order`), and the one with fewest crossings is kept.
fn order_grouped(
    g: &Graph,
    free: Vec<Vec<u32>>,
    of: &[u32],
    effort: Effort,
) -> (Vec<Vec<u32>>, u64, Vec<u32>) {
    let mut mean: std::collections::BTreeMap<u32, (f64, f64)> = Default::default();
    for layer in &free {
        for (i, &v) in layer.iter().enumerate() {
            let m = mean.entry(of[v as usize]).or_default();
            m.0 += (i as f64 + 0.5) / layer.len() as f64;
            m.1 += 1.0;
        }
    }
    let mut by_mean: Vec<u32> = mean.keys().copied().collect();
    by_mean.sort_by(|a, b| (mean[a].0 / mean[a].1).total_cmp(&(mean[b].0 / mean[b].1)));
    let sorted = |ranks: &[u32]| -> (Vec<Vec<u32>>, Vec<u32>) {
        let mut rank_of_group = vec![0u32; of.iter().copied().max().map_or(0, |m| m as usize + 1)];
        for (r, &gr) in ranks.iter().enumerate() {
            rank_of_group[gr as usize] = r as u32;
        }
        let rank: Vec<u32> = of.iter().map(|&gr| rank_of_group[gr as usize]).collect();
        let mut layers = free.clone();
        for layer in &mut layers {
            layer.sort_by_key(|&v| rank[v as usize]);
        }
        (layers, rank)
    };
    let mut tree = Vec::new();
    let mut estimate = |ranks: &[u32]| {
        let (layers, _) = sorted(ranks);
        let pos = crossings::positions(&layers, g.layer.len());
        crossings::total_crossings(g, &layers, &pos, &mut tree)
    };
    let mut scored: Vec<(u64, Vec<u32>)> = Vec::new();
    if by_mean.len() <= EXHAUSTIVE_GROUPS {
        let mut perm = by_mean.clone();
        permutations(&mut perm, 0, &mut |p| {
            scored.push((estimate(p), p.to_vec()))
        });
    } else {
        let mut cur = by_mean.clone();
        let mut cur_c = estimate(&cur);
        let mut improved = true;
        while improved {
            improved = false;
            for i in 0..cur.len() - 1 {
                cur.swap(i, i + 1);
                let c = estimate(&cur);
                if c < cur_c {
                    (cur_c, improved) = (c, true);
                } else {
                    cur.swap(i, i + 1);
                }
            }
        }
        scored.push((cur_c, cur));
        scored.push((estimate(&by_mean), by_mean));
    }
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    let mut best: Option<(Vec<Vec<u32>>, u64, Vec<u32>)> = None;
    for (_, ranks) in scored.into_iter().take(6) {
        let (mut layers, rank) = sorted(&ranks);
        let c = order::order(g, &mut layers, effort, Some(&rank));
        if best.as_ref().is_none_or(|b| c < b.1) {
            best = Some((layers, c, ranks));
        }
    }
    best.expect("one band order")
}

/// Up to this many groups, every band order is estimated (7! = 5,040 counts).
const EXHAUSTIVE_GROUPS: usize = 7;

/// Calls `f` with every permutation of `xs[k..]` (Heap's order is not needed: any).
fn permutations(xs: &mut [u32], k: usize, f: &mut dyn FnMut(&[u32])) {
    if k + 1 >= xs.len() {
        f(xs);
        return;
    }
    for i in k..xs.len() {
        xs.swap(k, i);
        permutations(xs, k + 1, f);
        xs.swap(k, i);
    }
}

/// Each group's band, in band order: as tall as its widest run in any layer, with
/// `band_gap` between bands.
fn band_extents(
    layers: &[Vec<u32>],
    of: &[u32],
    ranks: &[u32],
    n: usize,
    w: Widths,
) -> Vec<(u32, f64, f64)> {
    let width = |v: u32| if (v as usize) < n { w.node } else { w.dummy };
    let mut need: std::collections::HashMap<u32, f64> = Default::default();
    for layer in layers {
        let mut i = 0;
        while i < layer.len() {
            let gr = of[layer[i] as usize];
            let mut extent = width(layer[i]);
            let mut j = i + 1;
            while j < layer.len() && of[layer[j] as usize] == gr {
                extent += w.gap + width(layer[j]);
                j += 1;
            }
            let e = need.entry(gr).or_default();
            *e = e.max(extent);
            i = j;
        }
    }
    let mut start = 0.0;
    ranks
        .iter()
        .map(|&gr| {
            let band = (gr, start, start + need[&gr]);
            start = band.2 + w.band_gap;
            band
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::XorShift;

    fn random_dag(n: usize, m: usize, rng: &mut XorShift) -> Vec<(u32, u32)> {
        let mut edges = Vec::new();
        for _ in 0..m {
            let a = rng.below(n as u64) as u32;
            let b = rng.below(n as u64) as u32;
            if a != b {
                let e = (a.min(b), a.max(b));
                if !edges.contains(&e) {
                    edges.push(e);
                }
            }
        }
        edges
    }

    /// Properties on random DAGs: every edge goes down at least one layer, no two nodes
    /// of a layer overlap, paths match layers, and the reported crossings equal a
    /// brute-force recount from the output.
    #[test]
    fn random_dags() {
        let mut rng = XorShift::new(0x1234_5678_9abc_def1);
        let w = Widths::default();
        for round in 0..200 {
            let n = 1 + round % 40;
            let edges = random_dag(n, n * 2, &mut rng);
            let l = layout(n, &edges, w);
            assert_eq!(l.layer.len(), n);
            for (e, &(a, b)) in edges.iter().enumerate() {
                assert!(
                    l.layer[b as usize] > l.layer[a as usize],
                    "edge {a}->{b} must go down"
                );
                assert_eq!(
                    l.paths[e].len(),
                    (l.layer[b as usize] - l.layer[a as usize] + 1) as usize
                );
                assert_eq!(l.paths[e][0], l.x[a as usize]);
            }
            let xs = |v: u32| {
                if (v as usize) < n {
                    l.x[v as usize]
                } else {
                    f64::NAN
                }
            };
            for layer in &l.layers {
                let reals: Vec<f64> = layer
                    .iter()
                    .map(|&v| xs(v))
                    .filter(|x| !x.is_nan())
                    .collect();
                for pair in reals.windows(2) {
                    assert!(
                        pair[1] - pair[0] >= w.node + w.gap - 1e-9,
                        "overlap in {reals:?}"
                    );
                }
            }
            let mut seen: Vec<u32> = l
                .layers
                .iter()
                .flatten()
                .copied()
                .filter(|&v| (v as usize) < n)
                .collect();
            seen.sort_unstable();
            assert_eq!(
                seen,
                (0..n as u32).collect::<Vec<_>>(),
                "every node placed once"
            );
            assert_eq!(l.crossings, count_crossings(&l, &edges));
        }
    }

    /// Grouped layouts on random DAGs: every group is one band, the bands do not
    /// overlap, each node lies in its group's band, nodes keep their separation, and
    /// the reported crossings equal a recount.
    #[test]
    fn random_grouped_dags() {
        let mut rng = XorShift::new(0x0bad_cafe_f00d);
        let w = Widths::default();
        for round in 0..150 {
            let n = 1 + round % 40;
            let edges = random_dag(n, n * 2, &mut rng);
            let group: Vec<u32> = (0..n).map(|_| rng.below(4) as u32).collect();
            let l = layout_grouped(n, &edges, w, Some(&group), Effort::Interactive);
            for pair in l.bands.windows(2) {
                assert!(pair[1].1 >= pair[0].2 + w.band_gap - 1e-9, "{:?}", l.bands);
            }
            let mut groups: Vec<u32> = l.bands.iter().map(|b| b.0).collect();
            groups.sort_unstable();
            let mut want = group.clone();
            want.sort_unstable();
            want.dedup();
            assert_eq!(groups, want, "one band per group");
            for (v, gr) in group.iter().enumerate() {
                let b = l.bands.iter().find(|b| b.0 == *gr).unwrap();
                assert!(
                    l.x[v] - w.node / 2.0 >= b.1 - 1e-9 && l.x[v] + w.node / 2.0 <= b.2 + 1e-9,
                    "node {v} at {} outside {b:?}",
                    l.x[v]
                );
            }
            for layer in &l.layers {
                let reals: Vec<usize> = layer
                    .iter()
                    .map(|&v| v as usize)
                    .filter(|&v| v < n)
                    .collect();
                for p in reals.windows(2) {
                    assert!(l.x[p[1]] - l.x[p[0]] >= w.node + w.gap - 1e-9);
                }
            }
            assert_eq!(l.crossings, count_crossings(&l, &edges));
        }
    }

    #[test]
    fn a_chain_has_no_crossings_and_one_node_per_layer() {
        let l = layout(4, &[(0, 1), (1, 2), (2, 3)], Widths::default());
        assert_eq!(l.layer, vec![0, 1, 2, 3]);
        assert_eq!(l.crossings, 0);
    }
}
