//! Dependencies: `depends_on` (and `redacted.via`) resolved among every initiative with
//! a usable id; self, duplicate and unknown dependencies reported; cycles reported
//! with every step at its line and broken; then the sound initiatives are kept.

use super::super::cycles;
use super::super::diagnostic::{Code, Diagnostic, Pos};
use super::super::model::Initiative;
use super::super::suggest;
use super::super::yaml_tree::{Node, Seg};
use super::ids::Ids;
use super::initiatives::Pending;
use super::key;
use std::collections::{BTreeSet, HashMap};

/// Per pending initiative, what it depends on: `(pending index, where it is written)`.
pub(super) type Deps = Vec<Vec<(usize, Pos)>>;

/// Resolves every dependency entry; the result is acyclic (each cycle's closing edge,
/// reported, is left out).
pub(super) fn resolve(
    pending: &[Pending],
    ids: &Ids,
    trees: &HashMap<&str, &Node>,
    diags: &mut Vec<Diagnostic>,
) -> Deps {
    let candidates: Vec<usize> = (0..pending.len()).filter(|&n| ids.usable[n]).collect();
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
            if *dep == p.raw.id {
                diags.push(
                    Diagnostic::error(
                        Code::SelfDependency,
                        at.file,
                        pos,
                        format!("\"{dep}\" depends on itself"),
                    )
                    .with_hint("remove it from depends_on"),
                );
                continue;
            }
            if !seen.insert(dep.as_str()) {
                diags.push(Diagnostic::warning(
                    Code::DuplicateDependency,
                    at.file,
                    pos,
                    format!("\"{dep}\" is listed twice in depends_on"),
                ));
                continue;
            }
            match ids.first_of.get(dep.as_str()) {
                Some(&d) => deps[n].push((d, pos)),
                None => diags.push(
                    Diagnostic::error(
                        Code::UnknownDependency,
                        at.file,
                        pos,
                        format!("unknown dependency \"{dep}\""),
                    )
                    .with_hint_opt(suggest::did_you_mean(dep, all_ids.iter().copied())),
                ),
            }
        }
    }
    break_cycles(pending, &candidates, &mut deps, diags);
    deps
}

/// Reports every cycle among `candidates`, each step at its line, and removes the
/// edge the search removed.
fn break_cycles(
    pending: &[Pending],
    candidates: &[usize],
    deps: &mut Deps,
    diags: &mut Vec<Diagnostic>,
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
    for found in cycles::find_cycles(&succ) {
        let cycle: Vec<usize> = found.members.iter().map(|&i| candidates[i]).collect();
        let chain: Vec<&str> = cycle
            .iter()
            .chain(cycle.first())
            .map(|&n| pending[n].raw.id.as_str())
            .collect();
        let chain = chain.join(" -> ");
        for w in 0..cycle.len() {
            let (a, b) = (cycle[w], cycle[(w + 1) % cycle.len()]);
            let pos = deps[a]
                .iter()
                .find(|(x, _)| *x == b)
                .map_or(Pos::START, |(_, p)| *p);
            diags.push(
                Diagnostic::error(
                    Code::DependencyCycle,
                    &pending[a].file,
                    pos,
                    format!("dependency cycle: {chain}"),
                )
                .with_hint(format!(
                    "\"{}\" depends on \"{}\": remove one dependency of the cycle",
                    pending[a].raw.id, pending[b].raw.id
                )),
            );
        }
        let (from, to) = (candidates[found.removed.0], candidates[found.removed.1]);
        deps[from].retain(|(x, _)| *x != to);
    }
}

/// Keeps the built initiatives, with their dependencies as indices among the kept; a
/// kept initiative that waits on a left-out one says so. Returns the initiatives and,
/// per kept initiative, its dependencies with where each is written.
pub(super) fn keep_sound(
    pending: &[Pending],
    built: Vec<Option<Initiative>>,
    deps: Deps,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Initiative>, Vec<Vec<(usize, Pos)>>) {
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
        let mut list = Vec::new();
        for (d, pos) in dep_list {
            match kept_index.get(&d) {
                Some(&k) => list.push((k, pos)),
                None => diags.push(
                    Diagnostic::error(
                        Code::UnknownDependency,
                        &pending[n].file,
                        pos,
                        format!(
                            "depends on \"{}\", which has errors and is left out",
                            pending[d].raw.id
                        ),
                    )
                    .with_hint("fix the errors reported for it"),
                ),
            }
        }
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
    (out, kept_deps)
}
