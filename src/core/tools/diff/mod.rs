//! What changed between two roadmaps, and what it does: `roadmap diff`'s result.
//!
//! Initiatives are matched by id. For each kept one, every changed field among
//! [`Field::ALL`] is reported with its value before and after, as the JSON report
//! writes it: dates as resolved days (`2026-Q2` and `2026-06-30` as an end are the
//! same day), other fields as loaded (defaults applied), lists as sets (sorted, no
//! repeats). Dependencies are compared as (dependency, dependent) id pairs. The
//! consequences (what must move, conflicts, horizons, inversions, the critical path)
//! are computed by the engines the viewer uses (`consequences.rs`); diagnostics are
//! matched across the sides by code, file, message and hint, never by line, so an
//! edit above a problem does not "fix" it.
//!
//! The [`Diff`] says, per initiative, whether it was added, removed, moved or changed
//! ([`Diff::kind_of`]), for a viewer that draws a baseline.
//!
//! Complexity: O((V + E) log V) for the comparison; the consequences add one slip
//! propagation per initiative that ends later, O(V + E) each.

mod consequences;
pub mod json;

pub use consequences::{Consequences, CriticalChange, HorizonChange, KnockOn, Slip};

use crate::core::load::{load, FileText};
use crate::core::model::{Initiative, Roadmap};
use crate::core::text::diagnostic::Diagnostic;
use crate::core::text::keyword::keyword_enum;
use crate::core::{tools::redact, Date};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

keyword_enum!(
    /// The compared fields of an initiative, in report order (a public contract: the
    /// JSON report's field names).
    pub enum Field {
        Title = "title",
        Stage = "stage",
        Team = "team",
        Confidence = "confidence",
        Status = "status",
        Start = "start",
        End = "end",
        Horizon = "horizon",
        Tags = "tags",
        Owner = "owner",
        Description = "description",
        Links = "links",
        Confidential = "confidential",
    }
);

keyword_enum!(
    /// How an initiative changed: a viewer's `data-change` value.
    pub enum Kind {
        Added = "added",
        Removed = "removed",
        /// Its start or end changed (and perhaps more).
        Moved = "moved",
        /// Other fields changed, not its dates.
        Changed = "changed",
    }
);

/// One field's value on each side, as the JSON report writes it (`null` when absent).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: Field,
    pub from: Value,
    pub to: Value,
}

/// A kept initiative whose fields changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    pub id: String,
    /// In [`Field::ALL`] order; never empty.
    pub fields: Vec<FieldChange>,
}

impl Changed {
    pub fn kind(&self) -> Kind {
        if self.field(Field::Start).is_some() || self.field(Field::End).is_some() {
            Kind::Moved
        } else {
            Kind::Changed
        }
    }

    pub fn field(&self, f: Field) -> Option<&FieldChange> {
        self.fields.iter().find(|c| c.field == f)
    }
}

/// (dependency, dependent) id pairs, sorted.
pub type Pairs = Vec<(String, String)>;

/// Dependencies added and removed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dependencies {
    pub added: Pairs,
    pub removed: Pairs,
}

/// Diagnostics only the head has, and those only the base had.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DiagnosticChanges {
    pub introduced: Vec<Diagnostic>,
    pub fixed: Vec<Diagnostic>,
}

/// What changed from a base roadmap to a head roadmap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    /// Ids only the head has, sorted.
    pub added: Vec<String>,
    /// Ids only the base had, sorted.
    pub removed: Vec<String>,
    /// Kept initiatives with a changed field, sorted by id.
    pub changed: Vec<Changed>,
    pub dependencies: Dependencies,
    pub consequences: Consequences,
    pub diagnostics: DiagnosticChanges,
}

impl Diff {
    /// Nothing changed (the consequences follow from the changes, so they are empty too).
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.dependencies == Dependencies::default()
            && self.diagnostics == DiagnosticChanges::default()
    }

    /// How the initiative `id` changed, if it did.
    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        let find = |list: &[String]| list.binary_search_by(|x| x.as_str().cmp(id)).is_ok();
        if find(&self.added) {
            return Some(Kind::Added);
        }
        if find(&self.removed) {
            return Some(Kind::Removed);
        }
        self.changed
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| self.changed[i].kind())
    }
}

/// One side of a comparison: a loaded roadmap, its diagnostics, and the day horizons
/// count from when the data has no `as_of`.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub roadmap: &'a Roadmap,
    pub diagnostics: &'a [Diagnostic],
    pub today: Date,
}

/// Compares `base` with `head`.
pub fn diff(base: Side, head: Side) -> Diff {
    let (a, b) = (base.roadmap, head.roadmap);
    let ids =
        |r: &Roadmap| -> BTreeSet<String> { r.initiatives.iter().map(|i| i.id.clone()).collect() };
    let (ids_a, ids_b) = (ids(a), ids(b));
    let added: Vec<String> = ids_b.difference(&ids_a).cloned().collect();
    let removed: Vec<String> = ids_a.difference(&ids_b).cloned().collect();
    let mut changed = Vec::new();
    for id in ids_a.intersection(&ids_b) {
        let (x, y) = (by_id(a, id), by_id(b, id));
        let fields: Vec<FieldChange> = Field::ALL
            .iter()
            .filter_map(|&field| {
                let (from, to) = (value(a, x, field), value(b, y, field));
                (from != to).then_some(FieldChange { field, from, to })
            })
            .collect();
        if !fields.is_empty() {
            changed.push(Changed {
                id: id.clone(),
                fields,
            });
        }
    }
    let (deps_a, deps_b) = (pairs(a), pairs(b));
    let dependencies = Dependencies {
        added: deps_b.difference(&deps_a).cloned().collect(),
        removed: deps_a.difference(&deps_b).cloned().collect(),
    };
    let consequences = consequences::compute(base, head, &changed, &added, &removed);
    Diff {
        added,
        removed,
        changed,
        dependencies,
        consequences,
        diagnostics: DiagnosticChanges {
            introduced: unmatched(head.diagnostics, base.diagnostics),
            fixed: unmatched(base.diagnostics, head.diagnostics),
        },
    }
}

/// The initiative `id` of `r` (the first, if the data repeats it).
fn by_id<'r>(r: &'r Roadmap, id: &str) -> &'r Initiative {
    &r.initiatives[r.find(id).expect("an id of this roadmap")]
}

/// `field` of `init`, as the JSON report writes it.
pub fn value(r: &Roadmap, init: &Initiative, field: Field) -> Value {
    let date = |d: Option<Date>| Value::from(d.map(|d| d.to_string()));
    match field {
        Field::Title => init.title.clone().into(),
        Field::Stage => r.stages[init.stage].id.clone().into(),
        Field::Team => init.team.map(|t| r.teams[t].id.clone()).into(),
        Field::Confidence => init.confidence.as_str().into(),
        Field::Status => init.status.as_str().into(),
        Field::Start => date(init.start),
        Field::End => date(init.end),
        Field::Horizon => init.horizon.map(|h| h.as_str()).into(),
        Field::Tags => {
            let tags: BTreeSet<&str> = init.tags.iter().map(String::as_str).collect();
            tags.into_iter().collect::<Vec<_>>().into()
        }
        Field::Owner => init.owner.clone().into(),
        Field::Description => init.description.clone().into(),
        Field::Links => {
            let links: BTreeSet<(&str, &str)> = init
                .links
                .iter()
                .map(|l| (l.url.as_str(), l.title.as_str()))
                .collect();
            links
                .into_iter()
                .map(|(url, title)| serde_json::json!({ "title": title, "url": url }))
                .collect::<Vec<_>>()
                .into()
        }
        Field::Confidential => init.confidential.into(),
    }
}

/// Every dependency of `r` as a (dependency, dependent) id pair.
pub fn pairs(r: &Roadmap) -> BTreeSet<(String, String)> {
    r.initiatives
        .iter()
        .flat_map(|i| {
            i.depends_on
                .iter()
                .map(|&d| (r.initiatives[d].id.clone(), i.id.clone()))
        })
        .collect()
}

/// The diagnostics of `these` that `others` does not have, matched as a multiset by
/// code, file, message and hint (not by line: an edit above must not "fix" it).
fn unmatched(these: &[Diagnostic], others: &[Diagnostic]) -> Vec<Diagnostic> {
    fn key(d: &Diagnostic) -> (&str, &str, &str, Option<&str>) {
        let (code, file, message) = (d.code.as_str(), d.file.as_str(), d.message.as_str());
        (code, file, message, d.hint.as_deref())
    }
    let mut left: HashMap<_, usize> = HashMap::new();
    for d in others {
        *left.entry(key(d)).or_default() += 1;
    }
    these
        .iter()
        .filter(|d| match left.get_mut(&key(d)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

/// The public view of one side, for `roadmap diff --public`: the roadmap as
/// `roadmap redact` writes it (confidential initiatives left out, placeholders
/// instead), loaded again, and the side's diagnostics without any that could name a
/// confidential initiative: those in a file that holds one, and those whose file,
/// message or hint contains one of its strings ([`redact::confidential_strings`]).
pub fn public(
    roadmap: &Roadmap,
    diagnostics: &[Diagnostic],
    today: Date,
) -> (Roadmap, Vec<Diagnostic>) {
    let files = redact::redact(roadmap);
    debug_assert!(files.files.values().all(|f| matches!(f, FileText::Text(_))));
    let (public, _) = load(&files, today);
    let secrets = redact::confidential_strings(roadmap);
    let secret_files: BTreeSet<&str> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.confidential)
        .map(|i| i.source.file.as_str())
        .collect();
    let names_one = |text: &str| {
        secrets
            .iter()
            .any(|s| !s.is_empty() && text.contains(s.as_str()))
    };
    let kept = diagnostics
        .iter()
        .filter(|d| {
            !secret_files.contains(d.file.as_str())
                && !names_one(&d.file)
                && !names_one(&d.message)
                && !d.hint.as_deref().is_some_and(names_one)
        })
        .cloned()
        .collect();
    (public, kept)
}

#[cfg(test)]
mod tests;
