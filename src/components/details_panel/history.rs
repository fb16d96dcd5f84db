//! The details' history (a build with `ROADMAP_HISTORY=1`): the summary ("moved 3
//! times, +21 w since first planned") and one line per change, newest first, each
//! with a link to its commit when the roadmap's `edit_url` names a forge. The
//! sentences are the core's (`reports::history_report`), as `roadmap history` prints.

use crate::components::Shared;
use crate::core::reports::history_report;
use crate::core::tools::history::History;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub history: Shared<History>,
    pub id: String,
    pub edit_url: Option<String>,
}

#[function_component(HistorySection)]
pub fn history_section(props: &Props) -> Html {
    let Some(shown) = history_report::shown(&props.history, &props.id, props.edit_url.as_deref())
    else {
        return Html::default();
    };
    html! {
        <section class="history" data-history={shown.events.len().to_string()}>
            <h3>{ "History" }</h3>
            <p class="muted small" data-history-summary="">{ shown.summary }</p>
            if !shown.events.is_empty() {
                <ol class="history-events">
                    { for shown.events.into_iter().map(|(field, text, url)| html! {
                        <li data-history-event={field}>
                            { text }
                            if let Some(url) = url {
                                { " " }<a href={url} rel="noopener noreferrer" target="_blank">{ "commit" }</a>
                            }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
