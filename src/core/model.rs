//! The checked roadmap: ids resolved to indices, dates parsed, the dependency graph built.

use crate::core::text::date::Date;
use crate::core::text::diagnostic::Diagnostic;
use crate::core::text::keyword::keyword_enum;
use petgraph::graph::{DiGraph, NodeIndex};
use std::cell::OnceCell;
use std::collections::HashMap;

/// Where something was written: file (relative to the data folder) and 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Source {
    pub file: String,
    pub line: u32,
}

keyword_enum!(
    /// `Unknown` is never written in the data: the viewer shows an initiative whose
    /// confidence is missing or invalid with it (and a problem mark), never as a real level.
    pub enum Confidence {
        High = "high",
        Medium = "medium",
        Low = "low",
        Unknown = "unknown",
    }
);

impl Confidence {
    /// The levels the data may declare.
    pub const DECLARABLE: &'static [&'static str] = &["high", "medium", "low"];

    /// A level as written in the data (`unknown` is not one).
    pub fn parse_declared(s: &str) -> Option<Confidence> {
        Confidence::parse(s).filter(|&c| c != Confidence::Unknown)
    }
}
keyword_enum!(
    pub enum Status {
        Proposed = "proposed",
        Planned = "planned",
        InProgress = "in-progress",
        Done = "done",
        Cancelled = "cancelled",
    }
);
keyword_enum!(
    pub enum Horizon {
        Short = "short",
        Medium = "medium",
        Long = "long",
    }
);

impl Horizon {
    /// The horizon a date falls in, counted from `reference`: within 1 year short,
    /// within 2 medium, anything later long.
    pub fn of_date(d: Date, reference: Date) -> Horizon {
        if d <= reference.add_years(1) {
            Horizon::Short
        } else if d <= reference.add_years(2) {
            Horizon::Medium
        } else {
            Horizon::Long
        }
    }
}

impl Status {
    /// Done or cancelled: nothing more will happen.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    pub id: String,
    pub name: String,
    /// Index into `Roadmap::stages`.
    pub stage: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Indices into `Roadmap::teams`.
    pub teams: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TagDef {
    pub id: String,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub title: String,
    /// Only http(s) or relative URLs ever get here.
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Initiative {
    pub id: String,
    pub title: String,
    pub stage: usize,
    pub team: Option<usize>,
    pub confidence: Confidence,
    pub status: Status,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// Declared horizon, for undated initiatives.
    pub horizon: Option<Horizon>,
    pub tags: Vec<String>,
    /// Indices into `Roadmap::initiatives` of what this one waits on.
    pub depends_on: Vec<usize>,
    pub owner: Option<String>,
    pub description: Option<String>,
    pub links: Vec<Link>,
    pub source: Source,
    /// Internal only: left out of redacted builds.
    pub confidential: bool,
    /// In redacted data: the confidential initiatives this one is linked to, as counts.
    pub redacted: Redacted,
    /// What is wrong with it in the data (its bad fields were neutralised to be shown):
    /// every diagnostic about it, in the order found.
    pub problems: Vec<Diagnostic>,
}

/// Placeholders for confidential initiatives that a redacted roadmap does not name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Redacted {
    /// (stage index, count) of confidential initiatives this one waits on.
    pub waits_on: Vec<(usize, u32)>,
    /// (stage index, count) of confidential initiatives that wait on this one.
    pub blocks: Vec<(usize, u32)>,
    /// Indices of initiatives it waits on through confidential steps (also in `depends_on`).
    pub via: Vec<usize>,
}

impl Redacted {
    pub fn is_empty(&self) -> bool {
        self.waits_on.is_empty() && self.blocks.is_empty() && self.via.is_empty()
    }
}

/// A loaded, checked roadmap.
///
/// **Invariant:** `graph` has one node per initiative, node `i` is `initiatives[i]`, an
/// edge `a -> b` means "b depends on a", and the graph is acyclic.
#[derive(Clone, Debug, Default)]
pub struct Roadmap {
    pub title: String,
    pub as_of: Option<Date>,
    pub edit_url: Option<String>,
    pub stages: Vec<Stage>,
    pub teams: Vec<Team>,
    pub tags: Vec<TagDef>,
    pub initiatives: Vec<Initiative>,
    pub graph: DiGraph<(), ()>,
    index: HashMap<String, usize>,
    /// Each title's length in characters, counted on first use (the timeline sizes
    /// every label with it on every layout).
    title_chars: OnceCell<Vec<u32>>,
}

/// Two roadmaps are equal when their content is: the graph and the id index are
/// derived from the initiatives.
impl PartialEq for Roadmap {
    fn eq(&self, other: &Self) -> bool {
        self.title == other.title
            && self.as_of == other.as_of
            && self.edit_url == other.edit_url
            && self.stages == other.stages
            && self.teams == other.teams
            && self.tags == other.tags
            && self.initiatives == other.initiatives
    }
}

impl Roadmap {
    /// Builds the roadmap and its graph from resolved parts. `depends_on` must be acyclic.
    pub(crate) fn assemble(
        title: String,
        as_of: Option<Date>,
        edit_url: Option<String>,
        stages: Vec<Stage>,
        teams: Vec<Team>,
        tags: Vec<TagDef>,
        initiatives: Vec<Initiative>,
    ) -> Roadmap {
        let mut graph = DiGraph::with_capacity(initiatives.len(), initiatives.len() * 2);
        for _ in &initiatives {
            graph.add_node(());
        }
        for (i, init) in initiatives.iter().enumerate() {
            for &d in &init.depends_on {
                graph.add_edge(NodeIndex::new(d), NodeIndex::new(i), ());
            }
        }
        let index = initiatives
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.clone(), i))
            .collect();
        Roadmap {
            title,
            as_of,
            edit_url,
            stages,
            teams,
            tags,
            initiatives,
            graph,
            index,
            title_chars: OnceCell::new(),
        }
    }

    /// How many initiatives each stage holds, by stage index. O(n).
    pub fn stage_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.stages.len()];
        for init in &self.initiatives {
            counts[init.stage] += 1;
        }
        counts
    }

    /// The initiative a diagnostic is about, when it is one of its problems.
    pub fn problem_owner(&self, d: &Diagnostic) -> Option<usize> {
        self.initiatives.iter().position(|i| i.problems.contains(d))
    }

    /// How many characters initiative `i`'s title has. O(1) after the first call, which
    /// counts every title.
    pub fn title_chars(&self, i: usize) -> usize {
        let counts = self.title_chars.get_or_init(|| {
            self.initiatives
                .iter()
                .map(|x| x.title.chars().count() as u32)
                .collect()
        });
        counts[i] as usize
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The dependents of initiative `i` (what waits on it).
    pub fn dependents(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.graph
            .neighbors_directed(NodeIndex::new(i), petgraph::Direction::Outgoing)
            .map(|n| n.index())
    }

    /// The day horizons count from: `as_of`, or `today` when the data does not say.
    pub fn reference_date(&self, today: Date) -> Date {
        self.as_of.unwrap_or(today)
    }

    /// The horizon an initiative falls in relative to `reference`: by its end, else its
    /// start, else its declared horizon; `None` means unscheduled.
    pub fn horizon_of(&self, init: &Initiative, reference: Date) -> Option<Horizon> {
        match init.end.or(init.start) {
            Some(d) => Some(Horizon::of_date(d, reference)),
            None => init.horizon,
        }
    }

    /// Whether `dependent` is scheduled to begin (or, for a milestone, end) on or before
    /// the day its dependency `dep` ends. Finished dependents and cancelled
    /// dependencies never conflict.
    pub fn schedule_conflict(dep: &Initiative, dependent: &Initiative) -> bool {
        match (dependent.start.or(dependent.end), dep.end) {
            (Some(begins), Some(dep_end)) => {
                begins <= dep_end
                    && !dependent.status.is_finished()
                    && dep.status != Status::Cancelled
            }
            _ => false,
        }
    }

    pub fn team_name(&self, init: &Initiative) -> Option<&str> {
        init.team.map(|t| self.teams[t].name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use crate::core::test_support::load_yaml;

    #[test]
    fn a_problem_is_owned_by_the_initiative_it_is_about() {
        let (r, diags) = load_yaml(
            "title: T\nstages: [{id: s, name: S}]\nnmae: x\ninitiatives:\n  - {id: a, title: A, stage: s, confidence: high, depends_on: [nope]}\n",
        );
        let owners: Vec<Option<&str>> = diags
            .iter()
            .map(|d| r.problem_owner(d).map(|i| r.initiatives[i].id.as_str()))
            .collect();
        assert!(owners.contains(&Some("a")), "{diags:?}");
        assert!(
            owners.contains(&None),
            "the unknown key is the file's: {diags:?}"
        );
    }
}
