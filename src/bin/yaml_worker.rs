//! The YAML worker (wasm32, in a web worker): the second wasm module of the site,
//! fetched only for a local preview or when the published pack cannot be used (#26).
//! It holds the editor's toolchain (YAML parsing, typing, every check, Markdown), so
//! the viewer a reader loads does not. Each message is a request's bytes
//! (`core::tools::pack::job::Job`), each reply the answer's bytes (`job::answer`); the
//! worker says `ready` once it listens, and the viewer posts nothing before that.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let request = js_sys::Uint8Array::new(&e.data()).to_vec();
            let answer = roadmap_viewer::core::tools::pack::job::answer(&request);
            let bytes = js_sys::Uint8Array::from(&answer[..]);
            // The buffer is moved, not copied: the answer can be megabytes.
            let transfer = js_sys::Array::of1(&bytes.buffer());
            let _ = reply_to.post_message_with_transfer(&bytes, &transfer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "yaml-worker is the viewer's YAML worker (wasm32, built by trunk); the CLI is `roadmap`."
    );
}
