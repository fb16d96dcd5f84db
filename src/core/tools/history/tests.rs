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

/// Each sound step's roadmap, wound back from the last one by `at::roadmap_at`, holds
/// the same initiatives with the same tracked values as that step's own files.
#[test]
fn the_roadmap_at_each_commit_is_that_commits_roadmap() {
    let y = "  - {id: y, title: Y, stage: a, confidence: low, start: 2026-02-01, end: 2026-03, depends_on: [x]}\n";
    let z =
        "  - {id: z, title: Z, stage: b, confidence: medium, start: 2026-04-01, end: 2026-Q4}\n";
    let steps: Vec<(&str, String)> = vec![
        ("plan", format!("{X}{y}")),
        ("x slips", format!("{}{y}", X.replace("2026-06", "2026-08"))),
        ("typo", X.replace("end: 2026-06", "end: 2026-14")),
        (
            "drop y, add z",
            format!("{}{z}", X.replace("2026-06", "2026-08")),
        ),
        ("nothing", format!("{}{z}", X.replace("2026-06", "2026-08"))),
        (
            "y back in b, z drops",
            format!(
                "{}{}",
                X.replace("2026-06", "2026-09"),
                y.replace("stage: a", "stage: b").replace("low", "high")
            ),
        ),
        (
            "x done",
            format!(
                "{}{}",
                X.replace("2026-06", "2026-09")
                    .replace("confidence: high", "confidence: high, status: done"),
                y.replace("stage: a", "stage: b").replace("low", "high")
            ),
        ),
    ];
    let refs: Vec<(&str, &str)> = steps.iter().map(|(s, i)| (*s, i.as_str())).collect();
    let h = history(&refs);
    let today = Date(20_000);
    let (now, _) = load(&files(&steps.last().unwrap().1), today);
    let tracked = |r: &Roadmap| -> BTreeMap<String, Vec<Option<String>>> {
        r.initiatives
            .iter()
            .map(|i| {
                let v = TRACKED.map(|(_, f)| diff::value(r, i, f).as_str().map(String::from));
                (i.id.clone(), v.to_vec())
            })
            .collect()
    };
    let mut sound = None;
    for (n, (subject, inits)) in steps.iter().enumerate() {
        let (then, diags) = load(&files(inits), today);
        if !diags.iter().any(|d| d.severity == Severity::Error) {
            sound = Some(then);
        }
        let expected = sound.as_ref().unwrap();
        let at::At::Then(t) = at::roadmap_at(&now, &h, Date(20_000 + n as i32)) else {
            panic!("{subject}: before the history");
        };
        assert_eq!(tracked(&t.roadmap), tracked(expected), "at {subject}");
        assert_eq!(t.roadmap.as_of, Some(Date(20_000 + n as i32)));
        let deps = |r: &Roadmap| diff::pairs(r);
        if *subject == "plan" {
            assert_eq!(
                deps(&t.roadmap),
                deps(expected),
                "the removed y's dependency"
            );
            assert_eq!((t.added_since, t.removed_since), (0, 0));
        }
        if *subject == "drop y, add z" {
            assert_eq!(
                t.roadmap.initiatives[t.roadmap.find("z").unwrap()].title,
                "Z"
            );
            assert_eq!((t.added_since, t.removed_since), (1, 1));
        }
    }
    assert!(matches!(
        at::roadmap_at(&now, &h, Date(19_999)),
        at::At::BeforeHistory {
            first: Date(20_000)
        }
    ));
}

#[test]
fn the_pack_keeps_what_a_removed_initiative_was() {
    let y = "  - {id: y, title: Y, stage: a, team: t1, confidence: low, start: 2026-02-01, end: 2026-03, depends_on: [x]}\n";
    let mut f = files(&format!("{X}{y}"));
    let with_team = |f: &mut DataFiles, inits: &str| {
        f.insert(
            "roadmap.yaml",
            FileText::Text(format!(
                "title: T\nas_of: 2026-01-01\nstages: [{{id: a, name: A, teams: [{{id: t1, name: T1}}]}}, {{id: b, name: B}}]\ninitiatives:\n{inits}"
            )),
        );
    };
    with_team(&mut f, &format!("{X}{y}"));
    let mut b = Builder::new(Date(20_000));
    b.push(commit(0, "both"), &f);
    with_team(&mut f, X);
    b.push(commit(1, "drop y"), &f);
    let h = b.finish(false);
    let last = h.initiatives["y"].last.clone().expect("kept");
    assert_eq!(
        (
            last.title.as_str(),
            last.team.as_deref(),
            last.depends_on.as_slice()
        ),
        ("Y", Some("t1"), &["x".to_string()][..])
    );
    assert_eq!(last.values[1].as_deref(), Some("2026-03-31"));
    assert_eq!(pack::read(&pack::write(&h)), Ok(h));
}
