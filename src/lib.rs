//! roadmap-viewer: a static, offline roadmap viewer with dependency analysis.
//!
//! `core` is plain Rust (model, loading, checks, analysis) shared by the browser app
//! and the `roadmap` command-line tool; `app` and `components` are the Yew shell,
//! compiled for wasm32 only.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod data_dir;
#[cfg(target_arch = "wasm32")]
pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod worker;
