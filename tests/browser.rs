//! Component tests in a real browser (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

use roadmap_viewer::app::Loaded;
use roadmap_viewer::components::DiagnosticsPanel;
use roadmap_viewer::core::{load, DataFiles, Date, FileText};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Polls `cond` across turns of the event loop until it holds (Yew renders asynchronously).
async fn until(mut cond: impl FnMut() -> bool) {
    for _ in 0..500 {
        if cond() {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
    }
    panic!("condition not met");
}

#[wasm_bindgen_test]
async fn diagnostics_panel_shows_file_line_and_column() {
    let mut files = DataFiles::default();
    files.insert(
        "roadmap.yaml",
        FileText::Text(
            "title: T\nstages:\n  - id: a\n    name: A\ninclude: [nope/*.yaml]\n".into(),
        ),
    );
    let (roadmap, diagnostics) = load(&files, Date::from_ymd(2026, 11, 1).unwrap());
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = yew::props!(roadmap_viewer::components::DiagnosticsPanelProps {
        data: Rc::new(Loaded {
            roadmap,
            diagnostics,
            files
        }),
    });
    yew::Renderer::<DiagnosticsPanel>::with_root_and_props(root.clone(), props).render();
    until(|| root.query_selector("[data-diagnostic]").unwrap().is_some()).await;
    let item = root
        .query_selector("[data-diagnostic='include-no-match']")
        .unwrap()
        .expect("the include problem is listed");
    let text = item.text_content().unwrap();
    assert!(text.contains("data/roadmap.yaml:5:11"), "{text}");
}
