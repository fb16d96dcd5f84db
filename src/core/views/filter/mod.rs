//! Filtering initiatives: which pass the current filters, the faded context around
//! them, and how many each filter option would leave.
//!
//! Within one parameter the values are alternatives (any may match); across
//! parameters all must match. Text search matches every word, case-insensitively,
//! against title, description, id and owner.

use crate::core::model::{Confidence, Horizon, Initiative, Roadmap, Status};
use crate::core::text::date::Date;
use std::collections::BTreeSet;

mod facets;
pub use facets::{options, team_groups, FilterOption, TeamGroup};

/// A horizon filter value: one of the three horizons, or undated with no horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HorizonFilter {
    In(Horizon),
    Unscheduled,
}

impl HorizonFilter {
    pub const ALL: [HorizonFilter; 4] = [
        HorizonFilter::In(Horizon::Short),
        HorizonFilter::In(Horizon::Medium),
        HorizonFilter::In(Horizon::Long),
        HorizonFilter::Unscheduled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HorizonFilter::In(h) => h.as_str(),
            HorizonFilter::Unscheduled => "unscheduled",
        }
    }

    pub fn parse(s: &str) -> Option<HorizonFilter> {
        if s == "unscheduled" {
            Some(HorizonFilter::Unscheduled)
        } else {
            Horizon::parse(s).map(HorizonFilter::In)
        }
    }
}

/// The filter part of the view state. Empty sets mean "no constraint".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub stages: BTreeSet<String>,
    pub teams: BTreeSet<String>,
    pub confidence: BTreeSet<Confidence>,
    pub status: BTreeSet<Status>,
    pub tags: BTreeSet<String>,
    pub horizon: BTreeSet<HorizonFilter>,
    pub q: String,
    /// Only the dependencies from one stage to another (`between=<stage>:<stage>`, set
    /// by a cell of the stage matrix): the initiatives at either end of such an edge.
    pub between: Option<(String, String)>,
}

/// The filter parameters, in URL and display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Param {
    Stage,
    Team,
    Confidence,
    Status,
    Tag,
    Horizon,
}

impl Param {
    pub const ALL: [Param; 6] = [
        Param::Stage,
        Param::Team,
        Param::Confidence,
        Param::Status,
        Param::Tag,
        Param::Horizon,
    ];

    /// The URL parameter name (`stage`, `team`, ...); part of the public contract.
    pub fn name(self) -> &'static str {
        match self {
            Param::Stage => "stage",
            Param::Team => "team",
            Param::Confidence => "confidence",
            Param::Status => "status",
            Param::Tag => "tag",
            Param::Horizon => "horizon",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Param::Stage => "Stage",
            Param::Team => "Team",
            Param::Confidence => "Confidence",
            Param::Status => "Status",
            Param::Tag => "Tags",
            Param::Horizon => "Horizon",
        }
    }
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// How many choices narrow the view: each chosen option, the search text and the
    /// stage-matrix restriction count one each ("Filters (3 active)").
    pub fn active_count(&self) -> usize {
        Param::ALL
            .iter()
            .map(|&p| self.values(p).len())
            .sum::<usize>()
            + usize::from(!self.q.trim().is_empty())
            + usize::from(self.between.is_some())
    }

    /// Whether `init` passes every parameter (except `skip`, used for option counts).
    pub fn matches_except(
        &self,
        roadmap: &Roadmap,
        init: &Initiative,
        reference: Date,
        skip: Option<Param>,
    ) -> bool {
        let want = |p: Param| skip != Some(p);
        (!want(Param::Stage)
            || self.stages.is_empty()
            || self.stages.contains(&roadmap.stages[init.stage].id))
            && (!want(Param::Team)
                || self.teams.is_empty()
                || init
                    .team
                    .is_some_and(|t| self.teams.contains(&roadmap.teams[t].id)))
            && (!want(Param::Confidence)
                || self.confidence.is_empty()
                || self.confidence.contains(&init.confidence))
            && (!want(Param::Status)
                || self.status.is_empty()
                || self.status.contains(&init.status))
            && (!want(Param::Tag)
                || self.tags.is_empty()
                || init.tags.iter().any(|t| self.tags.contains(t)))
            && (!want(Param::Horizon)
                || self.horizon.is_empty()
                || self
                    .horizon
                    .contains(&horizon_filter(roadmap, init, reference)))
            && self.matches_text(init)
            && self.matches_between(roadmap, init)
    }

    /// With `between = (a, b)`: whether `init` waits on something of stage `a` while
    /// in stage `b`, or is waited on by something of stage `b` while in stage `a`.
    fn matches_between(&self, roadmap: &Roadmap, init: &Initiative) -> bool {
        let Some((a, b)) = &self.between else {
            return true;
        };
        let own = roadmap.stages[init.stage].id.as_str();
        (own == b && init.depends_on.iter().any(|&d| stage_id(roadmap, d) == a))
            || (own == a
                && roadmap
                    .find(&init.id)
                    .is_some_and(|i| roadmap.dependents(i).any(|j| stage_id(roadmap, j) == b)))
    }

    /// Whether the dependency `to` waits on `from` is drawn: always, unless `between`
    /// restricts the drawing to the edges from one stage to another.
    pub fn shows_edge(&self, roadmap: &Roadmap, from: usize, to: usize) -> bool {
        self.between
            .as_ref()
            .is_none_or(|(a, b)| stage_id(roadmap, from) == a && stage_id(roadmap, to) == b)
    }

    pub fn matches(&self, roadmap: &Roadmap, init: &Initiative, reference: Date) -> bool {
        self.matches_except(roadmap, init, reference, None)
    }

    fn matches_text(&self, init: &Initiative) -> bool {
        let q = self.q.trim();
        if q.is_empty() {
            return true;
        }
        let hay = [
            Some(init.title.as_str()),
            init.description.as_deref(),
            Some(init.id.as_str()),
            init.owner.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("\n");
        q.to_lowercase().split_whitespace().all(|w| hay.contains(w))
    }

    /// The values set for `p`, as URL strings.
    pub fn values(&self, p: Param) -> Vec<String> {
        match p {
            Param::Stage => self.stages.iter().cloned().collect(),
            Param::Team => self.teams.iter().cloned().collect(),
            Param::Confidence => self
                .confidence
                .iter()
                .map(|c| c.as_str().to_string())
                .collect(),
            Param::Status => self.status.iter().map(|s| s.as_str().to_string()).collect(),
            Param::Tag => self.tags.iter().cloned().collect(),
            Param::Horizon => self
                .horizon
                .iter()
                .map(|h| h.as_str().to_string())
                .collect(),
        }
    }

    pub fn has(&self, p: Param, value: &str) -> bool {
        self.values(p).iter().any(|v| v == value)
    }

    /// Adds `value` to `p`, or removes it if present. Returns false if the value is not valid for `p`.
    pub fn toggle(&mut self, p: Param, value: &str) -> bool {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, v: T) {
            if !set.remove(&v) {
                set.insert(v);
            }
        }
        match p {
            Param::Stage => flip(&mut self.stages, value.to_string()),
            Param::Team => flip(&mut self.teams, value.to_string()),
            Param::Tag => flip(&mut self.tags, value.to_string()),
            Param::Confidence => match Confidence::parse(value) {
                Some(c) => flip(&mut self.confidence, c),
                None => return false,
            },
            Param::Status => match Status::parse(value) {
                Some(s) => flip(&mut self.status, s),
                None => return false,
            },
            Param::Horizon => match HorizonFilter::parse(value) {
                Some(h) => flip(&mut self.horizon, h),
                None => return false,
            },
        }
        true
    }
}

/// The id of initiative `i`'s stage.
fn stage_id(roadmap: &Roadmap, i: usize) -> &str {
    &roadmap.stages[roadmap.initiatives[i].stage].id
}

pub fn horizon_filter(roadmap: &Roadmap, init: &Initiative, reference: Date) -> HorizonFilter {
    roadmap
        .horizon_of(init, reference)
        .map_or(HorizonFilter::Unscheduled, HorizonFilter::In)
}

/// What a view shows: the initiatives that pass, and the ghosts around them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visible {
    /// Passing initiatives, in roadmap order.
    pub shown: Vec<usize>,
    /// Direct dependencies and dependents of shown ones that do not pass themselves
    /// (only with context, or for a single-stage / single-team roadmap).
    pub ghosts: Vec<usize>,
}

/// Applies `filter`. Ghosts appear when `context` is on, or when the view is one
/// stage's or one team's roadmap (its external blockers and dependents).
pub fn visible(roadmap: &Roadmap, filter: &Filter, reference: Date, context: bool) -> Visible {
    let pass: Vec<bool> = roadmap
        .initiatives
        .iter()
        .map(|i| filter.matches(roadmap, i, reference))
        .collect();
    let shown: Vec<usize> = (0..pass.len()).filter(|&i| pass[i]).collect();
    let scoped = filter.stages.len() == 1 || filter.teams.len() == 1;
    let mut ghosts = BTreeSet::new();
    if context || scoped {
        for &i in &shown {
            let around = roadmap.initiatives[i]
                .depends_on
                .iter()
                .copied()
                .chain(roadmap.dependents(i));
            for j in around {
                let outside = |init: &Initiative| {
                    !filter.stages.contains(&roadmap.stages[init.stage].id)
                        && init
                            .team
                            .is_none_or(|t| !filter.teams.contains(&roadmap.teams[t].id))
                };
                // Without context, a stage or team roadmap only shows what lies outside it.
                if !pass[j] && (context || outside(&roadmap.initiatives[j])) {
                    ghosts.insert(j);
                }
            }
        }
    }
    Visible {
        shown,
        ghosts: ghosts.into_iter().collect(),
    }
}
