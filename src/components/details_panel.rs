//! The details of the selected initiative: everything about it, its description as
//! Markdown, and what it waits on and what waits on it (direct and transitive).

use super::markdown;
use crate::core::{markdown as md, reach};
use crate::state::{Action, RoadmapState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<RoadmapState>,
    pub index: usize,
}

#[function_component(DetailsPanel)]
pub fn details_panel(props: &Props) -> Html {
    let state = &props.state;
    let r = &state.data.roadmap;
    let i = props.index;
    let init = &r.initiatives[i];
    let stage = &r.stages[init.stage];
    let close = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::Select(None)))
    };
    let item_link = |j: usize| {
        let d = state.dispatcher();
        let other = &r.initiatives[j];
        let id = other.id.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.dispatch(Action::Select(Some(id.clone())));
        });
        html! {
            <li>
                <a href={format!("?select={}", crate::core::view_state::encode(&other.id))} {onclick} data-goto={other.id.clone()}>{ &other.title }</a>
                <span class="muted">{ format!(" · {}", r.stages[other.stage].name) }</span>
            </li>
        }
    };
    let relations = |title: &str, direct: Vec<usize>, all: Vec<usize>, hook: &'static str| {
        let indirect: Vec<usize> = all.into_iter().filter(|j| !direct.contains(j)).collect();
        html! {
            <section class="relations" data-relations={hook}>
                <h3>{ format!("{title} ({})", direct.len() + indirect.len()) }</h3>
                if direct.is_empty() && indirect.is_empty() { <p class="muted">{ "Nothing." }</p> }
                if !direct.is_empty() { <ul class="direct">{ for direct.iter().map(|&j| item_link(j)) }</ul> }
                if !indirect.is_empty() {
                    <p class="muted small">{ "Transitively:" }</p>
                    <ul class="transitive">{ for indirect.iter().map(|&j| item_link(j)) }</ul>
                }
            </section>
        }
    };
    let dates = match (init.start, init.end) {
        (Some(s), Some(e)) => format!("{} → {}", s, e),
        (Some(s), None) => format!("from {s} (open-ended)"),
        (None, Some(e)) => format!("milestone, due {e}"),
        (None, None) => "undated".into(),
    };
    let horizon = r
        .horizon_of(init, state.reference)
        .map_or("unscheduled".to_string(), |h| {
            format!("{} term", h.as_str())
        });
    let edit = r
        .edit_url
        .as_ref()
        .map(|u| u.replace("{path}", &init.source.file));
    let direct_deps: Vec<usize> = init.depends_on.clone();
    let direct_dependents: Vec<usize> = r.dependents(i).collect();
    html! {
        <aside class="details" data-detail={init.id.clone()} aria-label="Initiative details">
            <div class="details-head">
                <h2>{ &init.title }</h2>
                <button type="button" class="close" onclick={close} aria-label="Close details (Escape)">{ "×" }</button>
            </div>
            <p class="muted"><code>{ &init.id }</code></p>
            <dl>
                <dt>{ "Stage" }</dt><dd>{ &stage.name }{ r.team_name(init).map(|t| format!(" / {t}")).unwrap_or_default() }</dd>
                <dt>{ "When" }</dt><dd>{ dates }</dd>
                <dt>{ "Horizon" }</dt><dd>{ horizon }</dd>
                <dt>{ "Confidence" }</dt><dd>{ init.confidence.as_str() }</dd>
                <dt>{ "Status" }</dt><dd>{ init.status.as_str() }</dd>
                if let Some(o) = &init.owner { <dt>{ "Owner" }</dt><dd>{ o }</dd> }
                if !init.tags.is_empty() {
                    <dt>{ "Tags" }</dt>
                    <dd>{ for init.tags.iter().map(|t| html! { <span class="tag">{ t }</span> }) }</dd>
                }
            </dl>
            if let Some(d) = &init.description {
                <div class="description">{ markdown::render(&md::parse(d)) }</div>
            }
            if !init.links.is_empty() {
                <ul class="links">
                    { for init.links.iter().map(|l| html! {
                        <li><a href={l.url.clone()} rel="noopener noreferrer" target="_blank">{ &l.title }</a></li>
                    }) }
                </ul>
            }
            { relations("Blocked by", direct_deps, reach::upstream(r, i), "blocked-by") }
            { relations("Blocks", direct_dependents, reach::downstream(r, i), "blocks") }
            if let Some(url) = edit {
                <p><a class="edit" href={url} rel="noopener noreferrer" target="_blank">{ "Edit this initiative" }</a>
                   <span class="muted small">{ format!(" ({}:{})", init.source.file, init.source.line) }</span></p>
            }
        </aside>
    }
}
