//! Filters over the bundled data: facet counts equal what choosing the option shows,
//! and the URL round-trips every view state.

use crate::bundled;
use roadmap_viewer::core::filter::{self, Filter, Param};
use roadmap_viewer::core::view_state::ViewState;

#[test]
fn each_option_count_is_what_choosing_it_leaves() {
    let r = bundled::roadmap();
    let today = r.as_of.unwrap();
    // From an empty filter, and from one already narrowed on another parameter.
    let mut narrowed = Filter::default();
    narrowed.toggle(Param::Confidence, "high");
    for base in [Filter::default(), narrowed] {
        for (p, opts) in filter::options(&r, &base, today) {
            for o in opts {
                let mut f = base.clone();
                // The count means: this parameter set to just this option.
                for v in f.values(p) {
                    f.toggle(p, &v);
                }
                f.toggle(p, &o.value);
                let shown = filter::visible(&r, &f, today, false).shown;
                assert_eq!(
                    o.count,
                    shown.len(),
                    "{}={} from {base:?}",
                    p.name(),
                    o.value
                );
                assert!(shown
                    .iter()
                    .all(|&i| f.matches(&r, &r.initiatives[i], today)));
                let (back, notices) = ViewState::from_query(
                    &ViewState {
                        filter: f.clone(),
                        ..Default::default()
                    }
                    .to_query(),
                );
                assert!(notices.is_empty());
                assert_eq!(back.filter, f);
            }
        }
    }
}

#[test]
fn context_adds_direct_neighbours_as_ghosts_only() {
    let r = bundled::roadmap();
    let today = r.as_of.unwrap();
    let mut f = Filter::default();
    f.toggle(Param::Team, "cells");
    f.toggle(Param::Team, "gitaly");
    let plain = filter::visible(&r, &f, today, false);
    assert!(
        plain.ghosts.is_empty(),
        "two teams is not a team roadmap: no ghosts without context"
    );
    let ctx = filter::visible(&r, &f, today, true);
    assert_eq!(ctx.shown, plain.shown);
    for &g in &ctx.ghosts {
        assert!(!plain.shown.contains(&g));
        let neighbour = plain.shown.iter().any(|&s| {
            r.initiatives[s].depends_on.contains(&g) || r.initiatives[g].depends_on.contains(&s)
        });
        assert!(
            neighbour,
            "{} is not a direct neighbour",
            r.initiatives[g].id
        );
    }
    assert!(!ctx.ghosts.is_empty());
}
