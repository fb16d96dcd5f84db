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

/// A fresh, empty folder under the system's temporary folder, for data that cannot be
/// committed (links out of the repository, FIFOs, other line endings).
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("roadmap-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
