//! The `roadmap` command-line tool; see `roadmap_viewer::cli`.

/// Loading a large data folder allocates a small value per scalar; mimalloc makes
/// those allocations and their release cheaper than the system allocator.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    roadmap_viewer::cli::main(&args)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
