//! Moving keyboard focus without scrolling the page: to the details panel's heading
//! when it opens, and back to the initiative's drawing when it closes.

use wasm_bindgen::{JsCast, JsValue};

/// Focuses `el` with `preventScroll` (the views frame what they show themselves).
pub fn focus_quietly(el: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &JsValue::TRUE);
    if let Ok(f) = js_sys::Reflect::get(el, &"focus".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(el, &options);
        }
    }
}

/// Runs `f` once the next frame is painted (a timeout queued from an animation
/// frame): what must read layout, such as moving focus, does it then, when the
/// frame's layout is done and nothing is dirty, instead of forcing a layout before the
/// frame (#27).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let window = gloo::utils::window();
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        let f = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
    });
    let _ = window.request_animation_frame(later.unchecked_ref());
}

/// Focuses the drawing of initiative `id` in whichever view is shown (a timeline bar,
/// a graph node or a table row), if it is drawn. The view may redraw once more as it
/// takes back the panel's width (and replace the element): while focus is lost (on the
/// page's body) it tries again, a few times, over half a second.
pub fn focus_initiative(id: &str) {
    let id = id.replace(['"', '\\'], "");
    let css = format!(
        "[data-initiative=\"{id}\"][tabindex]:not([data-ghost]), [data-node=\"{id}\"][tabindex], [data-row=\"{id}\"][tabindex]"
    );
    try_focus(css, 6);
}

fn try_focus(css: String, tries: u32) {
    let document = gloo::utils::document();
    let lost = document
        .active_element()
        .is_none_or(|a| a.tag_name() == "BODY");
    if lost {
        if let Ok(Some(el)) = document.query_selector(&css) {
            focus_quietly(&el);
        }
    }
    if tries > 0 {
        let again = wasm_bindgen::closure::Closure::once_into_js(move || try_focus(css, tries - 1));
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), 80);
    }
}

/// When the details are a bottom sheet (a phone), scrolls the page so the chart starts
/// at the window's top: what the question is about shows above the sheet.
pub fn reveal_chart_above_sheet() {
    if !sheet_media() {
        return;
    }
    let window = gloo::utils::window();
    let chart = gloo::utils::document()
        .query_selector("[data-chart]")
        .ok()
        .flatten()
        .map(|e| e.get_bounding_client_rect());
    let (Some(_), Some(chart)) = (bottom_sheet_top(), chart) else {
        return;
    };
    if chart.top() < 0.0 || chart.top() > 8.0 {
        let y = window.scroll_y().unwrap_or(0.0) + chart.top() - 4.0;
        window.scroll_to_with_x_and_y(0.0, y.max(0.0));
    }
}

/// The window's inner height in CSS pixels.
pub fn window_height() -> f64 {
    gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0)
}

/// Where the details' bottom sheet begins (px from the window's top), when the
/// details are one (a narrow screen: full width, along the window's bottom).
pub fn bottom_sheet_top() -> Option<f64> {
    if !sheet_media() {
        return None;
    }
    let inner = window_height();
    let sheet = gloo::utils::document()
        .query_selector(".details")
        .ok()
        .flatten()?
        .get_bounding_client_rect();
    (sheet.left() <= 1.0 && sheet.top() > inner / 4.0 && sheet.bottom() >= inner - 1.0)
        .then(|| sheet.top())
}

/// Whether the window is narrow enough for the details to be a bottom sheet (the
/// stylesheet's `max-width: 767px`): asked before reading any geometry, so a wider
/// screen reads none (reading it right after a render forces a layout).
pub fn sheet_media() -> bool {
    gloo::utils::window()
        .match_media("(max-width: 767px)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Whether the reader is typing (focus in a text field): focus is not taken from it.
pub fn typing() -> bool {
    gloo::utils::document()
        .active_element()
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
