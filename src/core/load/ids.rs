//! Initiative ids: each must be valid and unique across the roadmap. An initiative
//! without a usable id takes no part in dependencies and is left out.

use super::super::diagnostic::{Code, Diagnostic};
use super::super::yaml_tree::Node;
use super::initiatives::Pending;
use super::{invalid_id, valid_id};
use std::collections::HashMap;

/// The outcome of checking ids.
pub(super) struct Ids {
    /// Each usable id and the pending initiative that holds it.
    pub first_of: HashMap<String, usize>,
    /// Per pending initiative: whether its id is usable (deserialized, valid, first).
    pub usable: Vec<bool>,
}

pub(super) fn check(
    pending: &[Pending],
    trees: &HashMap<&str, &Node>,
    diags: &mut Vec<Diagnostic>,
) -> Ids {
    let mut usable = vec![false; pending.len()];
    let mut first_of: HashMap<String, usize> = HashMap::new();
    for (n, p) in pending.iter().enumerate() {
        if !p.usable("id") {
            continue;
        }
        let at = p.at(trees);
        let id = &p.raw.id;
        let here = at.pos("id");
        if !valid_id(id) {
            diags.push(invalid_id(at.file, here, "initiative", id));
            continue;
        }
        if let Some(&f) = first_of.get(id) {
            let q = &pending[f];
            let qpos = q.at(trees).pos("id");
            diags.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    at.file,
                    here,
                    format!(
                        "initiative id \"{id}\" is already used at {}:{}",
                        q.file, qpos.line
                    ),
                )
                .with_hint("ids are unique across the whole roadmap: rename one of them"),
            );
            diags.push(Diagnostic::error(
                Code::DuplicateId,
                &q.file,
                qpos,
                format!(
                    "initiative id \"{id}\" is used again at {}:{}",
                    p.file, here.line
                ),
            ));
            continue;
        }
        first_of.insert(id.clone(), n);
        usable[n] = true;
    }
    Ids { first_of, usable }
}
