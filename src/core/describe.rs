//! Names and labels the views show for initiatives: where one sits ("Stage / Team"),
//! its accessible name, the slip note. One place, so every view says the same.

use super::analysis::Analysis;
use super::model::{Horizon, Roadmap, Status};

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
    let init = &roadmap.initiatives[i];
    let mut out = String::new();
    if init.confidential {
        out.push_str("🔒 ");
    }
    if !init.problems.is_empty() {
        out.push_str("⚠ ");
    }
    out.push_str(match init.status {
        Status::Done => "✓ ",
        Status::Cancelled => "✕ ",
        _ => "",
    });
    out
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

/// "What-if: Raft replication for Gitaly slips 6 weeks; 9 initiatives move."
pub fn slip_note(roadmap: &Roadmap, slip: &(String, u32), analysis: &Analysis) -> String {
    let (id, weeks) = slip;
    let title = roadmap
        .find(id)
        .map_or(id.as_str(), |i| roadmap.initiatives[i].title.as_str());
    let moved = analysis.moves.iter().flatten().count();
    format!("What-if: {title} slips {weeks} weeks; {moved} initiatives move.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::{analyse, Question};
    use crate::core::load::{load, DataFiles, FileText};
    use crate::core::Date;

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
        assert!(moved >= 1);
        assert_eq!(
            slip_note(&r, &slip, &analysis),
            format!("What-if: Alpha slips 6 weeks; {moved} initiatives move.")
        );
    }
}
