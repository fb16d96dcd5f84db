//! Reports linking into the viewer, the top layer: they write the viewer's URL
//! ([`view_state`](super::views::view_state)), so they sit above the view state.

pub mod diff_report;
pub mod history_report;
