//! `roadmap history --format json`: the public contract documented in
//! `docs/history.md`.

use super::History;
use serde_json::{json, Map, Value};

/// The history as JSON; `file_prefix` starts the broken commits' diagnostic files.
pub fn to_json(h: &History, file_prefix: &str) -> Value {
    let commits: Vec<Value> = h
        .commits
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut v = json!({ "id": c.id, "date": c.date.to_string(), "subject": c.subject });
            if let Some(diags) = h.broken.get(&i) {
                v["diagnostics"] = diags.iter().map(|d| d.to_json(file_prefix)).collect();
            }
            v
        })
        .collect();
    let id = |c: usize| Value::from(h.commits[c].id.as_str());
    let initiatives: Map<String, Value> = h
        .initiatives
        .iter()
        .map(|(name, t)| {
            let events: Vec<Value> = t
                .events
                .iter()
                .map(|e| {
                    json!({
                        "commit": id(e.commit),
                        "date": h.commits[e.commit].date.to_string(),
                        "field": e.field.as_str(),
                        "from": e.from,
                        "to": e.to,
                    })
                })
                .collect();
            let v = json!({
                "first_seen": id(t.first_seen),
                "events": events,
                "removed": t.removed.map(id),
            });
            (name.clone(), v)
        })
        .collect();
    json!({ "commits": commits, "initiatives": initiatives, "shallow": h.shallow })
}
