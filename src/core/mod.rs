//! The pure core: data model, YAML loading, validation and analysis.
//!
//! **Invariant:** nothing under `core` imports `web_sys`, `gloo`, `yew` or does I/O; it
//! is plain Rust, tested natively.
//!
//! Its folders are its layers, lowest first (`CORE_LAYERS` in `tests/integration/tidy.rs`
//! keeps them so): [`text`] and [`yaml`]; at the root the graph algorithms on plain
//! indices ([`layout`], [`cycles`], [`rng`]), the [`model`] and [`load`](mod@load)ing; then
//! [`analysis`], [`tools`], [`views`] and [`reports`]. A module imports only its own
//! layer or lower ones.

pub mod analysis;
pub mod cycles;
pub mod layout;
pub mod load;
pub mod model;
pub mod reports;
pub mod rng;
#[cfg(test)]
pub(crate) mod test_support;
pub mod text;
pub mod tools;
pub mod views;
pub mod yaml;

pub use load::{load, DataFiles, FileText};
pub use model::Roadmap;
pub use text::date::Date;
pub use text::diagnostic::{Diagnostic, Severity};
