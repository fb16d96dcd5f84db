//! Critical path and slack (the critical path method over the dependency graph).
//!
//! For initiatives with a start and an end: duration is fixed; the earliest start is
//! the planned start for those without dated dependencies, otherwise the day after the
//! latest earliest finish of their dated dependencies (or the planned start, if later).
//! Latest finish goes backwards from the overall finish. Slack = latest start -
//! earliest start, in days; zero slack is critical. Undated and half-dated initiatives
//! take no part.
//!
//! Complexity: O(V + E) (two passes in topological order).

use crate::core::model::Roadmap;
use petgraph::algo::toposort;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Times {
    /// Earliest start and finish, latest start and finish, as day numbers.
    pub es: i32,
    pub ef: i32,
    pub ls: i32,
    pub lf: i32,
    pub slack: i32,
}

/// Times for every fully dated initiative (`None` for the others).
pub fn schedule(roadmap: &Roadmap) -> Vec<Option<Times>> {
    let n = roadmap.initiatives.len();
    let dated = |i: usize| {
        let x = &roadmap.initiatives[i];
        x.start.zip(x.end).map(|(s, e)| (s.0, e.0 - s.0 + 1))
    };
    let order: Vec<usize> = toposort(&roadmap.graph, None)
        .expect("acyclic")
        .into_iter()
        .map(|x| x.index())
        .collect();
    let mut es = vec![0i32; n];
    let mut ef = vec![0i32; n];
    for &i in &order {
        let Some((start, dur)) = dated(i) else {
            continue;
        };
        let after_deps = roadmap.initiatives[i]
            .depends_on
            .iter()
            .filter(|&&d| dated(d).is_some())
            .map(|&d| ef[d] + 1)
            .max();
        es[i] = after_deps.map_or(start, |a| a.max(start));
        ef[i] = es[i] + dur - 1;
    }
    let finish = order
        .iter()
        .filter(|&&i| dated(i).is_some())
        .map(|&i| ef[i])
        .max()
        .unwrap_or(0);
    let mut lf = vec![finish; n];
    let mut ls = vec![finish; n];
    for &i in order.iter().rev() {
        let Some((_, dur)) = dated(i) else { continue };
        lf[i] = roadmap
            .dependents(i)
            .filter(|&d| dated(d).is_some())
            .map(|d| ls[d] - 1)
            .min()
            .unwrap_or(finish);
        ls[i] = lf[i] - dur + 1;
    }
    (0..n)
        .map(|i| {
            dated(i).map(|_| Times {
                es: es[i],
                ef: ef[i],
                ls: ls[i],
                lf: lf[i],
                slack: ls[i] - es[i],
            })
        })
        .collect()
}

/// The chain of driving dependencies that ends at `target`: walking back, each step
/// takes the dependency whose earliest finish sets the target's earliest start.
pub fn critical_path_to(roadmap: &Roadmap, times: &[Option<Times>], target: usize) -> Vec<usize> {
    let mut path = vec![target];
    let mut cur = target;
    while let Some(t) = &times[cur] {
        let driver = roadmap.initiatives[cur]
            .depends_on
            .iter()
            .copied()
            .filter(|&d| times[d].as_ref().is_some_and(|x| x.ef + 1 == t.es))
            .max_by_key(|&d| times[d].as_ref().map(|x| x.ef));
        match driver {
            Some(d) => {
                path.push(d);
                cur = d;
            }
            None => break,
        }
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::RoadmapBuilder;

    #[test]
    fn textbook_example() {
        // a (10 days) -> c; b (5 days) -> c; c (10 days). a drives c; b has 5 days of slack.
        let r = RoadmapBuilder::new(&["s"])
            .as_of("2026-01-01")
            .initiative("a", "start: 2026-01-01, end: 2026-01-10")
            .initiative("b", "start: 2026-01-01, end: 2026-01-05")
            .initiative(
                "c",
                "start: 2026-01-11, end: 2026-01-20, depends_on: [a, b]",
            )
            .build();
        let t = schedule(&r);
        let slack = |id: &str| t[r.find(id).unwrap()].as_ref().unwrap().slack;
        assert_eq!((slack("a"), slack("b"), slack("c")), (0, 5, 0));
        let path: Vec<&str> = critical_path_to(&r, &t, r.find("c").unwrap())
            .iter()
            .map(|&i| r.initiatives[i].id.as_str())
            .collect();
        assert_eq!(path, vec!["a", "c"]);
    }
}
