//! A stage's page or a team's page: which one the filter makes (one stage, or one
//! team), its heading (name, description, counts, a team's stage) and which stage the
//! stage index marks as current.

use crate::core::model::{Roadmap, Status};
use crate::core::views::filter::Filter;

/// The page a filter of exactly one stage, or exactly one team, makes.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    /// The stage (index): the page's, or the team's.
    pub stage: usize,
    /// The team (index), for a team's page.
    pub team: Option<usize>,
    /// "Cells", or "Tenant Scale".
    pub name: String,
    /// For a team: "a team of Tenant Scale".
    pub context: Option<String>,
    pub description: Option<String>,
    /// "12 initiatives · 3 teams · 4 in progress · 2 done · waits on 3 in other
    /// stages · 5 in other stages wait on it".
    pub counts: String,
}

/// The page `filter` makes, if it is a stage's or a team's (other parameters may
/// narrow it further; the heading still describes the whole stage or team).
pub fn scope_of(r: &Roadmap, filter: &Filter) -> Option<Scope> {
    let one = |set: &std::collections::BTreeSet<String>| {
        (set.len() == 1)
            .then(|| set.iter().next().cloned())
            .flatten()
    };
    let team = one(&filter.teams).and_then(|id| r.teams.iter().position(|t| t.id == id));
    let stage = match team {
        Some(t) => Some(r.teams[t].stage),
        None if filter.teams.is_empty() => {
            one(&filter.stages).and_then(|id| r.stages.iter().position(|s| s.id == id))
        }
        None => None,
    }?;
    // A team page with a stage filter of another stage is no team's page.
    if team.is_some() && !filter.stages.is_empty() && !filter.stages.contains(&r.stages[stage].id) {
        return None;
    }
    let members: Vec<usize> = (0..r.initiatives.len())
        .filter(|&i| match team {
            Some(t) => r.initiatives[i].team == Some(t),
            None => r.initiatives[i].stage == stage,
        })
        .collect();
    let inside = |j: usize| members.binary_search(&j).is_ok();
    let waits_on: std::collections::BTreeSet<usize> = members
        .iter()
        .flat_map(|&i| r.initiatives[i].depends_on.iter().copied())
        .filter(|&j| !inside(j))
        .collect();
    let waited_on_by: std::collections::BTreeSet<usize> = members
        .iter()
        .flat_map(|&i| r.dependents(i))
        .filter(|&j| !inside(j))
        .collect();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut counts = vec![plural(members.len(), "initiative")];
    if team.is_none() && !r.stages[stage].teams.is_empty() {
        counts.push(plural(r.stages[stage].teams.len(), "team"));
    }
    for (status, label) in [(Status::InProgress, "in progress"), (Status::Done, "done")] {
        let n = members
            .iter()
            .filter(|&&i| r.initiatives[i].status == status)
            .count();
        if n > 0 {
            counts.push(format!("{n} {label}"));
        }
    }
    let elsewhere = if team.is_some() {
        "other teams"
    } else {
        "other stages"
    };
    if !waits_on.is_empty() {
        counts.push(format!("waits on {} in {elsewhere}", waits_on.len()));
    }
    if !waited_on_by.is_empty() {
        counts.push(format!("{} in {elsewhere} wait on it", waited_on_by.len()));
    }
    let s = &r.stages[stage];
    Some(match team {
        Some(t) => Scope {
            stage,
            team,
            name: r.teams[t].name.clone(),
            context: Some(format!("a team of {}", s.name)),
            description: None,
            counts: counts.join(" · "),
        },
        None => Scope {
            stage,
            team,
            name: s.name.clone(),
            context: None,
            description: s.description.clone(),
            counts: counts.join(" · "),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::roadmap;

    const DATA: &str = "title: T
stages:
  - {id: a, name: Alpha, description: The first., teams: [{id: x, name: Ex}, {id: y, name: Why}]}
  - {id: b, name: Beta}
initiatives:
  - {id: a1, title: A1, stage: a, team: x, confidence: high, status: in-progress}
  - {id: a2, title: A2, stage: a, team: y, confidence: high, depends_on: [a1, b1]}
  - {id: b1, title: B1, stage: b, confidence: high, status: done}
  - {id: b2, title: B2, stage: b, confidence: high, depends_on: [a2]}
";

    /// A page's name, context and counts, as the heading shows them.
    type Heading<'a> = Option<(&'a str, Option<&'a str>, &'a str)>;

    fn filter(query: &str) -> Filter {
        crate::core::views::view_state::ViewState::from_query(query)
            .0
            .filter
    }

    #[test]
    fn one_stage_or_one_team_makes_a_page_with_its_counts() {
        let r = roadmap(DATA);
        let cases: &[(&str, Heading)] = &[
            ("", None),
            ("stage=a,b", None),
            ("team=x,y", None),
            (
                "stage=a",
                Some((
                    "Alpha",
                    None,
                    "2 initiatives · 2 teams · 1 in progress · waits on 1 in other stages · 1 in other stages wait on it",
                )),
            ),
            (
                "stage=a&confidence=high",
                Some((
                    "Alpha",
                    None,
                    "2 initiatives · 2 teams · 1 in progress · waits on 1 in other stages · 1 in other stages wait on it",
                )),
            ),
            ("stage=b", Some(("Beta", None, "2 initiatives · 1 done · waits on 1 in other stages · 1 in other stages wait on it"))),
            (
                "team=y",
                Some((
                    "Why",
                    Some("a team of Alpha"),
                    "1 initiative · waits on 2 in other teams · 1 in other teams wait on it",
                )),
            ),
            ("team=y&stage=a", Some(("Why", Some("a team of Alpha"), "1 initiative · waits on 2 in other teams · 1 in other teams wait on it"))),
            ("team=y&stage=b", None),
        ];
        for (query, want) in cases {
            let got = scope_of(&r, &filter(query));
            let got = got
                .as_ref()
                .map(|s| (s.name.as_str(), s.context.as_deref(), s.counts.as_str()));
            assert_eq!(got, *want, "{query}");
        }
        let alpha = scope_of(&r, &filter("stage=a")).unwrap();
        assert_eq!(alpha.description.as_deref(), Some("The first."));
        assert_eq!(scope_of(&r, &filter("team=y")).unwrap().stage, 0);
    }
}
