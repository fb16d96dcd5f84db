//! The filter bar: every option with how many initiatives it would leave, text
//! search, clear all, the context switch, which arrows to draw, and the zoom.

use crate::core::filter::{FilterOption, Param};
use crate::core::intent::Intent;
use crate::core::model::Roadmap;
use crate::core::timeline::{DepsMode, Zoom};
use crate::core::view_state::ViewState;
use crate::state::Loaded;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub view: ViewState,
    pub on_intent: Callback<Intent>,
    pub options: Rc<Vec<(Param, Vec<FilterOption>)>>,
    pub visible: usize,
}

#[function_component(FilterBar)]
pub fn filter_bar(props: &Props) -> Html {
    let view = &props.view;
    let on_search = props.on_intent.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Intent::Search(input.value())
    });
    let clear = props.on_intent.reform(|_| Intent::ClearAll);
    let on_context = props.on_intent.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Intent::SetContext(input.checked())
    });
    let active = !view.filter.is_empty() || view.context;
    let choice = |name: &'static str,
                  label: &'static str,
                  current: &'static str,
                  values: Vec<&'static str>,
                  make: Rc<dyn Fn(&str) -> Intent>| {
        let d = props.on_intent.clone();
        html! {
            <div class="segmented" role="group" aria-label={label}>
                <span class="seg-label">{ label }</span>
                { for values.into_iter().map(|v| {
                    let d = d.clone();
                    let make = make.clone();
                    let onclick = Callback::from(move |_| d.emit(make(v)));
                    html! {
                        <button type="button" class={classes!("seg", (v == current).then_some("active"))}
                            aria-pressed={(v == current).to_string()} data-control={format!("{name}:{v}")} {onclick}>{ v }</button>
                    }
                }) }
            </div>
        }
    };
    html! {
        <aside class="filter-bar" aria-label="Filters">
            <div class="filter-head">
                <span class="visible-count">{ format!("{} shown", props.visible) }</span>
                <button type="button" class="link" onclick={clear} disabled={!active} data-clear-all="">{ "Clear all" }</button>
            </div>
            if let Some((a, b)) = &view.filter.between {
                { between_chip(&props.data.roadmap, &props.on_intent, a, b) }
            }
            <label class="search">
                <span class="visually-hidden">{ "Search" }</span>
                <input type="search" placeholder="Search title, description, id, owner"
                    value={view.filter.q.clone()} oninput={on_search} data-search="" />
            </label>
            <label class="switch">
                <input type="checkbox" checked={view.context} onchange={on_context} data-context="" />
                { " Show context (direct dependencies of what is shown)" }
            </label>
            { choice("deps", "Arrows", view.deps.as_str(), DepsMode::ALL.iter().map(|d| d.as_str()).collect(),
                Rc::new(|v: &str| Intent::SetDeps(DepsMode::parse(v).unwrap_or_default()))) }
            { choice("zoom", "Zoom", view.zoom.as_str(), Zoom::ALL.iter().map(|z| z.as_str()).collect(),
                Rc::new(|v: &str| Intent::SetZoom(Zoom::parse(v).unwrap_or_default()))) }
            { for props.options.iter().filter(|(_, opts)| !opts.is_empty()).map(|(p, opts)| {
                let p = *p;
                html! {
                    <fieldset class="filter-group" data-param={p.name()}>
                        <legend>{ p.label() }</legend>
                        { for opts.iter().map(|o| {
                            let value = o.value.clone();
                            let onclick = props.on_intent.reform(move |_| Intent::Toggle(p, value.clone()));
                            html! {
                                <button type="button"
                                    class={classes!("option", o.active.then_some("active"), (o.count == 0 && !o.active).then_some("empty"))}
                                    aria-pressed={o.active.to_string()}
                                    data-filter={format!("{}:{}", p.name(), o.value)} {onclick}>
                                    <span class="option-label">{ &o.label }</span>
                                    <span class="option-count">{ o.count }</span>
                                </button>
                            }
                        }) }
                    </fieldset>
                }
            }) }
        </aside>
    }
}

/// The stage-matrix restriction, shown while on, with a button to drop it.
fn between_chip(r: &Roadmap, on_intent: &Callback<Intent>, a: &str, b: &str) -> Html {
    let name = |id: &str| {
        r.stages
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_string(), |s| s.name.clone())
    };
    let onclick = on_intent.reform(|_| Intent::DropBetween);
    html! {
        <p class="between-chip" data-between={format!("{a}:{b}")}>
            { format!("Only dependencies of {} on {}", name(b), name(a)) }
            <button type="button" class="link" {onclick} aria-label="Show all dependencies">{ "✕" }</button>
        </p>
    }
}
