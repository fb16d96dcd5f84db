//! An empty Yew app: renders one element and marks `roadmap-ready`, as the viewer does
//! after its first render, and carries the viewer's Element Timing attribute, so the
//! browser benchmark can compare start-up times.

use yew::prelude::*;

fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

#[function_component(App)]
fn app() -> Html {
    use_effect_with((), |_| {
        mark("roadmap-ready");
    });
    html! { <main data-ready="true"><h1 elementtiming="roadmap-title">{ "Empty" }</h1></main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
