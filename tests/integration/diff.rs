//! `roadmap diff` as reviewers and CI call it. Data-driven: each `tests/diff/NAME/`
//! holds `base/` and `head/` data folders (and optionally `args`, more flags on one
//! line) next to `expected.json` and `expected.md`, the reports they must produce
//! (`UPDATE_EXPECT=1` rewrites them). Also: the JSON contract's keys, a redacted pair
//! that never names a confidential initiative, `--git REF` on a fresh repository (and
//! `roadmap baseline --git`, which writes that revision out), and
//! the exit status.

use crate::{copy, expect_file, git, roadmap, temp_dir};
use roadmap_viewer::core::{load, tools::redact, Date};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> Vec<PathBuf> {
    crate::subfolders(&root().join("tests/diff"))
}

/// `roadmap diff` of a fixture in `format`, with its extra flags.
fn report(fixture: &Path, format: &str) -> String {
    let name = fixture.file_name().unwrap().to_str().unwrap();
    let base = format!("tests/diff/{name}/base");
    let head = format!("tests/diff/{name}/head");
    let extra = std::fs::read_to_string(fixture.join("args")).unwrap_or_default();
    let mut args = vec!["diff", &base, &head, "--format", format];
    args.extend(extra.split_whitespace());
    let (code, out, err) = roadmap(root(), &args);
    assert_eq!(code, 0, "{name}: {err}");
    out
}

#[test]
fn fixtures_give_the_expected_reports() {
    let mut failures = Vec::new();
    let dirs = fixtures();
    assert!(dirs.len() >= 8, "only {} diff fixtures", dirs.len());
    for dir in &dirs {
        for (format, file) in [("json", "expected.json"), ("markdown", "expected.md")] {
            expect_file(&dir.join(file), &report(dir, format), &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_json_report_has_exactly_the_contract_keys() {
    for dir in fixtures() {
        let v: serde_json::Value = serde_json::from_str(&report(&dir, "json")).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "added",
                "changed",
                "consequences",
                "dependencies",
                "diagnostics",
                "removed"
            ],
            "{}",
            dir.display()
        );
        for list in ["added", "removed"] {
            let ids: Vec<&str> = v[list]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap())
                .collect();
            assert!(
                ids.windows(2).all(|w| w[0] < w[1]),
                "{list} sorted: {ids:?}"
            );
        }
        let changed: Vec<&str> = v["changed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert!(
            changed.windows(2).all(|w| w[0] < w[1]),
            "changed sorted: {changed:?}"
        );
    }
    let v: serde_json::Value =
        serde_json::from_str(&report(&root().join("tests/diff/every-field"), "json")).unwrap();
    let fields = v["changed"][0]["fields"].as_object().unwrap();
    assert_eq!(fields["tags"]["to"], serde_json::json!(["cost", "speed"]));
    assert_eq!(fields["start"]["from"], "2027-01-01");
    assert_eq!(
        fields["confidential"],
        serde_json::json!({"from": false, "to": true})
    );
}

#[test]
fn a_public_diff_names_no_confidential_initiative() {
    let fixture = root().join("tests/diff/confidential-public");
    let mut secrets = Vec::new();
    for side in ["base", "head"] {
        let files = roadmap_viewer::data_dir::read(&fixture.join(side)).unwrap();
        let (r, _) = load(&files, Date(0));
        assert!(r.initiatives.iter().any(|i| i.confidential));
        secrets.extend(redact::confidential_strings(&r));
    }
    assert!(secrets.iter().any(|s| s == "nightjar"));
    for format in ["json", "markdown", "human"] {
        let out = report(&fixture, format);
        for s in &secrets {
            assert!(!out.contains(s.as_str()), "{format} names {s:?}:\n{out}");
        }
        assert!(
            !out.contains("skunkworks"),
            "{format} names the secret file:\n{out}"
        );
    }
    // Without --public the same pair names them: the internal review sees everything.
    let (_, out, _) = roadmap(
        root(),
        &[
            "diff",
            "tests/diff/confidential-public/base",
            "tests/diff/confidential-public/head",
        ],
    );
    assert!(out.contains("nightjar-two"), "{out}");
}

#[test]
fn the_base_can_come_from_a_git_revision() {
    let repo = temp_dir("diff-git");
    let fixture = root().join("tests/diff/moved-knock-on");
    git(&repo, &["init", "-q"]);
    copy(&fixture.join("base"), &repo.join("data"));
    // A link out of the folder in the base commit: refused, never followed.
    std::os::unix::fs::symlink("/etc/passwd", repo.join("data/leak.yaml")).unwrap();
    let header = repo.join("data/roadmap.yaml");
    let text = std::fs::read_to_string(&header).unwrap();
    std::fs::write(
        &header,
        text.replace("initiatives:", "include: [leak.yaml]\ninitiatives:"),
    )
    .unwrap();
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "base"]);
    std::fs::remove_file(repo.join("data/leak.yaml")).unwrap();
    std::fs::remove_dir_all(repo.join("data")).unwrap();
    copy(&fixture.join("head"), &repo.join("data"));

    let (code, out, err) = roadmap(
        &repo,
        &["diff", "--git", "HEAD", "data", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["consequences"]["moved_later"][0]["id"], "db-upgrade");
    assert!(!out.contains("root:"), "{out}");
    // The refused link was a diagnostic of the base, gone in the head.
    assert_eq!(
        v["diagnostics"]["fixed"][0]["code"], "not-a-regular-file",
        "{out}"
    );
    assert_eq!(v["diagnostics"]["fixed"][0]["file"], "data/leak.yaml");

    // From a sub-folder, and against a folder path with a trailing slash.
    let (code, _, err) = roadmap(
        &repo.join("data"),
        &["diff", "--git", "HEAD", ".", "--format", "markdown"],
    );
    assert_eq!(code, 0, "{err}");

    // A side that cannot be read at all: exit 1, whatever the format.
    std::fs::create_dir_all(repo.join("new")).unwrap();
    for args in [
        &["diff", "--git", "HEAD", "new"][..],
        &["diff", "--git", "no-such-ref", "data"],
        &["diff", "--git", "--output=x", "data"],
        &["diff", "--git", "HEAD", "missing"],
        &["diff", "data", "missing"],
        &["diff", "missing", "data", "--format", "json"],
    ] {
        let (code, out, err) = roadmap(&repo, args);
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(err.contains("error:"), "{args:?}: {err}");
    }
    // `roadmap baseline --git`: the same reading, written out for a viewer baseline
    // (the refused link is left out); the folder it writes diffs as that revision.
    let (code, _, err) = roadmap(&repo, &["baseline", "--git", "HEAD", "data", "base-out"]);
    assert_eq!(code, 0, "{err}");
    assert!(repo.join("base-out/roadmap.yaml").is_file());
    assert!(!repo.join("base-out/leak.yaml").exists());
    let (_, out, _) = roadmap(&repo, &["diff", "base-out", "data", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["consequences"]["moved_later"][0]["id"], "db-upgrade");
    assert_eq!(
        roadmap(&repo, &["baseline", "--git", "no-such-ref", "data", "x"]).0,
        1
    );
    assert_eq!(roadmap(&repo, &["baseline", "HEAD", "data", "x"]).0, 2);
    // Usage errors are 2, as for the other commands.
    assert_eq!(roadmap(&repo, &["diff", "data"]).0, 2);
    assert_eq!(
        roadmap(&repo, &["diff", "data", "data", "--format", "yaml"]).0,
        2
    );
}

/// The README's example report is real: the bundled data against a changed copy (in a
/// fresh repository, as CI runs it), generated again here.
#[test]
fn the_readme_shows_a_real_report() {
    let repo = temp_dir("diff-readme");
    git(&repo, &["init", "-q"]);
    copy(&root().join("data"), &repo.join("data"));
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "base"]);
    let edit = |file: &str, from: &str, to: &str| {
        let path = repo.join("data/initiatives").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    // gitaly-raft ends two months later; gitaly-wal's confidence is lowered.
    edit(
        "data-access.yaml",
        "    end: 2026-Q4\n    tags: [reliability, availability]",
        "    end: 2027-02\n    tags: [reliability, availability]",
    );
    edit(
        "data-access.yaml",
        "repository writes\n    team: gitaly\n    confidence: high",
        "repository writes\n    team: gitaly\n    confidence: medium",
    );
    // A new cross-stage dependency, and a new initiative.
    edit(
        "dedicated.yaml",
        "    tags: [security, compliance]\n    depends_on: [switchboard-self-service]",
        "    tags: [security, compliance]\n    depends_on: [switchboard-self-service, gitaly-wal]",
    );
    let path = repo.join("data/initiatives/tenant-scale.yaml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("  - id: orgs-audit-export\n    title: Organization audit log export\n    team: organizations\n    confidence: medium\n    start: 2027-Q3\n    end: 2027-Q4\n    tags: [scalability]\n    depends_on: [orgs-ga]\n");
    std::fs::write(&path, text).unwrap();
    let args = [
        "diff",
        "--git",
        "HEAD",
        "data",
        "--format",
        "markdown",
        "--site-url",
        "https://roadmap.example.com/",
    ];
    let (code, out, err) = roadmap(&repo, &args);
    assert_eq!(code, 0, "{err}");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```markdown\n{out}```")),
        "the README's example is not:\n{out}"
    );
}
