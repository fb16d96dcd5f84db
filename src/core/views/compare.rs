//! The viewer's comparison with a baseline: `roadmap diff`'s [`Diff`] of the baseline
//! (base) and the roadmap shown (head), read the way the screen needs it: how each
//! initiative drawn changed (its `data-change`), the *Changes* panel's entries by
//! stage, and the "changed only" filter.
//!
//! A baseline is a build's `ROADMAP_BASELINE` folder, or, in a local preview, the
//! published data (the dropped files are the head). Positions on the timeline are the
//! timeline's own (`timeline::baseline_marks`).
//!
//! Complexity: the diff's, O((V + E) log V) plus its consequences; the entries and the
//! filter are O(V log V).

use crate::core::model::Roadmap;
use crate::core::text::date::{Date, Edge};
use crate::core::text::diagnostic::Diagnostic;
use crate::core::tools::diff::{diff, Changed, Diff, Field, Kind, Side};
use crate::core::views::describe::shift_label;
use crate::core::views::filter::Visible;
use crate::core::views::graph_view::{GraphDrawing, Item};
use serde_json::Value;
use std::collections::BTreeMap;

/// The roadmap shown compared with its baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub diff: Diff,
    /// Per initiative of the head (the roadmap shown), how it changed.
    pub kinds: Vec<Option<Kind>>,
    /// The removed initiatives, as indices into the base.
    pub removed: Vec<usize>,
}

impl Comparison {
    /// Compares `base` (the baseline) with `head` (the roadmap shown); both sides count
    /// horizons from `today` when their data has no `as_of`.
    pub fn new(
        base: (&Roadmap, &[Diagnostic]),
        head: (&Roadmap, &[Diagnostic]),
        today: Date,
    ) -> Comparison {
        let d = diff(
            Side {
                roadmap: base.0,
                diagnostics: base.1,
                today,
            },
            Side {
                roadmap: head.0,
                diagnostics: head.1,
                today,
            },
        );
        let kinds = head
            .0
            .initiatives
            .iter()
            .map(|i| d.kind_of(&i.id))
            .collect();
        let removed = d.removed.iter().filter_map(|id| base.0.find(id)).collect();
        Comparison {
            diff: d,
            kinds,
            removed,
        }
    }

    /// How many initiatives changed (added, removed, moved or otherwise changed).
    pub fn count(&self) -> usize {
        self.diff.added.len() + self.diff.removed.len() + self.diff.changed.len()
    }

    /// The dependency `from -> to` (ids) is new since the baseline.
    pub fn edge_added(&self, from: &str, to: &str) -> bool {
        let added = &self.diff.dependencies.added;
        added
            .binary_search_by(|(a, b)| (a.as_str(), b.as_str()).cmp(&(from, to)))
            .is_ok()
    }
}

/// How many initiatives changed in each way: moved (start or end), otherwise
/// changed, added, removed; the counts `roadmap diff --format json` gives (`changed`
/// split by whether `start` or `end` is among the fields).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub moved: usize,
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
}

impl Counts {
    /// Counts each kind given.
    pub fn of(kinds: impl IntoIterator<Item = Kind>) -> Counts {
        let mut c = Counts::default();
        for k in kinds {
            *match k {
                Kind::Moved => &mut c.moved,
                Kind::Changed => &mut c.changed,
                Kind::Added => &mut c.added,
                Kind::Removed => &mut c.removed,
            } += 1;
        }
        c
    }

    pub fn total(&self) -> usize {
        self.moved + self.changed + self.added + self.removed
    }

    /// The kinds that happened with their counts, in the panel's order (moved,
    /// changed, added, removed).
    pub fn parts(&self) -> Vec<(Kind, usize)> {
        [
            (Kind::Moved, self.moved),
            (Kind::Changed, self.changed),
            (Kind::Added, self.added),
            (Kind::Removed, self.removed),
        ]
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .collect()
    }

    /// "3 moved, 2 added, 1 removed".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .parts()
            .iter()
            .map(|(k, n)| format!("{n} {}", k.as_str()))
            .collect();
        parts.join(", ")
    }
}

impl Comparison {
    /// The changed initiatives counted by kind.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::of(self.diff.changed.iter().map(Changed::kind));
        c.added = self.diff.added.len();
        c.removed = self.diff.removed.len();
        c
    }
}

/// Above this many entries the *Changes* panel opens as one summary line per stage
/// (each expands), so the roadmap stays on the first screen (#28).
pub const SUMMARISE_ABOVE: usize = 10;

impl StageChanges {
    /// The stage's entries counted by kind.
    pub fn counts(&self) -> Counts {
        Counts::of(self.changes.iter().map(|c| c.kind))
    }
}

/// A removed dependency between two initiatives the graph draws: its ids and a
/// straight path from the dependency's node to the dependent's.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedEdge {
    pub from: String,
    pub to: String,
    pub path: String,
}

/// The baseline's dependencies the head no longer has, where both ends are drawn.
///
/// Complexity: O(N + D) for N nodes and D removed dependencies.
pub fn removed_edges(head: &Roadmap, drawing: &GraphDrawing, cmp: &Comparison) -> Vec<RemovedEdge> {
    let at: BTreeMap<usize, (f64, f64, f64)> = drawing
        .nodes
        .iter()
        .filter_map(|n| match n.item {
            Item::Init(i) => Some((i, (n.x, n.y, n.w))),
            Item::Stage(_) => None,
        })
        .collect();
    let node = |id: &str| head.find(id).and_then(|i| at.get(&i).copied());
    cmp.diff
        .dependencies
        .removed
        .iter()
        .filter_map(|(from, to)| {
            let ((x0, y0, w0), (x1, y1, w1)) = (node(from)?, node(to)?);
            Some(RemovedEdge {
                from: from.clone(),
                to: to.clone(),
                path: format!(
                    "M{:.1},{y0:.1} L{:.1},{y1:.1}",
                    x0 + w0 / 2.0,
                    x1 - w1 / 2.0
                ),
            })
        })
        .collect()
}

/// One entry of the *Changes* panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    /// What changed, in a few words: "new", "removed", "end +6 w", "confidence high →
    /// medium, owner".
    pub note: String,
}

/// A stage's entries (the head's stage, or the base's for a removed initiative).
#[derive(Clone, Debug, PartialEq)]
pub struct StageChanges {
    pub stage: String,
    pub changes: Vec<Change>,
}

/// The *Changes* panel: the diff by stage, in the head's stage order (stages only the
/// base had after), each stage's entries moved, changed, added, removed, then by id.
pub fn by_stage(base: &Roadmap, head: &Roadmap, cmp: &Comparison) -> Vec<StageChanges> {
    // (stage order, name) -> entries.
    let mut groups: BTreeMap<(usize, String), Vec<Change>> = BTreeMap::new();
    let head_stage = |name: &str| {
        let k = head.stages.iter().position(|s| s.name == name);
        (k.unwrap_or(head.stages.len()), name.to_string())
    };
    for (i, init) in head.initiatives.iter().enumerate() {
        let Some((kind, note)) = change_of(head, cmp, i) else {
            continue;
        };
        let stage = &head.stages[init.stage].name;
        groups.entry(head_stage(stage)).or_default().push(Change {
            id: init.id.clone(),
            title: init.title.clone(),
            kind,
            note,
        });
    }
    for &j in &cmp.removed {
        let init = &base.initiatives[j];
        let stage = &base.stages[init.stage].name;
        groups.entry(head_stage(stage)).or_default().push(Change {
            id: init.id.clone(),
            title: init.title.clone(),
            kind: Kind::Removed,
            note: "removed".into(),
        });
    }
    let rank = |k: Kind| {
        [Kind::Moved, Kind::Changed, Kind::Added, Kind::Removed]
            .iter()
            .position(|&x| x == k)
    };
    groups
        .into_iter()
        .map(|((_, stage), mut changes)| {
            changes.sort_by(|a, b| rank(a.kind).cmp(&rank(b.kind)).then(a.id.cmp(&b.id)));
            StageChanges { stage, changes }
        })
        .collect()
}

/// How initiative `i` of the roadmap shown changed since the baseline, and the note
/// the *Changes* panel and its details give ("new", "end +6 w").
pub fn change_of(head: &Roadmap, cmp: &Comparison, i: usize) -> Option<(Kind, String)> {
    let kind = cmp.kinds.get(i).copied().flatten()?;
    let note = match kind {
        Kind::Added => "new".to_string(),
        _ => note(&cmp.diff.changed[changed_index(cmp, &head.initiatives[i].id)]),
    };
    Some((kind, note))
}

fn changed_index(cmp: &Comparison, id: &str) -> usize {
    cmp.diff
        .changed
        .binary_search_by(|c| c.id.as_str().cmp(id))
        .expect("a changed initiative")
}

/// A changed initiative's note: date shifts first, then the other fields (words for
/// short values: "confidence high → medium").
fn note(c: &Changed) -> String {
    let mut parts = Vec::new();
    for f in [Field::Start, Field::End] {
        if let Some(fc) = c.field(f) {
            let day = |v: &Value| v.as_str().and_then(|s| Date::parse(s, Edge::First).ok());
            parts.push(match (day(&fc.from), day(&fc.to)) {
                (Some(a), Some(b)) => format!("{f} {}", shift_label(b.0 - a.0)),
                (None, Some(b)) => format!("{f} set to {b}"),
                _ => format!("{f} removed"),
            });
        }
    }
    for fc in &c.fields {
        match fc.field {
            Field::Start | Field::End => {}
            Field::Confidence | Field::Status | Field::Horizon | Field::Stage | Field::Team => {
                let word = |v: &Value| v.as_str().unwrap_or("none").to_string();
                parts.push(format!(
                    "{} {} → {}",
                    fc.field,
                    word(&fc.from),
                    word(&fc.to)
                ));
            }
            f => parts.push(f.to_string()),
        }
    }
    parts.join(", ")
}

/// What an initiative's accessible name adds while comparing: "moved since start of
/// 2026-Q4", "added since the published roadmap".
pub fn since(kind: Kind, label: &str) -> String {
    format!("{} since {label}", kind.as_str())
}

/// "Changed only": the initiatives shown that changed; context ghosts are kept only
/// when they changed too.
pub fn changed_only(vis: &Visible, kinds: &[Option<Kind>]) -> Visible {
    let changed = |i: &&usize| kinds.get(**i).copied().flatten().is_some();
    Visible {
        shown: vis.shown.iter().filter(changed).copied().collect(),
        ghosts: vis.ghosts.iter().filter(changed).copied().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::RoadmapBuilder;
    use crate::core::views::filter::{visible, Filter};

    fn pair() -> (Roadmap, Roadmap) {
        let base = RoadmapBuilder::new(&["s", "t"])
            .initiative("kept", "start: 2026-01-01, end: 2026-03-31")
            .initiative("moved", "start: 2026-01-01, end: 2026-03-31")
            .initiative("conf", "stage: t, confidence: high")
            .initiative("gone", "stage: t, start: 2026-02-01, end: 2026-02-28")
            .load()
            .0;
        let head = RoadmapBuilder::new(&["s", "t"])
            .initiative("kept", "start: 2026-01-01, end: 2026-03-31")
            .initiative("moved", "start: 2026-01-01, end: 2026-05-12")
            .initiative("conf", "stage: t, confidence: medium")
            .initiative("fresh", "stage: t, end: 2026-06-30")
            .load()
            .0;
        (base, head)
    }

    #[test]
    fn each_initiative_gets_its_kind_and_removed_ones_their_base_index() {
        let (base, head) = pair();
        let c = Comparison::new((&base, &[]), (&head, &[]), Date(0));
        let kinds: Vec<_> = c.kinds.iter().map(|k| k.map(Kind::as_str)).collect();
        assert_eq!(kinds, [None, Some("moved"), Some("changed"), Some("added")]);
        assert_eq!(c.removed, [base.find("gone").unwrap()]);
        assert_eq!(c.count(), 4);
    }

    #[test]
    fn the_panel_lists_changes_by_stage_with_a_note_each() {
        let (base, head) = pair();
        let c = Comparison::new((&base, &[]), (&head, &[]), Date(0));
        type Entry = (String, &'static str, String);
        let got: Vec<(String, Vec<Entry>)> = by_stage(&base, &head, &c)
            .into_iter()
            .map(|s| {
                let entries = s
                    .changes
                    .into_iter()
                    .map(|e| (e.id, e.kind.as_str(), e.note))
                    .collect();
                (s.stage, entries)
            })
            .collect();
        let e = |id: &str, k, n: &str| (id.to_string(), k, n.to_string());
        assert_eq!(
            got,
            [
                ("S".to_string(), vec![e("moved", "moved", "end +6 w")]),
                (
                    "T".to_string(),
                    vec![
                        e("conf", "changed", "confidence high → medium"),
                        e("fresh", "added", "new"),
                        e("gone", "removed", "removed"),
                    ]
                ),
            ]
        );
    }

    #[test]
    fn counts_split_moved_from_changed_and_summarise_each_stage() {
        let (base, head) = pair();
        let c = Comparison::new((&base, &[]), (&head, &[]), Date(0));
        let counts = c.counts();
        assert_eq!(
            counts,
            Counts {
                moved: 1,
                changed: 1,
                added: 1,
                removed: 1
            }
        );
        assert_eq!(counts.total(), c.count());
        assert_eq!(counts.summary(), "1 moved, 1 changed, 1 added, 1 removed");
        let stages = by_stage(&base, &head, &c);
        let t = stages.iter().find(|s| s.stage == "T").unwrap();
        assert_eq!(t.counts().summary(), "1 changed, 1 added, 1 removed");
        assert_eq!(Counts::default().summary(), "");
    }

    #[test]
    fn shifts_are_written_in_weeks_or_days() {
        assert_eq!(
            since(Kind::Moved, "start of 2026-Q4"),
            "moved since start of 2026-Q4"
        );
        assert_eq!(shift_label(42), "+6 w");
        assert_eq!(shift_label(-10), "−1 w");
        assert_eq!(shift_label(11), "+2 w");
        assert_eq!(shift_label(3), "+3 d");
        assert_eq!(shift_label(0), "+0 d");
    }

    #[test]
    fn changed_only_keeps_what_changed() {
        let (base, head) = pair();
        let c = Comparison::new((&base, &[]), (&head, &[]), Date(0));
        let all = visible(&head, &Filter::default(), Date(0), false);
        assert_eq!(changed_only(&all, &c.kinds).shown, [1, 2, 3]);
    }
}
