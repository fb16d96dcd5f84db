//! Yew components: thin views over core results.

mod baseline_layer;
mod changes_panel;
mod details_panel;
mod diagnostics_panel;
pub mod env;
mod error_panel;
mod filter_bar;
pub(crate) mod focus;
mod graph_view;
mod history_views;
mod keyboard;
mod legend;
mod markdown;
mod print_view;
mod roadmap_view;
mod shared;
pub(crate) mod since_visit;
mod table_view;
pub(crate) mod timeline;

pub use baseline_layer::{BaselineDrawing, BaselineLayer};
pub use changes_panel::{use_comparison, ChangesPanel, CompareButton};
pub use details_panel::DetailsPanel;
pub use diagnostics_panel::{DiagnosticsPanel, Props as DiagnosticsPanelProps};
pub use error_panel::ErrorPanel;
pub use filter_bar::{FilterBar, Props as FilterBarProps};
pub use graph_view::GraphView;
pub use history_views::{AccuracyPanel, AtBanner, AtNotice, DriftLayer, DriftToggle};
pub use keyboard::{focus, SkipLink};
pub use legend::Legend;
pub use print_view::{use_printing, ExportSheet, Head as PrintHeadText, Printed};
pub use roadmap_view::{Props as RoadmapViewProps, RoadmapView};
pub use shared::Shared;
pub use since_visit::SinceVisit;
pub use table_view::TableView;
pub use timeline::{Measure, Timeline};
