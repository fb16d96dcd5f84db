//! Slip what-if: delay one initiative by some weeks and see what moves.
//!
//! The slipped initiative shifts by the delay (start and end). Then, in dependency
//! order, a dependent whose start falls on or before a moved dependency's new end
//! starts the day after the latest such end, keeping its duration; one that does not
//! need to move does not move. A milestone (end only) moves its end the same way.
//! Undated initiatives have nothing to move. Read-only: the roadmap is not changed.
//!
//! Complexity: O(V + E) (one pass in topological order).

use crate::core::model::{Horizon, Roadmap};
use crate::core::text::date::Date;
use petgraph::algo::toposort;

/// Where a moved initiative lands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// Days it moved by.
    pub days: i32,
    /// It now ends in a later horizon than planned.
    pub later_horizon: bool,
    /// It now ends more than 3 years after the reference date.
    pub beyond_three_years: bool,
}

/// The longest slip the what-if accepts, in weeks (ten years): the URL, the form and
/// the intent all use this one limit.
pub const MAX_SLIP_WEEKS: u32 = 520;

/// Parses the URL form `<id>:<N>w` into (id, weeks).
pub fn parse_param(value: &str) -> Option<(String, u32)> {
    let (id, n) = value.rsplit_once(':')?;
    let weeks: u32 = n.strip_suffix('w')?.parse().ok()?;
    (!id.is_empty() && (1..=MAX_SLIP_WEEKS).contains(&weeks)).then(|| (id.to_string(), weeks))
}

/// The moves caused by delaying `slipped` by `weeks`, indexed by initiative.
pub fn propagate(
    roadmap: &Roadmap,
    slipped: usize,
    weeks: u32,
    reference: Date,
) -> Vec<Option<Move>> {
    let n = roadmap.initiatives.len();
    let shift = weeks as i32 * 7;
    let mut new: Vec<(Option<Date>, Option<Date>)> = roadmap
        .initiatives
        .iter()
        .map(|i| (i.start, i.end))
        .collect();
    let mut moved = vec![false; n];
    let s = &roadmap.initiatives[slipped];
    if s.start.is_none() && s.end.is_none() {
        return vec![None; n];
    }
    new[slipped] = (
        s.start.map(|d| Date(d.0 + shift)),
        s.end.map(|d| Date(d.0 + shift)),
    );
    moved[slipped] = true;
    let order = toposort(&roadmap.graph, None).expect("the roadmap graph is acyclic");
    for node in order {
        let i = node.index();
        if i == slipped {
            continue;
        }
        let init = &roadmap.initiatives[i];
        // The latest new end among dependencies that moved.
        let Some(latest) = init
            .depends_on
            .iter()
            .filter(|&&d| moved[d])
            .filter_map(|&d| new[d].1)
            .max()
        else {
            continue;
        };
        let begins = init.start.or(init.end);
        let Some(begins) = begins else { continue };
        if begins > latest {
            continue;
        }
        let delta = latest.0 + 1 - begins.0;
        new[i] = (
            init.start.map(|d| Date(d.0 + delta)),
            init.end.map(|d| Date(d.0 + delta)),
        );
        moved[i] = true;
    }
    let limit = reference.add_years(3);
    (0..n)
        .map(|i| {
            if !moved[i] {
                return None;
            }
            let init = &roadmap.initiatives[i];
            let (start, end) = new[i];
            let days = match (init.start.or(init.end), start.or(end)) {
                (Some(a), Some(b)) => b.0 - a.0,
                _ => 0,
            };
            let horizon = |d: Option<Date>| d.map(|d| Horizon::of_date(d, reference));
            let (before, after) = (horizon(init.end.or(init.start)), horizon(end.or(start)));
            Some(Move {
                start,
                end,
                days,
                later_horizon: matches!((before, after), (Some(b), Some(a)) if a > b),
                beyond_three_years: end.or(start).is_some_and(|d| d > limit),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::{RoadmapBuilder, XorShift};

    #[test]
    fn url_form() {
        assert_eq!(
            parse_param("gitaly-raft:6w"),
            Some(("gitaly-raft".into(), 6))
        );
        assert_eq!(parse_param("gitaly-raft:6"), None);
        assert_eq!(parse_param(":6w"), None);
        assert_eq!(parse_param("x:0w"), None);
    }

    /// Property: on random dated DAGs, propagation equals a naive fixed point (repeat
    /// "push every dependent of a moved initiative after its dependencies" until stable).
    #[test]
    fn propagation_equals_a_fixed_point() {
        let mut rng = XorShift::new(0xDEAD_BEEF_1234_5678);
        for round in 0..150 {
            let n = 2 + round % 20;
            let mut roadmap = RoadmapBuilder::new(&["s"]);
            roadmap.as_of("2026-01-01");
            for i in 0..n {
                let start = Date::from_ymd(2026, 1, 1).unwrap().0 + rng.below(700) as i32;
                let len = 1 + rng.below(200) as i32;
                let deps: Vec<String> = (0..i)
                    .filter(|_| rng.below(4) == 0)
                    .map(|j| format!("n{j}"))
                    .collect();
                let dates = match rng.below(5) {
                    0 => format!("end: {}", Date(start + len)),
                    1 => String::new(),
                    _ => format!("start: {}, end: {}", Date(start), Date(start + len)),
                };
                let sep = if dates.is_empty() { "" } else { ", " };
                roadmap.initiative(
                    &format!("n{i}"),
                    &format!("{dates}{sep}depends_on: [{}]", deps.join(", ")),
                );
            }
            let (r, _) = roadmap.load();
            let reference = r.as_of.unwrap();
            let slipped = rng.below(n as u64) as usize;
            let weeks = 1 + rng.below(20) as u32;
            let got = propagate(&r, slipped, weeks, reference);

            // Naive fixed point.
            let mut new: Vec<(Option<Date>, Option<Date>)> =
                r.initiatives.iter().map(|i| (i.start, i.end)).collect();
            let mut moved = vec![false; n];
            let s = &r.initiatives[slipped];
            if s.start.is_some() || s.end.is_some() {
                new[slipped] = (
                    s.start.map(|d| Date(d.0 + weeks as i32 * 7)),
                    s.end.map(|d| Date(d.0 + weeks as i32 * 7)),
                );
                moved[slipped] = true;
            }
            loop {
                let mut changed = false;
                for i in 0..n {
                    if i == slipped {
                        continue;
                    }
                    let init = &r.initiatives[i];
                    let Some(latest) = init
                        .depends_on
                        .iter()
                        .filter(|&&d| moved[d])
                        .filter_map(|&d| new[d].1)
                        .max()
                    else {
                        continue;
                    };
                    let Some(orig) = init.start.or(init.end) else {
                        continue;
                    };
                    let want = if orig > latest {
                        0
                    } else {
                        latest.0 + 1 - orig.0
                    };
                    let cur = new[i].0.or(new[i].1).unwrap().0 - orig.0;
                    if want > cur {
                        new[i] = (
                            init.start.map(|d| Date(d.0 + want)),
                            init.end.map(|d| Date(d.0 + want)),
                        );
                        moved[i] = true;
                        changed = true;
                    }
                }
                if !changed {
                    break;
                }
            }
            for i in 0..n {
                match &got[i] {
                    Some(m) => assert_eq!((m.start, m.end), new[i], "initiative {i}"),
                    None => assert!(!moved[i], "initiative {i} should have moved"),
                }
            }
        }
    }
}
