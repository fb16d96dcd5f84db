//! Loading a data folder: files → raw structs → a checked [`Roadmap`] plus every
//! diagnostic found.
//!
//! Loading never stops at the first problem, and degrades instead of dropping: an
//! initiative with an id is always kept, its bad fields neutralised (see
//! [`fields`]) and its diagnostics kept on it (`Initiative::problems`) so the viewer
//! can mark it; only what cannot be read as an initiative (no id, not a mapping) or a
//! file that cannot be read is left out, and named in a diagnostic. One file per stage of
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

use crate::core::model::{Roadmap, Stage};
use crate::core::text::date::Date;
use crate::core::text::diagnostic::{self, excerpt, Code, Diagnostic, Pos};
use crate::core::yaml::tree::{Node, Seg};
use std::collections::{BTreeMap, HashMap};

/// The entry point every data folder has.
pub const ROADMAP_FILE: &str = "roadmap.yaml";
/// Files larger than this are refused unread.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The content of one data file as handed to the loader.
#[derive(Clone, Debug, PartialEq)]
pub enum FileText {
    Text(String),
    /// The file was not read (or not kept) because it is larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// The file could not be read (I/O or HTTP error, not UTF-8). The reason never
    /// quotes the content.
    Unreadable(String),
    /// The file was refused unread: the data folder is a jail (see `data_dir`).
    Refused(Refusal),
}

/// Why a file was refused without being opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A symbolic link that leads outside the data folder.
    OutsideFolder,
    /// Not a regular file: what it is instead ("a FIFO", "a device", "a folder"...).
    NotRegularFile(&'static str),
}

impl FileText {
    /// The one rule for turning a file's bytes into text, wherever they come from (disk,
    /// HTTP, a dropped file): over [`MAX_FILE_BYTES`] is too large, and anything but
    /// valid UTF-8 is unreadable (never decoded lossily). `bytes` may be a prefix of
    /// the file cut just past the limit.
    pub fn from_bytes(bytes: Vec<u8>) -> FileText {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return FileText::TooLarge(bytes.len() as u64);
        }
        match String::from_utf8(bytes) {
            Ok(t) => FileText::Text(t),
            Err(_) => FileText::Unreadable(NOT_UTF8.into()),
        }
    }
}

/// Why a file that is not valid UTF-8 is unreadable.
pub const NOT_UTF8: &str = "not UTF-8 text";

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
    let doc = files::parse_roadmap_file(files, diags)?;
    let st = structure::read(&doc, today, diags)?;
    let tree = &doc.root;

    // Initiative files: the roadmap's own list, then every included file once.
    let mut pending = initiatives::collect(ROADMAP_FILE, &doc, st.initiatives, &[], diags);
    let included = files::includes(files, tree, &st.include, diags);
    for (path, d) in &included {
        pending.extend(initiatives::from_file(path, d, diags));
    }
    let trees: HashMap<&str, &Node> = std::iter::once((ROADMAP_FILE, tree))
        .chain(included.iter().map(|(p, d)| (p.as_str(), &d.root)))
        .collect();

    // What each check finds about an initiative is also kept on it, to be shown there.
    let mut problems: Vec<Vec<Diagnostic>> = pending
        .iter_mut()
        .map(|p| std::mem::take(&mut p.problems))
        .collect();
    let ids = ids::check(&pending, &trees, &mut problems);
    let built = fields::check_all(&pending, &ids, &trees, &st, &mut problems);
    let deps = dependencies::resolve(&pending, &ids, &trees, &mut problems);
    let kept = dependencies::keep(&pending, built, deps);
    let mut initiatives = kept.initiatives;
    for (i, list) in kept.deps.iter().enumerate() {
        schedule::warnings(&initiatives, i, list, &mut problems[kept.pending_of[i]]);
    }
    // Messages stand alone (CI reports show them without the source line): each
    // names the initiative it is about.
    for (n, found) in problems.iter_mut().enumerate() {
        if found.is_empty() {
            continue;
        }
        let owner = format!("\"{}\"", excerpt(&pending[n].raw.id));
        if pending[n].raw.id.trim().is_empty() {
            continue;
        }
        // An invalid id's message is about the id itself and quotes it already.
        let unnamed =
            |d: &&mut Diagnostic| d.code != Code::InvalidId && !d.message.contains(&owner);
        for d in found.iter_mut().filter(unnamed) {
            d.message = format!("{owner}: {}", d.message);
        }
    }
    for (init, &n) in initiatives.iter_mut().zip(&kept.pending_of) {
        init.problems = problems[n].clone();
    }
    diags.extend(once_per_place(problems.into_iter().flatten()));
    let mut stages = st.stages;
    if initiatives.iter().any(|i| i.stage == stages.len()) {
        stages.push(unplaced());
    }
    Some(Roadmap::assemble(
        st.title,
        st.as_of,
        st.edit_url,
        stages,
        st.teams,
        st.tags,
        initiatives,
    ))
}

/// The id of the lane that holds initiatives whose stage is not declared: not a valid
/// stage id, so it never collides with one.
pub const UNPLACED_STAGE: &str = "(unplaced)";

/// The lane for initiatives whose stage is unknown.
fn unplaced() -> Stage {
    Stage {
        id: UNPLACED_STAGE.to_string(),
        name: "Unplaced".to_string(),
        description: Some("Initiatives whose stage is not declared in roadmap.yaml".to_string()),
        teams: Vec::new(),
    }
}

/// The report lists a problem once per place: a bad value in a file's `defaults` is
/// one diagnostic ("\"a\" and 17 more initiatives: unknown stage ..."), though each
/// initiative that inherits it carries its own.
fn once_per_place(found: impl Iterator<Item = Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    // (file, line, column, code, message without its owner) -> (index in out, how many more)
    type Place = (String, u32, u32, Code, String);
    let mut at: HashMap<Place, (usize, usize)> = HashMap::new();
    for d in found {
        let place = (
            d.file.clone(),
            d.line,
            d.column,
            d.code,
            without_owner(&d.message),
        );
        match at.get_mut(&place) {
            Some((_, more)) => *more += 1,
            None => {
                at.insert(place, (out.len(), 0));
                out.push(d);
            }
        }
    }
    for (k, more) in at.into_values().filter(|&(_, more)| more > 0) {
        let d = &mut out[k];
        // "\"a\": message" -> "\"a\" and N more initiatives: message"
        let rest = without_owner(&d.message);
        let owner = &d.message[..d.message.len() - rest.len()];
        if let Some(owner) = owner.strip_suffix(": ") {
            d.message = format!("{owner} and {more} more initiatives: {rest}");
        }
    }
    out
}

/// A message without the `"<id>": ` that names its initiative.
fn without_owner(message: &str) -> String {
    message
        .strip_prefix('"')
        .and_then(|m| m.find("\": ").map(|end| message[end + 4..].to_string()))
        .unwrap_or_else(|| message.to_string())
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
        format!("\"{}\" is not a valid {what} id", excerpt(id)),
    )
    .with_hint(ID_HINT)
}

/// Where a value of a data file is, for diagnostics that point at it.
fn pos_of(tree: &Node, path: &[Seg]) -> Pos {
    tree.locate(path).pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::diagnostic::Code;
    use std::collections::BTreeSet;

    #[test]
    fn no_message_quotes_more_than_an_excerpt_of_a_huge_value() {
        // Lower-case so that it is a valid id too; `up` is an invalid one. 1 MB here,
        // as parsing runs at ~5 MB/s unoptimized; 5 MB values are timed with the
        // native `roadmap check` (see the commit).
        let v = "a".repeat(1_000_000);
        let up = format!("X{v}");
        let base = "title: T\nstages:\n  - id: s\n    name: S\n    teams: [{id: t, name: T}]\n\
                    tags: [{id: x}]\ninclude: [\"i/*.yaml\"]\n";
        let one = |fields: &str| {
            format!("initiatives:\n  - {{id: i, title: I, stage: s, confidence: low, {fields}}}\n")
        };
        let initiative_files = [
            format!("initiatives: [{{id: {up}, title: I, stage: s, confidence: low}}]\n"),
            format!("initiatives: [{{id: i, title: I, stage: {v}, confidence: low}}]\n"),
            one(&format!("team: {v}")),
            one(&format!("tags: [{v}]")),
            one(&format!("start: {v}, end: 2026-Q{v}")),
            format!("initiatives: [{{id: i, title: I, stage: s, confidence: {v}, status: {v}}}]\n"),
            one(&format!("horizon: {v}")),
            one(&format!("depends_on: [{v}]")),
            one(&format!("tags: \"{v}\"")),
            format!("initiatives:\n  - id: i\n    title: I\n    stage: s\n    confidence: low\n    ? {v}\n    : 1\n"),
            one(&format!("links: [{{title: {v}, url: \"javascript:x\"}}]")),
            format!("{v}\n"),
            format!("defaults:\n  ? {v}\n  : 1\ninitiatives: []\n"),
            format!("? {v}\n: 1\n? {v}\n: 2\n"),
        ];
        let mut folders: Vec<Vec<(String, String)>> = initiative_files
            .into_iter()
            .map(|f| vec![(ROADMAP_FILE.into(), base.into()), ("i/x.yaml".into(), f)])
            .collect();
        // One id in three files: duplicate, and depended on against its schedule.
        folders.push(vec![
            (ROADMAP_FILE.into(), base.into()),
            ("i/long.yaml".into(), format!("initiatives: [{{id: {v}, title: L, stage: s, confidence: low, end: 2027-06}}]\n")),
            ("i/same.yaml".into(), format!("initiatives: [{{id: {v}, title: L, stage: s, confidence: low}}]\n")),
            ("i/after.yaml".into(), format!("initiatives: [{{id: b, title: B, stage: s, confidence: high, start: 2027-01, depends_on: [{v}]}}]\n")),
        ]);
        for roadmap in [
            format!("title: T\nstages:\n  - id: {up}\n    name: S\n"),
            format!(
                "title: T\nstages:\n  - id: s\n    name: S\n    teams: [{{id: {up}, name: T}}]\n"
            ),
            format!("title: T\nas_of: \"{v}\"\nstages: []\n"),
            format!("title: T\nstages: []\ninclude: [\"{v}\"]\n"),
            format!("title: T\nstages: []\ntags: [{{id: {v}}}, {{id: {v}}}]\n"),
        ] {
            folders.push(vec![(ROADMAP_FILE.into(), roadmap)]);
        }
        let mut codes = BTreeSet::new();
        for folder in folders {
            let mut files = DataFiles::default();
            for (path, text) in folder {
                files.insert(path, FileText::Text(text));
            }
            for d in load(&files, Date(0)).1 {
                let longest = d.message.len().max(d.hint.as_ref().map_or(0, String::len));
                assert!(longest < 300, "{} {}: {longest} bytes", d.file, d.code);
                codes.insert(d.code);
            }
        }
        use Code::*;
        for code in [
            InvalidId,
            DuplicateId,
            InvalidDate,
            IncludeNoMatch,
            UnknownStage,
            UnknownTeam,
            UndeclaredTag,
            InvalidValue,
            WrongType,
            UnknownKey,
            UnsafeLink,
            ScheduleConflict,
            ConfidenceInversion,
            DuplicateKey,
        ] {
            assert!(codes.contains(&code), "no {code} among {codes:?}");
        }
    }
}
