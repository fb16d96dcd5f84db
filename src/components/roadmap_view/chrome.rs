//! The screen's chrome around the drawing: the banners (a new build, offline, a local
//! preview), the stage index, a stage's or team's page heading, the view switch, and
//! the export buttons (CSV, SVG, PNG, Print).

use crate::components::Shared;
use crate::core::analysis::Analysis;
use crate::core::views::filter::Visible;
use crate::core::views::intent::Intent;
use crate::core::views::scope::Scope;
use crate::core::views::table::Sort;
use crate::core::views::view_state::View;
use crate::core::Date;
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    /// A new build waits in the service worker.
    pub update: bool,
    /// When the cached roadmap shown offline was stored.
    pub offline_since: Option<String>,
    /// Where each previewed file went, when this is a local preview.
    pub preview_notes: Option<Vec<String>>,
    pub on_exit_preview: Callback<MouseEvent>,
}

#[function_component(Banners)]
pub fn banners(p: &BannersProps) -> Html {
    let apply_update = Callback::from(|_: MouseEvent| {
        let window = gloo::utils::window();
        if let Ok(f) = js_sys::Reflect::get(&window, &"__roadmapApplyUpdate".into()) {
            if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
                let _ = f.call0(&window);
            }
        }
    });
    html! {
        <>
            if p.update {
                <div class="update-banner" role="status" data-update="">
                    { "A new version of this roadmap is available." }
                    <button type="button" onclick={apply_update} data-update-reload="">{ "Reload" }</button>
                </div>
            }
            if let Some(at) = &p.offline_since {
                <div class="offline-banner" role="status" data-offline={at.clone()}>
                    <strong>{ "You are offline." }</strong>
                    { format!(" Showing the roadmap as cached on {}.", at.get(..16).unwrap_or(at).replace('T', " ")) }
                </div>
            }
            if let Some(notes) = &p.preview_notes {
                <div class="preview-banner" role="status" data-preview={notes.len().to_string()}>
                    <strong>{ "Local preview" }</strong>
                    { for notes.iter().map(|n| html! { <span class="note">{ n }</span> }) }
                    <button type="button" class="link" onclick={p.on_exit_preview.clone()} data-exit-preview="">
                        { "Back to the published roadmap" }
                    </button>
                </div>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct StageIndexProps {
    pub data: Rc<Loaded>,
    /// Initiatives per stage.
    pub counts: Rc<Vec<usize>>,
    /// The stage of the stage's or team's page shown, if one is.
    pub current: Option<String>,
    /// A team's page is shown (its stage is marked, not the page itself).
    pub team_page: bool,
    /// Neither stages nor teams are filtered (*All stages* is the page).
    pub unscoped: bool,
    pub on_intent: Callback<Intent>,
}

/// The stage index: *All stages* and one link per stage with its count.
#[function_component(StageIndex)]
pub fn stage_index(p: &StageIndexProps) -> Html {
    let r = &p.data.roadmap;
    let link = |id: Option<String>, label: String, count: usize| {
        let active = match &id {
            Some(_) => p.current == id,
            None => p.unscoped,
        };
        let current = active.then_some(if p.team_page && id.is_some() {
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
            p.on_intent.reform(move |e: MouseEvent| {
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
    html! {
        <nav class="stage-index" aria-label="Stages">
            { link(None, "All stages".into(), r.initiatives.len()) }
            { for r.stages.iter().zip(p.counts.iter()).map(|(s, &n)| link(Some(s.id.clone()), s.name.clone(), n)) }
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    pub data: Rc<Loaded>,
    pub visible: Shared<Visible>,
    pub analysis: Shared<Analysis>,
    pub sort: Option<Sort>,
    pub reference: Date,
    /// The roadmap's title and the view's query string, for an image's heading.
    pub title: AttrValue,
    pub query: AttrValue,
    /// The table is shown (it has no image).
    pub table: bool,
    /// The timeline is shown: its image is laid out whole (`ExportSheet`).
    #[prop_or_default]
    pub timeline: bool,
    /// The filters in words, for an image's heading.
    #[prop_or_default]
    pub filters: AttrValue,
}

/// The export buttons: the shown initiatives as CSV, the view as SVG or PNG, Print.
#[function_component(Exports)]
pub fn exports(p: &ExportsProps) -> Html {
    let export_csv = {
        let (data, sort) = (p.data.clone(), p.sort.clone());
        let (visible, analysis, reference) = (p.visible.clone(), p.analysis.clone(), p.reference);
        Callback::from(move |_: MouseEvent| {
            let rows = crate::core::views::table::rows(
                &data.roadmap,
                &visible.shown,
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
    // The timeline's image: the whole view drawn out of sight, then offered (a PNG?).
    let sheet = use_state_eq(|| None::<bool>);
    let subtitle = format!("As of {}. {}", p.reference, p.filters);
    let export_image = |png: bool| {
        let (title, subtitle, sheet, timeline) =
            (p.title.clone(), subtitle.clone(), sheet.clone(), p.timeline);
        Callback::from(move |_: MouseEvent| {
            if timeline {
                sheet.set(Some(png));
                return;
            }
            if let Some(svg) = crate::export::view_svg(&title, &subtitle) {
                if png {
                    crate::export::download_png("roadmap.png", &svg);
                } else {
                    crate::export::download("roadmap.svg", "image/svg+xml", &svg);
                }
            }
        })
    };
    html! {
        <span class="exports" role="group" aria-label="Export">
            <button type="button" class="seg" data-export="csv" onclick={export_csv}>{ "CSV" }</button>
            if !p.table {
                <button type="button" class="seg" data-export="svg" onclick={export_image(false)}>{ "SVG" }</button>
                <button type="button" class="seg" data-export="png" onclick={export_image(true)}>{ "PNG" }</button>
            }
            <button type="button" class="seg" data-print="" onclick={Callback::from(|_: MouseEvent| { let _ = gloo::utils::window().print(); })}>{ "Print" }</button>
            if let Some(png) = *sheet {
                <crate::components::ExportSheet data={p.data.clone()} visible={p.visible.clone()} reference={p.reference}
                    title={p.title.clone()} {subtitle} {png} on_done={Callback::from(move |()| sheet.set(None))} />
            }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct ScopeProps {
    pub scope: Scope,
}

/// A stage's or a team's page: its heading, counts and description.
#[function_component(ScopeHeading)]
pub fn scope_heading(p: &ScopeProps) -> Html {
    let scope = &p.scope;
    html! {
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
}

#[derive(Properties, PartialEq)]
pub struct ViewSwitchProps {
    pub view: View,
    pub on_intent: Callback<Intent>,
}

/// The three views' buttons.
#[function_component(ViewSwitch)]
pub fn view_switch(p: &ViewSwitchProps) -> Html {
    html! {
        <>
            { for [View::Timeline, View::Graph, View::Table].into_iter().map(|v| {
                let active = p.view == v;
                html! {
                    <button type="button" class={classes!("seg", active.then_some("active"))} aria-pressed={active.to_string()}
                        data-control={format!("view:{}", v.as_str())} onclick={p.on_intent.reform(move |_| Intent::SetView(v))}>
                        { match v { View::Graph => "Dependency graph", View::Table => "Table", View::Timeline => "Timeline" } }
                    </button>
                }
            }) }
        </>
    }
}
