//! Reading a data folder from disk into [`DataFiles`] (native builds only; the browser
//! fetches the same files over HTTP).

use crate::core::load::{DataFiles, FileText, MAX_FILE_BYTES};
use std::path::Path;

/// Reads every `.yaml`/`.yml` file under `dir`, recursively; files over the size limit
/// are recorded as too large without being read.
pub fn read(dir: &Path) -> std::io::Result<DataFiles> {
    let mut files = DataFiles::default();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            let meta = entry.metadata()?;
            if meta.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(dir)
                .expect("walked from dir")
                .to_string_lossy()
                .replace('\\', "/");
            if !DataFiles::is_yaml(&rel) {
                continue;
            }
            let text = if meta.len() > MAX_FILE_BYTES {
                FileText::TooLarge(meta.len())
            } else {
                match std::fs::read(&path) {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(t) => FileText::Text(t),
                        Err(_) => FileText::Unreadable("not UTF-8 text".into()),
                    },
                    Err(e) => FileText::Unreadable(e.to_string()),
                }
            };
            files.insert(rel, text);
        }
    }
    Ok(files)
}

/// Today's date from the system clock (UTC).
pub fn today() -> crate::core::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::core::Date((secs / 86_400) as i32)
}
