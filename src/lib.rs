//! roadmap-viewer: a static, offline roadmap viewer with dependency analysis.
//!
//! `core` is plain Rust (model, loading, checks, analysis) shared by the browser app
//! and the `roadmap` command-line tool; `app` and `components` are the Yew shell. The
//! shell also compiles natively, where `prerender` draws the first screen into the
//! site's `index.html` with Yew's server renderer (browser calls are never reached
//! there: see `components::env`).

pub mod core;

pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod data_dir;
pub mod export;
pub mod fetch;
#[cfg(not(target_arch = "wasm32"))]
pub mod git_history;
pub mod last_visit;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
pub mod worker;
