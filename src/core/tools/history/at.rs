//! The roadmap as it was (`at=YYYY-MM-DD`): today's roadmap wound back along its
//! history to the last commit on or before a day.
//!
//! What the history tracks is exact at that commit: which initiatives the roadmap
//! held (those added later are left out, those removed since come back from the
//! history's record of them) and each one's start, end, status, confidence and
//! stage (each field's value is the `from` of its first event after the commit, or
//! today's when none came later). Titles, teams, descriptions and dependencies are
//! today's (a removed initiative's are those of the last commit that held it): the
//! history does not track them. The result's `as_of` is the day asked for, so the
//! today line and the horizons are where they were; it carries no diagnostics (they
//! are today's files' problems).
//!
//! Complexity: O(n + E) for n initiatives and E events.

use super::{Event, Field, History, Timeline, TRACKED};
use crate::core::model::{Confidence, Initiative, Roadmap, Source, Stage, Status};
use crate::core::text::date::{Date, Edge};
use std::collections::HashMap;

/// The roadmap at a commit, and how it compares with today's.
#[derive(Clone, Debug)]
pub struct Then {
    pub roadmap: Roadmap,
    /// Index into [`History::commits`]: the last commit on or before the day.
    pub commit: usize,
    /// For each of its initiatives, its index in today's roadmap (`None`: removed since).
    pub today_index: Vec<Option<usize>>,
    /// Today's initiatives it does not hold (added since).
    pub added_since: usize,
    /// Its initiatives today's roadmap does not hold.
    pub removed_since: usize,
}

/// The answer to "what did the roadmap say on that day?".
#[derive(Clone, Debug)]
pub enum At {
    Then(Box<Then>),
    /// The day is before the history's first commit (the oldest kept, in a shallow
    /// clone).
    BeforeHistory {
        first: Date,
    },
}

/// `now` as it was at the last commit of `h` on or before `day`.
pub fn roadmap_at(now: &Roadmap, h: &History, day: Date) -> At {
    // Commits are in order and their days do not go back (first-parent history);
    // a broken commit held nothing comparable, so the roadmap is its last sound one's.
    let commit = h
        .commits
        .iter()
        .enumerate()
        .rfind(|(i, c)| c.date <= day && !h.broken.contains_key(i))
        .map(|(i, _)| i);
    let Some(commit) = commit else {
        return At::BeforeHistory {
            first: h.commits.first().map_or(day, |c| c.date),
        };
    };
    let mut stages = now.stages.clone();
    let mut initiatives = Vec::new();
    let mut today_index = Vec::new();
    // Dependencies by id, resolved once every initiative is placed.
    let mut waits: Vec<Vec<String>> = Vec::new();
    let mut added_since = 0;
    for (i, init) in now.initiatives.iter().enumerate() {
        let held = h.initiatives.get(&init.id).filter(|t| held_at(t, commit));
        let Some(t) = held else {
            added_since += 1;
            continue;
        };
        let today = TRACKED.map(|(_, f)| {
            crate::core::tools::diff::value(now, init, f)
                .as_str()
                .map(String::from)
        });
        let mut then = init.clone();
        then.problems.clear();
        wind_back(&mut then, &mut stages, &today, &t.events, commit);
        keep_team_in_stage(&mut then, now);
        waits.push(
            init.depends_on
                .iter()
                .map(|&d| now.initiatives[d].id.clone())
                .collect(),
        );
        initiatives.push(then);
        today_index.push(Some(i));
    }
    let mut removed_since = 0;
    for (id, t) in &h.initiatives {
        let (Some(last), true) = (&t.last, now.find(id).is_none()) else {
            continue;
        };
        if !held_at(t, commit) {
            continue;
        }
        let team = last
            .team
            .as_deref()
            .and_then(|team| now.teams.iter().position(|x| x.id == team));
        let mut then = Initiative {
            id: id.clone(),
            title: last.title.clone(),
            stage: 0,
            team,
            confidence: Confidence::Unknown,
            status: Status::Planned,
            start: None,
            end: None,
            horizon: None,
            tags: Vec::new(),
            depends_on: Vec::new(),
            owner: None,
            description: None,
            links: Vec::new(),
            source: Source::default(),
            confidential: false,
            redacted: Default::default(),
            problems: Vec::new(),
        };
        wind_back(&mut then, &mut stages, &last.values, &t.events, commit);
        keep_team_in_stage(&mut then, now);
        waits.push(last.depends_on.clone());
        initiatives.push(then);
        today_index.push(None);
        removed_since += 1;
    }
    let index: HashMap<&str, usize> = initiatives
        .iter()
        .enumerate()
        .map(|(k, x)| (x.id.as_str(), k))
        .collect();
    let resolved: Vec<Vec<usize>> = waits
        .iter()
        .map(|w| {
            w.iter()
                .filter_map(|d| index.get(d.as_str()).copied())
                .collect()
        })
        .collect();
    for (init, deps) in initiatives.iter_mut().zip(resolved) {
        init.depends_on = deps;
    }
    // Today's dependencies among initiatives that were there, with a removed one's
    // last ones, could close a loop no single commit had: then only today's are kept
    // (a subset of today's acyclic graph).
    if has_cycle(&initiatives) {
        for (init, k) in initiatives.iter_mut().zip(&today_index) {
            if k.is_none() {
                init.depends_on.clear();
            }
        }
    }
    let roadmap = Roadmap::assemble(
        now.title.clone(),
        Some(day),
        now.edit_url.clone(),
        stages,
        now.teams.clone(),
        now.tags.clone(),
        initiatives,
    );
    At::Then(Box::new(Then {
        roadmap,
        commit,
        today_index,
        added_since,
        removed_since,
    }))
}

/// Whether the roadmap of commit `c` held the initiative `t` tells of.
fn held_at(t: &Timeline, c: usize) -> bool {
    if t.first_seen > c {
        return false;
    }
    let last = t
        .events
        .iter()
        .rfind(|e| e.commit <= c && matches!(e.field, Field::Removed | Field::Added));
    !matches!(
        last,
        Some(Event {
            field: Field::Removed,
            ..
        })
    )
}

/// Sets `init`'s tracked fields to their values at commit `c`: `latest` are the
/// values after the last event, `events` its events, oldest first.
fn wind_back(
    init: &mut Initiative,
    stages: &mut Vec<Stage>,
    latest: &[Option<String>; 5],
    events: &[Event],
    c: usize,
) {
    for (k, (field, _)) in TRACKED.iter().enumerate() {
        let value = events
            .iter()
            .find(|e| e.commit > c && e.field == *field)
            .map_or(&latest[k], |e| &e.from);
        let value = value.as_deref();
        let day = |v: Option<&str>| v.and_then(|v| Date::parse(v, Edge::First).ok());
        match field {
            Field::Start => init.start = day(value),
            Field::End => init.end = day(value),
            Field::Status => init.status = value.and_then(Status::parse).unwrap_or(Status::Planned),
            Field::Confidence => {
                init.confidence = value
                    .and_then(Confidence::parse)
                    .unwrap_or(Confidence::Unknown)
            }
            Field::Stage => init.stage = stage_index(stages, value.unwrap_or_default()),
            Field::Removed | Field::Added => {}
        }
    }
    if init.start.is_some() || init.end.is_some() {
        init.horizon = None;
    }
}

/// A team belongs to one stage: an initiative that was in another then has none.
fn keep_team_in_stage(init: &mut Initiative, now: &Roadmap) {
    if init.team.is_some_and(|k| now.teams[k].stage != init.stage) {
        init.team = None;
    }
}

/// The index of stage `id`, added (named by its id) when today's roadmap has none.
fn stage_index(stages: &mut Vec<Stage>, id: &str) -> usize {
    if let Some(k) = stages.iter().position(|s| s.id == id) {
        return k;
    }
    stages.push(Stage {
        id: id.to_string(),
        name: id.to_string(),
        description: Some("A stage the roadmap no longer has.".into()),
        teams: Vec::new(),
    });
    stages.len() - 1
}

/// Whether the dependencies loop.
fn has_cycle(initiatives: &[Initiative]) -> bool {
    let succ: Vec<Vec<usize>> = initiatives.iter().map(|i| i.depends_on.clone()).collect();
    !crate::core::cycles::find_cycle_groups(&succ).is_empty()
}
