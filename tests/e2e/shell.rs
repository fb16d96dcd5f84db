//! The reader's viewer is only a viewer (#26): a published site starts from its pack
//! and its prerendered first screen, never fetching YAML or the YAML worker; a local
//! preview starts the worker, which reports exactly what `roadmap check` reports.

use crate::harness::{bundled, site, Browser, Overrides, Server};
use std::collections::BTreeSet;

/// Every URL the page fetched (resource timing), after the app is ready.
async fn fetched(b: &Browser) -> Vec<String> {
    let names = b
        .eval("return JSON.stringify(performance.getEntriesByType('resource').map(e => e.name))")
        .await;
    serde_json::from_str(&names).unwrap()
}

#[tokio::test]
async fn a_published_site_fetches_no_yaml_and_not_the_yaml_worker() {
    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    b.wait_for("[data-ready=\"true\"][data-loaded-from=\"pack\"]")
        .await;
    let urls = fetched(&b).await;
    assert!(
        urls.iter().any(|u| u.ends_with("data/roadmap.pack")),
        "the pack was fetched: {urls:?}"
    );
    let yaml: Vec<&String> = urls
        .iter()
        .filter(|u| u.ends_with(".yaml") || u.ends_with("files.txt") || u.contains("yaml-worker"))
        .collect();
    assert!(
        yaml.is_empty(),
        "a reader fetched the editor's toolchain: {yaml:?}"
    );
    let started = b
        .eval("return performance.getEntriesByName('yaml-worker-start').length")
        .await;
    assert_eq!(started, "0", "no YAML worker");
    // The build's first screen gave way to the app's: one screen, the app's, and the
    // page did not jump doing it (cumulative layout shift, two frames after ready).
    assert_eq!(b.all("#prerender").await.len(), 0);
    assert_eq!(b.all("main.app").await.len(), 1);
    let cls: f64 = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             let cls = 0;\
             new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) cls += e.value; }))\
               .observe({ type: 'layout-shift', buffered: true });\
             requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(cls), 50)));",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(cls <= 0.1, "the app took over with a layout shift of {cls}");
    eprintln!("cumulative layout shift from first paint to ready: {cls:.4}");
    b.close().await;
}

/// The bundled site with the viewer's wasm withheld: the page as the build wrote it.
fn without_wasm() -> Server {
    let wasm = std::fs::read_dir(site())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.starts_with("roadmap-viewer-") && n.ends_with("_bg.wasm"))
        .expect("the viewer's wasm");
    let mut overrides = Overrides::new();
    overrides.insert(wasm, None);
    Server::start(site(), "/", overrides)
}

#[tokio::test]
async fn the_first_screen_is_on_the_page_before_the_wasm_runs() {
    // What a reader sees while the wasm downloads (or forever, without JavaScript) is
    // the build's first screen, framed in the window.
    let server = without_wasm();
    let b = Browser::new().await;
    b.goto(&server.base).await;
    b.wait_for("#prerender main[data-prerendered]").await;
    let ids: BTreeSet<String> = b
        .attr_all("#prerender [data-initiative]", "data-initiative")
        .await
        .into_iter()
        .collect();
    let all: BTreeSet<String> = bundled().initiatives.into_iter().map(|i| i.id).collect();
    assert_eq!(ids, all, "every initiative is on the first screen");
    assert!(
        b.all("[data-ready]").await.is_empty(),
        "nothing claims to be the app"
    );
    // Geometry: the title and the chart's first lane are in the window, visible.
    let geometry = b
        .eval(
            "const r = s => document.querySelector(s).getBoundingClientRect();\
             const t = r('#prerender h1'), c = r('#prerender [data-chart]');\
             return JSON.stringify([t.top, t.bottom, c.top, c.left, c.width, innerHeight, innerWidth,\
               getComputedStyle(document.getElementById('prerender')).display])",
        )
        .await;
    let g: (f64, f64, f64, f64, f64, f64, f64, String) = serde_json::from_str(&geometry).unwrap();
    assert!(g.0 >= 0.0 && g.1 < g.5, "the title is in the window: {g:?}");
    assert!(
        g.2 < g.5 * 0.5 && g.3 >= 0.0,
        "the chart starts in the window's top half: {g:?}"
    );
    assert!(
        g.3 + g.4 <= g.6 + 1.0,
        "the chart fits the window's width: {g:?}"
    );
    assert_ne!(g.7, "none");
    b.close().await;
}

#[tokio::test]
async fn a_deep_link_waits_for_the_app_instead_of_showing_the_default_view() {
    // The first screen is the default view; `?view=table` is not it.
    let server = without_wasm();
    let b = Browser::new().await;
    b.goto(&format!("{}?view=table", server.base)).await;
    b.wait_for("#prerender").await;
    let display = b
        .eval("return getComputedStyle(document.getElementById('prerender')).display")
        .await;
    assert_eq!(
        display, "none",
        "the default view is not shown for a deep link"
    );
    b.close().await;
    // With the app, the deep link shows what it names.
    let b = Browser::new().await;
    b.open(&format!("{}?view=table", Server::site().base)).await;
    b.wait_for("[data-ready=\"true\"] [data-view=\"table\"]")
        .await;
    b.close().await;
}

#[tokio::test]
async fn a_dropped_file_is_loaded_by_the_worker_with_the_diagnostics_of_roadmap_check() {
    // The bundled data with one file broken twice, dropped as a preview.
    let root = std::env::temp_dir().join(format!("roadmap-shell-preview-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let data = root.join("data");
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir_all(&data).unwrap();
    let copied = std::process::Command::new("cp")
        .arg("-r")
        .args([source.join("roadmap.yaml"), source.join("initiatives")])
        .arg(&data)
        .status()
        .unwrap();
    assert!(copied.success());
    let broken = data.join("initiatives/tenant-scale.yaml");
    let text = std::fs::read_to_string(&broken).unwrap();
    let text = text
        .replacen("confidence: high", "confidence: sure", 1)
        .replacen("end: 20", "end: 19", 1);
    std::fs::write(&broken, text).unwrap();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["check", "data", "--format", "json"])
        .current_dir(&root)
        .output()
        .unwrap();
    let expected: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let expected: BTreeSet<(String, String, String)> = expected
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                format!(
                    "{}:{}:{}",
                    d["file"].as_str().unwrap(),
                    d["line"],
                    d["column"]
                ),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(expected.len() >= 2, "the file is broken: {expected:?}");

    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    b.preview_file(&broken).await;
    b.wait_for("[data-diagnostics] [data-diagnostic]").await;
    let shown = b
        .eval(
            "return JSON.stringify([...document.querySelectorAll('[data-diagnostics] [data-diagnostic]')]\
             .map(li => [li.dataset.diagnostic, li.querySelector('.where').textContent,\
                         li.querySelector('.message').textContent]))",
        )
        .await;
    let shown: Vec<(String, String, String)> = serde_json::from_str(&shown).unwrap();
    let shown: BTreeSet<(String, String, String)> = shown.into_iter().collect();
    assert_eq!(
        shown, expected,
        "the preview shows what `roadmap check` reports"
    );
    let started = b
        .eval("return performance.getEntriesByName('yaml-worker-start').length")
        .await;
    assert_eq!(started, "1", "the preview started the YAML worker once");
    b.close().await;
    let _ = std::fs::remove_dir_all(&root);
}
