//! Redaction: the fixture with confidential initiatives in every position (source,
//! middle of a chain, leaf, several behind one, a chain of two, a whole file) redacts
//! to the expected folder, leaks nothing, stays clean, and keeps impact sets honest.

use roadmap_viewer::core::load::FileText;
use roadmap_viewer::core::{analysis::reach, load, tools::redact, Date, Roadmap};
use std::collections::BTreeSet;
use std::path::Path;

fn input() -> Roadmap {
    let files = roadmap_viewer::data_dir::read(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/redact/input"),
    )
    .unwrap();
    let (r, diags) = load(&files, Date(0));
    assert!(diags.is_empty(), "{diags:?}");
    r
}

#[test]
fn the_fixture_redacts_to_the_expected_folder() {
    let out = redact::redact(&input());
    let expected_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/redact/expected");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let _ = std::fs::remove_dir_all(&expected_dir);
        for (path, text) in &out.files {
            let FileText::Text(t) = text else { continue };
            let p = expected_dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, t).unwrap();
        }
    }
    let expected = roadmap_viewer::data_dir::read(&expected_dir).unwrap();
    let names = |f: &roadmap_viewer::core::DataFiles| f.files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&out), names(&expected));
    for (path, text) in &out.files {
        assert_eq!(
            expected.text(path),
            match text {
                FileText::Text(t) => Some(t.as_str()),
                _ => None,
            },
            "{path} differs from tests/redact/expected (UPDATE_EXPECT=1 rewrites)"
        );
    }
}

#[test]
fn nothing_confidential_survives_and_the_result_is_clean() {
    let original = input();
    let secrets = redact::confidential_strings(&original);
    assert!(
        secrets.iter().any(|s| s == "Project Nightjar") && secrets.iter().any(|s| s == "nightjar")
    );
    let out = redact::redact(&original);
    for (path, text) in &out.files {
        let FileText::Text(text) = text else {
            panic!("{path} unreadable")
        };
        for s in &secrets {
            assert!(!path.contains(s.as_str()), "{path} names {s:?}");
            assert!(!text.contains(s.as_str()), "{path} contains {s:?}");
        }
    }
    let (public, diags) = load(&out, Date(0));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        public.initiatives.len(),
        original
            .initiatives
            .iter()
            .filter(|i| !i.confidential)
            .count()
    );
}

#[test]
fn impact_sets_equal_the_original_restricted_to_kept_initiatives() {
    let original = input();
    let (public, _) = load(&redact::redact(&original), Date(0));
    let ids = |r: &Roadmap, v: Vec<usize>| -> BTreeSet<String> {
        v.into_iter()
            .filter(|&i| !r.initiatives[i].confidential)
            .map(|i| r.initiatives[i].id.clone())
            .collect()
    };
    for init in original.initiatives.iter().filter(|i| !i.confidential) {
        let (o, p) = (
            original.find(&init.id).unwrap(),
            public.find(&init.id).unwrap(),
        );
        assert_eq!(
            ids(&public, reach::upstream(&public, p)),
            ids(&original, reach::upstream(&original, o)),
            "upstream of {}",
            init.id
        );
        assert_eq!(
            ids(&public, reach::downstream(&public, p)),
            ids(&original, reach::downstream(&original, o)),
            "downstream of {}",
            init.id
        );
    }
    // The placeholders: counted per stage, and the chain kept through confidential steps.
    let c = &public.initiatives[public.find("pub-c").unwrap()];
    assert_eq!(
        c.redacted.waits_on,
        vec![(
            public.stages.iter().position(|s| s.id == "apps").unwrap(),
            2
        )]
    );
    let b = &public.initiatives[public.find("pub-b").unwrap()];
    assert_eq!(b.redacted.via, vec![public.find("pub-a").unwrap()]);
}

#[test]
fn redact_refuses_a_non_empty_output_folder() {
    let dir = std::env::temp_dir().join(format!("redact-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keep.txt"), "x").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["redact", "tests/redact/input"])
        .arg(&dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
    let _ = std::fs::remove_dir_all(dir);
}
