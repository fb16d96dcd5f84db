//! What the build's history (#29) adds to the roadmap screen besides the details'
//! section: the drift trails on the timeline (`drift=1`, the core's
//! `timeline::drift_marks`), the *Drift* toggle, the planning accuracy per stage
//! (`data-accuracy`, the core's `views::accuracy`), and the banner of the roadmap as
//! it was (`at=`, the core's `history::at`), with its way back to today.

use crate::components::Shared;
use crate::core::reports::history_report::day;
use crate::core::tools::history::History;
use crate::core::views::accuracy::accuracy;
use crate::core::views::describe::shift_label;
use crate::core::views::intent::Intent;
use crate::core::views::timeline::{Trail, OUTLINE_HEIGHT};
use crate::core::Date;
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DriftLayerProps {
    pub trails: Shared<Vec<Trail>>,
    pub data: Rc<Loaded>,
}

/// Each moved bar's trail: a faint line from its first planned end to its end now,
/// a tick at each earlier end, and the most slipped ones' slip.
#[function_component(DriftLayer)]
pub fn drift_layer(p: &DriftLayerProps) -> Html {
    let r = &p.data.roadmap;
    let trails = p.trails.iter().map(|t| {
        let mid = t.y + OUTLINE_HEIGHT / 2.0;
        let ends = t.ends.len();
        html! {
            <g class={classes!("drift-trail", (!t.label.is_empty()).then_some("top"))}
                data-drift-trail={r.initiatives[t.init].id.clone()} data-drift-days={t.slip_days.to_string()}>
                <title>{ format!("{}: {} since first planned, {ends} earlier planned end{}", r.initiatives[t.init].title,
                    shift_label(t.slip_days), if ends == 1 { "" } else { "s" }) }</title>
                <line x1={t.x0.to_string()} x2={t.x1.to_string()} y1={mid.to_string()} y2={mid.to_string()} />
                { for t.ends.iter().map(|x| html! {
                    <circle data-drift-end="" cx={x.to_string()} cy={mid.to_string()} r="2.5" />
                }) }
                if !t.label.is_empty() {
                    <text data-drift-top="" x={t.label_x.to_string()} y={(mid + 3.5).to_string()}
                        text-anchor={if t.label_before { "end" } else { "start" }}>{ &t.label }</text>
                }
            </g>
        }
    });
    html! { <g class="drift-layer" aria-hidden="true">{ for trails }</g> }
}

#[derive(Properties, PartialEq)]
pub struct DriftToggleProps {
    pub on: bool,
    pub on_intent: Callback<Intent>,
}

/// *Drift*: the trails and the planning accuracy, on or off.
#[function_component(DriftToggle)]
pub fn drift_toggle(p: &DriftToggleProps) -> Html {
    let on = p.on;
    html! {
        <button type="button" class={classes!("seg", "drift-toggle", on.then_some("active"))} aria-pressed={on.to_string()}
            data-control="drift" title="Where each initiative was first planned to end, from the roadmap's history"
            onclick={p.on_intent.reform(move |_| Intent::SetDrift(!on))}>
            { "Drift" }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct AccuracyProps {
    pub history: Shared<History>,
    pub data: Rc<Loaded>,
}

/// Planning accuracy: one line for every stage, opening into a row per stage.
#[function_component(AccuracyPanel)]
pub fn accuracy_panel(p: &AccuracyProps) -> Html {
    let (data, history) = (p.data.clone(), p.history.clone());
    let figures = use_memo((Rc::as_ptr(&data) as usize, history.clone()), move |_| {
        accuracy(&data.roadmap, &history)
    });
    let (stages, total) = &*figures;
    let r = &p.data.roadmap;
    let median = |m: Option<i32>| match m {
        None => "–".to_string(),
        Some(0) => "0".to_string(),
        Some(d) => shift_label(d),
    };
    let rows = stages.iter().enumerate().filter(|(_, a)| !a.is_empty()).map(|(k, a)| {
        html! {
            <tr data-accuracy-stage={r.stages[k].id.clone()}>
                <th scope="row">{ &r.stages[k].name }</th>
                <td>{ a.finished }</td><td>{ a.on_first_plan }</td><td>{ median(a.finished_median) }</td>
                <td>{ a.in_progress }</td><td>{ a.moved }</td><td>{ median(a.moved_median) }</td>
            </tr>
        }
    });
    html! {
        <details class="accuracy" data-accuracy={total.finished.to_string()}>
            <summary>{ "Planning accuracy: " }{ total.summary() }</summary>
            <div class="accuracy-scroll"><table>
                <thead><tr>
                    <th scope="col">{ "Stage" }</th><th scope="col">{ "Finished" }</th><th scope="col">{ "By first planned end" }</th>
                    <th scope="col">{ "Median slip" }</th><th scope="col">{ "In progress" }</th><th scope="col">{ "Moved" }</th>
                    <th scope="col">{ "Median slip" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        </details>
    }
}

/// What the roadmap as it was shows in its banner.
#[derive(Clone, Debug, PartialEq)]
pub enum AtBanner {
    /// The history is still being fetched (today's roadmap is shown meanwhile).
    Loading(Date),
    /// The build has no history: today's roadmap is shown.
    NoHistory(Date),
    /// The day is before the history's first commit: today's roadmap is shown.
    Before { day: Date, first: Date },
    Then {
        day: Date,
        /// The commit's short id, day and subject.
        commit: (String, Date, String),
        commit_url: Option<String>,
        added_since: usize,
        removed_since: usize,
    },
}

#[derive(Properties, PartialEq)]
pub struct AtProps {
    pub banner: AtBanner,
    /// The address of the same view today.
    pub back: String,
}

/// The banner of the roadmap as it was, with the way back to today.
#[function_component(AtNotice)]
pub fn at_notice(p: &AtProps) -> Html {
    let (day_shown, text) = match &p.banner {
        AtBanner::Loading(d) => (
            *d,
            html! { { format!("Loading the roadmap as it was on {}…", day(*d)) } },
        ),
        AtBanner::NoHistory(d) => (
            *d,
            html! { { format!("This site was built without its history: the roadmap as it was on {} cannot be shown. This is today's.", day(*d)) } },
        ),
        AtBanner::Before { day: d, first } => (
            *d,
            html! {
                { format!("The roadmap's history starts on {}: there is nothing to show for {}. This is today's roadmap.", day(*first), day(*d)) }
            },
        ),
        AtBanner::Then {
            day: d,
            commit: (id, on, subject),
            commit_url,
            added_since,
            removed_since,
        } => (
            *d,
            html! {
                <>
                    <strong>{ format!("The roadmap as it was on {}", day(*d)) }</strong>
                    { " · " }
                    if let Some(url) = commit_url {
                        <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ format!("commit {id}") }</a>
                    } else {
                        { format!("commit {id}") }
                    }
                    { format!(" of {}, “{subject}” · since then {added_since} added, {removed_since} removed", day(*on)) }
                    <span class="at-note">{ "Dates, status, confidence and stage as they were; titles and dependencies as today." }</span>
                </>
            },
        ),
    };
    let state = match &p.banner {
        AtBanner::Then { .. } => "then",
        AtBanner::Loading(_) => "loading",
        AtBanner::NoHistory(_) => "no-history",
        AtBanner::Before { .. } => "before",
    };
    html! {
        <div class="at-banner" role="status" data-at={day_shown.to_string()} data-at-state={state}>
            <span>{ text }</span>
            <a class="at-back" href={p.back.clone()} data-at-back="">{ "Back to today" }</a>
        </div>
    }
}
