//! The deploy templates parse as YAML, have the jobs their CI systems need, and run
//! the same commands as the README (tools from .ci/setup.sh, `roadmap check`, trunk).

use std::path::Path;

fn yaml(path: &str) -> (String, serde_yaml::Value) {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let value =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid YAML: {e}"));
    (text, value)
}

fn script(v: &serde_yaml::Value) -> String {
    v.as_sequence()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn gitlab_ci_checks_merge_requests_and_publishes_pages() {
    let (_, v) = yaml(".gitlab-ci.yml");
    let check = &v["roadmap-check"];
    assert_eq!(
        check["artifacts"]["reports"]["codequality"],
        "gl-code-quality-report.json"
    );
    assert_eq!(check["artifacts"]["when"], "always");
    let s = script(&check["script"]);
    assert!(
        s.contains("roadmap -- check data --format gitlab > gl-code-quality-report.json"),
        "{s}"
    );
    let pages = &v["pages"];
    assert_eq!(pages["artifacts"]["paths"][0], "public");
    let s = script(&pages["script"]);
    assert!(s.contains("source .ci/setup.sh && setup_build"), "{s}");
    assert!(
        s.contains("trunk build --release --public-url") && s.contains("--dist public"),
        "{s}"
    );
    assert_eq!(pages["stage"], "deploy");
    let public = script(&v["public-site"]["script"]);
    assert!(
        public.contains("roadmap -- redact data public-data")
            && public.contains("ROADMAP_DATA=public-data trunk build"),
        "{public}"
    );
}

#[test]
fn gitlab_ci_reviews_the_roadmap_in_merge_requests() {
    let (_, v) = yaml(".gitlab-ci.yml");
    let diff = &v["roadmap-diff"];
    assert_eq!(
        diff["rules"][0]["if"],
        "$CI_PIPELINE_SOURCE == \"merge_request_event\""
    );
    assert_eq!(diff["variables"]["GIT_DEPTH"], "0");
    let s = script(&diff["script"]);
    assert!(
        s.contains(
            "roadmap -- diff --git \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\" data --format markdown"
        ) && s.contains("> roadmap-diff.md"),
        "{s}"
    );
    assert_eq!(diff["artifacts"]["expose_as"], "Roadmap diff");
    assert_eq!(diff["artifacts"]["paths"][0], "roadmap-diff.md");
}

#[test]
fn gitlab_ci_builds_a_review_site_with_the_merge_requests_base_as_baseline() {
    let (_, v) = yaml(".gitlab-ci.yml");
    let job = &v["roadmap-review-site"];
    assert_eq!(
        job["rules"][0]["if"],
        "$CI_PIPELINE_SOURCE == \"merge_request_event\""
    );
    assert_eq!(job["variables"]["GIT_DEPTH"], "0");
    let s = script(&job["script"]);
    assert!(s.contains("source .ci/setup.sh && setup_build"), "{s}");
    assert!(
        s.contains(
            "roadmap -- baseline --git \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\" data review-base"
        ),
        "{s}"
    );
    assert!(
        s.contains("ROADMAP_BASELINE=review-base") && s.contains("--dist review-site"),
        "{s}"
    );
    assert_eq!(job["artifacts"]["expose_as"], "Roadmap review site");
    assert_eq!(job["artifacts"]["paths"][0], "review-site/");
}

#[test]
fn github_workflow_puts_the_roadmap_review_in_the_job_summary() {
    let (_, v) = yaml(".github/workflows/pages.yml");
    let diff = &v["jobs"]["diff"];
    assert_eq!(diff["if"], "github.event_name == 'pull_request'");
    let steps = diff["steps"].as_sequence().unwrap();
    assert_eq!(steps[0]["with"]["fetch-depth"], 0);
    let run = steps
        .iter()
        .find_map(|s| s["run"].as_str().filter(|r| r.contains("roadmap -- diff")))
        .expect("a step runs roadmap diff");
    assert!(
        run.contains("diff --git \"$BASE_SHA\" data --format markdown > roadmap-diff.md")
            && run.contains(">> \"$GITHUB_STEP_SUMMARY\""),
        "{run}"
    );
}

#[test]
fn github_workflow_checks_builds_and_deploys_pages() {
    let (text, v) = yaml(".github/workflows/pages.yml");
    let jobs = &v["jobs"];
    for job in ["check", "build", "deploy"] {
        assert!(jobs[job]["runs-on"].as_str().is_some(), "job {job}");
    }
    assert_eq!(jobs["deploy"]["needs"], "build");
    assert!(text.contains("roadmap -- check data --format github"));
    assert!(text.contains("source .ci/setup.sh && setup_build"));
    assert!(
        text.contains("actions/upload-pages-artifact") && text.contains("actions/deploy-pages")
    );
    assert!(text.contains("--public-url \"/${{ github.event.repository.name }}/\""));
    assert!(
        text.contains("roadmap -- redact data public-data")
            && text.contains("ROADMAP_DATA=public-data trunk build")
    );
}

#[test]
fn the_published_sites_carry_the_whole_history() {
    // GitLab: every site job clones everything and builds with ROADMAP_HISTORY=1.
    let (_, v) = yaml(".gitlab-ci.yml");
    for job in ["pages", "public-site"] {
        assert_eq!(v[job]["variables"]["GIT_DEPTH"], "0", "{job}");
        let s = script(&v[job]["script"]);
        assert!(
            s.contains("ROADMAP_HISTORY=1") && s.contains("trunk build"),
            "{job}: {s}"
        );
    }
    // The public one from the redacted data: the build then redacts the history too.
    assert!(script(&v["public-site"]["script"])
        .contains("ROADMAP_HISTORY=1 ROADMAP_DATA=public-data trunk build"));
    // GitHub: the build job's checkout is full, and its builds have ROADMAP_HISTORY=1.
    let (_, v) = yaml(".github/workflows/pages.yml");
    let steps = v["jobs"]["build"]["steps"].as_sequence().unwrap();
    let checkout = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/checkout"))
        })
        .expect("a checkout");
    assert_eq!(checkout["with"]["fetch-depth"], 0);
    let run = steps
        .iter()
        .find_map(|s| s["run"].as_str().filter(|r| r.contains("trunk build")))
        .expect("a build step");
    let export = run
        .find("export ROADMAP_HISTORY=1")
        .expect("the history is built");
    assert!(export < run.find("trunk build").unwrap(), "{run}");
}
