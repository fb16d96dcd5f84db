//! The filter bar's options: each parameter's values with their facet counts, and
//! the team options grouped by stage.

use super::{horizon_filter, Filter, HorizonFilter, Param};
use crate::core::model::{Confidence, Initiative, Roadmap, Status};
use crate::core::text::date::Date;
use std::collections::HashMap;

/// One selectable option of a filter parameter, with how many initiatives it would leave.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterOption {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub active: bool,
    /// The stage (index) a team option is listed under; `None` for other parameters.
    pub group: Option<usize>,
}

/// The options of every parameter. Each count is how many initiatives pass all the
/// *other* parameters and have this value, which is what choosing it would show
/// (facet counts, as in search engines).
///
/// The list of options does not depend on the filter (a choice never adds or removes
/// another option, so nothing moves under the cursor): every team is offered, grouped
/// by its stage in stage order, with a count of 0 when another stage is chosen.
///
/// Complexity: O(P · N) for P parameters and N initiatives.
pub fn options(
    roadmap: &Roadmap,
    filter: &Filter,
    reference: Date,
) -> Vec<(Param, Vec<FilterOption>)> {
    Param::ALL
        .iter()
        .map(|&p| {
            let values: Vec<(String, String, Option<usize>)> = match p {
                Param::Stage => roadmap
                    .stages
                    .iter()
                    .map(|s| (s.id.clone(), s.name.clone(), None))
                    .collect(),
                Param::Team => teams_by_stage(roadmap)
                    .into_iter()
                    .map(|t| {
                        let t = &roadmap.teams[t];
                        (t.id.clone(), t.name.clone(), Some(t.stage))
                    })
                    .collect(),
                Param::Confidence => Confidence::ALL
                    .iter()
                    .map(|c| (c.as_str().into(), c.as_str().into(), None))
                    .collect(),
                Param::Status => Status::ALL
                    .iter()
                    .map(|s| (s.as_str().into(), s.as_str().into(), None))
                    .collect(),
                Param::Tag => roadmap
                    .tags
                    .iter()
                    .map(|t| (t.id.clone(), t.id.clone(), None))
                    .collect(),
                Param::Horizon => HorizonFilter::ALL
                    .iter()
                    .map(|h| (h.as_str().into(), h.as_str().into(), None))
                    .collect(),
            };
            let pool: Vec<&Initiative> = roadmap
                .initiatives
                .iter()
                .filter(|i| filter.matches_except(roadmap, i, reference, Some(p)))
                .collect();
            let counts = count_values(roadmap, &pool, p, &values, reference);
            let opts = values
                .into_iter()
                .zip(counts)
                .map(|((value, label, group), count)| FilterOption {
                    active: filter.has(p, &value),
                    value,
                    label,
                    count,
                    group,
                })
                // "unknown" confidence exists only where the data is broken: offered
                // only when some initiative has it (whatever the filter), or it is chosen.
                .filter(|o| {
                    p != Param::Confidence
                        || o.value != Confidence::Unknown.as_str()
                        || o.active
                        || roadmap
                            .initiatives
                            .iter()
                            .any(|i| i.confidence == Confidence::Unknown)
                })
                .collect();
            (p, opts)
        })
        .collect()
}

/// The team options of one stage: the filter bar lists them under the stage's name.
#[derive(Debug, PartialEq)]
pub struct TeamGroup<'a> {
    pub stage: usize,
    /// What choosing each of its teams would show, summed.
    pub count: usize,
    /// Whether one of its teams is chosen (the group starts open).
    pub chosen: bool,
    pub members: Vec<&'a FilterOption>,
}

/// Team options (as [`options`] lists them, in stage order) in runs of one stage each.
pub fn team_groups(opts: &[FilterOption]) -> Vec<TeamGroup<'_>> {
    let mut groups: Vec<TeamGroup> = Vec::new();
    for o in opts {
        let stage = o.group.unwrap_or_default();
        if groups.last().is_none_or(|g| g.stage != stage) {
            groups.push(TeamGroup {
                stage,
                count: 0,
                chosen: false,
                members: Vec::new(),
            });
        }
        let g = groups.last_mut().expect("a group was just pushed");
        g.count += o.count;
        g.chosen |= o.active;
        g.members.push(o);
    }
    groups
}

/// The teams in the order the filter lists them: grouped by stage, in stage order,
/// each stage's teams in roadmap order.
fn teams_by_stage(roadmap: &Roadmap) -> Vec<usize> {
    let mut teams: Vec<usize> = (0..roadmap.teams.len()).collect();
    teams.sort_by_key(|&t| roadmap.teams[t].stage);
    teams
}

/// How many of `pool` have each of `values` (of parameter `p`, listed as [`options`]
/// lists them): one pass over the pool, each initiative counted once per value it
/// has. Values are found by position, not by text: stages in roadmap order, teams
/// grouped by stage, enums in their declared order; only tags are looked up by name.
///
/// Complexity: O(N + V) for N initiatives in the pool and V values (tags: O(t²) per
/// initiative for its t tags, which are few).
fn count_values(
    roadmap: &Roadmap,
    pool: &[&Initiative],
    p: Param,
    values: &[(String, String, Option<usize>)],
    reference: Date,
) -> Vec<usize> {
    let mut counts = vec![0; values.len()];
    match p {
        Param::Stage => pool.iter().for_each(|i| counts[i.stage] += 1),
        Param::Team => {
            let mut position = vec![0; roadmap.teams.len()];
            for (k, t) in teams_by_stage(roadmap).into_iter().enumerate() {
                position[t] = k;
            }
            for t in pool.iter().filter_map(|i| i.team) {
                counts[position[t]] += 1;
            }
        }
        Param::Confidence => pool.iter().for_each(|i| counts[i.confidence as usize] += 1),
        Param::Status => pool.iter().for_each(|i| counts[i.status as usize] += 1),
        Param::Horizon => {
            for i in pool {
                let h = horizon_filter(roadmap, i, reference);
                let k = HorizonFilter::ALL.iter().position(|&x| x == h);
                counts[k.expect("every horizon is listed")] += 1;
            }
        }
        Param::Tag => {
            let index: HashMap<&str, usize> = values
                .iter()
                .enumerate()
                .map(|(k, (v, ..))| (v.as_str(), k))
                .collect();
            for i in pool {
                for (j, t) in i.tags.iter().enumerate() {
                    if let Some(&k) = index.get(t.as_str()).filter(|_| !i.tags[..j].contains(t)) {
                        counts[k] += 1;
                    }
                }
            }
        }
    }
    // Each value once: the loader keeps one stage, team or tag per id.
    counts
}
