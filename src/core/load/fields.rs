//! Each initiative's own fields: stage and team, confidence, status and horizon,
//! dates, tags, redaction placeholders and links. Dependencies come later.

use super::ids::Ids;
use super::initiatives::{At, Pending};
use super::key;
use super::structure::Structure;
use crate::core::model::{Confidence, Horizon, Initiative, Link, Redacted, Stage, Status, Team};
use crate::core::text::date::{Date, Edge};
use crate::core::text::diagnostic::{excerpt, excerpts, Code, Diagnostic};
use crate::core::text::suggest;
use crate::core::text::url::is_safe_url;
use crate::core::yaml::tree::{Node, Seg};
use std::collections::{BTreeSet, HashMap};

/// What the fields are checked against.
struct Known<'a> {
    stages: &'a [Stage],
    teams: &'a [Team],
    stage_ids: Vec<&'a str>,
    team_ids: Vec<&'a str>,
    tag_ids: BTreeSet<&'a str>,
    reference: Date,
}

/// Checks every pending initiative; returns, per pending initiative, the built one when
/// it has an id to be shown by (with the id [`Ids`] gives it), its bad fields
/// neutralised. An unknown stage is the index `st.stages.len()`: the Unplaced lane the
/// caller adds. What each check finds goes to that initiative's `problems`.
pub(super) fn check_all(
    pending: &[Pending],
    ids: &Ids,
    trees: &HashMap<&str, &Node>,
    st: &Structure,
    problems: &mut [Vec<Diagnostic>],
) -> Vec<Option<Initiative>> {
    let known = Known {
        stages: &st.stages,
        teams: &st.teams,
        stage_ids: st.stages.iter().map(|s| s.id.as_str()).collect(),
        team_ids: st.teams.iter().map(|t| t.id.as_str()).collect(),
        tag_ids: st.tags.iter().map(|t| t.id.as_str()).collect(),
        reference: st.reference,
    };
    pending
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let (mut init, stage) = check(&p.at(trees), p, &known, &mut problems[n]);
            init.stage = stage.unwrap_or(st.stages.len());
            init.id = ids.shown[n].clone()?;
            Some(init)
        })
        .collect()
}

/// Checks one initiative's own fields and builds it (dependencies are filled in later),
/// with every bad field neutralised: an unknown stage is `None` (the Unplaced lane),
/// an unknown team or one of another stage is no team, an invalid confidence is
/// `Unknown`, an invalid status `planned`, an invalid horizon none, an impossible date
/// absent, an end before the start a milestone at the end, a missing title the id.
/// What it found goes to `out`.
fn check(
    cx: &At,
    p: &Pending,
    k: &Known,
    out: &mut Vec<Diagnostic>,
) -> (Initiative, Option<usize>) {
    let (stages, teams, stage_ids, team_ids, tag_ids, reference) = (
        k.stages,
        k.teams,
        &k.stage_ids,
        &k.team_ids,
        &k.tag_ids,
        k.reference,
    );
    let r = &p.raw;
    let usable = |k: &str| p.usable(k);
    let stage = stage_ids.iter().position(|s| *s == r.stage);
    if stage.is_none() && usable("stage") {
        out.push(
            Diagnostic::error(
                Code::UnknownStage,
                cx.file,
                cx.pos("stage"),
                format!("unknown stage \"{}\"", excerpt(&r.stage)),
            )
            .with_hint(
                suggest::did_you_mean(&r.stage, stage_ids.iter().copied())
                    .unwrap_or_else(|| format!("declared stages: {}", excerpts(stage_ids))),
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
                        format!(
                            "teams of {}: {}",
                            excerpt(&stages[s].name),
                            excerpts(&names)
                        )
                    })
                });
                out.push(
                    Diagnostic::error(
                        Code::UnknownTeam,
                        cx.file,
                        cx.pos("team"),
                        format!("unknown team \"{}\"", excerpt(t)),
                    )
                    .with_hint_opt(hint),
                );
                None
            }
            Some(ti) => {
                if let Some(s) = stage.filter(|&s| teams[ti].stage != s) {
                    let owner = &stages[teams[ti].stage];
                    out.push(
                        Diagnostic::error(
                            Code::TeamNotInStage,
                            cx.file,
                            cx.pos("team"),
                            format!(
                                "team \"{}\" belongs to stage \"{}\", not \"{}\"",
                                excerpt(t),
                                excerpt(&owner.id),
                                excerpt(&stages[s].id)
                            ),
                        )
                        .with_hint(format!(
                            "set `stage: {}` or pick a team of {}",
                            excerpt(&owner.id),
                            excerpt(&stages[s].name)
                        )),
                    );
                }
                // Shown in its own stage, without the team of another.
                (stage == Some(teams[ti].stage)).then_some(ti)
            }
        }
    });
    let confidence = Confidence::parse_declared(&r.confidence);
    if confidence.is_none() && usable("confidence") {
        bad_keyword(out, cx, "confidence", &r.confidence, Confidence::DECLARABLE);
    }
    let status = keyword(
        out,
        cx,
        "status",
        r.status.as_deref(),
        Status::parse,
        Status::NAMES,
    )
    .unwrap_or(Some(Status::Planned));
    let horizon = keyword(
        out,
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
                out.push(Diagnostic::error(
                    Code::InvalidDate,
                    cx.file,
                    cx.pos(field),
                    msg,
                ));
                None
            }
        }
    };
    let mut start = date("start", &r.start, Edge::First);
    let end = date("end", &r.end, Edge::Last);
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            // Kept as a milestone at its end: the end is what others wait for.
            start = None;
            out.push(
                Diagnostic::error(
                    Code::EndBeforeStart,
                    cx.file,
                    cx.pos("end"),
                    format!("ends ({e}) before it starts ({s})"),
                )
                .with_hint("swap start and end, or fix the year"),
            );
        }
    }
    if r.horizon.is_some() && (r.start.is_some() || r.end.is_some()) {
        out.push(
            Diagnostic::warning(
                Code::HorizonIgnored,
                cx.file,
                cx.pos("horizon"),
                "`horizon` is ignored: the dates decide the horizon",
            )
            .with_hint("remove `horizon`, or remove the dates if the timing is not known"),
        );
    }
    if let Some(e) = end.filter(|&e| e > reference.add_years(3)) {
        out.push(
            Diagnostic::warning(
                Code::BeyondHorizon,
                cx.file,
                cx.pos("end"),
                format!("ends {e}, more than 3 years after {reference}; shown in the long horizon"),
            )
            .with_hint("items beyond 3 years are usually better left undated with `horizon: long`"),
        );
    }
    for (ti, tag) in r.tags.iter().enumerate() {
        if !tag_ids.contains(tag.as_str()) {
            out.push(
                Diagnostic::warning(
                    Code::UndeclaredTag,
                    cx.file,
                    cx.pos_in("tags", ti),
                    format!("tag \"{}\" is not declared in roadmap.yaml", excerpt(tag)),
                )
                .with_hint(
                    suggest::did_you_mean(tag, tag_ids.iter().copied())
                        .unwrap_or_else(|| "declare it under `tags:` in roadmap.yaml".into()),
                ),
            );
        }
    }
    let mut placeholders = |field: &str| -> Vec<(usize, u32)> {
        let written = r.redacted.as_ref().map(|x| {
            if field == "waits_on" {
                &x.waits_on
            } else {
                &x.blocks
            }
        });
        let mut list = Vec::new();
        for (k, ph) in written.into_iter().flatten().enumerate() {
            match stage_ids.iter().position(|s| *s == ph.stage) {
                Some(s) => list.push((s, ph.count.max(1))),
                None => out.push(
                    Diagnostic::error(
                        Code::UnknownStage,
                        cx.file,
                        cx.node(&[key("redacted"), key(field), Seg::Index(k), key("stage")])
                            .pos,
                        format!("unknown stage \"{}\"", excerpt(&ph.stage)),
                    )
                    .with_hint_opt(suggest::did_you_mean(&ph.stage, stage_ids.iter().copied())),
                ),
            }
        }
        list
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
            out.push(
                Diagnostic::warning(
                    Code::UnsafeLink,
                    cx.file,
                    pos,
                    format!(
                        "link \"{}\" of \"{}\" has a \"{}:\" URL, which is not allowed, so it is dropped",
                        excerpt(&l.title),
                        excerpt(&r.id),
                        excerpt(&url_scheme(&l.url))
                    ),
                )
                .with_hint("use an https:// address"),
            );
        }
    }
    let title = if r.title.trim().is_empty() {
        r.id.clone()
    } else {
        r.title.clone()
    };
    let init = Initiative {
        id: r.id.clone(),
        title,
        stage: usize::MAX, // set by the caller: `stage`, or the Unplaced lane
        team,
        confidence: confidence.unwrap_or(Confidence::Unknown),
        status: status.unwrap_or(Status::Planned),
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
        problems: Vec::new(),
    };
    (init, stage)
}

/// `None` when the key is absent, `Some(None)` when its value is not a keyword (reported).
fn keyword<T>(
    out: &mut Vec<Diagnostic>,
    cx: &At,
    field: &str,
    value: Option<&str>,
    parse: fn(&str) -> Option<T>,
    names: &[&str],
) -> Option<Option<T>> {
    let v = value?;
    let parsed = parse(v);
    if parsed.is_none() {
        bad_keyword(out, cx, field, v, names);
    }
    Some(parsed)
}

fn bad_keyword(out: &mut Vec<Diagnostic>, cx: &At, field: &str, value: &str, allowed: &[&str]) {
    out.push(
        Diagnostic::error(
            Code::InvalidValue,
            cx.file,
            cx.pos(field),
            format!("\"{}\" is not a valid {field}", excerpt(value)),
        )
        .with_hint(
            suggest::did_you_mean(value, allowed.iter().copied())
                .unwrap_or_else(|| format!("use one of: {}", allowed.join(", "))),
        ),
    );
}

/// The scheme of an unsafe URL as a browser reads it ("javascript" for " JavaScript:…").
fn url_scheme(url: &str) -> String {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    cleaned
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}
