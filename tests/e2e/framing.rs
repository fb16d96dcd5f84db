//! Every view frames the question just asked, measured as geometry in Chromium: the
//! rectangles of bars against the visible part of the chart (`data-chart`, less its
//! sticky lane labels and time axis), and against the details panel.

use crate::harness::{bundled, Browser, Server, WAIT};
use roadmap_viewer::core::views::timeline::{AXIS_HEIGHT, LABEL_COLUMN};
use roadmap_viewer::core::Roadmap;
use serde_json::json;
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// Returns, as JSON, the ids among `ids` (with the lane label column's width and the
/// axis's height, which cover the scrolled drawing) whose bars are not wholly in the visible
/// chart area or are covered by the details panel (`[]` when all are framed).
const UNFRAMED: &str = r#"
const [ids, labels, axis] = arguments;
const chart = document.querySelector('[data-chart]');
const c = chart.getBoundingClientRect();
const area = {
  left: Math.max(c.left + labels, 0), top: Math.max(c.top + axis, 0),
  right: Math.min(c.left + chart.clientWidth, innerWidth), bottom: Math.min(c.top + chart.clientHeight, innerHeight),
};
const panel = document.querySelector('.details');
const p = panel ? panel.getBoundingClientRect() : null;
const bad = [];
for (const id of ids) {
  const el = document.querySelector(`.tl-body [data-initiative="${id}"] .shape`);
  if (!el) { bad.push(id + ': not drawn'); continue; }
  const r = el.getBoundingClientRect();
  const inside = r.left >= area.left - 1 && r.right <= area.right + 1 && r.top >= area.top - 1 && r.bottom <= area.bottom + 1;
  const covered = p && r.right > p.left && r.left < p.right && r.bottom > p.top && r.top < p.bottom;
  if (!inside || covered) bad.push(`${id}: ${JSON.stringify([r.left, r.top, r.right, r.bottom])} in ${JSON.stringify(area)}${covered ? ' under the panel' : ''}`);
}
return JSON.stringify(bad);
"#;

async fn unframed(b: &Browser, ids: &[String]) -> Vec<String> {
    let v = b
        .client
        .execute(
            UNFRAMED,
            vec![json!(ids), json!(LABEL_COLUMN), json!(AXIS_HEIGHT)],
        )
        .await
        .expect("script runs");
    serde_json::from_str(v.as_str().unwrap_or("[]")).unwrap()
}

/// Waits (framing scrolls after rendering) until every id is framed; returns what is
/// still not after the wait.
async fn wait_framed(b: &Browser, ids: &[String]) -> Vec<String> {
    let started = Instant::now();
    loop {
        let bad = unframed(b, ids).await;
        if bad.is_empty() || started.elapsed() > Duration::from_secs(5) {
            return bad;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Sizes the window so that its viewport is `w` × `h` (the window's own frame, if
/// any, added).
pub(crate) async fn resize(b: &Browser, w: u32, h: u32) {
    b.client.set_window_size(w, h).await.expect("resize");
    let inner = b
        .eval("return JSON.stringify([innerWidth, innerHeight])")
        .await;
    let v: Vec<u32> = serde_json::from_str(&inner).unwrap();
    if v != [w, h] {
        b.client
            .set_window_size(2 * w - v[0], 2 * h - v[1])
            .await
            .expect("resize");
    }
    let started = Instant::now();
    while b
        .eval("return JSON.stringify([innerWidth, innerHeight])")
        .await
        != format!("[{w},{h}]")
    {
        assert!(
            started.elapsed() < WAIT,
            "the viewport did not become {w}×{h}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub(crate) fn direct_relations(r: &Roadmap, i: usize) -> BTreeSet<usize> {
    r.initiatives[i]
        .depends_on
        .iter()
        .copied()
        .chain(r.dependents(i))
        .collect()
}

/// Selections to frame: one whose relations span the most stages, one with an undated
/// relation, the one with the most relations, and a milestone with relations.
pub(crate) fn selections(r: &Roadmap) -> Vec<usize> {
    let n = r.initiatives.len();
    let stages = |i: usize| {
        direct_relations(r, i)
            .iter()
            .map(|&j| r.initiatives[j].stage)
            .collect::<BTreeSet<_>>()
            .len()
    };
    let undated = |j: usize| r.initiatives[j].start.is_none() && r.initiatives[j].end.is_none();
    let dated = |i: usize| r.initiatives[i].start.is_some() || r.initiatives[i].end.is_some();
    let mut out = vec![
        (0..n)
            .filter(|&i| dated(i))
            .max_by_key(|&i| stages(i))
            .unwrap(),
        (0..n)
            .filter(|&i| dated(i) && direct_relations(r, i).iter().any(|&j| undated(j)))
            .max_by_key(|&i| direct_relations(r, i).len())
            .expect("an initiative with an undated relation"),
        (0..n)
            .filter(|&i| dated(i))
            .max_by_key(|&i| direct_relations(r, i).len())
            .unwrap(),
    ];
    if let Some(m) = (0..n).find(|&i| {
        r.initiatives[i].start.is_none()
            && r.initiatives[i].end.is_some()
            && !direct_relations(r, i).is_empty()
    }) {
        out.push(m);
    }
    out.dedup();
    assert!(stages(out[0]) >= 2, "relations across stages");
    out
}

#[tokio::test]
async fn the_default_view_shows_every_dated_bar_without_scrolling_across() {
    let r = bundled();
    let dated: Vec<String> = r
        .initiatives
        .iter()
        .filter(|i| i.start.is_some() || i.end.is_some())
        .map(|i| i.id.clone())
        .collect();
    let b = Browser::new().await;
    for (w, h) in [(1440, 900), (1024, 768)] {
        resize(&b, w, h).await;
        b.open(&Server::site().base).await;
        b.wait_for("[data-zoom=\"fit\"] [data-chart]").await;
        // The drawing is as wide as the chart: nothing to scroll across.
        let started = Instant::now();
        loop {
            let overflow = b
                .eval("const c = document.querySelector('[data-chart]'); return String(c.scrollWidth - c.clientWidth)")
                .await;
            if overflow.parse::<i32>().unwrap() <= 1 {
                break;
            }
            assert!(
                started.elapsed() < WAIT,
                "{w}: the chart scrolls across by {overflow} px"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Every dated bar reaches into the visible width.
        let outside = b
            .client
            .execute(
                r#"const c = document.querySelector('[data-chart]').getBoundingClientRect();
                   const left = c.left + arguments[1], right = c.right;
                   return JSON.stringify(arguments[0].filter(id => {
                     const el = document.querySelector(`.tl-body [data-initiative="${id}"] .shape`);
                     if (!el) return true;
                     const r = el.getBoundingClientRect();
                     return !(r.right > left && r.left < right && r.width > 0);
                   }));"#,
                vec![json!(dated), json!(LABEL_COLUMN)],
            )
            .await
            .unwrap();
        assert_eq!(outside.as_str(), Some("[]"), "at {w}×{h}");
        // Horizon titles are whole, not cut.
        let bands = b.attr_all(".band-head text", "x").await.len();
        assert_eq!(bands, 3);
        for t in b.all(".band-head text").await {
            let text = t.text().await.unwrap();
            assert!(!text.contains('…') && !text.is_empty(), "{text:?}");
        }
    }
    b.close().await;
}

#[tokio::test]
async fn a_selection_frames_it_with_every_direct_relation_beside_the_panel() {
    let r = bundled();
    let b = Browser::new().await;
    for (w, h) in [(1440, 900), (1024, 768)] {
        resize(&b, w, h).await;
        for &i in &selections(&r) {
            let id = &r.initiatives[i].id;
            b.open(&format!("{}?select={id}", Server::site().base))
                .await;
            b.wait_for(&format!("[data-detail=\"{id}\"]")).await;
            let mut want: Vec<String> = vec![id.clone()];
            want.extend(
                direct_relations(&r, i)
                    .iter()
                    .map(|&j| r.initiatives[j].id.clone()),
            );
            let bad = wait_framed(&b, &want).await;
            assert!(bad.is_empty(), "{id} at {w}×{h}: {bad:#?}");
            // Its arrows reach every relation, undated ones included.
            let edges: BTreeSet<String> = b
                .attr_all("[data-edge]", "data-edge")
                .await
                .into_iter()
                .collect();
            for &j in &direct_relations(&r, i) {
                let (from, to) = if r.initiatives[i].depends_on.contains(&j) {
                    (j, i)
                } else {
                    (i, j)
                };
                let edge = format!("{}->{}", r.initiatives[from].id, r.initiatives[to].id);
                assert!(edges.contains(&edge), "{edge} missing at {w}: {edges:?}");
            }
        }
    }
    b.close().await;
}

#[tokio::test]
async fn a_slip_frames_or_lists_every_moved_initiative() {
    let r = bundled();
    let slipped = (0..r.initiatives.len())
        .filter(|&i| r.initiatives[i].end.is_some())
        .max_by_key(|&i| r.dependents(i).count())
        .unwrap();
    let id = &r.initiatives[slipped].id;
    let b = Browser::new().await;
    for (w, h) in [(1440, 900), (1024, 768)] {
        resize(&b, w, h).await;
        b.open(&format!("{}?select={id}&slip={id}:8w", Server::site().base))
            .await;
        let list = b.wait_for("[data-slip-list]").await;
        let moved: Vec<String> = b.attr_all("[data-moved]", "data-initiative").await;
        assert!(moved.len() > 2, "{moved:?}");
        assert_eq!(
            list.attr("data-slip-list").await.unwrap(),
            Some(moved.len().to_string())
        );
        let listed: BTreeSet<String> = b
            .attr_all("[data-slip-list] [data-goto]", "data-goto")
            .await
            .into_iter()
            .collect();
        let framed = wait_framed(&b, std::slice::from_ref(id)).await;
        assert!(framed.is_empty(), "{framed:?}");
        let bad = unframed(&b, &moved).await;
        for m in &moved {
            let shown = !bad.iter().any(|x| x.starts_with(&format!("{m}:")));
            assert!(
                shown || listed.contains(m),
                "{m} is neither framed nor listed at {w}"
            );
            assert!(listed.contains(m), "{m} is not listed");
        }
        // The first entries of the list are on screen and name old and new ends.
        let text = b.text("[data-slip-list] li").await;
        assert!(text.contains("→") && text.contains("+8 w"), "{text}");
    }
    b.close().await;
}

#[tokio::test]
async fn the_critical_path_is_listed_in_order_and_framed() {
    let r = bundled();
    // The selection with the longest chain that fits the chart.
    let b = Browser::new().await;
    let target = selections(&r)[0];
    let id = &r.initiatives[target].id;
    b.open(&format!("{}?select={id}&critical=1", Server::site().base))
        .await;
    b.wait_for("[data-critical-list]").await;
    let chain = b
        .attr_all("[data-critical-list] [data-goto]", "data-goto")
        .await;
    let marked: BTreeSet<String> = b
        .attr_all("[data-critical]", "data-initiative")
        .await
        .into_iter()
        .collect();
    assert_eq!(chain.iter().cloned().collect::<BTreeSet<_>>(), marked);
    assert_eq!(chain.last(), Some(id), "the chain ends at the selection");
    for w in chain.windows(2) {
        let (a, c) = (r.find(&w[0]).unwrap(), r.find(&w[1]).unwrap());
        assert!(
            r.initiatives[c].depends_on.contains(&a),
            "{} then {}",
            w[0],
            w[1]
        );
    }
    let bad = wait_framed(&b, &chain).await;
    assert!(bad.is_empty(), "{bad:#?}");
    b.close().await;
}

#[tokio::test]
async fn the_legend_is_on_the_first_screen_in_both_themes() {
    for dark in [false, true] {
        let b = Browser::themed(dark).await;
        for (w, h) in [(1440, 900), (1024, 768)] {
            resize(&b, w, h).await;
            b.open(&Server::site().base).await;
            b.wait_for("[data-legend]").await;
            let rect = b
                .eval("const r = document.querySelector('[data-legend]').getBoundingClientRect(); return JSON.stringify([r.top, r.bottom, r.left, r.right, innerHeight, innerWidth])")
                .await;
            let v: Vec<f64> = serde_json::from_str(&rect).unwrap();
            assert!(
                v[0] >= 0.0 && v[1] <= v[4] && v[1] > v[0] && v[2] >= 0.0 && v[3] <= v[5],
                "{rect}"
            );
            let keys = b.attr_all("[data-legend-key]", "data-legend-key").await;
            for k in [
                "high",
                "medium",
                "low",
                "done",
                "cancelled",
                "milestone",
                "ghost",
                "upstream",
                "downstream",
                "critical",
                "conflict",
            ] {
                assert!(keys.iter().any(|x| x == k), "{k} missing from {keys:?}");
            }
            // Upstream and downstream are not the schedule conflict's colour.
            let colours = b
                .eval("const s = k => getComputedStyle(document.querySelector(`[data-legend-key=${k}] .sw-ring, [data-legend-key=${k}] .sw-conflict`)).stroke; return JSON.stringify([s('upstream'), s('downstream'), s('conflict')])")
                .await;
            let c: Vec<String> = serde_json::from_str(&colours).unwrap();
            assert!(c[0] != c[2] && c[1] != c[2], "{colours}");
        }
        b.close().await;
    }
}

#[tokio::test]
async fn a_narrow_filter_refits_and_an_empty_one_says_so_in_the_chart() {
    let r = bundled();
    let b = Browser::new().await;
    // Three initiatives of one team: all labelled and framed, with the axis re-fitted.
    let team = r.initiatives.iter().find_map(|i| i.team).unwrap();
    let team_id = &r.teams[team].id;
    let members: Vec<String> = r
        .initiatives
        .iter()
        .filter(|i| i.team == Some(team) && (i.start.is_some() || i.end.is_some()))
        .map(|i| i.id.clone())
        .collect();
    b.open(&format!("{}?team={team_id}", Server::site().base))
        .await;
    b.wait_for("[data-zoom=\"fit\"]").await;
    let bad = wait_framed(&b, &members).await;
    assert!(bad.is_empty(), "{bad:#?}");
    for id in &members {
        let text = b
            .text(&format!(
                ".tl-body [data-initiative=\"{id}\"] .bar-label text"
            ))
            .await;
        assert!(text.chars().count() >= 8, "{id} reads {text:?}");
    }
    // Nothing matches: the chart says so, inside it, with a way out.
    b.open(&format!("{}?q=zzzz-nothing-matches", Server::site().base))
        .await;
    let message = b.wait_for("[data-chart-message=\"empty\"]").await;
    let inside = b
        .eval("const m = document.querySelector('[data-chart-message]').getBoundingClientRect(); const c = document.querySelector('.timeline').getBoundingClientRect(); return String(m.top >= c.top && m.bottom <= c.bottom && m.left >= c.left && m.right <= c.right)")
        .await;
    assert_eq!(inside, "true");
    assert!(message
        .text()
        .await
        .unwrap()
        .contains("No initiative matches"));
    b.click("[data-clear-filters]").await;
    b.wait_for(&format!("[data-visible-count=\"{}\"]", r.initiatives.len()))
        .await;
    // Conflicts only, where there are none: said in the chart.
    let calm = r
        .stages
        .iter()
        .find(|s| {
            let si = r.stages.iter().position(|x| x.id == s.id).unwrap();
            r.initiatives.iter().filter(|i| i.stage == si).all(|i| {
                i.depends_on
                    .iter()
                    .all(|&d| !Roadmap::schedule_conflict(&r.initiatives[d], i))
            })
        })
        .expect("a stage without schedule conflicts");
    b.open(&format!(
        "{}?stage={}&deps=violations",
        Server::site().base,
        calm.id
    ))
    .await;
    let note = b.text("[data-chart-message=\"no-conflicts\"]").await;
    assert!(note.contains("No schedule conflicts"), "{note}");
    b.close().await;
}

#[tokio::test]
async fn a_folded_row_unfolds_every_lane() {
    let r = bundled();
    let b = Browser::new().await;
    resize(&b, 1024, 768).await;
    // The first selection that needs folding at this size.
    let mut id = None;
    for i in selections(&r) {
        let candidate = &r.initiatives[i].id;
        b.open(&format!("{}?select={candidate}", Server::site().base))
            .await;
        b.wait_for(&format!("[data-detail=\"{candidate}\"]")).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        if !b
            .all("[data-view=\"timeline\"][data-folded]")
            .await
            .is_empty()
        {
            id = Some(candidate.clone());
            break;
        }
    }
    let id = id.expect("a selection folds lanes at 1024×768");
    let id = &id;
    let folded = b.all(".tl-body [data-initiative]").await.len();
    assert!(folded < r.initiatives.len(), "{folded} drawn while folded");
    b.click("[data-fold]").await;
    b.wait_for("[data-view=\"timeline\"]:not([data-folded])")
        .await;
    assert_eq!(
        b.all(".tl-body [data-initiative]").await.len(),
        r.initiatives.len()
    );
    // The selection is still framed.
    let bad = wait_framed(&b, std::slice::from_ref(id)).await;
    assert!(bad.is_empty(), "{bad:?}");
    b.close().await;
}
