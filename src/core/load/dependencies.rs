//! Dependencies: `depends_on` (and `redacted.via`) resolved among every initiative with
//! a usable id; self, duplicate and unknown dependencies reported; cycles reported
//! with every step at its line and broken; then the sound initiatives are kept.

use super::ids::Ids;
use super::initiatives::Pending;
use super::key;
use crate::core::cycles;
use crate::core::model::Initiative;
use crate::core::text::diagnostic::{excerpt, Code, Diagnostic, Pos};
use crate::core::text::suggest;
use crate::core::yaml::tree::{Node, Seg};
use std::collections::{BTreeSet, HashMap};

/// Per pending initiative, what it depends on: `(pending index, where it is written)`.
pub(super) type Deps = Vec<Vec<(usize, Pos)>>;

/// Resolves every dependency entry; the result is acyclic (each cycle's closing edge,
/// reported, is left out).
pub(super) fn resolve(
    pending: &[Pending],
    ids: &Ids,
    trees: &HashMap<&str, &Node>,
    problems: &mut [Vec<Diagnostic>],
) -> Deps {
    let candidates: Vec<usize> = (0..pending.len()).filter(|&n| ids.usable(n)).collect();
    let all_ids: Vec<&str> = candidates
        .iter()
        .map(|&n| pending[n].raw.id.as_str())
        .collect();
    let mut deps: Deps = vec![Vec::new(); pending.len()];
    for &n in &candidates {
        let p = &pending[n];
        if !p.usable("depends_on") {
            continue;
        }
        let at = p.at(trees);
        let mut seen = BTreeSet::new();
        // `redacted.via` entries are dependencies too (through confidential steps).
        let via = p
            .raw
            .redacted
            .as_ref()
            .map_or(&[][..], |r| r.via.as_slice());
        let entries = p
            .raw
            .depends_on
            .iter()
            .enumerate()
            .map(|(i, d)| (d, at.pos_in("depends_on", i)));
        let via_entries = via.iter().enumerate().map(|(i, d)| {
            (
                d,
                at.node(&[key("redacted"), key("via"), Seg::Index(i)]).pos,
            )
        });
        for (dep, pos) in entries.chain(via_entries) {
            if ids.first_of.get(dep.as_str()) == Some(&n) {
                problems[n].push(
                    Diagnostic::error(
                        Code::SelfDependency,
                        at.file,
                        pos,
                        format!("\"{}\" depends on itself", excerpt(dep)),
                    )
                    .with_hint("remove it from depends_on"),
                );
                continue;
            }
            if !seen.insert(dep.as_str()) {
                problems[n].push(Diagnostic::warning(
                    Code::DuplicateDependency,
                    at.file,
                    pos,
                    format!(
                        "\"{}\" lists \"{}\" twice in depends_on",
                        excerpt(&p.raw.id),
                        excerpt(dep)
                    ),
                ));
                continue;
            }
            match ids.first_of.get(dep.as_str()) {
                Some(&d) => deps[n].push((d, pos)),
                None => problems[n].push(
                    Diagnostic::error(
                        Code::UnknownDependency,
                        at.file,
                        pos,
                        format!(
                            "\"{}\" depends on unknown \"{}\"",
                            excerpt(&p.raw.id),
                            excerpt(dep)
                        ),
                    )
                    .with_hint_opt(suggest::did_you_mean(dep, all_ids.iter().copied())),
                ),
            }
        }
    }
    break_cycles(pending, &candidates, &mut deps, problems);
    deps
}

/// At most this many diagnostics per cycle group (the dependencies to remove first);
/// a larger group ends with one line saying how many more there are.
const MAX_CYCLE_REPORT: usize = 50;

/// Reports every cycle group among `candidates` (each dependency inside a group at its
/// line, the ones to remove first) and removes the group's removal set, so what stays
/// is acyclic.
fn break_cycles(
    pending: &[Pending],
    candidates: &[usize],
    deps: &mut Deps,
    problems: &mut [Vec<Diagnostic>],
) {
    let local: HashMap<usize, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, &n)| (n, i))
        .collect();
    let succ: Vec<Vec<usize>> = candidates
        .iter()
        .map(|&n| deps[n].iter().map(|(d, _)| local[d]).collect())
        .collect();
    let id = |local: usize| excerpt(&pending[candidates[local]].raw.id);
    for group in cycles::find_cycle_groups(&succ) {
        let title = match group.as_simple_cycle(&succ) {
            Some(order) => {
                let mut chain: Vec<String> = order.iter().map(|&n| id(n)).collect();
                chain.push(id(order[0]));
                format!("dependency cycle {}", list(&chain, " -> "))
            }
            None => {
                let names: Vec<String> = group.members.iter().map(|&n| id(n)).collect();
                format!(
                    "dependency cycle group of {} ({})",
                    names.len(),
                    list(&names, ", ")
                )
            }
        };
        // Every dependency inside the group, with where it is written.
        let mut inside: Vec<(usize, usize, Pos, bool)> = Vec::new();
        for &a in &group.members {
            for &(d, pos) in &deps[candidates[a]] {
                let b = local[&d];
                if group.members.binary_search(&b).is_ok() {
                    let remove = group.removed.binary_search(&(a, b)).is_ok();
                    inside.push((a, b, pos, remove));
                }
            }
        }
        inside.sort_by_key(|&(a, b, _, remove)| (!remove, a, b));
        let removals: Vec<String> = inside
            .iter()
            .filter(|e| e.3)
            .map(|&(a, b, pos, _)| {
                let file = &pending[candidates[a]].file;
                format!("\"{}\" on \"{}\" ({file}:{})", id(a), id(b), pos.line)
            })
            .collect();
        let n_removed = removals.len();
        for &(a, b, pos, remove) in inside.iter().take(MAX_CYCLE_REPORT) {
            let hint = match (remove, n_removed) {
                (true, 1) => "remove this dependency to break the cycle".to_string(),
                (true, n) => format!(
                    "remove this dependency: with the other {} marked in this group, that leaves no cycle",
                    n - 1
                ),
                (false, 1) => format!("remove the dependency of {} to break the cycle", removals[0]),
                (false, n) => format!(
                    "removing {n} dependencies leaves no cycle: {}",
                    list(&removals, "; ")
                ),
            };
            problems[candidates[a]].push(
                Diagnostic::error(
                    Code::DependencyCycle,
                    &pending[candidates[a]].file,
                    pos,
                    format!("{title}: \"{}\" depends on \"{}\"", id(a), id(b)),
                )
                .with_hint(hint),
            );
        }
        if inside.len() > MAX_CYCLE_REPORT {
            let (a, _, pos, _) = inside[0];
            problems[candidates[a]].push(Diagnostic::error(
                Code::DependencyCycle,
                &pending[candidates[a]].file,
                pos,
                format!(
                    "{title}: {} more dependencies inside this group are not listed",
                    inside.len() - MAX_CYCLE_REPORT
                ),
            ));
        }
        for &(a, b) in &group.removed {
            let b = candidates[b];
            deps[candidates[a]].retain(|(x, _)| *x != b);
        }
    }
}

/// At most eight items of a list, then how many more.
fn list(items: &[String], sep: &str) -> String {
    const SHOWN: usize = 8;
    if items.len() <= SHOWN {
        items.join(sep)
    } else {
        format!(
            "{}{sep}… and {} more",
            items[..SHOWN].join(sep),
            items.len() - SHOWN
        )
    }
}

/// The kept initiatives.
pub(super) struct Kept {
    pub initiatives: Vec<Initiative>,
    /// Per kept initiative, its pending index.
    pub pending_of: Vec<usize>,
    /// Per kept initiative, its dependencies (kept indices) with where each is written.
    pub deps: Deps,
}

/// Keeps the built initiatives (every one with an id), with their dependencies as
/// indices among the kept.
pub(super) fn keep(pending: &[Pending], built: Vec<Option<Initiative>>, deps: Deps) -> Kept {
    let mut kept_index: HashMap<usize, usize> = HashMap::new();
    let mut kept_order: Vec<usize> = Vec::new();
    for (n, b) in built.iter().enumerate() {
        if b.is_some() {
            kept_index.insert(n, kept_order.len());
            kept_order.push(n);
        }
    }
    let mut out: Vec<Initiative> = Vec::with_capacity(kept_order.len());
    let mut kept_deps: Vec<Vec<(usize, Pos)>> = Vec::with_capacity(kept_order.len());
    for (n, (b, dep_list)) in built.into_iter().zip(deps).enumerate() {
        let Some(mut init) = b else { continue };
        // Dependencies resolve to initiatives with an id, and every one of those is kept.
        let list: Vec<(usize, Pos)> = dep_list
            .into_iter()
            .map(|(d, pos)| (kept_index[&d], pos))
            .collect();
        init.depends_on = list.iter().map(|&(k, _)| k).collect();
        let via_ids: BTreeSet<&str> = pending[n]
            .raw
            .redacted
            .iter()
            .flat_map(|r| r.via.iter().map(String::as_str))
            .collect();
        init.redacted.via = list
            .iter()
            .map(|&(k, _)| k)
            .filter(|&k| via_ids.contains(pending[kept_order[k]].raw.id.as_str()))
            .collect();
        kept_deps.push(list);
        out.push(init);
    }
    Kept {
        initiatives: out,
        pending_of: kept_order,
        deps: kept_deps,
    }
}
