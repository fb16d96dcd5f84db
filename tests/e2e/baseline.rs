//! Baselines (#19): a site built with `ROADMAP_BASELINE` compares the published data
//! with it on request (marks, outlines, removed ghosts, the *Changes* panel, "changed
//! only", added dependencies in the graph), and a local preview is compared with the
//! published data without one. One extra build: the bundled data as the head and a
//! changed copy as the baseline.

use crate::harness::{build_site_with_baseline, bundled_files, Browser, Overrides, Server};
use roadmap_viewer::core::load::FileText;
use roadmap_viewer::core::views::compare::Comparison;
use roadmap_viewer::core::{load, DataFiles, Date};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const LABEL: &str = "start of 2026-Q4";
const FILE: &str = "initiatives/data-access.yaml";

/// The bundled data as it was "at the start of the quarter": Raft replication was to
/// end two quarters earlier, the write-ahead log had medium confidence, point-in-time
/// recovery was not planned yet, and a legacy sync was (it is gone now).
fn baseline_files() -> DataFiles {
    let mut files = bundled_files();
    let text = files.text(FILE).unwrap().to_string();
    let once = |t: String, from: &str, to: &str| {
        assert!(t.contains(from), "the bundled data still has {from:?}");
        t.replacen(from, to, 1)
    };
    let t = once(
        text,
        "    start: 2025-Q4\n    end: 2026-Q4\n",
        "    start: 2025-Q4\n    end: 2026-Q2\n",
    );
    let t = once(
        t,
        "title: Write-ahead log for repository writes\n    team: gitaly\n    confidence: high",
        "title: Write-ahead log for repository writes\n    team: gitaly\n    confidence: medium",
    );
    let from = t.find("  - id: gitaly-pitr\n").expect("gitaly-pitr");
    let to = from
        + 4
        + t[from + 4..]
            .find("  - id: ")
            .expect("an initiative after it");
    let t = format!("{}{}", &t[..from], &t[to..]);
    let t = t + "  - id: gitaly-legacy-sync\n    title: Legacy repository sync\n    team: gitaly\n    confidence: high\n    start: 2026-Q3\n    end: 2027-Q1\n";
    files.insert(FILE, FileText::Text(t));
    files
}

/// Writes `files` into a fresh `dir` (a data folder to build a site over).
pub(crate) fn write(files: &DataFiles, dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    for (path, text) in &files.files {
        let FileText::Text(t) = text else {
            panic!("{path} is text")
        };
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, t.as_str()).unwrap();
    }
}

/// The site built with the baseline (once per run; `E2E_BASELINE_SITE` points at a
/// prebuilt one).
fn baseline_site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        if let Ok(dir) = std::env::var("E2E_BASELINE_SITE") {
            return PathBuf::from(dir);
        }
        let dir = std::env::temp_dir().join(format!("roadmap-baseline-{}", std::process::id()));
        write(&baseline_files(), &dir);
        build_site_with_baseline("target/e2e-site-baseline", &dir, LABEL)
    })
}

fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| Server::start(baseline_site(), "/", Overrides::new()))
}

/// `(id, data-change)` of every element matching `css`, sorted.
pub(crate) async fn marks(b: &Browser, css: &str, id_attr: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in b.all(css).await {
        let id = e.attr(id_attr).await.unwrap().unwrap_or_default();
        let kind = e.attr("data-change").await.unwrap().unwrap_or_default();
        out.push((id, kind));
    }
    out.sort();
    out
}

pub(crate) fn pairs(xs: &[(&str, &str)]) -> Vec<(String, String)> {
    xs.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[tokio::test]
async fn a_site_built_with_a_baseline_marks_exactly_what_changed() {
    // The core agrees with what the test expects of the page.
    let (base, base_diags) = load(&baseline_files(), Date(0));
    let (head, head_diags) = load(&bundled_files(), Date(0));
    let c = Comparison::new((&base, &base_diags), (&head, &head_diags), Date(0));
    assert_eq!(c.diff.added, ["gitaly-pitr"]);
    assert_eq!(c.diff.removed, ["gitaly-legacy-sync"]);
    assert_eq!(c.count(), 4);

    // The baseline is published beside the data, and precached for offline use.
    let sw = std::fs::read_to_string(baseline_site().join("sw.js")).unwrap();
    for f in [
        "baseline/files.txt",
        "baseline/initiatives/data-access.yaml",
    ] {
        assert!(sw.contains(&format!("\"{f}\"")), "{f} is not precached");
    }

    let b = Browser::new().await;
    b.open(&server().base).await;
    // Nothing is compared until asked; the button names the baseline.
    let button = b.wait_for(&format!("[data-compare=\"{LABEL}\"]")).await;
    assert_eq!(
        button.text().await.unwrap(),
        format!("Compare with {LABEL}")
    );
    assert!(b.all("[data-changes]").await.is_empty());
    assert!(b.all("[data-change]").await.is_empty());
    button.click().await.unwrap();
    b.wait_for("[data-changes=\"4\"]").await;
    assert!(
        b.url().await.contains("compare=baseline"),
        "{}",
        b.url().await
    );

    assert_eq!(
        marks(&b, "[data-initiative][data-change]", "data-initiative").await,
        pairs(&[
            ("gitaly-pitr", "added"),
            ("gitaly-raft", "moved"),
            ("gitaly-wal", "changed"),
        ])
    );
    assert_eq!(
        b.attr_all("[data-baseline]", "data-baseline").await,
        ["gitaly-raft"]
    );
    let shift = b.text("[data-baseline=\"gitaly-raft\"] text").await;
    assert_eq!(shift, "+26 w");
    let name = b
        .wait_for("[data-initiative=\"gitaly-raft\"]")
        .await
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap();
    assert!(name.ends_with(&format!(", moved since {LABEL}")), "{name}");
    assert_eq!(
        marks(&b, "[data-removed]", "data-removed").await,
        pairs(&[("gitaly-legacy-sync", "removed")])
    );
    // The panel lists the four by stage; an entry selects its initiative.
    assert_eq!(
        marks(&b, "[data-changes] [data-change-id]", "data-change-id").await,
        pairs(&[
            ("gitaly-legacy-sync", "removed"),
            ("gitaly-pitr", "added"),
            ("gitaly-raft", "moved"),
            ("gitaly-wal", "changed"),
        ])
    );
    b.click("[data-changes] [data-goto=\"gitaly-wal\"]").await;
    b.wait_for("[data-detail=\"gitaly-wal\"]").await;
    assert!(b.url().await.contains("select=gitaly-wal"));
    // Its details say how it changed.
    let note = b
        .text("[data-detail=\"gitaly-wal\"] [data-detail-change=\"changed\"]")
        .await;
    assert!(note.starts_with("changed since "), "{note}");

    // Changed only: the three kept or added initiatives, through the URL too.
    b.click("[data-changed-only]").await;
    b.wait_for("[data-visible-count=\"3\"]").await;
    assert!(b.url().await.contains("changed=1"), "{}", b.url().await);

    // The table's rows carry the same marks.
    b.click("[data-control=\"view:table\"]").await;
    b.wait_for("[data-row=\"gitaly-pitr\"][data-change=\"added\"]")
        .await;
    assert_eq!(
        marks(&b, "[data-row][data-change]", "data-row").await,
        pairs(&[
            ("gitaly-pitr", "added"),
            ("gitaly-raft", "moved"),
            ("gitaly-wal", "changed"),
        ])
    );

    // The graph (nothing selected, Data Access opened from the overview) marks the
    // dependencies the head added: point-in-time recovery's.
    b.open(&format!(
        "{}?view=graph&expand=data-access&compare=baseline",
        server().base
    ))
    .await;
    b.wait_for("[data-node=\"gitaly-pitr\"][data-change=\"added\"]")
        .await;
    let mut added = b
        .attr_all("[data-edge][data-change=\"added\"]", "data-edge")
        .await;
    added.sort();
    assert_eq!(
        added,
        [
            "gitaly-backups-incremental->gitaly-pitr",
            "gitaly-wal->gitaly-pitr"
        ]
    );
    b.close().await;
}

#[tokio::test]
async fn a_deep_link_compares_and_stopping_clears_the_marks() {
    let b = Browser::new().await;
    b.open(&format!("{}?compare=baseline&changed=1", server().base))
        .await;
    b.wait_for("[data-changes=\"4\"]").await;
    b.wait_for("[data-visible-count=\"3\"]").await;
    b.click(&format!("[data-compare=\"{LABEL}\"]")).await;
    b.wait_gone("[data-changes]").await;
    assert!(b.all("[data-change]").await.is_empty());
    let url = b.url().await;
    assert!(
        !url.contains("compare") && !url.contains("changed"),
        "{url}"
    );
    b.close().await;
}

#[tokio::test]
async fn a_local_preview_is_compared_with_the_published_data() {
    // The write-ahead log ends a quarter later in the dropped file.
    let files = bundled_files();
    let edited = files.text(FILE).unwrap().replacen(
        "    start: 2026-Q1\n    end: 2026-Q4\n",
        "    start: 2026-Q1\n    end: 2027-Q1\n",
        1,
    );
    let dir = std::env::temp_dir().join(format!("roadmap-baseline-preview-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("data-access.yaml");
    std::fs::write(&file, &edited).unwrap();

    let b = Browser::new().await;
    b.open(&server().base).await;
    b.preview_file(&file).await;
    // Compared without being asked, with the published data (not the build's baseline).
    b.wait_for("[data-changes=\"1\"]").await;
    assert_eq!(
        marks(&b, "[data-initiative][data-change]", "data-initiative").await,
        pairs(&[("gitaly-wal", "moved")])
    );
    assert_eq!(
        b.attr_all("[data-baseline]", "data-baseline").await,
        ["gitaly-wal"]
    );
    let summary = b.text("[data-changes] summary").await;
    assert!(summary.contains("since the published roadmap"), "{summary}");
    assert!(b.all("[data-compare]").await.is_empty());
    b.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn comparing_passes_axe_in_light_and_dark() {
    let mut failures = Vec::new();
    for dark in [false, true] {
        let b = Browser::themed(dark).await;
        for page in [
            "?compare=baseline",
            "?compare=baseline&view=graph&expand=data-access",
        ] {
            b.open(&format!("{}{page}", server().base)).await;
            b.wait_for("[data-changes]").await;
            for v in crate::table_export_a11y::axe(&b).await {
                failures.push(format!(
                    "{} {page}: {v}",
                    if dark { "dark" } else { "light" }
                ));
            }
        }
        b.close().await;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
