//! `roadmap check` and `roadmap schema` as users and CI call them.

use crate::temp_dir;
use std::path::Path;
use std::process::Command;

fn roadmap(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn bundled_data_is_clean() {
    let (code, out) = roadmap(&["check", "data", "--deny-warnings"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no problems found"), "{out}");
}

#[test]
fn human_output_reads_like_a_compiler() {
    let (code, out) = roadmap(&["check", "tests/fixtures/unknown-dependency-dir"]);
    assert_eq!(code, 1, "{out}");
    let expected = "\
tests/fixtures/unknown-dependency-dir/initiatives/a.yaml:7:18: error[unknown-dependency]: \"cells-routing\" depends on unknown \"cells-topolgy\"
  |
7 |     depends_on: [cells-topolgy]
  |                  ^^^^^^^^^^^^^
  = hint: did you mean \"cells-topology\"?
";
    assert!(out.starts_with(expected), "{out}");
    assert!(out.contains("1 error and 0 warnings"), "{out}");
}

#[test]
fn json_and_gitlab_formats() {
    let dir = "tests/fixtures/unknown-dependency-dir";
    let (code, out) = roadmap(&["check", dir, "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{
            "severity": "error", "code": "unknown-dependency", "message": "\"cells-routing\" depends on unknown \"cells-topolgy\"",
            "file": format!("{dir}/initiatives/a.yaml"), "line": 7, "column": 18, "hint": "did you mean \"cells-topology\"?"
        }])
    );
    let (code, out) = roadmap(&["check", dir, "--format", "gitlab"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let item = &v[0];
    assert_eq!(item["check_name"], "unknown-dependency");
    assert_eq!(item["severity"], "major");
    assert_eq!(
        item["location"]["path"],
        format!("{dir}/initiatives/a.yaml")
    );
    assert_eq!(item["location"]["lines"]["begin"], 7);
    assert_eq!(item["fingerprint"].as_str().unwrap().len(), 32);
}

#[test]
fn warnings_fail_only_when_denied() {
    let dir = "tests/fixtures/unreached-file";
    assert_eq!(roadmap(&["check", dir]).0, 0);
    assert_eq!(roadmap(&["check", dir, "--deny-warnings"]).0, 1);
}

#[test]
fn schema_describes_both_file_kinds() {
    let (code, out) = roadmap(&["schema"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let init = &v["$defs"]["Initiative"];
    assert_eq!(
        init["properties"]["confidence"]["enum"],
        serde_json::json!(["high", "medium", "low"])
    );
    assert_eq!(init["additionalProperties"], false);
    assert!(v["$defs"]["RoadmapFile"]["properties"]["stages"].is_object());
    assert!(v["$defs"]["InitiativeFile"]["properties"]["defaults"].is_object());
    assert!(Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/roadmap.yaml")
        .exists());
}

#[test]
fn committed_schema_is_current() {
    let (_, out) = roadmap(&["schema"]);
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/roadmap.schema.json"),
    )
    .unwrap();
    assert_eq!(
        committed.trim(),
        out.trim(),
        "run `cargo run --bin roadmap -- schema > docs/roadmap.schema.json`"
    );
}

#[test]
fn github_annotations() {
    let dir = "tests/fixtures/unknown-dependency-dir";
    let (code, out) = roadmap(&["check", dir, "--format", "github"]);
    assert_eq!(code, 1);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "::error file={dir}/initiatives/a.yaml,line=7,col=18,title=unknown-dependency::\"cells-routing\" depends on unknown \"cells-topolgy\" (did you mean \"cells-topology\"?)"
        )
    );
}

/// A merge request that links a data file to a file of the CI runner never gets its
/// content printed, whatever the format (the file would be a `wrong-type` scalar).
#[cfg(unix)]
#[test]
fn a_link_out_of_the_data_folder_never_shows_the_file() {
    let root = crate::data_beside_a_secret("secret", "TOP-SECRET-7f3a-PRIVATE-KEY\n");
    let data = root.join("data");
    std::os::unix::fs::symlink("../../secret.yaml", data.join("i/x.yaml")).unwrap();
    let dir = data.to_str().unwrap();
    for format in ["human", "json", "gitlab", "github"] {
        let out = Command::new(env!("CARGO_BIN_EXE_roadmap"))
            .args(["check", dir, "--format", format])
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{format}: {all}");
        assert!(all.contains("outside-data-folder"), "{format}: {all}");
        assert!(!all.contains("TOP-SECRET"), "{format}: {all}");
    }
    std::fs::remove_dir_all(&root).unwrap();
}

/// A roadmap with `n` errors (an unknown stage each): a report longer than a pipe holds.
fn many_errors(n: usize) -> std::path::PathBuf {
    let dir = temp_dir(&format!("errors-{n}"));
    let mut yaml = String::from("title: T\nstages: [{id: s, name: S}]\ninitiatives:\n");
    for i in 0..n {
        yaml.push_str(&format!(
            "  - {{id: i{i}, title: I, stage: nope, confidence: low}}\n"
        ));
    }
    std::fs::write(dir.join("roadmap.yaml"), yaml).unwrap();
    dir
}

/// `roadmap check | head -1`: the reader goes away mid-report. Not a panic: the rest is
/// dropped and the status is the check's.
#[test]
fn a_reader_that_stops_early_is_not_a_panic() {
    use std::io::BufRead;
    let dir = many_errors(2_000);
    for format in ["human", "json"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_roadmap"))
            .args(["check", dir.to_str().unwrap(), "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The reader is dropped here, with most of the report unread.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `roadmap check > /dev/full`: a write error is reported as one, not a panic.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_reported() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["check", "tests/fixtures/unknown-dependency-dir"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: cannot write the report: No space left on device"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Lines end with LF, CRLF or a lone CR (old Mac editors): the snippet shows the line
/// the position names.
#[test]
fn the_snippet_shows_the_right_line_with_lone_carriage_returns() {
    let dir = temp_dir("cr");
    std::fs::write(
        dir.join("roadmap.yaml"),
        "title: T\rstages:\r  - id: s\r    name: S\rinitiatives:\r  - id: a\r    title: A\r    stage: nope\r    confidence: high\r",
    )
    .unwrap();
    let (code, out) = roadmap(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "roadmap.yaml:8:12: error[unknown-stage]: \"a\": unknown stage \"nope\"\n  |\n8 |     stage: nope\n  |            ^^^^\n"
        ),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
