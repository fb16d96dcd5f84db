//! The graph view's drawing of the bundled and generated data: grouping keeps the
//! crossings within twice the ungrouped drawing's, and the overview threshold holds
//! (nothing larger fits readably even in a 2560 × 1440 window).

use roadmap_viewer::core::filter::{self, Filter};
use roadmap_viewer::core::graph_view::{self, fit};
use roadmap_viewer::core::{generate, load, Date, Roadmap};
use std::collections::BTreeSet;

fn full(r: &Roadmap, grouped: bool) -> graph_view::GraphDrawing {
    let v = filter::visible(r, &Filter::default(), Date(0), false);
    let s = graph_view::shown(r, &v, false, &BTreeSet::new(), None);
    graph_view::draw(r, &v, &Filter::default(), &s, grouped)
}

#[test]
fn grouping_the_bundled_data_at_most_doubles_its_crossings() {
    let r = crate::bundled::roadmap();
    let (free, grouped) = (full(&r, false), full(&r, true));
    assert_eq!(grouped.bands.len(), r.stages.len());
    assert!(
        grouped.crossings <= 2 * free.crossings,
        "grouped {} vs {}",
        grouped.crossings,
        free.crossings
    );
}

/// The measurement behind `fit::OVERVIEW_ABOVE`: generated roadmaps of that size and
/// more never fit readably in the graph's area of a 2560 × 1440 window (about
/// 2270 × 1200 px), so the graph opens on the overview without laying them out.
#[test]
fn the_overview_threshold_is_measured() {
    let mut largest_fitting = 0;
    for n in (25..=250).step_by(25) {
        let (r, _) = load(&generate::generate(n, 7), generate::as_of());
        let started = std::time::Instant::now();
        let d = full(&r, false);
        let ms = started.elapsed().as_secs_f64() * 1e3;
        let fits = fit::fit(d.width, d.height, 2270.0, 1200.0).is_some();
        println!(
            "{n} initiatives: {:.0} x {:.0}, fits: {fits}, layout {ms:.1} ms (debug build)",
            d.width, d.height
        );
        if fits {
            largest_fitting = n;
        }
    }
    assert!(largest_fitting < fit::OVERVIEW_ABOVE, "{largest_fitting}");
}
