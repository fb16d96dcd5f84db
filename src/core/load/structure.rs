//! `roadmap.yaml` itself: title, `as_of`, `edit_url`, stages with their teams, tags.
//! The initiative lists and `include` patterns are handed on unread.

use super::initiatives::field_errors;
use super::{invalid_id, key, pos_of, valid_id, ROADMAP_FILE};
use crate::core::model::{Stage, TagDef, Team};
use crate::core::text::date::{Date, Edge};
use crate::core::text::diagnostic::{excerpt, Code, Diagnostic, Pos};
use crate::core::text::url::is_safe_url;
use crate::core::yaml;
use crate::core::yaml::deserialize;
use crate::core::yaml::raw::{RawRoadmap, RawStage, RawTag};
use crate::core::yaml::scalar::Val;
use crate::core::yaml::tree::{Doc, Node, Seg};
use std::collections::{BTreeSet, HashMap};

/// What `roadmap.yaml` declares.
pub(super) struct Structure {
    pub title: String,
    pub as_of: Option<Date>,
    /// `as_of`, or today when the data has none: horizons count from it.
    pub reference: Date,
    pub edit_url: Option<String>,
    pub stages: Vec<Stage>,
    pub teams: Vec<Team>,
    pub tags: Vec<TagDef>,
    pub include: Vec<String>,
    /// How many initiatives the roadmap file lists itself (typed later, from the tree).
    pub initiatives: usize,
}

/// Reads the roadmap file; `None` (with a diagnostic) when it is not a mapping.
pub(super) fn read(doc: &Doc, today: Date, diags: &mut Vec<Diagnostic>) -> Option<Structure> {
    let file = ROADMAP_FILE;
    let tree = &doc.root;
    // An empty file (or a lone `~`) is an empty mapping.
    if !matches!(
        yaml::scalar::value(doc, tree, false),
        Ok(Val::Map(_) | Val::Null)
    ) {
        diags.push(Diagnostic::error(
            Code::WrongType,
            file,
            tree.pos,
            "roadmap.yaml should be a mapping of keys (title, stages, ...)",
        ));
        return None;
    }
    let (raw, errors) = deserialize::collect::<RawRoadmap>(doc, tree, &[], "roadmap");
    diags.extend(field_errors(file, tree, &[], errors));
    let raw = raw.unwrap_or_default();

    if raw.title.trim().is_empty() {
        diags.push(
            Diagnostic::error(
                Code::MissingField,
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
                diags.push(Diagnostic::error(
                    Code::InvalidDate,
                    file,
                    pos_of(tree, &[key("as_of")]),
                    msg,
                ));
                None
            }
        });
    let edit_url = raw.edit_url.clone().filter(|u| {
        let ok = is_safe_url(u);
        if !ok {
            diags.push(
                Diagnostic::warning(
                    Code::UnsafeLink,
                    file,
                    pos_of(tree, &[key("edit_url")]),
                    "edit_url is not http(s), so edit links are not shown",
                )
                .with_hint("use an https:// address with {path} where the file path goes"),
            );
        }
        ok
    });
    let (stages, teams) = stages_and_teams(tree, &raw.stages, diags);
    let tags = tags(tree, &raw.tags, diags);
    Some(Structure {
        title: raw.title,
        as_of,
        reference: as_of.unwrap_or(today),
        edit_url,
        stages,
        teams,
        tags,
        include: raw.include,
        initiatives: raw.initiatives.len(),
    })
}

/// Stages and their teams with valid, unique ids (team ids are unique across stages).
fn stages_and_teams(
    tree: &Node,
    raw: &[RawStage],
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Stage>, Vec<Team>) {
    let file = ROADMAP_FILE;
    let mut stages: Vec<Stage> = Vec::new();
    let mut teams: Vec<Team> = Vec::new();
    let mut stage_at: HashMap<&str, Pos> = HashMap::new();
    let mut team_at: HashMap<&str, Pos> = HashMap::new();
    for (si, s) in raw.iter().enumerate() {
        let sbase = [key("stages"), Seg::Index(si)];
        let id_pos = pos_of(tree, &[key("stages"), Seg::Index(si), key("id")]);
        if !valid_id(&s.id) {
            diags.push(invalid_id(file, id_pos, "stage", &s.id));
            continue;
        }
        if let Some(first) = stage_at.get(s.id.as_str()) {
            diags.push(Diagnostic::error(
                Code::DuplicateId,
                file,
                id_pos,
                format!(
                    "stage id \"{}\" is already used at line {}",
                    excerpt(&s.id),
                    first.line
                ),
            ));
            continue;
        }
        stage_at.insert(&s.id, id_pos);
        let stage_index = stages.len();
        let mut team_ids = Vec::new();
        for (ti, t) in s.teams.iter().enumerate() {
            let mut tp = sbase.to_vec();
            tp.extend([key("teams"), Seg::Index(ti), key("id")]);
            let tpos = pos_of(tree, &tp);
            if !valid_id(&t.id) {
                diags.push(invalid_id(file, tpos, "team", &t.id));
                continue;
            }
            if let Some(first) = team_at.get(t.id.as_str()) {
                diags.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        file,
                        tpos,
                        format!(
                            "team id \"{}\" is already used at line {}",
                            excerpt(&t.id),
                            first.line
                        ),
                    )
                    .with_hint("team ids are unique across all stages"),
                );
                continue;
            }
            team_at.insert(&t.id, tpos);
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
    (stages, teams)
}

/// Declared tags; a second declaration of an id is an error and ignored.
fn tags(tree: &Node, raw: &[RawTag], diags: &mut Vec<Diagnostic>) -> Vec<TagDef> {
    let mut tags = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, t) in raw.iter().enumerate() {
        if !seen.insert(t.id.as_str()) {
            diags.push(Diagnostic::error(
                Code::DuplicateId,
                ROADMAP_FILE,
                pos_of(tree, &[key("tags"), Seg::Index(i), key("id")]),
                format!("tag \"{}\" is declared twice", excerpt(&t.id)),
            ));
            continue;
        }
        tags.push(TagDef {
            id: t.id.clone(),
            description: t.description.clone(),
        });
    }
    tags
}
