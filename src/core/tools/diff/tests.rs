//! The comparison's rules, and the property that a diff is exact: nothing for a roadmap
//! against itself, and its changes applied to the base give the head.

use super::*;
use crate::core::load::DataFiles;
use crate::core::model::{Confidence, Horizon, Link, Status};
use crate::core::test_support::{load_yaml, RoadmapBuilder, XorShift};
use crate::core::tools::generate;

fn side(r: &Roadmap) -> Side<'_> {
    Side {
        roadmap: r,
        diagnostics: &[],
        today: Date(0),
    }
}

fn of(base: &Roadmap, head: &Roadmap) -> Diff {
    diff(side(base), side(head))
}

#[test]
fn dates_compare_as_days_and_lists_as_sets() {
    let a = RoadmapBuilder::new(&["s"])
        .initiative("a", "start: 2026-04, end: 2026-Q2, tags: [x, y]")
        .load()
        .0;
    let b = RoadmapBuilder::new(&["s"])
        .initiative("a", "start: 2026-04-01, end: 2026-06-30, tags: [y, x, y]")
        .load()
        .0;
    assert!(of(&a, &b).is_empty(), "{:?}", of(&a, &b));
}

#[test]
fn a_changed_field_is_reported_with_both_values_and_its_kind() {
    let a = RoadmapBuilder::new(&["s"])
        .initiative("a", "end: 2026-Q2")
        .initiative("b", "")
        .initiative("gone", "title: Same")
        .load()
        .0;
    let b = RoadmapBuilder::new(&["s"])
        .initiative("a", "end: 2026-Q3")
        .initiative("b", "confidence: high, depends_on: [a]")
        .initiative("new", "title: same")
        .load()
        .0;
    let d = of(&a, &b);
    assert_eq!(d.added, ["new"]);
    assert_eq!(d.removed, ["gone"]);
    let end = d.changed[0].field(Field::End).unwrap();
    assert_eq!(
        (end.from.as_str(), end.to.as_str()),
        (Some("2026-06-30"), Some("2026-09-30"))
    );
    assert_eq!(d.kind_of("a"), Some(Kind::Moved));
    assert_eq!(d.kind_of("b"), Some(Kind::Changed));
    assert_eq!(d.kind_of("new"), Some(Kind::Added));
    assert_eq!(d.kind_of("gone"), Some(Kind::Removed));
    assert_eq!(d.kind_of("nothing"), None);
    assert_eq!(d.dependencies.added, [("a".to_string(), "b".to_string())]);
    assert_eq!(
        d.consequences.renames,
        [("gone".to_string(), "new".to_string())]
    );
    assert_eq!(d.consequences.confidence_raised, ["b"]);
}

#[test]
fn what_must_move_after_a_later_end_comes_from_the_slip_engine() {
    let base = RoadmapBuilder::new(&["s", "t"])
        .as_of("2026-01-01")
        .initiative("a", "start: 2026-01-01, end: 2026-01-31")
        .initiative("b", "start: 2026-02-01, end: 2026-02-28, depends_on: [a]")
        .initiative(
            "c",
            "stage: t, start: 2026-03-01, end: 2026-04-30, depends_on: [b]",
        )
        .initiative("d", "start: 2026-04-01, end: 2026-04-10, depends_on: [b]")
        .build();
    let head = RoadmapBuilder::new(&["s", "t"])
        .as_of("2026-01-01")
        .initiative("a", "start: 2026-01-01, end: 2026-02-14")
        .initiative("b", "start: 2026-02-01, end: 2026-02-28, depends_on: [a]")
        .initiative(
            "c",
            "stage: t, start: 2026-03-01, end: 2026-04-30, depends_on: [b]",
        )
        .initiative("d", "start: 2026-04-01, end: 2026-04-10, depends_on: [b]")
        .load()
        .0;
    let c = of(&base, &head).consequences;
    assert_eq!(c.slips.len(), 1);
    let s = &c.slips[0];
    assert_eq!((s.id.as_str(), s.days(), s.weeks()), ("a", 14, 2));
    let moved: Vec<(&str, &str, i32)> = s
        .knock_on
        .iter()
        .map(|k| (k.id.as_str(), k.stage.as_str(), k.days))
        .collect();
    // b starts before a's new end: 14 days; c follows b; d has room.
    assert_eq!(moved, [("b", "s", 14), ("c", "t", 14)]);
    assert_eq!(c.conflicts_introduced, [("a".to_string(), "b".to_string())]);
    assert_eq!(c.must_move().len(), 2);
    let path = c.critical_path.expect("the chain's finish moved");
    assert_eq!(
        (path.from.join(" "), path.to.join(" ")),
        ("a b c".into(), "a b c".into())
    );
    assert_eq!(path.finish_to.unwrap().0 - path.finish_from.unwrap().0, 14);
}

#[test]
fn diagnostics_match_by_what_they_say_not_their_line() {
    let (_, before) = load_yaml("title: T\nstages: [{id: s, name: S}]\ninitiatives:\n  - {id: a, title: A, stage: s, confidence: sure}\n");
    let (r, after) = load_yaml("title: T\n\n\nstages: [{id: s, name: S}]\ninitiatives:\n  - {id: a, title: A, stage: s, confidence: sure}\n  - {id: b, title: B, stage: x, confidence: low}\n");
    assert_ne!(before[0].line, after[0].line);
    let d = diff(
        Side {
            roadmap: &r,
            diagnostics: &before,
            today: Date(0),
        },
        Side {
            roadmap: &r,
            diagnostics: &after,
            today: Date(0),
        },
    );
    assert!(d.diagnostics.fixed.is_empty(), "{:?}", d.diagnostics.fixed);
    assert_eq!(d.diagnostics.introduced.len(), 1);
    assert_eq!(d.diagnostics.introduced[0].code, "unknown-stage");
}

/// A random change of `r`: fields, dependencies (earlier to later only, so the graph
/// stays acyclic), initiatives removed and added.
fn mutate(r: &Roadmap, rng: &mut XorShift) -> Roadmap {
    let mut inits = r.initiatives.clone();
    let n = inits.len();
    // Each initiative's place in a topological order: an edge from an earlier place
    // to a later one keeps the graph acyclic.
    let mut place = vec![0; n];
    for (k, node) in petgraph::algo::toposort(&r.graph, None)
        .unwrap()
        .into_iter()
        .enumerate()
    {
        place[node.index()] = k;
    }
    for _ in 0..1 + rng.below(12) {
        let i = rng.below(n as u64) as usize;
        let x = &mut inits[i];
        match rng.below(14) {
            0 => x.title.push_str(" v2"),
            1 => x.stage = rng.below(r.stages.len() as u64) as usize,
            2 => x.team = None,
            3 => x.confidence = Confidence::ALL[rng.below(3) as usize],
            4 => x.status = Status::ALL[rng.below(5) as usize],
            5 => x.start = x.start.map(|d| Date(d.0 - 10)),
            6 => x.end = x.end.map(|d| Date(d.0 + 1 + rng.below(90) as i32)),
            7 => x.horizon = Some(Horizon::ALL[rng.below(3) as usize]),
            8 => x.tags.push(format!("t{}", rng.below(3))),
            9 => x.owner = Some(format!("owner {}", rng.below(3))),
            10 => x.description = None,
            11 => x.links.push(Link {
                title: "L".into(),
                url: format!("https://x/{}", rng.below(2)),
            }),
            12 => x.confidential = !x.confidential,
            _ => {
                let j = rng.below(n as u64) as usize;
                let (lo, hi) = if place[i] < place[j] { (i, j) } else { (j, i) };
                if lo != hi && !inits[hi].depends_on.contains(&lo) {
                    inits[hi].depends_on.push(lo);
                } else {
                    inits[hi].depends_on.pop();
                }
            }
        }
    }
    // Remove a few (indices shift: dependencies renumbered), add a few at the end.
    let gone: BTreeSet<usize> = (0..rng.below(3))
        .map(|_| rng.below(n as u64) as usize)
        .collect();
    let new_index: Vec<Option<usize>> = {
        let mut k = 0;
        (0..n)
            .map(|i| {
                (!gone.contains(&i)).then(|| {
                    k += 1;
                    k - 1
                })
            })
            .collect()
    };
    let mut kept: Vec<Initiative> = Vec::new();
    for (i, mut x) in inits.into_iter().enumerate() {
        if gone.contains(&i) {
            continue;
        }
        x.depends_on = x.depends_on.iter().filter_map(|&d| new_index[d]).collect();
        kept.push(x);
    }
    for k in 0..rng.below(3) {
        let mut x = kept[0].clone();
        x.id = format!("added-{k}");
        x.depends_on = vec![rng.below(kept.len() as u64) as usize];
        kept.push(x);
    }
    Roadmap::assemble(
        r.title.clone(),
        r.as_of,
        None,
        r.stages.clone(),
        r.teams.clone(),
        r.tags.clone(),
        kept,
    )
}

/// Property: on generated roadmaps and random changes of them, `diff(a, a)` is empty,
/// and `a` with the reported changes applied has `b`'s ids, values and dependencies.
#[test]
fn a_diff_is_empty_for_the_same_roadmap_and_applies_to_the_head() {
    let mut rng = XorShift::new(0x00D1_FF5E_ED00_0019);
    for round in 0..40u64 {
        let files: DataFiles = generate::generate(10 + round as usize * 3, round + 1);
        let (a, diags) = load(&files, generate::as_of());
        let same = diff(
            Side {
                roadmap: &a,
                diagnostics: &diags,
                today: Date(0),
            },
            Side {
                roadmap: &a,
                diagnostics: &diags,
                today: Date(0),
            },
        );
        assert!(
            same.is_empty() && same.consequences == Consequences::default(),
            "round {round}"
        );
        let b = mutate(&a, &mut rng);
        let d = of(&a, &b);
        let ids = |r: &Roadmap| -> BTreeSet<String> {
            r.initiatives.iter().map(|i| i.id.clone()).collect()
        };
        let mut applied = ids(&a);
        applied.retain(|id| !d.removed.contains(id));
        applied.extend(d.added.iter().cloned());
        assert_eq!(applied, ids(&b), "round {round}: ids");
        for y in &b.initiatives {
            let Some(i) = a.find(&y.id) else { continue };
            let changed = d.changed.iter().find(|c| c.id == y.id);
            for &f in Field::ALL {
                let after = changed
                    .and_then(|c| c.field(f))
                    .map_or_else(|| value(&a, &a.initiatives[i], f), |c| c.to.clone());
                assert_eq!(after, value(&b, y, f), "round {round}: {} {f}", y.id);
            }
        }
        let mut deps = pairs(&a);
        for p in &d.dependencies.removed {
            assert!(deps.remove(p), "round {round}: {p:?} was not there");
        }
        for p in &d.dependencies.added {
            assert!(deps.insert(p.clone()), "round {round}: {p:?} was there");
        }
        assert_eq!(deps, pairs(&b), "round {round}: dependencies");
    }
}
