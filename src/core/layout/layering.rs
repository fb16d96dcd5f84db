//! Layering: the layer of every node, then long edges split into chains of dummies.
//!
//! Arguments: `n` nodes and the edges `(from, to)` of an acyclic graph.
//! Returns: candidate layerings, the longest path from the top and from the bottom,
//! each with its edges shortened, shortest total edge length (fewest dummies) first;
//! for the chosen one, the graph with one dummy per layer a long edge crosses, and
//! each edge's chain of nodes.
//! Complexity: O(V + E) for the topological order and the longest paths, O(S · (V + E))
//! for S ≤ 64 shortening passes (they stop when nothing moves), O(V + E + D) to split
//! the edges with D dummies.

use super::Graph;

/// Longest-path layering from the top and from the bottom, each followed by edge
/// shortening; the candidates, shortest total edge length (fewest dummies) first.
pub(super) fn assign_layers(n: usize, edges: &[(u32, u32)]) -> Vec<Vec<u32>> {
    let mut preds: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut succs: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        succs[a as usize].push(b);
        preds[b as usize].push(a);
    }
    let topo = topological(n, &succs, &preds);
    let mut top = vec![0i64; n];
    for &v in &topo {
        for &s in &succs[v as usize] {
            top[s as usize] = top[s as usize].max(top[v as usize] + 1);
        }
    }
    let mut bottom = vec![0i64; n];
    for &v in topo.iter().rev() {
        for &p in &preds[v as usize] {
            bottom[p as usize] = bottom[p as usize].min(bottom[v as usize] - 1);
        }
    }
    let length = |layer: &[i64]| {
        edges
            .iter()
            .map(|&(a, b)| layer[b as usize] - layer[a as usize])
            .sum::<i64>()
    };
    let mut candidates: Vec<Vec<i64>> = [top, bottom]
        .into_iter()
        .map(|mut layer| {
            shorten(&topo, &preds, &succs, &mut layer);
            layer
        })
        .collect();
    candidates.sort_by_key(|l| length(l));
    candidates
        .into_iter()
        .map(|best| {
            let min = best.iter().copied().min().unwrap_or(0);
            best.iter().map(|&l| (l - min) as u32).collect()
        })
        .collect()
}

/// Moves nodes to shorten their edges: a node with more edges below than above sinks
/// as low as its dependents allow, and the reverse, until nothing moves.
fn shorten(topo: &[u32], preds: &[Vec<u32>], succs: &[Vec<u32>], layer: &mut [i64]) {
    for _ in 0..64 {
        let mut moved = false;
        for &v in topo.iter().rev().chain(topo.iter()) {
            let v = v as usize;
            let (ins, outs) = (preds[v].len(), succs[v].len());
            let lo = preds[v].iter().map(|&p| layer[p as usize] + 1).max();
            let hi = succs[v].iter().map(|&s| layer[s as usize] - 1).min();
            let target = match (lo, hi) {
                (_, Some(h)) if outs > ins => h,
                (Some(l), _) if ins > outs => l,
                _ => continue,
            };
            if target != layer[v] {
                layer[v] = target;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

fn topological(n: usize, succs: &[Vec<u32>], preds: &[Vec<u32>]) -> Vec<u32> {
    let mut indeg: Vec<usize> = preds.iter().map(Vec::len).collect();
    let mut stack: Vec<u32> = (0..n as u32)
        .rev()
        .filter(|&v| indeg[v as usize] == 0)
        .collect();
    let mut out = Vec::with_capacity(n);
    while let Some(v) = stack.pop() {
        out.push(v);
        for &s in succs[v as usize].iter().rev() {
            indeg[s as usize] -= 1;
            if indeg[s as usize] == 0 {
                stack.push(s);
            }
        }
    }
    assert_eq!(out.len(), n, "layout needs an acyclic graph");
    out
}

/// Splits every edge spanning more than one layer with one dummy per crossed layer.
/// Returns the graph and, per input edge, its chain of nodes from source to target.
pub(super) fn split_long_edges(
    n: usize,
    edges: &[(u32, u32)],
    layer: &[u32],
) -> (Graph, Vec<Vec<u32>>) {
    let mut g = Graph {
        up: vec![Vec::new(); n],
        down: vec![Vec::new(); n],
        layer: layer.to_vec(),
    };
    let mut chains = Vec::with_capacity(edges.len());
    for &(a, b) in edges {
        let mut chain = vec![a];
        let mut prev = a;
        for l in layer[a as usize] + 1..layer[b as usize] {
            let d = g.layer.len() as u32;
            g.layer.push(l);
            g.up.push(vec![prev]);
            g.down.push(Vec::new());
            g.down[prev as usize].push(d);
            chain.push(d);
            prev = d;
        }
        g.down[prev as usize].push(b);
        g.up[b as usize].push(prev);
        chain.push(b);
        chains.push(chain);
    }
    (g, chains)
}
