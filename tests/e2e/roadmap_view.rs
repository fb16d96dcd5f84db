//! The roadmap view in real Chromium: every initiative once, each filter parameter,
//! stage roadmaps with ghosts, selection arrows, deep links with back/forward, and
//! broken data alongside the rest. Expected sets come from the core, natively.

use crate::harness::{bundled, bundled_files, site, Browser, Overrides, Server};
use roadmap_viewer::core::load::FileText;
use roadmap_viewer::core::views::filter::{self, Filter, Param};
use roadmap_viewer::core::{load, Date, Roadmap};
use std::collections::BTreeSet;
use std::path::Path;

fn reference(r: &Roadmap) -> Date {
    r.as_of.expect("the bundled data sets as_of")
}

fn ids(r: &Roadmap, idx: &[usize]) -> BTreeSet<String> {
    idx.iter().map(|&i| r.initiatives[i].id.clone()).collect()
}

/// Ids drawn as real (not ghost) initiatives, each once.
async fn shown_ids(b: &Browser) -> Vec<String> {
    let mut v = b
        .attr_all("[data-initiative]:not([data-ghost])", "data-initiative")
        .await;
    v.sort();
    v
}

#[tokio::test]
async fn every_bundled_initiative_appears_once() {
    let r = bundled();
    let mut expected: Vec<String> = r.initiatives.iter().map(|i| i.id.clone()).collect();
    expected.sort();
    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    b.wait_for(&format!(
        "[data-ready][data-visible-count=\"{}\"]",
        expected.len()
    ))
    .await;
    assert_eq!(shown_ids(&b).await, expected);
    assert!(b.all("[data-ghost]").await.is_empty());
    b.close().await;
}

#[tokio::test]
async fn each_filter_parameter_shows_exactly_the_matching_set() {
    let r = bundled();
    let today = reference(&r);
    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    let total = r.initiatives.len();
    for p in Param::ALL {
        // The first option that narrows the roadmap without emptying it.
        let (_, opts) = filter::options(&r, &Filter::default(), today)
            .into_iter()
            .find(|(q, _)| *q == p)
            .unwrap();
        let opt = opts
            .iter()
            .find(|o| o.count > 0 && o.count < total)
            .unwrap_or_else(|| panic!("no useful {p:?} option"));
        let mut f = Filter::default();
        f.toggle(p, &opt.value);
        let want = filter::visible(&r, &f, today, false);
        if let Some(stage) = opt.group {
            // Teams are listed under their stage, folded until opened.
            b.click(&format!(
                "[data-team-group=\"{}\"] > summary",
                r.stages[stage].id
            ))
            .await;
        }
        b.click(&format!("[data-filter=\"{}:{}\"]", p.name(), opt.value))
            .await;
        b.wait_for(&format!("[data-visible-count=\"{}\"]", want.shown.len()))
            .await;
        assert_eq!(
            opt.count,
            want.shown.len(),
            "the option's count is what it leaves"
        );
        let shown: BTreeSet<String> = shown_ids(&b).await.into_iter().collect();
        assert_eq!(shown, ids(&r, &want.shown), "{}={}", p.name(), opt.value);
        assert!(b
            .url()
            .await
            .contains(&format!("{}={}", p.name(), opt.value)));
        b.click("[data-clear-all]").await;
        b.wait_for(&format!("[data-visible-count=\"{total}\"]"))
            .await;
    }
    // Unscheduled is a horizon value too (none in the bundled data: its option is
    // unavailable, the URL still works); and free text.
    b.open(&format!("{}?horizon=unscheduled", Server::site().base))
        .await;
    let mut f = Filter::default();
    f.toggle(Param::Horizon, "unscheduled");
    let want = filter::visible(&r, &f, today, false);
    b.wait_for(&format!("[data-visible-count=\"{}\"]", want.shown.len()))
        .await;
    assert_eq!(
        shown_ids(&b).await.into_iter().collect::<BTreeSet<_>>(),
        ids(&r, &want.shown)
    );
    b.click("[data-clear-all]").await;
    let f = Filter {
        q: "gitaly".into(),
        ..Filter::default()
    };
    let want = filter::visible(&r, &f, today, false);
    b.wait_for("[data-search]")
        .await
        .send_keys("gitaly")
        .await
        .unwrap();
    b.wait_for(&format!("[data-visible-count=\"{}\"]", want.shown.len()))
        .await;
    assert_eq!(
        shown_ids(&b).await.into_iter().collect::<BTreeSet<_>>(),
        ids(&r, &want.shown)
    );
    assert!(b.url().await.contains("q=gitaly"));
    b.close().await;
}

#[tokio::test]
async fn a_stage_roadmap_shows_labelled_ghosts() {
    let r = bundled();
    let today = reference(&r);
    let mut f = Filter::default();
    f.toggle(Param::Stage, "tenant-scale");
    let want = filter::visible(&r, &f, today, false);
    assert!(
        !want.ghosts.is_empty(),
        "tenant-scale has external blockers and dependents"
    );
    let b = Browser::new().await;
    b.open(&format!("{}?stage=tenant-scale", Server::site().base))
        .await;
    b.wait_for(&format!("[data-visible-count=\"{}\"]", want.shown.len()))
        .await;
    assert_eq!(
        shown_ids(&b).await.into_iter().collect::<BTreeSet<_>>(),
        ids(&r, &want.shown)
    );
    let mut got = BTreeSet::new();
    for e in b.all("[data-ghost]").await {
        let id = e.attr("data-initiative").await.unwrap().unwrap();
        let label = e.attr("data-ghost").await.unwrap().unwrap();
        got.insert((id, label));
    }
    let expected: BTreeSet<(String, String)> = want
        .ghosts
        .iter()
        .map(|&i| {
            let init = &r.initiatives[i];
            let stage = &r.stages[init.stage].name;
            let label = match r.team_name(init) {
                Some(t) => format!("{stage} / {t}"),
                None => stage.clone(),
            };
            (init.id.clone(), label)
        })
        .collect();
    assert_eq!(got, expected);
    b.close().await;
}

#[tokio::test]
async fn selecting_draws_exactly_the_arrows_of_that_initiative() {
    let r = bundled();
    let id = "cells-1-0";
    let i = r.find(id).unwrap();
    // Arrows join the selection to every relation, undated ones (chips in the
    // Unscheduled lane) included.
    let mut expected: BTreeSet<String> = r.initiatives[i]
        .depends_on
        .iter()
        .map(|&d| format!("{}->{id}", r.initiatives[d].id))
        .collect();
    expected.extend(
        r.dependents(i)
            .map(|d| format!("{id}->{}", r.initiatives[d].id)),
    );
    let undated: Vec<usize> = r
        .dependents(i)
        .filter(|&d| r.initiatives[d].start.is_none() && r.initiatives[d].end.is_none())
        .collect();
    assert!(expected.len() >= 5);
    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    assert!(
        b.all("[data-edge]").await.is_empty(),
        "no arrows before a selection"
    );
    b.click(&format!("[data-initiative=\"{id}\"]")).await;
    b.wait_for(&format!("[data-detail=\"{id}\"]")).await;
    let edges: BTreeSet<String> = b
        .attr_all("[data-edge]", "data-edge")
        .await
        .into_iter()
        .collect();
    assert_eq!(edges, expected);
    assert!(b.url().await.contains(&format!("select={id}")));
    for d in undated {
        let goto = format!(
            "[data-detail=\"{id}\"] [data-goto=\"{}\"]",
            r.initiatives[d].id
        );
        b.wait_for(&goto).await;
    }
    b.close().await;
}

#[tokio::test]
async fn a_deep_link_reproduces_the_view_and_back_forward_restore_it() {
    let r = bundled();
    let today = reference(&r);
    let mut f = Filter::default();
    f.toggle(Param::Confidence, "high");
    let first = filter::visible(&r, &f, today, false);
    f.toggle(Param::Stage, "data-access");
    let second = filter::visible(&r, &f, today, false);
    assert_ne!(first.shown.len(), second.shown.len());

    let b = Browser::new().await;
    let url = format!(
        "{}?confidence=high&select=gitaly-raft&zoom=year",
        Server::site().base
    );
    b.open(&url).await;
    b.wait_for(&format!("[data-visible-count=\"{}\"]", first.shown.len()))
        .await;
    b.wait_for("[data-detail=\"gitaly-raft\"]").await;
    b.wait_for("[data-control=\"zoom:year\"][aria-pressed=\"true\"]")
        .await;
    b.wait_for("[data-filter=\"confidence:high\"][aria-pressed=\"true\"]")
        .await;

    b.click("[data-filter=\"stage:data-access\"]").await;
    b.wait_for(&format!("[data-visible-count=\"{}\"]", second.shown.len()))
        .await;
    assert!(b.url().await.contains("stage=data-access"));

    b.client.back().await.unwrap();
    b.wait_for(&format!("[data-visible-count=\"{}\"]", first.shown.len()))
        .await;
    assert!(!b.url().await.contains("stage="), "{}", b.url().await);
    b.wait_for("[data-detail=\"gitaly-raft\"]").await;

    b.client.forward().await.unwrap();
    b.wait_for(&format!("[data-visible-count=\"{}\"]", second.shown.len()))
        .await;
    b.close().await;
}

#[tokio::test]
async fn a_broken_data_file_shows_diagnostics_and_the_rest_of_the_roadmap() {
    let broken = "defaults: { stage: dedicated }\ninitiatives:\n  - id: broken\n    title: [oops\n";
    let mut local = bundled_files();
    local.insert("initiatives/dedicated.yaml", FileText::Text(broken.into()));
    let (r, diags) = load(&local, Date::from_ymd(2000, 1, 1).unwrap());
    assert!(diags.iter().any(|d| d.code == "yaml-syntax"));
    let mut expected: Vec<String> = r.initiatives.iter().map(|i| i.id.clone()).collect();
    expected.sort();

    let mut overrides = Overrides::new();
    overrides.insert(
        "data/initiatives/dedicated.yaml".into(),
        Some(broken.as_bytes().to_vec()),
    );
    let server = Server::start(site(), "/", overrides);
    let b = Browser::new().await;
    b.open(&server.base).await;
    // Readers get a one-line notice; the list opens on demand.
    b.click("[data-diagnostics] summary").await;
    let text = b.text("[data-diagnostic=\"yaml-syntax\"]").await;
    assert!(text.contains("data/initiatives/dedicated.yaml:"), "{text}");
    assert_eq!(shown_ids(&b).await, expected);
    b.close().await;
}

#[tokio::test]
async fn picked_local_files_preview_over_the_published_roadmap() {
    // An edited copy of one stage file: one initiative renamed, one added.
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/initiatives/tenant-scale.yaml"),
    )
    .unwrap();
    let edited = original.replacen("title: Topology service", "title: Topology service, previewed", 1)
        + "  - id: preview-only\n    title: Only in the preview\n    confidence: low\n    horizon: long\n    depends_on: [ghost-id]\n";
    let dir = std::env::temp_dir().join(format!("roadmap-preview-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tenant-scale.yaml");
    std::fs::write(&file, &edited).unwrap();

    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    assert!(b.all("[data-initiative=\"preview-only\"]").await.is_empty());
    b.preview_file(&file).await;
    b.wait_for("[data-initiative=\"preview-only\"]").await;
    let banner = b.text("[data-preview]").await;
    assert!(
        banner.contains("tenant-scale.yaml: replaces data/initiatives/tenant-scale.yaml"),
        "{banner}"
    );
    let diag = b.text("[data-diagnostic=\"unknown-dependency\"]").await;
    assert!(
        diag.contains("data/initiatives/tenant-scale.yaml:") && diag.contains("ghost-id"),
        "{diag}"
    );
    let title = b
        .wait_for("[data-initiative=\"cells-topology-service\"]")
        .await
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap();
    assert!(title.starts_with("Topology service, previewed"), "{title}");
    b.click("[data-exit-preview]").await;
    b.wait_for(&format!(
        "[data-visible-count=\"{}\"]",
        bundled().initiatives.len()
    ))
    .await;
    assert!(b.all("[data-initiative=\"preview-only\"]").await.is_empty());
    b.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
