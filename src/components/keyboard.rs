//! Keyboard access shared by the views: the skip link (the page's first Tab stop,
//! straight to the chart's one Tab stop) and focusing SVG elements, with or without
//! the browser scrolling.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the skip link focuses inside the chart region: the Tab stop of the timeline's
/// bars, the graph's nodes or the table's rows (each view has one).
const CHART_STOP: &str = "[data-initiative][tabindex=\"0\"], [data-node][tabindex=\"0\"], \
    [data-cluster][tabindex=\"0\"], [data-row][tabindex=\"0\"]";

#[derive(Properties, PartialEq)]
pub struct SkipLinkProps {
    /// The `id` of the region holding the chart.
    pub target: AttrValue,
}

/// "Skip to roadmap": hidden until focused; Enter focuses the chart's Tab stop (or,
/// when nothing is drawn, follows the link to the region, so the next Tab starts
/// there).
#[function_component(SkipLink)]
pub fn skip_link(props: &SkipLinkProps) -> Html {
    let onclick = {
        let target = props.target.clone();
        Callback::from(move |e: MouseEvent| {
            let stop = gloo::utils::document()
                .get_element_by_id(&target)
                .and_then(|region| region.query_selector(CHART_STOP).ok().flatten());
            if let Some(el) = stop {
                e.prevent_default();
                focus(&el, false);
            }
        })
    };
    html! {
        <a class="skip-link" href={format!("#{}", props.target)} data-skip-link="" {onclick}>
            { "Skip to roadmap" }
        </a>
    }
}

/// Focuses `el` (HTML or SVG: web-sys's `Element` has no `focus`), with or without
/// the browser scrolling it into view (`prevent_scroll`: the chart scrolled to it
/// already, as little as the core says).
pub fn focus(el: &web_sys::Element, prevent_scroll: bool) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &prevent_scroll.into());
    if let Some(f) = js_sys::Reflect::get(el, &"focus".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call1(el, &options);
    }
}
