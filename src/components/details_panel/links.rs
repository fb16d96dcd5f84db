//! Links to other initiatives in the details: one link (`data-goto`), and what the
//! selected initiative waits on and what waits on it, grouped by stage.
//!
//! A relation list shows every direct relation and the transitive ones up to
//! [`TRANSITIVE_SHOWN`]; the rest waits behind "Show all" (`data-relations-all`). At
//! 10,000 initiatives a selection reaches hundreds: drawn at once they were most of
//! what a click changed on the page (#27), and no reader takes in such a list.

use crate::core::views::describe::relations;
use crate::core::views::intent::Intent;
use crate::core::Roadmap;
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

/// How many transitive relations a list shows before "Show all".
pub const TRANSITIVE_SHOWN: usize = 40;

/// A link that selects initiative `j` (`data-goto`).
pub fn goto_link(r: &Roadmap, j: usize, on_intent: &Callback<Intent>) -> Html {
    let other = &r.initiatives[j];
    let id = other.id.clone();
    let onclick = on_intent.reform(move |e: MouseEvent| {
        e.prevent_default();
        Intent::Select(Some(id.clone()))
    });
    html! {
        <a href={format!("?select={}", crate::core::views::view_state::encode(&other.id))} {onclick} data-goto={other.id.clone()}>{ &other.title }</a>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    /// The selected initiative.
    pub index: usize,
    /// "Waits on" or "Blocks".
    pub verb: &'static str,
    pub direct: Vec<usize>,
    /// Every initiative reached in this direction, the direct ones included.
    pub all: Vec<usize>,
    /// `data-relations`: `blocked-by` or `blocks`.
    pub hook: &'static str,
    pub on_intent: Callback<Intent>,
}

/// One direction of the relations, grouped by stage, the counts in its heading.
#[function_component(Relations)]
pub fn relations_view(p: &Props) -> Html {
    let r = &p.data.roadmap;
    let via = &r.initiatives[p.index].redacted.via;
    // For which selection the reader asked to see all (another selection starts short).
    let show_all = use_state_eq(|| None::<usize>);
    let rel = relations(r, p.verb, &p.direct, &p.all);
    let transitive = p.all.len() - p.direct.len();
    let limit = if *show_all == Some(p.index) {
        usize::MAX
    } else {
        TRANSITIVE_SHOWN
    };
    let (groups, hidden) = rel.shown(limit);
    let groups = groups.iter().map(|(s, total, members)| {
        html! {
            <div class={classes!("impact-stage", format!("stage-c{}", s % 8))}>
                <h4>{ &r.stages[*s].name }<span class="muted">{ format!(" {total}") }</span></h4>
                <ul>{ for members.iter().map(|&(j, direct)| {
                    let other = &r.initiatives[j];
                    html! {
                        <li class={if direct { "direct" } else { "transitive" }}>
                            { goto_link(r, j, &p.on_intent) }
                            if let Some(t) = r.team_name(other) { <span class="muted small">{ format!(" · {t}") }</span> }
                            if !direct { <span class="muted small">{ " · through others" }</span> }
                            if via.contains(&j) { <span class="muted small">{ " (through a confidential step)" }</span> }
                        </li>
                    }
                }) }</ul>
            </div>
        }
    });
    let more = {
        let (show_all, index) = (show_all.clone(), p.index);
        Callback::from(move |_: MouseEvent| show_all.set(Some(index)))
    };
    html! {
        <section class="relations" data-relations={p.hook} data-impact-summary={(p.hook == "blocks").then_some("")}>
            <h3>{ &rel.heading }</h3>
            { for groups }
            if hidden > 0 {
                <button type="button" class="link" onclick={more} data-relations-all={hidden.to_string()}>
                    { format!("Show all {transitive} reached through others ({hidden} more)") }
                </button>
            }
        </section>
    }
}
