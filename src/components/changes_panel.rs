//! Comparing with a baseline: the *Compare with <label>* button, the *Changes* panel
//! (the core's `compare::by_stage`: each entry selects its initiative; "changed only";
//! above `SUMMARISE_ABOVE` entries one summary line per stage, each expanding, so the
//! roadmap stays on the first screen), and the hook that computes the comparison once
//! per pair of roadmaps.

use super::Shared;
use crate::core::tools::diff::Kind;
use crate::core::views::compare::{by_stage, Comparison, SUMMARISE_ABOVE};
use crate::core::views::intent::Intent;
use crate::core::views::view_state::Compare;
use crate::core::Date;
use crate::state::{Baseline, Loaded};
use std::rc::Rc;
use yew::prelude::*;

/// The comparison of `data` with `baseline` while `on`; computed again only when one
/// of the two roadmaps changes (their identity is their pointer: both live as long as
/// the screen).
#[hook]
pub fn use_comparison(
    baseline: Option<Rc<Baseline>>,
    data: Rc<Loaded>,
    on: bool,
    reference: Date,
) -> Option<Rc<Comparison>> {
    let key = (
        baseline.as_ref().map(|b| Rc::as_ptr(b) as usize),
        Rc::as_ptr(&data) as usize,
        on,
        reference,
    );
    let memo = use_memo(key, move |_| {
        let base = baseline.filter(|_| on)?;
        let base = &base.data;
        Some(Rc::new(Comparison::new(
            (&base.roadmap, &base.diagnostics),
            (&data.roadmap, &data.diagnostics),
            reference,
        )))
    });
    (*memo).clone()
}

#[derive(Properties, PartialEq)]
pub struct CompareButtonProps {
    pub label: AttrValue,
    pub on: bool,
    pub on_intent: Callback<Intent>,
}

/// *Compare with <label>*: shown only when there is a baseline.
#[function_component(CompareButton)]
pub fn compare_button(p: &CompareButtonProps) -> Html {
    let on = p.on;
    html! {
        <button type="button" class={classes!("seg", "compare-switch", on.then_some("active"))}
            aria-pressed={on.to_string()} data-compare={p.label.clone()}
            onclick={p.on_intent.reform(move |_| Intent::SetCompare(if on { Compare::Off } else { Compare::Baseline }))}>
            { format!("Compare with {}", p.label) }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub base: Rc<Loaded>,
    pub data: Rc<Loaded>,
    pub comparison: Shared<Comparison>,
    pub label: AttrValue,
    pub changed_only: bool,
    /// A local preview (always compared): no button to stop comparing.
    pub preview: bool,
    pub on_intent: Callback<Intent>,
}

/// The *Changes* panel: what changed since the baseline, by stage.
#[function_component(ChangesPanel)]
pub fn changes_panel(p: &Props) -> Html {
    let c = &p.comparison;
    let groups = by_stage(&p.base.roadmap, &p.data.roadmap, c);
    let count = c.count();
    let deps = &c.diff.dependencies;
    let changed_only = p.changed_only;
    let summarise = count > SUMMARISE_ABOVE;
    let heading = if count == 0 {
        format!("No initiative changed since {}", p.label)
    } else {
        format!(
            "{count} initiative{} changed since {}",
            if count == 1 { "" } else { "s" },
            p.label
        )
    };
    let entry = |e: &crate::core::views::compare::Change| {
        let kind = e.kind.as_str();
        let body = html! {
            <>
                <span class={classes!("change-kind", format!("change-{kind}"))}>{ kind }</span>
                <span class="change-title">{ &e.title }</span>
                <span class="changes-note muted">{ &e.note }</span>
            </>
        };
        if e.kind == Kind::Removed {
            html! { <li data-change={kind} data-change-id={e.id.clone()}>{ body }</li> }
        } else {
            let id = e.id.clone();
            let onclick = p.on_intent.reform(move |ev: MouseEvent| {
                ev.prevent_default();
                Intent::Select(Some(id.clone()))
            });
            html! {
                <li data-change={kind} data-change-id={e.id.clone()}>
                    <a href={format!("?select={}", crate::core::views::view_state::encode(&e.id))} {onclick}
                       data-goto={e.id.clone()}>{ body }</a>
                </li>
            }
        }
    };
    html! {
        <details class="changes" data-changes={count.to_string()} data-summarised={summarise.then_some("")} open=true>
            <summary>
                <span class="count-badge" aria-hidden="true">{ count }</span>
                { format!(" {heading}") }
                if !deps.added.is_empty() || !deps.removed.is_empty() {
                    <span class="muted">{ format!(" · dependencies: {} added, {} removed", deps.added.len(), deps.removed.len()) }</span>
                }
            </summary>
            <div class="changes-tools">
                <button type="button" class={classes!("seg", changed_only.then_some("active"))} aria-pressed={changed_only.to_string()}
                    data-changed-only="" onclick={p.on_intent.reform(move |_| Intent::SetChangedOnly(!changed_only))}>
                    { "Changed only" }
                </button>
                if !p.preview {
                    <button type="button" class="link" onclick={p.on_intent.reform(|_| Intent::SetCompare(Compare::Off))}>
                        { "Stop comparing" }
                    </button>
                }
            </div>
            <div class={classes!("changes-stages", summarise.then_some("summarised"))}>
                { for groups.iter().map(|g| html! {
                    <details class="changes-stage" data-changes-stage={g.stage.clone()} open={!summarise}>
                        // Open below the threshold: its heading is not a toggle then.
                        <summary onclick={(!summarise).then(|| Callback::from(|e: MouseEvent| e.prevent_default()))}>
                            <h3>{ &g.stage }</h3>
                            <span class="changes-stage-counts muted">{ g.counts().summary() }</span>
                        </summary>
                        <ul>{ for g.changes.iter().map(entry) }</ul>
                    </details>
                }) }
            </div>
        </details>
    }
}
