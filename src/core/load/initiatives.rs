//! The initiative lists (in `roadmap.yaml` and in included files, with the file's
//! `defaults` merged in), typed one by one into [`Pending`] initiatives: one bad
//! initiative never hides the others.

use super::key;
use crate::core::model::Source;
use crate::core::text::diagnostic::{excerpt, Code, Diagnostic, Pos};
use crate::core::text::suggest;
use crate::core::yaml;
use crate::core::yaml::deserialize::{self, FieldError};
use crate::core::yaml::raw::{RawInitiative, RawInitiativeFile, INITIATIVE_KEYS};
use crate::core::yaml::scalar::{key_str, Val};
use crate::core::yaml::tree::{Doc, Node, Seg};
use std::collections::{BTreeSet, HashMap};

/// An initiative that deserialized, before its meaning is checked.
pub(super) struct Pending {
    pub raw: RawInitiative,
    pub file: String,
    /// Its path in the file's tree.
    pub base: Vec<Seg>,
    /// Keys that came from the file's `defaults`, located there.
    pub inherited: BTreeSet<String>,
    /// Keys whose values failed to deserialize (their values are placeholders). Empty
    /// when the initiative deserialized cleanly.
    pub broken: BTreeSet<String>,
    /// Its structural errors (wrong types, unknown keys, missing keys).
    pub problems: Vec<Diagnostic>,
}

impl Pending {
    /// Where this initiative's values are, to report them.
    pub fn at<'a>(&'a self, trees: &HashMap<&str, &'a Node>) -> At<'a> {
        At {
            file: &self.file,
            tree: trees[self.file.as_str()],
            pending: self,
        }
    }

    /// Whether `key` deserialized, so its value means what it says.
    pub fn usable(&self, key: &str) -> bool {
        !self.broken.contains(key)
    }
}

/// A pending initiative with its file's tree: locates its values.
pub(super) struct At<'a> {
    pub file: &'a str,
    tree: &'a Node,
    pending: &'a Pending,
}

impl At<'_> {
    /// The node at `rel` below the initiative, or below the file's `defaults` when
    /// the key was inherited.
    pub fn node(&self, rel: &[Seg]) -> &Node {
        let mut p = match rel.first() {
            Some(Seg::Key(k)) if self.pending.inherited.contains(k) => vec![key("defaults")],
            _ => self.pending.base.clone(),
        };
        p.extend_from_slice(rel);
        self.tree.locate(&p)
    }

    pub fn pos(&self, key: &str) -> Pos {
        self.node(&[Seg::Key(key.into())]).pos
    }

    pub fn pos_in(&self, key: &str, index: usize) -> Pos {
        self.node(&[Seg::Key(key.into()), Seg::Index(index)]).pos
    }

    pub fn source(&self) -> Source {
        Source {
            file: self.file.to_string(),
            line: self.tree.locate(&self.pending.base).pos.line,
        }
    }
}

/// Structural errors located in `tree` (below `base`).
pub(super) fn field_errors(
    file: &str,
    tree: &Node,
    base: &[Seg],
    errors: Vec<FieldError>,
) -> Vec<Diagnostic> {
    errors
        .into_iter()
        .map(|e| {
            let mut p = base.to_vec();
            p.extend(e.path.iter().cloned());
            let pos = match p.split_last() {
                Some((Seg::Key(k), parent)) if e.at_key => tree
                    .locate(parent)
                    .key_pos(k)
                    .unwrap_or_else(|| tree.locate(&p).pos),
                _ => tree.locate(&p).pos,
            };
            Diagnostic::error(e.code, file, pos, e.message).with_hint_opt(e.hint)
        })
        .collect()
}

/// The initiatives of an included file, with its `defaults` applied.
pub(super) fn from_file(path: &str, doc: &Doc, diags: &mut Vec<Diagnostic>) -> Vec<Pending> {
    let (raw, errors) =
        deserialize::collect::<RawInitiativeFile>(doc, &doc.root, &[], "initiative file");
    diags.extend(field_errors(path, &doc.root, &[], errors));
    let Some(raw) = raw else { return Vec::new() };
    let defaults = match raw.defaults {
        Some(_) => checked_defaults(path, doc, diags),
        None => Vec::new(),
    };
    collect(path, doc, raw.initiatives.len(), &defaults, diags)
}

/// Defaults are initiative keys, minus the ones that must differ per initiative; the
/// others are reported and dropped. Returns the entries kept.
fn checked_defaults<'a>(
    path: &str,
    doc: &'a Doc,
    diags: &mut Vec<Diagnostic>,
) -> Vec<&'a (Node, Node)> {
    let tree = &doc.root;
    let Some(node) = tree.get("defaults") else {
        return Vec::new();
    };
    let mut kept = Vec::new();
    for entry in doc.resolve(node).entries() {
        let Some(k) = key_str(doc, &entry.0) else {
            kept.push(entry);
            continue;
        };
        let per_initiative = k == "id" || k == "title";
        if INITIATIVE_KEYS.contains(&k) && !per_initiative {
            kept.push(entry);
            continue;
        }
        let pos = tree
            .locate(&[key("defaults")])
            .key_pos(k)
            .unwrap_or(Pos::START);
        let hint = if per_initiative {
            Some(format!("\"{}\" must be set on each initiative", excerpt(k)))
        } else {
            suggest::did_you_mean(k, INITIATIVE_KEYS.iter().copied())
        };
        diags.push(
            Diagnostic::error(
                Code::UnknownKey,
                path,
                pos,
                format!("\"{}\" cannot be a default", excerpt(k)),
            )
            .with_hint_opt(hint),
        );
    }
    kept
}

/// Types the first `count` items of the `initiatives:` list at the top of `file`
/// (those typing the file accepted), each with the file's `defaults` under its keys.
pub(super) fn collect(
    file: &str,
    doc: &Doc,
    count: usize,
    defaults: &[&(Node, Node)],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Pending> {
    let tree = &doc.root;
    let items = tree
        .get("initiatives")
        .map_or(&[][..], |list| doc.resolve(list).items());
    let mut pending = Vec::new();
    for (i, item) in items.iter().take(count).enumerate() {
        let base = vec![key("initiatives"), Seg::Index(i)];
        // Defaults apply to a mapping (a tagged one is not: it is an error anyway).
        let is_map = matches!(yaml::scalar::value(doc, item, false), Ok(Val::Map(_)));
        let defaults = if is_map { defaults } else { &[] };
        let own = doc.resolve(item).entries();
        let inherited: BTreeSet<String> = defaults
            .iter()
            .filter_map(|(k, _)| key_str(doc, k))
            .filter(|k| !own.iter().any(|(o, _)| key_str(doc, o) == Some(k)))
            .map(str::to_string)
            .collect();
        let (raw, errors) =
            deserialize::collect::<RawInitiative>(doc, item, defaults, "initiative");
        // Keys with structural errors are not checked again for meaning.
        let broken: BTreeSet<String> = errors
            .iter()
            .filter_map(|e| match e.path.first() {
                Some(Seg::Key(k)) => Some(k.clone()),
                _ => None,
            })
            .collect();
        let problems = field_errors(file, tree, &base, errors);
        match raw {
            Some(raw) => pending.push(Pending {
                raw,
                file: file.to_string(),
                base,
                inherited,
                broken,
                problems,
            }),
            // Not readable as an initiative at all: only the diagnostics remain.
            None => diags.extend(problems),
        }
    }
    pending
}
