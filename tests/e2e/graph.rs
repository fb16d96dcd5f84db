//! The dependency graph as an overview, in Chromium: a Fit that shows every node
//! readably (geometry and font size on screen, at two window sizes), grouping that
//! stays clean (crossings), and the stage-level overview of 1,000 initiatives
//! (expanding a stage, selecting into a collapsed one, the time to draw).

use crate::harness::{bundled, copy_site, site, Browser, Server, WAIT};
use roadmap_viewer::core::{load, tools::generate, FileText, Roadmap};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

/// A script returning "ok" when every node (`[data-node]`, `[data-cluster]`) lies
/// inside the `data-chart` rectangle and every title renders at 11 px or more on
/// screen, else what is wrong.
const READABLE_AND_INSIDE: &str = r#"
const chart = document.querySelector('[data-chart]');
if (!chart) return 'no chart';
const c = chart.getBoundingClientRect();
const nodes = [...document.querySelectorAll('[data-chart] [data-node], [data-chart] [data-cluster]')];
if (nodes.length === 0) return 'no nodes';
for (const n of nodes) {
  const r = n.querySelector('.g-box').getBoundingClientRect();
  if (r.left < c.left - 0.5 || r.top < c.top - 0.5 || r.right > c.right + 0.5 || r.bottom > c.bottom + 0.5)
    return 'outside: ' + (n.dataset.node || n.dataset.cluster) + ' ' + JSON.stringify([r.left, r.top, r.right, r.bottom]) + ' in ' + JSON.stringify([c.left, c.top, c.right, c.bottom]);
  const t = n.querySelector('.g-title');
  const px = parseFloat(getComputedStyle(t).fontSize) * t.getCTM().a;
  if (px < 11 - 1e-6) return 'title at ' + px.toFixed(2) + ' px: ' + (n.dataset.node || n.dataset.cluster);
}
return 'ok';
"#;

/// Polls `script` until it returns "ok" (the view settles over a frame or two).
async fn settles(b: &Browser, script: &str) -> String {
    let started = Instant::now();
    loop {
        let got = b.eval(script).await;
        if got == "ok" || started.elapsed() > WAIT {
            return got;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn the_graph_opens_and_fits_with_every_node_inside_and_readable() {
    for (w, h) in [(1440, 900), (1024, 768)] {
        let b = Browser::new().await;
        b.client.set_window_size(w, h).await.expect("window size");
        b.open(&format!("{}?view=graph", Server::site().base)).await;
        b.wait_for("[data-chart] svg[data-crossings]").await;
        assert_eq!(
            settles(&b, READABLE_AND_INSIDE).await,
            "ok",
            "{w}x{h} on opening"
        );
        // Zoom in, then Fit brings everything back.
        b.click("[aria-label=\"Zoom in\"]").await;
        b.click("[aria-label=\"Zoom in\"]").await;
        b.click("[data-control=\"fit\"]").await;
        assert_eq!(
            settles(&b, READABLE_AND_INSIDE).await,
            "ok",
            "{w}x{h} after Fit"
        );
        b.close().await;
    }
}

#[tokio::test]
async fn grouping_by_stage_at_most_doubles_the_crossings_and_names_the_bands() {
    let r = bundled();
    let all: Vec<&str> = r.stages.iter().map(|s| s.id.as_str()).collect();
    let b = Browser::new().await;
    let mut crossings = Vec::new();
    for group in ["", "&group=stage"] {
        b.open(&format!(
            "{}?view=graph&expand={}{group}",
            Server::site().base,
            all.join(",")
        ))
        .await;
        b.wait_for("[data-chart] svg[data-crossings]").await;
        assert_eq!(b.all("[data-node]").await.len(), r.initiatives.len());
        let c = b.attr_all("[data-crossings]", "data-crossings").await;
        crossings.push(c[0].parse::<u64>().unwrap());
    }
    assert!(
        crossings[1] <= 2 * crossings[0],
        "grouped {} vs {}",
        crossings[1],
        crossings[0]
    );
    let labels: BTreeSet<String> = serde_json::from_str(
        &b.eval("return JSON.stringify([...document.querySelectorAll('[data-band] .g-band-label')].map(e => e.textContent));")
            .await,
    )
    .unwrap();
    assert_eq!(labels, r.stages.iter().map(|s| s.name.clone()).collect());
    b.close().await;
}

/// The bundled site with a generated roadmap of 1,000 initiatives (seed 7) as data.
pub(crate) fn thousand_site() -> (PathBuf, Roadmap) {
    let files = generate::generate(1_000, 7);
    let dir = copy_site(site(), "graph-1k");
    let data = dir.join("data");
    let _ = std::fs::remove_dir_all(&data);
    let mut listed = Vec::new();
    for (path, text) in &files.files {
        if let FileText::Text(t) = text {
            let p = data.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, t).unwrap();
            listed.push(path.clone());
        }
    }
    listed.sort();
    std::fs::write(data.join("files.txt"), listed.join("\n") + "\n").unwrap();
    let (r, _) = load(&files, generate::as_of());
    (dir, r)
}

/// Milliseconds from a click on `css` to the next paint (a frame, then a task).
async fn click_to_paint(b: &Browser, css: &str) -> f64 {
    let out = b
        .client
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1]; const t0 = performance.now();
                 document.querySelector('{css}').dispatchEvent(new MouseEvent('click', {{ bubbles: true }}));
                 requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));"
            ),
            vec![],
        )
        .await
        .expect("the click script runs");
    out.as_f64().expect("a time")
}

#[tokio::test]
async fn a_thousand_initiatives_open_on_the_stage_overview_and_expand_on_demand() {
    let (dir, r) = thousand_site();
    let server = Server::start(&dir, "/", Default::default());
    let b = Browser::new().await;
    b.open(&server.base).await;
    b.wait_for("[data-view=\"timeline\"]").await;
    let to_graph = click_to_paint(&b, "[data-control=\"view:graph\"]").await;
    b.wait_for("[data-cluster]").await;
    assert!(b.all("[data-node]").await.is_empty(), "only stage nodes");
    let clusters = b.attr_all("[data-cluster]", "data-cluster").await;
    assert_eq!(clusters.len(), r.stages.len());
    assert_eq!(settles(&b, READABLE_AND_INSIDE).await, "ok");
    // Expanding a stage shows exactly its initiatives, and the URL says so.
    let stage = &r.stages[1];
    let want: BTreeSet<String> = r
        .initiatives
        .iter()
        .filter(|i| i.stage == 1)
        .map(|i| i.id.clone())
        .collect();
    let count = b
        .attr_all(&format!("[data-cluster=\"{}\"]", stage.id), "data-count")
        .await;
    assert_eq!(count, [want.len().to_string()]);
    let expand = click_to_paint(&b, &format!("[data-cluster=\"{}\"]", stage.id)).await;
    b.wait_for("[data-node]").await;
    let drawn: BTreeSet<String> = b
        .attr_all("[data-node]", "data-node")
        .await
        .into_iter()
        .collect();
    assert_eq!(drawn, want);
    assert!(b.url().await.contains(&format!("expand={}", stage.id)));
    assert_eq!(b.all("[data-cluster]").await.len(), r.stages.len() - 1);
    println!("1,000 initiatives: timeline to graph {to_graph:.0} ms, expanding {} ({} initiatives) {expand:.0} ms to the next paint", stage.id, want.len());
    // Selecting an initiative of a collapsed stage draws it with its direct relations.
    let (i, init) = r
        .initiatives
        .iter()
        .enumerate()
        .find(|(_, i)| i.stage == 2 && !i.depends_on.is_empty())
        .unwrap();
    b.open(&format!("{}?view=graph&select={}", server.base, init.id))
        .await;
    b.wait_for(&format!(
        "[data-node=\"{}\"][data-impact=\"selected\"]",
        init.id
    ))
    .await;
    let drawn: BTreeSet<String> = b
        .attr_all("[data-node]", "data-node")
        .await
        .into_iter()
        .collect();
    let mut want: BTreeSet<String> = init
        .depends_on
        .iter()
        .chain(&r.dependents(i).collect::<Vec<_>>())
        .map(|&j| r.initiatives[j].id.clone())
        .collect();
    want.insert(init.id.clone());
    assert_eq!(drawn, want);
    assert!(
        !b.all("[data-cluster]").await.is_empty(),
        "the other stages stay collapsed"
    );
    b.close().await;
}

/// A script returning "ok" when each of `ids` is drawn as a node whose box lies inside
/// the `data-chart` rectangle with its title at 11 px or more on screen, else what is
/// wrong.
fn framed_script(ids: &[String]) -> String {
    format!(
        r#"
const ids = {};
const chart = document.querySelector('[data-chart]');
if (!chart) return 'no chart';
const c = chart.getBoundingClientRect();
for (const id of ids) {{
  const n = document.querySelector(`[data-chart] [data-node="${{id}}"]`);
  if (!n) return 'not drawn: ' + id;
  const r = n.querySelector('.g-box').getBoundingClientRect();
  if (r.left < c.left - 0.5 || r.top < c.top - 0.5 || r.right > c.right + 0.5 || r.bottom > c.bottom + 0.5)
    return 'outside: ' + id + ' ' + JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round)) + ' in ' + JSON.stringify([c.left, c.top, c.right, c.bottom].map(Math.round));
  const t = n.querySelector('.g-title');
  const px = parseFloat(getComputedStyle(t).fontSize) * t.getCTM().a;
  if (px < 11 - 1e-6) return 'title at ' + px.toFixed(2) + ' px: ' + id;
}}
return 'ok';
"#,
        serde_json::to_string(ids).unwrap()
    )
}

/// Selecting a node (by the URL, and by a click) frames it with every direct relation
/// inside the visible drawing at a readable size, at two window sizes, for several
/// selections of the bundled data: the one whose relations span the most stages, one
/// with an undated relation, the one with the most relations.
#[tokio::test]
async fn a_selection_is_framed_with_all_its_direct_relations_readably() {
    let r = bundled();
    let picks = crate::framing::selections(&r);
    let b = Browser::new().await;
    for (w, h) in [(1440, 900), (1024, 768)] {
        crate::framing::resize(&b, w, h).await;
        for &i in &picks {
            let id = &r.initiatives[i].id;
            let mut ids = vec![id.clone()];
            ids.extend(
                crate::framing::direct_relations(&r, i)
                    .into_iter()
                    .map(|j| r.initiatives[j].id.clone()),
            );
            b.open(&format!("{}?view=graph&select={id}", Server::site().base))
                .await;
            b.wait_for(&format!("[data-node=\"{id}\"][data-impact=\"selected\"]"))
                .await;
            assert_eq!(
                settles(&b, &framed_script(&ids)).await,
                "ok",
                "{w}x{h}, {id} selected by the URL"
            );
        }
        // A click on a node (the graph opened without a selection, every stage
        // open in case it opens on the overview) frames it too.
        let i = picks[0];
        let id = &r.initiatives[i].id;
        let all: Vec<&str> = r.stages.iter().map(|s| s.id.as_str()).collect();
        b.open(&format!(
            "{}?view=graph&expand={}",
            Server::site().base,
            all.join(",")
        ))
        .await;
        b.wait_for(&format!("[data-node=\"{id}\"]")).await;
        b.eval(&format!(
            "document.querySelector('[data-node=\"{id}\"]').dispatchEvent(new MouseEvent('click', {{bubbles: true}})); return 1"
        ))
        .await;
        b.wait_for(&format!("[data-node=\"{id}\"][data-impact=\"selected\"]"))
            .await;
        let mut ids = vec![id.clone()];
        ids.extend(
            crate::framing::direct_relations(&r, i)
                .into_iter()
                .map(|j| r.initiatives[j].id.clone()),
        );
        assert_eq!(
            settles(&b, &framed_script(&ids)).await,
            "ok",
            "{w}x{h}, {id} selected by a click"
        );
        assert!(b.url().await.contains(&format!("select={id}")));
    }
    b.close().await;
}
