//! Loading a data folder: files → raw structs → a checked [`Roadmap`] plus every
//! diagnostic found.
//!
//! Loading never stops at the first problem: a broken file or initiative is left out
//! and named in a diagnostic, and everything else still loads. One file per stage of
//! the work, in the order [`load`] runs them:
//!
//! 1. [`files`]: reading and parsing each file (size limit, YAML syntax, alias bombs,
//!    duplicate keys), following `include`, warning about unreached files;
//! 2. [`structure`]: `roadmap.yaml` itself (title, `as_of`, stages, teams, tags);
//! 3. [`initiatives`]: the initiative lists, with file `defaults`, typed into
//!    [`initiatives::Pending`];
//! 4. [`ids`]: initiative ids (valid, unique);
//! 5. [`fields`]: each initiative's own fields (stage, team, keywords, dates, links);
//! 6. [`dependencies`]: resolving `depends_on`, reporting and breaking cycles, keeping
//!    the sound initiatives;
//! 7. [`schedule`]: warnings between an initiative and its dependencies.
//!
//! Each stage returns what it produced (values and diagnostics); nothing is inferred
//! from how many diagnostics there were before and after.

mod dependencies;
mod fields;
mod files;
mod ids;
mod initiatives;
mod schedule;
mod structure;

use super::date::Date;
use super::diagnostic::{self, Code, Diagnostic, Pos};
use super::model::Roadmap;
use super::yaml_tree::{Node, Seg};
use std::collections::{BTreeMap, HashMap};

/// The entry point every data folder has.
pub const ROADMAP_FILE: &str = "roadmap.yaml";
/// Files larger than this are refused unread.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The content of one data file as handed to the loader.
#[derive(Clone, Debug, PartialEq)]
pub enum FileText {
    Text(String),
    /// The file was not read because it is larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// The file could not be read (I/O or HTTP error, not UTF-8).
    Unreadable(String),
}

/// Every YAML file of a data folder, keyed by path relative to the folder (`/` separators).
#[derive(Clone, Debug, Default)]
pub struct DataFiles {
    pub files: BTreeMap<String, FileText>,
}

impl DataFiles {
    pub fn insert(&mut self, path: impl Into<String>, text: FileText) {
        self.files.insert(path.into(), text);
    }

    pub fn text(&self, path: &str) -> Option<&str> {
        match self.files.get(path) {
            Some(FileText::Text(t)) => Some(t),
            _ => None,
        }
    }

    pub fn is_yaml(path: &str) -> bool {
        path.ends_with(".yaml") || path.ends_with(".yml")
    }
}

/// Loads and checks a roadmap. `today` stands in for `as_of` when the data has none.
///
/// Returns the roadmap (possibly partial) and all diagnostics, sorted by place.
pub fn load(files: &DataFiles, today: Date) -> (Roadmap, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let roadmap = run(files, today, &mut diags).unwrap_or_default();
    diagnostic::sort(&mut diags);
    (roadmap, diags)
}

fn run(files: &DataFiles, today: Date, diags: &mut Vec<Diagnostic>) -> Option<Roadmap> {
    let parsed = files::parse_roadmap_file(files, diags)?;
    let st = structure::read(&parsed, today, diags)?;
    let tree = &parsed.tree;

    // Initiative files: the roadmap's own list, then every included file once.
    let mut pending = initiatives::collect(ROADMAP_FILE, tree, &st.initiatives, None, diags);
    let included = files::includes(files, tree, &st.include, diags);
    for (path, p) in &included {
        pending.extend(initiatives::from_file(path, p, diags));
    }
    let trees: HashMap<&str, &Node> = std::iter::once((ROADMAP_FILE, tree))
        .chain(included.iter().map(|(p, f)| (p.as_str(), &f.tree)))
        .collect();

    let ids = ids::check(&pending, &trees, diags);
    let built = fields::check_all(&pending, &ids, &trees, &st, diags);
    let deps = dependencies::resolve(&pending, &ids, &trees, diags);
    let (initiatives, kept_deps) = dependencies::keep_sound(&pending, built, deps, diags);
    for (i, list) in kept_deps.iter().enumerate() {
        schedule::warnings(&initiatives, i, list, diags);
    }
    Some(Roadmap::assemble(
        st.title,
        st.as_of,
        st.edit_url,
        st.stages,
        st.teams,
        st.tags,
        initiatives,
    ))
}

/// A path segment for a mapping key.
fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

/// The longest id, in characters: ids are names people type, and every "did you
/// mean" compares them (a 20,000-character id made that take gigabytes).
const MAX_ID_CHARS: usize = 100;

/// Stage, team, tag and initiative ids: lower-case letters, digits and dashes, at most
/// [`MAX_ID_CHARS`].
fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_ID_CHARS
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

const ID_HINT: &str =
    "ids use lower-case letters, digits and dashes, starting with a letter or digit";

/// The `invalid-id` error for `id`, a `what` ("stage", "team", "initiative") id that
/// [`valid_id`] refused. An id over [`MAX_ID_CHARS`] is shown by its start and length.
fn invalid_id(file: &str, pos: Pos, what: &str, id: &str) -> Diagnostic {
    let chars = id.chars().count();
    if chars > MAX_ID_CHARS {
        let start: String = id.chars().take(40).collect();
        return Diagnostic::error(
            Code::InvalidId,
            file,
            pos,
            format!("{what} id \"{start}…\" is too long ({chars} characters)"),
        )
        .with_hint(format!("ids have at most {MAX_ID_CHARS} characters"));
    }
    Diagnostic::error(
        Code::InvalidId,
        file,
        pos,
        format!("\"{id}\" is not a valid {what} id"),
    )
    .with_hint(ID_HINT)
}

/// Where a value of a data file is, for diagnostics that point at it.
fn pos_of(tree: &Node, path: &[Seg]) -> Pos {
    tree.locate(path).pos
}
