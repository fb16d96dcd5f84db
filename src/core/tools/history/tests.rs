//! The history builder on hand-written commits: moves, removals and returns, broken
//! commits, commits that change nothing, `since`, and public histories.

use super::*;
use crate::core::load::FileText;

fn files(initiatives: &str) -> DataFiles {
    let mut f = DataFiles::default();
    f.insert(
        "roadmap.yaml",
        FileText::Text(format!(
            "title: T\nas_of: 2026-01-01\nstages: [{{id: a, name: A}}, {{id: b, name: B}}]\ninitiatives:\n{initiatives}"
        )),
    );
    f
}

fn commit(n: i32, subject: &str) -> Commit {
    Commit {
        id: format!("c{n}"),
        date: Date(20_000 + n),
        subject: subject.into(),
    }
}

fn history(steps: &[(&str, &str)]) -> History {
    let mut b = Builder::new(Date(20_000));
    for (n, (subject, inits)) in steps.iter().enumerate() {
        b.push(commit(n as i32, subject), &files(inits));
    }
    b.finish(false)
}

const X: &str =
    "  - {id: x, title: X, stage: a, confidence: high, start: 2026-02-01, end: 2026-06}\n";

#[test]
fn a_move_is_one_event_with_resolved_days_and_its_commit() {
    let h = history(&[
        ("plan", X),
        (
            "same day, other spelling",
            &X.replace("2026-06}", "2026-06-30}"),
        ),
        ("slip", &X.replace("2026-06", "2026-Q3")),
    ]);
    // The respelling changed no day: that commit is left out.
    let subjects: Vec<&str> = h.commits.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(subjects, ["plan", "slip"]);
    let t = &h.initiatives["x"];
    assert_eq!(t.first_seen, 0);
    assert_eq!(
        t.events,
        [Event {
            commit: 1,
            field: Field::End,
            from: Some("2026-06-30".into()),
            to: Some("2026-09-30".into()),
        }]
    );
    assert_eq!((t.moves(), t.slip_days()), (1, Some(92)));
}

#[test]
fn removed_then_added_back_keeps_its_first_sighting_and_compares_with_its_last_state() {
    let y = "  - {id: y, title: Y, stage: a, confidence: low, start: 2026-02-01, end: 2026-03}\n";
    let h = history(&[
        ("both", &format!("{X}{y}")),
        ("drop x", y),
        (
            "x back in b",
            &format!("{}{y}", X.replace("stage: a", "stage: b")),
        ),
    ]);
    let t = &h.initiatives["x"];
    let fields: Vec<(usize, Field)> = t.events.iter().map(|e| (e.commit, e.field)).collect();
    assert_eq!(
        fields,
        [(1, Field::Removed), (2, Field::Added), (2, Field::Stage)]
    );
    assert_eq!((t.first_seen, t.removed), (0, None));
    let h = history(&[("both", &format!("{X}{y}")), ("drop x", y)]);
    assert_eq!(h.initiatives["x"].removed, Some(1));
}

#[test]
fn a_broken_commit_is_reported_and_not_compared() {
    let h = history(&[
        ("plan", X),
        ("typo", &X.replace("end: 2026-06", "end: 2026-14")),
        ("fixed and moved", &X.replace("2026-06", "2026-07")),
    ]);
    assert_eq!(h.commits.len(), 3);
    let errors = &h.broken[&1];
    assert!(!errors.is_empty() && errors.iter().all(|d| d.severity == Severity::Error));
    // The move is the fixed commit's, from the last sound end; the typo made no event.
    let t = &h.initiatives["x"];
    assert_eq!(t.events.len(), 1, "{:?}", t.events);
    assert_eq!(
        (t.events[0].commit, t.events[0].to.as_deref()),
        (2, Some("2026-07-31"))
    );
}

#[test]
fn since_keeps_later_events_and_the_commits_they_name() {
    let h = history(&[
        ("plan", X),
        ("slip", &X.replace("2026-06", "2026-07")),
        ("slip again", &X.replace("2026-06", "2026-08")),
    ]);
    let s = h.since(Date(20_002));
    let subjects: Vec<&str> = s.commits.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(subjects, ["plan", "slip again"]);
    let t = &s.initiatives["x"];
    assert_eq!(
        (t.first_seen, t.events.len(), t.events[0].commit),
        (0, 1, 1)
    );
    assert!(h.since(Date(20_100)).initiatives.is_empty());
}

#[test]
fn a_public_history_has_no_confidential_timeline_nor_subject_naming_one() {
    let secret = "  - {id: nightjar, title: Project Nightjar, stage: b, confidence: low, confidential: true, start: 2026-02-01, end: 2026-05}\n";
    let mut b = Builder::public(Date(20_000));
    b.push(commit(0, "plan"), &files(&format!("{X}{secret}")));
    let moved = secret.replace("2026-05", "2026-09");
    b.push(commit(1, "slip nightjar"), &files(&format!("{X}{moved}")));
    let moved_x = X.replace("2026-06", "2026-07");
    b.push(
        commit(2, "Project Nightjar waits: x slips"),
        &files(&format!("{moved_x}{moved}")),
    );
    let h = b.finish(false);
    assert!(!h.initiatives.contains_key("nightjar"));
    let subjects: Vec<&str> = h.commits.iter().map(|c| c.subject.as_str()).collect();
    // The commit that only moved the secret changed no public initiative.
    assert_eq!(subjects, ["plan", WITHHELD]);
    let text = format!("{}", json::to_json(&h, "data/"));
    assert!(!text.contains("ightjar"), "{text}");
}

#[test]
fn the_pack_gives_the_history_back_and_refuses_damage() {
    let y = "  - {id: y, title: Y, stage: a, confidence: low, start: 2026-02-01, end: 2026-03}\n";
    let h = history(&[
        ("both", &format!("{X}{y}")),
        ("typo", &X.replace("end: 2026-06", "end: 2026-14")),
        ("drop y, x slips", &X.replace("2026-06", "2026-Q4")),
        ("y back", &format!("{X}{y}")),
    ]);
    assert!(!h.broken.is_empty() && h.initiatives["y"].events.len() == 2);
    let bytes = pack::write(&h);
    assert_eq!(pack::read(&bytes), Ok(h));
    for cut in [0, 4, bytes.len() / 2, bytes.len() - 1] {
        assert!(pack::read(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(pack::read(&longer).is_err());
}
