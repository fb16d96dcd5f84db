//! Static hosting: a sub-path build, offline after a first visit, a strict CSP with
//! zero violations, and a new deploy picked up after the update prompt.

use crate::harness::{
    bundled, copy_site, site, sub_path_site, Browser, Overrides, Server, SUB_PATH,
};

fn initiative_count() -> usize {
    bundled().initiatives.len()
}

pub(crate) const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; object-src 'none'; base-uri 'self'";

#[tokio::test]
async fn a_sub_path_build_loads_and_deep_links_work_there() {
    let server = Server::start(sub_path_site(), SUB_PATH, Overrides::new());
    let total = initiative_count();
    let b = Browser::new().await;
    b.open(&server.base).await;
    b.wait_for(&format!(
        "[data-ready=\"true\"][data-visible-count=\"{total}\"]"
    ))
    .await;
    assert_eq!(b.all("[data-initiative]").await.len(), total);
    b.open(&format!(
        "{}?stage=dedicated&select=dedicated-fedramp-high",
        server.base
    ))
    .await;
    b.wait_for("[data-detail=\"dedicated-fedramp-high\"]").await;
    b.click("[data-filter=\"confidence:medium\"]").await;
    b.wait_for("[data-filter=\"confidence:medium\"][aria-pressed=\"true\"]")
        .await;
    let url = b.url().await;
    assert!(
        url.contains(SUB_PATH)
            && url.contains("stage=dedicated")
            && url.contains("confidence=medium"),
        "{url}"
    );
    b.close().await;
}

#[tokio::test]
async fn after_a_first_visit_the_roadmap_works_offline_with_a_banner() {
    let server = Server::start(site(), "/", Overrides::new());
    let total = initiative_count();
    let b = Browser::new().await;
    b.open(&server.base).await;
    b.wait_for("html[data-sw=\"ready\"]").await;
    assert!(
        b.all("[data-offline]").await.is_empty(),
        "online: no banner"
    );
    server.set_offline(true);
    b.client.refresh().await.unwrap();
    b.wait_for(&format!(
        "[data-ready=\"true\"][data-visible-count=\"{total}\"]"
    ))
    .await;
    let banner = b.text("[data-offline]").await;
    assert!(
        banner.contains("You are offline") && banner.contains("cached on"),
        "{banner}"
    );
    b.close().await;
}

#[tokio::test]
async fn under_a_strict_csp_the_page_renders_with_zero_violations() {
    let server = Server::start(site(), "/", Overrides::new());
    server.add_header(
        "Content-Security-Policy",
        &format!("{CSP}; report-uri /csp-report"),
    );
    let total = initiative_count();
    let b = Browser::new().await;
    b.open(&server.base).await;
    b.wait_for(&format!(
        "[data-ready=\"true\"][data-visible-count=\"{total}\"]"
    ))
    .await;
    // Exercise what renders later too: a selection with arrows and the details panel.
    b.click("[data-initiative=\"cells-1-0\"]").await;
    b.wait_for("[data-detail=\"cells-1-0\"]").await;
    b.wait_for("[data-edge]").await;
    let counted = b
        .eval("return document.documentElement.dataset.cspViolations || '0'")
        .await;
    assert_eq!(counted, "0");
    assert!(
        server.posts().iter().all(|p| !p.starts_with("/csp-report")),
        "{:?}",
        server.posts()
    );
    b.close().await;
}

#[tokio::test]
async fn a_new_deploy_is_picked_up_after_the_update_prompt() {
    let first = copy_site(site(), "deploy-a");
    let server = Server::start(&first, "/", Overrides::new());
    let b = Browser::new().await;
    b.open(&server.base).await;
    b.wait_for("html[data-sw=\"ready\"]").await;
    let build_a = b
        .eval("return document.querySelector('meta[name=roadmap-build]').content")
        .await;

    // A new deploy: same assets, a new build id (as any change to the site gives).
    let second = copy_site(site(), "deploy-b");
    let build_b: String = build_a.chars().rev().collect();
    for f in ["index.html", "sw.js"] {
        let p = second.join(f);
        let text = std::fs::read_to_string(&p)
            .unwrap()
            .replace(&build_a, &build_b);
        std::fs::write(p, text).unwrap();
    }
    server.set_root(&second);
    b.client.refresh().await.unwrap();
    b.wait_for("[data-update]").await;
    assert_eq!(
        b.eval("return document.querySelector('meta[name=roadmap-build]').content")
            .await,
        build_a,
        "still the old build until accepted"
    );
    b.click("[data-update-reload]").await;
    b.wait_for(&format!(
        "meta[name=\"roadmap-build\"][content=\"{build_b}\"]"
    ))
    .await;
    b.wait_for("[data-ready=\"true\"]").await;
    b.close().await;
    let _ = std::fs::remove_dir_all(first);
    let _ = std::fs::remove_dir_all(second);
}
