//! The frame around the chart works for people: filters that hold still, counts that
//! agree with what choosing shows, details that take and give back keyboard focus,
//! phones without sideways scrolling (a filter drawer, a bottom sheet), and data
//! problems that never push the roadmap off the first screen. Measured in Chromium.

use crate::framing::resize;
use crate::harness::{bundled, Browser, Overrides, Server, WAIT};
use fantoccini::key::Key;
use std::time::{Duration, Instant};

/// The top of every filter option and team-group heading, by its hook, in the filter
/// list's own coordinates (so the list's scrolling, which a click may cause, does not
/// count as a move).
async fn option_tops(b: &Browser) -> Vec<(String, f64)> {
    let v = b
        .eval(
            "const bar = document.querySelector('.filter-bar'); const top = bar.getBoundingClientRect().top - bar.scrollTop;\
             return JSON.stringify([...document.querySelectorAll('[data-filter], [data-team-group] > summary')]\
             .map(e => [e.getAttribute('data-filter') || e.parentElement.getAttribute('data-team-group'), e.getBoundingClientRect().top - top]))",
        )
        .await;
    serde_json::from_str(&v).unwrap()
}

#[tokio::test]
async fn choosing_a_filter_moves_no_other_option() {
    let b = Browser::new().await;
    resize(&b, 1440, 900).await;
    b.open(&Server::site().base).await;
    b.wait_for("[data-ready=\"true\"]").await;
    // A stage, a team inside it, a confidence: each narrows the others' counts to 0
    // for some options (which used to grow, indent and jump).
    for hook in [
        "stage:tenant-scale",
        "confidence:high",
        "status:in-progress",
        "stage:tenant-scale",
    ] {
        let before = option_tops(&b).await;
        let count = b
            .attr_all("[data-visible-count]", "data-visible-count")
            .await;
        b.click(&format!("[data-filter=\"{hook}\"]")).await;
        let started = Instant::now();
        while b
            .attr_all("[data-visible-count]", "data-visible-count")
            .await
            == count
        {
            assert!(started.elapsed() < WAIT, "{hook} changed nothing");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let after = option_tops(&b).await;
        assert_eq!(
            before.len(),
            after.len(),
            "options came or went after {hook}"
        );
        for ((id, y0), (id1, y1)) in before.iter().zip(&after) {
            assert_eq!(id, id1);
            assert!(
                (y0 - y1).abs() <= 1.0,
                "{id} moved from {y0} to {y1} after {hook}"
            );
        }
    }
    // What leaves nothing is unavailable, and still its size.
    let disabled = b.all("[data-filter]:disabled").await;
    assert!(!disabled.is_empty(), "some option leaves nothing");
    b.close().await;
}

#[tokio::test]
async fn each_horizon_count_is_what_choosing_it_shows() {
    let r = bundled();
    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    b.wait_for("[data-ready=\"true\"]").await;
    let counts: Vec<(String, String)> = serde_json::from_str(
        &b.eval(
            "return JSON.stringify([...document.querySelectorAll('[data-filter^=\"horizon:\"]')]\
             .map(e => [e.getAttribute('data-filter').slice(8), e.querySelector('.option-count').textContent]))",
        )
        .await,
    )
    .unwrap();
    assert_eq!(counts.len(), 4, "{counts:?}");
    let mut total = 0;
    for (value, count) in counts {
        b.open(&format!("{}?horizon={value}", Server::site().base))
            .await;
        b.wait_for(&format!("[data-visible-count=\"{count}\"]"))
            .await;
        if value == "unscheduled" {
            // Exactly the undated initiatives without a horizon: the Undated lane's chips.
            let undated = r
                .initiatives
                .iter()
                .filter(|i| i.start.is_none() && i.end.is_none() && i.horizon.is_none())
                .count();
            assert_eq!(count, undated.to_string());
            let chips = b.all("[data-undated]:not([data-ghost])").await.len();
            assert_eq!(chips.to_string(), count);
        }
        total += count.parse::<usize>().unwrap();
    }
    assert_eq!(
        total,
        r.initiatives.len(),
        "the horizons partition the roadmap"
    );
    b.close().await;
}

/// Where keyboard focus is: "heading details" (the details' heading), "details"
/// (elsewhere in them), or the focused initiative's id.
async fn active(b: &Browser) -> String {
    b.eval(
        "const a = document.activeElement; return (a.hasAttribute('data-detail-heading') ? 'heading ' : '') \
         + (a.closest('[data-detail]') ? 'details' : a.getAttribute('data-initiative'))",
    )
    .await
}

/// Waits for focus to be `want` (focus moves after rendering); returns where it is.
async fn wait_active(b: &Browser, want: &str) -> String {
    let started = Instant::now();
    loop {
        let now = active(b).await;
        if now == want || started.elapsed() > WAIT {
            if now != want {
                eprintln!(
                    "active: {}",
                    b.eval("return document.activeElement.outerHTML.slice(0, 300)")
                        .await
                );
            }
            return now;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn details_take_focus_and_escape_gives_it_back() {
    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    let id = "gitaly-raft";
    let bar = b
        .wait_for(&format!(".tl-body [data-initiative=\"{id}\"]"))
        .await;
    b.eval(&format!(
        "document.querySelector('.tl-body [data-initiative=\"{id}\"]').focus(); return 'ok'"
    ))
    .await;
    bar.send_keys(&Key::Enter.to_string()).await.unwrap();
    b.wait_for(&format!("[data-detail=\"{id}\"]")).await;
    assert_eq!(wait_active(&b, "heading details").await, "heading details");
    // Tab continues inside the panel.
    let focused = b.client.active_element().await.unwrap();
    focused.send_keys(&Key::Tab.to_string()).await.unwrap();
    assert_eq!(active(&b).await, "details");
    let focused = b.client.active_element().await.unwrap();
    focused.send_keys(&Key::Escape.to_string()).await.unwrap();
    b.wait_gone("[data-detail]").await;
    assert_eq!(wait_active(&b, "gitaly-raft").await, id);
    // The close button gives focus back too.
    let bar = b
        .wait_for(&format!(".tl-body [data-initiative=\"{id}\"]"))
        .await;
    bar.send_keys(&Key::Enter.to_string()).await.unwrap();
    b.wait_for(&format!("[data-detail=\"{id}\"]")).await;
    b.click("[data-detail] .close").await;
    b.wait_gone("[data-detail]").await;
    assert_eq!(wait_active(&b, "gitaly-raft").await, id);
    b.close().await;
}

/// The page's width beyond the viewport (0 when nothing scrolls sideways).
async fn overflow(b: &Browser) -> i64 {
    b.eval("return String(document.documentElement.scrollWidth - innerWidth)")
        .await
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_phone_scrolls_no_page_sideways_and_keeps_filters_in_a_drawer() {
    let mut failures = Vec::new();
    for dark in [false, true] {
        let b = Browser::themed(dark).await;
        resize(&b, 390, 844).await;
        for page in [
            "",
            "?view=graph",
            "?view=table",
            "?select=gitaly-raft",
            "?team=cells",
        ] {
            b.open(&format!("{}{page}", Server::site().base)).await;
            b.wait_for("[data-ready=\"true\"]").await;
            b.wait_for("[data-chart], [data-graph], table").await;
            let extra = overflow(&b).await;
            assert!(
                extra <= 0,
                "{page}: the page is {extra} px wider than the phone"
            );
            if page.contains("select") {
                // The details are a bottom sheet: the chart's top stays visible.
                let sheet: Vec<f64> = serde_json::from_str(
                    &b.eval("const r = document.querySelector('.details').getBoundingClientRect(); return JSON.stringify([r.left, r.top, r.right, r.bottom])")
                        .await,
                )
                .unwrap();
                let width: f64 = b
                    .eval("return String(document.documentElement.clientWidth)")
                    .await
                    .parse()
                    .unwrap();
                assert!(
                    sheet[0] <= 1.0 && sheet[2] >= width - 1.0 && sheet[3] >= 843.0,
                    "{sheet:?}"
                );
                assert!(
                    sheet[1] > 844.0 * 0.4,
                    "the sheet covers too much: {sheet:?}"
                );
                for v in crate::table_export_a11y::axe(&b).await {
                    failures.push(format!("dark={dark} bottom sheet: {v}"));
                }
            }
        }
        // The filters: one button, a drawer over the page, counts of what is active.
        b.open(&Server::site().base).await;
        let toggle = b.wait_for("[data-filters-toggle]").await;
        assert!(
            !b.all("[data-filter=\"stage:tenant-scale\"]").await[0]
                .is_displayed()
                .await
                .unwrap(),
            "the filters start folded away"
        );
        assert_eq!(toggle.text().await.unwrap(), "Filters");
        toggle.click().await.unwrap();
        b.wait_for("[data-filters-toggle][aria-expanded=\"true\"]")
            .await;
        b.click("[data-filter=\"stage:tenant-scale\"]").await;
        b.wait_for("[data-filter=\"stage:tenant-scale\"][aria-pressed=\"true\"]")
            .await;
        let drawer: Vec<f64> = serde_json::from_str(
            &b.eval("const r = document.querySelector('.filter-body').getBoundingClientRect(); return JSON.stringify([r.left, r.right])")
                .await,
        )
        .unwrap();
        assert!(drawer[0] >= 0.0 && drawer[1] <= 390.0, "{drawer:?}");
        assert!(overflow(&b).await <= 0);
        for v in crate::table_export_a11y::axe(&b).await {
            failures.push(format!("dark={dark} drawer: {v}"));
        }
        b.click("[data-filters-close]").await;
        b.wait_for("[data-filters-toggle][aria-expanded=\"false\"]")
            .await;
        assert_eq!(b.text("[data-filters-toggle]").await, "Filters (1 active)");
        b.close().await;
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[tokio::test]
async fn data_problems_leave_the_roadmap_on_the_first_screen() {
    // Twenty broken initiatives on top of the bundled data: a wall of problems.
    let files = crate::harness::bundled_files();
    let mut text = files
        .text("initiatives/tenant-scale.yaml")
        .unwrap()
        .to_string();
    for k in 0..20 {
        text.push_str(&format!(
            "  - id: broken-{k}\n    title: Broken {k}\n    team: cells\n    confidence: hihg\n    depends_on: [no-such-{k}]\n    start: 2027-Q1\n    end: 2027-Q3\n"
        ));
    }
    let mut overrides = Overrides::new();
    overrides.insert(
        "data/initiatives/tenant-scale.yaml".into(),
        Some(text.into_bytes()),
    );
    let server = Server::start(crate::harness::site(), "/", overrides);
    let b = Browser::new().await;
    resize(&b, 1440, 900).await;
    b.open(&server.base).await;
    let notice = b.wait_for("[data-diagnostics]").await;
    let n: usize = notice
        .attr("data-diagnostics")
        .await
        .unwrap()
        .unwrap()
        .parse()
        .unwrap();
    assert!(n >= 40, "{n} problems");
    let summary = b.text("[data-diagnostics] summary").await;
    assert!(summary.contains(&format!("{n} data problems")), "{summary}");
    // The notice is one line, and bars are on the first screen.
    assert!(
        bars_on_first_screen(&b).await > 0,
        "no bar on the first screen"
    );
    let height: f64 = b
        .eval("return String(document.querySelector('[data-diagnostics]').getBoundingClientRect().height)")
        .await
        .parse()
        .unwrap();
    assert!(height < 60.0, "the notice is {height} px tall");
    // The broken initiatives carry their problem, and the list links to them.
    b.wait_for("[data-initiative=\"broken-3\"][data-problem]")
        .await;
    b.click("[data-diagnostics] summary").await;
    b.click("[data-diagnostics] [data-goto=\"broken-3\"]").await;
    b.wait_for("[data-detail=\"broken-3\"] [data-problems]")
        .await;
    b.close().await;
}

/// How many of the timeline's bars are wholly inside the window (the first screen,
/// nothing scrolled).
pub(crate) async fn bars_on_first_screen(b: &Browser) -> usize {
    b.eval(
        "return String([...document.querySelectorAll('.tl-body [data-initiative] .shape')]\
         .filter(e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; }).length)",
    )
    .await
    .parse()
    .unwrap()
}
