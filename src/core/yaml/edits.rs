//! Keys dropped and empty placeholders added to a node being typed, by path, without
//! copying or changing the tree: typing is retried after an error with the failed key
//! dropped (see `deserialize`), and `yaml::de` skips and adds what the edits say.

use crate::core::text::lines::Pos;
use crate::core::text::short_text::Text;
use crate::core::yaml::scalar::{key_str, value, Val};
use crate::core::yaml::tree::{Doc, Kind, Node, Seg};

/// Keys to drop and empty placeholders to add, by path, while typing a node.
#[derive(Debug, Default)]
pub struct Edits {
    removed: Vec<Vec<Seg>>,
    added: Vec<(Vec<Seg>, String)>,
}

/// An empty text, the value of an added placeholder.
pub static EMPTY: Node = Node {
    pos: Pos::START,
    kind: Kind::Scalar {
        text: Text::EMPTY,
        plain: false,
    },
    tag: None,
};

impl Edits {
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty()
    }

    /// Whether the key `key` of the mapping at `path` was dropped.
    fn removes(&self, path: &[Seg], key: &str) -> bool {
        self.removed.iter().any(|r| {
            r.len() == path.len() + 1
                && r[..path.len()] == *path
                && matches!(&r[path.len()], Seg::Key(rk) if rk == key)
        })
    }

    /// The keys dropped from the mapping at `path`.
    pub fn removed_at(&self, path: &[Seg]) -> Vec<&str> {
        self.removed
            .iter()
            .filter_map(|r| match r.split_last() {
                Some((Seg::Key(k), at)) if at == path => Some(k.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The placeholder keys added to the mapping at `path`.
    pub fn added_at(&self, path: &[Seg]) -> Vec<&str> {
        self.added
            .iter()
            .filter(|(at, _)| at == path)
            .map(|(_, field)| field.as_str())
            .collect()
    }

    /// Drops the deepest key on `path` below `node` (the value that failed); false
    /// when there is no such key to drop.
    pub fn remove(
        &mut self,
        doc: &Doc,
        node: &Node,
        defaults: &[&(Node, Node)],
        path: &[Seg],
    ) -> bool {
        let Some(at) = path.iter().rposition(|s| matches!(s, Seg::Key(_))) else {
            return false;
        };
        let Seg::Key(key) = &path[at] else {
            return false;
        };
        let found = matches!(
            self.lookup(doc, node, defaults, &path[..at], key),
            Some(Some(_))
        );
        if found {
            self.removed.push(path[..=at].to_vec());
        }
        found
    }

    /// Adds `field: ""` to the mapping at `path` when it has no such key; false otherwise.
    pub fn add(
        &mut self,
        doc: &Doc,
        node: &Node,
        defaults: &[&(Node, Node)],
        path: &[Seg],
        field: &str,
    ) -> bool {
        let free = matches!(self.lookup(doc, node, defaults, path, field), Some(None));
        if free {
            self.added.push((path.to_vec(), field.to_string()));
        }
        free
    }

    /// In the mapping at `path` (after the edits so far): `key`'s value, `Some(None)`
    /// when it has no such key, `None` when no mapping is there.
    ///
    /// Complexity: O(entries of the mappings on the way), through each mapping once.
    fn lookup<'a>(
        &'a self,
        doc: &'a Doc,
        mut node: &'a Node,
        mut defaults: &'a [&'a (Node, Node)],
        path: &[Seg],
        key: &str,
    ) -> Option<Option<&'a Node>> {
        for depth in 0..=path.len() {
            let here = &path[..depth];
            let get = |k: &str| -> Option<Option<&'a Node>> {
                let Val::Map(own) = value(doc, node, false).ok()? else {
                    return None;
                };
                if self.removes(here, k) {
                    return Some(None);
                }
                let mut entries = own.iter().chain(defaults.iter().copied());
                let found = entries.find(|(e, _)| key_str(doc, e) == Some(k));
                let added = || self.added_at(here).contains(&k).then_some(&EMPTY);
                Some(found.map(|(_, v)| v).or_else(added))
            };
            node = match path.get(depth) {
                None => return get(key),
                Some(Seg::Key(k)) => get(k)??,
                Some(Seg::Index(i)) => match value(doc, node, false).ok()? {
                    Val::Seq(items) => items.get(*i)?,
                    _ => return None,
                },
            };
            defaults = &[];
        }
        None
    }
}
