//! Browser timing harness: the release site in real headless Chromium over loopback,
//! timed side by side with the references it must beat, in one run.
//!
//! Run: `bash benches/browser.sh` (installs what it needs, then
//! `cargo bench --features e2e --bench browser`). Prints a Markdown table of medians.
//!
//! Measured:
//! - cold load to first render: a fresh browser profile (empty cache, no service
//!   worker) opens the page; the figure is the `roadmap-ready` performance mark, in ms
//!   since navigation start. Pages: an empty Yew app built the same way (the floor),
//!   the bundled roadmap, generated roadmaps of 1,000 and 10,000 initiatives, and
//!   mermaid 11 rendering the 1,000-initiative roadmap as a gantt chart;
//! - filter change to next paint: `performance.now()` before clicking a
//!   `data-filter` control, until `data-visible-count` changed and a frame was painted
//!   (a task posted from `requestAnimationFrame` runs after the paint);
//! - hover and selection to arrows drawn, and view switches timeline -> graph ->
//!   timeline, the same way;
//! - the longest task (PerformanceObserver `longtask`) while a roadmap loads, and
//!   afterwards while it scrolls, filters, selects and switches views;
//! - the graph at 1,000 initiatives: switching from the timeline until the stage
//!   overview (`data-cluster`) is painted, and expanding the largest stage until its
//!   initiatives (`data-node`) are painted. `BENCH_GRAPH_ONLY=1` builds only the
//!   1,000-initiative site and measures only these.

// The e2e tests' harness, shared: this bench needs only some of its helpers.
#[allow(
    dead_code,
    reason = "the e2e tests use the helpers this bench does not"
)]
#[path = "../tests/e2e/harness.rs"]
mod harness;

use harness::{Browser, Overrides, Server};
use roadmap_viewer::core::{generate, load, FileText, Roadmap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs per cold-load figure and per interaction.
const RUNS: usize = 5;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Writes a generated roadmap of `n` initiatives (seed 1) under target/bench-data/.
fn generated(n: usize) -> (PathBuf, Roadmap) {
    let dir = root().join(format!("target/bench-data/{n}"));
    let files = generate::generate(n, 1);
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in &files.files {
        if let FileText::Text(t) = text {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, t).unwrap();
        }
    }
    let (r, diags) = load(&files, generate::as_of());
    assert!(diags.is_empty(), "generated data is clean");
    (dir, r)
}

/// The empty Yew app (bench/empty-app), built with the viewer's settings.
fn empty_app() -> PathBuf {
    let dist = root().join("target/bench-empty-app");
    let status = Command::new("trunk")
        .args(["build", "--release", "--dist"])
        .arg(&dist)
        .current_dir(root().join("bench/empty-app"))
        .env("CARGO_TARGET_DIR", root().join("target"))
        .status()
        .expect("run trunk");
    assert!(status.success(), "the empty app builds");
    dist
}

/// A page where mermaid renders `r` as a gantt chart (one section per stage, every
/// dated initiative), marking `roadmap-ready` when the SVG is in the page.
fn mermaid_page(r: &Roadmap) -> PathBuf {
    let dir = root().join("target/bench-mermaid");
    std::fs::create_dir_all(&dir).unwrap();
    let js = root().join(".tools/node_modules/mermaid/dist/mermaid.min.js");
    std::fs::copy(&js, dir.join("mermaid.min.js"))
        .unwrap_or_else(|e| panic!("{} ({e}): run benches/browser.sh", js.display()));
    let mut def = String::from("gantt\n  title Roadmap\n  dateFormat YYYY-MM-DD\n");
    for (s, stage) in r.stages.iter().enumerate() {
        let _ = writeln!(def, "  section {}", stage.name);
        for (k, i) in r.initiatives.iter().enumerate() {
            if let (true, Some(a), Some(b)) = (i.stage == s, i.start, i.end) {
                let title = i.title.replace([':', '#', ';'], " ");
                let _ = writeln!(def, "  {title} :t{k}, {a}, {b}");
            }
        }
    }
    let html = format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>mermaid gantt</title>
<script src="mermaid.min.js"></script></head><body><div id="out"></div>
<script type="text/plain" id="def">{def}</script>
<script>
mermaid.initialize({{ startOnLoad: false, gantt: {{ useMaxWidth: false }} }});
mermaid.render("g", document.getElementById("def").textContent).then(({{ svg }}) => {{
  document.getElementById("out").innerHTML = svg;
  requestAnimationFrame(() => {{
    performance.mark("roadmap-ready");
    document.body.setAttribute("data-ready", "true");
  }});
}});
</script></body></html>"#
    );
    std::fs::write(dir.join("index.html"), html).unwrap();
    dir
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Cold load to first render, in ms: the `roadmap-ready` mark in a fresh browser.
async fn cold_load(url: &str) -> f64 {
    let b = Browser::new().await;
    b.open(url).await;
    let t = b
        .eval("return performance.getEntriesByName('roadmap-ready')[0].startTime")
        .await;
    if std::env::var("BENCH_STEPS").is_ok() {
        eprintln!(
            "    {}",
            b.eval(
                "return performance.getEntriesByType('mark').map(m => m.name + ' ' + m.startTime.toFixed(0)).join(', ') + ' | ' + \
                 performance.getEntriesByType('resource').map(r => r.name.split('/').pop() + ' ' + r.startTime.toFixed(0) + '-' + r.responseEnd.toFixed(0)).join(', ')"
            )
            .await
        );
    }
    b.close().await;
    t.parse().expect("a number")
}

/// Runs `action` (JavaScript) and returns the ms until `until` (a JavaScript
/// expression) holds and the next frame has been painted.
async fn timed(b: &Browser, action: &str, until: &str) -> f64 {
    let script = format!(
        r#"const done = arguments[arguments.length - 1];
const painted = (t0) => requestAnimationFrame(() => {{
  const ch = new MessageChannel();
  ch.port1.onmessage = () => done(performance.now() - t0);
  ch.port2.postMessage(0);
}});
const t0 = performance.now();
{action};
const ok = () => {{ try {{ return !!({until}); }} catch (e) {{ return false; }} }};
if (ok()) {{ painted(t0); }} else {{
  const mo = new MutationObserver(() => {{ if (ok()) {{ mo.disconnect(); painted(t0); }} }});
  mo.observe(document.body, {{ subtree: true, childList: true, attributes: true }});
}}"#
    );
    let v = b
        .client
        .execute_async(&script, vec![])
        .await
        .expect("the timed script finishes");
    v.as_f64().expect("a number")
}

const COUNT: &str = "document.querySelector('main[data-visible-count]').dataset.visibleCount";

/// Interaction figures on an open roadmap: filter on and off, hover, select and clear,
/// view switches. Each a list of `RUNS` samples (filter: `2 * RUNS`).
async fn interactions(b: &Browser, select_ids: &[String]) -> [Vec<f64>; 4] {
    let (mut filter, mut select, mut switch) = (Vec::new(), Vec::new(), Vec::new());
    let mut hover = Vec::new();
    for _ in 0..RUNS {
        for _ in 0..2 {
            let before = b.eval(&format!("return {COUNT}")).await;
            filter.push(
                timed(
                    b,
                    "document.querySelector('[data-filter=\"confidence:high\"]').click()",
                    &format!("{COUNT} !== '{before}'"),
                )
                .await,
            );
        }
    }
    // Selection: the first drawn bar among initiatives with dependencies.
    let ids = serde_json::to_string(select_ids).unwrap();
    let pick = format!(
        "const ids = {ids}; const el = ids.map(i => document.querySelector(`[data-initiative=\"${{i}}\"]`)).find(e => e);"
    );
    for _ in 0..RUNS {
        hover.push(
            timed(
                b,
                &format!("{pick} el.dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}}))"),
                "document.querySelector('path.arrow')",
            )
            .await,
        );
        b.eval(&format!(
            "{pick} el.dispatchEvent(new MouseEvent('mouseout', {{bubbles: true}})); return 1"
        ))
        .await;
        b.wait_gone("path.arrow").await;
    }
    for _ in 0..RUNS {
        select.push(
            timed(
                b,
                &format!("{pick} el.dispatchEvent(new MouseEvent('click', {{bubbles: true}}))"),
                "document.querySelector('path.arrow')",
            )
            .await,
        );
        b.eval("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'})); return 1")
            .await;
        b.wait_gone("path.arrow").await;
    }
    for _ in 0..RUNS {
        switch.push(
            timed(
                b,
                "document.querySelector('[data-control=\"view:graph\"]').click()",
                "document.querySelector('[data-view=\"graph\"]')",
            )
            .await,
        );
        switch.push(
            timed(
                b,
                "document.querySelector('[data-control=\"view:timeline\"]').click()",
                "document.querySelector('[data-view=\"timeline\"]')",
            )
            .await,
        );
    }
    [filter, hover, select, switch]
}

/// Initiatives with at least two dependencies (their bars have arrows to select).
fn with_deps(r: &Roadmap) -> Vec<String> {
    r.initiatives
        .iter()
        .filter(|i| i.depends_on.len() >= 2 && i.start.is_some())
        .map(|i| i.id.clone())
        .collect()
}

/// The graph at 1,000 initiatives: timeline -> stage overview, and expanding the
/// largest stage, each until painted (`RUNS` samples each); returns table rows.
async fn graph(server: &Server, r: &Roadmap) -> Vec<(String, f64, String)> {
    let b = Browser::new().await;
    b.client
        .set_window_size(1440, 900)
        .await
        .expect("window size");
    b.open(&server.base).await;
    let largest = (0..r.stages.len())
        .max_by_key(|&s| r.initiatives.iter().filter(|i| i.stage == s).count())
        .expect("stages");
    let size = r.initiatives.iter().filter(|i| i.stage == largest).count();
    let stage = &r.stages[largest].id;
    let (mut switch, mut expand) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        switch.push(
            timed(
                &b,
                "document.querySelector('[data-control=\"view:graph\"]').click()",
                "document.querySelector('[data-cluster]')",
            )
            .await,
        );
        expand.push(
            timed(
                &b,
                &format!("document.querySelector('[data-cluster=\"{stage}\"]').dispatchEvent(new MouseEvent('click', {{bubbles: true}}))"),
                "document.querySelector('[data-node]')",
            )
            .await,
        );
        b.click(&format!("[data-collapse=\"{stage}\"]")).await;
        b.wait_gone("[data-node]").await;
        b.click("[data-control=\"view:timeline\"]").await;
        b.wait_for("[data-view=\"timeline\"]").await;
    }
    b.close().await;
    eprintln!("  graph: switch {switch:.1?}\n  expand {stage} ({size}) {expand:.1?}");
    vec![
        (
            "timeline to graph (stage overview painted): 1,000".into(),
            median(switch),
            "target ≤ 100 ms".into(),
        ),
        (
            format!("graph: expanding the largest stage ({size} initiatives): 1,000"),
            median(expand),
            "target ≤ 100 ms".into(),
        ),
    ]
}

fn print_rows(rows: Vec<(String, f64, String)>) {
    println!("| measure | median, ms | vs target |");
    println!("|---|---|---|");
    for (name, ms, note) in rows {
        println!("| {name} | {ms:.1} | {note} |");
    }
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // cargo bench --list
    }
    let (dir_1k, r_1k) = generated(1_000);
    if std::env::var("BENCH_GRAPH_ONLY").is_ok() {
        let site_1k = harness::build_site_with_data("target/bench-site-1k", &dir_1k);
        let s_1k = Server::start(&site_1k, "/", Overrides::new());
        eprintln!("graph: 1,000");
        print_rows(graph(&s_1k, &r_1k).await);
        return;
    }
    let (dir_10k, r_10k) = generated(10_000);
    eprintln!("building the sites (release)...");
    let bundled_site = harness::site();
    let site_1k = harness::build_site_with_data("target/bench-site-1k", &dir_1k);
    let site_10k = harness::build_site_with_data("target/bench-site-10k", &dir_10k);
    let empty = empty_app();
    let mermaid = mermaid_page(&r_1k);
    let serve = |root: &Path| Server::start(root, "/", Overrides::new());
    let (s_bundled, s_1k, s_10k, s_empty, s_mermaid) = (
        serve(bundled_site),
        serve(&site_1k),
        serve(&site_10k),
        serve(&empty),
        serve(&mermaid),
    );

    let mut rows: Vec<(String, f64, String)> = Vec::new();
    let mut loads = std::collections::BTreeMap::new();
    // BENCH_INTERACTIONS_ONLY=1: skip the cold loads (when working on interactions).
    let pages = if std::env::var("BENCH_INTERACTIONS_ONLY").is_ok() {
        vec![]
    } else {
        vec![
            ("empty Yew app", &s_empty),
            ("bundled roadmap (86)", &s_bundled),
            ("1,000 initiatives", &s_1k),
            ("10,000 initiatives", &s_10k),
            ("mermaid gantt, 1,000", &s_mermaid),
        ]
    };
    for (name, server) in pages {
        eprintln!("cold loads: {name}");
        let mut v = Vec::new();
        for _ in 0..RUNS {
            v.push(cold_load(&server.base).await);
        }
        eprintln!("  {v:.0?}");
        let m = median(v);
        loads.insert(name, m);
        rows.push((
            format!("cold load to first render: {name}"),
            m,
            String::new(),
        ));
    }
    if !loads.is_empty() {
        let ratio = |a: &str, b: &str| loads[a] / loads[b];
        rows[1].2 = format!(
            "{:.2}× the empty app (target ≤ 1.5×)",
            ratio("bundled roadmap (86)", "empty Yew app")
        );
        rows[2].2 = format!(
            "{:.2}× mermaid (target ≤ 0.25×)",
            ratio("1,000 initiatives", "mermaid gantt, 1,000")
        );
    }

    let mut filter_1k = 0.0;
    // BENCH_LOADS_ONLY=1: just the cold loads (when working on start-up).
    let sizes = if std::env::var("BENCH_LOADS_ONLY").is_ok() {
        vec![]
    } else {
        vec![("1,000", &s_1k, &r_1k), ("10,000", &s_10k, &r_10k)]
    };
    for (label, server, r) in sizes {
        eprintln!("interactions: {label}");
        let b = Browser::new().await;
        b.open(&server.base).await;
        let load_longest: f64 = b
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
new PerformanceObserver((l, o) => { o.disconnect(); done(Math.max(0, ...l.getEntries().map(e => e.duration))); })
  .observe({type: 'longtask', buffered: true});
setTimeout(() => done(0), 1000);"#,
                vec![],
            )
            .await
            .expect("long tasks")
            .as_f64()
            .unwrap_or(0.0);
        b.eval(
            "window.__longest = 0; new PerformanceObserver(l => l.getEntries().forEach(e => \
             { window.__longest = Math.max(window.__longest, e.duration); })).observe({type: 'longtask'}); return 1",
        )
        .await;
        // Scroll the timeline through, a screen at a time, a frame each.
        let scroll = b
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
const el = document.querySelector('.tl-scroll');
let worst = 0, last = performance.now(), steps = 0;
const step = () => {
  const now = performance.now(); worst = Math.max(worst, now - last); last = now;
  if (steps++ >= 20) { done(worst); return; }
  el.scrollTop += el.clientHeight; requestAnimationFrame(step);
};
requestAnimationFrame(step);"#,
                vec![],
            )
            .await
            .expect("scrolls")
            .as_f64()
            .unwrap();
        let [filter, hover, select, switch] = interactions(&b, &with_deps(r)).await;
        let longest: f64 = b.eval("return window.__longest").await.parse().unwrap();
        b.close().await;
        eprintln!("  filter {filter:.1?}\n  hover {hover:.1?}\n  select {select:.1?}\n  switch {switch:.1?}\n  scroll {scroll:.1} longest {longest:.1}");
        let f = median(filter);
        let note = if label == "1,000" {
            filter_1k = f;
            "target ≤ 16.7 ms (one frame)".to_string()
        } else {
            format!(
                "target ≤ 100 ms and ≤ 6× the 1,000 figure: {:.1}×",
                f / filter_1k
            )
        };
        rows.push((format!("filter change to next paint: {label}"), f, note));
        rows.push((
            format!("hover to arrows drawn: {label}"),
            median(hover),
            String::new(),
        ));
        rows.push((
            format!("selection to arrows drawn: {label}"),
            median(select),
            String::new(),
        ));
        rows.push((
            format!("view switch timeline ↔ graph: {label}"),
            median(switch),
            String::new(),
        ));
        rows.push((
            format!("longest frame while scrolling: {label}"),
            scroll,
            String::new(),
        ));
        rows.push((
            format!("longest task while loading: {label}"),
            load_longest,
            String::new(),
        ));
        rows.push((
            format!("longest task after loading (scroll, filter, select, switch): {label}"),
            longest,
            if label == "10,000" {
                "target < 200 ms".into()
            } else {
                String::new()
            },
        ));
    }
    if std::env::var("BENCH_LOADS_ONLY").is_err() {
        eprintln!("graph: 1,000");
        rows.extend(graph(&s_1k, &r_1k).await);
    }
    print_rows(rows);
}
