//! The first screen: bundled data rendered; broken or missing data explained.

use crate::harness::{bundled, site, Browser, Overrides, Server};

#[tokio::test]
async fn bundled_initiatives_are_in_the_dom() {
    let roadmap = bundled();
    let mut expected: Vec<String> = roadmap.initiatives.iter().map(|i| i.id.clone()).collect();
    expected.sort();
    assert!(!expected.is_empty());

    let b = Browser::new().await;
    b.open(&Server::site().base).await;
    assert_eq!(
        b.wait_for("[data-ready]")
            .await
            .attr("data-ready")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    let mut shown = b.attr_all("[data-initiative]", "data-initiative").await;
    shown.sort();
    assert_eq!(shown, expected);
    b.close().await;
}

#[tokio::test]
async fn broken_data_shows_located_diagnostics() {
    let mut overrides = Overrides::new();
    overrides.insert(
        "data/roadmap.yaml".into(),
        Some(b"title: Broken\nstages:\n  - id: a\n    nmae: A\n".to_vec()),
    );
    let server = Server::start(site(), "/", overrides);
    let b = Browser::new().await;
    b.open(&server.base).await;
    let text = b.text("[data-diagnostics]").await;
    assert!(
        text.contains("data/roadmap.yaml:4:5"),
        "diagnostic should name file, line and column: {text}"
    );
    assert!(text.contains("unknown key \"nmae\""), "{text}");
    b.close().await;
}

#[tokio::test]
async fn missing_data_shows_an_error_panel_not_a_blank_page() {
    let mut overrides = Overrides::new();
    overrides.insert("data/files.txt".into(), None);
    let server = Server::start(site(), "/", overrides);
    let b = Browser::new().await;
    b.open(&server.base).await;
    assert_eq!(
        b.wait_for("[data-ready]")
            .await
            .attr("data-ready")
            .await
            .unwrap()
            .as_deref(),
        Some("error")
    );
    let text = b.text("[data-error]").await;
    assert!(
        text.contains("data/files.txt") && text.contains("404"),
        "{text}"
    );
    b.close().await;
}
