//! The root component: fetches the bundled data (showing progress), reads the build's
//! pack or has the YAML worker load the files (`crate::worker`), and shows the roadmap,
//! or an error panel with a retry. Never a blank page.
//! It also holds a local preview: YAML files dropped on the page or picked, compared
//! with the published data; the build's baseline, fetched after the data; and the
//! reader's last visit (#28), remembered once the roadmap is on screen.

use crate::components::{ErrorPanel, RoadmapView, Shared};
use crate::core::load::{DataFiles, FileText, MAX_FILE_BYTES};
use crate::fetch::{Fetched, Published};
use crate::state::{Baseline, Loaded, Remembered};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the app shows; the data is loaded once per page (and again on retry).
#[derive(Clone, PartialEq)]
pub enum LoadState {
    Loading {
        done: usize,
        total: usize,
    },
    Loaded(Rc<Loaded>),
    /// The data could not be fetched at all (network, missing manifest).
    Failed(String),
}

/// A local preview: the combined data and where each dropped file went.
#[derive(Clone, PartialEq)]
pub struct Preview {
    pub data: Rc<Loaded>,
    pub notes: Vec<String>,
    pub generation: u32,
    /// What the preview is compared with: the published data.
    pub baseline: Rc<Baseline>,
}

/// Reads dropped or picked files and loads them over the published data.
pub fn preview_files(
    published: Rc<Loaded>,
    list: web_sys::FileList,
    generation: u32,
    done: Callback<Preview>,
) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        // A site started from its pack fetches the YAML files the preview builds on;
        // when they cannot be read, the preview shows the dropped files alone, and says so.
        let mut unread = None;
        let published_files = if published.from_pack {
            match crate::fetch::data_files(|_, _| {}).await {
                Ok(f) => f.files,
                Err(e) => {
                    unread = Some(format!(
                        "The published files could not be read ({e}): the preview shows the dropped files alone."
                    ));
                    DataFiles::default()
                }
            }
        } else {
            published.files.clone()
        };
        let mut dropped = Vec::new();
        for f in files {
            let name = f.name();
            let file = gloo::file::File::from(f);
            // The same rules as the published files: size limit, then strict UTF-8.
            let text = if file.size() > MAX_FILE_BYTES {
                FileText::TooLarge(file.size())
            } else {
                match gloo::file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => FileText::from_bytes(bytes),
                    Err(e) => FileText::Unreadable(e.to_string()),
                }
            };
            dropped.push((name, text));
        }
        // Assembled and loaded in the YAML worker, as the fallback is.
        let (data, mut notes) = match crate::worker::run(published_files, dropped).await {
            Ok(a) => (Loaded::from_yaml(a.packed, DataFiles::default()), a.notes),
            // Said in the preview's banner, over an empty roadmap: never nothing.
            Err(e) => {
                let note = format!("The dropped files could not be loaded: {e}");
                (
                    Loaded::from_yaml(Default::default(), DataFiles::default()),
                    vec![note],
                )
            }
        };
        notes.splice(0..0, unread);
        done.emit(Preview {
            data: Rc::new(data),
            notes,
            generation,
            baseline: Rc::new(Baseline {
                label: "the published roadmap".into(),
                data: published,
            }),
        });
    });
}

/// The published data as the screen shows it (a pack as read, YAML files through the
/// worker), with the pack's bytes (what the reader's last visit keeps, #28).
async fn loaded(published: Result<Published, String>) -> Result<(Loaded, Vec<u8>), String> {
    Ok(match published? {
        Published::Packed(p, offline_since, bytes) => (
            Loaded {
                offline_since,
                ..Loaded::from_pack(*p)
            },
            bytes,
        ),
        Published::Files(Fetched {
            files,
            offline_since,
        }) => {
            let answer = crate::worker::run(files.clone(), Vec::new()).await?;
            let loaded = Loaded {
                offline_since,
                ..Loaded::from_yaml(answer.packed, files)
            };
            (loaded, answer.bytes)
        }
    })
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_state(|| LoadState::Loading { done: 0, total: 0 });
    let attempt = use_state(|| 0u32);
    let preview = use_state(|| None::<Preview>);
    let baseline = use_state(|| None::<Rc<Baseline>>);
    let history = use_state(|| None::<Shared<crate::core::tools::history::History>>);
    // The roadmap as it was (`at=`, #29): asked for once, by the address the page
    // opened at (*Back to today* is a link to the same view without it).
    let at = use_memo((), |_| {
        let search = crate::components::env::location_search();
        crate::core::views::view_state::ViewState::from_query(&search)
            .0
            .at
    });
    let history_read = use_state(|| false);
    let remembered = use_state(Remembered::default);
    {
        let (state, baseline, history) = (state.clone(), baseline.clone(), history.clone());
        let (remembered, history_read) = (remembered.clone(), history_read.clone());
        use_effect_with(*attempt, move |_| {
            state.set(LoadState::Loading { done: 0, total: 0 });
            remembered.set(Remembered::Reading);
            wasm_bindgen_futures::spawn_local(async move {
                let progress = {
                    let state = state.clone();
                    move |done, total| state.set(LoadState::Loading { done, total })
                };
                let published = crate::fetch::published(progress).await;
                crate::fetch::mark("data-fetched");
                let (next, seen) = match loaded(published).await {
                    Ok((loaded, pack)) => {
                        crate::fetch::mark("data-loaded");
                        let loaded = Rc::new(loaded);
                        (LoadState::Loaded(loaded.clone()), Some((loaded, pack)))
                    }
                    Err(e) => (LoadState::Failed(e), None),
                };
                // The build's first screen goes in the task that draws the app's own
                // (Yew renders in a microtask): no frame shows neither.
                remove_prerender();
                state.set(next);
                // After the first screen: the history (the details show it; `at=`
                // waits for it). Small, and first: the roadmap as it was is the page.
                if let Some(h) = crate::fetch::history().await {
                    history.set(Some(Shared::new(h)));
                }
                history_read.set(true);
                // Once it is on screen, the roadmap is remembered on the reader's device
                // and their last visit read back (#28).
                remembered.set(match seen {
                    Some((data, pack)) => {
                        crate::last_visit::remember(pack, data, crate::fetch::today()).await
                    }
                    None => Remembered::Nothing,
                });
                // After the first screen: the comparison is optional.
                if let Some((label, published)) = crate::fetch::baseline().await {
                    match loaded(Ok(published)).await {
                        Ok((data, _)) => {
                            let data = Rc::new(data);
                            baseline.set(Some(Rc::new(Baseline { label, data })));
                        }
                        Err(e) => gloo::console::warn!(format!("the baseline: {e}")),
                    }
                }
            });
        });
    }
    let on_preview = {
        let preview = preview.clone();
        Callback::from(move |p: Preview| preview.set(Some(p)))
    };
    // Drag and drop anywhere on the page.
    {
        let state = state.clone();
        let on_preview = on_preview.clone();
        let generation = preview.as_ref().map_or(0, |p| p.generation) + 1;
        use_effect_with(((*state).clone(), generation), move |(st, generation)| {
            let document = gloo::utils::document();
            let opts = EventListenerOptions::enable_prevent_default();
            let over = EventListener::new_with_options(&document, "dragover", opts, |e| {
                e.prevent_default()
            });
            let published = match st {
                LoadState::Loaded(d) => Some(d.clone()),
                _ => None,
            };
            let generation = *generation;
            let drop = EventListener::new_with_options(&document, "drop", opts, move |e| {
                e.prevent_default();
                let Some(published) = published.clone() else {
                    return;
                };
                let Some(list) = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .and_then(|t| t.files())
                else {
                    return;
                };
                preview_files(published, list, generation, on_preview.clone());
            });
            move || drop_all(over, drop)
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };
    let on_mark_seen = {
        let remembered = remembered.clone();
        Callback::from(move |()| {
            remembered.set(Remembered::MarkedSeen);
            wasm_bindgen_futures::spawn_local(crate::last_visit::mark_seen());
        })
    };
    let exit_preview = {
        let preview = preview.clone();
        Callback::from(move |_| preview.set(None))
    };
    let then = use_then(&state, (*history).clone(), *at, *history_read);
    match &*state {
        LoadState::Loading { done, total } => html! {
            <main class="app" aria-busy="true">
                <p class="loading" role="status">
                    if *total == 0 { { "Loading the roadmap…" } } else { { format!("Loading the roadmap… {done} of {total} files") } }
                </p>
                if *total > 0 { <progress max={total.to_string()} value={done.to_string()}></progress> }
            </main>
        },
        LoadState::Failed(e) => html! {
            <main class="app" data-ready="error">
                <ErrorPanel title="The roadmap data could not be loaded" detail={e.clone()} on_retry={retry} />
            </main>
        },
        LoadState::Loaded(data) => {
            let generation = preview.as_ref().map_or(0, |p| p.generation) + 1;
            match &*preview {
                Some(p) => html! {
                    // The preview is compared with the published data.
                    <RoadmapView key={format!("preview-{}", p.generation)} data={p.data.clone()} today={crate::fetch::today()}
                        baseline={Some(p.baseline.clone())}
                        published={data.clone()} preview_notes={Some(p.notes.clone())} on_preview={on_preview}
                        on_exit_preview={exit_preview} {generation} />
                },
                None if then.is_some() => {
                    let (data_then, banner) = then.clone().expect("some");
                    let key = format!(
                        "at-{}",
                        data_then.as_ref().map_or(0, |d| Rc::as_ptr(d) as usize)
                    );
                    html! {
                        <RoadmapView {key} data={data_then.unwrap_or_else(|| data.clone())} today={crate::fetch::today()}
                            history={(*history).clone()} at={Some(banner)}
                            published={data.clone()} preview_notes={None::<Vec<String>>} on_preview={on_preview}
                            on_exit_preview={exit_preview} {generation} />
                    }
                }
                None => html! {
                    <RoadmapView key="published" data={data.clone()} today={crate::fetch::today()} baseline={(*baseline).clone()}
                        history={(*history).clone()}
                        remembered={(*remembered).clone()} {on_mark_seen}
                        published={data.clone()} preview_notes={None::<Vec<String>>} on_preview={on_preview}
                        on_exit_preview={exit_preview} {generation} />
                },
            }
        }
    }
}

/// The roadmap as it was on the day `at=` asks for, once the history is read, and
/// what its banner says; `None` when the address asks for today's. Until the history
/// is read (or when there is none, or the day is before it) the data is `None`:
/// today's is shown, and the banner says why.
#[hook]
fn use_then(
    state: &LoadState,
    history: Option<Shared<crate::core::tools::history::History>>,
    at: Option<crate::core::Date>,
    read: bool,
) -> Option<(Option<Rc<Loaded>>, crate::components::AtBanner)> {
    use crate::components::AtBanner;
    use crate::core::tools::history::at::{roadmap_at, At};
    let data = match state {
        LoadState::Loaded(d) => Some(d.clone()),
        _ => None,
    };
    let key = (
        data.as_ref().map(|d| Rc::as_ptr(d) as usize),
        history.clone(),
        at,
        read,
    );
    let memo = use_memo(key, move |_| {
        let (day, data) = (at?, data?);
        let Some(h) = history else {
            let banner = if read {
                AtBanner::NoHistory(day)
            } else {
                AtBanner::Loading(day)
            };
            return Some((None, banner));
        };
        Some(match roadmap_at(&data.roadmap, &h, day) {
            At::BeforeHistory { first } => (None, AtBanner::Before { day, first }),
            At::Then(then) => {
                let c = &h.commits[then.commit];
                let banner =
                    AtBanner::Then {
                        day,
                        commit: (c.id.chars().take(8).collect(), c.date, c.subject.clone()),
                        commit_url: data.roadmap.edit_url.as_deref().and_then(|u| {
                            crate::core::reports::history_report::commit_url(u, &c.id)
                        }),
                        added_since: then.added_since,
                        removed_since: then.removed_since,
                    };
                let descriptions = then
                    .today_index
                    .iter()
                    .map(|k| k.and_then(|k| data.descriptions.get(k).cloned().flatten()))
                    .collect();
                let loaded = Loaded {
                    roadmap: then.roadmap,
                    diagnostics: Vec::new(),
                    descriptions,
                    files: DataFiles::default(),
                    from_pack: data.from_pack,
                    offline_since: data.offline_since.clone(),
                };
                (Some(Rc::new(loaded)), banner)
            }
        })
    });
    (*memo).clone()
}

/// Removes the first screen the build wrote into the page (`crate::prerender`).
fn remove_prerender() {
    if let Some(el) = gloo::utils::document().get_element_by_id("prerender") {
        el.remove();
    }
}

fn drop_all(a: EventListener, b: EventListener) {
    drop(a);
    drop(b);
}
