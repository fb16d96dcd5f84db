//! Mounts the viewer in the page (wasm32). Natively this binary only explains itself.

#[cfg(target_arch = "wasm32")]
fn main() {
    roadmap_viewer::fetch::mark("wasm-main");
    yew::Renderer::<roadmap_viewer::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "roadmap-viewer is the browser app: build it with `trunk build`; the CLI is `roadmap`."
    );
}
