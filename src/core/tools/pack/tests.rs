//! The pack's round trips (generated, redacted, every field and problem) and its
//! refusals of damaged bytes.

use super::{read, write, PACK_FILE};
use crate::core::test_support::{load_yaml, XorShift};
use crate::core::tools::generate::{self, generate};
use crate::core::{load, DataFiles, Date};

/// Loads, packs and reads back: the same roadmap and diagnostics.
fn round_trip(files: &DataFiles, today: Date) {
    let (roadmap, diagnostics) = load(files, today);
    let bytes = write(&roadmap, &diagnostics, today);
    let packed = read(&bytes).expect("reads its own pack");
    assert!(packed.roadmap == roadmap, "the roadmap changed in the pack");
    assert_eq!(packed.diagnostics, diagnostics);
    for (init, tree) in roadmap.initiatives.iter().zip(&packed.descriptions) {
        let parsed = init
            .description
            .as_deref()
            .map(crate::core::text::markdown::parse);
        assert_eq!(tree, &parsed, "the description of {} as a tree", init.id);
    }
    assert_eq!(packed.descriptions.len(), roadmap.initiatives.len());
    for (i, init) in roadmap.initiatives.iter().enumerate() {
        assert_eq!(packed.roadmap.find(&init.id), Some(i));
        let a: Vec<usize> = roadmap.dependents(i).collect();
        let b: Vec<usize> = packed.roadmap.dependents(i).collect();
        assert_eq!(a, b, "dependents of {}", init.id);
    }
}

#[test]
fn generated_roadmaps_survive_the_pack() {
    for seed in 1..4 {
        round_trip(&generate(400, seed), generate::as_of());
    }
}

// Reads a folder from disk: native only.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_redacted_roadmap_survives_the_pack() {
    // A public build packs redacted data: its counts of hidden work must survive.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/redact/input");
    let (r, _) = load(&crate::data_dir::read(&dir).unwrap(), Date(20_000));
    let public = crate::core::tools::redact::redact(&r);
    let (redacted, _) = load(&public, Date(20_000));
    assert!(
        redacted.initiatives.iter().any(|i| !i.redacted.is_empty()),
        "the redacted roadmap counts hidden work"
    );
    round_trip(&public, Date(20_000));
}

#[test]
fn problems_and_every_field_survive_the_pack() {
    let yaml = "title: T\nedit_url: https://example.com/-/edit/main/data/\nstages:\n  - {id: s, name: S, description: 'Stage *s*'}\n  - {id: u, name: U}\nteams:\n  - {id: t, name: Team T, stage: s}\ntags: [{id: x, description: X}]\ninitiatives:\n  - {id: a, title: A, stage: s, team: t, confidence: high, status: done, start: 2026-01, end: 2026-Q2, tags: [x, y], owner: Ann, description: \"**d** [ok](https://e.com) *[x](../y)*\\n\\n> q\\n\\n1. `c`\\n2. ~~s~~\\n\\n---\\n# H\\n\", links: [{title: L, url: 'https://example.com'}]}\n  - {id: b, title: B, stage: u, confidence: low, horizon: long, depends_on: [a, nope, b], end: 2019-01-01, start: 2020-01-01}\n  - {id: c, title: C, stage: nowhere, confidence: sure}\n";
    let mut files = DataFiles::default();
    files.insert("roadmap.yaml", crate::core::FileText::Text(yaml.into()));
    let (r, d) = load_yaml(yaml);
    assert!(d.len() >= 4, "the data has problems: {d:?}");
    assert!(r.as_of.is_none());
    round_trip(&files, Date(20_000));
}

#[test]
fn a_pack_for_a_roadmap_without_as_of_holds_only_on_its_day() {
    let (r, d) = load_yaml("title: T\nstages: [{id: s, name: S}]\n");
    let packed = read(&write(&r, &d, Date(100))).unwrap();
    assert!(packed.valid_on(Date(100)));
    assert!(!packed.valid_on(Date(101)));
    let (r, d) = load_yaml("title: T\nas_of: 2026-01-01\nstages: [{id: s, name: S}]\n");
    let packed = read(&write(&r, &d, Date(100))).unwrap();
    assert!(packed.valid_on(Date(101)), "as_of fixes the reference day");
}

#[test]
fn a_pack_with_a_dependency_cycle_is_refused() {
    // The loader never produces one (it breaks cycles); the analyses rely on that.
    let (mut r, d) = load(&generate(60, 3), generate::as_of());
    let a = (0..r.initiatives.len())
        .find(|&i| !r.initiatives[i].depends_on.is_empty())
        .unwrap();
    let b = r.initiatives[a].depends_on[0];
    r.initiatives[b].depends_on.push(a);
    let err = read(&write(&r, &d, generate::as_of())).unwrap_err();
    assert!(err.contains("cycle"), "{err}");
}

#[test]
fn dates_beyond_the_loaders_years_and_twice_used_ids_are_refused() {
    let (r, d) = load(&generate(30, 3), generate::as_of());
    let mut far = r.clone();
    far.initiatives[0].start = Some(Date(-2_000_000_000));
    assert!(read(&write(&far, &d, generate::as_of()))
        .unwrap_err()
        .contains("date"));
    let mut twice = r.clone();
    twice.initiatives[1].id = twice.initiatives[0].id.clone();
    assert!(read(&write(&twice, &d, generate::as_of()))
        .unwrap_err()
        .contains("twice"));
    assert!(read(&write(&r, &d, generate::as_of())).is_ok());
}

#[test]
fn damaged_packs_are_refused_without_panicking() {
    let (r, d) = load(&generate(60, 3), generate::as_of());
    let bytes = write(&r, &d, generate::as_of());
    // Every truncation.
    for n in 0..bytes.len() {
        assert!(read(&bytes[..n]).is_err(), "a pack cut at {n} bytes read");
    }
    assert!(read(&[bytes.as_slice(), b"x"].concat()).is_err());
    assert!(read(b"RMPK\x09").unwrap_err().contains("version"));
    assert!(read(b"<!doctype html>").is_err(), "an HTML 404 page");
    // Random damage: an error or a sound roadmap, never a panic or an index out of range.
    let mut rng = XorShift::new(7);
    for _ in 0..2_000 {
        let mut damaged = bytes.clone();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(damaged.len() as u64) as usize;
            damaged[at] = rng.below(256) as u8;
        }
        if let Ok(p) = read(&damaged) {
            let n = p.roadmap.initiatives.len();
            for (i, init) in p.roadmap.initiatives.iter().enumerate() {
                assert!(init.stage < p.roadmap.stages.len());
                assert!(init.depends_on.iter().all(|&d| d < n));
                let _ = p.roadmap.dependents(i).count();
            }
        }
    }
    assert_eq!(PACK_FILE, "roadmap.pack");
}
