//! The `roadmap` command-line tool; see `roadmap_viewer::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    roadmap_viewer::cli::main(&args)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
