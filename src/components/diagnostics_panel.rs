//! The problems found in the loaded data, each with its file, line and column.

use crate::core::diagnostic::{summary, Diagnostic};
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
}

#[function_component(DiagnosticsPanel)]
pub fn diagnostics_panel(props: &Props) -> Html {
    let diags = &props.data.diagnostics;
    if diags.is_empty() {
        return html! {};
    }
    let (errors, _, summary) = summary(diags);
    let class = if errors > 0 {
        "diagnostics has-errors"
    } else {
        "diagnostics"
    };
    html! {
        <details class={class} data-diagnostics={diags.len().to_string()} open={errors > 0}>
            <summary>
                <span class="count-badge" aria-hidden="true">{ diags.len() }</span>
                { format!(" The data has problems: {summary}") }
            </summary>
            <ul>
                { for diags.iter().map(|d| item(d, Some(d.code.as_str()), None)) }
            </ul>
        </details>
    }
}

/// One diagnostic as a list item: where, severity and code, message, hint. `panel` and
/// `problem` set the test hooks of the diagnostics panel and of an initiative's details.
pub fn item(d: &Diagnostic, panel: Option<&'static str>, problem: Option<&'static str>) -> Html {
    html! {
        <li class={d.severity.as_str()} data-diagnostic={panel} data-problem-item={problem}>
            <code class="where">{ format!("data/{}:{}:{}", d.file, d.line, d.column) }</code>
            <span class="severity">{ format!("{}[{}]", d.severity.as_str(), d.code) }</span>
            <span class="message">{ &d.message }</span>
            if let Some(h) = &d.hint { <span class="hint">{ h }</span> }
        </li>
    }
}
