//! Component tests in a real browser (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

use roadmap_viewer::components::DiagnosticsPanel;
use roadmap_viewer::core::{load, DataFiles, Date, FileText};
use roadmap_viewer::state::Loaded;
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
    let props = yew::props!(roadmap_viewer::components::DiagnosticsPanelProps {
        data: Rc::new(loaded(files)),
        open: true,
        on_intent: yew::Callback::noop(),
    });
    let root = mount::<DiagnosticsPanel>(props);
    until(|| root.query_selector("[data-diagnostic]").unwrap().is_some()).await;
    let item = root
        .query_selector("[data-diagnostic='include-no-match']")
        .unwrap()
        .expect("the include problem is listed");
    let text = item.text_content().unwrap();
    assert!(text.contains("data/roadmap.yaml:5:11"), "{text}");
    assert_eq!(item.class_name(), "error");
    let badge = root
        .query_selector("[data-diagnostics] .count-badge")
        .unwrap()
        .expect("a count badge");
    assert_eq!(badge.text_content().unwrap(), "1");
}

const SMALL: &str =
    "title: T\nas_of: 2026-11-01\nstages: [{id: a, name: A}, {id: b, name: B}]\ninitiatives:
  - {id: x, title: X, stage: a, confidence: high, end: 2027-Q1}
  - {id: y, title: Y, stage: a, confidence: low, end: 2027-Q2}
  - {id: z, title: Z, stage: b, confidence: high, end: 2027-Q3, depends_on: [x]}
";

fn small() -> Rc<Loaded> {
    let mut files = DataFiles::default();
    files.insert("roadmap.yaml", FileText::Text(SMALL.into()));
    let data = loaded(files);
    assert!(data.diagnostics.is_empty());
    Rc::new(data)
}

/// Loads `files` as the viewer gets them from its YAML worker: through a pack.
fn loaded(files: DataFiles) -> Loaded {
    let today = Date::from_ymd(2026, 11, 1).unwrap();
    let (roadmap, diagnostics) = load(&files, today);
    let bytes = roadmap_viewer::core::tools::pack::write(&roadmap, &diagnostics, today);
    Loaded::from_yaml(
        roadmap_viewer::core::tools::pack::read(&bytes).unwrap(),
        files,
    )
}

#[derive(yew::Properties, PartialEq)]
struct HarnessProps {
    data: Rc<Loaded>,
}

/// Hosts the filter bar with the real reducer and core-computed options.
#[yew::function_component(FilterHarness)]
fn filter_harness(props: &HarnessProps) -> yew::Html {
    use roadmap_viewer::core::views::filter;
    let reference = props.data.roadmap.as_of.unwrap();
    let data = props.data.clone();
    let state =
        yew::use_reducer(move || roadmap_viewer::state::RoadmapState::new(data, reference, ""));
    let options = Rc::new(filter::options(
        &state.data.roadmap,
        &state.view.filter,
        reference,
    ));
    let shown = filter::visible(&state.data.roadmap, &state.view.filter, reference, false)
        .shown
        .len();
    let on_intent = {
        let d = state.dispatcher();
        yew::Callback::from(move |i| d.dispatch(roadmap_viewer::state::Action::Do(i)))
    };
    yew::html! {
        <roadmap_viewer::components::FilterBar data={state.data.clone()} view={state.view.clone()}
            {on_intent} options={options} visible={shown} />
    }
}

fn mount<C: yew::BaseComponent>(props: C::Properties) -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    root
}

fn text_of(root: &web_sys::Element, css: &str) -> String {
    root.query_selector(css)
        .unwrap()
        .map(|e| e.text_content().unwrap())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn filter_bar_toggles_options_and_updates_counts() {
    use wasm_bindgen::JsCast;
    let root = mount::<FilterHarness>(HarnessProps { data: small() });
    until(|| {
        root.query_selector("[data-filter='confidence:high']")
            .unwrap()
            .is_some()
    })
    .await;
    assert_eq!(text_of(&root, ".visible-count"), "3 shown");
    assert_eq!(text_of(&root, "[data-filter='stage:a'] .option-count"), "2");
    let high: web_sys::HtmlElement = root
        .query_selector("[data-filter='confidence:high']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(high.get_attribute("aria-pressed").as_deref(), Some("false"));
    high.click();
    until(|| text_of(&root, ".visible-count") == "2 shown").await;
    let high = root
        .query_selector("[data-filter='confidence:high']")
        .unwrap()
        .unwrap();
    assert_eq!(high.get_attribute("aria-pressed").as_deref(), Some("true"));
    // Stage counts now count only high-confidence initiatives; the confidence counts do not narrow themselves.
    assert_eq!(text_of(&root, "[data-filter='stage:a'] .option-count"), "1");
    assert_eq!(
        text_of(&root, "[data-filter='confidence:low'] .option-count"),
        "1"
    );
    let clear: web_sys::HtmlElement = root
        .query_selector("[data-clear-all]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    clear.click();
    until(|| text_of(&root, ".visible-count") == "3 shown").await;
}
