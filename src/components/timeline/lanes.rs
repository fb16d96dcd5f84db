//! The lanes: their labels in the sticky column (stage toggles, team names, the
//! Undated lane's header, folded rows) and their stripes across the body. Both draw
//! only the lanes in the rendered rows, and neither changes on a hover or a
//! selection that keeps the layout.

use super::Shared;
use crate::core::views::timeline::{
    fit_label, fold_places, fold_text, step_in_list, LaneKind, Step, TimelineLayout, FOLD_HEIGHT,
    ROW_HEIGHT,
};
use crate::state::Loaded;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LabelsProps {
    pub data: Rc<Loaded>,
    pub layout: Shared<TimelineLayout>,
    /// The body's rendered rows (top, bottom).
    pub rows: (f64, f64),
    /// The label column's width.
    pub labels: f64,
    pub on_toggle_stage: Callback<usize>,
    pub on_unfold: Callback<()>,
}

/// The lanes drawn: those reaching into the rendered rows.
fn lanes_in(
    l: &TimelineLayout,
    (top, bottom): (f64, f64),
) -> impl Iterator<Item = &crate::core::views::timeline::Lane> {
    l.lanes
        .iter()
        .filter(move |lane| lane.y + lane.height >= top && lane.y <= bottom)
}

/// A callback for Enter and Space on a `role="button"` element.
fn on_activate(then: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            then.emit(());
        }
    })
}

/// The lane headers in drawing order, and the position of the one holding `target`.
fn headers_of(
    svg: Option<web_sys::EventTarget>,
    target: Option<web_sys::EventTarget>,
) -> Option<(Vec<web_sys::Element>, usize)> {
    let svg: web_sys::Element = svg?.dyn_into().ok()?;
    let header = target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-stage-toggle], [data-fold]")
        .ok()??;
    let all = svg
        .query_selector_all("[data-stage-toggle], [data-fold]")
        .ok()?;
    let list: Vec<web_sys::Element> = (0..all.length())
        .filter_map(|k| all.get(k)?.dyn_into().ok())
        .collect();
    let at = list.iter().position(|h| *h == header)?;
    Some((list, at))
}

/// The label column. The lane headers (stage toggles, folded rows) are one Tab stop;
/// Up and Down move between them (the core's `step_in_list`).
#[function_component(LaneLabels)]
pub fn lane_labels(p: &LabelsProps) -> Html {
    let r = &p.data.roadmap;
    let labels = p.labels;
    let header_stop = use_state_eq(|| 0usize);
    let on_focus = {
        let header_stop = header_stop.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some((_, at)) = headers_of(e.current_target(), e.target()) {
                header_stop.set(at);
            }
        })
    };
    let on_key = {
        let header_stop = header_stop.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(s) = Step::from_key(&e.key(), e.ctrl_key() || e.meta_key()) else {
                return;
            };
            let Some((list, at)) = headers_of(e.current_target(), e.target()) else {
                return;
            };
            e.prevent_default();
            if let Some(to) = step_in_list(list.len(), at, s) {
                header_stop.set(to);
                // The browser scrolls it into view: the label column follows the lanes.
                crate::components::focus(&list[to], false);
            }
        })
    };
    let headers = lanes_in(&p.layout, p.rows)
        .filter(|lane| matches!(lane.kind, LaneKind::Stage { .. } | LaneKind::Fold { .. }))
        .count();
    let stop = (*header_stop).min(headers.saturating_sub(1));
    let mut header_at = 0usize;
    let mut tabindex = move || {
        header_at += 1;
        if header_at - 1 == stop {
            "0"
        } else {
            "-1"
        }
    };
    let drawn = lanes_in(&p.layout, p.rows).map(|lane| match &lane.kind {
        LaneKind::Stage { stage, count, collapsed, name, .. } => {
            let si = *stage;
            let toggle = p.on_toggle_stage.reform(move |()| si);
            let onclick = toggle.reform(|_: MouseEvent| ());
            let s = &r.stages[si];
            let header = lane.kind.header();
            html! {
                <g class={classes!("lane-stage", format!("stage-c{}", si % 8))} data-stage-toggle={s.id.clone()} {onclick}
                   onkeydown={on_activate(toggle)} role="button" tabindex={tabindex()} aria-expanded={(!collapsed).to_string()}>
                    <rect class="stage-swatch" x="0" y={(lane.y + 6.0).to_string()} width="4" height={(header - 12.0).to_string()} />
                    <text class="stage-name" x="12" y={(lane.y + 20.0).to_string()}>
                        { for name.iter().enumerate().map(|(k, line)| html! {
                            <tspan x={if k == 0 { "12" } else { "26" }} dy={if k == 0 { "0" } else { "15" }}>
                                { if k == 0 { format!("{} {line}", if *collapsed { "▸" } else { "▾" }) } else { line.clone() } }
                            </tspan>
                        }) }
                    </text>
                    <text class={classes!("stage-count", (*count == 0).then_some("context"))} x={(labels - 10.0).to_string()} y={(lane.y + 20.0).to_string()} text-anchor="end">{ lane.kind.count_text().unwrap_or_default() }</text>
                </g>
            }
        }
        LaneKind::Team { team, .. } => {
            let name = team.map_or("No team".to_string(), |t| r.teams[t].name.clone());
            html! {
                <text class="team-name" x="24" y={(lane.y + ROW_HEIGHT / 2.0 + 4.0).to_string()}>
                    <title>{ &name }</title>{ fit_label(&name, labels - 24.0) }
                </text>
            }
        }
        LaneKind::Unscheduled { count } => html! {
            <g class="lane-unscheduled" data-lane="unscheduled">
                <text class="stage-name" x="12" y={(lane.y + 20.0).to_string()}>{ "Undated" }</text>
                <text class="stage-count" x={(labels - 10.0).to_string()} y={(lane.y + 20.0).to_string()} text-anchor="end">{ count }</text>
            </g>
        },
        LaneKind::Fold { initiatives, stages, .. } => {
            let onclick = p.on_unfold.reform(|_: MouseEvent| ());
            html! {
                <g class="fold" role="button" tabindex={tabindex()} data-fold={initiatives.to_string()} {onclick}
                   onkeydown={on_activate(p.on_unfold.clone())}>
                    <title>{ "Folded to frame the question: show every lane" }</title>
                    <rect class="fold-hit" x="0" y={lane.y.to_string()} width={labels.to_string()} height={FOLD_HEIGHT.to_string()} />
                    <text class="fold-label" x="12" y={(lane.y + 14.0).to_string()}>{ fit_label(&fold_text(*initiatives, *stages), labels - 16.0) }</text>
                </g>
            }
        }
    });
    // Collected first: the iterator borrows the tab stop counter.
    let drawn: Vec<Html> = drawn.collect();
    html! {
        <svg class="tl-labels" width={labels.to_string()} height={p.layout.height.max(1.0).to_string()} aria-label="Lanes"
             onkeydown={on_key} onfocusin={on_focus}>
            { for drawn }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct StripesProps {
    pub data: Rc<Loaded>,
    pub layout: Shared<TimelineLayout>,
    pub rows: (f64, f64),
    /// Where a folded row's text starts: the visible part's left edge.
    pub view_left: f64,
    /// How wide that text may be.
    pub text_width: f64,
}

/// The lanes' stripes across the body: a stage's header band, a rule above each team,
/// and a folded row with which stages it hides, where the reader looks along the row.
#[function_component(LaneStripes)]
pub fn lane_stripes(p: &StripesProps) -> Html {
    let r = &p.data.roadmap;
    let width = p.layout.width.max(1.0).to_string();
    let stripes = lanes_in(&p.layout, p.rows).map(|lane| match &lane.kind {
        LaneKind::Stage { .. } | LaneKind::Unscheduled { .. } => html! {
            <rect class="stage-stripe" x="0" y={lane.y.to_string()} width={width.clone()} height={lane.kind.header().to_string()} />
        },
        LaneKind::Team { .. } => html! {
            <line class="team-rule" x1="0" x2={width.clone()} y1={lane.y.to_string()} y2={lane.y.to_string()} />
        },
        LaneKind::Fold { places, .. } => html! {
            <g class="fold-row">
                <rect class="fold-stripe" x="0" y={(lane.y + 3.0).to_string()} width={width.clone()} height={(FOLD_HEIGHT - 6.0).to_string()} />
                <text class="fold-places" x={(p.view_left + 8.0).to_string()} y={(lane.y + 14.0).to_string()}>
                    { fit_label(&fold_places(r, places), p.text_width) }
                </text>
            </g>
        },
    });
    html! { <g class="lanes">{ for stripes }</g> }
}
