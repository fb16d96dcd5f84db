//! Finding dependency cycles to report, each as the ordered list of its members.
//!
//! Arguments: `succ[i]` lists what `i` depends on.
//! Returns: each [`Cycle`]: its members `[a, b, c]` (a depends on b, b on c, c on a)
//! and the closing edge the search removed (`c -> a`). The search goes on until the
//! graph is acyclic, so every independent cycle is reported once, and removing every
//! returned edge leaves the graph acyclic.
//! Complexity: O(k · (V + E)) for k reported cycles (Tarjan's SCC per round).

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeSet, HashMap};

/// One reported cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    /// In dependency order: each member depends on the next, the last on the first.
    pub members: Vec<usize>,
    /// The edge removed to break it: `(last, first)`, the last member's dependency on the first.
    pub removed: (usize, usize),
}

pub fn find_cycles(succ: &[Vec<usize>]) -> Vec<Cycle> {
    let mut edges: Vec<BTreeSet<usize>> =
        succ.iter().map(|s| s.iter().copied().collect()).collect();
    let mut cycles = Vec::new();
    loop {
        let mut g: DiGraph<(), ()> = DiGraph::with_capacity(edges.len(), 0);
        for _ in 0..edges.len() {
            g.add_node(());
        }
        for (a, bs) in edges.iter().enumerate() {
            for &b in bs {
                g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
            }
        }
        let mut found = false;
        for scc in tarjan_scc(&g) {
            let members: BTreeSet<usize> = scc.iter().map(|n| n.index()).collect();
            let start = *members.iter().next().expect("an SCC is never empty");
            if members.len() == 1 && !edges[start].contains(&start) {
                continue;
            }
            let members = cycle_through(start, &members, &edges);
            let removed = (members[members.len() - 1], members[0]);
            edges[removed.0].remove(&removed.1);
            cycles.push(Cycle { members, removed });
            found = true;
        }
        if !found {
            return cycles;
        }
    }
}

/// A shortest cycle through `start` inside one strongly connected component (BFS).
fn cycle_through(start: usize, members: &BTreeSet<usize>, edges: &[BTreeSet<usize>]) -> Vec<usize> {
    let mut parent: HashMap<usize, usize> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for &m in &edges[n] {
            if !members.contains(&m) {
                continue;
            }
            if m == start {
                let mut path = vec![n];
                let mut cur = n;
                while cur != start {
                    cur = parent[&cur];
                    path.push(cur);
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(m) {
                e.insert(n);
                queue.push_back(m);
            }
        }
    }
    unreachable!("every node of a strongly connected component lies on a cycle")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::XorShift;

    /// Brute force: is there any cycle at all (DFS colouring)?
    fn has_cycle(succ: &[Vec<usize>]) -> bool {
        fn visit(n: usize, succ: &[Vec<usize>], state: &mut [u8]) -> bool {
            state[n] = 1;
            for &m in &succ[n] {
                if state[m] == 1 || (state[m] == 0 && visit(m, succ, state)) {
                    return true;
                }
            }
            state[n] = 2;
            false
        }
        let mut state = vec![0u8; succ.len()];
        (0..succ.len()).any(|n| state[n] == 0 && visit(n, succ, &mut state))
    }

    #[test]
    fn reports_the_cycle_in_order() {
        let succ = vec![vec![1], vec![2], vec![0], vec![0]];
        let members = |succ: &[Vec<usize>]| -> Vec<Vec<usize>> {
            find_cycles(succ).into_iter().map(|c| c.members).collect()
        };
        assert_eq!(members(&succ), vec![vec![0, 1, 2]]);
        assert_eq!(find_cycles(&succ)[0].removed, (2, 0));
        assert_eq!(members(&[vec![0]]), vec![vec![0]]);
        assert!(find_cycles(&[vec![1], vec![]]).is_empty());
    }

    /// Property: on random graphs, every reported cycle is a real cycle, and removing the
    /// closing edges leaves an acyclic graph; on acyclic graphs nothing is reported.
    #[test]
    fn random_graphs_end_acyclic() {
        let mut rng = XorShift::new(0x9E3779B97F4A7C15);
        for round in 0..300 {
            let n = 1 + rng.below(12) as usize;
            let m = rng.below(3 * n as u64) as usize;
            let mut succ = vec![Vec::new(); n];
            for _ in 0..m {
                let (a, b) = (rng.below(n as u64) as usize, rng.below(n as u64) as usize);
                if round % 2 == 0 && a >= b {
                    continue; // even rounds: forward edges only, a DAG
                }
                if !succ[a].contains(&b) {
                    succ[a].push(b);
                }
            }
            let cycles = find_cycles(&succ);
            assert_eq!(cycles.is_empty(), !has_cycle(&succ), "{succ:?}");
            let mut pruned = succ.clone();
            for Cycle {
                members: c,
                removed,
            } in &cycles
            {
                assert_eq!(*removed, (c[c.len() - 1], c[0]));
                for w in 0..c.len() {
                    assert!(
                        succ[c[w]].contains(&c[(w + 1) % c.len()]),
                        "not a cycle: {c:?} in {succ:?}"
                    );
                }
                pruned[removed.0].retain(|&x| x != removed.1);
            }
            assert!(!has_cycle(&pruned), "{succ:?} -> {cycles:?}");
        }
    }
}
