//! Data-driven loader tests: each fixture under `tests/fixtures/` (a one-file roadmap
//! `NAME.yaml`, or a data folder `NAME/`) sits next to `NAME.expected`, the diagnostics
//! it must produce and the initiatives that still load. `UPDATE_EXPECT=1` rewrites them.

use roadmap_viewer::core::diagnostic::Code;
use roadmap_viewer::core::load::{DataFiles, FileText, MAX_FILE_BYTES};
use roadmap_viewer::core::{load, Date};
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The loader's result, rendered for comparison.
fn render(files: &DataFiles) -> String {
    let (roadmap, diags) = load(files, Date::from_ymd(2026, 11, 1).unwrap());
    let mut out = String::new();
    for d in &diags {
        out.push_str(&d.headline(""));
        out.push('\n');
        if let Some(h) = &d.hint {
            out.push_str(&format!("    hint: {h}\n"));
        }
    }
    let ids: Vec<&str> = roadmap.initiatives.iter().map(|i| i.id.as_str()).collect();
    out.push_str(&format!("loaded: [{}]\n", ids.join(", ")));
    // How each initiative with a problem is shown: its bad fields neutralised.
    for i in roadmap
        .initiatives
        .iter()
        .filter(|i| !i.problems.is_empty())
    {
        let date = |d: Option<roadmap_viewer::core::Date>| d.map_or("-".into(), |d| d.to_string());
        let deps: Vec<&str> = i
            .depends_on
            .iter()
            .map(|&d| roadmap.initiatives[d].id.as_str())
            .collect();
        let codes: Vec<&str> = i.problems.iter().map(|d| d.code.as_str()).collect();
        out.push_str(&format!(
            "shown: {} \"{}\" stage={} team={} confidence={} status={} dates={}..{} horizon={} deps=[{}] problems=[{}]\n",
            i.id,
            i.title,
            roadmap.stages[i.stage].id,
            i.team.map_or("-", |t| roadmap.teams[t].id.as_str()),
            i.confidence.as_str(),
            i.status.as_str(),
            date(i.start),
            date(i.end),
            i.horizon.map_or("-", |h| h.as_str()),
            deps.join(", "),
            codes.join(", ")
        ));
    }
    out
}

/// Compares `actual` with the expected file, printing a line diff on mismatch.
fn check(expected_file: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(expected_file, actual).unwrap();
        return Ok(());
    }
    let expected = std::fs::read_to_string(expected_file).unwrap_or_default();
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "--- {}\n+++ actual\n{}",
        expected_file.display(),
        line_diff(&expected, actual)
    ))
}

/// `expected` against `actual` line by line, in order: ` ` for a line in both, `-` for
/// one only expected, `+` for one only produced (a longest common subsequence; fixtures
/// are short, so the quadratic table is fine). A moved line shows as `-` and `+`.
fn line_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    // common[i][j]: length of the longest common subsequence of e[i..] and a[j..].
    let mut common = vec![vec![0usize; a.len() + 1]; e.len() + 1];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            common[i][j] = if e[i] == a[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            out.push_str(&format!(" {}\n", e[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < e.len() && (j == a.len() || common[i + 1][j] >= common[i][j + 1]) {
            out.push_str(&format!("-{}\n", e[i]));
            i += 1;
        } else {
            out.push_str(&format!("+{}\n", a[j]));
            j += 1;
        }
    }
    if e == a {
        out.push_str("(same lines: only line endings or the final newline differ)\n");
    }
    out
}

#[test]
fn a_reordering_shows_in_the_fixture_diff() {
    let diff = line_diff("a\nb\nc\nloaded: []\n", "b\na\nc\nloaded: []\n");
    assert_eq!(diff, "-a\n b\n+a\n c\n loaded: []\n");
}

#[test]
fn fixtures() {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in entries {
        let (files, expected) = if path.is_dir() {
            (
                roadmap_viewer::data_dir::read(&path).unwrap(),
                path.with_extension("expected"),
            )
        } else if path.extension().is_some_and(|e| e == "yaml") {
            let mut files = DataFiles::default();
            files.insert(
                "roadmap.yaml",
                FileText::Text(std::fs::read_to_string(&path).unwrap()),
            );
            (files, path.with_extension("expected"))
        } else {
            continue;
        };
        count += 1;
        if let Err(diff) = check(&expected, &render(&files)) {
            failures.push(diff);
        }
    }
    assert!(count >= 30, "only {count} fixtures");
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_file_over_ten_megabytes_is_refused_unread() {
    let mut files = DataFiles::default();
    files.insert(
        "roadmap.yaml",
        FileText::Text("title: T\ninclude: [big.yaml]\n".into()),
    );
    files.insert("big.yaml", FileText::TooLarge(MAX_FILE_BYTES + 1));
    let out = render(&files);
    assert!(
        out.starts_with(
            "big.yaml:1:1: error[file-too-large]: file is 10.0 MB, over the 10 MB limit"
        ),
        "{out}"
    );
}

/// Every diagnostic code is produced by a fixture (the 10 MB case by the test above,
/// since a file that large is not committed) and documented in docs/data-format.md.
#[test]
fn every_code_has_a_fixture_and_a_documented_row() {
    let mut all = String::new();
    for e in std::fs::read_dir(fixtures_dir()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "expected") {
            all.push_str(&std::fs::read_to_string(p).unwrap());
        }
    }
    let mut too_large = DataFiles::default();
    too_large.insert(
        "roadmap.yaml",
        FileText::Text("title: T\ninclude: [big.yaml]\n".into()),
    );
    too_large.insert("big.yaml", FileText::TooLarge(MAX_FILE_BYTES + 1));
    all.push_str(&render(&too_large));
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/data-format.md"))
            .unwrap();
    let mut missing = Vec::new();
    for code in Code::ALL {
        if !all.contains(&format!("[{code}]")) {
            missing.push(format!("no fixture produces {code}"));
        }
        if !docs.contains(&format!("| `{code}` |")) {
            missing.push(format!("docs/data-format.md has no row for {code}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
