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
//! One file per step: `layering` (with the dummy nodes), `order` (counting with
//! `crossings`), `coords`.

mod coords;
mod crossings;
mod layering;
mod order;

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
}

/// Horizontal room a node needs, in the caller's units: real nodes and dummies differ.
#[derive(Clone, Copy, Debug)]
pub struct Widths {
    pub node: f64,
    pub dummy: f64,
    pub gap: f64,
}

impl Default for Widths {
    fn default() -> Self {
        Widths {
            node: 1.0,
            dummy: 0.2,
            gap: 0.3,
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
/// inside each group); a long edge's bends follow its target's group.
pub fn layout_grouped(
    n: usize,
    edges: &[(u32, u32)],
    widths: Widths,
    group: Option<&[u32]>,
    effort: Effort,
) -> Layout {
    let candidates = layering::assign_layers(n, edges);
    // Small graphs try every layering candidate; large ones the shortest only.
    let tries = if n <= 300 && effort == Effort::Best {
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
    }
    let mut best: Option<Candidate> = None;
    for layer in candidates.into_iter().take(tries) {
        let (g, chains) = layering::split_long_edges(n, edges, &layer);
        let (layers, crossings) = order::order_with_starts(&g, n, effort);
        if best.as_ref().is_none_or(|b| crossings < b.crossings) {
            best = Some(Candidate {
                crossings,
                layer,
                g,
                chains,
                layers,
            });
        }
    }
    let Candidate {
        crossings,
        layer,
        g,
        chains,
        layers,
    } = best.expect("at least one layering");
    let (layers, crossings) = match group {
        None => (layers, crossings),
        Some(group) => {
            // The group of every node, dummies taking their chain's target's.
            let mut of = vec![0u32; g.layer.len()];
            of[..n].copy_from_slice(&group[..n]);
            for c in &chains {
                let target = group[*c.last().expect("chains end at their target") as usize];
                for &d in &c[1..c.len() - 1] {
                    of[d as usize] = target;
                }
            }
            let mut layers = layers;
            for layer in &mut layers {
                layer.sort_by_key(|&v| of[v as usize]);
            }
            let pos = crossings::positions(&layers, g.layer.len());
            let c = crossings::total_crossings(&g, &layers, &pos, &mut Vec::new());
            (layers, c)
        }
    };
    let x = coords::coordinates(&g, &layers, n, widths);
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
    }
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

    #[test]
    fn a_chain_has_no_crossings_and_one_node_per_layer() {
        let l = layout(4, &[(0, 1), (1, 2), (2, 3)], Widths::default());
        assert_eq!(l.layer, vec![0, 1, 2, 3]);
        assert_eq!(l.crossings, 0);
    }
}
