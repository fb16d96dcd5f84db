//! What an interaction costs the browser (#27): a filter click lets the browser lay
//! the page out once, in its own frame, never forced by script in between. Checked
//! in a real performance trace (`devtools.timeline`, through chromedriver's
//! performance log): a `Layout` or `UpdateLayoutTree` event that runs inside script
//! (a `FunctionCall`, an event dispatch, a timer...) on the same thread is a forced one.

use crate::harness::{Browser, Server};

/// Script running on a thread: a layout inside one of these was forced by it.
const SCRIPT: [&str; 8] = [
    "FunctionCall",
    "EventDispatch",
    "TimerFire",
    "FireAnimationFrame",
    "RunMicrotasks",
    "EvaluateScript",
    "v8.callFunction",
    "v8.run",
];

/// The forced layouts and style recalculations in `events` (complete `X` events): those
/// that run inside script on the same thread, as their name and the script's.
fn forced(events: &[serde_json::Value]) -> Vec<String> {
    let span = |e: &serde_json::Value| {
        let ts = e["ts"].as_f64()?;
        Some((e["tid"].as_i64()?, ts, ts + e["dur"].as_f64()?))
    };
    let scripts: Vec<(&str, (i64, f64, f64))> = events
        .iter()
        .filter(|e| e["ph"] == "X" && SCRIPT.iter().any(|n| e["name"] == *n))
        .filter_map(|e| Some((e["name"].as_str()?, span(e)?)))
        .collect();
    events
        .iter()
        .filter(|e| e["ph"] == "X" && (e["name"] == "Layout" || e["name"] == "UpdateLayoutTree"))
        .filter_map(|e| {
            let (tid, start, end) = span(e)?;
            let (by, _) = scripts
                .iter()
                .find(|(_, (t, s, f))| *t == tid && *s <= start && end <= *f)?;
            Some(format!("{} inside {by}", e["name"]))
        })
        .collect()
}

/// The `ts` of the `console.timeStamp(name)` event.
fn stamp(events: &[serde_json::Value], name: &str) -> f64 {
    events
        .iter()
        .find(|e| e["name"] == "TimeStamp" && e["args"]["data"]["message"] == name)
        .and_then(|e| e["ts"].as_f64())
        .unwrap_or_else(|| panic!("no {name} in the trace"))
}

#[tokio::test]
#[allow(
    clippy::await_holding_lock,
    reason = "the guard only keeps site builds from starving the traced window"
)]
async fn a_filter_click_forces_no_layout() {
    let server = Server::site();
    let _quiet = crate::harness::no_builds();
    let b = Browser::traced().await;
    b.open(&server.base).await;
    b.wait_for("[data-ready=\"true\"]").await;
    b.eval("console.timeStamp('roadmap-click'); return 1").await;
    b.click("[data-filter=\"confidence:high\"]").await;
    b.wait_for("main[data-visible-count=\"40\"]").await;
    // Two frames: the click's render and paint are in the trace.
    b.client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {\
               console.timeStamp('roadmap-painted'); done(); }, 50)));",
            vec![],
        )
        .await
        .unwrap();
    let events = b.trace().await;
    let (from, to) = (
        stamp(&events, "roadmap-click"),
        stamp(&events, "roadmap-painted"),
    );
    let click: Vec<serde_json::Value> = events
        .into_iter()
        .filter(|e| e["ts"].as_f64().is_some_and(|t| from <= t && t <= to))
        .collect();
    assert!(
        click.iter().any(|e| e["name"] == "Layout"),
        "the trace holds the click's layout ({} events)",
        click.len()
    );
    let forced = forced(&click);
    assert!(forced.is_empty(), "forced by script: {forced:?}");
    b.close().await;
}

/// The `.tl-body` size (the layout's width and height: a fold follows the chart's
/// room) in the first frame after `action` and once the chart has settled (half a
/// second later).
async fn width_painted_and_settled(b: &Browser, action: &str) -> (String, String) {
    let v = b
        .client
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1];\
                 const w = () => {{ const s = document.querySelector('svg.tl-body'); return s.getAttribute('width') + '×' + s.getAttribute('height'); }};\
                 {action};\
                 requestAnimationFrame(() => {{ const first = w();\
                   setTimeout(() => done([first, w()]), 600); }});"
            ),
            vec![],
        )
        .await
        .expect("the script finishes");
    let s = |i: usize| v[i].as_str().unwrap_or_default().to_string();
    (s(0), s(1))
}

/// Opening the details narrows the chart (the panel takes a column, or the filters'
/// place): the render that opens them already lays the chart out for the narrower
/// width, so the first frame painted is the final one, with no second layout once
/// the chart is measured (#27); closing them likewise.
#[tokio::test]
#[allow(
    clippy::await_holding_lock,
    reason = "the guard only keeps site builds from starving the measured frames"
)]
async fn opening_the_details_lays_the_chart_out_once_for_its_new_width() {
    let _ = Server::site();
    let _quiet = crate::harness::no_builds();
    let b = Browser::new().await;
    for (w, h) in [(1440, 900), (1200, 800), (1024, 768)] {
        crate::framing::resize(&b, w, h).await;
        b.open(&Server::site().base).await;
        b.wait_for("[data-ready=\"true\"]").await;
        b.eval("return new Promise(r => setTimeout(() => r(1), 400))")
            .await;
        let before = b
            .eval("const s = document.querySelector('svg.tl-body'); return s.getAttribute('width') + '×' + s.getAttribute('height')")
            .await;
        let (first, settled) = width_painted_and_settled(
            &b,
            "document.querySelector('.bars [data-initiative]:not([data-ghost])').dispatchEvent(new MouseEvent('click', {bubbles: true}))",
        )
        .await;
        assert_ne!(before, settled, "{w}×{h}: the details narrow the chart");
        assert_eq!(
            first, settled,
            "{w}×{h}: the first frame with the details is laid out for them"
        );
        let (first, settled) = width_painted_and_settled(
            &b,
            "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))",
        )
        .await;
        assert_eq!(settled, before, "{w}×{h}: closing gives the width back");
        assert_eq!(
            first, settled,
            "{w}×{h}: the first frame without the details is laid out for it"
        );
    }
    b.close().await;
}
