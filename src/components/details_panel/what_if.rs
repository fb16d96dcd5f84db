//! The details' what-if questions: "Delay this by N weeks" and what it moves, and
//! the critical path to the initiative, each as a list of links (each also framed on
//! the chart).

use super::links::goto_link;
use super::Shared;
use crate::core::analysis::slip::MAX_SLIP_WEEKS;
use crate::core::analysis::Analysis;
use crate::core::views::describe::{critical_chain, moved_list};
use crate::core::views::intent::Intent;
use crate::core::Date;
use crate::state::Loaded;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    /// The selected initiative.
    pub index: usize,
    pub analysis: Shared<Analysis>,
    pub slip: Option<(String, u32)>,
    pub critical: bool,
    pub on_intent: Callback<Intent>,
}

#[function_component(WhatIf)]
pub fn what_if(props: &Props) -> Html {
    let r = &props.data.roadmap;
    let init = &r.initiatives[props.index];
    let anchor = |j: usize| goto_link(r, j, &props.on_intent);
    // Slip what-if: "Delay this by N weeks".
    let weeks_input = use_node_ref();
    let current_slip = props
        .slip
        .as_ref()
        .filter(|(id, _)| *id == init.id)
        .map(|(_, w)| *w);
    let apply_slip = {
        let d = props.on_intent.clone();
        let input = weeks_input.clone();
        let id = init.id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Out-of-range weeks are the intent's to refuse (`ViewState::apply`).
            let weeks = input
                .cast::<HtmlInputElement>()
                .and_then(|i| i.value().trim().parse::<u32>().ok());
            if let Some(w) = weeks {
                d.emit(Intent::SetSlip(Some((id.clone(), w))));
            }
        })
    };
    let clear_slip = props
        .on_intent
        .reform(|_: MouseEvent| Intent::SetSlip(None));
    let on = props.critical;
    let toggle_critical = props
        .on_intent
        .reform(move |_: Event| Intent::SetCritical(!on));
    // What the slip moves, and the critical chain, as lists of links (each also framed
    // on the chart).
    let goto = |j: usize, extra: String| {
        let other = &r.initiatives[j];
        html! {
            <li>
                { anchor(j) }
                <span class="muted small">{ format!(" {} · {extra}", other.id) }</span>
            </li>
        }
    };
    let slip_list = props.slip.as_ref().map(|(id, weeks)| {
        let list = moved_list(r, &props.analysis, r.find(id));
        html! {
            <section class="question-list" data-slip-list={list.len().to_string()}>
                <h3>{ format!("If {} slips {weeks} weeks, {} initiative{} move", r.find(id).map_or(id.as_str(), |k| r.initiatives[k].title.as_str()), list.len(), if list.len() == 1 { "" } else { "s" }) }</h3>
                <ol>{ for list.iter().map(|m| {
                    let when = |d: Option<Date>| d.map_or("undated".to_string(), |d| d.to_string());
                    goto(m.init, format!("{} → {}, +{} w", when(m.from), when(m.to), m.weeks))
                }) }</ol>
            </section>
        }
    });
    let critical_list = props.critical.then(|| {
        let chain = critical_chain(r, &props.analysis);
        html! {
            <section class="question-list" data-critical-list={chain.len().to_string()}>
                <h3>{ format!("Critical path: {} step{}", chain.len(), if chain.len() == 1 { "" } else { "s" }) }</h3>
                if chain.is_empty() { <p class="muted">{ "No dated chain leads here." }</p> }
                <ol>{ for chain.iter().map(|&(j, slack)| goto(j, match slack {
                    Some(0) => "no slack".to_string(),
                    Some(d) => format!("{d} days of slack"),
                    None => "not fully dated".to_string(),
                })) }</ol>
            </section>
        }
    });
    html! {
        <>
        <form class="slip-form" onsubmit={apply_slip} data-slip-form="">
            <label>{ "Delay this by " }
                <input ref={weeks_input} type="number" min="1" max={MAX_SLIP_WEEKS.to_string()} value={current_slip.unwrap_or(4).to_string()} data-slip-weeks="" />
                { " weeks" }
            </label>
            <button type="submit" class="seg">{ "Show what moves" }</button>
            if props.slip.is_some() { <button type="button" class="link" onclick={clear_slip}>{ "Clear" }</button> }
        </form>
        <label class="switch">
            <input type="checkbox" checked={props.critical} onchange={toggle_critical} data-critical-switch="" />
            { " Highlight the critical path to this initiative" }
        </label>
        { for slip_list }
        { for critical_list }
        </>
    }
}
