//! Moving keyboard focus without scrolling the page: to the details panel's heading
//! when it opens, and back to the initiative's drawing when it closes.

use wasm_bindgen::JsValue;

/// Focuses `el` with `preventScroll` (the views frame what they show themselves).
pub fn focus_quietly(el: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &JsValue::TRUE);
    if let Ok(f) = js_sys::Reflect::get(el, &"focus".into()) {
        if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
            let _ = f.call1(el, &options);
        }
    }
}

/// Focuses the drawing of initiative `id` in whichever view is shown (a timeline bar,
/// a graph node or a table row), if it is drawn.
pub fn focus_initiative(id: &str) {
    let id = id.replace(['"', '\\'], "");
    let css = format!(
        "[data-initiative=\"{id}\"]:not([data-ghost]), [data-node=\"{id}\"], [data-row=\"{id}\"]"
    );
    if let Ok(Some(el)) = gloo::utils::document().query_selector(&css) {
        focus_quietly(&el);
    }
}

/// Whether the reader is typing (focus in a text field): focus is not taken from it.
pub fn typing() -> bool {
    gloo::utils::document()
        .active_element()
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
