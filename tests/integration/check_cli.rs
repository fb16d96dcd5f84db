//! `roadmap check` and `roadmap schema` as users and CI call them.

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
tests/fixtures/unknown-dependency-dir/initiatives/a.yaml:7:18: error[unknown-dependency]: unknown dependency \"cells-topolgy\"
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
            "severity": "error", "code": "unknown-dependency", "message": "unknown dependency \"cells-topolgy\"",
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
            "::error file={dir}/initiatives/a.yaml,line=7,col=18,title=unknown-dependency::unknown dependency \"cells-topolgy\" (did you mean \"cells-topology\"?)"
        )
    );
}
