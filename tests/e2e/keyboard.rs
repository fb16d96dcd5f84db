//! Keyboard only, in Chromium: the skip link is the page's first Tab stop and leads
//! into the chart; the timeline, the graph and the table are each one Tab stop
//! (roving tabindex) with arrow keys between their items; Enter selects.

use crate::harness::{bundled, Browser, Server, WAIT};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use std::time::{Duration, Instant};

/// Presses and releases `key` wherever the focus is (as a person at a keyboard would).
pub(crate) async fn press(b: &Browser, key: Key) {
    let k: char = key.into();
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: k })
        .then(KeyAction::Up { value: k });
    b.client.perform_actions(actions).await.expect("keys");
}

/// The `tabindex` of the element `css` matches, once it is "0" (a render or two
/// may follow a key press), else what it is after the wait.
async fn tabindex_settles(b: &Browser, css: &str) -> String {
    let script = format!(
        "const el = document.querySelector('{}'); return el ? el.getAttribute('tabindex') : 'none'",
        css.replace('\'', "\\'")
    );
    let started = Instant::now();
    loop {
        let got = b.eval(&script).await;
        if got == "0" || started.elapsed() > WAIT {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The focused element's item, as JSON: its id (`data-initiative`, `data-node`,
/// `data-cluster` or `data-row`, on it or an ancestor), its rectangle's centre, and
/// its `tabindex`; `null` when the focus is elsewhere.
const FOCUSED: &str = r#"
const a = document.activeElement;
const el = a && a.closest('[data-initiative], [data-node], [data-cluster], [data-row]');
if (!el) return JSON.stringify(null);
const r = (el.querySelector('.shape, .g-box') || el).getBoundingClientRect();
const id = el.getAttribute('data-initiative') || el.getAttribute('data-node') || el.getAttribute('data-cluster') || el.getAttribute('data-row');
return JSON.stringify({ id, x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2, left: r.left, right: r.right,
  top: r.top, bottom: r.bottom, tabindex: el.getAttribute('tabindex') });
"#;

#[derive(serde::Deserialize, Debug)]
struct Focused {
    id: String,
    x: f64,
    y: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    tabindex: Option<String>,
}

async fn focused(b: &Browser) -> Option<Focused> {
    serde_json::from_str(&b.eval(FOCUSED).await).unwrap()
}

/// Waits until the focus is on an item other than `from` (the key moved it).
async fn moved_from(b: &Browser, from: &str) -> Focused {
    let started = Instant::now();
    loop {
        if let Some(f) = focused(b).await.filter(|f| f.id != from) {
            return f;
        }
        assert!(started.elapsed() < WAIT, "the focus stayed on {from}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Presses `key` with `modifier` (Ctrl, Shift) held.
async fn press_with(b: &Browser, modifier: Key, key: Key) {
    let (m, k): (char, char) = (modifier.into(), key.into());
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: m })
        .then(KeyAction::Down { value: k })
        .then(KeyAction::Up { value: k })
        .then(KeyAction::Up { value: m });
    b.client.perform_actions(actions).await.expect("keys");
}

/// Waits until the focused item is the Tab stop (`tabindex="0"`: the render after a
/// move makes it so), and returns its tabindex then.
async fn focused_is_the_stop(b: &Browser) -> Option<String> {
    let started = Instant::now();
    loop {
        let t = focused(b).await.and_then(|f| f.tabindex);
        if t.as_deref() == Some("0") || started.elapsed() > WAIT {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// How many elements of a chart's items are Tab stops (`tabindex="0"`).
const STOPS: &str = r#"return String(document.querySelectorAll(
  '[data-initiative][tabindex="0"], [data-node][tabindex="0"], [data-cluster][tabindex="0"], [data-row][tabindex="0"]').length);"#;

#[tokio::test]
async fn the_skip_link_is_the_first_tab_stop_and_arrows_move_between_bars() {
    let r = bundled();
    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    b.wait_for("[data-ready=\"true\"] .tl-body [data-initiative]")
        .await;
    // Hidden until focused.
    let hidden = b
        .eval("const r = document.querySelector('[data-skip-link]').getBoundingClientRect(); return String(r.bottom <= 0 || r.right <= 0);")
        .await;
    assert_eq!(hidden, "true", "the skip link shows only when focused");
    assert_eq!(b.eval(STOPS).await, "1", "the bars are one Tab stop");

    press(&b, Key::Tab).await;
    let first = b
        .eval("return document.activeElement.hasAttribute('data-skip-link') ? document.activeElement.textContent : 'focus on ' + document.activeElement.outerHTML.slice(0, 80)")
        .await;
    assert_eq!(first, "Skip to roadmap");
    let shown = b
        .eval("const r = document.activeElement.getBoundingClientRect(); return String(r.top >= 0 && r.bottom <= innerHeight && r.width > 0);")
        .await;
    assert_eq!(shown, "true", "the focused skip link is on screen");
    // Enter goes to the bars' Tab stop: one Tab and Enter from the page's start.
    press(&b, Key::Enter).await;
    let start = moved_from(&b, "").await;
    assert_eq!(start.tabindex.as_deref(), Some("0"));
    assert!(
        b.eval("return String(!!document.activeElement.closest('.tl-body'))")
            .await
            == "true",
        "in the timeline's drawing"
    );

    // Right: a later bar of the same lane (stage and team).
    let lane = |id: &str| {
        let i = &r.initiatives[r.find(id).unwrap()];
        (i.stage, i.team)
    };
    let when = |id: &str| {
        let i = &r.initiatives[r.find(id).unwrap()];
        i.start.or(i.end)
    };
    press(&b, Key::Right).await;
    let right = moved_from(&b, &start.id).await;
    assert_eq!(lane(&right.id), lane(&start.id), "{start:?} → {right:?}");
    assert!(when(&right.id) >= when(&start.id), "{start:?} → {right:?}");
    // The roving stop follows the focus: still one Tab stop, now this bar.
    assert_eq!(focused_is_the_stop(&b).await.as_deref(), Some("0"));
    assert_eq!(b.eval(STOPS).await, "1");
    press(&b, Key::Left).await;
    assert_eq!(moved_from(&b, &right.id).await.id, start.id);

    // Down: another row, below; Up: back above.
    press(&b, Key::Down).await;
    let down = moved_from(&b, &start.id).await;
    assert!(down.y > start.y + 1.0, "{start:?} → {down:?}");
    press(&b, Key::Up).await;
    let up = moved_from(&b, &down.id).await;
    assert!(up.y < down.y - 1.0, "{down:?} → {up:?}");

    // End: the lane's last bar, scrolled into the visible drawing.
    press(&b, Key::End).await;
    let end = moved_from(&b, &up.id).await;
    assert_eq!(lane(&end.id), lane(&up.id));
    let area: Vec<f64> = serde_json::from_str(
        &b.eval(&format!(
            "const c = document.querySelector('[data-chart]'); const r = c.getBoundingClientRect(); \
             return JSON.stringify([r.left + {labels}, r.top + {axis}, r.left + c.clientWidth, r.top + c.clientHeight]);",
            labels = roadmap_viewer::core::views::timeline::LABEL_COLUMN,
            axis = roadmap_viewer::core::views::timeline::AXIS_HEIGHT,
        ))
        .await,
    )
    .unwrap();
    let end = focused(&b).await.unwrap();
    assert!(
        end.left >= area[0] - 1.0
            && end.top >= area[1] - 1.0
            && end.right.min(area[2]) > end.left
            && end.bottom <= area[3] + 1.0,
        "{end:?} in {area:?}"
    );

    // Enter selects the focused bar: its details open, and it stays the Tab stop.
    press(&b, Key::Enter).await;
    b.wait_for(&format!("[data-detail=\"{}\"]", end.id)).await;
    let bar = format!(".tl-body [data-initiative=\"{}\"]", end.id);
    assert_eq!(
        tabindex_settles(&b, &bar).await,
        "0",
        "the selected bar is the Tab stop"
    );
    b.close().await;
}

/// From the page's start, at most five Tab presses (and Enter on the skip link)
/// reach a bar, in every view.
#[tokio::test]
async fn at_most_five_tabs_reach_the_chart_in_every_view() {
    let b = Browser::new().await;
    for (query, item) in [
        ("", ".tl-body [data-initiative]"),
        ("?view=graph", "[data-cluster]"),
        ("?view=graph&stage=data-access", "[data-node]"),
        ("?view=table", "[data-row]"),
        ("?select=gitaly-raft", ".tl-body [data-initiative]"),
    ] {
        b.open(&format!("{}{query}", Server::site().base)).await;
        b.wait_for(&format!("[data-ready=\"true\"] {item}")).await;
        let mut tabs = 0;
        press(&b, Key::Tab).await;
        tabs += 1;
        press(&b, Key::Enter).await;
        let started = Instant::now();
        while focused(&b).await.is_none() {
            if started.elapsed() > Duration::from_secs(2) {
                press(&b, Key::Tab).await;
                tabs += 1;
                assert!(tabs <= 5, "{query}: five Tabs did not reach the chart");
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let f = focused(&b).await.unwrap();
        assert_eq!(f.tabindex.as_deref(), Some("0"), "{query}: {f:?}");
        if query.contains("select=") {
            assert_eq!(f.id, "gitaly-raft", "the selection is the Tab stop");
        }
        assert_eq!(b.eval(STOPS).await, "1", "{query}: one Tab stop");
    }
    b.close().await;
}

#[tokio::test]
async fn the_graph_is_one_tab_stop_with_arrow_keys_between_nodes() {
    let b = Browser::new().await;
    // The bundled data opens on the stage overview: stage nodes in columns.
    b.open(&format!("{}?view=graph", Server::site().base)).await;
    b.wait_for("[data-chart] svg[data-crossings] [data-cluster]")
        .await;
    assert_eq!(b.eval(STOPS).await, "1", "the nodes are one Tab stop");
    press(&b, Key::Tab).await;
    press(&b, Key::Enter).await;
    let start = moved_from(&b, "").await;
    assert_eq!(start.tabindex.as_deref(), Some("0"));
    // Right: the next column; Left: back; Down: below in the same column (the first
    // column holds two stages).
    press(&b, Key::Right).await;
    let right = moved_from(&b, &start.id).await;
    assert!(right.x > start.x + 1.0, "{start:?} → {right:?}");
    assert_eq!(focused_is_the_stop(&b).await.as_deref(), Some("0"));
    assert_eq!(b.eval(STOPS).await, "1");
    press(&b, Key::Left).await;
    let back = moved_from(&b, &right.id).await;
    assert!(back.x < right.x - 1.0, "{right:?} → {back:?}");
    press(&b, Key::Down).await;
    let down = moved_from(&b, &back.id).await;
    assert!(
        down.y > back.y + 1.0 && (down.x - back.x).abs() < 40.0,
        "{back:?} → {down:?}"
    );

    // A stage's drawing: initiatives; Enter selects the focused one.
    b.open(&format!(
        "{}?view=graph&stage=data-access",
        Server::site().base
    ))
    .await;
    b.wait_for("[data-chart] svg[data-crossings] [data-node]")
        .await;
    assert_eq!(b.eval(STOPS).await, "1");
    press(&b, Key::Tab).await;
    press(&b, Key::Enter).await;
    let start = moved_from(&b, "").await;
    press(&b, Key::Right).await;
    let right = moved_from(&b, &start.id).await;
    assert!(right.x > start.x + 1.0, "{start:?} → {right:?}");
    // The focused node is inside the graph's area.
    let inside = b
        .eval("const c = document.querySelector('.graph-canvas').getBoundingClientRect(); \
               const r = document.activeElement.getBoundingClientRect(); \
               return String(r.left >= c.left - 1 && r.right <= c.right + 1 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1);")
        .await;
    assert_eq!(inside, "true");
    press(&b, Key::Enter).await;
    b.wait_for(&format!("[data-detail=\"{}\"]", right.id)).await;
    let node = format!("[data-node=\"{}\"]", right.id);
    assert_eq!(
        tabindex_settles(&b, &node).await,
        "0",
        "the selection is the Tab stop"
    );
    b.close().await;
}

#[tokio::test]
async fn the_table_rows_are_one_tab_stop_with_arrow_keys() {
    let b = Browser::new().await;
    b.open(&format!("{}?view=table", Server::site().base)).await;
    b.wait_for("[data-ready=\"true\"] [data-row]").await;
    assert_eq!(b.eval(STOPS).await, "1", "the rows are one Tab stop");
    press(&b, Key::Tab).await;
    press(&b, Key::Enter).await;
    let first = moved_from(&b, "").await;
    let ids = b.attr_all("[data-row]", "data-row").await;
    assert_eq!(first.id, ids[0]);
    press(&b, Key::Down).await;
    let second = moved_from(&b, &first.id).await;
    assert_eq!(second.id, ids[1]);
    assert_eq!(focused_is_the_stop(&b).await.as_deref(), Some("0"));
    assert_eq!(b.eval(STOPS).await, "1");
    press(&b, Key::Enter).await;
    b.wait_for(&format!("[data-detail=\"{}\"]", second.id))
        .await;
    b.close().await;
}

/// In a long timeline only the bars near the visible part are rendered: a key that
/// leads beyond them scrolls there, renders the bar and focuses it.
#[tokio::test]
async fn keys_reach_bars_the_long_timeline_has_not_rendered_yet() {
    let (dir, r) = crate::graph::thousand_site();
    let server = Server::start(&dir, "/", Default::default());
    let b = Browser::new().await;
    b.open(&server.base).await;
    b.wait_for("[data-ready=\"true\"] .tl-body [data-initiative]")
        .await;
    let rendered = b.all(".tl-body [data-initiative]").await.len();
    assert!(
        rendered < r.initiatives.len() / 2,
        "virtualized: {rendered} bars rendered"
    );
    assert_eq!(b.eval(STOPS).await, "1");
    press(&b, Key::Tab).await;
    press(&b, Key::Enter).await;
    let first = moved_from(&b, "").await;
    press_with(&b, Key::Control, Key::End).await;
    let last = moved_from(&b, &first.id).await;
    let scrolled = b
        .eval("return String(document.querySelector('[data-chart]').scrollTop)")
        .await;
    assert!(
        scrolled.parse::<f64>().unwrap() > 1000.0,
        "scrolled down to the last bar ({scrolled})"
    );
    let chart: Vec<f64> = serde_json::from_str(
        &b.eval("const r = document.querySelector('[data-chart]').getBoundingClientRect(); return JSON.stringify([r.top, r.bottom]);")
            .await,
    )
    .unwrap();
    assert!(
        last.top >= chart[0] && last.bottom <= chart[1],
        "{last:?} in {chart:?}"
    );
    assert_eq!(focused_is_the_stop(&b).await.as_deref(), Some("0"));
    // And back up: Ctrl+Home, the first bar again.
    press_with(&b, Key::Control, Key::Home).await;
    assert_eq!(moved_from(&b, &last.id).await.id, first.id);
    b.close().await;
}

/// The lane headers (stage toggles) are one Tab stop before the bars' one, with Up
/// and Down between them.
#[tokio::test]
async fn the_lane_headers_are_one_tab_stop_with_up_and_down() {
    const HEADERS: &str = r#"return String(document.querySelectorAll('[data-stage-toggle][tabindex="0"], [data-fold][tabindex="0"]').length);"#;
    const HEADER: &str = "const h = document.activeElement.closest('[data-stage-toggle]'); return h ? h.getAttribute('data-stage-toggle') : 'none';";
    let r = bundled();
    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    b.wait_for("[data-ready=\"true\"] .tl-body [data-initiative]")
        .await;
    assert_eq!(
        b.eval(HEADERS).await,
        "1",
        "the lane headers are one Tab stop"
    );
    press(&b, Key::Tab).await;
    press(&b, Key::Enter).await;
    moved_from(&b, "").await;
    // Shift+Tab from the bars: the headers' stop, the first stage.
    press_with(&b, Key::Shift, Key::Tab).await;
    assert_eq!(b.eval(HEADER).await, r.stages[0].id);
    press(&b, Key::Down).await;
    assert_eq!(b.eval(HEADER).await, r.stages[1].id);
    press(&b, Key::End).await;
    assert_eq!(b.eval(HEADER).await, r.stages.last().unwrap().id);
    let started = Instant::now();
    while b
        .eval(&format!(
            "return document.querySelector('[data-stage-toggle=\"{}\"]').getAttribute('tabindex')",
            r.stages.last().unwrap().id
        ))
        .await
        != "0"
    {
        assert!(
            started.elapsed() < WAIT,
            "the headers' stop follows the focus"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(b.eval(HEADERS).await, "1");
    // Enter still folds the stage.
    press(&b, Key::Enter).await;
    b.wait_for(&format!(
        "[data-stage-toggle=\"{}\"][aria-expanded=\"false\"]",
        r.stages.last().unwrap().id
    ))
    .await;
    b.close().await;
}
