//! The screen's effects: the URL kept in step with the view (back and forward
//! work), closing the details (Escape; focus back to the initiative's drawing), the
//! selection brought into view in the graph and the table, and a new build waiting in
//! the service worker.

use crate::components::env::location_search;
use crate::core::views::intent::{history_entry, History, Intent};
use crate::core::views::view_state::ViewState;
use crate::state::{Action, RoadmapState};
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// Writes the view's query string into the address bar, as a new history entry or
/// replacing the current one (the core's `history_entry` decides).
fn sync_url(query: &str, how: History) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let current = location_search();
    let wanted = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    if current == wanted {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let pathname = window.location().pathname().unwrap_or_default();
    let url = format!("{pathname}{wanted}");
    let _ = if how == History::Replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Keeps the address bar's query string in step with the view.
#[hook]
pub fn use_url_sync(view: &ViewState) {
    // URL sync: typing in the search box replaces the entry instead of piling them up.
    let last_query = use_mut_ref(|| None::<ViewState>);
    {
        let view = view.clone();
        use_effect_with(view, move |view| {
            let mut last = last_query.borrow_mut();
            sync_url(&view.to_query(), history_entry(last.as_ref(), view));
            *last = Some(view.clone());
        });
    }
}

/// The details' close callback (one per selection, so the details' props stay equal
/// while hovering), also run by the Escape key; and the view read back from the URL on
/// back and forward.
#[hook]
pub fn use_close(state: &UseReducerHandle<RoadmapState>) -> Rc<Callback<()>> {
    // Closing the details (Escape, or its close button) returns focus to the
    // initiative's drawing, once the view without the panel is drawn.
    let return_focus = use_mut_ref(|| None::<String>);
    let on_close = {
        let (d, return_focus) = (state.dispatcher(), return_focus.clone());
        // One callback per selection, so the details' props stay equal while hovering.
        use_memo(state.view.select.clone(), move |selected_id| {
            let selected_id = selected_id.clone();
            Callback::from(move |()| {
                if selected_id.is_some() {
                    *return_focus.borrow_mut() = selected_id.clone();
                    d.dispatch(Action::Do(Intent::Select(None)));
                }
            })
        })
    };
    {
        let return_focus = return_focus.clone();
        use_effect_with(state.view.select.clone(), move |select| {
            if select.is_none() {
                if let Some(id) = return_focus.borrow_mut().take() {
                    crate::components::focus::focus_initiative(&id);
                }
            }
        });
    }
    // The Escape key reads the current `on_close` (it knows the selection).
    let close_ref = use_mut_ref(|| (*on_close).clone());
    *close_ref.borrow_mut() = (*on_close).clone();
    {
        let dispatch = state.dispatcher();
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            let close = Callback::from(move |()| close_ref.borrow().emit(()));
            let window = web_sys::window().expect("a window");
            // The first render with data is on screen: the browser benchmark reads
            // this mark (ms since navigation) as "cold load to first render".
            crate::fetch::mark("roadmap-ready");
            let d1 = dispatch.clone();
            let pop = EventListener::new(&window, "popstate", move |_| {
                let (view, notices) = ViewState::from_query(&location_search());
                d1.dispatch(Action::FromUrl(Box::new(view), notices));
            });
            let document = window.document().expect("a document");
            let keys = EventListener::new(&document, "keydown", move |e| {
                let e: &web_sys::KeyboardEvent = wasm_bindgen::JsCast::unchecked_ref(e);
                if e.key() == "Escape" {
                    close.emit(());
                }
            });
            move || drop((pop, keys))
        });
    }

    on_close
}

/// Brings the selection into view in the graph and the table (deep links, details
/// links), without jumping if visible; the timeline frames it itself.
#[hook]
pub fn use_select_into_view(select: Option<String>, framed_by_timeline: bool) {
    {
        // Bring the selection into view in the graph and the table (deep links, details
        // links), without jumping if visible; the timeline frames it itself.
        use_effect_with(
            (select, framed_by_timeline),
            |(select, framed_by_timeline)| {
                if *framed_by_timeline {
                    return;
                }
                if let Some(id) = select {
                    let css = format!("[data-initiative=\"{}\"]", id.replace('"', ""));
                    if let Ok(Some(el)) = gloo::utils::document().query_selector(&css) {
                        let opts = web_sys::ScrollIntoViewOptions::new();
                        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                        opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                        el.scroll_into_view_with_scroll_into_view_options(&opts);
                    }
                }
            },
        );
    }
}

/// Whether a new build waits in the service worker (the page offers to reload into it).
#[hook]
pub fn use_update_available() -> bool {
    // A new build waiting in the service worker: offer to reload into it.
    let update = use_state(|| {
        crate::components::env::IN_BROWSER
            && gloo::utils::document_element()
                .get_attribute("data-update")
                .as_deref()
                == Some("available")
    });
    {
        let update = update.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&gloo::utils::window(), "roadmap-update", move |_| {
                    update.set(true)
                });
            move || drop(listener)
        });
    }
    *update
}
