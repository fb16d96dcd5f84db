//! Names and labels the views show for initiatives: where one sits ("Stage / Team"),
//! its accessible name, the slip note. One place, so every view says the same.

use crate::core::analysis::Analysis;
use crate::core::model::{Horizon, Roadmap, Status};
use crate::core::text::date::Date;

/// "Data Access / Gitaly", or just the stage's name when the initiative has no team.
/// Also the `data-ghost` value of a ghost, in every view.
pub fn place(roadmap: &Roadmap, i: usize) -> String {
    let init = &roadmap.initiatives[i];
    let stage = &roadmap.stages[init.stage].name;
    match roadmap.team_name(init) {
        Some(t) => format!("{stage} / {t}"),
        None => stage.clone(),
    }
}

/// The accessible name of an initiative's drawing, starting with the text drawn on it
/// (`shown`), so the name contains what sighted users read (WCAG 2.5.3, label in name):
/// "Raft replication for Gitaly, Data Access / Gitaly, medium confidence, planned,
/// Jan 2026 to Sep 2026, blocked by 2".
pub fn accessible_label(roadmap: &Roadmap, i: usize, shown: &str) -> String {
    let init = &roadmap.initiatives[i];
    let when = match (init.start, init.end) {
        (Some(s), Some(e)) => format!("{} to {}", s.month_year(), e.month_year()),
        (Some(s), None) => format!("from {}", s.month_year()),
        (None, Some(e)) => format!("due {}", e.month_year()),
        (None, None) => "unscheduled".into(),
    };
    let mut label = format!(
        "{shown}, {}, {} confidence, {}, {when}",
        place(roadmap, i),
        init.confidence.as_str(),
        init.status.as_str()
    );
    if !init.depends_on.is_empty() {
        label.push_str(&format!(", blocked by {}", init.depends_on.len()));
    }
    if init.confidential {
        label.push_str(", confidential");
    }
    label
}

/// The marks before an initiative's title, in every view: 🔒 confidential, ⚠ a
/// problem in the data (its bad fields were neutralised), ✓ done, ✕ cancelled.
pub fn marks(roadmap: &Roadmap, i: usize) -> String {
    mark_list(roadmap, i).collect()
}

/// [`marks`], one mark (a symbol and a space) at a time.
fn mark_list(roadmap: &Roadmap, i: usize) -> impl Iterator<Item = &'static str> {
    let init = &roadmap.initiatives[i];
    let status = match init.status {
        Status::Done => Some("✓ "),
        Status::Cancelled => Some("✕ "),
        _ => None,
    };
    [
        init.confidential.then_some("🔒 "),
        (!init.problems.is_empty()).then_some("⚠ "),
        status,
    ]
    .into_iter()
    .flatten()
}

/// The text drawn on a timeline bar: the marks, the title, and for a ghost where it sits.
pub fn bar_text(roadmap: &Roadmap, i: usize, ghost: bool) -> String {
    let title = &roadmap.initiatives[i].title;
    let marks = marks(roadmap, i);
    if ghost {
        format!("{marks}{title} · {}", place(roadmap, i))
    } else {
        format!("{marks}{title}")
    }
}

/// How many characters [`bar_text`] has, without building it for a bar that is not a
/// ghost (the timeline measures every bar's label this way).
pub fn bar_text_chars(roadmap: &Roadmap, i: usize, ghost: bool) -> usize {
    if ghost {
        return bar_text(roadmap, i, ghost).chars().count();
    }
    let marks: usize = mark_list(roadmap, i).map(|m| m.chars().count()).sum();
    marks + roadmap.title_chars(i)
}

/// The `data-problem` value: the code of the first problem found with the initiative.
pub fn problem_code(roadmap: &Roadmap, i: usize) -> Option<&'static str> {
    roadmap.initiatives[i]
        .problems
        .first()
        .map(|d| d.code.as_str())
}

/// A horizon band's title.
pub fn horizon_label(h: Horizon) -> &'static str {
    match h {
        Horizon::Short => "Short term · next 12 months",
        Horizon::Medium => "Medium term · 12 to 24 months",
        Horizon::Long => "Long term · 24 to 36 months",
    }
}

/// "What-if: Raft replication for Gitaly slips 6 weeks; 9 more initiatives move."
pub fn slip_note(roadmap: &Roadmap, slip: &(String, u32), analysis: &Analysis) -> String {
    let (id, weeks) = slip;
    let title = roadmap
        .find(id)
        .map_or(id.as_str(), |i| roadmap.initiatives[i].title.as_str());
    let slipped = roadmap.find(id);
    let more = analysis
        .moves
        .iter()
        .enumerate()
        .filter(|(i, m)| m.is_some() && Some(*i) != slipped)
        .count();
    let what = if more == 1 {
        "initiative moves"
    } else {
        "initiatives move"
    };
    format!("What-if: {title} slips {weeks} weeks; {more} more {what} with it.")
}

/// The lines of an initiative's tooltip: its title with marks, where it sits, when,
/// confidence and status, and how many problems the data has with it.
pub fn tooltip(roadmap: &Roadmap, i: usize) -> Vec<String> {
    let init = &roadmap.initiatives[i];
    let when = match (init.start, init.end) {
        (Some(s), Some(e)) => format!("{s} → {e}"),
        (Some(s), None) => format!("from {s}, open-ended"),
        (None, Some(e)) => format!("milestone, due {e}"),
        (None, None) => "undated".into(),
    };
    let mut lines = vec![
        format!("{}{}", marks(roadmap, i), init.title),
        place(roadmap, i),
        when,
        format!(
            "{} confidence · {}",
            init.confidence.as_str(),
            init.status.as_str()
        ),
    ];
    match init.problems.len() {
        0 => {}
        1 => lines.push("⚠ 1 problem in the data".into()),
        n => lines.push(format!("⚠ {n} problems in the data")),
    }
    lines
}

/// One initiative a slip moves: how its end moves.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    pub init: usize,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The shift in whole weeks (rounded).
    pub weeks: i32,
}

/// What a slip moves (the slipped initiative first), then by how much (most first),
/// then by id: the panel's list.
pub fn moved_list(roadmap: &Roadmap, analysis: &Analysis, slipped: Option<usize>) -> Vec<Moved> {
    let mut out: Vec<Moved> = analysis
        .moves
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let m = m.as_ref()?;
            let init = &roadmap.initiatives[i];
            Some(Moved {
                init: i,
                from: init.end.or(init.start),
                to: m.end.or(m.start),
                weeks: (m.days as f64 / 7.0).round() as i32,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (Some(b.init) == slipped)
            .cmp(&(Some(a.init) == slipped))
            .then(b.weeks.cmp(&a.weeks))
            .then(
                roadmap.initiatives[a.init]
                    .id
                    .cmp(&roadmap.initiatives[b.init].id),
            )
    });
    out
}

/// The critical path's steps in order (by earliest start), each with its slack in
/// days (`None` when it has no computed times).
pub fn critical_chain(roadmap: &Roadmap, analysis: &Analysis) -> Vec<(usize, Option<i32>)> {
    let times = analysis.times(roadmap);
    let mut steps: Vec<(usize, Option<i32>)> = analysis
        .critical
        .iter()
        .map(|&i| (i, times[i].as_ref().map(|t| t.slack)))
        .collect();
    steps.sort_by_key(|&(i, _)| {
        let t = times[i].as_ref();
        (t.map(|t| t.es), t.map(|t| t.ef), i)
    });
    steps
}

/// One direction of an initiative's relations (what it waits on, or what waits on it),
/// grouped by stage in the roadmap's stage order: each stage's members, the direct
/// ones first, each with whether it is direct.
#[derive(Clone, Debug, PartialEq)]
pub struct Relations {
    /// The heading: "Waits on 5 initiatives in 2 stages (2 directly)".
    pub heading: String,
    pub groups: Vec<(usize, Vec<(usize, bool)>)>,
}

/// A stage's group as a list draws it: the stage, how many it holds, the ones shown.
pub type ShownGroup = (usize, usize, Vec<(usize, bool)>);

impl Relations {
    /// The groups as a list draws them: every direct relation, and those reached
    /// through others up to `transitive` in all (in drawing order); each group's stage
    /// and its whole size, and how many the list leaves out.
    pub fn shown(&self, transitive: usize) -> (Vec<ShownGroup>, usize) {
        let mut budget = transitive;
        let mut hidden = 0;
        let groups = self
            .groups
            .iter()
            .map(|(stage, members)| {
                let shown = members
                    .iter()
                    .copied()
                    .filter(|&(_, direct)| {
                        let keep = direct || budget > 0;
                        if !direct && keep {
                            budget -= 1;
                        }
                        hidden += usize::from(!keep);
                        keep
                    })
                    .collect();
                (*stage, members.len(), shown)
            })
            .collect();
        (groups, hidden)
    }
}

/// `all` (the transitive reach, `direct` included) grouped as [`Relations`]; `verb` is
/// "Waits on" or "Blocks".
pub fn relations(roadmap: &Roadmap, verb: &str, direct: &[usize], all: &[usize]) -> Relations {
    let mut members: Vec<(usize, bool)> = direct.iter().map(|&j| (j, true)).collect();
    members.extend(
        all.iter()
            .filter(|j| !direct.contains(j))
            .map(|&j| (j, false)),
    );
    let mut groups: Vec<(usize, Vec<(usize, bool)>)> = Vec::new();
    for s in 0..roadmap.stages.len() {
        let here: Vec<(usize, bool)> = members
            .iter()
            .copied()
            .filter(|&(j, _)| roadmap.initiatives[j].stage == s)
            .collect();
        if !here.is_empty() {
            groups.push((s, here));
        }
    }
    let n = members.len();
    let heading = match n {
        0 => format!("{verb} nothing"),
        _ => format!(
            "{verb} {n} initiative{} in {} stage{} ({} directly)",
            if n == 1 { "" } else { "s" },
            groups.len(),
            if groups.len() == 1 { "" } else { "s" },
            direct.len()
        ),
    };
    Relations { heading, groups }
}

/// Slack in a table cell: "none" (on the critical path), "4 d" under a week, else
/// whole weeks ("39 w" for 274 days); [`slack_long`] says it exactly.
pub fn slack_short(days: i32) -> String {
    match days {
        0 => "none".into(),
        d if d.abs() < 7 => format!("{d} d"),
        d => format!("{} w", (f64::from(d) / 7.0).round()),
    }
}

/// The table's slack cell for an initiative of `status`: short text and its title.
/// Finished work has no slack to speak of: "—", with why in the title.
pub fn slack_cell(status: Status, days: i32) -> (String, String) {
    if status.is_finished() {
        (
            "—".into(),
            format!("{}: slack no longer applies", status.as_str()),
        )
    } else {
        (slack_short(days), slack_long(days))
    }
}

/// A shift in days as the timeline writes it: "+6 w", "−2 w" (whole weeks, rounded),
/// or "+3 d" under a week.
pub fn shift_label(days: i32) -> String {
    let sign = if days < 0 { "−" } else { "+" };
    let n = days.unsigned_abs();
    if n < 7 {
        format!("{sign}{n} d")
    } else {
        format!("{sign}{} w", (n + 3) / 7)
    }
}

/// Slack in words, exact: "274 days (39.1 weeks)", or "none: on the critical path".
pub fn slack_long(days: i32) -> String {
    match days {
        0 => "none: on the critical path".into(),
        d => format!("{d} days ({:.1} weeks)", f64::from(d) / 7.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::{analyse, Question};
    use crate::core::load::{load, DataFiles, FileText};
    use crate::core::Date;

    /// A capped list keeps every direct relation and the first `transitive` reached
    /// through others, across groups in order, and counts the rest.
    #[test]
    fn a_capped_relation_list_keeps_the_direct_ones_and_counts_the_rest() {
        let rel = Relations {
            heading: String::new(),
            groups: vec![
                (0, vec![(1, true), (2, false), (3, false)]),
                (1, vec![(4, false), (5, true), (6, false)]),
            ],
        };
        let (groups, hidden) = rel.shown(3);
        assert_eq!(
            groups,
            vec![
                (0, 3, vec![(1, true), (2, false), (3, false)]),
                (1, 3, vec![(4, false), (5, true)]),
            ]
        );
        assert_eq!(hidden, 1);
        let (groups, hidden) = rel.shown(0);
        assert_eq!(
            groups,
            vec![(0, 3, vec![(1, true)]), (1, 3, vec![(5, true)])]
        );
        assert_eq!(hidden, 4);
        let (groups, hidden) = rel.shown(usize::MAX);
        assert_eq!(hidden, 0);
        assert_eq!(groups.iter().map(|g| g.2.len()).sum::<usize>(), 6);
    }

    #[test]
    fn relations_group_by_stage_with_the_direct_ones_first() {
        let r = crate::core::test_support::RoadmapBuilder::new(&["s", "t"])
            .initiative("a", "")
            .initiative("b", "stage: t")
            .initiative("c", "depends_on: [a, b]")
            .initiative("d", "stage: t, depends_on: [c]")
            .initiative("e", "depends_on: [d]")
            .build();
        let e = r.find("e").unwrap();
        let all = crate::core::analysis::reach::upstream(&r, e);
        let rel = relations(&r, "Waits on", &r.initiatives[e].depends_on, &all);
        assert_eq!(
            rel.heading,
            "Waits on 4 initiatives in 2 stages (1 directly)"
        );
        let ids = |g: &[(usize, bool)]| -> Vec<(String, bool)> {
            g.iter()
                .map(|&(j, d)| (r.initiatives[j].id.clone(), d))
                .collect()
        };
        let got: Vec<(usize, Vec<(String, bool)>)> =
            rel.groups.iter().map(|(s, g)| (*s, ids(g))).collect();
        let mut want_s = vec![("c".to_string(), false), ("a".to_string(), false)];
        want_s.sort_by_key(|(id, _)| all.iter().position(|&j| r.initiatives[j].id == *id));
        assert_eq!(got[0].0, 0);
        assert_eq!(got[1], (1, vec![("d".into(), true), ("b".into(), false)]));
        assert_eq!(got[0].1, want_s);
        let none = relations(&r, "Blocks", &[], &[]);
        assert_eq!(
            (none.heading.as_str(), none.groups.len()),
            ("Blocks nothing", 0)
        );
    }

    fn roadmap() -> Roadmap {
        let mut files = DataFiles::default();
        files.insert(
            "roadmap.yaml",
            FileText::Text(
                "title: T\nas_of: 2026-11-01\nstages: [{id: s, name: Scale, teams: [{id: t, name: Cells}]}]\ninitiatives:
  - {id: a, title: Alpha, stage: s, team: t, confidence: medium, start: 2027-01, end: 2027-09}
  - {id: b, title: Beta, stage: s, confidence: low, status: in-progress, end: 2028-03, depends_on: [a], confidential: true}
  - {id: c, title: Gamma, stage: s, confidence: high, start: 2027-02, horizon: long}
  - {id: d, title: Delta, stage: s, confidence: high}
".into(),
            ),
        );
        let (r, d) = load(&files, Date(0));
        assert!(
            d.iter().all(|d| d.code.as_str() == "horizon-ignored"),
            "{d:?}"
        );
        r
    }

    #[test]
    fn slack_reads_in_weeks_with_the_exact_days_beside() {
        assert_eq!(slack_short(274), "39 w");
        assert_eq!(slack_long(274), "274 days (39.1 weeks)");
        assert_eq!(slack_short(0), "none");
        assert_eq!(slack_long(0), "none: on the critical path");
        assert_eq!(slack_short(6), "6 d");
        assert_eq!(slack_short(7), "1 w");
        assert_eq!(slack_short(10), "1 w");
        assert_eq!(slack_short(11), "2 w");
        assert_eq!(slack_short(-20), "-3 w");
        let done = slack_cell(Status::Done, 0);
        assert_eq!(done, ("—".into(), "done: slack no longer applies".into()));
        assert_eq!(slack_cell(Status::Planned, 274).0, "39 w");
    }

    #[test]
    fn labels_say_where_what_and_when() {
        let r = roadmap();
        assert_eq!(place(&r, 0), "Scale / Cells");
        assert_eq!(place(&r, 1), "Scale");
        assert_eq!(
            accessible_label(&r, 0, "Alpha"),
            "Alpha, Scale / Cells, medium confidence, planned, Jan 2027 to Sep 2027"
        );
        assert_eq!(
            accessible_label(&r, 1, "Be"),
            "Be, Scale, low confidence, in-progress, due Mar 2028, blocked by 1, confidential"
        );
        assert!(accessible_label(&r, 2, "Gamma").ends_with(", from Feb 2027"));
        assert!(accessible_label(&r, 3, "Delta").ends_with(", unscheduled"));
    }

    #[test]
    fn marks_say_confidential_problem_and_status() {
        let r = roadmap();
        // b is confidential; c has a horizon next to dates (a warning).
        assert_eq!(marks(&r, 0), "");
        assert_eq!(bar_text(&r, 1, false), "🔒 Beta");
        assert_eq!(bar_text(&r, 2, false), "⚠ Gamma");
        assert_eq!(problem_code(&r, 2), Some("horizon-ignored"));
        assert_eq!(problem_code(&r, 0), None);
        assert_eq!(bar_text(&r, 0, true), "Alpha · Scale / Cells");
        for i in 0..r.initiatives.len() {
            for ghost in [false, true] {
                let text = bar_text(&r, i, ghost);
                assert_eq!(bar_text_chars(&r, i, ghost), text.chars().count(), "{text}");
            }
        }
    }

    #[test]
    fn tooltips_say_what_where_when_and_how_sure() {
        let r = roadmap();
        assert_eq!(
            tooltip(&r, 0),
            [
                "Alpha",
                "Scale / Cells",
                "2027-01-01 → 2027-09-30",
                "medium confidence · planned"
            ]
        );
        assert_eq!(tooltip(&r, 1)[0], "🔒 Beta");
        assert_eq!(tooltip(&r, 1)[2], "milestone, due 2028-03-31");
        assert_eq!(tooltip(&r, 2).last().unwrap(), "⚠ 1 problem in the data");
        assert_eq!(tooltip(&r, 3)[2], "undated");
    }

    #[test]
    fn the_slip_list_starts_with_the_slipped_and_gives_old_and_new_ends() {
        let r = roadmap();
        let question = Question {
            slip: Some(("a".into(), 6)),
            ..Question::default()
        };
        let analysis = analyse(&r, &question, r.as_of.unwrap());
        let list = moved_list(&r, &analysis, r.find("a"));
        assert_eq!(list.len(), analysis.moves.iter().flatten().count());
        assert_eq!(list[0].init, r.find("a").unwrap());
        assert_eq!(list[0].weeks, 6);
        assert_eq!(list[0].from.unwrap().to_string(), "2027-09-30");
        assert_eq!(list[0].to.unwrap().to_string(), "2027-11-11");
    }

    /// The chain runs dependency to dependent, whatever order the file lists them in.
    #[test]
    fn the_critical_chain_runs_dependency_to_dependent() {
        let r = crate::core::test_support::RoadmapBuilder::new(&["s"])
            .as_of("2026-01-01")
            .initiative(
                "c",
                "start: 2026-01-21, end: 2026-01-30, depends_on: [b, x]",
            )
            .initiative("b", "start: 2026-01-11, end: 2026-01-20, depends_on: [a]")
            .initiative("x", "start: 2026-01-01, end: 2026-01-05")
            .initiative("a", "start: 2026-01-01, end: 2026-01-10")
            .build();
        let question = Question {
            select: Some("c".into()),
            critical: true,
            ..Question::default()
        };
        let analysis = analyse(&r, &question, r.as_of.unwrap());
        let chain: Vec<(&str, Option<i32>)> = critical_chain(&r, &analysis)
            .into_iter()
            .map(|(i, slack)| (r.initiatives[i].id.as_str(), slack))
            .collect();
        assert_eq!(chain, [("a", Some(0)), ("b", Some(0)), ("c", Some(0))]);
    }

    #[test]
    fn the_slip_note_counts_what_moves() {
        let r = roadmap();
        let slip = ("a".to_string(), 6);
        let question = Question {
            slip: Some(slip.clone()),
            ..Question::default()
        };
        let analysis = analyse(&r, &question, r.as_of.unwrap());
        let moved = analysis.moves.iter().flatten().count();
        assert!(moved >= 1, "a itself");
        let more = moved - 1;
        let what = if more == 1 {
            "initiative moves"
        } else {
            "initiatives move"
        };
        assert_eq!(
            slip_note(&r, &slip, &analysis),
            format!("What-if: Alpha slips 6 weeks; {more} more {what} with it.")
        );
    }
}
