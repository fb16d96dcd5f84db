//! The filter bar: every option with how many initiatives it would leave, text
//! search, clear all, the context switch, which arrows to draw, and the zoom.

use super::Shared;
use crate::core::model::Roadmap;
use crate::core::views::filter::{team_groups, FilterOption, Param, TeamGroup};
use crate::core::views::intent::Intent;
use crate::core::views::timeline::{DepsMode, Zoom};
use crate::core::views::view_state::ViewState;
use crate::state::Loaded;
use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub view: ViewState,
    pub on_intent: Callback<Intent>,
    pub options: Shared<Vec<(Param, Vec<FilterOption>)>>,
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
    // Which stages' team lists are open: the reader's to toggle; at first, the stages
    // of the teams chosen and the stages chosen (a stage's or a team's page).
    let open_groups = {
        let (options, data, stages) = (
            props.options.clone(),
            props.data.clone(),
            view.filter.stages.clone(),
        );
        use_state(move || {
            let r = &data.roadmap;
            options
                .iter()
                .filter(|(p, _)| *p == Param::Team)
                .flat_map(|(_, opts)| team_groups(opts))
                .filter(|g| g.chosen || stages.contains(&r.stages[g.stage].id))
                .map(|g| g.stage)
                .collect::<BTreeSet<usize>>()
        })
    };
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
    // On a phone the filters are a drawer behind one button.
    let open = use_state_eq(|| false);
    let n_active = view.filter.active_count();
    let toggle_drawer = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close_drawer = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let drawer_keys = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.stop_propagation();
                open.set(false);
            }
        })
    };
    html! {
        <aside class={classes!("filter-bar", open.then_some("open"))} aria-label="Filters" onkeydown={drawer_keys}>
            <button type="button" class="filters-toggle seg" data-filters-toggle="" aria-expanded={open.to_string()}
                aria-controls="filter-body" onclick={toggle_drawer}>
                { if n_active > 0 { format!("Filters ({n_active} active)") } else { "Filters".to_string() } }
            </button>
            if *open {
                <div class="drawer-backdrop" onclick={close_drawer.clone()} aria-hidden="true"></div>
            }
            <div class="filter-body" id="filter-body">
            <div class="drawer-head">
                <strong>{ "Filters" }</strong>
                <button type="button" class="seg" onclick={close_drawer} data-filters-close="">{ "Done" }</button>
            </div>
            <div class="filter-head">
                <span class="visible-count">{ format!("{} shown", props.visible) }</span>
                <button type="button" class="link" onclick={clear} disabled={!active} data-clear-all="">{ "Clear all" }</button>
            </div>
            if let Some((a, b)) = &view.filter.between {
                { between_chip(&props.data.roadmap, &props.on_intent, a, b) }
            }
            <label class="search">
                <span class="visually-hidden">{ "Search" }</span>
                <input type="search" placeholder="Search" title="Search titles, descriptions, ids and owners"
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
                let button = |o: &FilterOption| option_button(p, o, &props.on_intent);
                html! {
                    <fieldset class="filter-group" data-param={p.name()}>
                        <legend>{ p.label() }</legend>
                        if p == Param::Team {
                            { for team_groups(opts).into_iter().map(|TeamGroup { stage, count, members, .. }| {
                                let name = &props.data.roadmap.stages[stage].name;
                                let toggle = {
                                    let open_groups = open_groups.clone();
                                    Callback::from(move |e: Event| {
                                        let el: web_sys::Element = e.target_unchecked_into();
                                        let mut set = (*open_groups).clone();
                                        if el.has_attribute("open") { set.insert(stage); } else { set.remove(&stage); }
                                        open_groups.set(set);
                                    })
                                };
                                html! {
                                    <details class="team-group" open={open_groups.contains(&stage)} ontoggle={toggle} data-team-group={props.data.roadmap.stages[stage].id.clone()}>
                                        <summary>
                                            <span class="option-label">{ name }</span>
                                            <span class="option-count">{ count }</span>
                                        </summary>
                                        { for members.into_iter().map(button) }
                                    </details>
                                }
                            }) }
                        } else {
                            { for opts.iter().map(button) }
                        }
                    </fieldset>
                }
            }) }
            </div>
        </aside>
    }
}

/// One option: its label and count; unavailable (greyed, not clickable) when choosing
/// it would leave nothing, unless it is chosen (then clicking it clears it).
fn option_button(p: Param, o: &FilterOption, on_intent: &Callback<Intent>) -> Html {
    let value = o.value.clone();
    let onclick = on_intent.reform(move |_| Intent::Toggle(p, value.clone()));
    let none = o.count == 0 && !o.active;
    html! {
        <button type="button"
            class={classes!("option", o.active.then_some("active"), none.then_some("none"))}
            aria-pressed={o.active.to_string()} disabled={none}
            data-filter={format!("{}:{}", p.name(), o.value)} {onclick}>
            <span class="option-label">{ &o.label }</span>
            <span class="option-count">{ o.count }</span>
        </button>
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
