//! What the page tells the components about the browser (the window's size, the
//! address), with the build's stand-ins when the first screen is drawn natively by
//! `crate::prerender`: there no browser call may be reached (each would panic), so a
//! render path asks here instead of calling `web_sys` itself.

/// Whether the components run in a browser (wasm32), not in the build's prerender.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The window's inner width and height in CSS px; the prerender's window natively.
pub fn window_size() -> (f64, f64) {
    #[cfg(not(target_arch = "wasm32"))]
    return crate::prerender::WINDOW;
    #[cfg(target_arch = "wasm32")]
    {
        let window = gloo::utils::window();
        let px =
            |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        (px(window.inner_width()), px(window.inner_height()))
    }
}

/// The page's query string (`?select=…`); the default view's (none) natively.
pub fn location_search() -> String {
    if !IN_BROWSER {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}
