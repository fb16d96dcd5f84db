//! Reachability in the dependency graph: everything upstream (what an initiative
//! waits on, transitively) and downstream (what waits on it).
//!
//! Arguments: the roadmap and an initiative index. Returns: indices in breadth-first
//! order (nearest first), the initiative itself excluded.
//! Complexity: O(V + E) per query (breadth-first search over petgraph neighbours).

use crate::core::model::Roadmap;
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use std::collections::VecDeque;

/// Everything `i` depends on, directly or transitively.
pub fn upstream(roadmap: &Roadmap, i: usize) -> Vec<usize> {
    bfs(roadmap, i, Direction::Incoming)
}

/// Everything that depends on `i`, directly or transitively.
pub fn downstream(roadmap: &Roadmap, i: usize) -> Vec<usize> {
    bfs(roadmap, i, Direction::Outgoing)
}

fn bfs(roadmap: &Roadmap, start: usize, dir: Direction) -> Vec<usize> {
    let mut seen = vec![false; roadmap.initiatives.len()];
    seen[start] = true;
    let mut queue = VecDeque::from([start]);
    let mut out = Vec::new();
    while let Some(n) = queue.pop_front() {
        for m in roadmap.graph.neighbors_directed(NodeIndex::new(n), dir) {
            let m = m.index();
            if !seen[m] {
                seen[m] = true;
                out.push(m);
                queue.push_back(m);
            }
        }
    }
    out
}

/// Distance (in dependency steps) from `start` to everything upstream and downstream:
/// `(upstream, downstream)`, each indexed by initiative, `None` when unrelated.
///
/// Complexity: O(V + E).
pub fn distances(roadmap: &Roadmap, start: usize) -> (Vec<Option<u32>>, Vec<Option<u32>>) {
    let run = |dir: Direction| {
        let mut dist = vec![None; roadmap.initiatives.len()];
        dist[start] = Some(0);
        let mut queue = VecDeque::from([start]);
        while let Some(n) = queue.pop_front() {
            let d = dist[n].expect("queued nodes have a distance");
            for m in roadmap.graph.neighbors_directed(NodeIndex::new(n), dir) {
                if dist[m.index()].is_none() {
                    dist[m.index()] = Some(d + 1);
                    queue.push_back(m.index());
                }
            }
        }
        dist[start] = None;
        dist
    };
    (run(Direction::Incoming), run(Direction::Outgoing))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::{RoadmapBuilder, XorShift};

    /// A random acyclic roadmap (dependencies only on lower indices), as YAML.
    fn random_roadmap(n: usize, rng: &mut XorShift) -> (Roadmap, Vec<Vec<usize>>) {
        let mut roadmap = RoadmapBuilder::new(&["s"]);
        let mut deps = vec![Vec::new(); n];
        for (i, d) in deps.iter_mut().enumerate() {
            for _ in 0..rng.below(4) {
                if i > 0 {
                    let j = rng.below(i as u64) as usize;
                    if !d.contains(&j) {
                        d.push(j);
                    }
                }
            }
            let list: Vec<String> = d.iter().map(|j| format!("n{j}")).collect();
            roadmap.initiative(
                &format!("n{i}"),
                &format!("depends_on: [{}]", list.join(", ")),
            );
        }
        (roadmap.build(), deps)
    }

    /// Property: BFS closures equal a brute-force transitive closure (Warshall).
    #[test]
    fn closures_match_brute_force() {
        let mut rng = XorShift::new(0x2545F4914F6CDD1D);
        for round in 0..60 {
            let n = 1 + round % 25;
            let (roadmap, deps) = random_roadmap(n, &mut rng);
            let mut reach = vec![vec![false; n]; n]; // reach[a][b]: a depends on b, transitively
            for (a, d) in deps.iter().enumerate() {
                for &b in d {
                    reach[a][b] = true;
                }
            }
            for k in 0..n {
                for a in 0..n {
                    for b in 0..n {
                        if reach[a][k] && reach[k][b] {
                            reach[a][b] = true;
                        }
                    }
                }
            }
            for (i, row) in reach.iter().enumerate() {
                let idx = |name: usize| roadmap.find(&format!("n{name}")).unwrap();
                let mut up: Vec<usize> = upstream(&roadmap, idx(i));
                let mut want_up: Vec<usize> = (0..n).filter(|&b| row[b]).map(idx).collect();
                up.sort();
                want_up.sort();
                assert_eq!(up, want_up);
                let mut down: Vec<usize> = downstream(&roadmap, idx(i));
                let mut want_down: Vec<usize> = (0..n).filter(|&a| reach[a][i]).map(idx).collect();
                down.sort();
                want_down.sort();
                assert_eq!(down, want_down);
            }
        }
    }
}
