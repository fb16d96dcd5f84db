//! The first screen: initiatives as a plain list, grouped by stage.

use crate::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
}

#[function_component(InitiativeList)]
pub fn initiative_list(props: &Props) -> Html {
    let roadmap = &props.data.roadmap;
    html! {
        <section class="initiatives" aria-label="Initiatives" data-visible-count={roadmap.initiatives.len().to_string()}>
            { for roadmap.stages.iter().enumerate().map(|(si, stage)| {
                let items: Vec<_> = roadmap.initiatives.iter().filter(|i| i.stage == si).collect();
                html! {
                    <section class="stage" data-stage={stage.id.clone()}>
                        <h2>{ &stage.name } <span class="count">{ items.len() }</span></h2>
                        <ul>
                            { for items.iter().map(|i| html! {
                                <li class={classes!("initiative", format!("confidence-{}", i.confidence.as_str()), format!("status-{}", i.status.as_str()))}
                                    data-initiative={i.id.clone()}>
                                    <span class="title">{ &i.title }</span>
                                    <span class="meta">
                                        if let Some(team) = roadmap.team_name(i) { <span class="team">{ team }</span> }
                                        <span class="badge">{ i.status.as_str() }</span>
                                        <span class="badge">{ format!("{} confidence", i.confidence.as_str()) }</span>
                                        <span class="dates">{ dates(i) }</span>
                                    </span>
                                </li>
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </section>
    }
}

fn dates(i: &crate::core::model::Initiative) -> String {
    match (i.start, i.end) {
        (Some(s), Some(e)) => format!("{} – {}", s.month_year(), e.month_year()),
        (Some(s), None) => format!("from {}", s.month_year()),
        (None, Some(e)) => format!("by {}", e.month_year()),
        (None, None) => i.horizon.map_or("unscheduled".to_string(), |h| {
            format!("{} term", h.as_str())
        }),
    }
}
