//! Tools on whole roadmaps and data folders, above the analysis: redaction, where a
//! preview's files go, synthetic roadmaps, the JSON Schema (native only), `roadmap
//! diff`'s comparison, `roadmap history` (how the plan moved over the commits) and
//! the pack (the loaded roadmap in binary, and the YAML worker's job).

pub mod diff;
pub mod generate;
pub mod history;
pub mod pack;
pub mod preview;
pub mod redact;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
