//! The root component: fetches the bundled data, runs the core loader, and shows a
//! loading state, the roadmap, or an error panel. Never a blank page.

use crate::components::{ErrorPanel, RoadmapView};
use crate::core::{load, DataFiles, Diagnostic, Roadmap};
use std::rc::Rc;
use yew::prelude::*;

/// What the app shows; the data is loaded once per page.
#[derive(Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Loaded(Rc<Loaded>),
    /// The data could not be fetched at all (network, missing manifest).
    Failed(String),
}

pub struct Loaded {
    pub roadmap: Roadmap,
    pub diagnostics: Vec<Diagnostic>,
    pub files: DataFiles,
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_state(|| LoadState::Loading);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match crate::fetch::data_files().await {
                    Ok(files) => {
                        let (roadmap, diagnostics) = load(&files, crate::fetch::today());
                        LoadState::Loaded(Rc::new(Loaded {
                            roadmap,
                            diagnostics,
                            files,
                        }))
                    }
                    Err(e) => LoadState::Failed(e),
                });
            });
        });
    }
    match &*state {
        LoadState::Loading => html! {
            <main class="app" aria-busy="true">
                <p class="loading" role="status">{ "Loading the roadmap…" }</p>
            </main>
        },
        LoadState::Failed(e) => html! {
            <main class="app" data-ready="error">
                <ErrorPanel title="The roadmap data could not be loaded" detail={e.clone()} />
            </main>
        },
        LoadState::Loaded(data) => {
            html! { <RoadmapView data={data.clone()} today={crate::fetch::today()} /> }
        }
    }
}
