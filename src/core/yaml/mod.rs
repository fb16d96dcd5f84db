//! The YAML toolchain, on the text layer: the one parse of a file into a positioned
//! [`tree`], what a node means ([`scalar`]), a serde deserializer over the tree ([`de`])
//! with the [`edits`] a retry applies, the [`raw`] structs and their typed
//! [`deserialize`]ation that reports every structural error. The viewer never reaches it
//! (#26).

pub mod de;
pub mod deserialize;
pub mod edits;
pub mod raw;
pub mod scalar;
pub mod tree;
