//! Print (#31): WebDriver's Print Page command (the same output as the browser's print
//! dialog) on the bundled site, the PDF read back with poppler's `pdftotext` and
//! `pdfinfo` (`.ci/setup.sh` installs them): every initiative the view shows has its
//! title whole in the PDF's text, pages are landscape, no page holds only the legend;
//! and an SVG export holds one element per shown initiative.

use crate::harness::{bundled, Browser, Server};
use fantoccini::wd::{PrintConfiguration, PrintOrientation};
use roadmap_viewer::core::views::filter;
use roadmap_viewer::core::views::view_state::{View, ViewState};
use roadmap_viewer::core::Roadmap;
use std::process::Command;

/// A printed PDF: each page's size in points and its text, whitespace collapsed.
struct Printed {
    sizes: Vec<(f64, f64)>,
    pages: Vec<String>,
}

/// `s` with every run of whitespace one space (a title wrapped in the key is whole
/// again), and a line broken after a hyphen ("cross-" / "database") joined.
fn collapse(s: &str) -> String {
    s.replace("-\n", "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run {tool} ({e}): install poppler-utils (.ci/setup.sh does)")
    });
    assert!(out.status.success(), "{tool} failed: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn print(b: &Browser, name: &str) -> Printed {
    let config = PrintConfiguration::builder()
        .orientation(PrintOrientation::Landscape)
        .build()
        .expect("a print configuration");
    let pdf = b.client.print(config).await.expect("WebDriver prints");
    let dir = std::env::temp_dir().join(format!("roadmap-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.pdf"));
    std::fs::write(&file, &pdf).unwrap();
    let path = file.to_str().unwrap();
    let info = poppler("pdfinfo", &["-f", "1", "-l", "100000", path]);
    let sizes: Vec<(f64, f64)> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let v: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (v[1], v[2])
        })
        .collect();
    let text = poppler("pdftotext", &["-raw", path, "-"]);
    let pages: Vec<String> = text
        .split('\u{c}')
        .map(collapse)
        .filter(|p| !p.is_empty())
        .collect();
    Printed { sizes, pages }
}

/// The titles a view shows (the timeline: its context too).
fn shown_titles(r: &Roadmap, query: &str) -> Vec<String> {
    let (view, _) = ViewState::from_query(query);
    let vis = filter::visible(r, &view.filter, r.as_of.unwrap(), view.context);
    let mut all = vis.shown.clone();
    if view.view != View::Table {
        all.extend(&vis.ghosts);
    }
    all.iter()
        .map(|&i| collapse(&r.initiatives[i].title))
        .collect()
}

/// Prints `query` and checks what the issue asks of every printed view; returns how
/// many pages it took.
async fn check_print(b: &Browser, r: &Roadmap, query: &str, name: &str) -> Printed {
    b.open(&format!("{}{query}", Server::site().base)).await;
    let printed = print(b, name).await;
    let titles = shown_titles(r, query.trim_start_matches('?'));
    assert!(!titles.is_empty(), "{query} shows initiatives");
    let all = printed.pages.join(" ");
    if query.contains("view=graph") {
        // The graph is one drawing fitted to the page: its nodes' titles are cut to
        // two lines, so only the pages and the head are checked.
        assert!(printed.sizes.iter().all(|(w, h)| w > h));
        return printed;
    }
    let missing: Vec<&String> = titles
        .iter()
        .filter(|t| !all.contains(t.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{query}: {} of {} titles are not whole in the PDF: {missing:?}",
        missing.len(),
        titles.len()
    );
    assert_eq!(
        printed.sizes.len(),
        printed.pages.len(),
        "{query}: a page without text"
    );
    for (k, (w, h)) in printed.sizes.iter().enumerate() {
        assert!(
            w > h,
            "{query}: page {} is not landscape ({w} × {h})",
            k + 1
        );
    }
    for (k, page) in printed.pages.iter().enumerate() {
        assert!(
            titles.iter().any(|t| page.contains(t.as_str())),
            "{query}: page {} holds no initiative: {page:.300}",
            k + 1
        );
    }
    // Afterwards the screen is as it was: no paper layout left.
    assert!(b.all(".print-view").await.is_empty(), "{query}");
    printed
}

#[tokio::test]
async fn printing_the_timeline_puts_every_initiative_on_landscape_pages() {
    let r = bundled();
    let b = Browser::new().await;
    let all = check_print(&b, &r, "", "all").await;
    assert!(all.pages.len() > 1, "86 initiatives take more than a page");
    let n = all.pages.len();
    for (k, page) in all.pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} of {n}", k + 1)),
            "{page:.200}"
        );
        assert!(
            page.contains("All initiatives"),
            "the filters, in words, on every page"
        );
        assert!(page.contains(&format!("as of {}", r.as_of.unwrap())));
    }
    // The legend once: its entries are on the first page only.
    assert!(all.pages[0].contains("continues off the chart"));
    assert!(all.pages[1..]
        .iter()
        .all(|p| !p.contains("continues off the chart")));
    let stage = check_print(&b, &r, "?stage=tenant-scale", "stage").await;
    assert!(
        stage.pages[0].contains("Stage: Tenant Scale"),
        "{:.300}",
        stage.pages[0]
    );
    let filtered = check_print(&b, &r, "?stage=tenant-scale&confidence=high", "filtered").await;
    assert!(filtered.pages[0].contains("Stage: Tenant Scale · confidence: high"));
    // The screen still draws its chart, and printing again prints the same.
    b.wait_for("[data-chart=\"timeline\"] [data-initiative]")
        .await;
    eprintln!(
        "printed pages: / {}, ?stage=tenant-scale {}, filtered {}",
        all.pages.len(),
        stage.pages.len(),
        filtered.pages.len()
    );
    b.close().await;
}

#[tokio::test]
async fn printing_the_table_prints_every_row_under_a_repeated_header() {
    let r = bundled();
    let b = Browser::new().await;
    let table = check_print(&b, &r, "?view=table", "table").await;
    assert!(table.pages.len() > 1);
    for (k, page) in table.pages.iter().enumerate() {
        assert!(
            page.contains("Title Stage Team Conf. Status Start End Horizon"),
            "page {}: no header row",
            k + 1
        );
        assert!(page.contains(&format!("Page {} of {}", k + 1, table.pages.len())));
    }
    let graph = check_print(&b, &r, "?view=graph&stage=tenant-scale", "graph").await;
    assert!(graph.pages[0].contains("Stage: Tenant Scale"));
    eprintln!(
        "printed pages: ?view=table {}, graph {}",
        table.pages.len(),
        graph.pages.len()
    );
    b.close().await;
}

#[tokio::test]
async fn an_svg_export_holds_every_shown_initiative() {
    let r = bundled();
    let b = Browser::new().await;
    for query in ["", "?stage=tenant-scale&confidence=high"] {
        b.open(&format!("{}{query}", Server::site().base)).await;
        b.click("[data-export=\"svg\"]").await;
        let parsed = b
            .eval(
                "const t = window.__roadmapLastExport && window.__roadmapLastExport.text;
                 if (!t) return 'none';
                 const d = new DOMParser().parseFromString(t, 'image/svg+xml');
                 if (d.querySelector('parsererror')) return 'invalid';
                 return JSON.stringify({
                   ids: [...d.querySelectorAll('[data-initiative]')].map(e => e.getAttribute('data-initiative')),
                   text: d.documentElement.textContent,
                 });",
            )
            .await;
        let v: serde_json::Value =
            serde_json::from_str(&parsed).unwrap_or_else(|_| panic!("{parsed}"));
        let mut ids: Vec<String> = v["ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_str().unwrap().to_string())
            .collect();
        let (view, _) = ViewState::from_query(query.trim_start_matches('?'));
        let vis = filter::visible(&r, &view.filter, r.as_of.unwrap(), view.context);
        let mut want: Vec<String> = vis
            .shown
            .iter()
            .chain(&vis.ghosts)
            .map(|&i| r.initiatives[i].id.clone())
            .collect();
        ids.sort();
        want.sort();
        assert_eq!(ids, want, "{query}: one element per shown initiative");
        let text = collapse(v["text"].as_str().unwrap());
        for t in shown_titles(&r, query.trim_start_matches('?')) {
            assert!(text.contains(&t), "{query}: {t} is not whole in the SVG");
        }
        if !query.is_empty() {
            assert!(
                text.contains("Stage: Tenant Scale · confidence: high"),
                "titled with the filters"
            );
        }
    }
    // The PNG is drawn from the same whole-view sheet.
    b.click("[data-export=\"png\"]").await;
    let started = std::time::Instant::now();
    let png = loop {
        let v = b
            .eval("const e = window.__roadmapLastExport; return e && e.name === 'roadmap.png' ? e.text.length.toString() : '0';")
            .await;
        let n: usize = v.parse().unwrap_or(0);
        if n > 0 || started.elapsed() > crate::harness::WAIT {
            break n;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(
        png > 50_000,
        "a PNG of the whole view ({png} characters of data URL)"
    );
    assert!(
        b.all(".export-stage").await.is_empty(),
        "the sheet is gone once drawn"
    );
    b.close().await;
}
