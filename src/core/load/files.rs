//! Reading the data files: size limits, YAML syntax, alias bombs, duplicate keys; then
//! following `include` from `roadmap.yaml` and warning about files nothing reaches.

use super::{key, DataFiles, FileText, Refusal, MAX_FILE_BYTES, ROADMAP_FILE};
use crate::core::text::diagnostic::{excerpt, Code, Diagnostic, Pos};
use crate::core::text::{glob, suggest};
use crate::core::yaml;
use crate::core::yaml::tree::{Doc, Node, Seg, TreeError};
use std::collections::BTreeSet;

/// `roadmap.yaml`, parsed; `None` (with a diagnostic) when it is missing or unreadable.
pub(super) fn parse_roadmap_file(files: &DataFiles, diags: &mut Vec<Diagnostic>) -> Option<Doc> {
    if !files.files.contains_key(ROADMAP_FILE) {
        diags.push(
            Diagnostic::error(
                Code::MissingRoadmap,
                ROADMAP_FILE,
                Pos::START,
                "the data folder has no roadmap.yaml",
            )
            .with_hint("create data/roadmap.yaml with a title, stages and include"),
        );
        return None;
    }
    parse(files, ROADMAP_FILE, diags)
}

/// Every file the `include` patterns reach (each once, in pattern order), parsed; warns
/// about patterns that match nothing and YAML files nothing reaches.
pub(super) fn includes(
    files: &DataFiles,
    tree: &Node,
    include: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, Doc)> {
    let mut parsed_files = Vec::new();
    let mut reached: BTreeSet<&str> = BTreeSet::from([ROADMAP_FILE]);
    for (ii, pattern) in include.iter().enumerate() {
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
                    "patterns are relative to the data folder, e.g. initiatives/*.yaml".to_string(),
                )
            } else {
                suggest::did_you_mean(pattern, files.files.keys().map(String::as_str))
            };
            diags.push(
                Diagnostic::error(
                    Code::IncludeNoMatch,
                    ROADMAP_FILE,
                    tree.locate(&[key("include"), Seg::Index(ii)]).pos,
                    format!("include \"{}\" matches no file", excerpt(pattern)),
                )
                .with_hint_opt(hint),
            );
        }
        for m in matched {
            if reached.insert(m) {
                if let Some(p) = parse(files, m, diags) {
                    parsed_files.push((m.clone(), p));
                }
            }
        }
    }
    for path in files.files.keys() {
        if DataFiles::is_yaml(path) && !reached.contains(path.as_str()) {
            diags.push(
                Diagnostic::warning(
                    Code::UnreachedFile,
                    path,
                    Pos::START,
                    "no include in roadmap.yaml reaches this file, so its initiatives are not shown",
                )
                .with_hint("add it (or a pattern matching it) to `include`, or delete it"),
            );
        }
    }
    parsed_files
}

/// Parses one file; `None` (with diagnostics) when it cannot be read as YAML.
fn parse(files: &DataFiles, path: &str, diags: &mut Vec<Diagnostic>) -> Option<Doc> {
    let text = match files.files.get(path)? {
        FileText::Text(t) => t,
        FileText::TooLarge(size) => {
            diags.push(
                Diagnostic::error(
                    Code::FileTooLarge,
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
        FileText::Unreadable(why) => {
            diags.push(Diagnostic::error(
                Code::UnreadableFile,
                path,
                Pos::START,
                format!("cannot read the file: {why}"),
            ));
            return None;
        }
        FileText::Refused(Refusal::OutsideFolder) => {
            diags.push(
                Diagnostic::error(
                    Code::OutsideDataFolder,
                    path,
                    Pos::START,
                    "a symbolic link that leads outside the data folder: not read",
                )
                .with_hint("put the file itself in the data folder instead of a link to it"),
            );
            return None;
        }
        FileText::Refused(Refusal::NotRegularFile(what)) => {
            diags.push(
                Diagnostic::error(
                    Code::NotARegularFile,
                    path,
                    Pos::START,
                    format!("{what}, not a regular file: not read"),
                )
                .with_hint("data files are regular files (or links to one inside the data folder)"),
            );
            return None;
        }
    };
    if text.len() as u64 > MAX_FILE_BYTES {
        diags.push(Diagnostic::error(
            Code::FileTooLarge,
            path,
            Pos::START,
            "file is over the 10 MB limit",
        ));
        return None;
    }
    let doc = match yaml::tree::parse(text) {
        Ok(d) => d,
        Err(e) => {
            diags.push(tree_error(path, e));
            return None;
        }
    };
    let duplicates = yaml::tree::duplicate_keys(&doc.root);
    if duplicates.is_empty() {
        return Some(doc);
    }
    for (name, pos, first) in duplicates {
        diags.push(
            Diagnostic::error(
                Code::DuplicateKey,
                path,
                pos,
                format!(
                    "key \"{}\" appears twice in the same mapping (first at line {})",
                    excerpt(&name),
                    first.line
                ),
            )
            .with_hint("remove one of them: YAML keeps only one value per key"),
        );
    }
    None
}

fn tree_error(path: &str, e: TreeError) -> Diagnostic {
    match e {
        TreeError::Syntax { pos, message } => Diagnostic::error(
            Code::YamlSyntax,
            path,
            pos,
            format!("YAML syntax error: {message}"),
        )
        .with_hint("check the indentation and the quotes around this place"),
        TreeError::AliasBomb { pos, expanded } => Diagnostic::error(
            Code::YamlAliasBomb,
            path,
            pos,
            format!("YAML aliases here expand to over {expanded} nodes (an alias bomb)"),
        )
        .with_hint("write the values out instead of nesting aliases"),
        TreeError::TooDeep { pos } => Diagnostic::error(
            Code::YamlTooDeep,
            path,
            pos,
            "YAML nesting is too deep (over 100 levels)",
        ),
    }
}
