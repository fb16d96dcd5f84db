//! The report's sections: one per stage (the initiatives that ended later, changed,
//! were added or removed, or must move), dependencies, schedule and risk.

use super::{entry, select, shift, Entry, Piece, Section};
use crate::core::model::{Horizon, Roadmap};
use crate::core::tools::diff::{Changed, Diff, Field, FieldChange, Kind};
use crate::core::Date;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// One section per stage (the head's order, then stages only the base had), holding
/// its initiatives that ended later, changed, were added or removed, or must move.
pub(super) fn by_stage(diff: &Diff, base: &Roadmap, head: &Roadmap) -> Vec<Section> {
    let c = &diff.consequences;
    let mut stages: Vec<(String, String)> = head
        .stages
        .iter()
        .map(|s| (s.id.clone(), s.name.clone()))
        .collect();
    for s in &base.stages {
        if !stages.iter().any(|(id, _)| *id == s.id) {
            stages.push((s.id.clone(), s.name.clone()));
        }
    }
    let mut entries: Vec<(String, Entry)> = Vec::new();
    let stage_id = |r: &Roadmap, id: &str| {
        r.find(id)
            .map(|i| r.stages[r.initiatives[i].stage].id.clone())
    };
    let title = |r: &Roadmap, id: &str| {
        r.find(id)
            .map_or(String::new(), |i| r.initiatives[i].title.clone())
    };
    let rename_of = |id: &str, added: bool| {
        c.renames.iter().find_map(|(old, new)| match added {
            true if new == id => Some(old.clone()),
            false if old == id => Some(new.clone()),
            _ => None,
        })
    };
    for ch in &diff.changed {
        let slip = c.slips.iter().find(|s| s.id == ch.id);
        let mut p = vec![
            Piece::Id(ch.id.clone()),
            Piece::Words(" ".into()),
            Piece::Data(title(head, &ch.id)),
        ];
        if let Some(s) = slip {
            p.extend([
                Piece::Words(": ".into()),
                Piece::Strong(format!("ends {} later", shift(s.days()))),
                Piece::Words(format!(" ({} → {})", s.from, s.to)),
            ]);
            let after: BTreeSet<&str> = s.knock_on.iter().map(|k| k.id.as_str()).collect();
            if !after.is_empty() {
                p.push(Piece::Words(format!(
                    ", {} must move after it",
                    after.len()
                )));
            }
        }
        let rest = field_words(ch, slip.is_some());
        if !rest.is_empty() {
            p.push(Piece::Words(if slip.is_some() {
                "; ".into()
            } else {
                ": ".into()
            }));
            p.extend(rest);
        }
        let link = select(&ch.id, slip.map(|s| s.weeks()));
        entries.push((stage_id(head, &ch.id).unwrap_or_default(), entry(link, p)));
    }
    for (ids, kind, r) in [
        (&diff.added, Kind::Added, head),
        (&diff.removed, Kind::Removed, base),
    ] {
        for id in ids {
            let mut p = vec![
                Piece::Id(id.clone()),
                Piece::Words(" ".into()),
                Piece::Strong(kind.to_string()),
                Piece::Words(": ".into()),
                Piece::Data(title(r, id)),
            ];
            if let Some(other) = rename_of(id, kind == Kind::Added) {
                let how = if kind == Kind::Added {
                    " (looks like a rename of "
                } else {
                    " (looks like a rename to "
                };
                p.extend([
                    Piece::Words(how.into()),
                    Piece::Id(other),
                    Piece::Words(")".into()),
                ]);
            }
            let link = (kind == Kind::Added).then(|| select(id, None)).flatten();
            entries.push((stage_id(r, id).unwrap_or_default(), entry(link, p)));
        }
    }
    for k in c.must_move() {
        let seeds: Vec<&str> = c
            .slips
            .iter()
            .filter(|s| s.knock_on.iter().any(|x| x.id == k.id))
            .map(|s| s.id.as_str())
            .collect();
        let mut p = vec![
            Piece::Id(k.id.clone()),
            Piece::Words(" ".into()),
            Piece::Data(title(head, &k.id)),
            Piece::Words(": ".into()),
            Piece::Strong(format!("must move {} later", shift(k.days))),
            Piece::Words(", after ".into()),
        ];
        for (n, s) in seeds.iter().enumerate() {
            if n > 0 {
                p.push(Piece::Words(", ".into()));
            }
            p.push(Piece::Id(s.to_string()));
        }
        if k.later_horizon {
            p.push(Piece::Words(", into a later horizon".into()));
        }
        entries.push((k.stage.clone(), entry(select(&k.id, None), p)));
    }
    let mut by_stage: HashMap<String, Vec<Entry>> = HashMap::new();
    for (stage, e) in entries {
        by_stage.entry(stage).or_default().push(e);
    }
    stages
        .into_iter()
        .filter_map(|(id, title)| {
            let entries = by_stage.remove(&id)?;
            Some(Section { title, entries })
        })
        .collect()
}

/// What changed besides an end that moved later, in short words.
fn field_words(ch: &Changed, slipped: bool) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for FieldChange { field, from, to } in &ch.fields {
        if slipped && *field == Field::End {
            continue;
        }
        if !out.is_empty() {
            out.push(Piece::Words("; ".into()));
        }
        let v = |v: &Value| match v {
            Value::Null => "none".to_string(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match field {
            Field::Title => out.extend([
                Piece::Words("title was “".into()),
                Piece::Data(v(from)),
                Piece::Words("”".into()),
            ]),
            Field::Description => out.push(Piece::Words("description changed".into())),
            Field::Confidential => out.push(Piece::Words(
                if to == &Value::Bool(true) {
                    "now confidential"
                } else {
                    "no longer confidential"
                }
                .into(),
            )),
            Field::Tags | Field::Links => {
                let list = |v: &Value| -> BTreeSet<String> {
                    v.as_array()
                        .into_iter()
                        .flatten()
                        .map(|x| {
                            x.as_str().map_or_else(
                                || x["url"].as_str().unwrap_or("").to_string(),
                                str::to_string,
                            )
                        })
                        .collect()
                };
                let (a, b) = (list(from), list(to));
                out.push(Piece::Words(format!("{field} ")));
                let mut first = true;
                for (sign, set) in [("+", b.difference(&a)), ("−", a.difference(&b))] {
                    for x in set {
                        out.push(Piece::Words(format!(
                            "{}{sign}",
                            if first { "" } else { " " }
                        )));
                        out.push(Piece::Data(x.clone()));
                        first = false;
                    }
                }
            }
            Field::Owner => out.extend([
                Piece::Words("owner ".into()),
                Piece::Data(v(from)),
                Piece::Words(" → ".into()),
                Piece::Data(v(to)),
            ]),
            _ => out.extend([
                Piece::Words(format!("{field} ")),
                Piece::Data(v(from)),
                Piece::Words(" → ".into()),
                Piece::Data(v(to)),
            ]),
        }
    }
    out
}

fn pair_entries(pairs: &[(String, String)], what: &str) -> Vec<Entry> {
    pairs
        .iter()
        .map(|(dep, i)| {
            entry(
                None,
                vec![
                    Piece::Words(format!("{what}: ")),
                    Piece::Id(i.clone()),
                    Piece::Words(" waits on ".into()),
                    Piece::Id(dep.clone()),
                ],
            )
        })
        .collect()
}

pub(super) fn dependency_section(diff: &Diff) -> Option<Section> {
    let d = &diff.dependencies;
    let mut entries = pair_entries(&d.added, "added");
    for e in &mut entries {
        if let (Some(Piece::Id(i)), Some(Piece::Id(dep))) = (e.pieces.get(1), e.pieces.get(3)) {
            if diff
                .consequences
                .cross_stage
                .contains(&(dep.clone(), i.clone()))
            {
                e.pieces.push(Piece::Words(" (cross-stage)".into()));
            }
        }
    }
    entries.extend(pair_entries(&d.removed, "removed"));
    (!entries.is_empty()).then(|| Section {
        title: "Dependencies".into(),
        entries,
    })
}

pub(super) fn schedule_section(diff: &Diff) -> Option<Section> {
    let c = &diff.consequences;
    let mut entries = pair_entries(&c.conflicts_introduced, "schedule conflict introduced");
    entries.extend(pair_entries(
        &c.conflicts_resolved,
        "schedule conflict resolved",
    ));
    entries.extend(pair_entries(
        &c.inversions_introduced,
        "confidence inversion introduced",
    ));
    entries.extend(pair_entries(
        &c.inversions_resolved,
        "confidence inversion resolved",
    ));
    let horizon = |h: Option<Horizon>| h.map_or("unscheduled", |h| h.as_str());
    for h in &c.horizons {
        entries.push(entry(
            select(&h.id, None),
            vec![
                Piece::Id(h.id.clone()),
                Piece::Words(format!(
                    " crosses into another horizon: {} → {}",
                    horizon(h.from),
                    horizon(h.to)
                )),
            ],
        ));
    }
    if let Some(p) = &c.critical_path {
        let chain = |ids: &[String], finish: Option<Date>| {
            let mut out = vec![];
            for (n, id) in ids.iter().enumerate() {
                if n > 0 {
                    out.push(Piece::Words(" → ".into()));
                }
                out.push(Piece::Id(id.clone()));
            }
            out.push(Piece::Words(
                finish.map_or(String::new(), |d| format!(" (finishes {d})")),
            ));
            out
        };
        let mut pieces = vec![Piece::Words("critical path: ".into())];
        pieces.extend(chain(&p.to, p.finish_to));
        pieces.push(Piece::Words(", was ".into()));
        pieces.extend(chain(&p.from, p.finish_from));
        entries.push(entry(None, pieces));
    }
    (!entries.is_empty()).then(|| Section {
        title: "Schedule and risk".into(),
        entries,
    })
}
