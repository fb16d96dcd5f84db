//! The bundled data folder (`data/`), for tests that check the real data.

use roadmap_viewer::core::{load, DataFiles, Date, Roadmap};
use std::path::Path;

/// The files of `data/`.
pub fn files() -> DataFiles {
    roadmap_viewer::data_dir::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap()
}

/// The bundled roadmap (its `as_of` is set, so the day it loads on does not matter).
pub fn roadmap() -> Roadmap {
    load(&files(), Date(0)).0
}
