//! The first screen written into `index.html` at build time (#26), so a reader sees the
//! roadmap before the wasm has loaded, and a reader without JavaScript sees it at all.
//!
//! The same components draw it: Yew's server renderer runs `RoadmapView` natively on
//! the build's pack, for the default view (no URL parameters) at a desktop window of
//! [`WINDOW`]. The page shows it from that width up (narrower screens would lay out
//! otherwise: they show the loading line, as before); the app removes it in the task
//! that draws its own first screen, so no frame shows neither. The prerendered screen
//! carries `data-prerendered` instead of `data-ready`: tests and scripts that wait for
//! the app still wait for the app.

use crate::components::RoadmapView;
use crate::components::RoadmapViewProps;
use crate::core::tools::pack::Packed;
use crate::core::Date;
use crate::state::Loaded;
use std::rc::Rc;

/// The window the first screen is drawn for: the most common desktop size, whose
/// layout the core's estimate gets exactly (`Canvas::estimate`) from 1280 px wide.
pub const WINDOW: (f64, f64) = (1440.0, 900.0);

/// The element that holds the prerendered screen (the app removes it by this id).
pub const ID: &str = "prerender";

/// The default view of `packed` on `today`, as HTML: `<div id="prerender">…</div>`.
pub fn first_screen(packed: Packed, today: Date) -> String {
    let data = Rc::new(Loaded::from_pack(packed));
    let props = RoadmapViewProps {
        data: data.clone(),
        today,
        published: data,
        preview_notes: None,
        on_preview: Default::default(),
        on_exit_preview: Default::default(),
        generation: 1,
        baseline: None,
        history: None,
        remembered: Default::default(),
        on_mark_seen: Default::default(),
        at: None,
    };
    let render = yew::LocalServerRenderer::<RoadmapView>::with_props(props)
        .hydratable(false)
        .render();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let html = runtime.block_on(tokio::task::LocalSet::new().run_until(render));
    format!("<div id=\"{ID}\" class=\"prerender\">{html}</div>")
}

/// `index` with `screen` as the first thing in its body.
pub fn insert(index: &str, screen: &str) -> Option<String> {
    let at = index.find("<body>")? + "<body>".len();
    Some(format!("{}{screen}{}", &index[..at], &index[at..]))
}
