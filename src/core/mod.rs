//! The pure core: data model, YAML loading, validation and analysis.
//!
//! **Invariant:** nothing under `core` imports `web_sys`, `gloo`, `yew` or does I/O; it
//! is plain Rust, tested natively.

pub mod analysis;
pub mod compare;
pub mod critical;
pub mod cycles;
pub mod date;
pub mod describe;
pub mod deserialize;
pub mod diagnostic;
pub mod diff;
pub mod diff_report;
pub mod filter;
pub mod generate;
pub mod glob;
pub mod graph_view;
pub mod intent;
pub mod keyword;
pub mod layout;
pub mod legend;
pub mod lines;
pub mod load;
pub mod markdown;
pub mod model;
pub mod pack;
pub mod preview;
pub mod raw;
pub mod reach;
pub mod redact;
pub mod rng;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod scope;
pub mod short_text;
pub mod slip;
pub mod suggest;
pub mod table;
#[cfg(test)]
pub(crate) mod test_support;
pub mod timeline;
pub mod url;
pub mod view_state;
pub mod yaml_de;
pub mod yaml_edits;
pub mod yaml_scalar;
pub mod yaml_tree;

pub use date::Date;
pub use diagnostic::{Diagnostic, Severity};
pub use load::{load, DataFiles, FileText};
pub use model::Roadmap;
