//! Confidential initiatives: marked in the internal view; a public site built from
//! redacted data contains none of their strings anywhere (html, js, wasm, data) and
//! shows honest placeholders.

use crate::harness::{build_site_with_data, Browser, Overrides, Server};
use roadmap_viewer::core::{load, tools::redact, Date};
use std::path::{Path, PathBuf};

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[tokio::test]
async fn a_public_build_from_redacted_data_leaks_nothing_and_shows_placeholders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = root.join("tests/redact/input");
    let (original, _) = load(&roadmap_viewer::data_dir::read(&input).unwrap(), Date(0));
    let secrets = redact::confidential_strings(&original);
    let redacted = std::env::temp_dir().join(format!("roadmap-public-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&redacted);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .arg("redact")
        .arg(&input)
        .arg(&redacted)
        .status()
        .unwrap();
    assert!(status.success());
    let site = build_site_with_data("target/e2e-site-public", &redacted);
    let mut files = Vec::new();
    all_files(&site, &mut files);
    assert!(files
        .iter()
        .any(|f| f.extension().is_some_and(|e| e == "wasm")));
    // The grep below covers the second module and the prerendered first screen too.
    assert!(files
        .iter()
        .any(|f| f.file_name().is_some_and(|n| n == "yaml-worker_bg.wasm")));
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        index.contains("data-prerendered"),
        "the public build prerenders"
    );
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let name = f.strip_prefix(&site).unwrap().to_string_lossy().to_string();
        for s in &secrets {
            assert!(!name.contains(s.as_str()), "{name} names {s:?}");
            assert!(
                !bytes.windows(s.len()).any(|w| w == s.as_bytes()),
                "{name} contains {s:?}"
            );
        }
    }

    let server = Server::start(&site, "/", Overrides::new());
    let b = Browser::new().await;
    b.open(&format!("{}?select=pub-c", server.base)).await;
    let text = b.text("[data-detail=\"pub-c\"] [data-placeholders]").await;
    assert!(
        text.contains("Waits on 2 confidential initiatives (Apps ×2)"),
        "{text}"
    );
    b.open(&format!("{}?select=pub-b", server.base)).await;
    let text = b
        .text("[data-detail=\"pub-b\"] [data-relations=\"blocked-by\"]")
        .await;
    assert!(
        text.contains("Public service A") && text.contains("through a confidential step"),
        "{text}"
    );
    assert!(b.all("[data-confidential]").await.is_empty());
    b.close().await;
    let _ = std::fs::remove_dir_all(redacted);
}

#[tokio::test]
async fn confidential_initiatives_carry_a_lock_in_the_internal_view() {
    let b = Browser::new().await;
    b.open(&format!(
        "{}?select=dedicated-sovereign-region",
        Server::site().base
    ))
    .await;
    b.wait_for("[data-initiative=\"dedicated-sovereign-region\"][data-confidential]")
        .await;
    let badge = b
        .text("[data-detail=\"dedicated-sovereign-region\"] [data-confidential-badge]")
        .await;
    assert!(badge.contains("Confidential"), "{badge}");
    b.close().await;
}
