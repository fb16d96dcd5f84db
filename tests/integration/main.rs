//! Native integration tests: one binary, one module per area.
#![cfg(not(target_arch = "wasm32"))]

mod bundled;
mod check_cli;
mod deploy_templates;
mod filters;
mod fixtures;
mod redact;
mod tidy;
mod typos;
