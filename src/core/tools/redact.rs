//! Redacted (public) data: every confidential initiative removed, with honest
//! placeholders. A kept initiative that waited on (or was waited on by) confidential
//! ones says how many, per stage, and nothing else; a kept initiative reached only
//! through confidential steps stays a dependency, marked `via`.
//!
//! The output is written fresh from the checked model (no comments, files named by
//! stage), so no byte of a confidential initiative can survive from the input.
//!
//! Complexity: O(V + E) per kept initiative for the `via` search; O(V · (V + E)) worst case.

use crate::core::load::{DataFiles, FileText, ROADMAP_FILE};
use crate::core::model::{Initiative, Roadmap};
use crate::core::yaml::raw::{
    RawInitiative, RawLink, RawPlaceholder, RawRedacted, RawRoadmap, RawStage, RawTag, RawTeam,
};
use std::collections::{BTreeMap, BTreeSet};

/// The redacted data folder for `roadmap` (which should load without errors).
pub fn redact(roadmap: &Roadmap) -> DataFiles {
    let inits = &roadmap.initiatives;
    let kept: Vec<usize> = (0..inits.len())
        .filter(|&i| !inits[i].confidential)
        .collect();
    let public_tags: BTreeSet<&str> = kept
        .iter()
        .flat_map(|&i| inits[i].tags.iter().map(String::as_str))
        .collect();
    let secret_tags: BTreeSet<&str> = inits
        .iter()
        .filter(|i| i.confidential)
        .flat_map(|i| i.tags.iter().map(String::as_str))
        .filter(|t| !public_tags.contains(t))
        .collect();

    let mut by_stage: BTreeMap<usize, Vec<RawInitiative>> = BTreeMap::new();
    for &i in &kept {
        let raw = public_initiative(roadmap, i);
        by_stage.entry(inits[i].stage).or_default().push(raw);
    }
    /// An initiative file as written: its initiatives, no defaults.
    #[derive(serde::Serialize)]
    struct PublicFile<'a> {
        initiatives: &'a [RawInitiative],
    }
    let mut files = DataFiles::default();
    for (stage, list) in &by_stage {
        let file = PublicFile { initiatives: list };
        let text = format!(
            "# Redacted: confidential initiatives are left out.\n{}",
            serde_yaml::to_string(&file).expect("serializes")
        );
        files.insert(
            format!("initiatives/{}.yaml", roadmap.stages[*stage].id),
            FileText::Text(text),
        );
    }
    let header = RawRoadmap {
        title: roadmap.title.clone(),
        as_of: roadmap.as_of.map(|d| d.to_string()),
        // Edit links point into the internal repository: not for the public site.
        edit_url: None,
        stages: roadmap
            .stages
            .iter()
            .map(|s| RawStage {
                id: s.id.clone(),
                name: s.name.clone(),
                description: s.description.clone(),
                teams: s
                    .teams
                    .iter()
                    .map(|&t| RawTeam {
                        id: roadmap.teams[t].id.clone(),
                        name: roadmap.teams[t].name.clone(),
                    })
                    .collect(),
            })
            .collect(),
        tags: roadmap
            .tags
            .iter()
            .filter(|t| !secret_tags.contains(t.id.as_str()))
            .map(|t| RawTag {
                id: t.id.clone(),
                description: t.description.clone(),
            })
            .collect(),
        include: if by_stage.is_empty() {
            Vec::new()
        } else {
            vec!["initiatives/*.yaml".into()]
        },
        initiatives: Vec::new(),
    };
    let text = format!(
        "# Redacted roadmap: the public version of the internal data.\n{}",
        serde_yaml::to_string(&header).expect("serializes")
    );
    files.insert(ROADMAP_FILE, FileText::Text(text));
    files
}

fn public_initiative(roadmap: &Roadmap, i: usize) -> RawInitiative {
    let init = &roadmap.initiatives[i];
    let inits = &roadmap.initiatives;
    let count = |list: Vec<usize>| -> Vec<RawPlaceholder> {
        let mut per: BTreeMap<usize, u32> = BTreeMap::new();
        for j in list {
            *per.entry(inits[j].stage).or_default() += 1;
        }
        per.into_iter()
            .map(|(s, count)| RawPlaceholder {
                stage: roadmap.stages[s].id.clone(),
                count,
            })
            .collect()
    };
    let direct_secret: Vec<usize> = init
        .depends_on
        .iter()
        .copied()
        .filter(|&d| inits[d].confidential)
        .collect();
    let blocks: Vec<usize> = roadmap
        .dependents(i)
        .filter(|&d| inits[d].confidential)
        .collect();
    // Kept initiatives reached upstream through confidential steps only.
    let mut via: BTreeSet<usize> = BTreeSet::new();
    let mut seen: BTreeSet<usize> = direct_secret.iter().copied().collect();
    let mut stack = direct_secret.clone();
    while let Some(s) = stack.pop() {
        for &d in &inits[s].depends_on {
            if inits[d].confidential {
                if seen.insert(d) {
                    stack.push(d);
                }
            } else if !init.depends_on.contains(&d) {
                via.insert(d);
            }
        }
    }
    // Carry a redacted input's own placeholders over, added to the new ones.
    let mut waits_on = count(direct_secret);
    let mut blocks = count(blocks);
    merge(&mut waits_on, &init.redacted.waits_on, roadmap);
    merge(&mut blocks, &init.redacted.blocks, roadmap);
    let kept_deps: Vec<String> = init
        .depends_on
        .iter()
        .filter(|&&d| !inits[d].confidential && !init.redacted.via.contains(&d))
        .map(|&d| inits[d].id.clone())
        .collect();
    via.extend(init.redacted.via.iter().copied());
    let redacted = RawRedacted {
        waits_on,
        blocks,
        via: via.iter().map(|&d| inits[d].id.clone()).collect(),
    };
    let empty =
        redacted.waits_on.is_empty() && redacted.blocks.is_empty() && redacted.via.is_empty();
    RawInitiative {
        id: init.id.clone(),
        title: init.title.clone(),
        stage: roadmap.stages[init.stage].id.clone(),
        team: init.team.map(|t| roadmap.teams[t].id.clone()),
        confidence: init.confidence.as_str().into(),
        status: Some(init.status.as_str().into()),
        start: init.start.map(|d| d.to_string()),
        end: init.end.map(|d| d.to_string()),
        horizon: if init.start.is_none() && init.end.is_none() {
            init.horizon.map(|h| h.as_str().into())
        } else {
            None
        },
        tags: init.tags.clone(),
        depends_on: kept_deps,
        owner: init.owner.clone(),
        description: init.description.clone(),
        links: init
            .links
            .iter()
            .map(|l| RawLink {
                title: l.title.clone(),
                url: l.url.clone(),
            })
            .collect(),
        confidential: None,
        redacted: (!empty).then_some(redacted),
    }
}

fn merge(into: &mut Vec<RawPlaceholder>, existing: &[(usize, u32)], roadmap: &Roadmap) {
    for &(s, c) in existing {
        let id = &roadmap.stages[s].id;
        match into.iter_mut().find(|p| p.stage == *id) {
            Some(p) => p.count += c,
            None => into.push(RawPlaceholder {
                stage: id.clone(),
                count: c,
            }),
        }
    }
}

/// Every string of confidential initiatives that must not appear in a public build:
/// ids, titles, descriptions, owners, links, and tags no kept initiative uses.
pub fn confidential_strings(roadmap: &Roadmap) -> Vec<String> {
    let public_tags: BTreeSet<&str> = roadmap
        .initiatives
        .iter()
        .filter(|i| !i.confidential)
        .flat_map(|i| i.tags.iter().map(String::as_str))
        .collect();
    let mut out = Vec::new();
    for i in roadmap
        .initiatives
        .iter()
        .filter(|i: &&Initiative| i.confidential)
    {
        out.push(i.id.clone());
        out.push(i.title.clone());
        out.extend(i.description.clone());
        out.extend(i.owner.clone());
        for l in &i.links {
            out.push(l.title.clone());
            out.push(l.url.clone());
        }
        out.extend(
            i.tags
                .iter()
                .filter(|t| !public_tags.contains(t.as_str()))
                .cloned(),
        );
    }
    out
}
