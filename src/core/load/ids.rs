//! Initiative ids: each should be valid and unique across the roadmap. An initiative
//! keeps the id it was written with even when it is not valid (it is marked); a second
//! use of an id is shown as `<id> (duplicate)`; only one with no id at all is left out.

use super::initiatives::Pending;
use super::{invalid_id, valid_id};
use crate::core::text::diagnostic::{excerpt, Code, Diagnostic};
use crate::core::yaml::tree::Node;
use std::collections::HashMap;

/// The outcome of checking ids.
pub(super) struct Ids {
    /// Each id and the pending initiative that holds it first (dependencies resolve to it).
    pub first_of: HashMap<String, usize>,
    /// Per pending initiative: the id it is shown by, or `None` when it has none (then
    /// it is left out: it cannot be named, linked or depended on).
    pub shown: Vec<Option<String>>,
}

impl Ids {
    /// Whether the pending initiative `n` is kept.
    pub fn usable(&self, n: usize) -> bool {
        self.shown[n].is_some()
    }
}

pub(super) fn check(
    pending: &[Pending],
    trees: &HashMap<&str, &Node>,
    problems: &mut [Vec<Diagnostic>],
) -> Ids {
    let mut shown = vec![None; pending.len()];
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut duplicates: HashMap<String, usize> = HashMap::new();
    for (n, p) in pending.iter().enumerate() {
        if !p.usable("id") || p.raw.id.trim().is_empty() {
            continue;
        }
        let at = p.at(trees);
        let id = &p.raw.id;
        let here = at.pos("id");
        if !valid_id(id) {
            problems[n].push(invalid_id(at.file, here, "initiative", id));
        }
        if let Some(&f) = first_of.get(id) {
            let q = &pending[f];
            let qpos = q.at(trees).pos("id");
            let count = duplicates.entry(id.clone()).or_insert(0);
            *count += 1;
            let renamed = match *count {
                1 => format!("{id} (duplicate)"),
                k => format!("{id} (duplicate {k})"),
            };
            problems[n].push(
                Diagnostic::error(
                    Code::DuplicateId,
                    at.file,
                    here,
                    format!(
                        "initiative id \"{}\" is already used at {}:{}; this one is shown as \"{}\"",
                        excerpt(id),
                        q.file,
                        qpos.line,
                        excerpt(&renamed)

                    ),
                )
                .with_hint("ids are unique across the whole roadmap: rename one of them"),
            );
            problems[f].push(Diagnostic::error(
                Code::DuplicateId,
                &q.file,
                qpos,
                format!(
                    "initiative id \"{}\" is used again at {}:{}",
                    excerpt(id),
                    p.file,
                    here.line
                ),
            ));
            shown[n] = Some(renamed);
            continue;
        }
        first_of.insert(id.clone(), n);
        shown[n] = Some(id.clone());
    }
    Ids { first_of, shown }
}
