//! The details of the selected initiative: everything about it, its description as
//! Markdown, and what it waits on and what waits on it (direct and transitive).

use super::markdown;
use crate::core::analysis::slip::MAX_SLIP_WEEKS;
use crate::core::analysis::Analysis;
use crate::core::views::describe::{critical_chain, moved_list, place, relations, slack_long};
use crate::core::views::intent::Intent;
use crate::core::Date;
use crate::state::Loaded;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    /// The selected initiative (the analysis is about it).
    pub index: usize,
    pub analysis: Rc<Analysis>,
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
            if !super::focus::typing() {
                if let Some(h) = heading.cast::<web_sys::Element>() {
                    super::focus::focus_quietly(&h);
                }
            }
        });
    }
    // A link that selects initiative `j` (`data-goto`).
    let anchor = |j: usize| {
        let other = &r.initiatives[j];
        let id = other.id.clone();
        let onclick = props.on_intent.reform(move |e: MouseEvent| {
            e.prevent_default();
            Intent::Select(Some(id.clone()))
        });
        html! {
            <a href={format!("?select={}", crate::core::views::view_state::encode(&other.id))} {onclick} data-goto={other.id.clone()}>{ &other.title }</a>
        }
    };
    // One related initiative: direct ones plain, the others marked as reached
    // through others.
    let item_link = |j: usize, direct: bool| {
        let other = &r.initiatives[j];
        html! {
            <li class={if direct { "direct" } else { "transitive" }}>
                { anchor(j) }
                if let Some(t) = r.team_name(other) { <span class="muted small">{ format!(" · {t}") }</span> }
                if !direct { <span class="muted small">{ " · through others" }</span> }
                if init.redacted.via.contains(&j) { <span class="muted small">{ " (through a confidential step)" }</span> }
            </li>
        }
    };
    // One direction of the relations, grouped by stage, the counts in its heading.
    let relations = |verb: &str, direct: &[usize], all: &[usize], hook: &'static str| {
        let rel = relations(r, verb, direct, all);
        html! {
            <section class="relations" data-relations={hook} data-impact-summary={(hook == "blocks").then_some("")}>
                <h3>{ &rel.heading }</h3>
                { for rel.groups.iter().map(|(s, members)| html! {
                    <div class={classes!("impact-stage", format!("stage-c{}", s % 8))}>
                        <h4>{ &r.stages[*s].name }<span class="muted">{ format!(" {}", members.len()) }</span></h4>
                        <ul>{ for members.iter().map(|&(j, direct)| item_link(j, direct)) }</ul>
                    </div>
                }) }
            </section>
        }
    };
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
    let moved = props.analysis.moves[i].as_ref();
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
            { relations("Waits on", &direct_deps, &props.analysis.upstream, "blocked-by") }
            { relations("Blocks", &direct_dependents, &props.analysis.downstream, "blocks") }
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
