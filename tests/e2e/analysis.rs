//! The graph view and impact analysis in Chromium: the graph shows the filtered
//! initiatives, a selection marks exactly its upstream and downstream in both views,
//! and a slip URL moves exactly the right initiatives to the right dates.

use crate::harness::{bundled, Browser, Server};
use roadmap_viewer::core::views::filter::{self, Filter, Param};
use roadmap_viewer::core::{analysis::reach, analysis::slip, Roadmap};
use std::collections::BTreeSet;

fn ids(r: &Roadmap, idx: impl IntoIterator<Item = usize>) -> BTreeSet<String> {
    idx.into_iter()
        .map(|i| r.initiatives[i].id.clone())
        .collect()
}

async fn attr_set(b: &Browser, css: &str, attr: &str) -> BTreeSet<String> {
    b.attr_all(css, attr).await.into_iter().collect()
}

#[tokio::test]
async fn the_graph_view_shows_the_filtered_initiatives() {
    let r = bundled();
    let mut f = Filter::default();
    f.toggle(Param::Stage, "tenant-scale");
    f.toggle(Param::Confidence, "low");
    f.toggle(Param::Confidence, "medium");
    let want = filter::visible(&r, &f, r.as_of.unwrap(), false);
    let b = Browser::new().await;
    b.open(&format!(
        "{}?view=graph&stage=tenant-scale&confidence=low,medium",
        Server::site().base
    ))
    .await;
    b.wait_for("[data-view=\"graph\"]").await;
    assert_eq!(
        attr_set(&b, "[data-node]:not([data-ghost])", "data-node").await,
        ids(&r, want.shown.iter().copied())
    );
    assert_eq!(
        attr_set(&b, "[data-node][data-ghost]", "data-node").await,
        ids(&r, want.ghosts.iter().copied())
    );
    assert!(
        b.all("[data-initiative]").await.is_empty(),
        "the timeline is not drawn in the graph view"
    );
    // Grouping by stage keeps the same nodes and records itself in the URL.
    b.click("[data-control=\"group:stage\"]").await;
    b.wait_for("[data-control=\"group:stage\"][aria-pressed=\"true\"]")
        .await;
    assert!(b.url().await.contains("group=stage"));
    assert_eq!(
        attr_set(&b, "[data-node]:not([data-ghost])", "data-node").await,
        ids(&r, want.shown.iter().copied())
    );
    // Switching views keeps the filters.
    b.click("[data-control=\"view:timeline\"]").await;
    b.wait_for("[data-view=\"timeline\"]").await;
    b.wait_for(&format!("[data-visible-count=\"{}\"]", want.shown.len()))
        .await;
    b.close().await;
}

/// A stage-matrix cell shows exactly the dependencies of one stage on another: the
/// initiatives at their ends and only those edges, in the graph and the timeline.
#[tokio::test]
async fn a_matrix_cell_filters_to_exactly_those_dependencies() {
    let r = bundled();
    let stage = |i: usize| r.stages[r.initiatives[i].stage].id.clone();
    // The busiest cross-stage pair of the bundled data.
    let mut count: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for (i, init) in r.initiatives.iter().enumerate() {
        for &d in &init.depends_on {
            if stage(d) != stage(i) {
                *count.entry((stage(d), stage(i))).or_default() += 1;
            }
        }
    }
    let ((a, b_stage), n) = count.into_iter().max_by_key(|(_, n)| *n).unwrap();
    assert!(n >= 2, "the bundled data has cross-stage dependencies");
    let mut edges = BTreeSet::new();
    let mut ends = BTreeSet::new();
    for (i, init) in r.initiatives.iter().enumerate() {
        for &d in &init.depends_on {
            if stage(d) == a && stage(i) == b_stage {
                edges.insert(format!("{}->{}", r.initiatives[d].id, init.id));
                ends.insert(r.initiatives[d].id.clone());
                ends.insert(init.id.clone());
            }
        }
    }
    let b = Browser::new().await;
    b.open(&format!("{}?view=graph&stage={a}", Server::site().base))
        .await;
    b.wait_for("[data-view=\"graph\"]").await;
    b.click(&format!("[data-matrix=\"{a}:{b_stage}\"]")).await;
    b.wait_for(&format!("[data-between=\"{a}:{b_stage}\"]"))
        .await;
    assert_eq!(attr_set(&b, "[data-node]", "data-node").await, ends);
    assert_eq!(attr_set(&b, "[data-edge]", "data-edge").await, edges);
    let url = b.url().await;
    assert!(url.contains(&format!("between={a}:{b_stage}")), "{url}");
    assert!(
        !url.contains("stage="),
        "the cell replaces the stage filter: {url}"
    );
    // The timeline shows the same bars and, with all arrows on, the same arrows.
    b.click("[data-control=\"view:timeline\"]").await;
    b.wait_for("[data-view=\"timeline\"]").await;
    let bars: BTreeSet<String> =
        attr_set(&b, "[data-initiative]:not([data-ghost])", "data-initiative").await;
    let dated: BTreeSet<String> = ends
        .iter()
        .filter(|id| r.initiatives[r.find(id).unwrap()].start.is_some())
        .cloned()
        .collect();
    assert_eq!(bars, dated);
    let drawn_both_ends: BTreeSet<String> = edges
        .iter()
        .filter(|e| {
            let (from, to) = e.split_once("->").unwrap();
            dated.contains(from) && dated.contains(to)
        })
        .cloned()
        .collect();
    assert_eq!(
        attr_set(&b, "path.arrow[data-edge]", "data-edge").await,
        drawn_both_ends
    );
    // Dropping the restriction brings every stage back.
    b.click("[data-between] button").await;
    b.wait_for(&format!("[data-visible-count=\"{}\"]", r.initiatives.len()))
        .await;
    b.close().await;
}

#[tokio::test]
async fn a_selection_marks_exactly_its_upstream_and_downstream_in_both_views() {
    let r = bundled();
    let id = "cells-1-0";
    let i = r.find(id).unwrap();
    let up = ids(&r, reach::upstream(&r, i));
    let down = ids(&r, reach::downstream(&r, i));
    assert!(up.len() >= 5 && down.len() >= 5);
    let b = Browser::new().await;
    b.open(&format!("{}?select={id}", Server::site().base))
        .await;
    b.wait_for(&format!(
        "[data-initiative=\"{id}\"][data-impact=\"selected\"]"
    ))
    .await;
    // On the timeline, lanes holding only distant relations may fold away so that
    // the direct ones fit the screen: every drawn bar is marked exactly, every direct
    // relation is drawn, and the details list the whole reach.
    let drawn = attr_set(&b, ".tl-body [data-initiative]", "data-initiative").await;
    let marked_up = attr_set(
        &b,
        "[data-initiative][data-impact=\"upstream\"]",
        "data-initiative",
    )
    .await;
    let marked_down = attr_set(
        &b,
        "[data-initiative][data-impact=\"downstream\"]",
        "data-initiative",
    )
    .await;
    assert_eq!(marked_up, up.intersection(&drawn).cloned().collect());
    assert_eq!(marked_down, down.intersection(&drawn).cloned().collect());
    assert!(ids(&r, r.initiatives[i].depends_on.iter().copied()).is_subset(&marked_up));
    assert!(ids(&r, r.dependents(i)).is_subset(&marked_down));
    assert_eq!(
        attr_set(
            &b,
            "[data-relations=\"blocked-by\"] [data-goto]",
            "data-goto"
        )
        .await,
        up
    );
    assert_eq!(
        attr_set(&b, "[data-relations=\"blocks\"] [data-goto]", "data-goto").await,
        down
    );
    let summary = b.text("[data-impact-summary]").await;
    let stages: BTreeSet<usize> = reach::downstream(&r, i)
        .into_iter()
        .map(|j| r.initiatives[j].stage)
        .collect();
    assert!(
        summary.starts_with(&format!(
            "Blocks {} initiatives in {} stage",
            down.len(),
            stages.len()
        )),
        "{summary}"
    );

    b.click("[data-control=\"view:graph\"]").await;
    b.wait_for(&format!("[data-node=\"{id}\"][data-impact=\"selected\"]"))
        .await;
    assert!(
        b.url().await.contains(&format!("select={id}")),
        "the selection survives the view switch"
    );
    // Every stage expanded (the graph opens on the stage overview at this size).
    let every: Vec<String> = r.stages.iter().map(|s| s.id.clone()).collect();
    b.open(&format!(
        "{}?view=graph&select={id}&expand={}",
        Server::site().base,
        every.join(",")
    ))
    .await;
    b.wait_for(&format!("[data-node=\"{id}\"][data-impact=\"selected\"]"))
        .await;
    assert_eq!(
        attr_set(&b, "[data-node][data-impact=\"upstream\"]", "data-node").await,
        up
    );
    assert_eq!(
        attr_set(&b, "[data-node][data-impact=\"downstream\"]", "data-node").await,
        down
    );
    assert!(
        b.url().await.contains(&format!("select={id}")),
        "the selection survives the view switch"
    );
    b.close().await;
}

#[tokio::test]
async fn a_slip_url_moves_exactly_the_right_initiatives_to_the_right_dates() {
    let r = bundled();
    let (id, weeks) = ("gitaly-raft", 12);
    let moves = slip::propagate(&r, r.find(id).unwrap(), weeks, r.as_of.unwrap());
    let expected: BTreeSet<(String, String)> = moves
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let m = m.as_ref()?;
            Some((r.initiatives[i].id.clone(), m.end.or(m.start)?.to_string()))
        })
        .collect();
    assert!(expected.len() >= 3, "{expected:?}");
    let b = Browser::new().await;
    b.open(&format!("{}?slip={id}:{weeks}w", Server::site().base))
        .await;
    b.wait_for("[data-moved]").await;
    let mut got = BTreeSet::new();
    for e in b.all("[data-moved]").await {
        got.insert((
            e.attr("data-initiative").await.unwrap().unwrap(),
            e.attr("data-new-end").await.unwrap().unwrap(),
        ));
    }
    assert_eq!(got, expected);
    assert_eq!(
        b.all("[data-slip-ghost]").await.len(),
        expected.len(),
        "one ghost bar per moved initiative"
    );
    b.close().await;
}
