//! The first screen the build writes into `index.html` (`roadmap prerender`, #26):
//! drawn natively by the viewer's own components, holding every initiative of the
//! default view, and never posing as the running app.

use roadmap_viewer::core::tools::generate::{self, generate};
use roadmap_viewer::core::{load, tools::pack, Date};

fn screen(files: &roadmap_viewer::core::DataFiles, today: Date) -> (String, Vec<String>) {
    let (roadmap, diagnostics) = load(files, today);
    let ids = roadmap.initiatives.iter().map(|i| i.id.clone()).collect();
    let packed = pack::read(&pack::write(&roadmap, &diagnostics, today)).unwrap();
    (roadmap_viewer::prerender::first_screen(packed, today), ids)
}

#[test]
fn the_bundled_first_screen_draws_every_initiative_as_the_app_does() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let files = roadmap_viewer::data_dir::read(&dir).unwrap();
    let (html, ids) = screen(&files, Date::from_ymd(2026, 11, 1).unwrap());
    assert!(html.starts_with("<div id=\"prerender\" class=\"prerender\"><main"));
    for id in &ids {
        assert!(
            html.contains(&format!("data-initiative=\"{id}\"")),
            "{id} is on the prerendered first screen"
        );
    }
    // Tests and scripts wait for the app's `data-ready`: the stand-in never has it.
    assert!(!html.contains("data-ready"));
    assert!(html.contains("data-prerendered=\"true\""));
    assert!(html.contains("data-visible-count=\"86\""));
    assert!(html.contains("elementtiming=\"roadmap-title\""));
    // Untrusted text stays text.
    assert!(!html.contains("<script"));
}

#[test]
fn a_generated_roadmap_prerenders_its_first_screen() {
    let (html, ids) = screen(&generate(1000, 7), generate::as_of());
    assert!(html.contains("data-visible-count=\"1000\""));
    let drawn = ids
        .iter()
        .filter(|id| html.contains(&format!("data-initiative=\"{id}\"")))
        .count();
    assert!(drawn > 0, "some bars are drawn");
}

#[test]
fn insert_puts_the_screen_first_in_the_body_or_refuses() {
    let index = "<html><head></head><body><noscript>x</noscript></body></html>";
    assert_eq!(
        roadmap_viewer::prerender::insert(index, "<div>S</div>").as_deref(),
        Some("<html><head></head><body><div>S</div><noscript>x</noscript></body></html>")
    );
    assert_eq!(
        roadmap_viewer::prerender::insert("<html></html>", "S"),
        None
    );
}
