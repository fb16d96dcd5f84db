//! The JSON Schema of the data files, generated from the raw types, for YAML editors
//! (`# yaml-language-server: $schema=...`).

use crate::core::yaml::raw::{RawInitiative, RawInitiativeFile, RawRoadmap};

/// One schema that accepts both file kinds: roadmap.yaml and initiative files.
pub fn json_schema() -> String {
    let roadmap = schemars::schema_for!(RawRoadmap);
    let file = schemars::schema_for!(RawInitiativeFile);
    let initiative = schemars::schema_for!(RawInitiative);
    let mut defs = serde_json::Map::new();
    for s in [&roadmap, &file, &initiative] {
        if let Some(d) = s.as_value().get("$defs").and_then(|d| d.as_object()) {
            defs.extend(d.clone());
        }
    }
    let strip = |s: &schemars::Schema| {
        let mut v = s.as_value().clone();
        if let Some(o) = v.as_object_mut() {
            o.remove("$defs");
            o.remove("$schema");
        }
        v
    };
    let mut init = strip(&initiative);
    // Values and initiatives arrive as free YAML for located checking; describe them properly here.
    defs.insert("Initiative".into(), init.clone());
    let init_ref = serde_json::json!({ "$ref": "#/$defs/Initiative" });
    let mut roadmap = strip(&roadmap);
    roadmap["properties"]["initiatives"] =
        serde_json::json!({ "type": "array", "items": init_ref });
    let mut file = strip(&file);
    file["properties"]["initiatives"] = serde_json::json!({ "type": "array", "items": init_ref });
    if let Some(req) = init.get_mut("required") {
        *req = serde_json::json!([]);
    }
    init.as_object_mut().map(|o| o.remove("required"));
    file["properties"]["defaults"] = serde_json::json!({ "anyOf": [init, { "type": "null" }] });
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "roadmap-viewer data file (format version 1)",
        "description": "data/roadmap.yaml, or an initiative file included from it",
        "anyOf": [ { "$ref": "#/$defs/RoadmapFile" }, { "$ref": "#/$defs/InitiativeFile" } ],
        "$defs": serde_json::Value::Object({
            let mut d = defs;
            d.insert("RoadmapFile".into(), roadmap);
            d.insert("InitiativeFile".into(), file);
            d
        }),
    });
    serde_json::to_string_pretty(&schema).expect("schema serializes")
}
