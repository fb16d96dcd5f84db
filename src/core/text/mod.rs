//! Foundations in plain values, no model: words (`keyword_enum!`), dates, diagnostics
//! and the text they quote, "did you mean", `include` globs, the one link rule, positions
//! in a source's lines, the tree's short text and Markdown.

pub mod date;
pub mod diagnostic;
pub mod glob;
pub mod keyword;
pub mod lines;
pub mod markdown;
pub mod short_text;
pub mod suggest;
pub mod url;
