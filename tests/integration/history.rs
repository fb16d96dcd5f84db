//! `roadmap history` on fresh git repositories. Data-driven: each `tests/history/NAME/`
//! holds data folders `NN-what-it-does/`, committed in that order as `data/` (one
//! commit a day from 2026-03-01, the folder's name as the subject, everything else
//! in `data/` replaced), and `expected.json`, the report (commit ids written as the
//! folder names; `UPDATE_EXPECT=1` rewrites it); an optional `args` file holds more
//! flags. Also: the human report, `--since`, a shallow clone, and a public history
//! that names no confidential initiative.

use crate::{copy, expect_file, git_on_day as git, roadmap, temp_dir};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A repository with the fixture's steps committed as `data/`; (repository, each
/// commit's id and its step's name).
fn repository(fixture: &Path, name: &str) -> (PathBuf, Vec<(String, String)>) {
    let repo = temp_dir(&format!("history-{name}"));
    git(&repo, &["init", "-q"], 1);
    std::fs::write(repo.join("README"), "not data\n").unwrap();
    let mut ids = Vec::new();
    for (n, step) in crate::subfolders(fixture).iter().enumerate() {
        let _ = std::fs::remove_dir_all(repo.join("data"));
        copy(step, &repo.join("data"));
        let step_name = step.file_name().unwrap().to_str().unwrap().to_string();
        let day = n as u32 + 1;
        git(&repo, &["add", "-A"], day);
        git(&repo, &["commit", "-q", "-m", &step_name], day);
        ids.push((
            git(&repo, &["rev-parse", "HEAD"], day).trim().to_string(),
            step_name,
        ));
    }
    // A later commit outside data/ is not the data's history.
    std::fs::write(repo.join("README"), "still not data\n").unwrap();
    git(&repo, &["commit", "-q", "-am", "readme"], 28);
    (repo, ids)
}

/// `roadmap history data` in `repo` with `args`, commit ids (and the human report's
/// short ids) replaced by step names.
fn history(repo: &Path, ids: &[(String, String)], args: &[&str]) -> String {
    let mut out = raw_history(repo, args);
    for (id, step) in ids {
        out = out.replace(id.as_str(), step).replace(&id[..10], step);
    }
    out
}

fn raw_history(repo: &Path, args: &[&str]) -> String {
    let mut all = vec!["history", "data"];
    all.extend(args);
    let (code, out, err) = roadmap(repo, &all);
    assert_eq!(code, 0, "{err}");
    out
}

fn fixtures() -> Vec<PathBuf> {
    crate::subfolders(&root().join("tests/history"))
}

#[test]
fn fixtures_give_the_expected_history() {
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let name = fixture.file_name().unwrap().to_str().unwrap();
        let (repo, ids) = repository(&fixture, name);
        let extra = std::fs::read_to_string(fixture.join("args")).unwrap_or_default();
        let mut args = vec!["--format", "json"];
        args.extend(extra.split_whitespace());
        let actual = history(&repo, &ids, &args);
        expect_file(&fixture.join("expected.json"), &actual, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_human_report_tells_each_move_and_the_broken_commit() {
    let fixture = root().join("tests/history/moves");
    let (repo, ids) = repository(&fixture, "human");
    let out = history(&repo, &ids, &[]);
    for line in [
        "storage: first seen 01-plan 2026-03-01; moved 3 times, +22 w since first planned",
        "  2026-03-02 02-storage-slips end 2026-06-30 → 2026-09-30 (+13 w) on 2 Mar 2026 · 02-storage-slips",
        "broken: 05-broken 2026-03-05 05-broken: 1 errors, not compared",
        "  2026-03-04 04-drop-cache removed from the roadmap on 4 Mar 2026 · 04-drop-cache",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
}

#[test]
fn since_keeps_the_later_changes() {
    let fixture = root().join("tests/history/moves");
    let (repo, ids) = repository(&fixture, "since");
    let out = history(&repo, &ids, &["--format", "json", "--since", "2026-03-06"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let commits: Vec<&str> = v["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        commits,
        ["01-plan", "06-fix-and-cache-back", "08-storage-done"]
    );
    let storage: Vec<&str> = v["initiatives"]["storage"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(storage, ["end", "end", "status"]);
    let (code, _, err) = roadmap(&repo, &["history", "data", "--since", "2026-Q1"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_shallow_clone_starts_at_its_oldest_commit_and_says_so() {
    let fixture = root().join("tests/history/moves");
    let (repo, _) = repository(&fixture, "shallow-origin");
    let clone = temp_dir("history-shallow");
    let url = format!("file://{}", repo.display());
    let target = clone.join("c");
    let target = target.to_str().unwrap();
    git(&clone, &["clone", "-q", "--depth", "3", &url, target], 1);
    let (code, out, err) = roadmap(&clone.join("c"), &["history", "data", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["shallow"], true);
    // Only 07 and 08 changed data among the last three commits; 07 is the start.
    let first = v["commits"][0]["id"].as_str().unwrap();
    assert_eq!(v["initiatives"]["cache"]["first_seen"], first);
    assert!(v["initiatives"]["cache"]["events"]
        .as_array()
        .unwrap()
        .is_empty());
    let (_, human, _) = roadmap(&clone.join("c"), &["history", "data"]);
    assert!(
        human.contains("shallow clone: the history starts at"),
        "{human}"
    );
}

#[test]
fn a_public_history_names_no_confidential_initiative() {
    let fixture = root().join("tests/history/confidential");
    let (repo, _) = repository(&fixture, "public");
    for args in [&["--format", "json", "--public"][..], &["--public"]] {
        let out = raw_history(&repo, args).to_lowercase();
        for secret in ["nightjar", "secret owner", "skunkworks"] {
            assert!(!out.contains(secret), "{secret} in:\n{out}");
        }
    }
    // Without --public the secret's moves are there.
    assert!(raw_history(&repo, &["--format", "json"]).contains("\"nightjar\""));
}

#[test]
fn outside_a_git_work_tree_is_an_error() {
    let dir = temp_dir("history-no-git");
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let (code, _, err) = roadmap(&dir, &["history", "data"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read the history of data"), "{err}");
}
