//! Filters over the bundled data: facet counts equal what choosing the option shows,
//! and the URL round-trips every view state.

use crate::bundled;
use roadmap_viewer::core::views::filter::{self, Filter, Param};
use roadmap_viewer::core::views::view_state::ViewState;

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

/// Filters hold still: choosing any option adds, removes or reorders no option, so
/// nothing moves under the cursor. Teams come grouped by stage, in stage order.
#[test]
fn choosing_an_option_never_changes_the_list_of_options() {
    let r = bundled::roadmap();
    let today = r.as_of.unwrap();
    // Each parameter's options, as (value, group).
    type Shape = Vec<(Param, Vec<(String, Option<usize>)>)>;
    let shape = |f: &Filter| -> Shape {
        filter::options(&r, f, today)
            .into_iter()
            .map(|(p, opts)| (p, opts.into_iter().map(|o| (o.value, o.group)).collect()))
            .collect()
    };
    let base = shape(&Filter::default());
    for (p, opts) in filter::options(&r, &Filter::default(), today) {
        for o in opts {
            let mut f = Filter::default();
            f.toggle(p, &o.value);
            assert_eq!(shape(&f), base, "after choosing {}={}", p.name(), o.value);
        }
    }
    let teams = &base.iter().find(|(p, _)| *p == Param::Team).unwrap().1;
    assert_eq!(teams.len(), r.teams.len());
    let groups: Vec<usize> = teams.iter().map(|(_, g)| g.unwrap()).collect();
    assert!(groups.windows(2).all(|w| w[0] <= w[1]), "{groups:?}");
}

#[test]
fn active_count_counts_each_choice_once() {
    let cases = [
        ("", 0),
        ("stage=a", 1),
        ("stage=a,b&confidence=high", 3),
        ("q=cells", 1),
        ("q=cells&team=x&horizon=unscheduled", 3),
    ];
    for (query, want) in cases {
        let f = ViewState::from_query(query).0.filter;
        assert_eq!(f.active_count(), want, "{query}");
    }
}

#[test]
fn team_groups_are_one_per_stage_with_their_total_and_what_is_chosen() {
    let r = bundled::roadmap();
    let today = r.as_of.unwrap();
    let mut f = Filter::default();
    f.toggle(Param::Team, "cells");
    let options = filter::options(&r, &f, today);
    let teams = &options.iter().find(|(p, _)| *p == Param::Team).unwrap().1;
    let groups = filter::team_groups(teams);
    let stages: Vec<usize> = groups.iter().map(|g| g.stage).collect();
    let with_teams: Vec<usize> = (0..r.stages.len())
        .filter(|&s| !r.stages[s].teams.is_empty())
        .collect();
    assert_eq!(
        stages, with_teams,
        "one group per stage with teams, in stage order"
    );
    for g in &groups {
        assert_eq!(g.count, g.members.iter().map(|o| o.count).sum::<usize>());
        assert!(g.members.iter().all(|o| o.group == Some(g.stage)));
        assert_eq!(
            g.chosen,
            r.stages[g.stage].id == "tenant-scale",
            "stage {}",
            g.stage
        );
    }
}
