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
