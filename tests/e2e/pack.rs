//! The pack (`data/roadmap.pack`): the published site starts from the data the build
//! loaded and checked, and shows exactly what reading its YAML shows; without a pack,
//! or with a damaged one, it reads the YAML.

use crate::harness::{bundled, site, Browser, Overrides, Server};

/// What the first screen shows: where the data came from, the initiatives drawn, the
/// visible count and the whole page's text (stage index, filter counts, labels).
async fn first_screen(server: &Server) -> (String, Vec<String>, String, String) {
    let b = Browser::new().await;
    b.open(&server.base).await;
    let main = b.wait_for("[data-ready=\"true\"]").await;
    let from = main
        .attr("data-loaded-from")
        .await
        .unwrap()
        .unwrap_or_default();
    let count = main
        .attr("data-visible-count")
        .await
        .unwrap()
        .unwrap_or_default();
    let mut ids = b.attr_all("[data-initiative]", "data-initiative").await;
    ids.sort();
    let text = b.text("main").await;
    b.close().await;
    (from, ids, count, text)
}

#[tokio::test]
async fn the_site_starts_from_its_pack_and_shows_what_the_yaml_shows() {
    let (from, ids, count, text) = first_screen(Server::site()).await;
    assert_eq!(from, "pack", "the bundled site starts from its pack");
    assert_eq!(ids.len(), bundled().initiatives.len());

    let mut without = Overrides::new();
    without.insert("data/roadmap.pack".into(), None);
    let yaml = first_screen(&Server::start(site(), "/", without)).await;
    assert_eq!(yaml.0, "yaml", "no pack: the YAML files");
    assert_eq!((ids, count, text), (yaml.1, yaml.2, yaml.3));
}

#[tokio::test]
async fn a_preview_on_a_packed_site_whose_files_cannot_be_read_says_so() {
    // The pack is served, the YAML manifest is not: the site starts, and a preview can
    // only show the dropped file.
    let pack = std::fs::read(site().join("data/roadmap.pack")).unwrap();
    let mut overrides = Overrides::new();
    overrides.insert("data/roadmap.pack".into(), Some(pack));
    overrides.insert("data/files.txt".into(), None);
    let server = Server::start(site(), "/", overrides);
    let dir = std::env::temp_dir().join(format!("roadmap-pack-preview-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("roadmap.yaml");
    std::fs::write(
        &file,
        "title: Dropped\nstages: [{id: s, name: S}]\ninitiatives:\n  - {id: dropped-one, title: Dropped, stage: s, confidence: low}\n",
    )
    .unwrap();

    let b = Browser::new().await;
    b.open(&server.base).await;
    let from = b
        .wait_for("[data-ready=\"true\"]")
        .await
        .attr("data-loaded-from")
        .await
        .unwrap();
    assert_eq!(from.as_deref(), Some("pack"));
    b.preview_file(&file).await;
    b.wait_for("[data-initiative=\"dropped-one\"]").await;
    let banner = b.text("[data-preview]").await;
    assert!(
        banner.contains("The published files could not be read"),
        "{banner}"
    );
    b.close().await;
}

#[tokio::test]
async fn a_damaged_or_foreign_pack_falls_back_to_the_yaml() {
    let pack = std::fs::read(site().join("data/roadmap.pack")).unwrap();
    let damaged = [
        pack[..pack.len() / 2].to_vec(),
        b"<!doctype html><title>Not found</title>".to_vec(),
    ];
    for bytes in damaged {
        let mut overrides = Overrides::new();
        overrides.insert("data/roadmap.pack".into(), Some(bytes));
        let (from, ids, _, _) = first_screen(&Server::start(site(), "/", overrides)).await;
        assert_eq!(from, "yaml");
        assert_eq!(ids.len(), bundled().initiatives.len());
    }
}
