//! "A file with one typo anywhere gets a diagnostic at its exact line and column":
//! every key and every dependency id of the bundled data is misspelt in turn.

use crate::bundled;
use roadmap_viewer::core::load::{DataFiles, FileText};
use roadmap_viewer::core::{load, Date};

/// Loads `files` with `path`'s line `line` (0-based) replaced, and returns the diagnostics' places and codes.
fn places_after(
    files: &DataFiles,
    path: &str,
    line: usize,
    replacement: &str,
) -> Vec<(String, u32, u32, &'static str)> {
    let mut files = files.clone();
    let text = files.text(path).unwrap().to_string();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[line] = replacement;
    files.insert(path, FileText::Text(lines.join("\n") + "\n"));
    let (_, diags) = load(&files, Date::from_ymd(2026, 11, 1).unwrap());
    diags
        .into_iter()
        .map(|d| (d.file, d.line, d.column, d.code.as_str()))
        .collect()
}

#[test]
fn a_misspelt_key_or_dependency_is_reported_where_it_is() {
    let files = bundled::files();
    let mut checked = 0;
    for path in files.files.keys().filter(|p| p.starts_with("initiatives/")) {
        let text = files.text(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let (indent, rest) = line.split_at(line.len() - line.trim_start().len());
            // An initiative key: swap two of its letters ("title" -> "ittle").
            if indent.len() == 4 && rest.contains(": ") && !rest.starts_with("- ") {
                let key = rest.split(':').next().unwrap();
                let mut chars: Vec<char> = key.chars().collect();
                chars.swap(0, 1);
                let typo: String = chars.into_iter().collect();
                let replaced = format!("{indent}{typo}{}", &rest[key.len()..]);
                let places = places_after(&files, path, n, &replaced);
                let want = (
                    path.clone(),
                    n as u32 + 1,
                    indent.len() as u32 + 1,
                    "unknown-key",
                );
                assert!(
                    places.contains(&want),
                    "{path}:{} `{typo}`: {places:?}",
                    n + 1
                );
                checked += 1;
            }
            // Each dependency id: append an "x".
            if let Some(list) = rest.strip_prefix("depends_on: [") {
                let ids: Vec<&str> = list.trim_end_matches(']').split(", ").collect();
                for (i, id) in ids.iter().enumerate() {
                    let mut typoed = ids.clone();
                    let bad = format!("{id}x");
                    typoed[i] = &bad;
                    let replaced = format!("{indent}depends_on: [{}]", typoed.join(", "));
                    let col = replaced
                        .find(&format!("{bad}]"))
                        .or_else(|| replaced.find(&format!("{bad},")))
                        .unwrap()
                        + 1;
                    let places = places_after(&files, path, n, &replaced);
                    let want = (path.clone(), n as u32 + 1, col as u32, "unknown-dependency");
                    assert!(
                        places.contains(&want),
                        "{path}:{} `{bad}`: {places:?}",
                        n + 1
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} typos tried");
}
