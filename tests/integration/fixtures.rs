//! Data-driven loader tests: each fixture under `tests/fixtures/` (a one-file roadmap
//! `NAME.yaml`, or a data folder `NAME/`) sits next to `NAME.expected`, the diagnostics
//! it must produce and the initiatives that still load. `UPDATE_EXPECT=1` rewrites them.

use roadmap_viewer::core::load::{DataFiles, FileText, Refusal, MAX_FILE_BYTES};
use roadmap_viewer::core::text::diagnostic::Code;
use roadmap_viewer::core::{load, tools::pack, Date};
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
        // What a published site starts from (the pack) is what loading shows.
        let day = Date::from_ymd(2026, 11, 1).unwrap();
        let (roadmap, diags) = load(&files, day);
        let packed = pack::read(&pack::write(&roadmap, &diags, day)).unwrap();
        if packed.roadmap != roadmap || packed.diagnostics != diags {
            failures.push(format!("{}: the pack differs", path.display()));
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

/// `data_dir::read(dir)`, failing (instead of hanging) if it takes over 5 s.
#[cfg(unix)]
fn read_within_5s(dir: &Path) -> DataFiles {
    let (tx, rx) = std::sync::mpsc::channel();
    let d = dir.to_path_buf();
    std::thread::spawn(move || tx.send(roadmap_viewer::data_dir::read(&d).unwrap()));
    rx.recv_timeout(std::time::Duration::from_secs(5))
        .expect("reading the data folder hung")
}

/// The hostile cases that cannot be committed: a FIFO (opening it would block), a link
/// to /dev/zero (endless), to /proc/self/environ and to a secret outside the folder,
/// and a file that claims more than the limit. None is opened; a link that stays
/// inside the folder is followed.
#[cfg(unix)]
#[test]
fn the_data_folder_is_a_jail() {
    use std::os::unix::fs::symlink;
    let root = crate::data_beside_a_secret("jail", "TOP-SECRET-7f3a\n");
    let data = root.join("data");
    std::fs::write(
        data.join("kept.txt"),
        "initiatives: [{id: kept, title: K, stage: s, confidence: high}]\n",
    )
    .unwrap();
    let fifo = |p: &Path| {
        let ok = std::process::Command::new("mkfifo")
            .arg(p)
            .status()
            .unwrap();
        assert!(ok.success());
    };
    fifo(&data.join("i/fifo.yaml"));
    fifo(&data.join("pipe"));
    symlink("../pipe", data.join("i/to-fifo.yaml")).unwrap();
    symlink("/dev/zero", data.join("i/zero.yaml")).unwrap();
    symlink("/proc/self/environ", data.join("i/environ.yaml")).unwrap();
    symlink("../../secret.yaml", data.join("i/secret.yaml")).unwrap();
    symlink(root.join("secret.yaml"), data.join("i/absolute.yaml")).unwrap();
    symlink("../kept.txt", data.join("i/kept.yaml")).unwrap();
    symlink("nowhere", data.join("i/dangling.yaml")).unwrap();
    std::fs::File::create(data.join("i/sparse.yaml"))
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();

    let started = std::time::Instant::now();
    let files = read_within_5s(&data);
    let elapsed = started.elapsed();
    let outside = FileText::Refused(Refusal::OutsideFolder);
    let fifo = FileText::Refused(Refusal::NotRegularFile("a FIFO"));
    let get = |p: &str| files.files.get(p).unwrap_or_else(|| panic!("no {p}"));
    assert_eq!(get("i/fifo.yaml"), &fifo);
    assert_eq!(get("i/to-fifo.yaml"), &fifo);
    for p in [
        "i/zero.yaml",
        "i/environ.yaml",
        "i/secret.yaml",
        "i/absolute.yaml",
    ] {
        assert_eq!(get(p), &outside, "{p}");
    }
    assert_eq!(
        get("i/sparse.yaml"),
        &FileText::TooLarge(MAX_FILE_BYTES + 1)
    );
    assert!(matches!(get("i/dangling.yaml"), FileText::Unreadable(_)));
    let out = render(&files);
    assert!(out.ends_with("loaded: [kept]\n"), "{out}");
    assert!(!out.contains("TOP-SECRET"), "{out}");
    assert!(elapsed.as_millis() < 1000, "{elapsed:?}");
    std::fs::remove_dir_all(&root).unwrap();
}

/// Invalid UTF-8 is refused the same way from disk and (through the same rule) from
/// HTTP or a dropped file: never decoded with replacement characters.
#[test]
fn bytes_become_text_by_one_rule() {
    assert_eq!(
        FileText::from_bytes(b"title: caf\xe9\n".to_vec()),
        FileText::Unreadable("not UTF-8 text".into())
    );
    assert_eq!(
        FileText::from_bytes("title: café\n".into()),
        FileText::Text("title: café\n".into())
    );
    assert_eq!(
        FileText::from_bytes(vec![b' '; MAX_FILE_BYTES as usize + 1]),
        FileText::TooLarge(MAX_FILE_BYTES + 1)
    );
}
