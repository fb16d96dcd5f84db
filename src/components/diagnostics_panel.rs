//! The problems found in the loaded data, each with its file, line and column.
//!
//! Two audiences: on the published site a reader needs to know the problems exist and
//! which initiatives they touch, so the panel is a one-line notice that opens on
//! demand (the roadmap stays on the first screen); in local preview the editor needs
//! the list, so it opens by default. Each problem that belongs to an initiative links
//! to it.

use crate::core::text::diagnostic::{reader_notice, summary, Diagnostic};
use crate::core::views::intent::Intent;
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    /// The editor's case (local preview): the full list opens by default.
    pub open: bool,
    pub on_intent: Callback<Intent>,
}

#[function_component(DiagnosticsPanel)]
pub fn diagnostics_panel(props: &Props) -> Html {
    let diags = &props.data.diagnostics;
    if diags.is_empty() {
        return html! {};
    }
    let r = &props.data.roadmap;
    let (errors, _, summary) = summary(diags);
    // With nothing to draw, the problems are all there is to see.
    let open = props.open || r.initiatives.is_empty();
    let class = classes!("diagnostics", (errors > 0).then_some("has-errors"));
    let heading = if open {
        format!(" The data has problems: {summary}")
    } else {
        format!(" {}", reader_notice(diags))
    };
    html! {
        <details {class} data-diagnostics={diags.len().to_string()} {open}>
            <summary>
                <span class="count-badge" aria-hidden="true">{ diags.len() }</span>
                { heading }
                <span class="diag-more muted">{ " · show the list" }</span>
            </summary>
            <ul>
                { for diags.iter().map(|d| {
                    // The initiative a problem belongs to, linked.
                    let link = r.problem_owner(d).map(|k| &r.initiatives[k]).map(|init| {
                        let id = init.id.clone();
                        let onclick = props.on_intent.reform(move |e: MouseEvent| {
                            e.prevent_default();
                            Intent::Select(Some(id.clone()))
                        });
                        html! {
                            <a class="diag-goto" href={format!("?select={}", crate::core::views::view_state::encode(&init.id))}
                               {onclick} data-goto={init.id.clone()}>{ format!("Show {}", init.id) }</a>
                        }
                    });
                    item(d, Some(d.code.as_str()), None, link)
                }) }
            </ul>
        </details>
    }
}

/// One diagnostic as a list item: where, severity and code, message, hint, and an
/// optional link to its initiative. `panel` and `problem` set the test hooks of the
/// diagnostics panel and of an initiative's details.
pub fn item(
    d: &Diagnostic,
    panel: Option<&'static str>,
    problem: Option<&'static str>,
    link: Option<Html>,
) -> Html {
    html! {
        <li class={d.severity.as_str()} data-diagnostic={panel} data-problem-item={problem}>
            <code class="where">{ format!("data/{}:{}:{}", d.file, d.line, d.column) }</code>
            <span class="severity">{ format!("{}[{}]", d.severity.as_str(), d.code) }</span>
            <span class="message">{ &d.message }</span>
            if let Some(h) = &d.hint { <span class="hint">{ h }</span> }
            { for link }
        </li>
    }
}
