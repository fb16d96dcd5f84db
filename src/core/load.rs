//! Loading a data folder: files → raw structs → a checked [`Roadmap`] plus every
//! diagnostic found.
//!
//! Loading never stops at the first problem: a broken file or initiative is left out
//! and named in a diagnostic, and everything else still loads.

use super::date::{Date, Edge};
use super::deserialize::{self, FieldError};
use super::diagnostic::{self, Diagnostic, Pos};
use super::model::*;
use super::raw::{RawInitiative, RawInitiativeFile, RawRoadmap};
use super::url::is_safe_url;
use super::yaml_tree::{self, Node, Seg, TreeError};
use super::{cycles, glob, suggest};
use serde_yaml::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    let mut cx = Loader { diags: Vec::new() };
    let roadmap = cx.run(files, today);
    let mut diags = cx.diags;
    diagnostic::sort(&mut diags);
    (roadmap, diags)
}

struct Loader {
    diags: Vec<Diagnostic>,
}

/// A parsed file: its positioned tree and its serde value.
struct Parsed {
    tree: Node,
    value: Value,
}

/// Where an initiative sits, to locate its values.
struct InitCtx<'a> {
    file: &'a str,
    tree: &'a Node,
    base: Vec<Seg>,
    /// Keys that came from the file's `defaults`, located there.
    inherited: BTreeSet<String>,
}

impl InitCtx<'_> {
    fn node(&self, rel: &[Seg]) -> &Node {
        match rel.first() {
            Some(Seg::Key(k)) if self.inherited.contains(k) => {
                let mut p = vec![Seg::Key("defaults".into())];
                p.extend_from_slice(rel);
                self.tree.locate(&p)
            }
            _ => {
                let mut p = self.base.clone();
                p.extend_from_slice(rel);
                self.tree.locate(&p)
            }
        }
    }

    fn pos(&self, key: &str) -> Pos {
        self.node(&[Seg::Key(key.into())]).pos
    }

    fn pos_in(&self, key: &str, index: usize) -> Pos {
        self.node(&[Seg::Key(key.into()), Seg::Index(index)]).pos
    }

    fn source(&self) -> Source {
        Source {
            file: self.file.to_string(),
            line: self.tree.locate(&self.base).pos.line,
        }
    }
}

/// An initiative that passed its own checks, before cross-references are resolved.
struct Pending {
    raw: RawInitiative,
    file: String,
    base: Vec<Seg>,
    inherited: BTreeSet<String>,
    /// No problem so far: it may be kept.
    ok: bool,
    /// Keys whose values failed to deserialize (their values are placeholders).
    broken: BTreeSet<String>,
}

fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

const ID_HINT: &str =
    "ids use lower-case letters, digits and dashes, starting with a letter or digit";

impl Loader {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn field_errors(&mut self, file: &str, tree: &Node, base: &[Seg], errors: Vec<FieldError>) {
        for e in errors {
            let mut p = base.to_vec();
            p.extend(e.path.iter().cloned());
            let pos = if e.at_key {
                match p.split_last() {
                    Some((Seg::Key(k), parent)) => tree
                        .locate(parent)
                        .key_pos(k)
                        .unwrap_or_else(|| tree.locate(&p).pos),
                    _ => tree.locate(&p).pos,
                }
            } else {
                tree.locate(&p).pos
            };
            self.push(Diagnostic::error(e.code, file, pos, e.message).with_hint_opt(e.hint));
        }
    }

    fn parse_file(&mut self, files: &DataFiles, path: &str) -> Option<Parsed> {
        let text = match files.files.get(path) {
            Some(FileText::Text(t)) => t,
            Some(FileText::TooLarge(size)) => {
                self.push(
                    Diagnostic::error(
                        "file-too-large",
                        path,
                        Pos::START,
                        format!(
                            "file is {:.1} MB, over the 10 MB limit",
                            *size as f64 / 1_048_576.0
                        ),
                    )
                    .with_hint("split the initiatives over several files"),
                );
                return None;
            }
            Some(FileText::Unreadable(why)) => {
                self.push(Diagnostic::error(
                    "unreadable-file",
                    path,
                    Pos::START,
                    format!("cannot read the file: {why}"),
                ));
                return None;
            }
            None => return None,
        };
        if text.len() as u64 > MAX_FILE_BYTES {
            self.push(Diagnostic::error(
                "file-too-large",
                path,
                Pos::START,
                "file is over the 10 MB limit",
            ));
            return None;
        }
        let tree = match yaml_tree::parse(text) {
            Ok(t) => t,
            Err(TreeError::Syntax { pos, message }) => {
                self.push(
                    Diagnostic::error(
                        "yaml-syntax",
                        path,
                        pos,
                        format!("YAML syntax error: {message}"),
                    )
                    .with_hint("check the indentation and the quotes around this place"),
                );
                return None;
            }
            Err(TreeError::AliasBomb { pos, expanded }) => {
                self.push(
                    Diagnostic::error(
                        "yaml-alias-bomb",
                        path,
                        pos,
                        format!(
                            "YAML aliases here expand to over {expanded} nodes (an alias bomb)"
                        ),
                    )
                    .with_hint("write the values out instead of nesting aliases"),
                );
                return None;
            }
            Err(TreeError::TooDeep { pos }) => {
                self.push(Diagnostic::error(
                    "yaml-too-deep",
                    path,
                    pos,
                    "YAML nesting is too deep (over 100 levels)",
                ));
                return None;
            }
        };
        let duplicates = yaml_tree::duplicate_keys(&tree);
        if !duplicates.is_empty() {
            for (name, pos, first) in duplicates {
                self.push(
                    Diagnostic::error(
                        "duplicate-key",
                        path,
                        pos,
                        format!(
                            "key \"{name}\" appears twice in the same mapping (first at line {})",
                            first.line
                        ),
                    )
                    .with_hint("remove one of them: YAML keeps only one value per key"),
                );
            }
            return None;
        }
        match serde_yaml::from_str::<Value>(text) {
            Ok(value) => Some(Parsed { tree, value }),
            Err(e) => {
                let pos = e.location().map_or(Pos::START, |l| Pos {
                    line: l.line() as u32,
                    column: l.column() as u32,
                    len: 1,
                });
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                let code = if msg.contains("duplicate entry") {
                    "duplicate-key"
                } else {
                    "yaml-syntax"
                };
                self.push(Diagnostic::error(code, path, pos, msg));
                None
            }
        }
    }

    fn run(&mut self, files: &DataFiles, today: Date) -> Roadmap {
        let Some(parsed) = (match files.files.get(ROADMAP_FILE) {
            None => {
                self.push(
                    Diagnostic::error(
                        "missing-roadmap",
                        ROADMAP_FILE,
                        Pos::START,
                        "the data folder has no roadmap.yaml",
                    )
                    .with_hint("create data/roadmap.yaml with a title, stages and include"),
                );
                return Roadmap::default();
            }
            Some(_) => self.parse_file(files, ROADMAP_FILE),
        }) else {
            return Roadmap::default();
        };
        let file = ROADMAP_FILE;
        if !matches!(parsed.value, Value::Mapping(_) | Value::Null) {
            self.push(Diagnostic::error(
                "wrong-type",
                file,
                parsed.tree.pos,
                "roadmap.yaml should be a mapping of keys (title, stages, ...)",
            ));
            return Roadmap::default();
        }
        let value = if parsed.value.is_null() {
            Value::Mapping(Default::default())
        } else {
            parsed.value.clone()
        };
        let (raw, errors) = deserialize::collect::<RawRoadmap>(value, "roadmap");
        self.field_errors(file, &parsed.tree, &[], errors);
        let raw = raw.unwrap_or_default();
        let tree = &parsed.tree;

        if raw.title.trim().is_empty() {
            self.push(
                Diagnostic::error(
                    "missing-field",
                    file,
                    Pos::START,
                    "the roadmap needs a title",
                )
                .with_hint("add `title: ...`"),
            );
        }
        let as_of = raw
            .as_of
            .as_deref()
            .and_then(|s| match Date::parse(s, Edge::First) {
                Ok(d) => Some(d),
                Err(msg) => {
                    self.push(Diagnostic::error(
                        "invalid-date",
                        file,
                        tree.locate(&[key("as_of")]).pos,
                        msg,
                    ));
                    None
                }
            });
        let reference = as_of.unwrap_or(today);
        let edit_url = raw.edit_url.clone().filter(|u| {
            let ok = is_safe_url(u);
            if !ok {
                self.push(
                    Diagnostic::warning(
                        "unsafe-link",
                        file,
                        tree.locate(&[key("edit_url")]).pos,
                        "edit_url is not http(s), so edit links are not shown",
                    )
                    .with_hint("use an https:// address with {path} where the file path goes"),
                );
            }
            ok
        });

        // Stages and teams.
        let mut stages: Vec<Stage> = Vec::new();
        let mut teams: Vec<Team> = Vec::new();
        let mut stage_at: HashMap<String, Pos> = HashMap::new();
        let mut team_at: HashMap<String, (Pos, usize)> = HashMap::new();
        for (si, s) in raw.stages.iter().enumerate() {
            let sbase = [key("stages"), Seg::Index(si)];
            let id_pos = tree.locate(&[key("stages"), Seg::Index(si), key("id")]).pos;
            if !valid_id(&s.id) {
                self.push(
                    Diagnostic::error(
                        "invalid-id",
                        file,
                        id_pos,
                        format!("\"{}\" is not a valid stage id", s.id),
                    )
                    .with_hint(ID_HINT),
                );
                continue;
            }
            if let Some(first) = stage_at.get(&s.id) {
                self.push(Diagnostic::error(
                    "duplicate-id",
                    file,
                    id_pos,
                    format!(
                        "stage id \"{}\" is already used at line {}",
                        s.id, first.line
                    ),
                ));
                continue;
            }
            stage_at.insert(s.id.clone(), id_pos);
            let stage_index = stages.len();
            let mut team_ids = Vec::new();
            for (ti, t) in s.teams.iter().enumerate() {
                let mut tp = sbase.to_vec();
                tp.extend([key("teams"), Seg::Index(ti), key("id")]);
                let tpos = tree.locate(&tp).pos;
                if !valid_id(&t.id) {
                    self.push(
                        Diagnostic::error(
                            "invalid-id",
                            file,
                            tpos,
                            format!("\"{}\" is not a valid team id", t.id),
                        )
                        .with_hint(ID_HINT),
                    );
                    continue;
                }
                if let Some((first, _)) = team_at.get(&t.id) {
                    self.push(
                        Diagnostic::error(
                            "duplicate-id",
                            file,
                            tpos,
                            format!(
                                "team id \"{}\" is already used at line {}",
                                t.id, first.line
                            ),
                        )
                        .with_hint("team ids are unique across all stages"),
                    );
                    continue;
                }
                team_at.insert(t.id.clone(), (tpos, stage_index));
                team_ids.push(teams.len());
                teams.push(Team {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    stage: stage_index,
                });
            }
            stages.push(Stage {
                id: s.id.clone(),
                name: s.name.clone(),
                description: s.description.clone(),
                teams: team_ids,
            });
        }
        let mut tags = Vec::new();
        let mut tag_seen = BTreeSet::new();
        for (i, t) in raw.tags.iter().enumerate() {
            if !tag_seen.insert(t.id.clone()) {
                let pos = tree.locate(&[key("tags"), Seg::Index(i), key("id")]).pos;
                self.push(Diagnostic::error(
                    "duplicate-id",
                    file,
                    pos,
                    format!("tag \"{}\" is declared twice", t.id),
                ));
                continue;
            }
            tags.push(TagDef {
                id: t.id.clone(),
                description: t.description.clone(),
            });
        }

        // Initiative files: the roadmap's own list, then every included file once.
        let mut parsed_files: Vec<(String, Parsed)> = Vec::new();
        let mut pending: Vec<Pending> = Vec::new();
        self.collect_initiatives(file, tree, &[], &raw.initiatives, None, &mut pending);
        let mut reached: BTreeSet<String> = BTreeSet::from([ROADMAP_FILE.to_string()]);
        for (ii, pattern) in raw.include.iter().enumerate() {
            let pos = tree.locate(&[key("include"), Seg::Index(ii)]).pos;
            let matched: Vec<&String> = files
                .files
                .keys()
                .filter(|p| {
                    p.as_str() != ROADMAP_FILE && DataFiles::is_yaml(p) && glob::matches(pattern, p)
                })
                .collect();
            if matched.is_empty() {
                let hint = if glob::is_pattern(pattern) {
                    Some(
                        "patterns are relative to the data folder, e.g. initiatives/*.yaml"
                            .to_string(),
                    )
                } else {
                    suggest::did_you_mean(pattern, files.files.keys().map(String::as_str))
                };
                self.push(
                    Diagnostic::error(
                        "include-no-match",
                        file,
                        pos,
                        format!("include \"{pattern}\" matches no file"),
                    )
                    .with_hint_opt(hint),
                );
            }
            for m in matched {
                if reached.insert(m.clone()) {
                    if let Some(p) = self.parse_file(files, m) {
                        parsed_files.push((m.clone(), p));
                    }
                }
            }
        }
        for (path, p) in &parsed_files {
            self.initiative_file(path, p, &mut pending);
        }
        for path in files.files.keys() {
            if DataFiles::is_yaml(path) && !reached.contains(path) {
                self.push(
                    Diagnostic::warning("unreached-file", path, Pos::START, "no include in roadmap.yaml reaches this file, so its initiatives are not shown")
                        .with_hint("add it (or a pattern matching it) to `include`, or delete it"),
                );
            }
        }

        let trees: HashMap<&str, &Node> = std::iter::once((ROADMAP_FILE, tree))
            .chain(parsed_files.iter().map(|(p, f)| (p.as_str(), &f.tree)))
            .collect();
        let initiatives = self.resolve(pending, &trees, &stages, &teams, &tags, reference);
        Roadmap::assemble(
            raw.title.clone(),
            as_of,
            edit_url,
            stages,
            teams,
            tags,
            initiatives,
        )
    }

    fn initiative_file(&mut self, path: &str, parsed: &Parsed, pending: &mut Vec<Pending>) {
        let value = if parsed.value.is_null() {
            Value::Mapping(Default::default())
        } else {
            parsed.value.clone()
        };
        let (raw, errors) = deserialize::collect::<RawInitiativeFile>(value, "initiative file");
        self.field_errors(path, &parsed.tree, &[], errors);
        let Some(raw) = raw else { return };
        let defaults = raw.defaults.map(|d| {
            let mut d = d;
            // Defaults are initiative keys, minus the ones that must differ per initiative.
            let keys: Vec<String> = d
                .keys()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect();
            for k in keys {
                let allowed =
                    super::raw::INITIATIVE_KEYS.contains(&k.as_str()) && k != "id" && k != "title";
                if !allowed {
                    let pos = parsed
                        .tree
                        .locate(&[key("defaults")])
                        .key_pos(&k)
                        .unwrap_or(Pos::START);
                    let hint = if k == "id" || k == "title" {
                        Some(format!("\"{k}\" must be set on each initiative"))
                    } else {
                        suggest::did_you_mean(&k, super::raw::INITIATIVE_KEYS.iter().copied())
                    };
                    self.push(
                        Diagnostic::error(
                            "unknown-key",
                            path,
                            pos,
                            format!("\"{k}\" cannot be a default"),
                        )
                        .with_hint_opt(hint),
                    );
                    d.remove(k.as_str());
                }
            }
            d
        });
        self.collect_initiatives(
            path,
            &parsed.tree,
            &[],
            &raw.initiatives,
            defaults.as_ref(),
            pending,
        );
    }

    fn collect_initiatives(
        &mut self,
        file: &str,
        tree: &Node,
        base: &[Seg],
        items: &[Value],
        defaults: Option<&serde_yaml::Mapping>,
        pending: &mut Vec<Pending>,
    ) {
        for (i, item) in items.iter().enumerate() {
            let mut ibase = base.to_vec();
            ibase.extend([key("initiatives"), Seg::Index(i)]);
            let mut value = item.clone();
            let mut inherited = BTreeSet::new();
            if let (Value::Mapping(m), Some(d)) = (&mut value, defaults) {
                for (k, v) in d {
                    if !m.contains_key(k) {
                        m.insert(k.clone(), v.clone());
                        if let Some(k) = k.as_str() {
                            inherited.insert(k.to_string());
                        }
                    }
                }
            }
            let (raw, errors) = deserialize::collect::<RawInitiative>(value, "initiative");
            // Keys with structural errors are not checked again for meaning.
            let broken: BTreeSet<String> = errors
                .iter()
                .filter_map(|e| match e.path.first() {
                    Some(Seg::Key(k)) => Some(k.clone()),
                    _ => None,
                })
                .collect();
            let ok = errors.is_empty();
            self.field_errors(file, tree, &ibase, errors);
            if let Some(raw) = raw {
                pending.push(Pending {
                    raw,
                    file: file.to_string(),
                    base: ibase,
                    inherited,
                    ok,
                    broken,
                });
            }
        }
    }

    fn resolve(
        &mut self,
        mut pending: Vec<Pending>,
        trees: &HashMap<&str, &Node>,
        stages: &[Stage],
        teams: &[Team],
        tags: &[TagDef],
        reference: Date,
    ) -> Vec<Initiative> {
        fn ctx_of<'a>(p: &'a Pending, trees: &HashMap<&str, &'a Node>) -> InitCtx<'a> {
            InitCtx {
                file: p.file.as_str(),
                tree: trees[p.file.as_str()],
                base: p.base.clone(),
                inherited: p.inherited.clone(),
            }
        }
        // 1. Ids. An initiative without a usable id takes no part in dependencies.
        let mut has_id = vec![false; pending.len()];
        let mut first_of: HashMap<String, usize> = HashMap::new();
        for n in 0..pending.len() {
            let p = &pending[n];
            if p.broken.contains("id") {
                continue;
            }
            let cx = ctx_of(p, trees);
            let id = p.raw.id.clone();
            let here = cx.pos("id");
            if !valid_id(&id) {
                self.push(
                    Diagnostic::error(
                        "invalid-id",
                        cx.file,
                        here,
                        format!("\"{id}\" is not a valid initiative id"),
                    )
                    .with_hint(ID_HINT),
                );
                pending[n].ok = false;
                continue;
            }
            if let Some(&f) = first_of.get(&id) {
                let q = &pending[f];
                let qpos = ctx_of(q, trees).pos("id");
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        cx.file,
                        here,
                        format!(
                            "initiative id \"{id}\" is already used at {}:{}",
                            q.file, qpos.line
                        ),
                    )
                    .with_hint("ids are unique across the whole roadmap: rename one of them"),
                );
                self.push(Diagnostic::error(
                    "duplicate-id",
                    &q.file,
                    qpos,
                    format!(
                        "initiative id \"{id}\" is used again at {}:{}",
                        p.file, here.line
                    ),
                ));
                pending[n].ok = false;
                continue;
            }
            first_of.insert(id, n);
            has_id[n] = true;
        }

        // 2. Each initiative's own fields.
        let stage_ids: Vec<&str> = stages.iter().map(|s| s.id.as_str()).collect();
        let team_ids: Vec<&str> = teams.iter().map(|t| t.id.as_str()).collect();
        let tag_ids: BTreeSet<&str> = tags.iter().map(|t| t.id.as_str()).collect();
        let mut built: Vec<Option<Initiative>> = Vec::with_capacity(pending.len());
        for p in &pending {
            let cx = ctx_of(p, trees);
            let errors_before = self.error_count();
            let built_one = self.check_fields(
                &cx, p, stages, teams, &stage_ids, &team_ids, &tag_ids, reference,
            );
            let clean = p.ok && self.error_count() == errors_before;
            built.push(built_one.filter(|_| clean));
        }

        // 3. Dependencies, among every initiative with a usable id.
        let candidates: Vec<usize> = (0..pending.len()).filter(|&n| has_id[n]).collect();
        let all_ids: Vec<&str> = candidates
            .iter()
            .map(|&n| pending[n].raw.id.as_str())
            .collect();
        let mut deps: HashMap<usize, Vec<(usize, Pos)>> = HashMap::new();
        for &n in &candidates {
            let p = &pending[n];
            let cx = ctx_of(p, trees);
            let mut seen = BTreeSet::new();
            let list = deps.entry(n).or_default();
            if p.broken.contains("depends_on") {
                continue;
            }
            // `redacted.via` entries are dependencies too (through confidential steps).
            let via = p
                .raw
                .redacted
                .as_ref()
                .map(|r| r.via.as_slice())
                .unwrap_or(&[]);
            let entries = p
                .raw
                .depends_on
                .iter()
                .enumerate()
                .map(|(i, d)| (d, cx.pos_in("depends_on", i)));
            let via_entries = via.iter().enumerate().map(|(i, d)| {
                (
                    d,
                    cx.node(&[key("redacted"), key("via"), Seg::Index(i)]).pos,
                )
            });
            for (dep, pos) in entries.chain(via_entries) {
                if *dep == p.raw.id {
                    self.diags.push(
                        Diagnostic::error(
                            "self-dependency",
                            cx.file,
                            pos,
                            format!("\"{dep}\" depends on itself"),
                        )
                        .with_hint("remove it from depends_on"),
                    );
                    continue;
                }
                if !seen.insert(dep.as_str()) {
                    self.diags.push(Diagnostic::warning(
                        "duplicate-dependency",
                        cx.file,
                        pos,
                        format!("\"{dep}\" is listed twice in depends_on"),
                    ));
                    continue;
                }
                match first_of.get(dep.as_str()) {
                    Some(&d) => list.push((d, pos)),
                    None => self.diags.push(
                        Diagnostic::error(
                            "unknown-dependency",
                            cx.file,
                            pos,
                            format!("unknown dependency \"{dep}\""),
                        )
                        .with_hint_opt(suggest::did_you_mean(dep, all_ids.iter().copied())),
                    ),
                }
            }
        }
        // Cycles: each reported with every step at its line; the closing edge is dropped.
        let local: HashMap<usize, usize> = candidates
            .iter()
            .enumerate()
            .map(|(i, &n)| (n, i))
            .collect();
        let succ: Vec<Vec<usize>> = candidates
            .iter()
            .map(|n| deps[n].iter().map(|(d, _)| local[d]).collect())
            .collect();
        for cycle in cycles::find_cycles(&succ) {
            let cycle: Vec<usize> = cycle.into_iter().map(|i| candidates[i]).collect();
            let chain: Vec<&str> = cycle
                .iter()
                .chain(cycle.first())
                .map(|&n| pending[n].raw.id.as_str())
                .collect();
            let chain = chain.join(" -> ");
            for w in 0..cycle.len() {
                let (a, b) = (cycle[w], cycle[(w + 1) % cycle.len()]);
                let pos = deps[&a]
                    .iter()
                    .find(|(x, _)| *x == b)
                    .map_or(Pos::START, |(_, p)| *p);
                self.push(
                    Diagnostic::error(
                        "dependency-cycle",
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
            let (last, first) = (cycle[cycle.len() - 1], cycle[0]);
            deps.get_mut(&last)
                .expect("cycle member")
                .retain(|(x, _)| *x != first);
        }

        // 4. Keep the sound initiatives; a kept one that waits on a left-out one says so.
        let mut kept_index: HashMap<usize, usize> = HashMap::new();
        let mut kept_order: Vec<usize> = Vec::new();
        for (n, b) in built.iter().enumerate() {
            if b.is_some() {
                kept_index.insert(n, kept_index.len());
                kept_order.push(n);
            }
        }
        let mut out: Vec<Initiative> = Vec::with_capacity(kept_index.len());
        let mut kept_deps: Vec<Vec<(usize, Pos)>> = Vec::with_capacity(kept_index.len());
        for (n, b) in built.into_iter().enumerate() {
            let Some(mut init) = b else { continue };
            let mut list = Vec::new();
            for &(d, pos) in deps.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
                match kept_index.get(&d) {
                    Some(&k) => list.push((k, pos)),
                    None => self.push(
                        Diagnostic::error(
                            "unknown-dependency",
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
        for (i, list) in kept_deps.iter().enumerate() {
            self.schedule_warnings(&out, i, list);
        }
        out
    }

    /// Checks one initiative's own fields; returns it built when they are all sound
    /// (dependencies are filled in later).
    #[allow(clippy::too_many_arguments)]
    fn check_fields(
        &mut self,
        cx: &InitCtx,
        p: &Pending,
        stages: &[Stage],
        teams: &[Team],
        stage_ids: &[&str],
        team_ids: &[&str],
        tag_ids: &BTreeSet<&str>,
        reference: Date,
    ) -> Option<Initiative> {
        let r = &p.raw;
        let usable = |k: &str| !p.broken.contains(k);
        let stage = stage_ids.iter().position(|s| *s == r.stage);
        if stage.is_none() && usable("stage") {
            self.push(
                Diagnostic::error(
                    "unknown-stage",
                    cx.file,
                    cx.pos("stage"),
                    format!("unknown stage \"{}\"", r.stage),
                )
                .with_hint(
                    suggest::did_you_mean(&r.stage, stage_ids.iter().copied())
                        .unwrap_or_else(|| format!("declared stages: {}", stage_ids.join(", "))),
                ),
            );
        }
        let team = r.team.as_deref().filter(|_| usable("team")).and_then(|t| {
            match team_ids.iter().position(|x| *x == t) {
                None => {
                    let hint = suggest::did_you_mean(t, team_ids.iter().copied()).or_else(|| {
                        stage.map(|s| {
                            let names: Vec<&str> = stages[s]
                                .teams
                                .iter()
                                .map(|&t| teams[t].id.as_str())
                                .collect();
                            format!("teams of {}: {}", stages[s].name, names.join(", "))
                        })
                    });
                    self.push(
                        Diagnostic::error(
                            "unknown-team",
                            cx.file,
                            cx.pos("team"),
                            format!("unknown team \"{t}\""),
                        )
                        .with_hint_opt(hint),
                    );
                    None
                }
                Some(ti) => {
                    if let Some(s) = stage.filter(|&s| teams[ti].stage != s) {
                        let owner = &stages[teams[ti].stage];
                        self.push(
                            Diagnostic::error(
                                "team-not-in-stage",
                                cx.file,
                                cx.pos("team"),
                                format!(
                                    "team \"{t}\" belongs to stage \"{}\", not \"{}\"",
                                    owner.id, stages[s].id
                                ),
                            )
                            .with_hint(format!(
                                "set `stage: {}` or pick a team of {}",
                                owner.id, stages[s].name
                            )),
                        );
                    }
                    Some(ti)
                }
            }
        });
        let confidence = Confidence::parse(&r.confidence);
        if confidence.is_none() && usable("confidence") {
            self.bad_keyword(cx, "confidence", &r.confidence, Confidence::NAMES);
        }
        let status = self
            .keyword(
                cx,
                "status",
                r.status.as_deref(),
                Status::parse,
                Status::NAMES,
            )
            .unwrap_or(Some(Status::Planned));
        let horizon = self
            .keyword(
                cx,
                "horizon",
                r.horizon.as_deref(),
                Horizon::parse,
                Horizon::NAMES,
            )
            .flatten();
        let mut date = |field: &str, text: &Option<String>, edge: Edge| -> Option<Date> {
            match Date::parse(text.as_deref()?, edge) {
                Ok(d) => Some(d),
                Err(msg) => {
                    self.push(Diagnostic::error(
                        "invalid-date",
                        cx.file,
                        cx.pos(field),
                        msg,
                    ));
                    None
                }
            }
        };
        let start = date("start", &r.start, Edge::First);
        let end = date("end", &r.end, Edge::Last);
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.push(
                    Diagnostic::error(
                        "end-before-start",
                        cx.file,
                        cx.pos("end"),
                        format!("ends ({e}) before it starts ({s})"),
                    )
                    .with_hint("swap start and end, or fix the year"),
                );
            }
        }
        if r.horizon.is_some() && (r.start.is_some() || r.end.is_some()) {
            self.push(
                Diagnostic::warning(
                    "horizon-ignored",
                    cx.file,
                    cx.pos("horizon"),
                    "`horizon` is ignored: the dates decide the horizon",
                )
                .with_hint("remove `horizon`, or remove the dates if the timing is not known"),
            );
        }
        if let Some(e) = end.filter(|&e| e > reference.add_years(3)) {
            self.push(
                Diagnostic::warning(
                    "beyond-horizon",
                    cx.file,
                    cx.pos("end"),
                    format!(
                        "ends {e}, more than 3 years after {reference}; shown in the long horizon"
                    ),
                )
                .with_hint(
                    "items beyond 3 years are usually better left undated with `horizon: long`",
                ),
            );
        }
        for (ti, tag) in r.tags.iter().enumerate() {
            if !tag_ids.contains(tag.as_str()) {
                self.push(
                    Diagnostic::warning(
                        "undeclared-tag",
                        cx.file,
                        cx.pos_in("tags", ti),
                        format!("tag \"{tag}\" is not declared in roadmap.yaml"),
                    )
                    .with_hint(
                        suggest::did_you_mean(tag, tag_ids.iter().copied())
                            .unwrap_or_else(|| "declare it under `tags:` in roadmap.yaml".into()),
                    ),
                );
            }
        }
        let mut placeholders = |field: &str| -> Vec<(usize, u32)> {
            let list = r.redacted.as_ref().map(|x| {
                if field == "waits_on" {
                    &x.waits_on
                } else {
                    &x.blocks
                }
            });
            let mut out = Vec::new();
            for (k, ph) in list.into_iter().flatten().enumerate() {
                match stage_ids.iter().position(|s| *s == ph.stage) {
                    Some(s) => out.push((s, ph.count.max(1))),
                    None => self.push(
                        Diagnostic::error(
                            "unknown-stage",
                            cx.file,
                            cx.node(&[key("redacted"), key(field), Seg::Index(k), key("stage")])
                                .pos,
                            format!("unknown stage \"{}\"", ph.stage),
                        )
                        .with_hint_opt(suggest::did_you_mean(&ph.stage, stage_ids.iter().copied())),
                    ),
                }
            }
            out
        };
        let waits_on = placeholders("waits_on");
        let blocks = placeholders("blocks");
        let mut links = Vec::new();
        for (li, l) in r.links.iter().enumerate() {
            if is_safe_url(&l.url) {
                links.push(Link {
                    title: l.title.clone(),
                    url: l.url.trim().to_string(),
                });
            } else {
                let pos = cx.node(&[key("links"), Seg::Index(li), key("url")]).pos;
                self.push(
                    Diagnostic::warning(
                        "unsafe-link",
                        cx.file,
                        pos,
                        format!(
                            "link \"{}\" is not http(s) or relative, so it is dropped",
                            l.title
                        ),
                    )
                    .with_hint("use an https:// address"),
                );
            }
        }
        Some(Initiative {
            id: r.id.clone(),
            title: r.title.clone(),
            stage: stage?,
            team,
            confidence: confidence?,
            status: status?,
            start,
            end,
            horizon,
            tags: r.tags.clone(),
            depends_on: Vec::new(),
            owner: r.owner.clone(),
            description: r.description.clone(),
            links,
            source: cx.source(),
            confidential: r.confidential.unwrap_or(false),
            redacted: Redacted {
                waits_on,
                blocks,
                via: Vec::new(),
            },
        })
    }

    /// `None` when the key is absent, `Some(None)` when its value is not a keyword (reported).
    fn keyword<T>(
        &mut self,
        cx: &InitCtx,
        field: &str,
        value: Option<&str>,
        parse: fn(&str) -> Option<T>,
        names: &[&str],
    ) -> Option<Option<T>> {
        let v = value?;
        let parsed = parse(v);
        if parsed.is_none() {
            self.bad_keyword(cx, field, v, names);
        }
        Some(parsed)
    }

    /// Warnings about initiative `i` against each of its dependencies, at the dependency entry.
    fn schedule_warnings(&mut self, all: &[Initiative], i: usize, deps: &[(usize, Pos)]) {
        let init = &all[i];
        let file = &init.source.file;
        for &(dj, pos) in deps {
            let dep = &all[dj];
            if Roadmap::schedule_conflict(dep, init) {
                let (begins, dep_end) = (
                    init.start.or(init.end).expect("dated"),
                    dep.end.expect("dated"),
                );
                self.push(
                    Diagnostic::warning(
                        "schedule-conflict",
                        file,
                        pos,
                        format!(
                            "\"{}\" starts {begins}, before its dependency \"{}\" ends {dep_end}",
                            init.id, dep.id
                        ),
                    )
                    .with_hint(
                        "move the start after the dependency's end, or the dependency earlier",
                    ),
                );
            }
            if init.confidence == Confidence::High && dep.confidence == Confidence::Low {
                self.push(
                    Diagnostic::warning(
                        "confidence-inversion",
                        file,
                        pos,
                        format!(
                            "high-confidence \"{}\" depends on low-confidence \"{}\"",
                            init.id, dep.id
                        ),
                    )
                    .with_hint("lower this initiative's confidence, or firm up the dependency"),
                );
            }
            if init.status == Status::Done && dep.status != Status::Done {
                self.push(Diagnostic::warning(
                    "done-depends-on-unfinished",
                    file,
                    pos,
                    format!(
                        "\"{}\" is done but its dependency \"{}\" is {}",
                        init.id,
                        dep.id,
                        dep.status.as_str()
                    ),
                ));
            }
        }
    }

    fn bad_keyword(&mut self, cx: &InitCtx, field: &str, value: &str, allowed: &[&str]) {
        self.push(
            Diagnostic::error(
                "invalid-value",
                cx.file,
                cx.pos(field),
                format!("\"{value}\" is not a valid {field}"),
            )
            .with_hint(
                suggest::did_you_mean(value, allowed.iter().copied())
                    .unwrap_or_else(|| format!("use one of: {}", allowed.join(", "))),
            ),
        );
    }

    fn error_count(&self) -> usize {
        self.diags
            .iter()
            .filter(|d| d.severity == diagnostic::Severity::Error)
            .count()
    }
}
