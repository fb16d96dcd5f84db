//! Degrade, don't drop: a published site whose data has typos still shows every
//! initiative that has an id, each broken one marked where it is drawn and explained in
//! its details.

use crate::harness::{bundled_files, site, Browser, Overrides, Server};
use roadmap_viewer::core::load::FileText;
use roadmap_viewer::core::{load, Date};

/// The bundled tenant-scale file with a typo of each kind a merge request makes.
fn broken_tenant_scale() -> String {
    let files = bundled_files();
    let text = files.text("initiatives/tenant-scale.yaml").unwrap();
    let replace_once = |t: String, from: &str, to: &str| {
        assert!(t.contains(from), "the bundled data still has {from:?}");
        t.replacen(from, to, 1)
    };
    let t = replace_once(
        text.to_string(),
        "depends_on: [cells-topology-service]",
        "depends_on: [cells-topolgy-service]",
    );
    let t = replace_once(t, "confidence: medium", "confidence: meduim");
    let t = replace_once(t, "start: 2028-Q1", "start: 2028-Q5");
    let t = replace_once(t, "team: cells", "team: celsl");
    replace_once(t, "status: in-progress", "status: imlpemented")
}

#[tokio::test]
async fn a_typo_marks_an_initiative_and_hides_none() {
    let broken = broken_tenant_scale();
    let mut local = bundled_files();
    local.insert(
        "initiatives/tenant-scale.yaml",
        FileText::Text(broken.clone()),
    );
    let (r, diags) = load(&local, Date(0));
    let published = load(&bundled_files(), Date(0)).0;
    assert_eq!(
        r.initiatives.len(),
        published.initiatives.len(),
        "nothing is dropped"
    );
    assert!(diags.len() >= 5, "{diags:?}");
    let marked: Vec<(String, &str)> = r
        .initiatives
        .iter()
        .filter(|i| !i.problems.is_empty())
        .map(|i| (i.id.clone(), i.problems[0].code.as_str()))
        .collect();
    assert!(marked.len() >= 4, "{marked:?}");
    assert!(marked.iter().any(|(id, _)| id == "cells-http-router"));

    let mut overrides = Overrides::new();
    overrides.insert(
        "data/initiatives/tenant-scale.yaml".into(),
        Some(broken.into_bytes()),
    );
    let server = Server::start(site(), "/", overrides);
    let b = Browser::new().await;
    b.open(&server.base).await;
    b.wait_for(&format!("[data-visible-count=\"{}\"]", r.initiatives.len()))
        .await;
    // Every initiative is drawn once (bars and unscheduled chips) ...
    let mut shown = b
        .attr_all("[data-initiative]:not([data-ghost])", "data-initiative")
        .await;
    shown.sort();
    let mut expected: Vec<String> = r.initiatives.iter().map(|i| i.id.clone()).collect();
    expected.sort();
    assert_eq!(shown, expected);
    // ... and exactly the broken ones carry their first problem's code.
    let mut problems: Vec<String> = b
        .eval(
            "return JSON.stringify([...document.querySelectorAll('[data-initiative][data-problem]')]\
             .map(e => e.getAttribute('data-initiative') + ' ' + e.getAttribute('data-problem')))",
        )
        .await
        .trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_matches('"').to_string())
        .collect();
    problems.sort();
    let mut want: Vec<String> = marked
        .iter()
        .map(|(id, code)| format!("{id} {code}"))
        .collect();
    want.sort();
    assert_eq!(problems, want);

    // The same marks in the table and the graph.
    // The graph with every stage expanded (it opens on the stage overview here).
    let every: Vec<String> = crate::harness::bundled()
        .stages
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let graph = format!("graph&expand={}", every.join(","));
    for (view, hook) in [("table", "data-row"), (graph.as_str(), "data-node")] {
        b.open(&format!("{}?view={view}", server.base)).await;
        b.wait_for(&format!("[{hook}=\"cells-http-router\"][data-problem]"))
            .await;
        let n = b.all(&format!("[{hook}][data-problem]")).await.len();
        assert_eq!(n, marked.len(), "{view}");
    }

    // Its details say what is wrong, where.
    b.open(&format!("{}?select=cells-http-router", server.base))
        .await;
    b.wait_for("[data-detail=\"cells-http-router\"] [data-problem-item=\"unknown-dependency\"]")
        .await;
    let text = b
        .text("[data-detail=\"cells-http-router\"] [data-problems]")
        .await;
    assert!(
        text.contains("data/initiatives/tenant-scale.yaml:"),
        "{text}"
    );
    assert!(text.contains("cells-topolgy-service"), "{text}");
    b.close().await;
}

#[path = "../support/mutate.rs"]
mod mutate;

/// A sample of fuzzed data folders (the loader fuzzer's mutations, the same seeds):
/// the page is never blank and never stuck, and it shows exactly the initiatives the
/// core keeps.
#[tokio::test]
async fn fuzzed_data_never_leaves_a_blank_page() {
    let base = bundled_files();
    let b = Browser::new().await;
    for seed in [3u64, 11, 29, 47, 83, 131, 197, 241] {
        let (files, what) = mutate::mutate(&base, seed);
        let expected = load(&files, Date(0)).0.initiatives.len();
        let mut overrides = Overrides::new();
        for (path, text) in &files.files {
            if base.files.get(path) != Some(text) {
                let bytes = match text {
                    FileText::Text(t) => t.clone().into_bytes(),
                    _ => vec![0xFF, 0xFE, 0x00], // not UTF-8, as the mutation made it
                };
                overrides.insert(format!("data/{path}"), Some(bytes));
            }
        }
        let server = Server::start(site(), "/", overrides);
        b.open(&server.base).await;
        b.wait_for(&format!(
            "main.app[data-ready=\"true\"][data-visible-count=\"{expected}\"]"
        ))
        .await;
        let shown = b.all("[data-initiative]:not([data-ghost])").await.len();
        assert_eq!(shown, expected, "seed {seed} ({what})");
    }
    b.close().await;
}
