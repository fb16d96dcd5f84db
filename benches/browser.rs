//! Browser timing harness: the release site in real headless Chromium over loopback,
//! timed side by side with the references it must beat, in one run.
//!
//! Run: `bash benches/browser.sh` (installs what it needs, then
//! `cargo bench --features e2e --bench browser`). Prints a Markdown table of medians.
//!
//! Measured:
//! - cold load to first render: a fresh browser profile (empty cache, no service
//!   worker) opens the page; the figure is the `roadmap-ready` performance mark, in ms
//!   since navigation start; and to the first frame painted with it (the marks are
//!   set at different points of each page's work; the paint is a common end): for
//!   our pages the Element Timing render time of the title (`elementtiming=
//!   "roadmap-title"`), for the others a `roadmap-painted` mark set in a timeout
//!   queued from the animation frame after they drew. Pages: an empty Yew
//!   app built the same way (the floor), the bundled roadmap, generated roadmaps of
//!   1,000 and 10,000 initiatives, mermaid 11 rendering the 1,000-initiative roadmap as a gantt chart, and
//!   dhtmlx-gantt 10 (community edition; benchmark only) showing the 1,000 and
//!   10,000-initiative roadmaps, handed to it as ready JSON; with the median of each
//!   performance mark (the app's load phases) per page;
//! - filter change to next paint: `performance.now()` before clicking a
//!   `data-filter` control, until `data-visible-count` changed and a frame was painted
//!   (a task posted from `requestAnimationFrame` runs after the paint); the same on
//!   dhtmlx-gantt's pages, whose filter button is wired the same way;
//! - hover and selection to arrows drawn, and view switches timeline -> graph ->
//!   timeline, the same way;
//! - the longest task (PerformanceObserver `longtask`) while a roadmap loads, and
//!   afterwards while it scrolls, filters, selects and switches views;
//! - the graph at 1,000 initiatives: switching from the timeline until the stage
//!   overview (`data-cluster`) is painted, and expanding the largest stage until its
//!   initiatives (`data-node`) are painted. `BENCH_GRAPH_ONLY=1` builds only the
//!   1,000-initiative site and measures only these;
//! - the app shell: what the bundled site loads before its first interaction
//!   (index.html with the prerendered first screen, wasm, js, css), gzipped
//!   (`gzip -9`), and apart the on-demand YAML worker;
//! - memory once loaded (ours at 1,000 and 10,000, dhtmlx-gantt's too): after a
//!   garbage collection, the JavaScript heap in use (DevTools' `Runtime.getHeapUsage`
//!   through chromedriver) plus our wasm memory (`window.__roadmapWasmBytes`).
//!
//! `BENCH_DHTMLX_ONLY=1` measures only dhtmlx-gantt's cold loads and filter.

// The e2e tests' harness, shared: this bench needs only some of its helpers.
#[allow(
    dead_code,
    reason = "the e2e tests use the helpers this bench does not"
)]
#[path = "../tests/e2e/harness.rs"]
mod harness;

use harness::{Browser, Overrides, Server};
use roadmap_viewer::core::model::Confidence;
use roadmap_viewer::core::{load, tools::generate, FileText, Roadmap};
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
    setTimeout(() => performance.mark("roadmap-painted"));
  }});
}});
</script></body></html>"#
    );
    std::fs::write(dir.join("index.html"), html).unwrap();
    dir
}

/// A page where dhtmlx-gantt (community edition, from npm; benchmark only, never
/// shipped) shows `r`: fetched as ready JSON (`data.json`: a stage > team > initiative
/// tree of parent rows, every dependency a finish-to-start link, undated initiatives
/// unscheduled), smart rendering on (its default), a month scale, all rows open, read
/// only, its stylesheet without the web font it fetches from the internet. It
/// marks `roadmap-ready` and sets `data-ready` right after `gantt.parse` has drawn
/// (the point where our app marks it: after the DOM is built, before the paint). A
/// `[data-filter="confidence:high"]` button toggles a filter through
/// `onBeforeTaskDisplay` and `gantt.render()`, then updates `main[data-visible-count]`,
/// so the harness times it exactly as it times ours.
fn dhtmlx_page(r: &Roadmap, name: &str) -> PathBuf {
    let dir = root().join(format!("target/bench-dhtmlx-{name}"));
    std::fs::create_dir_all(&dir).unwrap();
    let codebase = root().join(".tools/node_modules/dhtmlx-gantt/codebase");
    let read = |f: &str| {
        std::fs::read_to_string(codebase.join(f))
            .unwrap_or_else(|e| panic!("{} ({e}): run benches/browser.sh", codebase.display()))
    };
    std::fs::write(dir.join("dhtmlxgantt.js"), read("dhtmlxgantt.js")).unwrap();
    // Its stylesheet loads the Inter font from fonts.gstatic.com: left out, so the page
    // is served from loopback alone like ours (text falls back to Helvetica or Arial).
    let mut css = read("dhtmlxgantt.css");
    while let Some(at) = css.find("@font-face{font-family:Inter;") {
        let end = at + css[at..].find('}').expect("a closed rule") + 1;
        css.replace_range(at..end, "");
    }
    std::fs::write(dir.join("dhtmlxgantt.css"), css).unwrap();
    let mut data = Vec::new();
    for (s, stage) in r.stages.iter().enumerate() {
        data.push(serde_json::json!({"id": format!("s{s}"), "text": stage.name, "type": "project", "open": true}));
    }
    for (t, team) in r.teams.iter().enumerate() {
        data.push(serde_json::json!({"id": format!("t{t}"), "text": team.name, "type": "project", "open": true, "parent": format!("s{}", team.stage)}));
    }
    let (mut all, mut high) = (0, 0);
    for (k, i) in r.initiatives.iter().enumerate() {
        let parent = match i.team {
            Some(t) => format!("t{t}"),
            None => format!("s{}", i.stage),
        };
        let mut task = serde_json::json!({"id": format!("i{k}"), "text": i.title, "parent": parent,
            "confidence": i.confidence.as_str()});
        match (i.start, i.end) {
            (Some(a), Some(b)) => {
                task["start_date"] = a.to_string().into();
                task["end_date"] = b.to_string().into();
            }
            _ => task["unscheduled"] = true.into(),
        }
        data.push(task);
        all += 1;
        high += usize::from(i.confidence == Confidence::High);
    }
    let links: Vec<_> = r
        .initiatives
        .iter()
        .enumerate()
        .flat_map(|(k, i)| {
            i.depends_on.iter().map(move |&d| {
                serde_json::json!({"id": format!("l{d}-{k}"), "source": format!("i{d}"), "target": format!("i{k}"), "type": "0"})
            })
        })
        .collect();
    let json = serde_json::json!({"data": data, "links": links});
    std::fs::write(dir.join("data.json"), json.to_string()).unwrap();
    let html = format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>dhtmlx-gantt</title>
<link rel="stylesheet" href="dhtmlxgantt.css"><script src="dhtmlxgantt.js"></script>
<style>html, body {{ margin: 0; height: 100%; }} main {{ display: flex; flex-direction: column; height: 100vh; }} #gantt {{ flex: 1; }}</style>
</head><body><main data-visible-count="{all}">
<div><button type="button" data-filter="confidence:high" aria-pressed="false">confidence: high</button></div>
<div id="gantt"></div></main>
<script>
const main = document.querySelector("main"), button = main.querySelector("button");
let highOnly = false;
gantt.config.date_format = "%Y-%m-%d";
gantt.config.readonly = true;
gantt.config.scales = [{{ unit: "year", step: 1, format: "%Y" }}, {{ unit: "month", step: 1, format: "%M" }}];
gantt.attachEvent("onBeforeTaskDisplay", (id, task) => task.type === "project" || !highOnly || task.confidence === "high");
button.addEventListener("click", () => {{
  highOnly = !highOnly;
  button.setAttribute("aria-pressed", String(highOnly));
  gantt.render();
  main.dataset.visibleCount = String(highOnly ? {high} : {all});
}});
gantt.init("gantt");
fetch("data.json").then(r => r.json()).then(d => {{
  gantt.parse(d);
  performance.mark("roadmap-ready");
  requestAnimationFrame(() => setTimeout(() => performance.mark("roadmap-painted")));
  main.setAttribute("data-ready", "true");
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

/// Cold load to first render, in ms: the `roadmap-ready` mark in a fresh browser; with
/// every performance mark of the load (name, ms since navigation start).
async fn cold_load(url: &str) -> (f64, Vec<(String, f64)>) {
    let b = Browser::new().await;
    // Watches for the title's paint from the document's start: the build's prerendered
    // title is removed when the app draws its own, and Chromium does not hand a
    // removed element's entry to an observer registered later.
    b.client
        .issue_cmd(cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": FIRST_TITLE_PAINT }),
        ))
        .await
        .expect("a script for new documents");
    b.open(url).await;
    let t = b
        .eval("return performance.getEntriesByName('roadmap-ready')[0].startTime")
        .await;
    // The first frame painted with the roadmap: our pages' title carries an Element
    // Timing attribute (`elementtiming="roadmap-title"`), whose render time is when
    // the frame holding it was painted; the other pages mark `roadmap-painted` in a
    // timeout queued from the animation frame after they drew synchronously.
    let painted = b
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
const t0 = performance.now();
let element = null;
// The first such frame: the build's prerendered title when the page has one, then
// the app's own.
new PerformanceObserver(l => l.getEntries().forEach(e => {
  const t = e.renderTime || e.loadTime;
  if (e.identifier === 'roadmap-title' && (element === null || t < element)) element = t;
})).observe({ type: 'element', buffered: true });
const wait = () => {
  const mark = performance.getEntriesByName('roadmap-painted')[0];
  let early = window.__firstTitlePaint;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  if (window.__prerendered && fcp && (early == null || fcp.startTime < early)) early = fcp.startTime;
  if (early != null && (element === null || early < element)) element = early;
  if (element !== null) done(element);
  else if (mark) done(mark.startTime);
  else if (performance.now() - t0 > 5000) done(null);
  else setTimeout(wait, 10);
};
wait();"#,
            vec![],
        )
        .await
        .expect("waits for the first paint")
        .as_f64();
    let marks = b
        .eval("return performance.getEntriesByType('mark').map(m => m.name + ' ' + m.startTime).join('\\n')")
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
    let mut marks: Vec<(String, f64)> = marks
        .lines()
        .filter(|l| !l.starts_with("roadmap-painted "))
        .filter_map(|l| {
            let (name, ms) = l.rsplit_once(' ')?;
            Some((name.to_string(), ms.parse().ok()?))
        })
        .collect();
    marks.extend(painted.map(|t| ("roadmap-painted".to_string(), t)));
    (t.parse().expect("a number"), marks)
}

/// Run at each document's start (`cold_load`): keeps the earliest paint of an element
/// whose Element Timing name is `roadmap-title`, and whether the page as the server
/// sent it held the build's prerendered first screen. On such a page the first
/// contentful paint is that screen (the loading line is hidden behind it), and it is
/// the figure: Chromium reports a removed element's Element Timing only if the main
/// thread got to it before the removal, which a busy start-up can prevent.
const FIRST_TITLE_PAINT: &str = "window.__firstTitlePaint = null;\
document.addEventListener('DOMContentLoaded', () => { window.__prerendered = !!document.getElementById('prerender'); });\
new PerformanceObserver(l => l.getEntries().forEach(e => {\
  const t = e.renderTime || e.loadTime;\
  if (e.identifier === 'roadmap-title' && (window.__firstTitlePaint === null || t < window.__firstTitlePaint)) window.__firstTitlePaint = t;\
})).observe({ type: 'element', buffered: true });";

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

/// Filter change to next paint on an open page (ours or dhtmlx-gantt's): clicking
/// `[data-filter="confidence:high"]` on and off `RUNS` times each, until
/// `main[data-visible-count]` changed and a frame was painted (`2 * RUNS` samples).
async fn filter(b: &Browser) -> Vec<f64> {
    let mut filter = Vec::new();
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
    filter
}

/// A file of a built site and its size gzipped.
type Part = (String, u64);

/// What a built site loads before its first interaction: (file kind, bytes gzipped
/// with `gzip -9`) for `index.html` (it holds the prerendered first screen), the
/// viewer's wasm, its JavaScript (the service worker excepted: it is not needed to
/// start) and CSS; and apart, the YAML worker's files, fetched only on demand (#26).
fn shell_size(site: &Path) -> (Vec<Part>, Vec<Part>) {
    let (mut shell, mut on_demand) = (Vec::new(), Vec::new());
    for e in std::fs::read_dir(site).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let kind = match path.extension().and_then(|x| x.to_str()) {
            Some("wasm") => "wasm",
            Some("js") if name != "sw.js" => "js",
            Some("css") => "css",
            Some("html") => "html",
            _ => continue,
        };
        let out = Command::new("gzip")
            .args(["-9c"])
            .arg(&path)
            .output()
            .expect("run gzip");
        let part = (format!("{kind} {name}"), out.stdout.len() as u64);
        if name.starts_with("yaml-worker") {
            on_demand.push(part);
        } else {
            shell.push(part);
        }
    }
    shell.sort();
    on_demand.sort();
    (shell, on_demand)
}

/// Interaction figures on an open roadmap: filter on and off, hover, select and clear,
/// view switches. Each a list of `RUNS` samples (filter: `2 * RUNS`).
async fn interactions(b: &Browser, select_ids: &[String]) -> [Vec<f64>; 4] {
    let filter = filter(b).await;
    let (mut select, mut switch) = (Vec::new(), Vec::new());
    let mut hover = Vec::new();
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
async fn graph(server: &Server, r: &Roadmap) -> Vec<Row> {
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
        ms(
            "timeline to graph (stage overview painted): 1,000",
            median(switch),
            "target ≤ 100 ms",
        ),
        ms(
            format!("graph: expanding the largest stage ({size} initiatives): 1,000"),
            median(expand),
            "target ≤ 100 ms",
        ),
    ]
}

/// A table row: measure, value (ms unless it says otherwise), note.
type Row = (String, String, String);

fn ms(name: impl Into<String>, v: f64, note: impl Into<String>) -> Row {
    (name.into(), format!("{v:.1}"), note.into())
}

fn print_rows(rows: Vec<Row>) {
    println!("| measure | median, ms | vs target |");
    println!("|---|---|---|");
    for (name, v, note) in rows {
        println!("| {name} | {v} | {note} |");
    }
}

/// Each cold load's performance marks (name, ms since navigation), per page.
type Phases<'a> = Vec<(&'a str, Vec<Vec<(String, f64)>>)>;

/// Median of each performance mark per page, over its cold loads (a Markdown table).
fn print_phases(phases: &Phases) {
    let names = [
        "wasm-main",
        "data-fetched",
        "data-loaded",
        "roadmap-ready",
        "roadmap-painted",
    ];
    println!(
        "\n| cold load phases (median mark, ms since navigation) | {} |",
        names.join(" | ")
    );
    println!("|---|{}", "---|".repeat(names.len()));
    for (page, runs) in phases {
        let cells: Vec<String> = names
            .iter()
            .map(|n| {
                let v: Vec<f64> = runs
                    .iter()
                    .filter_map(|m| m.iter().find(|(k, _)| k == n).map(|&(_, t)| t))
                    .collect();
                if v.is_empty() {
                    "".into()
                } else {
                    format!("{:.0}", median(v))
                }
            })
            .collect();
        println!("| {page} | {} |", cells.join(" | "));
    }
}

/// Cold loads of each page (`RUNS` each): (page, median) rows and each run's marks.
async fn cold_loads<'a>(
    pages: &[(&'a str, &Server)],
    loads: &mut std::collections::BTreeMap<&'a str, f64>,
    phases: &mut Phases<'a>,
) {
    for &(name, server) in pages {
        eprintln!("cold loads: {name}");
        let (mut v, mut marks) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let (t, m) = cold_load(&server.base).await;
            v.push(t);
            marks.push(m);
        }
        eprintln!("  {v:.0?}");
        loads.insert(name, median(v));
        phases.push((name, marks));
    }
}

/// Filter change to next paint on dhtmlx-gantt's page (median of `2 * RUNS`), and
/// its memory once loaded.
async fn dhtmlx_filter(server: &Server) -> (f64, Memory) {
    let b = Browser::new().await;
    b.open(&server.base).await;
    let mem = memory(&b).await;
    let v = filter(&b).await;
    b.close().await;
    eprintln!("  dhtmlx filter {v:.1?}");
    (median(v), mem)
}

/// A Chrome DevTools Protocol command, sent through chromedriver's
/// `goog/cdp/execute` endpoint.
fn cdp(cmd: &'static str, params: serde_json::Value) -> harness::SessionPost {
    harness::SessionPost {
        path: "goog/cdp/execute",
        body: serde_json::json!({ "cmd": cmd, "params": params }),
    }
}

/// A page's memory, in MB (10^6 bytes) after a garbage collection: the JavaScript
/// heap in use, and our app's wasm memory (`window.__roadmapWasmBytes`, set by
/// `web/boot-runtime.js`; none on the other pages).
#[derive(Clone, Copy, Debug, Default)]
struct Memory {
    js_heap: f64,
    wasm: f64,
}

async fn memory(b: &Browser) -> Memory {
    b.client
        .issue_cmd(cdp("HeapProfiler.collectGarbage", serde_json::json!({})))
        .await
        .expect("a garbage collection");
    let usage = b
        .client
        .issue_cmd(cdp("Runtime.getHeapUsage", serde_json::json!({})))
        .await
        .expect("the heap usage");
    let wasm: f64 = b
        .eval("return window.__roadmapWasmBytes ? window.__roadmapWasmBytes() : 0")
        .await
        .parse()
        .unwrap_or(0.0);
    Memory {
        js_heap: usage["usedSize"].as_f64().unwrap_or(0.0) / 1e6,
        wasm: wasm / 1e6,
    }
}

/// A memory row: the total, with its parts in the note.
fn memory_row(name: String, m: Memory, target: &str) -> Row {
    (
        name,
        format!("{:.1} MB", m.js_heap + m.wasm),
        format!(
            "JS heap {:.1} MB + wasm memory {:.1} MB{target}",
            m.js_heap, m.wasm
        ),
    )
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
    let serve = |root: &Path| Server::start(root, "/", Overrides::new());
    let (s_dh1k, s_dh10k) = (
        serve(&dhtmlx_page(&r_1k, "1k")),
        serve(&dhtmlx_page(&r_10k, "10k")),
    );
    // BENCH_DHTMLX_ONLY=1: only dhtmlx-gantt's pages (when working on them).
    if std::env::var("BENCH_DHTMLX_ONLY").is_ok() {
        let (mut loads, mut phases) = (Default::default(), Vec::new());
        let pages = [
            ("dhtmlx-gantt, 1,000", &s_dh1k),
            ("dhtmlx-gantt, 10,000", &s_dh10k),
        ];
        cold_loads(&pages, &mut loads, &mut phases).await;
        let mut rows: Vec<Row> = loads
            .iter()
            .map(|(name, &m)| ms(format!("cold load to first render: {name}"), m, ""))
            .collect();
        for (label, server) in pages {
            eprintln!("filter: {label}");
            let (f, _) = dhtmlx_filter(server).await;
            rows.push(ms(format!("filter change to next paint: {label}"), f, ""));
        }
        print_rows(rows);
        return;
    }
    eprintln!("building the sites (release)...");
    let bundled_site = harness::site();
    let site_1k = harness::build_site_with_data("target/bench-site-1k", &dir_1k);
    let site_10k = harness::build_site_with_data("target/bench-site-10k", &dir_10k);
    let empty = empty_app();
    let mermaid = mermaid_page(&r_1k);
    let (s_bundled, s_1k, s_10k, s_empty, s_mermaid) = (
        serve(bundled_site),
        serve(&site_1k),
        serve(&site_10k),
        serve(&empty),
        serve(&mermaid),
    );

    let mut rows: Vec<Row> = Vec::new();
    let mut loads = std::collections::BTreeMap::new();
    let mut phases = Vec::new();
    // BENCH_INTERACTIONS_ONLY=1: skip the cold loads (when working on interactions).
    if std::env::var("BENCH_INTERACTIONS_ONLY").is_err() {
        let pages = [
            ("empty Yew app", &s_empty),
            ("bundled roadmap (86)", &s_bundled),
            ("1,000 initiatives", &s_1k),
            ("10,000 initiatives", &s_10k),
            ("mermaid gantt, 1,000", &s_mermaid),
            ("dhtmlx-gantt, 1,000", &s_dh1k),
            ("dhtmlx-gantt, 10,000", &s_dh10k),
        ];
        cold_loads(&pages, &mut loads, &mut phases).await;
        let ratio = |a: &str, b: &str| loads[a] / loads[b];
        let note = |name: &str| match name {
            "bundled roadmap (86)" => format!(
                "{:.2}× the empty app (target ≤ 1.5×)",
                ratio(name, "empty Yew app")
            ),
            "1,000 initiatives" => format!(
                "{:.2}× mermaid (target ≤ 0.25×)",
                ratio(name, "mermaid gantt, 1,000")
            ),
            _ => String::new(),
        };
        for (name, _) in pages {
            rows.push(ms(
                format!("cold load to first render: {name}"),
                loads[name],
                note(name),
            ));
        }
        for (ours, theirs, label) in [
            ("1,000 initiatives", "dhtmlx-gantt, 1,000", "1,000"),
            ("10,000 initiatives", "dhtmlx-gantt, 10,000", "10,000"),
        ] {
            let x = ratio(ours, theirs);
            rows.push((
                format!("ratio: our cold load / dhtmlx-gantt's: {label}"),
                format!("{x:.2}×"),
                format!("target ≤ 0.5×: {}", if x <= 0.5 { "met" } else { "missed" }),
            ));
        }
        // The same, to the first frame painted with the roadmap: each page sets its own
        // mark at a different point of its work (ours in an effect after the first
        // render, dhtmlx-gantt's when `parse` returns); the paint comes after both.
        let painted: std::collections::BTreeMap<&str, f64> = phases
            .iter()
            .filter_map(|(page, runs)| {
                let v: Vec<f64> = runs
                    .iter()
                    .filter_map(|m| m.iter().find(|(k, _)| k == "roadmap-painted"))
                    .map(|&(_, t)| t)
                    .collect();
                (!v.is_empty()).then(|| (*page, median(v)))
            })
            .collect();
        for (name, _) in pages {
            if let Some(&t) = painted.get(name) {
                rows.push(ms(format!("cold load to first paint: {name}"), t, ""));
            }
        }
        for (ours, theirs, label, target) in [
            (
                "bundled roadmap (86)",
                "empty Yew app",
                "bundled / empty Yew app",
                1.5,
            ),
            (
                "1,000 initiatives",
                "dhtmlx-gantt, 1,000",
                "ours / dhtmlx-gantt's, 1,000",
                0.5,
            ),
            (
                "10,000 initiatives",
                "dhtmlx-gantt, 10,000",
                "ours / dhtmlx-gantt's, 10,000",
                0.5,
            ),
        ] {
            if let (Some(a), Some(b)) = (painted.get(ours), painted.get(theirs)) {
                let x = a / b;
                rows.push((
                    format!("ratio to first paint: {label}"),
                    format!("{x:.2}×"),
                    format!(
                        "target ≤ {target}×: {}",
                        if x <= target { "met" } else { "missed" }
                    ),
                ));
            }
        }
    }

    let mut ours_filter = std::collections::BTreeMap::new();
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
        let mem = memory(&b).await;
        eprintln!("  memory {mem:?}");
        rows.push(memory_row(
            format!("memory after loading: {label}"),
            mem,
            if label == "10,000" {
                "; target ≤ 100 MB"
            } else {
                ""
            },
        ));
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
        ours_filter.insert(label, f);
        let (frame, arrows) = if label == "1,000" {
            ("target ≤ 16.7 ms (one frame)", "target ≤ 16.7 ms")
        } else {
            ("target ≤ 25 ms", "target ≤ 16.7 ms")
        };
        rows.push(ms(
            format!("filter change to next paint: {label}"),
            f,
            frame,
        ));
        rows.push(ms(
            format!("hover to arrows drawn: {label}"),
            median(hover),
            arrows,
        ));
        rows.push(ms(
            format!("selection to arrows drawn: {label}"),
            median(select),
            arrows,
        ));
        rows.push(ms(
            format!("view switch timeline ↔ graph: {label}"),
            median(switch),
            "",
        ));
        rows.push(ms(
            format!("longest frame while scrolling: {label}"),
            scroll,
            "",
        ));
        rows.push(ms(
            format!("longest task while loading: {label}"),
            load_longest,
            "",
        ));
        rows.push(ms(
            format!("longest task after loading (scroll, filter, select, switch): {label}"),
            longest,
            "target ≤ 50 ms (no long task)",
        ));
    }
    if std::env::var("BENCH_LOADS_ONLY").is_err() {
        for (label, server) in [("1,000", &s_dh1k), ("10,000", &s_dh10k)] {
            eprintln!("filter: dhtmlx-gantt, {label}");
            let (f, mem) = dhtmlx_filter(server).await;
            rows.push(memory_row(
                format!("memory after loading: dhtmlx-gantt, {label}"),
                mem,
                "",
            ));
            let note = match ours_filter.get(label) {
                Some(o) => format!("ours is {:.2}× this", o / f),
                None => String::new(),
            };
            rows.push(ms(
                format!("filter change to next paint: dhtmlx-gantt, {label}"),
                f,
                note,
            ));
        }
        eprintln!("graph: 1,000");
        rows.extend(graph(&s_1k, &r_1k).await);
    }
    let (shell, on_demand) = shell_size(bundled_site);
    let kb = |parts: &[Part]| {
        let total: u64 = parts.iter().map(|(_, b)| b).sum();
        let list: Vec<String> = parts
            .iter()
            .map(|(name, b)| format!("{name} {:.1}", *b as f64 / 1000.0))
            .collect();
        (format!("{:.1} KB", total as f64 / 1000.0), list.join(", "))
    };
    let (total, parts) = kb(&shell);
    rows.push((
        "app shell before the first interaction, gzipped (html + wasm + js + css), KB".into(),
        total,
        format!("target ≤ 250 KB; {parts}"),
    ));
    let (total, parts) = kb(&on_demand);
    rows.push((
        "on-demand YAML worker (preview, YAML fallback), gzipped, KB".into(),
        total,
        parts,
    ));
    print_rows(rows);
    print_phases(&phases);
}
