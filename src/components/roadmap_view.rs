//! The roadmap screen: header with the stage index, filters, timeline, details; it
//! owns the reducer and keeps the URL in step with the view (back/forward work).

use crate::app::{preview_files, Preview};
use crate::components::{
    use_comparison, BaselineDrawing, ChangesPanel, CompareButton, DetailsPanel, DiagnosticsPanel,
    FilterBar, GraphView, Legend, SkipLink, TableView, Timeline,
};
use crate::core::analysis;
use crate::core::views::describe;
use crate::core::views::filter;
use crate::core::views::intent::{history_entry, History, Intent};
use crate::core::views::timeline::{self, Canvas, Settings};
use crate::core::views::view_state::{View, ViewState};
use crate::core::Date;
use crate::state::{Action, Baseline, Loaded, RoadmapState};
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What is shown: the published data, or a local preview.
    pub data: Rc<Loaded>,
    pub today: Date,
    /// The published data, which local files are combined with.
    pub published: Rc<Loaded>,
    /// Where each previewed file went, when this is a local preview.
    pub preview_notes: Option<Vec<String>>,
    pub on_preview: Callback<Preview>,
    pub on_exit_preview: Callback<MouseEvent>,
    /// The number the next preview gets (so the view remounts for it).
    pub generation: u32,
    /// What the data can be compared with (a local preview always is).
    #[prop_or_default]
    pub baseline: Option<Rc<Baseline>>,
}

use super::env::location_search;

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

#[function_component(RoadmapView)]
pub fn roadmap_view(props: &Props) -> Html {
    let reference = props.data.roadmap.reference_date(props.today);
    let state = {
        let data = props.data.clone();
        use_reducer(move || RoadmapState::new(data, reference, &location_search()))
    };
    // Hover has its own state: only the drawings read it, so hovering re-renders them
    // and nothing else (every other component's props stay equal).
    let hover = use_state_eq(|| None::<usize>);
    let on_hover = {
        let setter = hover.setter();
        use_memo((), move |_| Callback::from(move |h| setter.set(h)))
    };
    // The chart's drawing size, measured by the timeline (`fit` fills it); until then
    // the core's estimate for the window.
    let canvas = use_state_eq(|| {
        let (width, height) = super::env::window_size();
        Canvas::estimate(width, height)
    });
    let on_canvas = {
        let setter = canvas.setter();
        use_memo((), move |_| Callback::from(move |c| setter.set(c)))
    };
    // One stable callback for every intent, so it never makes props differ.
    let on_intent = {
        let d = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |intent: Intent| d.dispatch(Action::Do(intent)))
        })
    };
    // The question for which the reader asked to see every lane (a folded row was
    // clicked): no folding until the question changes.
    let unfolded = use_state_eq(|| None::<analysis::Question>);
    let on_unfold = {
        let (unfolded, question) = (unfolded.clone(), state.view.question());
        Callback::from(move |()| unfolded.set(Some(question.clone())))
    };
    let on_toggle_stage = {
        let d = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |s| d.dispatch(Action::ToggleStage(s)))
        })
    };
    // URL sync: typing in the search box replaces the entry instead of piling them up.
    let last_query = use_mut_ref(|| None::<ViewState>);
    {
        let view = state.view.clone();
        use_effect_with(view, move |view| {
            let mut last = last_query.borrow_mut();
            sync_url(&view.to_query(), history_entry(last.as_ref(), view));
            *last = Some(view.clone());
        });
    }
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

    {
        // Bring the selection into view in the graph and the table (deep links, details
        // links), without jumping if visible; the timeline frames it itself.
        let select = state.view.select.clone();
        let framed_by_timeline = state.view.view == View::Timeline;
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
    let roadmap = &state.data.roadmap;
    // Derived data, recomputed only when what it depends on changes (hovering a bar
    // re-renders, but recomputes none of this). The data's identity is its pointer (it
    // lives as long as this component). Other keys are the inputs themselves, never a
    // derived value's pointer: `use_memo` frees the old value before computing the new
    // one, so a new value can reuse the old address.
    let data_key = Rc::as_ptr(&state.data) as usize;
    let view = &state.view;
    // The comparison with the baseline (#19): a local preview always compares.
    let comparing = props.baseline.is_some() && (view.compare || props.preview_notes.is_some());
    let comparison = use_comparison(
        props.baseline.clone(),
        state.data.clone(),
        comparing,
        reference,
    );
    let cmp_key = (
        props.baseline.as_ref().map(|b| Rc::as_ptr(b) as usize),
        comparing,
        comparing && view.changed_only,
    );
    let vis = {
        let (data, comparison) = (state.data.clone(), comparison.clone());
        use_memo(
            (
                data_key,
                view.filter.clone(),
                view.context,
                reference,
                cmp_key,
            ),
            move |(_, f, context, reference, (.., changed_only))| {
                let vis = filter::visible(&data.roadmap, f, *reference, *context);
                match comparison.filter(|_| *changed_only) {
                    Some(c) => crate::core::views::compare::changed_only(&vis, &c.kinds),
                    None => vis,
                }
            },
        )
    };
    let options = {
        let data = state.data.clone();
        use_memo(
            (data_key, view.filter.clone(), reference),
            move |(_, f, reference)| filter::options(&data.roadmap, f, *reference),
        )
    };
    // The critical path method times depend on the data alone: one per data, computed
    // when first read (a selection's details, the table, the critical path).
    let schedule = use_memo(data_key, |_| analysis::Schedule::default());
    let analysis = {
        let data = state.data.clone();
        use_memo(
            (data_key, view.question(), reference),
            move |(_, question, reference)| {
                analysis::analyse_with(&data.roadmap, question, *reference, schedule)
            },
        )
    };
    // What the question asked is about (the timeline frames it).
    let selected = state.selected();
    let focus = {
        let (data, analysis) = (state.data.clone(), analysis.clone());
        use_memo((data_key, view.question()), move |_| {
            Rc::new(timeline::focus_of(&data.roadmap, &analysis, selected))
        })
    };
    // The timeline's drawing, computed only when the timeline is the view shown.
    let layout_key = (
        data_key,
        (view.filter.clone(), view.context, view.question(), cmp_key),
        (reference, *canvas),
        view.zoom,
        state.collapsed.clone(),
        (
            view.view == View::Timeline,
            (*unfolded).as_ref() == Some(&view.question()),
        ),
    );
    // The timeline without a fold: what every question starts from, kept while only
    // the selection or the critical path changes (a slip's moves change it).
    let plain = {
        let data = state.data.clone();
        let (vis, analysis) = (vis.clone(), analysis.clone());
        use_memo(
            (
                data_key,
                (
                    view.filter.clone(),
                    view.context,
                    view.slip.clone(),
                    cmp_key,
                ),
                (reference, *canvas),
                view.zoom,
                state.collapsed.clone(),
                view.view == View::Timeline,
            ),
            move |(_, _, (reference, canvas), zoom, collapsed, shown)| {
                shown.then(|| {
                    let settings = Settings::unfocused(*zoom, *canvas, collapsed, &analysis.moves);
                    Rc::new(timeline::layout(&data.roadmap, &vis, *reference, &settings))
                })
            },
        )
    };
    let layout = {
        let data = state.data.clone();
        let (vis, focus, analysis) = (vis.clone(), (*focus).clone(), analysis.clone());
        let plain = plain.clone();
        use_memo(
            layout_key.clone(),
            move |(_, _, (reference, canvas), zoom, collapsed, (_, all_lanes))| {
                let plain = (*plain).clone()?;
                if *all_lanes {
                    return Some(plain);
                }
                let settings = Settings::unfocused(*zoom, *canvas, collapsed, &analysis.moves);
                let folded =
                    timeline::fold(&data.roadmap, &vis, *reference, &settings, &focus, &plain);
                Some(folded.map_or(plain, Rc::new))
            },
        )
    };
    // Where the baseline is drawn on the timeline: for the layout drawn.
    let baseline_drawing = {
        let (layout, comparison, baseline) =
            (layout.clone(), comparison.clone(), props.baseline.clone());
        let data = state.data.clone();
        use_memo(layout_key, move |_| {
            let (layout, comparison, baseline) = ((*layout).clone()?, comparison?, baseline?);
            let marks = timeline::baseline_marks(
                &layout,
                &data.roadmap,
                &baseline.data.roadmap,
                &comparison.kinds,
                &comparison.removed,
                reference,
            );
            Some(Rc::new(BaselineDrawing {
                marks,
                comparison,
                baseline,
            }))
        })
    };
    let rows = {
        let data = state.data.clone();
        let (vis, analysis) = (vis.clone(), analysis.clone());
        use_memo(
            (
                data_key,
                (view.filter.clone(), view.context, cmp_key),
                (view.select.clone(), view.slip.clone(), view.critical),
                (view.sort.clone(), reference),
                view.view == View::Table,
            ),
            move |(_, _, _, (sort, reference), shown)| {
                shown.then(|| {
                    Rc::new(crate::core::views::table::rows(
                        &data.roadmap,
                        &vis.shown,
                        &analysis,
                        *reference,
                        sort.as_ref(),
                    ))
                })
            },
        )
    };
    let arrows = {
        let (data, layout) = (state.data.clone(), layout.clone());
        use_memo(
            (
                data_key,
                (view.filter.clone(), view.context, reference, cmp_key),
                (
                    view.zoom,
                    state.collapsed.clone(),
                    view.view == View::Timeline,
                    (*canvas, view.question(), *unfolded == Some(view.question())),
                ),
                (view.deps, hover.or(selected)),
            ),
            move |(_, (filter, ..), _, (deps, focus))| {
                let r = &data.roadmap;
                (*layout).as_ref().map(|layout| {
                    Rc::new(timeline::arrows(r, layout, *deps, *focus, &|from, to| {
                        filter.shows_edge(r, from, to)
                    }))
                })
            },
        )
    };
    let stage_counts = {
        let data = state.data.clone();
        use_memo(data_key, move |_| data.roadmap.stage_counts())
    };
    let timeline_view = || {
        let (Some(layout), Some(arrows)) = ((*layout).clone(), (*arrows).clone()) else {
            return Html::default();
        };
        html! {
            <Timeline data={state.data.clone()} {selected} hover={*hover} zoom={view.zoom} deps={view.deps}
                {layout} {arrows} analysis={analysis.clone()} focus={(*focus).clone()} canvas={*canvas}
                filtered={!view.filter.is_empty()} on_canvas={(*on_canvas).clone()}
                on_intent={(*on_intent).clone()}
                on_hover={(*on_hover).clone()} on_toggle_stage={(*on_toggle_stage).clone()} on_unfold={on_unfold.clone()}
                baseline={(*baseline_drawing).clone()} />
        }
    };
    let title = if roadmap.title.is_empty() {
        "Roadmap".to_string()
    } else {
        roadmap.title.clone()
    };
    // A stage's or a team's page: its heading, and its stage marked in the index.
    let scope = crate::core::views::scope::scope_of(roadmap, &state.view.filter);
    let unscoped = state.view.filter.stages.is_empty() && state.view.filter.teams.is_empty();
    let current_stage = scope.as_ref().map(|s| roadmap.stages[s.stage].id.clone());
    let on_team_page = scope.as_ref().is_some_and(|s| s.team.is_some());

    let stage_link = |id: Option<String>, label: String, count: usize| {
        let active = match &id {
            Some(_) => current_stage == id,
            None => unscoped,
        };
        let current = active.then_some(if on_team_page && id.is_some() {
            "true"
        } else {
            "page"
        });
        let href = match &id {
            Some(i) => format!("?stage={}", crate::core::views::view_state::encode(i)),
            None => "?".to_string(),
        };
        let onclick = {
            let id = id.clone();
            on_intent.reform(move |e: MouseEvent| {
                e.prevent_default();
                Intent::ScopeToStage(id.clone())
            })
        };
        html! {
            <a class={classes!("stage-link", active.then_some("active"))} {href} {onclick}
               aria-current={current} data-stage-link={id.clone().unwrap_or_default()}>
                { label } <span class="count">{ count }</span>
            </a>
        }
    };
    let dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotices))
    };

    // A new build waiting in the service worker: offer to reload into it.
    let update = use_state(|| {
        super::env::IN_BROWSER
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
    let apply_update = Callback::from(|_: MouseEvent| {
        let window = gloo::utils::window();
        if let Ok(f) = js_sys::Reflect::get(&window, &"__roadmapApplyUpdate".into()) {
            if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
                let _ = f.call0(&window);
            }
        }
    });
    let export_csv = {
        let (data, sort) = (state.data.clone(), view.sort.clone());
        let (shown, analysis) = (vis.shown.clone(), analysis.clone());
        Callback::from(move |_: MouseEvent| {
            let rows = crate::core::views::table::rows(
                &data.roadmap,
                &shown,
                &analysis,
                reference,
                sort.as_ref(),
            );
            crate::export::download(
                "roadmap.csv",
                "text/csv;charset=utf-8",
                &crate::core::views::table::to_csv(&rows),
            );
        })
    };
    let export_image = |png: bool| {
        let title = title.clone();
        let query = state.view.to_query();
        Callback::from(move |_: MouseEvent| {
            let filters = if query.is_empty() {
                "all initiatives".to_string()
            } else {
                query.replace('&', " · ")
            };
            let subtitle = format!("As of {reference}. Filters: {filters}");
            if let Some(svg) = crate::export::view_svg(&title, &subtitle) {
                if png {
                    crate::export::download_png("roadmap.png", &svg);
                } else {
                    crate::export::download("roadmap.svg", "image/svg+xml", &svg);
                }
            }
        })
    };
    let on_pick = {
        let published = props.published.clone();
        let on_preview = props.on_preview.clone();
        let generation = props.generation;
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                preview_files(published.clone(), list, generation, on_preview.clone());
            }
        })
    };
    html! {
        <main class="app" data-ready={super::env::IN_BROWSER.then_some("true")}
              data-prerendered={(!super::env::IN_BROWSER).then_some("true")} data-loaded-from={if props.data.from_pack { "pack" } else { "yaml" }} data-visible-count={vis.shown.len().to_string()}>
            <SkipLink target="roadmap-chart" />
            if *update {
                <div class="update-banner" role="status" data-update="">
                    { "A new version of this roadmap is available." }
                    <button type="button" onclick={apply_update} data-update-reload="">{ "Reload" }</button>
                </div>
            }
            if let Some(at) = &props.data.offline_since {
                <div class="offline-banner" role="status" data-offline={at.clone()}>
                    <strong>{ "You are offline." }</strong>
                    { format!(" Showing the roadmap as cached on {}.", at.get(..16).unwrap_or(at).replace('T', " ")) }
                </div>
            }
            if let Some(notes) = &props.preview_notes {
                <div class="preview-banner" role="status" data-preview={notes.len().to_string()}>
                    <strong>{ "Local preview" }</strong>
                    { for notes.iter().map(|n| html! { <span class="note">{ n }</span> }) }
                    <button type="button" class="link" onclick={props.on_exit_preview.clone()} data-exit-preview="">
                        { "Back to the published roadmap" }
                    </button>
                </div>
            }
            <header class="app-header">
                <div class="title-row">
                    // Element Timing: when the first frame with the roadmap was painted
                    // (the browser benchmark reads it).
                    <h1 elementtiming="roadmap-title">{ title.clone() }</h1>
                    <span class="as-of">{ format!("as of {}", reference) }</span>
                    <label class="pick-files" title="Preview YAML files before they land: pick them, or drop them anywhere on the page">
                        { "Preview local YAML…" }
                        <input type="file" multiple=true accept=".yaml,.yml" onchange={on_pick} data-pick-files="" class="visually-hidden" />
                    </label>
                    if let (Some(b), None) = (&props.baseline, &props.preview_notes) {
                        <CompareButton label={b.label.clone()} on={comparing} on_intent={(*on_intent).clone()} />
                    }
                </div>
                <nav class="stage-index" aria-label="Stages">
                    { stage_link(None, "All stages".into(), roadmap.initiatives.len()) }
                    { for roadmap.stages.iter().zip(stage_counts.iter()).map(|(s, &n)| {
                        stage_link(Some(s.id.clone()), s.name.clone(), n)
                    }) }
                </nav>
            </header>
            if !state.notices.is_empty() {
                <div class="notices" role="status" data-notices={state.notices.len().to_string()}>
                    { for state.notices.iter().map(|n| html! { <p>{ n }</p> }) }
                    <button type="button" class="link" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            <DiagnosticsPanel data={state.data.clone()} open={props.preview_notes.is_some()} on_intent={(*on_intent).clone()} />
            if let (Some(comparison), Some(b)) = (comparison.clone(), &props.baseline) {
                <ChangesPanel base={b.data.clone()} data={state.data.clone()} {comparison} label={b.label.clone()}
                    changed_only={view.changed_only} preview={props.preview_notes.is_some()} on_intent={(*on_intent).clone()} />
            }
            <div class={classes!("workspace", selected.is_some().then_some("with-details"))}>
                <FilterBar data={state.data.clone()} view={view.clone()} on_intent={(*on_intent).clone()}
                    options={options.clone()} visible={vis.shown.len()} />
                <section class="content" id="roadmap-chart" aria-label={match state.view.view { View::Graph => "Dependency graph", View::Table => "Table", View::Timeline => "Timeline" }}>
                    if let Some(scope) = &scope {
                        <section class="scope-heading" data-scope={if scope.team.is_some() { "team" } else { "stage" }}
                            aria-label={format!("{} page", scope.name)}>
                            <h2>
                                <span class={classes!("scope-swatch", format!("stage-c{}", scope.stage % 8))} aria-hidden="true"></span>
                                { &scope.name }
                                if let Some(c) = &scope.context { <span class="scope-context">{ format!(" · {c}") }</span> }
                            </h2>
                            <p class="scope-counts">{ &scope.counts }</p>
                            if let Some(d) = &scope.description { <p class="scope-description">{ d }</p> }
                        </section>
                    }
                    <div class="view-switch" role="group" aria-label="View">
                        { for [View::Timeline, View::Graph, View::Table].into_iter().map(|v| {
                            let active = state.view.view == v;
                            html! {
                                <button type="button" class={classes!("seg", active.then_some("active"))} aria-pressed={active.to_string()}
                                    data-control={format!("view:{}", v.as_str())} onclick={on_intent.reform(move |_| Intent::SetView(v))}>
                                    { match v { View::Graph => "Dependency graph", View::Table => "Table", View::Timeline => "Timeline" } }
                                </button>
                            }
                        }) }
                        if let Some(slip) = &view.slip {
                            <span class="slip-note" data-slip-note="">{ describe::slip_note(roadmap, slip, &analysis) }</span>
                        }
                        <span class="exports" role="group" aria-label="Export">
                            <button type="button" class="seg" data-export="csv" onclick={export_csv}>{ "CSV" }</button>
                            if state.view.view != View::Table {
                                <button type="button" class="seg" data-export="svg" onclick={export_image(false)}>{ "SVG" }</button>
                                <button type="button" class="seg" data-export="png" onclick={export_image(true)}>{ "PNG" }</button>
                            }
                            <button type="button" class="seg" onclick={Callback::from(|_: MouseEvent| { let _ = gloo::utils::window().print(); })}>{ "Print" }</button>
                        </span>
                    </div>
                    if state.view.view != View::Table {
                        <Legend width={canvas.width + canvas.labels} {comparing} />
                    }
                    if state.view.view == View::Graph {
                        <GraphView data={state.data.clone()} filter={view.filter.clone()} group_by_stage={view.group_by_stage} expand={view.expand.clone()}
                            {selected} hover={*hover} visible={vis.clone()} analysis={analysis.clone()}
                            on_intent={(*on_intent).clone()} on_hover={(*on_hover).clone()} comparison={comparison.clone()} />
                    } else if let Some(rows) = (*rows).clone() {
                        <TableView data={state.data.clone()} {selected} sort={view.sort.clone()} {rows}
                            analysis={analysis.clone()} on_intent={(*on_intent).clone()} comparison={comparison.clone()} />
                    } else {
                        { timeline_view() }
                    }
                </section>
                if let Some(sel) = selected {
                    <DetailsPanel data={state.data.clone()} index={sel} analysis={analysis.clone()}
                        slip={view.slip.clone()} critical={view.critical} {reference} on_intent={(*on_intent).clone()}
                        on_close={(*on_close).clone()}
                        change={comparison.as_ref().zip(props.baseline.as_ref()).and_then(|(c, b)| {
                            let (kind, note) = crate::core::views::compare::change_of(roadmap, c, sel)?;
                            Some((crate::core::views::compare::since(kind, &b.label), note, kind.as_str()))
                        })} />
                }
            </div>
        </main>
    }
}
