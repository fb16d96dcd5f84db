//! How the plan moved: `roadmap history`'s result, from a data folder's commits in
//! order (the shell reads them from git: `git_history`).
//!
//! Each commit's files are loaded by the same loader as everywhere; its initiatives
//! are compared by id with the last sound commit's, on the fields that say where and
//! how sure the plan is ([`TRACKED`]: start, end, status, confidence, stage), valued as
//! `roadmap diff` values them (dates as resolved days, `2026-Q2` and `2026-06-30` as an
//! end are the same day). An initiative is first seen in one commit, then has an event
//! per changed field, `removed` when its id goes and `added` when it comes back.
//!
//! A commit whose data has errors is *broken*: it is reported with its errors and not
//! compared (its half-loaded roadmap would invent moves and removals); the next sound
//! commit is compared with the last sound one. A commit that changes no initiative is
//! left out. A public history ([`Builder::public`]) redacts each commit's roadmap as
//! `roadmap redact` does before comparing, so no confidential initiative has a
//! timeline, and withholds commit subjects that name one.
//!
//! Complexity: O(C · L) for C commits, L the cost of loading one (linear in the data).

pub mod at;
pub mod json;
pub mod pack;

use crate::core::load::{load, DataFiles};
use crate::core::model::Roadmap;
use crate::core::text::diagnostic::{Diagnostic, Severity};
use crate::core::text::keyword::keyword_enum;
use crate::core::tools::{diff, redact};
use crate::core::Date;
use std::collections::{BTreeMap, BTreeSet, HashMap};

keyword_enum!(
    /// What an event changed (a public contract: the JSON's `field`).
    pub enum Field {
        Start = "start",
        End = "end",
        Status = "status",
        Confidence = "confidence",
        Stage = "stage",
        /// The id left the roadmap (`from` and `to` null).
        Removed = "removed",
        /// The id came back after a removal (`from` and `to` null).
        Added = "added",
    }
);

/// The compared fields, in event order, with `roadmap diff`'s field for each.
pub const TRACKED: [(Field, diff::Field); 5] = [
    (Field::Start, diff::Field::Start),
    (Field::End, diff::Field::End),
    (Field::Status, diff::Field::Status),
    (Field::Confidence, diff::Field::Confidence),
    (Field::Stage, diff::Field::Stage),
];

/// One commit of the data folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Commit {
    pub id: String,
    /// The commit's (committer) day, UTC.
    pub date: Date,
    pub subject: String,
}

/// One change of one initiative.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Index into [`History::commits`].
    pub commit: usize,
    pub field: Field,
    /// The values as `roadmap diff` writes them (a day `YYYY-MM-DD`, a word, a stage
    /// id), `None` for none.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// An initiative's life in the history.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// The commit that first held it (index into [`History::commits`]).
    pub first_seen: usize,
    /// Oldest first.
    pub events: Vec<Event>,
    /// The commit that removed it, when the last commit does not hold it.
    pub removed: Option<usize>,
    /// Its end when first seen (the first plan).
    pub first_end: Option<Date>,
    /// Its end in the last commit that held it.
    pub last_end: Option<Date>,
    /// While it is removed: what the last commit that held it said of it (so the
    /// roadmap as it was, `at`, can show it).
    pub last: Option<Last>,
}

/// A removed initiative as the last commit that held it had it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Last {
    pub title: String,
    /// A team id.
    pub team: Option<String>,
    /// The ids it waited on.
    pub depends_on: Vec<String>,
    /// Its tracked values, in [`TRACKED`] order, as the events write them.
    pub values: [Option<String>; 5],
}

impl Timeline {
    /// How many commits moved its start or end.
    pub fn moves(&self) -> usize {
        let mut commits: Vec<usize> = self
            .events
            .iter()
            .filter(|e| matches!(e.field, Field::Start | Field::End))
            .map(|e| e.commit)
            .collect();
        commits.dedup();
        commits.len()
    }

    /// Days its end moved since it was first planned, when both are dated.
    pub fn slip_days(&self) -> Option<i32> {
        Some(self.last_end?.0 - self.first_end?.0)
    }
}

/// The history of a data folder.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// The commits that changed an initiative or are broken, oldest first.
    pub commits: Vec<Commit>,
    /// By id: every initiative any sound commit held.
    pub initiatives: BTreeMap<String, Timeline>,
    /// The broken commits' errors, by index into `commits`.
    pub broken: BTreeMap<usize, Vec<Diagnostic>>,
    /// Read from a shallow clone: the oldest commit seems to add all it holds.
    pub shallow: bool,
}

/// An initiative's tracked values in one commit, in [`TRACKED`] order.
type State = [Option<String>; 5];

/// Builds a [`History`] one commit at a time, oldest first.
pub struct Builder {
    public: bool,
    today: Date,
    history: History,
    /// The last sound commit's initiatives.
    last: HashMap<String, State>,
    /// Removed initiatives' last values, to compare with if they come back.
    gone: HashMap<String, State>,
    /// Every string of a confidential initiative in any commit (public histories).
    secrets: BTreeSet<String>,
    /// The last sound commit's roadmap (what a removed initiative was).
    previous: Option<Roadmap>,
}

impl Builder {
    /// `today` stands in for `as_of` when a commit's data has none.
    pub fn new(today: Date) -> Builder {
        Builder {
            public: false,
            today,
            history: History::default(),
            last: HashMap::new(),
            gone: HashMap::new(),
            secrets: BTreeSet::new(),
            previous: None,
        }
    }

    /// A history for a public build: each commit redacted before it is compared.
    pub fn public(today: Date) -> Builder {
        Builder {
            public: true,
            ..Builder::new(today)
        }
    }

    /// Adds the next commit and its data folder's files.
    pub fn push(&mut self, commit: Commit, files: &DataFiles) {
        let (roadmap, diags) = load(files, self.today);
        let broken = diags.iter().any(|d| d.severity == Severity::Error);
        let (roadmap, diags) = if self.public {
            self.secrets.extend(redact::confidential_strings(&roadmap));
            diff::public(&roadmap, &diags, self.today)
        } else {
            (roadmap, diags)
        };
        let index = self.history.commits.len();
        if broken {
            let errors = diags
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            self.history.broken.insert(index, errors);
            self.history.commits.push(commit);
            return;
        }
        if self.compare(index, &roadmap) {
            self.history.commits.push(commit);
        }
        self.previous = Some(roadmap);
    }

    /// Records `roadmap`'s changes as commit `index`'s; whether there were any.
    fn compare(&mut self, index: usize, roadmap: &Roadmap) -> bool {
        let mut now: HashMap<String, State> = HashMap::with_capacity(roadmap.initiatives.len());
        let mut ends: HashMap<&str, Option<Date>> = HashMap::new();
        for init in &roadmap.initiatives {
            let state =
                TRACKED.map(|(_, f)| diff::value(roadmap, init, f).as_str().map(String::from));
            if !now.contains_key(&init.id) {
                now.insert(init.id.clone(), state);
                ends.insert(&init.id, init.end);
            }
        }
        let mut changed = false;
        let event = |field, from: Option<String>, to: Option<String>| Event {
            commit: index,
            field,
            from,
            to,
        };
        for (id, state) in &now {
            let end = ends[id.as_str()];
            let before = match self.last.remove(id) {
                Some(b) => Some(b),
                None => self.gone.remove(id).inspect(|_| {
                    let t = self.history.initiatives.get_mut(id).expect("seen");
                    t.events.push(event(Field::Added, None, None));
                    t.removed = None;
                    t.last = None;
                    changed = true;
                }),
            };
            let Some(before) = before else {
                let first = Timeline {
                    first_seen: index,
                    events: Vec::new(),
                    removed: None,
                    first_end: end,
                    last_end: end,
                    last: None,
                };
                self.history.initiatives.insert(id.clone(), first);
                changed = true;
                continue;
            };
            let timeline = self.history.initiatives.get_mut(id).expect("seen");
            for (k, (field, _)) in TRACKED.iter().enumerate() {
                if before[k] != state[k] {
                    let e = event(*field, before[k].clone(), state[k].clone());
                    timeline.events.push(e);
                    changed = true;
                }
            }
            timeline.last_end = end;
        }
        // What is left of the last commit is gone from this one.
        for (id, state) in std::mem::take(&mut self.last) {
            let t = self.history.initiatives.get_mut(&id).expect("seen");
            t.events.push(event(Field::Removed, None, None));
            t.removed = Some(index);
            t.last = self.previous.as_ref().and_then(|r| {
                let init = &r.initiatives[r.find(&id)?];
                Some(Last {
                    title: init.title.clone(),
                    team: init.team.map(|k| r.teams[k].id.clone()),
                    depends_on: init
                        .depends_on
                        .iter()
                        .map(|&d| r.initiatives[d].id.clone())
                        .collect(),
                    values: state.clone(),
                })
            });
            self.gone.insert(id, state);
            changed = true;
        }
        self.last = now;
        changed
    }

    /// The history; `shallow` when the commits came from a shallow clone.
    pub fn finish(mut self, shallow: bool) -> History {
        self.history.shallow = shallow;
        if self.public {
            for c in &mut self.history.commits {
                if self
                    .secrets
                    .iter()
                    .any(|s| !s.is_empty() && c.subject.contains(s.as_str()))
                {
                    c.subject = WITHHELD.to_string();
                }
            }
        }
        self.history
    }
}

/// A public history's subject that named a confidential initiative.
pub const WITHHELD: &str = "(subject withheld)";

impl History {
    /// Only what happened on or after `since`: its commits and their events, and the
    /// initiatives with an event, first seen or removed then. `first_seen` still names
    /// the commit that first held an initiative, so that commit stays listed.
    pub fn since(&self, since: Date) -> History {
        let recent = |c: usize| self.commits[c].date >= since;
        let mut used = BTreeSet::new();
        let mut kept = BTreeMap::new();
        for (id, t) in &self.initiatives {
            let events: Vec<Event> = t
                .events
                .iter()
                .filter(|e| recent(e.commit))
                .cloned()
                .collect();
            if events.is_empty() && !recent(t.first_seen) {
                continue;
            }
            used.insert(t.first_seen);
            used.extend(t.removed);
            used.extend(events.iter().map(|e| e.commit));
            kept.insert(
                id.clone(),
                Timeline {
                    events,
                    ..t.clone()
                },
            );
        }
        used.extend((0..self.commits.len()).filter(|&c| recent(c)));
        // Renumber the commits kept.
        let new: HashMap<usize, usize> = used.iter().enumerate().map(|(n, &c)| (c, n)).collect();
        for t in kept.values_mut() {
            t.first_seen = new[&t.first_seen];
            t.removed = t.removed.map(|c| new[&c]);
            for e in &mut t.events {
                e.commit = new[&e.commit];
            }
        }
        History {
            commits: used.iter().map(|&c| self.commits[c].clone()).collect(),
            initiatives: kept,
            broken: self
                .broken
                .iter()
                .filter(|(c, _)| new.contains_key(c))
                .map(|(c, d)| (new[c], d.clone()))
                .collect(),
            shallow: self.shallow,
        }
    }
}

#[cfg(test)]
mod tests;
