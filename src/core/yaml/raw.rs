//! The raw data files, as close to the YAML as serde can make them.
//!
//! Scalars stay strings here (dates, enums, ids): turning them into checked values,
//! with located messages, is `resolve`'s job. These types also generate the JSON
//! Schema that `roadmap schema` prints.

use serde::{Deserialize, Deserializer, Serialize};

/// `data/roadmap.yaml`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRoadmap {
    #[serde(default, deserialize_with = "scalar")]
    pub title: String,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub as_of: Option<String>,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub edit_url: Option<String>,
    #[serde(default)]
    pub stages: Vec<RawStage>,
    #[serde(default)]
    pub tags: Vec<RawTag>,
    #[serde(default)]
    pub include: Vec<String>,
    /// Only counted here: each initiative is typed on its own from the file's tree,
    /// so one bad initiative does not hide the others.
    #[serde(default, skip_serializing)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<serde_json::Value>"))]
    pub initiatives: Vec<Unread>,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawStage {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(deserialize_with = "scalar")]
    pub name: String,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(default)]
    pub teams: Vec<RawTeam>,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawTeam {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(deserialize_with = "scalar")]
    pub name: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawTag {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
}

/// An initiative file (`include`d from roadmap.yaml).
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawInitiativeFile {
    /// Checked to be a mapping; its entries are read from the tree.
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")
    )]
    pub defaults: Option<UnreadMap>,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<serde_json::Value>"))]
    pub initiatives: Vec<Unread>,
}

/// Any YAML value, accepted without being read (typed later, from the tree).
#[derive(Debug, Default)]
pub struct Unread;

impl<'de> Deserialize<'de> for Unread {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Unread)
    }
}

/// Any YAML mapping, accepted without reading its entries.
#[derive(Debug, Default)]
pub struct UnreadMap;

impl<'de> Deserialize<'de> for UnreadMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = UnreadMap;
            // yaml_serde's words for its Mapping: messages stay as they were.
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a YAML mapping")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<UnreadMap, A::Error> {
                use serde::de::IgnoredAny;
                while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(UnreadMap)
            }
        }
        d.deserialize_map(V)
    }
}

/// One initiative, after the file's `defaults` were applied.
#[derive(Debug, Default, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawInitiative {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(deserialize_with = "scalar")]
    pub title: String,
    #[serde(deserialize_with = "scalar")]
    pub stage: String,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub team: Option<String>,
    #[serde(deserialize_with = "scalar")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["high", "medium", "low"])))]
    pub confidence: String,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["proposed", "planned", "in-progress", "done", "cancelled"])))]
    pub status: Option<String>,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<String>,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub end: Option<String>,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["short", "medium", "long"])))]
    pub horizon: Option<String>,
    #[serde(
        default,
        deserialize_with = "scalars",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    #[serde(
        default,
        deserialize_with = "scalars",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub depends_on: Vec<String>,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub owner: Option<String>,
    #[serde(
        default,
        deserialize_with = "opt_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<RawLink>,
    /// Internal only: left out of redacted (public) builds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<bool>,
    /// Written by `roadmap redact`: what this initiative had to do with confidential ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redacted: Option<RawRedacted>,
}

/// Placeholders for confidential initiatives (in redacted data only).
#[derive(Debug, Default, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRedacted {
    /// Confidential initiatives this one waits on, counted per stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waits_on: Vec<RawPlaceholder>,
    /// Confidential initiatives waiting on this one, counted per stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<RawPlaceholder>,
    /// Initiatives this one waits on through confidential steps only.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "scalars"
    )]
    pub via: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawPlaceholder {
    #[serde(deserialize_with = "scalar")]
    pub stage: String,
    #[serde(default = "one")]
    pub count: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    #[serde(deserialize_with = "scalar")]
    pub title: String,
    #[serde(deserialize_with = "scalar")]
    pub url: String,
}

/// The keys an initiative accepts: `defaults` may set all but `id` and `title`, and an
/// unknown default gets its "did you mean" from these.
pub const INITIATIVE_KEYS: &[&str] = &[
    "confidential",
    "redacted",
    "id",
    "title",
    "stage",
    "team",
    "confidence",
    "status",
    "start",
    "end",
    "horizon",
    "tags",
    "depends_on",
    "owner",
    "description",
    "links",
];

/// Accepts any YAML scalar as text: `id: 2026` or `title: yes` mean the characters written.
struct ScalarVisitor;

impl serde::de::Visitor<'_> for ScalarVisitor {
    type Value = String;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a text value")
    }
    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_bool<E>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }
}

fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(ScalarVisitor)
}

fn opt_scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    // `key:` with nothing after it is YAML null: the same as leaving the key out.
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "scalar")] String);
    Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
}

fn scalars<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "scalar")] String);
    Ok(Option::<Vec<Wrap>>::deserialize(d)?
        .unwrap_or_default()
        .into_iter()
        .map(|w| w.0)
        .collect())
}
