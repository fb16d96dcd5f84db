//! One printed page of the timeline: the time axis, the page's lanes with their
//! labels, its bars with their titles (or their numbers in the key), and the key.
//! Nothing here is interactive; titles are text nodes, never markup.

use super::Shared;
use crate::core::model::Confidence;
use crate::core::views::print::{
    key_height, key_lines, Page, Paper, PrintBar, KEY_COLUMNS, KEY_LINE,
};
use crate::core::views::timeline::{
    fit_label, LaneKind, Shape, Side, TimelineLayout, AXIS_HEIGHT, BAR_HEIGHT, LABEL_COLUMN,
    ROW_HEIGHT,
};
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    /// The whole view at the paper's width (its axis and grid).
    pub layout: Shared<TimelineLayout>,
    pub page: Shared<Page>,
}

#[function_component(PrintPage)]
pub fn print_page(p: &Props) -> Html {
    let r = &p.data.roadmap;
    let (l, page) = (&*p.layout, &*p.page);
    let width = Paper::LANDSCAPE.width;
    let body = page.height.max(1.0);
    let (key, rows) = key_lines(&page.key);
    let height = AXIS_HEIGHT + body + key_height(rows);
    let column = width / KEY_COLUMNS as f64;
    let chart = l.width.max(1.0);
    let axis = Html::from_html_unchecked(crate::components::timeline::axis_markup(l).into());
    let grid = Html::from_html_unchecked(crate::components::timeline::grid_markup(l).into());
    let lanes = page.lanes.iter().map(|lane| match &lane.kind {
        LaneKind::Stage { stage, count_label, name, .. } => {
            let continued = page.continued.contains(stage);
            let header = lane.kind.header();
            html! {
                <g class={classes!("lane-stage", format!("stage-c{}", stage % 8))}>
                    <rect class="stage-swatch" x="0" y={(lane.y + 6.0).to_string()} width="4" height={(header - 12.0).to_string()} />
                    <text class="stage-name" x="12" y={(lane.y + 20.0).to_string()}>
                        { for name.iter().enumerate().map(|(k, line)| html! {
                            <tspan x="12" dy={if k == 0 { "0" } else { "15" }}>{ line.clone() }</tspan>
                        }) }
                        if continued { <tspan class="print-continued">{ " (continued)" }</tspan> }
                    </text>
                    if !continued {
                        <text class="stage-count" x={(LABEL_COLUMN - 10.0).to_string()} y={(lane.y + 20.0).to_string()} text-anchor="end">{ count_label.clone() }</text>
                    }
                </g>
            }
        }
        LaneKind::Team { team, .. } => {
            let name = team.map_or("No team".to_string(), |t| r.teams[t].name.clone());
            html! {
                <text class="team-name" x="24" y={(lane.y + ROW_HEIGHT / 2.0 + 4.0).to_string()}>{ fit_label(&name, LABEL_COLUMN - 24.0) }</text>
            }
        }
        LaneKind::Unscheduled { count } => html! {
            <g class="lane-unscheduled">
                <text class="stage-name" x="12" y={(lane.y + 20.0).to_string()}>{ "Undated" }</text>
                <text class="stage-count" x={(LABEL_COLUMN - 10.0).to_string()} y={(lane.y + 20.0).to_string()} text-anchor="end">{ count }</text>
            </g>
        },
        LaneKind::Fold { .. } => Html::default(),
    });
    let stripes = page.lanes.iter().map(|lane| match &lane.kind {
        LaneKind::Stage { .. } | LaneKind::Unscheduled { .. } => html! {
            <rect class="stage-stripe" x="0" y={lane.y.to_string()} width={chart.to_string()} height={lane.kind.header().to_string()} />
        },
        LaneKind::Team { .. } => html! {
            <line class="team-rule" x1="0" x2={chart.to_string()} y1={lane.y.to_string()} y2={lane.y.to_string()} />
        },
        LaneKind::Fold { .. } => Html::default(),
    });
    html! {
        <svg class="print-chart" data-view="timeline" width={width.to_string()} height={height.to_string()}
                 viewBox={format!("0 0 {width} {height}")} role="img" aria-label="Initiatives over time">
                <svg class="tl-axis" x={LABEL_COLUMN.to_string()} y="0" width={chart.to_string()} height={AXIS_HEIGHT.to_string()}>{ axis }</svg>
                <g class="tl-labels" transform={format!("translate(0,{AXIS_HEIGHT})")}>{ for lanes }</g>
                <svg class="tl-body" x={LABEL_COLUMN.to_string()} y={AXIS_HEIGHT.to_string()} width={chart.to_string()} height={body.to_string()}>
                    <g class="tl-static">{ grid }</g>
                    <g class="lanes">{ for stripes }</g>
                    <line class="today-line" x1={l.today_x.to_string()} x2={l.today_x.to_string()} y1="0" y2={body.to_string()} />
                    { for page.bars.iter().map(|b| bar(&p.data, b)) }
                </svg>
                if !key.is_empty() {
                    // The titles that did not fit by their bars, by number: text, so
                    // the PDF's text holds every title whole.
                    <g class="print-key" data-print-key={page.key.len().to_string()}
                       transform={format!("translate(0,{})", AXIS_HEIGHT + body + 8.0)}>
                        { for key.iter().map(|line| {
                            let (x, y) = (line.column as f64 * column, line.row as f64 * KEY_LINE + 11.0);
                            html! {
                                <text x={x.to_string()} y={y.to_string()}>
                                    if let Some(n) = line.number { <tspan class="key-number">{ format!("{n} ") }</tspan> }
                                    else { <tspan class="key-number">{ "\u{2003}" }</tspan> }
                                    { line.text.clone() }
                                </text>
                            }
                        }) }
                    </g>
                }
            </svg>
    }
}

/// One bar and its text, with the screen's classes and test hooks.
fn bar(data: &Loaded, b: &PrintBar) -> Html {
    let r = &data.roadmap;
    let bar = &b.bar;
    let init = &r.initiatives[bar.init];
    let (x, y, w, h) = (bar.x, bar.y, bar.w, BAR_HEIGHT);
    let class = classes!(
        "bar",
        format!("stage-c{}", init.stage % 8),
        format!("conf-{}", init.confidence.as_str()),
        format!("status-{}", init.status.as_str()),
        bar.ghost.then_some("ghost"),
        (bar.shape == Shape::Undated).then_some("undated"),
        b.key.is_some().then_some("keyed"),
    );
    let shape = match bar.shape {
        Shape::Milestone => {
            let (cx, cy, s) = (x + h / 2.0, y + h / 2.0, h / 2.0);
            html! { <polygon class="shape" points={format!("{cx},{} {},{cy} {cx},{} {},{cy}", cy - s, cx + s, cy + s, cx - s)} /> }
        }
        Shape::Undated => html! {
            <rect class="shape chip-shape" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="11" />
        },
        _ => html! {
            <>
                <rect class="shape" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="4" />
                if init.confidence == Confidence::Medium {
                    <rect class="hatch" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="4" />
                }
            </>
        },
    };
    let outside = matches!(bar.label.side, Side::Left | Side::Right);
    let before = bar.label.side == Side::Left;
    let (lx, lw) = (bar.label.x, bar.label.w);
    html! {
        <g {class} data-initiative={init.id.clone()} data-stage={r.stages[init.stage].id.clone()}
           data-confidence={init.confidence.as_str()} data-status={init.status.as_str()} data-key-number={b.key.map(|n| n.to_string())}
           data-ghost={bar.ghost.then(|| crate::core::views::describe::place(r, bar.init))}>
            { shape }
            <svg class={classes!("bar-label", outside.then_some("outside"))} x={(lx - 2.0).to_string()} y={y.to_string()}
                 width={(lw - 4.0).max(0.0).to_string()} height={h.to_string()} overflow={b.key.is_some().then_some("visible")}>
                if before {
                    <text x={(lw - 8.0).max(0.0).to_string()} y="15" text-anchor="end">{ b.text.clone() }</text>
                } else {
                    <text x="2" y="15">{ b.text.clone() }</text>
                }
            </svg>
        </g>
    }
}
