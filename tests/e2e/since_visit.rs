//! Since your last visit (#28), with one browser profile: a site built over data A is
//! opened, then the same origin serves a site built over data B (the bundled data,
//! with A as its build's baseline too). The notice's counts are `roadmap diff A B
//! --format json`'s, `compare=last-visit` marks exactly those initiatives, the Changes
//! panel opens as one line per stage and leaves the roadmap on the first screen, the
//! build's baseline is compared with instead on request, an offline reload still shows
//! the notice, and *Mark as seen* ends it. A fresh profile, or a shared
//! `compare=last-visit` link opened there, shows no one's visit. Under the strict CSP.

use crate::baseline::{marks, pairs, write};
use crate::framing::resize;
use crate::harness::{build_site_with_baseline, build_site_with_data, bundled_files};
use crate::harness::{Browser, Overrides, Server};
use crate::hosting::CSP;
use crate::panels::bars_on_first_screen;
use roadmap_viewer::core::load::FileText;
use roadmap_viewer::core::DataFiles;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Data B's build baseline: the same roadmap as the reader's last visit, named otherwise.
const LABEL: &str = "the planning day";

/// Initiatives B added (A did not have them).
const ADDED: [&str; 3] = ["gitaly-pitr", "devx-perf-lab", "build-omnibus-slim"];
/// A's dates that B moved: (id, field, A's value).
const MOVED: [(&str, &str, &str); 7] = [
    ("gitaly-cgroups-v2", "end", "2025-Q4"),
    ("db-loose-fks", "end", "2026-01"),
    ("devx-engineering-metrics", "end", "2026-09"),
    ("pe-infra-as-code-v2", "end", "2026-Q3"),
    ("geo-self-service-failover", "end", "2026-Q3"),
    ("framework-ruby-34", "end", "2026-Q1"),
    ("geo-verification-everything", "start", "2025-04"),
];
/// A's title of an initiative B renamed.
const RETITLED: (&str, &str) = ("db-decomposition-sec", "Split out the security database");
/// Initiatives only A had (B removed them).
const REMOVED: [&str; 2] = ["gitaly-legacy-sync", "gitaly-praefect-voting"];

/// Replaces the initiative `id`'s entry (`  - id: <id>` to the next entry) in whichever
/// file holds it.
fn edit(files: &mut DataFiles, id: &str, f: impl FnOnce(&str) -> String) {
    let head = format!("  - id: {id}\n");
    let (path, text) = files
        .files
        .iter()
        .find_map(|(p, t)| match t {
            FileText::Text(t) if t.contains(&head) => Some((p.clone(), t.to_string())),
            _ => None,
        })
        .unwrap_or_else(|| panic!("the bundled data still has {id}"));
    let from = text.find(&head).unwrap();
    let to = text[from + 1..]
        .find("\n  - id: ")
        .map_or(text.len(), |k| from + 2 + k);
    let entry = f(&text[from..to]);
    let text = format!("{}{entry}{}", &text[..from], &text[to..]);
    files.insert(&path, FileText::Text(text));
}

/// `entry` with its `field` set to `value` (the field is there).
fn set(entry: &str, field: &str, value: &str) -> String {
    let key = format!("\n    {field}: ");
    let at = entry
        .find(&key)
        .unwrap_or_else(|| panic!("{field} in {entry}"))
        + key.len();
    let end = at + entry[at..].find('\n').unwrap();
    format!("{}{value}{}", &entry[..at], &entry[end..])
}

/// Data A: the bundled data as a reader saw it on an earlier visit.
fn data_a() -> DataFiles {
    let mut files = bundled_files();
    for id in ADDED {
        edit(&mut files, id, |_| String::new());
    }
    for (id, field, value) in MOVED {
        edit(&mut files, id, |e| set(e, field, value));
    }
    edit(&mut files, RETITLED.0, |e| set(e, "title", RETITLED.1));
    let file = "initiatives/data-access.yaml";
    let mut text = files.text(file).unwrap().to_string();
    for id in REMOVED {
        text.push_str(&format!(
            "  - id: {id}\n    title: Retired {id}\n    team: gitaly\n    confidence: high\n    start: 2026-Q3\n    end: 2027-Q1\n"
        ));
    }
    files.insert(file, FileText::Text(text));
    files
}

/// Data A's folder (once per run).
fn dir_a() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("roadmap-visit-a-{}", std::process::id()));
        write(&data_a(), &dir);
        dir
    })
}

/// The sites over A and over B (once per run).
fn sites() -> &'static (PathBuf, PathBuf) {
    static SITES: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    SITES.get_or_init(|| {
        let a = build_site_with_data("target/e2e-site-visit-a", dir_a());
        let b = build_site_with_baseline("target/e2e-site-visit-b", dir_a(), LABEL);
        (a, b)
    })
}

/// `roadmap diff A B --format json`, as `(id, kind)` with moved = start or end changed,
/// and the counts by kind (moved, changed, added, removed).
fn cli_diff(a: &Path) -> (Vec<(String, String)>, [usize; 4]) {
    let b = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["diff", "--format", "json"])
        .arg(a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids = |k: &str| -> Vec<String> {
        json[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let mut kinds = Vec::new();
    let mut counts = [0; 4];
    for c in json["changed"].as_array().unwrap() {
        let fields = c["fields"].as_object().unwrap();
        let moved = fields.contains_key("start") || fields.contains_key("end");
        counts[usize::from(!moved)] += 1;
        let kind = if moved { "moved" } else { "changed" };
        kinds.push((c["id"].as_str().unwrap().to_string(), kind.to_string()));
    }
    counts[2] = ids("added").len();
    counts[3] = ids("removed").len();
    kinds.extend(ids("added").into_iter().map(|i| (i, "added".to_string())));
    kinds.sort();
    (kinds, counts)
}

/// The notice's counts by kind (moved, changed, added, removed), 0 for a kind not shown.
async fn notice_counts(b: &Browser) -> [usize; 4] {
    b.wait_for("[data-since-visit]").await;
    let mut out = [0; 4];
    for (k, kind) in ["moved", "changed", "added", "removed"].iter().enumerate() {
        let sel = format!("[data-since-visit] [data-since-visit-count=\"{kind}\"]");
        if let Some(n) = b.attr_all(&sel, "data-count").await.first() {
            out[k] = n.parse().unwrap();
        }
    }
    out
}

/// The size of the record the reader's device keeps for the site (-1: none).
async fn stored_bytes(b: &Browser) -> i64 {
    let v = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.open('reader-last-visit')
               .then(c => c.match(new URL('last-visit.record', document.baseURI).href))
               .then(r => r ? r.arrayBuffer() : null)
               .then(buf => done(buf ? buf.byteLength : -1), e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    v.as_i64().unwrap_or_else(|| panic!("{v}"))
}

async fn no_csp_violations(b: &Browser, server: &Server) {
    let counted = b
        .eval("return document.documentElement.dataset.cspViolations || '0'")
        .await;
    assert_eq!(counted, "0");
    assert!(server.posts().is_empty(), "{:?}", server.posts());
}

/// The address says `compare=<compare>` and the Changes panel names `label`.
async fn compared_with(b: &Browser, compare: &str, label: &str) {
    let url = b.url().await;
    assert!(url.contains(&format!("compare={compare}")), "{url}");
    let summary = b.text("[data-changes] > summary").await;
    assert!(summary.contains(&format!("since {label}")), "{summary}");
}

fn strict_server(root: &Path) -> Server {
    let server = Server::start(root, "/", Overrides::new());
    server.add_header(
        "Content-Security-Policy",
        &format!("{CSP}; report-uri /csp-report"),
    );
    server
}

#[tokio::test]
async fn a_reader_sees_what_changed_since_their_last_visit() {
    let (expected, counts) = cli_diff(dir_a());
    // The fixture is what it says: 7 moved, 1 changed, 3 added, 2 removed.
    assert_eq!(counts, [7, 1, 3, 2], "{expected:?}");
    let (site_a, site_b) = sites();
    let server = strict_server(site_a);
    let b = Browser::new().await;
    resize(&b, 1440, 900).await;

    // A first visit: remembered, no notice; the service worker takes the page.
    b.open(&server.base).await;
    b.wait_for("[data-last-visit=\"none\"]").await;
    assert!(b.all("[data-since-visit]").await.is_empty());
    b.wait_for("html[data-sw=\"ready\"]").await;
    let pack = |site: &Path| std::fs::read(site.join("data/roadmap.pack")).unwrap().len();
    assert_eq!(stored_bytes(&b).await, (5 + 9 + 1 + pack(site_a)) as i64);

    // The same origin now serves B: the notice counts what `roadmap diff` counts, and
    // the device keeps exactly the two packs it was served (a redacted build's are
    // redacted: nothing else is stored).
    server.set_root(site_b);
    b.client.refresh().await.unwrap();
    assert_eq!(notice_counts(&b).await, counts);
    let text = b.text("[data-since-visit]").await;
    assert!(
        text.starts_with("Since your visit on ")
            && text.contains("7 moved, 1 changed, 3 added, 2 removed")
            && text.contains("Mark as seen"),
        "{text}"
    );
    assert_eq!(
        stored_bytes(&b).await,
        (5 + 2 * 9 + pack(site_a) + pack(site_b)) as i64
    );

    // A count opens the comparison with the last visit: exactly those initiatives.
    b.click("[data-since-visit-count=\"added\"]").await;
    b.wait_for("[data-changes=\"13\"][data-summarised]").await;
    compared_with(&b, "last-visit", "your last visit").await;
    assert_eq!(
        marks(&b, "[data-initiative][data-change]", "data-initiative").await,
        expected
    );
    let mut removed = REMOVED.map(|id| (id, "removed")).to_vec();
    removed.sort();
    assert_eq!(
        marks(&b, "[data-removed]", "data-removed").await,
        pairs(&removed)
    );

    // Thirteen entries: one line per stage, and the roadmap on the first screen.
    for (w, h) in [(1440, 900), (1024, 768)] {
        resize(&b, w, h).await;
        let panel: Vec<f64> = serde_json::from_str(&b.eval(
            "const r = document.querySelector('[data-changes]').getBoundingClientRect(); return JSON.stringify([r.top, r.bottom])",
        ).await).unwrap();
        assert!(
            panel[1] - panel[0] < 0.2 * f64::from(h) && panel[1] < 0.5 * f64::from(h),
            "{w}×{h}: the Changes panel spans {panel:?}"
        );
        assert!(
            bars_on_first_screen(&b).await >= 5,
            "{w}×{h}: bars off the first screen"
        );
    }
    resize(&b, 1440, 900).await;
    let stages = b.all("[data-changes-stage]").await;
    assert_eq!(stages.len(), 5);
    for s in &stages {
        assert!(s.attr("open").await.unwrap().is_none(), "a stage opened");
    }
    let data_access = "[data-changes-stage=\"Data Access\"]";
    let line = b.text(&format!("{data_access} > summary")).await;
    assert!(
        line.contains("2 moved, 1 changed, 1 added, 2 removed"),
        "{line}"
    );
    b.click(&format!("{data_access} > summary")).await;
    b.wait_for(&format!("{data_access}[open]")).await;
    let entry = b
        .wait_for(&format!("{data_access} [data-change-id=\"gitaly-pitr\"]"))
        .await;
    assert!(entry.is_displayed().await.unwrap());
    // No bar drawn beside an entry: no element in one has a left border.
    let bordered = b
        .eval(
            "return String([...document.querySelectorAll('[data-change-id], [data-change-id] *')]\
             .filter(e => parseFloat(getComputedStyle(e).borderLeftWidth) > 0).length)",
        )
        .await;
    assert_eq!(bordered, "0");
    no_csp_violations(&b, &server).await;

    // B's own build (after its update prompt) still compares with the reader's visit,
    // and with its build baseline instead on request: one at a time.
    b.click("[data-update-reload]").await;
    b.wait_for("meta[name=\"roadmap-baseline\"]").await;
    b.wait_for("[data-last-visit=\"visit\"] [data-changes=\"13\"]")
        .await;
    let button = format!("[data-compare=\"{LABEL}\"]");
    b.wait_for(&format!("{button}[aria-pressed=\"false\"]"))
        .await;
    b.click(&button).await;
    b.wait_for(&format!("{button}[aria-pressed=\"true\"]"))
        .await;
    compared_with(&b, "baseline", LABEL).await;
    assert!(b
        .all("[data-since-visit-count][aria-current]")
        .await
        .is_empty());
    b.click("[data-since-visit-count=\"moved\"]").await;
    b.wait_for(&format!("{button}[aria-pressed=\"false\"]"))
        .await;
    compared_with(&b, "last-visit", "your last visit").await;

    // Offline, the reader's copy still gives the notice.
    b.wait_for("html[data-sw=\"ready\"]").await;
    server.set_offline(true);
    b.client.refresh().await.unwrap();
    assert_eq!(notice_counts(&b).await, counts);
    b.wait_for("[data-changes=\"13\"]").await;
    server.set_offline(false);

    // Mark as seen: no notice, now or after a reload.
    b.click("[data-since-visit-dismiss]").await;
    b.wait_gone("[data-since-visit]").await;
    b.wait_gone("[data-changes]").await;
    assert!(!b.url().await.contains("compare"), "{}", b.url().await);
    b.client.refresh().await.unwrap();
    b.wait_for("[data-ready][data-last-visit=\"none\"]").await;
    assert!(b.all("[data-since-visit]").await.is_empty());
    assert!(b.all("[data-notices]").await.is_empty());
    no_csp_violations(&b, &server).await;
    b.close().await;
}

#[tokio::test]
async fn a_fresh_profile_or_a_shared_link_shows_no_one_elses_visit() {
    let (_, site_b) = sites();
    let server = strict_server(site_b);
    let b = Browser::new().await;
    b.open(&server.base).await;
    b.wait_for("[data-last-visit=\"none\"]").await;
    assert!(b.all("[data-since-visit]").await.is_empty());
    // A shared `compare=last-visit` link: nothing to compare with here, said quietly.
    b.open(&format!("{}?compare=last-visit&changed=1", server.base))
        .await;
    let notice = b.text("[data-notices]").await;
    assert!(notice.contains("compare=last-visit"), "{notice}");
    assert!(b.all("[data-changes]").await.is_empty());
    assert!(b.all("[data-change]").await.is_empty());
    assert!(b.all("[data-since-visit]").await.is_empty());
    let url = b.url().await;
    assert!(
        !url.contains("compare") && !url.contains("changed"),
        "{url}"
    );
    no_csp_violations(&b, &server).await;
    b.close().await;
}

/// Not a check: the notice and the panel it opens as a reader sees them, light and
/// dark, at three window sizes, written to `target/since-visit-shots/` to be looked at
/// (`cargo test --features e2e --test e2e since_visit::screenshots -- --ignored`).
#[tokio::test]
#[ignore]
async fn screenshots() {
    let (site_a, site_b) = sites();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/since-visit-shots");
    std::fs::create_dir_all(&dir).unwrap();
    for dark in [false, true] {
        let server = Server::start(site_a, "/", Overrides::new());
        let b = Browser::themed(dark).await;
        b.open(&server.base).await;
        b.wait_for("[data-last-visit=\"none\"]").await;
        server.set_root(site_b);
        for (compare, (w, h)) in [
            (false, (1440, 900)),
            (false, (1024, 768)),
            (false, (390, 844)),
            (true, (1440, 900)),
            (true, (390, 844)),
        ] {
            resize(&b, w, h).await;
            let query = if compare { "?compare=last-visit" } else { "" };
            b.open(&format!("{}{query}", server.base)).await;
            b.wait_for("[data-since-visit]").await;
            if compare {
                b.wait_for("[data-changes]").await;
            }
            let png = b.client.screenshot().await.unwrap();
            let name = format!(
                "{}-{w}x{h}{}.png",
                if dark { "dark" } else { "light" },
                if compare { "-compare" } else { "" }
            );
            std::fs::write(dir.join(name), png).unwrap();
        }
        b.close().await;
    }
}
