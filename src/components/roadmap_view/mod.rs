//! The roadmap screen: header with the stage index, filters, timeline, details; it
//! owns the reducer and keeps the URL in step with the view (back/forward work).

use super::Shared;
use crate::app::{preview_files, Preview};
use crate::components::since_visit::{compared_baseline, use_missing_last_visit};
use crate::components::{
    use_printing, AccuracyPanel, AtBanner, AtNotice, ChangesPanel, CompareButton, DetailsPanel,
    DiagnosticsPanel, DriftToggle, FilterBar, GraphView, Legend, Measure, PrintHeadText, Printed,
    SinceVisit, SkipLink, TableView, Timeline,
};
use crate::core::analysis;
use crate::core::views::describe;
use crate::core::views::intent::Intent;
use crate::core::views::timeline::Canvas;
use crate::core::views::view_state::{Compare, View};
use crate::core::Date;
use crate::state::{Action, Baseline, Loaded, Remembered, RoadmapState};
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
    /// The build's history of the data (fetched after the first screen).
    #[prop_or_default]
    pub history: Option<Shared<crate::core::tools::history::History>>,
    /// What the reader's device remembers of their visits (#28).
    #[prop_or_default]
    pub remembered: Remembered,
    /// *Mark as seen*: the current roadmap becomes the remembered one.
    #[prop_or_default]
    pub on_mark_seen: Callback<()>,
    /// The address asks for the roadmap as it was (`at=`, #29): what its banner says.
    #[prop_or_default]
    pub at: Option<AtBanner>,
}

use super::env::location_search;

mod chrome;
mod derived;
use chrome::{Banners, Exports, StageIndex};
mod effects;
use derived::{use_derived, Derived, Inputs};
use effects::{use_close, use_select_into_view, use_update_available, use_url_sync};

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
    // the core's estimate for the window. Drawn for the details as they are now: the
    // render that opens or closes them lays the chart out for its new width.
    let measure = use_state_eq(|| {
        let (width, height) = super::env::window_size();
        Measure {
            canvas: Canvas::estimate(width, height),
            details_open: false,
            window_width: width,
        }
    });
    let on_canvas = {
        let setter = measure.setter();
        use_memo((), move |_| Callback::from(move |m| setter.set(m)))
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
    use_url_sync(&state.view);
    // While the browser prints, the view is drawn for paper instead (#31).
    let printing = use_printing();
    let on_close = use_close(&state);
    use_select_into_view(state.view.select.clone(), state.view.view == View::Timeline);
    // The build's baseline or the reader's last visit: one at a time (#28).
    let preview = props.preview_notes.is_some();
    let (remembered, compare) = (&props.remembered, state.view.compare);
    let baseline = compared_baseline(&props.baseline, remembered, compare, preview);
    use_missing_last_visit(state.dispatcher(), remembered, compare, preview);
    let canvas = measure.canvas(
        state.selected().is_some(),
        derived::comparing(&baseline, &state.view, preview),
    );
    let roadmap = &state.data.roadmap;
    let view = &state.view;
    let Derived {
        comparing,
        comparison,
        vis,
        options,
        analysis,
        selected,
        focus,
        layout,
        baseline_drawing,
        drift,
        rows,
        arrows,
        stage_counts,
    } = use_derived(
        &state,
        Inputs {
            baseline: &baseline,
            preview,
            reference,
            canvas: &canvas,
            unfolded: &unfolded,
            hover: *hover,
            // The trails are today's roadmap's (the history ends there).
            drift: props
                .history
                .clone()
                .filter(|_| state.view.drift && props.at.is_none()),
        },
    );
    let timeline_view = || {
        if printing {
            return Html::default();
        }
        let (Some(layout), Some(arrows)) = ((*layout).clone(), (*arrows).clone()) else {
            return Html::default();
        };
        html! {
            <Timeline data={state.data.clone()} {selected} hover={*hover} zoom={view.zoom} deps={view.deps}
                {layout} {arrows} analysis={analysis.clone()} focus={focus.clone()} {canvas}
                filtered={!view.filter.is_empty()} on_canvas={(*on_canvas).clone()}
                on_intent={(*on_intent).clone()}
                on_hover={(*on_hover).clone()} on_toggle_stage={(*on_toggle_stage).clone()} on_unfold={on_unfold.clone()}
                baseline={(*baseline_drawing).clone()} drift={(*drift).clone().map(Shared::from)} />
        }
    };
    // The history's views: the drift toggle and the accuracy (today's roadmap only).
    let history = props.history.clone().filter(|_| props.at.is_none());
    let at_back = format!(
        "?{}",
        crate::core::views::view_state::ViewState {
            at: None,
            ..view.clone()
        }
        .to_query()
    );
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

    let filters = crate::core::views::print::filters_in_words(roadmap, &view.filter);
    let dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotices))
    };

    let update = use_update_available();
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
        <main class={classes!("app", printing.then(|| format!("printing printing-{}", view.view.as_str())))} data-ready={super::env::IN_BROWSER.then_some("true")}
              data-prerendered={(!super::env::IN_BROWSER).then_some("true")} data-loaded-from={if props.data.from_pack { "pack" } else { "yaml" }} data-visible-count={vis.shown.len().to_string()}
              data-last-visit={remembered.as_str()}>
            if printing {
                <Printed data={state.data.clone()} visible={vis.clone()} analysis={analysis.clone()} sort={view.sort.clone()}
                    view={view.view} {comparing} head={PrintHeadText { title: title.clone().into(), filters: filters.clone().into(), reference, count: vis.shown.len() }} />
            }
            <SkipLink target="roadmap-chart" />
            <Banners {update} offline_since={props.data.offline_since.clone()} preview_notes={props.preview_notes.clone()}
                on_exit_preview={props.on_exit_preview.clone()} />
            if let Some(banner) = &props.at {
                <AtNotice banner={banner.clone()} back={at_back} />
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
                        <CompareButton label={b.label.clone()} on={comparing && compare == Compare::Baseline} on_intent={(*on_intent).clone()} />
                    }
                </div>
                <StageIndex data={state.data.clone()} counts={stage_counts.clone()} current={current_stage} team_page={on_team_page}
                    {unscoped} on_intent={(*on_intent).clone()} />
            </header>
            if !state.notices.is_empty() {
                <div class="notices" role="status" data-notices={state.notices.len().to_string()}>
                    { for state.notices.iter().map(|n| html! { <p>{ n }</p> }) }
                    <button type="button" class="link" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            <DiagnosticsPanel data={state.data.clone()} open={props.preview_notes.is_some()} on_intent={(*on_intent).clone()} />
            if let (Some(visit), false) = (remembered.visit(), preview) {
                <SinceVisit visit={Shared::from(visit.clone())} today={props.today} comparing={comparing && compare == Compare::LastVisit}
                    on_intent={(*on_intent).clone()} on_mark_seen={props.on_mark_seen.clone()} />
            }
            if let (Some(comparison), Some(b)) = (comparison.clone(), &baseline) {
                <ChangesPanel base={b.data.clone()} data={state.data.clone()} {comparison} label={b.label.clone()}
                    changed_only={view.changed_only} preview={props.preview_notes.is_some()} on_intent={(*on_intent).clone()} />
            }
            <div class={classes!("workspace", selected.is_some().then_some("with-details"))}>
                <FilterBar data={state.data.clone()} view={view.clone()} on_intent={(*on_intent).clone()}
                    options={options.clone()} visible={vis.shown.len()} />
                <section class="content" id="roadmap-chart" aria-label={match state.view.view { View::Graph => "Dependency graph", View::Table => "Table", View::Timeline => "Timeline" }}>
                    if let Some(scope) = &scope {
                        <chrome::ScopeHeading scope={scope.clone()} />
                    }
                    <div class="view-switch" role="group" aria-label="View">
                        <chrome::ViewSwitch view={state.view.view} on_intent={(*on_intent).clone()} />
                        if history.is_some() && state.view.view == View::Timeline {
                            <DriftToggle on={view.drift} on_intent={(*on_intent).clone()} />
                        }
                        if let Some(slip) = &view.slip {
                            <span class="slip-note" data-slip-note="">{ describe::slip_note(roadmap, slip, &analysis) }</span>
                        }
                        <Exports data={state.data.clone()} visible={vis.clone()} analysis={analysis.clone()} sort={view.sort.clone()}
                            {reference} title={title.clone()} query={state.view.to_query()} table={state.view.view == View::Table}
                            timeline={state.view.view == View::Timeline} filters={filters.clone()} />
                    </div>
                    if let (Some(history), true, View::Timeline) = (&history, view.drift, view.view) {
                        <AccuracyPanel history={history.clone()} data={state.data.clone()} />
                    }
                    if state.view.view != View::Table && !(printing && state.view.view == View::Timeline) {
                        <Legend width={canvas.width + canvas.labels} {comparing} drift={drift.is_some()} />
                    }
                    if state.view.view == View::Graph {
                        <GraphView data={state.data.clone()} filter={view.filter.clone()} group_by_stage={view.group_by_stage} expand={view.expand.clone()}
                            {selected} hover={*hover} visible={vis.clone()} analysis={analysis.clone()}
                            on_intent={(*on_intent).clone()} on_hover={(*on_hover).clone()} comparison={comparison.clone().map(Shared::from)} {printing} />
                    } else if let Some(rows) = (*rows).clone() {
                        <TableView data={state.data.clone()} {selected} sort={view.sort.clone()} {rows}
                            analysis={analysis.clone()} on_intent={(*on_intent).clone()} comparison={comparison.clone().map(Shared::from)} />
                    } else {
                        { timeline_view() }
                    }
                </section>
                if let Some(sel) = selected {
                    <DetailsPanel data={state.data.clone()} index={sel} analysis={analysis.clone()}
                        slip={view.slip.clone()} critical={view.critical} {reference} on_intent={(*on_intent).clone()}
                        on_close={(*on_close).clone()} history={props.history.clone()}
                        change={comparison.as_ref().zip(baseline.as_ref()).and_then(|(c, b)| {
                            let (kind, note) = crate::core::views::compare::change_of(roadmap, c, sel)?;
                            Some((crate::core::views::compare::since(kind, &b.label), note, kind.as_str()))
                        })} />
                }
            </div>
        </main>
    }
}
