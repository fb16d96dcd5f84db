//! The timeline: an SVG drawing of the core's `TimelineLayout`: horizon bands,
//! quarter gridlines, the today line, lanes per stage and team, bars, and the
//! dependency arrows. Lane labels and the time axis stay visible while scrolling.

use crate::core::analysis::Analysis;
use crate::core::describe::{
    accessible_label, bar_text, horizon_label, marks, place, problem_code,
};
use crate::core::intent::Intent;
use crate::core::model::{Confidence, Status};
use crate::core::timeline::Zoom;
use crate::core::timeline::{
    fit_label, initial_scroll, label_span, slip_ghost, Arrow, LaneKind, Shape, TimelineLayout,
    Viewport, BAR_HEIGHT, MILESTONE_LABEL, STAGE_HEADER, TEAM_HEADER, VIRTUALIZE_ABOVE,
};
use crate::state::Loaded;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const AXIS_HEIGHT: f64 = 46.0;
const LABEL_WIDTH: f64 = 210.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub selected: Option<usize>,
    pub hover: Option<usize>,
    pub zoom: Zoom,
    pub layout: Rc<TimelineLayout>,
    pub arrows: Rc<Vec<Arrow>>,
    pub analysis: Rc<Analysis>,
    pub on_intent: Callback<Intent>,
    pub on_hover: Callback<Option<usize>>,
    pub on_toggle_stage: Callback<usize>,
}

#[function_component(Timeline)]
pub fn timeline(props: &Props) -> Html {
    let l = &props.layout;
    let r = &props.data.roadmap;
    let selected = props.selected;
    let scroller = use_node_ref();
    // Labels of bars that began left of the visible area follow the scroll position.
    let scroll_left = use_state(|| 0.0f64);
    {
        let scroller = scroller.clone();
        let scroll_left = scroll_left.clone();
        let left = initial_scroll(l);
        use_effect_with(props.zoom, move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                el.set_scroll_left(left as i32);
                scroll_left.set(el.scroll_left() as f64);
            }
        });
    }
    let virtualize = l.bars.len() > VIRTUALIZE_ABOVE;
    // Rendered rows (body y range) when virtualized; moved when the viewport nears an edge.
    let window = use_state(|| Viewport::span_around(0.0, 1000.0));
    let on_scroll = {
        let scroller = scroller.clone();
        let scroll_left = scroll_left.clone();
        let window = window.clone();
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let x = el.scroll_left() as f64;
                if (x - *scroll_left).abs() >= 24.0 || x == 0.0 {
                    scroll_left.set(x);
                }
                if virtualize {
                    let (h, top) = (
                        el.client_height() as f64,
                        el.scroll_top() as f64 - AXIS_HEIGHT,
                    );
                    let (w0, w1) = *window;
                    if top < w0 + h / 16.0 && w0 > 0.0 || top + h > w1 - h / 16.0 {
                        window.set(Viewport::span_around(top, h));
                    }
                }
            }
        })
    };
    {
        // Bring a selected bar into view when it may not be rendered (a deep link or
        // a details link to a bar far away on a virtualized timeline); otherwise the
        // roadmap view scrolls its element into view.
        let scroller = scroller.clone();
        let (window, scroll_left) = (window.clone(), scroll_left.clone());
        let bar_at = selected.and_then(|i| l.bar_of(i)).map(|b| (b.x, b.y));
        use_effect_with(bar_at.map(|(x, y)| (x as i64, y as i64)), move |_| {
            let (Some((x, y)), Some(el)) = (bar_at, scroller.cast::<web_sys::Element>()) else {
                return;
            };
            if !virtualize {
                return;
            }
            let (h, top) = (
                el.client_height() as f64,
                el.scroll_top() as f64 - AXIS_HEIGHT,
            );
            if y < top || y > top + h - 40.0 {
                let new_top = (y - h / 3.0).max(0.0);
                el.set_scroll_top((new_top + AXIS_HEIGHT) as i32);
                window.set(Viewport::span_around(new_top, h));
            }
            let (w, left) = (
                el.client_width() as f64 - LABEL_WIDTH,
                el.scroll_left() as f64,
            );
            if x < left || x > left + w - 40.0 {
                el.set_scroll_left((x - w / 3.0).max(0.0) as i32);
                scroll_left.set(el.scroll_left() as f64);
            }
        });
    }
    let view_left = *scroll_left;
    // Columns too: rows of a big roadmap hold dozens of bars across three years.
    let viewport = if virtualize {
        let view_width = scroller
            .cast::<web_sys::Element>()
            .map_or(f64::MAX / 4.0, |e| e.client_width() as f64);
        let (top, bottom) = *window;
        let (left, right) = Viewport::span_around(view_left, view_width);
        Viewport {
            top,
            bottom,
            left,
            right,
        }
    } else {
        Viewport::ALL
    };
    let drawn = l.bars_in(&viewport);
    let width = l.width.max(1.0);
    let height = l.height.max(1.0);
    // Selects initiative `i`, or clears the selection if it is the selected one.
    let select = {
        let (on_intent, data) = (props.on_intent.clone(), props.data.clone());
        Rc::new(move |i: usize| {
            on_intent.emit(Intent::ToggleSelect(data.roadmap.initiatives[i].id.clone()))
        })
    };

    // One set of listeners on the bars' group instead of four per bar (event
    // delegation): the bar is the target's closest `[data-initiative]`.
    let bar_of = {
        let data = props.data.clone();
        move |target: Option<web_sys::EventTarget>| -> Option<usize> {
            let target: web_sys::Element = target?.dyn_into().ok()?;
            let bar = target.closest("[data-initiative]").ok()??;
            data.roadmap.find(&bar.get_attribute("data-initiative")?)
        }
    };
    let on_bars_click = {
        let (bar_of, select) = (bar_of.clone(), select.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = bar_of(e.target()) {
                select(i);
            }
        })
    };
    let on_bars_key = {
        let (bar_of, select) = (bar_of.clone(), select.clone());
        // Neighbours are looked up on the key press, not for every bar on render.
        let (data, layout) = (props.data.clone(), props.layout.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(i) = bar_of(e.target()) else { return };
            match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    select(i);
                }
                "ArrowLeft" | "ArrowRight" => {
                    e.prevent_default();
                    let forward = e.key() == "ArrowRight";
                    let r = &data.roadmap;
                    if let Some(j) =
                        crate::core::timeline::neighbour_in_lane(r, &layout, i, forward)
                    {
                        focus_initiative(&r.initiatives[j].id);
                    }
                }
                _ => {}
            }
        })
    };
    let on_bars_over = {
        let (bar_of, on_hover, hover) = (bar_of.clone(), props.on_hover.clone(), props.hover);
        Callback::from(move |e: MouseEvent| {
            let i = bar_of(e.target());
            if i.is_some() && i != hover {
                on_hover.emit(i);
            }
        })
    };
    let on_bars_out = {
        let on_hover = props.on_hover.clone();
        Callback::from(move |e: MouseEvent| {
            // Leaving for another bar: its mouseover sets the hover instead.
            if bar_of(e.related_target()).is_none() {
                on_hover.emit(None);
            }
        })
    };
    let bars = drawn.iter().map(|&b| {
        let init = &r.initiatives[b.init];
        let stage = &r.stages[init.stage];
        let ghost_label = b.ghost.then(|| place(r, b.init));
        let (label_x, label_w) = label_span(b, view_left);
        // The whole text is drawn, clipped to the bar: what is read is what is named.
        let visible = bar_text(r, b.init, b.ghost);
        let problem = problem_code(r, b.init);
        let name = accessible_label(r, b.init, &visible);
        let impact = props.analysis.impact[b.init];
        let moved = props.analysis.moves[b.init].as_ref();
        let critical = props.analysis.critical.contains(&b.init);
        let class = classes!(
            "bar",
            impact.map(|i| format!("impact-{}", i.as_str())),
            critical.then_some("critical"),
            format!("stage-c{}", init.stage % 8),
            format!("conf-{}", init.confidence.as_str()),
            format!("status-{}", init.status.as_str()),
            b.ghost.then_some("ghost"),
            problem.is_some().then_some("problem"),
            (selected == Some(b.init)).then_some("selected"),
            (props.hover == Some(b.init)).then_some("hovered"),
        );
        let text_x = if b.shape == Shape::Milestone { b.x + BAR_HEIGHT + 4.0 } else { label_x };
        let (clip_x, clip_w) = if b.shape == Shape::Milestone { (text_x, MILESTONE_LABEL) } else { (label_x - 2.0, (label_w - 8.0).max(0.0)) };
        html! {
            <BarView key={init.id.clone()} id={init.id.clone()} stage={stage.id.clone()}
                confidence={init.confidence} status={init.status} {class}
                ghost={ghost_label.map(AttrValue::from)}
                impact={impact.map(|i| (i.as_str(), AttrValue::from(i.distance().to_string())))}
                moved={moved.is_some()} new_end={moved.and_then(|m| m.end.or(m.start)).map(|d| AttrValue::from(d.to_string()))}
                {critical} confidential={init.confidential} selected={selected == Some(b.init)} {problem}
                name={name} visible={visible} x={b.x} y={b.y} w={b.w} shape={b.shape}
                {text_x} {clip_x} {clip_w} />
        }
    });

    // Where slipped initiatives would land: a dashed ghost beside the planned bar.
    let slip_ghosts = drawn.iter().filter(|b| !b.ghost).filter_map(|&b| {
        let g = slip_ghost(l, b, props.analysis.moves[b.init].as_ref()?)?;
        Some(html! {
            <g class={classes!("slip-ghost", g.flagged.then_some("flagged"))} data-slip-ghost={r.initiatives[b.init].id.clone()}>
                <rect x={g.x.to_string()} y={(g.y + 4.0).to_string()} width={g.w.to_string()} height={(BAR_HEIGHT - 4.0).to_string()} rx="4" />
                <text x={(g.x + g.w + 4.0).to_string()} y={(g.y + 15.0).to_string()}>{ g.label }</text>
            </g>
        })
    });
    let arrows = props.arrows.iter().filter(|a| l.arrow_in(a, &viewport)).map(|a| {
        let edge = format!("{}->{}", r.initiatives[a.from].id, r.initiatives[a.to].id);
        let marker = if a.violation { "url(#arrow-violation)" } else { "url(#arrow)" };
        html! {
            <path class={classes!("arrow", a.violation.then_some("violation"))} d={a.path.clone()} marker-end={marker}
                data-edge={edge} data-violation={a.violation.then_some("")} />
        }
    });

    let lanes_drawn = || {
        l.lanes
            .iter()
            .filter(|lane| lane.y + lane.height >= viewport.top && lane.y <= viewport.bottom)
    };
    let lane_labels = lanes_drawn().map(|lane| match &lane.kind {
        LaneKind::Stage { stage, count, collapsed } => {
            let si = *stage;
            let (d, d2) = (props.on_toggle_stage.clone(), props.on_toggle_stage.clone());
            let onclick = Callback::from(move |_: MouseEvent| d.emit(si));
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    d2.emit(si);
                }
            });
            let s = &r.stages[*stage];
            html! {
                <g class={classes!("lane-stage", format!("stage-c{}", stage % 8))} data-stage-toggle={s.id.clone()} {onclick} {onkeydown}
                   role="button" tabindex="0" aria-expanded={(!collapsed).to_string()}>
                    <rect class="stage-swatch" x="0" y={(lane.y + 6.0).to_string()} width="4" height={(STAGE_HEADER - 12.0).to_string()} />
                    <text class="stage-name" x="12" y={(lane.y + 20.0).to_string()}>
                        { format!("{} {}", if *collapsed { "▸" } else { "▾" }, fit_label(&s.name, LABEL_WIDTH - 50.0)) }
                    </text>
                    <text class="stage-count" x={(LABEL_WIDTH - 10.0).to_string()} y={(lane.y + 20.0).to_string()} text-anchor="end">{ count }</text>
                </g>
            }
        }
        LaneKind::Team { team, .. } => {
            let name = team.map_or("No team".to_string(), |t| r.teams[t].name.clone());
            html! { <text class="team-name" x="24" y={(lane.y + 15.0).to_string()}>{ fit_label(&name, LABEL_WIDTH - 24.0) }</text> }
        }
    });
    let lane_stripes = lanes_drawn().map(|lane| match &lane.kind {
        LaneKind::Stage { .. } => html! {
            <rect class="stage-stripe" x="0" y={lane.y.to_string()} width={width.to_string()} height={STAGE_HEADER.to_string()} />
        },
        LaneKind::Team { .. } => html! {
            <line class="team-rule" x1="0" x2={width.to_string()} y1={(lane.y + TEAM_HEADER).to_string()} y2={(lane.y + TEAM_HEADER).to_string()} />
        },
    });

    html! {
        <div class="timeline" data-zoom={props.zoom.as_str()} data-view="timeline">
            <div class="tl-scroll" ref={scroller} onscroll={on_scroll}>
                <div class="tl-grid">
                    <div class="tl-corner"><span>{ format!("{} to {}", l.start.month_year(), l.end.month_year()) }</span></div>
                    <svg class="tl-axis" width={width.to_string()} height={AXIS_HEIGHT.to_string()} aria-hidden="true">
                        { for l.bands.iter().map(|b| html! {
                            <g class={classes!("band-head", format!("band-{}", b.horizon.as_str()))}>
                                <rect x={b.x0.to_string()} y="0" width={(b.x1 - b.x0).to_string()} height="20" />
                                <text x={(b.x0 + 8.0).to_string()} y="14">{ fit_label(horizon_label(b.horizon), b.x1 - b.x0) }</text>
                            </g>
                        }) }
                        { for l.ticks.iter().map(|t| html! {
                            <g class={classes!("tick", t.year.then_some("year"))}>
                                <line x1={t.x.to_string()} x2={t.x.to_string()} y1="22" y2={AXIS_HEIGHT.to_string()} />
                                <text x={(t.x + 4.0).to_string()} y="38">{ &t.label }</text>
                            </g>
                        }) }
                        <g class="today">
                            <line x1={l.today_x.to_string()} x2={l.today_x.to_string()} y1="20" y2={AXIS_HEIGHT.to_string()} />
                            <text x={(l.today_x + 4.0).to_string()} y="30">{ "today" }</text>
                        </g>
                    </svg>
                    <svg class="tl-labels" width={LABEL_WIDTH.to_string()} height={height.to_string()} aria-label="Lanes">
                        { for lane_labels }
                    </svg>
                    <svg class="tl-body" width={width.to_string()} height={height.to_string()} role="group" aria-label="Initiatives over time">
                        <defs>
                            <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                                <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                            </pattern>
                            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
                            </marker>
                            <marker id="arrow-violation" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z" class="arrow-head violation" />
                            </marker>
                        </defs>
                        { for l.bands.iter().map(|b| html! {
                            <rect class={classes!("band", format!("band-{}", b.horizon.as_str()))} x={b.x0.to_string()} y="0"
                                width={(b.x1 - b.x0).to_string()} height={height.to_string()} />
                        }) }
                        { for l.ticks.iter().map(|t| html! {
                            <line class={classes!("grid", t.year.then_some("year"))} x1={t.x.to_string()} x2={t.x.to_string()} y1="0" y2={height.to_string()} />
                        }) }
                        { for lane_stripes }
                        <line class="today-line" x1={l.today_x.to_string()} x2={l.today_x.to_string()} y1="0" y2={height.to_string()} />
                        { for slip_ghosts }
                        <g class="bars" onclick={on_bars_click} onkeydown={on_bars_key}
                           onmouseover={on_bars_over} onmouseout={on_bars_out}>{ for bars }</g>
                        <g class="arrows">{ for arrows }</g>
                    </svg>
                </div>
            </div>
            if l.bars.is_empty() && l.unscheduled.is_empty() {
                <p class="empty">{ "No initiative matches these filters." }</p>
            }
            if !l.unscheduled.is_empty() {
                <section class="unscheduled" aria-label="Unscheduled">
                    <h2>{ "Unscheduled" }</h2>
                    { for l.unscheduled.iter().map(|(h, items)| html! {
                        <div class="unscheduled-group">
                            <h3>{ h.map_or("No horizon".to_string(), |h| format!("{} term", h.as_str())) }</h3>
                            <ul>
                                { for items.iter().map(|&(i, ghost)| {
                                    let init = &r.initiatives[i];
                                    let select = select.clone();
                                    let onclick = Callback::from(move |_: MouseEvent| select(i));
                                    html! {
                                        <li>
                                            <button type="button" class={classes!("chip", format!("stage-c{}", init.stage % 8), format!("conf-{}", init.confidence.as_str()), ghost.then_some("ghost"), problem_code(r, i).map(|_| "problem"), (selected == Some(i)).then_some("selected"), props.analysis.impact[i].map(|x| format!("impact-{}", x.as_str())))}
                                                data-impact={props.analysis.impact[i].map(|x| x.as_str())} data-problem={problem_code(r, i)}
                                                data-initiative={init.id.clone()} data-stage={r.stages[init.stage].id.clone()}
                                                data-confidence={init.confidence.as_str()} data-status={init.status.as_str()}
                                                data-ghost={ghost.then(|| place(r, i))}
                                                title={accessible_label(r, i, &format!("{}{}", marks(r, i), init.title))} {onclick}>
                                                <span class="swatch"></span>{ marks(r, i) }{ &init.title }
                                                <span class="chip-meta">{ format!("{} confidence", init.confidence.as_str()) }</span>
                                            </button>
                                        </li>
                                    }
                                }) }
                            </ul>
                        </div>
                    }) }
                </section>
            }
        </div>
    }
}

/// Moves keyboard focus to an initiative's element (the one carrying `data-initiative`).
fn focus_initiative(id: &str) {
    let css = format!("[data-initiative=\"{}\"]", id.replace('"', ""));
    if let Ok(Some(el)) = gloo::utils::document().query_selector(&css) {
        let _ = js_sys::Reflect::get(&el, &"focus".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .map(|f| f.call0(&el));
    }
}

#[derive(Properties, PartialEq)]
struct BarProps {
    id: AttrValue,
    stage: AttrValue,
    confidence: Confidence,
    status: Status,
    class: Classes,
    ghost: Option<AttrValue>,
    /// The impact mark and its distance.
    impact: Option<(&'static str, AttrValue)>,
    moved: bool,
    new_end: Option<AttrValue>,
    critical: bool,
    confidential: bool,
    selected: bool,
    /// The first problem's code, when the data has one for this initiative.
    problem: Option<&'static str>,
    name: AttrValue,
    visible: AttrValue,
    x: f64,
    y: f64,
    w: f64,
    shape: Shape,
    text_x: f64,
    clip_x: f64,
    clip_w: f64,
}

/// One bar, from plain values: a bar whose values did not change skips its render and
/// diff, so hovering or selecting re-renders only the bars it changes.
#[function_component(BarView)]
fn bar_view(p: &BarProps) -> Html {
    let (x, y, w, h) = (p.x, p.y, p.w, BAR_HEIGHT);
    let shape = match p.shape {
        Shape::Milestone => {
            let (cx, cy, s) = (x + h / 2.0, y + h / 2.0, h / 2.0);
            html! { <polygon class="shape" points={format!("{cx},{} {},{cy} {cx},{} {},{cy}", cy - s, cx + s, cy + s, cx - s)} /> }
        }
        _ => html! {
            <>
                <rect class="shape" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="4" />
                if p.confidence == Confidence::Medium {
                    <rect class="hatch" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="4" />
                }
                if p.shape == Shape::OpenEnded {
                    <path class="open-end" d={format!("M{},{} l8,{} l-8,{}", x + w - 10.0, y + 3.0, h / 2.0 - 3.0, h / 2.0 - 3.0)} />
                }
                if p.status == Status::Cancelled {
                    <line class="strike" x1={x.to_string()} x2={(x + w).to_string()} y1={(y + h / 2.0).to_string()} y2={(y + h / 2.0).to_string()} />
                }
            </>
        },
    };
    html! {
        <g class={p.class.clone()} data-initiative={p.id.clone()} data-stage={p.stage.clone()}
           data-confidence={p.confidence.as_str()} data-status={p.status.as_str()}
           data-ghost={p.ghost.clone()} tabindex="0" role="button"
           data-impact={p.impact.as_ref().map(|i| i.0)} data-distance={p.impact.as_ref().map(|i| i.1.clone())}
           data-moved={p.moved.then_some("")} data-new-end={p.new_end.clone()}
           data-critical={p.critical.then_some("")} data-confidential={p.confidential.then_some("")}
           data-problem={p.problem}
           aria-label={p.name.clone()} aria-pressed={p.selected.to_string()}>
            <title>{ p.name.clone() }</title>
            { shape }
            // A nested viewport clips the label to the bar: cheaper to draw than a
            // clipPath per bar, and no ids to keep unique.
            <svg class="bar-label" x={p.clip_x.to_string()} y={y.to_string()} width={p.clip_w.to_string()} height={h.to_string()} aria-hidden="true">
                <text x={(p.text_x - p.clip_x).to_string()} y="15">{ p.visible.clone() }</text>
            </svg>
        </g>
    }
}
