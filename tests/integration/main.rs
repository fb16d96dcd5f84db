//! Native integration tests: one binary, one module per area.
#![cfg(not(target_arch = "wasm32"))]

mod bundled;
mod check_cli;
mod deploy_templates;
mod diff;
mod filters;
mod fixtures;
mod fuzz;
mod graph_view;
mod postbuild;
mod prerender;
mod redact;
mod tidy;
mod typos;
mod yaml_oracle;

/// A fresh, empty folder under the system's temporary folder, for data that cannot be
/// committed (links out of the repository, FIFOs, other line endings).
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("roadmap-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A data folder `ROOT/data` (one stage `s`, including `i/*.yaml`) next to a file it
/// must never show, `ROOT/secret.yaml` holding `secret`; returns ROOT.
fn data_beside_a_secret(name: &str, secret: &str) -> std::path::PathBuf {
    let root = temp_dir(name);
    std::fs::create_dir_all(root.join("data/i")).unwrap();
    std::fs::write(root.join("secret.yaml"), secret).unwrap();
    std::fs::write(
        root.join("data/roadmap.yaml"),
        "title: T\nstages: [{id: s, name: S}]\ninclude: [\"i/*.yaml\"]\n",
    )
    .unwrap();
    root
}
