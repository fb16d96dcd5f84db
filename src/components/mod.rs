//! Yew components: thin views over core results.

mod diagnostics_panel;
mod error_panel;
mod initiative_list;

pub use diagnostics_panel::{DiagnosticsPanel, Props as DiagnosticsPanelProps};
pub use error_panel::ErrorPanel;
pub use initiative_list::InitiativeList;
