//! What the views compute (filters, the timeline and the graph in pixels, the table, the
//! legend, names and labels, a stage's or team's page, a baseline's comparison, the
//! reader's last visit), and above them the view state (the URL) and its transitions ([`view_state`], [`intent`]).

pub mod accuracy;
pub mod compare;
pub mod describe;
pub mod filter;
pub mod graph_view;
pub mod intent;
pub mod last_visit;
pub mod legend;
pub mod print;
pub mod scope;
pub mod table;
pub mod timeline;
pub mod view_state;
