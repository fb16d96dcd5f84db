//! `roadmap diff --format json`: the public contract for scripts (documented in
//! `docs/diff.md`). Exactly the top-level keys `added`, `removed`, `changed`,
//! `dependencies`, `consequences` and `diagnostics`; lists sorted, absent values null.

use super::consequences::{KnockOn, Slip};
use super::{Diff, Pairs};
use crate::core::model::Horizon;
use serde_json::{json, Value};

/// The report; diagnostics name their files with `base_prefix` (fixed ones) and
/// `head_prefix` (introduced ones), as `roadmap check --format json` does.
pub fn to_json(diff: &Diff, base_prefix: &str, head_prefix: &str) -> Value {
    let changed: Vec<Value> = diff
        .changed
        .iter()
        .map(|c| {
            let fields: serde_json::Map<String, Value> = c
                .fields
                .iter()
                .map(|f| {
                    (
                        f.field.as_str().to_string(),
                        json!({ "from": f.from, "to": f.to }),
                    )
                })
                .collect();
            json!({ "id": c.id, "fields": fields })
        })
        .collect();
    let c = &diff.consequences;
    let horizon = |h: Option<Horizon>| h.map_or("unscheduled", |h| h.as_str());
    json!({
        "added": diff.added,
        "removed": diff.removed,
        "changed": changed,
        "dependencies": {
            "added": pairs(&diff.dependencies.added),
            "removed": pairs(&diff.dependencies.removed),
        },
        "consequences": {
            "moved_later": c.slips.iter().map(slip).collect::<Vec<_>>(),
            "schedule_conflicts": {
                "introduced": pairs(&c.conflicts_introduced),
                "resolved": pairs(&c.conflicts_resolved),
            },
            "confidence_inversions": {
                "introduced": pairs(&c.inversions_introduced),
                "resolved": pairs(&c.inversions_resolved),
            },
            "horizons": c.horizons.iter().map(|h| json!({
                "id": h.id, "from": horizon(h.from), "to": horizon(h.to),
            })).collect::<Vec<_>>(),
            "critical_path": c.critical_path.as_ref().map(|p| json!({
                "from": { "chain": p.from, "finish": p.finish_from.map(|d| d.to_string()) },
                "to": { "chain": p.to, "finish": p.finish_to.map(|d| d.to_string()) },
            })),
            "cross_stage_dependencies": pairs(&c.cross_stage),
            "confidence": { "lowered": c.confidence_lowered, "raised": c.confidence_raised },
            "renames": c.renames.iter().map(|(old, new)| json!({ "removed": old, "added": new }))
                .collect::<Vec<_>>(),
        },
        "diagnostics": {
            "introduced": diff.diagnostics.introduced.iter().map(|d| d.to_json(head_prefix))
                .collect::<Vec<_>>(),
            "fixed": diff.diagnostics.fixed.iter().map(|d| d.to_json(base_prefix))
                .collect::<Vec<_>>(),
        },
    })
}

fn pairs(p: &Pairs) -> Value {
    p.iter()
        .map(|(a, b)| json!([a, b]))
        .collect::<Vec<_>>()
        .into()
}

/// An initiative that ends later, with what must move after it grouped by stage.
fn slip(s: &Slip) -> Value {
    let mut stages: Vec<(&str, Vec<&KnockOn>)> = Vec::new();
    for k in &s.knock_on {
        match stages.last_mut() {
            Some((stage, list)) if *stage == k.stage => list.push(k),
            _ => stages.push((&k.stage, vec![k])),
        }
    }
    json!({
        "id": s.id,
        "from": s.from.to_string(),
        "to": s.to.to_string(),
        "days": s.days(),
        "must_move": stages.iter().map(|(stage, list)| json!({
            "stage": stage,
            "initiatives": list.iter().map(|k| json!({ "id": k.id, "days": k.days, "later_horizon": k.later_horizon }))
                .collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
