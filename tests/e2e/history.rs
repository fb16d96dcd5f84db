//! The roadmap's history in the viewer (#29), on sites built with `ROADMAP_HISTORY`
//! over git repositories made from the data-driven fixtures of `tests/history/`
//! (each folder committed in order, one day apart): the details show exactly the
//! events `roadmap history` reports, `drift=1` draws a trail for every initiative
//! whose end moved, `at=` shows each commit's roadmap, and a public build's history
//! names no confidential initiative.

use crate::harness::{build_site_with_history, Browser, Server};
use roadmap_viewer::core::{load, Date};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn git(repo: &Path, args: &[&str], day: usize) {
    let date = format!("2026-03-{day:02}T12:00:00Z");
    let out = Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .current_dir(repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// The fixture's folders, in order.
fn steps(fixture: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/history").join(fixture))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// A git repository holding the fixture's folders as `data/`, one commit a day from
/// 1 March 2026; returns its data folder.
fn repository(fixture: &str) -> PathBuf {
    let repo = std::env::temp_dir().join(format!(
        "roadmap-e2e-history-{fixture}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q"], 1);
    for (n, step) in steps(fixture).iter().enumerate() {
        let _ = std::fs::remove_dir_all(repo.join("data"));
        copy(step, &repo.join("data"));
        let subject = step.file_name().unwrap().to_str().unwrap();
        git(&repo, &["add", "-A"], n + 1);
        git(&repo, &["commit", "-q", "-m", subject], n + 1);
    }
    repo.join("data")
}

/// The site over the `moves` fixture's history, its server and its data folder.
fn moves() -> &'static (Server, PathBuf) {
    static SITE: OnceLock<(Server, PathBuf)> = OnceLock::new();
    SITE.get_or_init(|| {
        let data = repository("moves");
        let site = build_site_with_history("target/e2e-site-history", &data, &data);
        (Server::start(&site, "/", Default::default()), data)
    })
}

/// `roadmap history DATA --format json [args]`.
fn cli_history(data: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .arg("history")
        .arg(data)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[tokio::test]
async fn the_details_show_exactly_the_events_roadmap_history_reports() {
    let (server, data) = moves();
    let json = cli_history(data, &[]);
    let b = Browser::new().await;
    for (id, t) in json["initiatives"].as_object().unwrap() {
        b.open(&format!("{}?select={id}", server.base)).await;
        let section = b.wait_for("[data-history]").await;
        let events = t["events"].as_array().unwrap();
        assert_eq!(
            section.attr("data-history").await.unwrap().as_deref(),
            Some(events.len().to_string().as_str()),
            "{id}: one event per change"
        );
        // Newest first: the CLI's events reversed, each with its field, values and day.
        let fields = b
            .attr_all("[data-history-event]", "data-history-event")
            .await;
        let expected: Vec<String> = events
            .iter()
            .rev()
            .map(|e| e["field"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(fields, expected, "{id}");
        let lines = b.all("[data-history-event]").await;
        for (line, e) in lines.iter().zip(events.iter().rev()) {
            let text = line.text().await.unwrap();
            let day = Date::parse(
                e["date"].as_str().unwrap(),
                roadmap_viewer::core::text::date::Edge::First,
            )
            .unwrap();
            let commit = json["commits"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == e["commit"])
                .unwrap();
            assert!(
                text.contains(&roadmap_viewer::core::reports::history_report::day(day)),
                "{id}: {text}"
            );
            assert!(
                text.contains(commit["subject"].as_str().unwrap()),
                "{id}: {text}"
            );
            for v in [&e["from"], &e["to"]] {
                if let Some(v) = v.as_str() {
                    assert!(text.contains(v), "{id}: {v} in {text}");
                }
            }
        }
    }
    b.close().await;
}

#[tokio::test]
async fn drift_draws_a_trail_for_every_initiative_whose_end_moved() {
    let (server, data) = moves();
    let json = cli_history(data, &[]);
    let final_roadmap = load(&roadmap_viewer::data_dir::read(data).unwrap(), Date(0)).0;
    let mut moved: Vec<String> = json["initiatives"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(id, t)| {
            final_roadmap.find(id).is_some()
                && t["events"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["field"] == "end")
        })
        .map(|(id, _)| id.clone())
        .collect();
    moved.sort();
    assert!(!moved.is_empty(), "the fixture moves ends");
    let b = Browser::new().await;
    b.open(&format!("{}?drift=1", server.base)).await;
    b.wait_for("[data-drift-trail]").await;
    let mut trails = b.attr_all("[data-drift-trail]", "data-drift-trail").await;
    trails.sort();
    assert_eq!(trails, moved);
    // Each trail sits under its own bar, inside the chart, and the accuracy is there.
    for id in &moved {
        let geometry = b
            .eval(&format!(
                r#"const t = document.querySelector('[data-drift-trail="{id}"] line').getBoundingClientRect();
                   const bar = document.querySelector('[data-initiative="{id}"]').getBoundingClientRect();
                   return JSON.stringify([t.top >= bar.bottom - 1 && t.top <= bar.bottom + 8, t.width >= 0]);"#
            ))
            .await;
        assert_eq!(geometry, "[true,true]", "{id}");
    }
    let accuracy = b.wait_for("[data-accuracy]").await;
    assert!(accuracy.text().await.unwrap().contains("Planning accuracy"));
    // The toggle ends it, and the address follows.
    b.click("[data-control=\"drift\"]").await;
    b.wait_gone("[data-drift-trail]").await;
    assert!(!b.url().await.contains("drift=1"));
    b.close().await;
}

/// Each initiative's end in `dir`'s roadmap, by id.
fn ends_of(dir: &Path) -> BTreeMap<String, String> {
    let r = load(&roadmap_viewer::data_dir::read(dir).unwrap(), Date(0)).0;
    r.initiatives
        .iter()
        .map(|i| {
            (
                i.id.clone(),
                i.end.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

#[tokio::test]
async fn at_shows_each_commits_roadmap_with_a_banner_and_a_way_back() {
    let (server, _) = moves();
    let b = Browser::new().await;
    let mut sound: Option<BTreeMap<String, String>> = None;
    for (n, step) in steps("moves").iter().enumerate() {
        // A broken commit is not a roadmap: the day shows the last sound one.
        let (_, diags) = load(&roadmap_viewer::data_dir::read(step).unwrap(), Date(0));
        if !diags
            .iter()
            .any(|d| d.severity == roadmap_viewer::core::Severity::Error)
        {
            sound = Some(ends_of(step));
        }
        let expected = sound.clone().unwrap();
        let day = format!("2026-03-{:02}", n + 1);
        b.open(&format!("{}?view=table&at={day}", server.base))
            .await;
        let banner = b.wait_for("[data-at-state=\"then\"]").await;
        assert_eq!(
            banner.attr("data-at").await.unwrap().as_deref(),
            Some(day.as_str())
        );
        let rows = b.attr_all("[data-row]", "data-row").await;
        let mut shown = BTreeMap::new();
        for id in rows {
            // The table's end column (its sixth cell after the title).
            let end = b
                .text(&format!("[data-row=\"{id}\"] td:nth-of-type(6)"))
                .await;
            shown.insert(id, end);
        }
        assert_eq!(shown, expected, "at {day} ({})", step.display());
    }
    // Before the history: today's roadmap, said so.
    b.open(&format!("{}?at=2025-01-01", server.base)).await;
    b.wait_for("[data-at-state=\"before\"]").await;
    // The way back keeps the view and drops the day.
    b.open(&format!("{}?view=table&at=2026-03-02", server.base))
        .await;
    b.wait_for("[data-at-state=\"then\"]").await;
    b.click("[data-at-back]").await;
    b.wait_gone("[data-at]").await;
    let url = b.url().await;
    assert!(url.contains("view=table") && !url.contains("at="), "{url}");
    b.close().await;
}

#[tokio::test]
async fn a_public_sites_history_names_no_confidential_initiative() {
    let data = repository("confidential");
    let public =
        std::env::temp_dir().join(format!("roadmap-e2e-history-public-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&public);
    let out = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .arg("redact")
        .arg(&data)
        .arg(&public)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The history is the unredacted folder's: the build redacts each commit.
    let site = build_site_with_history("target/e2e-site-history-public", &public, &data);
    assert!(
        site.join("data/history.pack").is_file(),
        "the public site has a history"
    );
    let mut leaks = Vec::new();
    grep(&site, &["ightjar", "Secret Owner"], &mut leaks);
    assert!(leaks.is_empty(), "{leaks:?}");
    // And it shows the public initiative's moves.
    let server = Server::start(&site, "/", Default::default());
    let b = Browser::new().await;
    b.open(&format!("{}?select=launch", server.base)).await;
    let section = b.wait_for("[data-history]").await;
    assert_ne!(
        section.attr("data-history").await.unwrap().as_deref(),
        Some("0")
    );
    b.close().await;
}

/// Every file under `dir` holding one of `needles`.
fn grep(dir: &Path, needles: &[&str], found: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            grep(&p, needles, found);
        } else {
            let bytes = std::fs::read(&p).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            for n in needles {
                if text.contains(n) {
                    found.push(format!("{}: {n}", p.display()));
                }
            }
        }
    }
}

/// Screenshots of the drift (accuracy opened) and of the roadmap as it was, light and
/// dark, to look at (`cargo test --features e2e --test e2e history::screenshots --
/// --ignored`; `E2E_HISTORY_SITE` points at another site built with a history).
#[tokio::test]
#[ignore]
async fn screenshots() {
    let own;
    let server = match std::env::var("E2E_HISTORY_SITE") {
        Ok(dir) => {
            own = Server::start(Path::new(&dir), "/", Default::default());
            &own
        }
        Err(_) => &moves().0,
    };
    let at = std::env::var("E2E_HISTORY_AT").unwrap_or_else(|_| "2026-03-04".into());
    let dir = root().join("target/history-shots");
    std::fs::create_dir_all(&dir).unwrap();
    for dark in [false, true] {
        let b = Browser::themed(dark).await;
        for (w, h) in [(1440, 900), (1024, 768), (390, 844)] {
            crate::framing::resize(&b, w, h).await;
            b.open(&format!("{}?drift=1", server.base)).await;
            b.wait_for("[data-drift-trail]").await;
            b.click("[data-accuracy] summary").await;
            let theme = if dark { "dark" } else { "light" };
            let png = b.client.screenshot().await.unwrap();
            std::fs::write(dir.join(format!("drift-{w}x{h}-{theme}.png")), png).unwrap();
            b.open(&format!("{}?at={at}", server.base)).await;
            b.wait_for("[data-at-state=\"then\"]").await;
            let png = b.client.screenshot().await.unwrap();
            std::fs::write(dir.join(format!("at-{w}x{h}-{theme}.png")), png).unwrap();
        }
        b.close().await;
    }
}
