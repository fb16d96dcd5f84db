//! Table view, exports, keyboard-only use, and accessibility (axe-core) in Chromium.

use crate::harness::{bundled, Browser, Server};
use fantoccini::key::Key;
use roadmap_viewer::core::analysis::analyse;
use roadmap_viewer::core::views::filter;
use roadmap_viewer::core::views::table::{self, Sort, COLUMNS};
use roadmap_viewer::core::views::view_state::ViewState;
use roadmap_viewer::core::Roadmap;
use std::path::Path;

/// The core's rows for a query string, as the table would show them.
fn rows_for(r: &Roadmap, query: &str) -> Vec<table::Row> {
    let (view, _) = ViewState::from_query(query);
    let reference = r.as_of.unwrap();
    let vis = filter::visible(r, &view.filter, reference, view.context);
    table::rows(
        r,
        &vis.shown,
        &analyse(r, &view.question(), reference),
        reference,
        view.sort.as_ref(),
    )
}

async fn row_ids(b: &Browser) -> Vec<String> {
    b.attr_all("[data-row]", "data-row").await
}

#[tokio::test]
async fn the_table_shows_exactly_the_filtered_set_and_sorts_by_each_column() {
    let r = bundled();
    let b = Browser::new().await;
    b.open(&format!(
        "{}?view=table&confidence=high,medium",
        Server::site().base
    ))
    .await;
    b.wait_for("[data-view=\"table\"]").await;
    let unsorted: Vec<String> = rows_for(&r, "confidence=high,medium")
        .iter()
        .map(|x| r.initiatives[x.init].id.clone())
        .collect();
    assert_eq!(row_ids(&b).await, unsorted);
    for name in COLUMNS {
        b.click(&format!("[data-sort=\"{name}\"]")).await;
        b.wait_for(&format!(
            "th[aria-sort=\"ascending\"] [data-sort=\"{name}\"]"
        ))
        .await;
        let want: Vec<String> = rows_for(&r, &format!("confidence=high,medium&sort={name}"))
            .iter()
            .map(|x| r.initiatives[x.init].id.clone())
            .collect();
        assert_eq!(row_ids(&b).await, want, "sorted by {name}");
        assert!(b.url().await.contains(&format!("sort={name}")));
    }
    // A second click on the sorted column reverses it.
    b.click("[data-sort=\"start\"]").await;
    b.wait_for("th[aria-sort=\"ascending\"] [data-sort=\"start\"]")
        .await;
    b.click("[data-sort=\"start\"]").await;
    b.wait_for("th[aria-sort=\"descending\"] [data-sort=\"start\"]")
        .await;
    let want: Vec<String> = rows_for(&r, "confidence=high,medium&sort=-start")
        .iter()
        .map(|x| r.initiatives[x.init].id.clone())
        .collect();
    assert_eq!(row_ids(&b).await, want);
    assert_eq!(Sort::parse("-start").unwrap().to_param(), "-start");
    b.close().await;
}

#[tokio::test]
async fn the_csv_export_matches_the_table() {
    let r = bundled();
    let query = "view=table&stage=tenant-scale&sort=-start";
    let b = Browser::new().await;
    b.open(&format!("{}?{query}", Server::site().base)).await;
    b.wait_for("[data-row]").await;
    b.click("[data-export=\"csv\"]").await;
    let csv = b
        .eval("return window.__roadmapLastExport && window.__roadmapLastExport.text")
        .await;
    assert_eq!(csv, table::to_csv(&rows_for(&r, query)));
    // Same rows, same order as on screen.
    let titles: Vec<String> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').next().unwrap().trim_matches('"').to_string())
        .collect();
    let shown: Vec<String> = row_ids(&b)
        .await
        .iter()
        .map(|id| r.initiatives[r.find(id).unwrap()].title.clone())
        .collect();
    assert_eq!(titles, shown);
    b.close().await;
}

#[tokio::test]
async fn the_svg_export_parses_and_contains_every_visible_initiative() {
    let r = bundled();
    let b = Browser::new().await;
    for (query, hook) in [
        ("stage=data-access", "data-initiative"),
        ("view=graph&stage=tenant-scale", "data-node"),
    ] {
        let (view, _) = ViewState::from_query(query);
        let vis = filter::visible(&r, &view.filter, r.as_of.unwrap(), false);
        b.open(&format!("{}?{query}", Server::site().base)).await;
        b.wait_for(&format!("[{hook}]")).await;
        b.click("[data-export=\"svg\"]").await;
        let script = format!(
            "const t = window.__roadmapLastExport.text; const d = new DOMParser().parseFromString(t, 'image/svg+xml');\
             if (d.querySelector('parsererror')) return 'parse error';\
             return JSON.stringify([...d.querySelectorAll('[{hook}]:not([data-ghost])')].map(e => e.getAttribute('{hook}')).sort());"
        );
        let ids: Vec<String> =
            serde_json::from_str(&b.eval(&script).await).expect("the export parses as SVG");
        let mut want: Vec<String> = vis
            .shown
            .iter()
            .map(|&i| r.initiatives[i].id.clone())
            .collect();
        want.sort();
        assert_eq!(ids, want, "{query}");
    }
    b.close().await;
}

#[tokio::test]
async fn keyboard_only_filter_select_move_details_escape() {
    let r = bundled();
    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    // Filter with the keyboard.
    let option = b.wait_for("[data-filter=\"stage:data-access\"]").await;
    b.eval("document.querySelector('[data-filter=\"stage:data-access\"]').focus(); return 'ok'")
        .await;
    option.send_keys(&Key::Enter.to_string()).await.unwrap();
    b.wait_for("[data-filter=\"stage:data-access\"][aria-pressed=\"true\"]")
        .await;
    // Select a bar with Enter, move with the arrow key, close with Escape.
    let id = "gitaly-raft";
    let bar = b.wait_for(&format!("[data-initiative=\"{id}\"]")).await;
    b.eval(&format!(
        "document.querySelector('[data-initiative=\"{id}\"]').focus(); return 'ok'"
    ))
    .await;
    bar.send_keys(&Key::Enter.to_string()).await.unwrap();
    b.wait_for(&format!("[data-detail=\"{id}\"]")).await;
    let bar = b.wait_for(&format!("[data-initiative=\"{id}\"]")).await;
    bar.send_keys(&Key::Right.to_string()).await.unwrap();
    // The next bar of the lane in time order, among the bars drawn (a selection may
    // fold away the rest of the lane).
    let drawn: std::collections::BTreeSet<String> = b
        .attr_all(".tl-body [data-initiative]", "data-initiative")
        .await
        .into_iter()
        .collect();
    let me = r.find(id).unwrap();
    let lane = |i: usize| (r.initiatives[i].stage, r.initiatives[i].team);
    let mut same: Vec<usize> = (0..r.initiatives.len())
        .filter(|&i| lane(i) == lane(me) && drawn.contains(&r.initiatives[i].id))
        .filter(|&i| r.initiatives[i].start.is_some() || r.initiatives[i].end.is_some())
        .collect();
    same.sort_by_key(|&i| {
        let x = &r.initiatives[i];
        (x.start.or(x.end), x.end.or(x.start), i)
    });
    let next = same[same.iter().position(|&i| i == me).unwrap() + 1];
    let focused = b
        .eval("return document.activeElement.getAttribute('data-initiative')")
        .await;
    assert_eq!(focused, r.initiatives[next].id);
    let active = b.client.active_element().await.unwrap();
    active.send_keys(&Key::Escape.to_string()).await.unwrap();
    let started = std::time::Instant::now();
    while !b.all("[data-detail]").await.is_empty() {
        assert!(
            started.elapsed() < crate::harness::WAIT,
            "Escape did not close the details"
        );
    }
    assert!(!b.url().await.contains("select="));
    b.close().await;
}

/// Runs axe-core (from the local npm package) on the page; returns serious and critical violations.
pub(crate) async fn axe(b: &Browser) -> Vec<String> {
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/node_modules/axe-core/axe.min.js"),
    )
    .expect("axe-core is installed by the README's test command");
    b.client
        .execute(&format!("{src}\nreturn 'loaded';"), vec![])
        .await
        .unwrap();
    let out = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(out).unwrap()
}

#[tokio::test]
async fn axe_finds_no_serious_or_critical_violations() {
    let pages = [
        "",
        "?view=graph",
        "?view=table",
        "?stage=tenant-scale",
        "?select=cells-1-0",
    ];
    let mut failures = Vec::new();
    for dark in [false, true] {
        let b = Browser::themed(dark).await;
        for page in pages {
            b.open(&format!("{}{page}", Server::site().base)).await;
            b.wait_for("[data-ready=\"true\"]").await;
            for v in axe(&b).await {
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
