//! End-to-end tests: the release site in real headless Chromium.
//! Run by the README's test command (`cargo test --features e2e --test e2e`).

mod analysis;
mod baseline;
mod confidential;
mod degrade;
mod first_screen;
mod framing;
mod graph;
mod harness;
mod history;
mod hostile_text;
mod hosting;
mod keyboard;
mod pack;
mod panels;
mod print;
mod render_cost;
mod roadmap_view;
mod shell;
mod since_visit;
mod table_export_a11y;
mod table_fit;
