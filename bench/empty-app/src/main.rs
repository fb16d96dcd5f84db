//! An empty Yew app: renders one element and marks `roadmap-ready`, as the viewer does
//! after its first render, and `roadmap-painted` once that frame is painted, so the
//! browser benchmark can compare start-up times.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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
        // As the viewer does: a timeout queued from the next animation frame runs
        // after that frame's paint.
        let frame = Closure::once_into_js(|| {
            let after = Closure::once_into_js(|| mark("roadmap-painted"));
            let w = web_sys::window().expect("a window");
            let _ = w.set_timeout_with_callback(after.unchecked_ref());
        });
        let w = web_sys::window().expect("a window");
        let _ = w.request_animation_frame(frame.unchecked_ref());
    });
    html! { <main data-ready="true">{ "Empty" }</main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
