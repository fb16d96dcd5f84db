//! The details of the selected initiative: everything about it, its description as
//! Markdown, and what it waits on and what waits on it (direct and transitive: `links`),
//! and the what-if questions (`what_if`); with a build's history, how it moved (`history`).

mod history;
mod links;
mod what_if;

use what_if::WhatIf;

use super::markdown;
use super::Shared;
use crate::core::analysis::Analysis;
use crate::core::tools::history::History;
use crate::core::views::describe::{place, slack_long};
use crate::core::views::intent::Intent;
use crate::core::Date;
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    /// The selected initiative (the analysis is about it).
    pub index: usize,
    pub analysis: Shared<Analysis>,
    pub slip: Option<(String, u32)>,
    pub critical: bool,
    pub reference: Date,
    pub on_intent: Callback<Intent>,
    /// Close (the view returns focus to the initiative's drawing).
    pub on_close: Callback<()>,
    /// While comparing with a baseline: how this initiative changed ("moved since the
    /// start of 2026-Q4", "end +6 w") and its kind.
    #[prop_or_default]
    pub change: Option<(String, String, &'static str)>,
    /// The build's history of the data, when it has one.
    #[prop_or_default]
    pub history: Option<Shared<History>>,
}

#[function_component(DetailsPanel)]
pub fn details_panel(props: &Props) -> Html {
    let r = &props.data.roadmap;
    let i = props.index;
    let init = &r.initiatives[i];
    // The description's Markdown tree was parsed when the pack was made.
    let description = props.data.description(i);
    let close = props.on_close.reform(|_| ());
    // Opening (or moving to another initiative) takes focus to the heading, so the
    // keyboard continues in the panel; a reader typing keeps their field.
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(i, move |_| {
            super::focus::reveal_chart_above_sheet();
            // Focusing reads layout: once the panel is painted, not before.
            super::focus::after_paint(move || {
                if !super::focus::typing() {
                    if let Some(h) = heading.cast::<web_sys::Element>() {
                        super::focus::focus_quietly(&h);
                    }
                }
            });
        });
    }
    // Each date stays on one line.
    let date = |d: Date| html! { <span class="nowrap">{ d.to_string() }</span> };
    let dates = match (init.start, init.end) {
        (Some(s), Some(e)) => html! { <>{ date(s) }{ " → " }{ date(e) }</> },
        (Some(s), None) => html! { <>{ "from " }{ date(s) }{ " (open-ended)" }</> },
        (None, Some(e)) => html! { <>{ "milestone, due " }{ date(e) }</> },
        (None, None) => html! { "undated" },
    };
    let horizon = r
        .horizon_of(init, props.reference)
        .map_or("unscheduled".to_string(), |h| {
            format!("{} term", h.as_str())
        });
    let edit = r
        .edit_url
        .as_ref()
        .map(|u| u.replace("{path}", &init.source.file));
    let times = props.analysis.times(r)[i].as_ref();
    let slack = times.map(|t| slack_long(t.slack));
    let moved = props.analysis.moves[i].as_ref();
    let direct_deps: Vec<usize> = init.depends_on.clone();
    let direct_dependents: Vec<usize> = r.dependents(i).collect();
    html! {
        <aside class="details" data-detail={init.id.clone()} aria-label="Initiative details">
            <div class="details-head">
                <h2 ref={heading} tabindex="-1" data-detail-heading="">{ &init.title }</h2>
                <button type="button" class="close" onclick={close} aria-label="Close details (Escape)">{ "×" }</button>
            </div>
            <p class="muted"><code>{ &init.id }</code></p>
            if let Some((since, note, kind)) = &props.change {
                <p class="change-note" data-detail-change={*kind}><strong>{ since }</strong>{ format!(": {note}") }</p>
            }
            if !init.problems.is_empty() {
                <section class="problems" data-problems={init.problems.len().to_string()}>
                    <h3>{ "Problems in the data" }</h3>
                    <p class="muted small">{ "Shown as far as the data allows. Fix these in the file:" }</p>
                    <ul>
                        { for init.problems.iter().map(|d| super::diagnostics_panel::item(d, None, Some(d.code.as_str()), None)) }
                    </ul>
                </section>
            }
            if init.confidential {
                <p class="confidential-badge" data-confidential-badge="">{ "🔒 Confidential: internal only, left out of public builds" }</p>
            }
            if !init.redacted.waits_on.is_empty() || !init.redacted.blocks.is_empty() {
                <ul class="placeholders" data-placeholders="">
                    if !init.redacted.waits_on.is_empty() { <li>{ placeholder_line("Waits on", &init.redacted.waits_on, r) }</li> }
                    if !init.redacted.blocks.is_empty() { <li>{ placeholder_line("Blocks", &init.redacted.blocks, r) }</li> }
                </ul>
            }
            <dl>
                <dt>{ "Stage" }</dt><dd>{ place(r, i) }</dd>
                <dt>{ "When" }</dt><dd>{ dates }</dd>
                <dt>{ "Horizon" }</dt><dd>{ horizon }</dd>
                <dt>{ "Confidence" }</dt><dd>{ init.confidence.as_str() }</dd>
                <dt>{ "Status" }</dt><dd>{ init.status.as_str() }</dd>
                if let Some(s) = &slack { <dt>{ "Slack" }</dt><dd data-slack="">{ s }</dd> }
                if let Some(m) = moved {
                    <dt>{ "What-if" }</dt>
                    <dd>{ format!("moves {} days, to {}", m.days, m.end.or(m.start).map(|d| d.to_string()).unwrap_or_default()) }</dd>
                }
                if let Some(o) = &init.owner { <dt>{ "Owner" }</dt><dd>{ o }</dd> }
                if !init.tags.is_empty() {
                    <dt>{ "Tags" }</dt>
                    <dd>{ for init.tags.iter().map(|t| html! { <span class="tag">{ t }</span> }) }</dd>
                }
            </dl>
            if let Some(d) = description {
                <div class="description">{ markdown::render(d) }</div>
            }
            if !init.links.is_empty() {
                <ul class="links">
                    { for init.links.iter().map(|l| html! {
                        <li><a href={l.url.clone()} rel="noopener noreferrer" target="_blank">{ &l.title }</a></li>
                    }) }
                </ul>
            }
            if let Some(h) = &props.history {
                <history::HistorySection history={h.clone()} id={init.id.clone()} edit_url={r.edit_url.clone()} />
            }
            <WhatIf data={props.data.clone()} index={i} analysis={props.analysis.clone()} slip={props.slip.clone()}
                critical={props.critical} on_intent={props.on_intent.clone()} />
            <links::Relations data={props.data.clone()} index={i} verb="Waits on" direct={direct_deps}
                all={props.analysis.upstream.clone()} hook="blocked-by" on_intent={props.on_intent.clone()} />
            <links::Relations data={props.data.clone()} index={i} verb="Blocks" direct={direct_dependents}
                all={props.analysis.downstream.clone()} hook="blocks" on_intent={props.on_intent.clone()} />
            if let Some(url) = edit {
                <p><a class="edit" href={url} rel="noopener noreferrer" target="_blank">{ "Edit this initiative" }</a>
                   <span class="muted small">{ format!(" ({}:{})", init.source.file, init.source.line) }</span></p>
            }
        </aside>
    }
}

/// "Waits on 3 confidential initiatives (Data Access ×2, Dedicated ×1)".
fn placeholder_line(verb: &str, list: &[(usize, u32)], r: &crate::core::Roadmap) -> String {
    let total: u32 = list.iter().map(|(_, c)| c).sum();
    let per: Vec<String> = list
        .iter()
        .map(|(s, c)| format!("{} ×{c}", r.stages[*s].name))
        .collect();
    format!(
        "{verb} {total} confidential initiative{} ({})",
        if total == 1 { "" } else { "s" },
        per.join(", ")
    )
}
