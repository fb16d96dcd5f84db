//! An empty Yew app: renders one element and marks `roadmap-ready`, as the viewer does
//! after its first render, so the browser benchmark can compare start-up times.

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    use_effect_with((), |_| {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark("roadmap-ready");
        }
    });
    html! { <main data-ready="true">{ "Empty" }</main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
