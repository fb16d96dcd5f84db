//! `web/postbuild.mjs` (Trunk's post-build hook) publishes only what the data folder
//! jail allows: a data file that is a link out of the folder never reaches the site.

use std::path::Path;
use std::process::Command;

#[cfg(unix)]
#[test]
fn a_link_out_of_the_data_folder_is_not_published() {
    const SECRET: &str = "postbuild-secret-5c1e";
    let tmp = std::env::temp_dir().join(format!("roadmap-postbuild-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (source, staging) = (tmp.join("project"), tmp.join("staging"));
    let secret = tmp.join("secret.yaml");
    std::fs::create_dir_all(source.join("data/initiatives")).unwrap();
    std::fs::write(&secret, format!("title: {SECRET}\n")).unwrap();
    std::fs::write(source.join("data/roadmap.yaml"), "title: T\n").unwrap();
    std::fs::write(source.join("data/initiatives/ok.yaml"), "initiatives: []\n").unwrap();
    std::os::unix::fs::symlink(&secret, source.join("data/initiatives/leak.yaml")).unwrap();
    std::os::unix::fs::symlink("ok.yaml", source.join("data/initiatives/alias.yaml")).unwrap();
    // What Trunk stages: the data copied with links followed, and its loader inline.
    std::fs::create_dir_all(staging.join("data/initiatives")).unwrap();
    for f in [
        "roadmap.yaml",
        "initiatives/ok.yaml",
        "initiatives/leak.yaml",
        "initiatives/alias.yaml",
    ] {
        std::fs::copy(source.join("data").join(f), staging.join("data").join(f)).unwrap();
    }
    std::fs::write(
        staging.join("index.html"),
        "<html><head></head><body><script type=\"module\">init()</script></body></html>",
    )
    .unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("node")
        .arg(root.join("web/postbuild.mjs"))
        .env("TRUNK_STAGING_DIR", &staging)
        .env("TRUNK_SOURCE_DIR", &source)
        .output()
        .expect("node runs (the README's commands install it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest = std::fs::read_to_string(staging.join("data/files.txt")).unwrap();
    assert_eq!(
        manifest,
        "initiatives/alias.yaml\ninitiatives/ok.yaml\nroadmap.yaml\n"
    );
    assert!(!staging.join("data/initiatives/leak.yaml").exists());
    let mut stack = vec![staging.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                assert!(!text.contains(SECRET), "{} holds the secret", p.display());
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// A public build (redacted data) with an internal baseline stops with a message that
/// says what to do; with a redacted baseline it builds.
#[test]
fn a_public_build_refuses_an_unredacted_baseline() {
    let tmp = std::env::temp_dir().join(format!("roadmap-postbuild-base-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (data, staging) = (tmp.join("public"), tmp.join("staging"));
    let redacted = "# Redacted roadmap: the public version of the internal data.\ntitle: T\n";
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("roadmap.yaml"), redacted).unwrap();
    let run = |baseline_text: &str| {
        let baseline = tmp.join("baseline");
        std::fs::create_dir_all(&baseline).unwrap();
        std::fs::write(baseline.join("roadmap.yaml"), baseline_text).unwrap();
        let _ = std::fs::remove_dir_all(&staging);
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::write(
            staging.join("index.html"),
            "<html><head></head><body><script type=\"module\">init()</script></body></html>",
        )
        .unwrap();
        Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("web/postbuild.mjs"))
            .env("TRUNK_STAGING_DIR", &staging)
            .env("ROADMAP_DATA", &data)
            .env("ROADMAP_BASELINE", &baseline)
            .output()
            .expect("node runs (the README's commands install it)")
    };
    let internal = run("title: T\ninitiatives:\n  - {id: secret-plan, confidential: true}\n");
    assert!(!internal.status.success());
    let err = String::from_utf8_lossy(&internal.stderr);
    assert!(err.contains("roadmap redact"), "{err}");
    assert!(
        !staging.join("baseline").exists(),
        "nothing of it stays staged"
    );
    let public = run(redacted);
    assert!(
        public.status.success(),
        "{}",
        String::from_utf8_lossy(&public.stderr)
    );
    assert!(staging.join("baseline/files.txt").exists());
    let _ = std::fs::remove_dir_all(&tmp);
}
