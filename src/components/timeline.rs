//! The timeline: an SVG drawing of the core's `TimelineLayout`: horizon bands,
//! gridlines, the today line, lanes per stage and team, bars with their labels, the
//! Unscheduled lane's chips, and the dependency arrows. Lane labels and the time axis
//! stay visible while scrolling. It measures the chart for the core (`fit` fills
//! it), scrolls to the frame the core computes after each question, and shows a
//! tooltip for the hovered or focused bar.

use crate::core::analysis::Analysis;
use crate::core::model::{Confidence, Status};
use crate::core::views::describe::{accessible_label, bar_text, place, problem_code, tooltip};
use crate::core::views::intent::Intent;
use crate::core::views::timeline::{
    fit_label, fold_places, fold_text, frame, initial_scroll, label_span, scroll_to_show,
    slip_ghost, step, step_in_list, tab_stop, tooltip_at, Arrow, Canvas, DepsMode, Focus, LaneKind,
    Shape, Side, Step, TimelineLayout, Viewport, Zoom, AXIS_HEIGHT, BAR_HEIGHT, FOLD_HEIGHT,
    LABEL_COLUMN, ROW_HEIGHT, VIRTUALIZE_ABOVE,
};
use crate::state::Loaded;
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub selected: Option<usize>,
    pub hover: Option<usize>,
    pub zoom: Zoom,
    pub deps: DepsMode,
    pub layout: Rc<TimelineLayout>,
    pub arrows: Rc<Vec<Arrow>>,
    pub analysis: Rc<Analysis>,
    /// What the question asked is about: its required part is framed after each
    /// question.
    pub focus: Rc<Focus>,
    /// The chart's size the layout was made for.
    pub canvas: Canvas,
    /// Any filter is on (the empty state offers to clear them).
    pub filtered: bool,
    pub on_canvas: Callback<Canvas>,
    pub on_intent: Callback<Intent>,
    pub on_hover: Callback<Option<usize>>,
    pub on_toggle_stage: Callback<usize>,
    /// Show every lane for the question asked (a folded row was clicked).
    pub on_unfold: Callback<()>,
    /// The comparison with a baseline, when it is on.
    #[prop_or_default]
    pub baseline: Option<Rc<crate::components::BaselineDrawing>>,
}

/// Sizes the scrolling chart to end at the window's bottom (at least 240 px tall), so
/// the whole chart is on screen with the page scrolled to the top, and returns the
/// drawing area's size: the chart less the lane labels and the axis, as tall as the
/// room it may grow to (not the height of what it holds now: a folded chart is shorter
/// than its room, and the next layout may fill it) less a scrollbar.
///
/// Every read comes before the one write (`max-height`), so called where layout is
/// clean (a `ResizeObserver` callback) it forces no layout.
fn fit_and_measure(el: &web_sys::HtmlElement) -> Canvas {
    let inner = super::focus::window_height();
    let top = el.get_bounding_client_rect().top() + gloo::utils::window().scroll_y().unwrap_or(0.0);
    let scrollbar = f64::from(el.offset_height() - el.client_height()).max(0.0);
    let width = f64::from(el.client_width());
    // A bottom sheet (the details on a narrow screen) covers the window's bottom.
    let sheet = super::focus::bottom_sheet_top().map_or(0.0, |t| inner - t);
    // With a sheet, the page is scrolled to put the chart at the window's top (the
    // details do it when they open), so the chart fills what the sheet leaves.
    let room = if sheet > 0.0 {
        inner - sheet - 16.0
    } else {
        inner - top - 16.0
    };
    let room = room.max(240.0).floor();
    let want = format!("{room}px");
    let style = el.style();
    if style.get_property_value("max-height").ok().as_deref() != Some(want.as_str()) {
        let _ = style.set_property("max-height", &want);
    }
    Canvas::of_chart(width, room - scrollbar)
}

#[function_component(Timeline)]
pub fn timeline(props: &Props) -> Html {
    let l = &props.layout;
    let r = &props.data.roadmap;
    let selected = props.selected;
    let scroller = use_node_ref();
    // Labels of bars that began left of the visible area follow the scroll position.
    let scroll_left = use_state(|| 0.0f64);
    let scroll_top = use_state(|| 0.0f64);
    let focused = use_state_eq(|| None::<usize>);
    let header_stop = use_state_eq(|| 0usize);
    // The bars are one Tab stop (roving tabindex): the selection's bar, else the last
    // focused, else the first (the core's `tab_stop`).
    let last_focused = use_state_eq(|| None::<usize>);
    let stop = tab_stop(l, selected, *last_focused);
    // A bar an arrow key moved to that was not rendered yet (virtualized): focused
    // after the render that draws it.
    let pending_focus = use_mut_ref(|| None::<usize>);
    // Measured when the chart or the page around it changes size (a `ResizeObserver`,
    // whose callbacks run once layout is done, so measuring forces none), when the
    // window resizes, and when the details open or close (a bottom sheet covers the
    // window's bottom without resizing anything). Never after every render: reading
    // layout there forced one on every click (#27).
    let measure = {
        let (scroller, on_canvas) = (scroller.clone(), props.on_canvas.clone());
        // An equal size changes nothing: the screen keeps it with `use_state_eq`.
        use_memo((), move |_| {
            Rc::new(move || {
                if let Some(el) = scroller.cast::<web_sys::HtmlElement>() {
                    on_canvas.emit(fit_and_measure(&el));
                }
            }) as Rc<dyn Fn()>
        })
    };
    {
        let (scroller, measure) = (scroller.clone(), (*measure).clone());
        use_effect_with((), move |_| {
            let on_resize = {
                let measure = measure.clone();
                wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || measure())
            };
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, scroller.cast::<web_sys::Element>()) {
                o.observe(&el);
                // The chart's top moves when what is above it changes size.
                if let Some(main) = el.closest("main").ok().flatten() {
                    o.observe(&main);
                }
            }
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_resize);
                drop(listener);
            }
        });
    }
    {
        let measure = (*measure).clone();
        use_effect_with(selected.is_some(), move |_| measure());
    }
    {
        let scroller = scroller.clone();
        let scroll_left = scroll_left.clone();
        let left = initial_scroll(l, props.zoom);
        use_effect_with(props.zoom, move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                el.set_scroll_left(left as i32);
                scroll_left.set(f64::from(el.scroll_left()));
            }
        });
    }
    let virtualize = l.bars.len() > VIRTUALIZE_ABOVE;
    // Rendered rows (body y range) when virtualized; moved when the viewport nears an edge.
    let window = use_state(|| Viewport::span_around(0.0, 1000.0));
    let on_scroll = {
        let scroller = scroller.clone();
        let (scroll_left, scroll_top) = (scroll_left.clone(), scroll_top.clone());
        let window = window.clone();
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let x = f64::from(el.scroll_left());
                if (x - *scroll_left).abs() >= 24.0 || x == 0.0 {
                    scroll_left.set(x);
                }
                let top = f64::from(el.scroll_top());
                if (top - *scroll_top).abs() >= 8.0 || top == 0.0 {
                    scroll_top.set(top);
                }
                if virtualize {
                    let h = f64::from(el.client_height());
                    let top = top - AXIS_HEIGHT;
                    let (w0, w1) = *window;
                    if top < w0 + h / 16.0 && w0 > 0.0 || top + h > w1 - h / 16.0 {
                        window.set(Viewport::span_around(top, h));
                    }
                }
            }
        })
    };
    {
        // Frame the question: after a selection, a slip, the critical path, or a
        // change of what is drawn while one is asked, scroll so its initiatives are in
        // view (zooming out to `fit` when they cannot fit across at this zoom).
        let scroller = scroller.clone();
        let (window, scroll_left, scroll_top) =
            (window.clone(), scroll_left.clone(), scroll_top.clone());
        let (layout, focus, canvas, zoom) = (
            props.layout.clone(),
            props.focus.clone(),
            props.canvas,
            props.zoom,
        );
        let on_intent = props.on_intent.clone();
        let key = (
            focus.required.iter().copied().collect::<Vec<_>>(),
            selected,
            (l.width as i64, l.height as i64, l.bars.len()),
            (canvas.width as i64, canvas.height as i64),
        );
        use_effect_with(key, move |_| {
            // Nothing asked, nothing to frame (`frame` needs an anchor): reading the
            // scroll position would force a layout on every filter click (#27).
            if focus.required.is_empty() && selected.is_none() {
                return;
            }
            let Some(el) = scroller.cast::<web_sys::Element>() else {
                return;
            };
            let current = (f64::from(el.scroll_left()), f64::from(el.scroll_top()));
            let Some(f) = frame(&layout, &focus.required, selected, current, canvas, zoom) else {
                return;
            };
            if !f.fits_across {
                on_intent.emit(Intent::SetZoom(Zoom::Fit));
                return;
            }
            el.set_scroll_left(f.left as i32);
            el.set_scroll_top(f.top as i32);
            scroll_left.set(f64::from(el.scroll_left()));
            scroll_top.set(f64::from(el.scroll_top()));
            window.set(Viewport::span_around(f.top, canvas.height + AXIS_HEIGHT));
        });
    }
    let view_left = *scroll_left;
    // Columns too: rows of a big roadmap hold dozens of bars across three years.
    let viewport = if virtualize {
        let (top, bottom) = *window;
        let (left, right) =
            Viewport::span_around(view_left, props.canvas.width + props.canvas.labels);
        Viewport {
            top,
            bottom,
            left,
            right,
        }
    } else {
        Viewport::ALL
    };
    let mut drawn = l.bars_in(&viewport);
    // The Tab stop is always rendered, even when scrolled out of the rendered part.
    if let Some(b) = stop.and_then(|i| l.bar_of(i)) {
        if !drawn.iter().any(|d| d.init == b.init) {
            drawn.push(b);
        }
    }
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
        let (data, layout, canvas) = (props.data.clone(), props.layout.clone(), props.canvas);
        let (scroller, last_focused, pending) = (
            scroller.clone(),
            last_focused.clone(),
            pending_focus.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let Some(i) = bar_of(e.target()) else { return };
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                select(i);
                return;
            }
            let Some(s) = Step::from_key(&e.key(), e.ctrl_key() || e.meta_key()) else {
                return;
            };
            e.prevent_default();
            let Some(j) = step(&data.roadmap, &layout, i, s) else {
                return;
            };
            // Scroll the bar into view (the sticky axis and labels excluded), then
            // focus it without the browser's own scrolling.
            if let (Some(el), Some(bar)) = (scroller.cast::<web_sys::Element>(), layout.bar_of(j)) {
                let now = (f64::from(el.scroll_left()), f64::from(el.scroll_top()));
                let (left, top) = scroll_to_show(
                    bar,
                    now,
                    (canvas.width, canvas.height),
                    (layout.width, layout.height),
                );
                if (left, top) != now {
                    el.set_scroll_left(left as i32);
                    el.set_scroll_top(top as i32);
                }
            }
            last_focused.set(Some(j));
            if !focus_initiative(&scroller, &data.roadmap.initiatives[j].id) {
                *pending.borrow_mut() = Some(j);
            }
        })
    };
    {
        let (scroller, pending, data) =
            (scroller.clone(), pending_focus.clone(), props.data.clone());
        use_effect(move || {
            let want = *pending.borrow();
            if let Some(j) = want {
                if focus_initiative(&scroller, &data.roadmap.initiatives[j].id) {
                    *pending.borrow_mut() = None;
                }
            }
        });
    }
    // The lane headers, in drawing order, and the position of the one holding `target`.
    let headers_of = |svg: Option<web_sys::EventTarget>, target: Option<web_sys::EventTarget>| {
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
    };
    let on_headers_focus = {
        let header_stop = header_stop.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some((_, at)) = headers_of(e.current_target(), e.target()) {
                header_stop.set(at);
            }
        })
    };
    let on_headers_key = {
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
        let (bar_of, on_hover) = (bar_of.clone(), props.on_hover.clone());
        Callback::from(move |e: MouseEvent| {
            // Leaving for another bar: its mouseover sets the hover instead.
            if bar_of(e.related_target()).is_none() {
                on_hover.emit(None);
            }
        })
    };
    let on_bars_focus = {
        let (bar_of, focused, last_focused) =
            (bar_of.clone(), focused.clone(), last_focused.clone());
        Callback::from(move |e: FocusEvent| {
            let i = bar_of(e.target());
            focused.set(i);
            if i.is_some() {
                last_focused.set(i);
            }
        })
    };
    let on_bars_blur = {
        let focused = focused.clone();
        Callback::from(move |e: FocusEvent| {
            if bar_of(e.related_target()).is_none() {
                focused.set(None);
            }
        })
    };
    let bars = drawn.iter().map(|&b| {
        let init = &r.initiatives[b.init];
        let stage = &r.stages[init.stage];
        let ghost_label = b.ghost.then(|| place(r, b.init));
        let (label_x, label_w) = label_span(b, view_left);
        let full = bar_text(r, b.init, b.ghost);
        // The text drawn is the title cut to its box; the accessible name starts with it.
        let visible = fit_label(&full, label_w);
        let problem = problem_code(r, b.init);
        // The accessible name starts with the text drawn (WCAG 2.5.3), then the whole
        // title when the drawing cuts it.
        let shown = if visible == full { full.clone() } else { format!("{visible} {full}") };
        let mut name = accessible_label(r, b.init, &shown);
        if let Some((k, d)) = props.baseline.as_ref().and_then(|d| Some((d.comparison.kinds[b.init]?, d))) {
            name = format!("{name}, {}", crate::core::views::compare::since(k, &d.baseline.label));
        }
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
            (b.shape == Shape::Undated).then_some("undated"),
            problem.is_some().then_some("problem"),
            (selected == Some(b.init)).then_some("selected"),
            (props.hover == Some(b.init)).then_some("hovered"),
        );
        let outside = matches!(b.label.side, Side::Left | Side::Right);
        let before = b.label.side == Side::Left;
        html! {
            <BarView key={init.id.clone()} id={init.id.clone()} stage={stage.id.clone()}
                confidence={init.confidence} status={init.status} {class}
                ghost={ghost_label.map(AttrValue::from)}
                impact={impact.map(|i| (i.as_str(), AttrValue::from(i.distance().to_string())))}
                moved={moved.is_some()} new_end={moved.and_then(|m| m.end.or(m.start)).map(|d| AttrValue::from(d.to_string()))}
                {critical} confidential={init.confidential} selected={selected == Some(b.init)} {problem}
                stop={stop == Some(b.init)}
                change={props.baseline.as_ref().and_then(|d| d.comparison.kinds[b.init]).map(|k| k.as_str())}
                name={name} visible={visible} x={b.x} y={b.y} w={b.w} shape={b.shape} cut={b.cut}
                {label_x} {label_w} {outside} {before} />
        }
    });

    // Where slipped initiatives would land: a dashed ghost beside the planned bar.
    let slip_ghosts = drawn.iter().filter(|b| !b.ghost).filter_map(|&b| {
        let g = slip_ghost(l, b, props.analysis.moves[b.init].as_ref()?)?;
        Some(html! {
            <g class={classes!("slip-ghost", g.flagged.then_some("flagged"))} data-slip-ghost={r.initiatives[b.init].id.clone()}>
                <title>{ g.note }</title>
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
    let labels = props.canvas.labels;
    // The lane headers (stage toggles, folded rows) are one Tab stop too; Up and Down
    // move between them (the core's `step_in_list`).
    let headers = lanes_drawn()
        .filter(|lane| matches!(lane.kind, LaneKind::Stage { .. } | LaneKind::Fold { .. }))
        .count();
    let header_stop = (*header_stop).min(headers.saturating_sub(1));
    let mut header_at = 0usize;
    let mut header_tabindex = move || {
        header_at += 1;
        if header_at - 1 == header_stop {
            "0"
        } else {
            "-1"
        }
    };
    let lane_labels = lanes_drawn().map(|lane| match &lane.kind {
        LaneKind::Stage { stage, count, collapsed, name, .. } => {
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
            let header = lane.kind.header();
            html! {
                <g class={classes!("lane-stage", format!("stage-c{}", stage % 8))} data-stage-toggle={s.id.clone()} {onclick} {onkeydown}
                   role="button" tabindex={header_tabindex()} aria-expanded={(!collapsed).to_string()}>
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
            let (u1, u2) = (props.on_unfold.clone(), props.on_unfold.clone());
            let onclick = Callback::from(move |_: MouseEvent| u1.emit(()));
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    u2.emit(());
                }
            });
            html! {
                <g class="fold" role="button" tabindex={header_tabindex()} data-fold={initiatives.to_string()} {onclick} {onkeydown}>
                    <title>{ "Folded to frame the question: show every lane" }</title>
                    <rect class="fold-hit" x="0" y={lane.y.to_string()} width={labels.to_string()} height={FOLD_HEIGHT.to_string()} />
                    <text class="fold-label" x="12" y={(lane.y + 14.0).to_string()}>{ fit_label(&fold_text(*initiatives, *stages), labels - 16.0) }</text>
                </g>
            }
        }
    });
    let lane_stripes = lanes_drawn().map(|lane| match &lane.kind {
        LaneKind::Stage { .. } | LaneKind::Unscheduled { .. } => html! {
            <rect class="stage-stripe" x="0" y={lane.y.to_string()} width={width.to_string()} height={lane.kind.header().to_string()} />
        },
        LaneKind::Team { .. } => html! {
            <line class="team-rule" x1="0" x2={width.to_string()} y1={lane.y.to_string()} y2={lane.y.to_string()} />
        },
        LaneKind::Fold { places, .. } => {
            // Which stages the fold hides, where the reader looks along the row.
            html! {
                <g class="fold-row">
                    <rect class="fold-stripe" x="0" y={(lane.y + 3.0).to_string()} width={width.to_string()} height={(FOLD_HEIGHT - 6.0).to_string()} />
                    <text class="fold-places" x={(view_left + 8.0).to_string()} y={(lane.y + 14.0).to_string()}>
                        { fit_label(&fold_places(r, places), props.canvas.width - 16.0) }
                    </text>
                </g>
            }
        }
    });

    // The tooltip of the hovered, else the keyboard-focused, initiative. It is placed
    // through the CSSOM after rendering: a strict CSP (`style-src 'self'`) refuses
    // style attributes.
    let tip_ref = use_node_ref();
    let tip_at = props.hover.or(*focused).and_then(|i| l.bar_of(i)).map(|b| {
        let (left, top, below) = tooltip_at(b, view_left, *scroll_top, props.canvas);
        (b.init, left as i32, top as i32, below)
    });
    {
        let tip_ref = tip_ref.clone();
        use_effect_with(tip_at, move |at| {
            if let (Some((_, left, top, below)), Some(el)) =
                (at, tip_ref.cast::<web_sys::HtmlElement>())
            {
                let style = el.style();
                let _ = style.set_property("left", &format!("{left}px"));
                let _ = style.set_property("top", &format!("{top}px"));
                let _ = style.set_property(
                    "transform",
                    if *below { "none" } else { "translateY(-100%)" },
                );
            }
        });
    }
    let tip = tip_at.map(|(i, ..)| {
        let lines = tooltip(r, i);
        html! {
            <div class="tooltip" role="tooltip" data-tooltip={r.initiatives[i].id.clone()} ref={tip_ref.clone()}>
                { for lines.iter().enumerate().map(|(k, line)| html! {
                    <div class={if k == 0 { "tip-title" } else { "tip-line" }}>{ line }</div>
                }) }
            </div>
        }
    });
    let message = if l.bars.is_empty() {
        let clear = props.on_intent.reform(|_: MouseEvent| Intent::ClearAll);
        Some(html! {
            <div class="chart-message" data-chart-message="empty" role="status">
                <p>{ "No initiative matches these filters." }</p>
                if props.filtered {
                    <button type="button" class="seg" onclick={clear} data-clear-filters="">{ "Clear filters" }</button>
                }
            </div>
        })
    } else if props.deps == DepsMode::Violations && props.arrows.iter().all(|a| !a.violation) {
        Some(html! {
            <div class="chart-message note" data-chart-message="no-conflicts" role="status">
                { "No schedule conflicts among the initiatives shown." }
            </div>
        })
    } else {
        None
    };

    html! {
        <div class="timeline" data-zoom={props.zoom.as_str()} data-view="timeline" data-folded={l.folded.then_some("")}>
            <div class="tl-scroll" ref={scroller} onscroll={on_scroll} data-chart="timeline">
                <div class={classes!("tl-grid", (labels < LABEL_COLUMN).then_some("narrow"))}>
                    <div class="tl-corner"><span>{ format!("{} to {}", l.start.month_year(), l.end.month_year()) }</span></div>
                    <svg class="tl-axis" width={width.to_string()} height={AXIS_HEIGHT.to_string()} aria-hidden="true">
                        { for l.bands.iter().map(|b| html! {
                            <g class={classes!("band-head", format!("band-{}", b.horizon.as_str()))}>
                                <rect x={b.x0.to_string()} y="0" width={(b.x1 - b.x0).to_string()} height="20" />
                                <text x={(b.x0.max(0.0) + 8.0).to_string()} y="14">{ b.title }</text>
                            </g>
                        }) }
                        { for l.ticks.iter().map(|t| html! {
                            <g class={classes!("tick", t.year.then_some("year"))}>
                                <line x1={t.x.to_string()} x2={t.x.to_string()} y1="22" y2={AXIS_HEIGHT.to_string()} />
                                <text x={(t.x + 4.0).to_string()} y="42">{ &t.label }</text>
                            </g>
                        }) }
                        <g class="today">
                            <line x1={l.today_x.to_string()} x2={l.today_x.to_string()} y1="20" y2={AXIS_HEIGHT.to_string()} />
                            <text x={(l.today_x + 4.0).to_string()} y="30">{ "today" }</text>
                        </g>
                    </svg>
                    <svg class="tl-labels" width={labels.to_string()} height={height.to_string()} aria-label="Lanes"
                         onkeydown={on_headers_key} onfocusin={on_headers_focus}>
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
                        { for props.baseline.clone().map(|drawing| html! { <crate::components::BaselineLayer {drawing} data={props.data.clone()} /> }) }
                        <g class="bars" onclick={on_bars_click} onkeydown={on_bars_key}
                           onmouseover={on_bars_over} onmouseout={on_bars_out}
                           onfocusin={on_bars_focus} onfocusout={on_bars_blur}>{ for bars }</g>
                        <g class="arrows">{ for arrows }</g>
                    </svg>
                </div>
            </div>
            // A stable wrapper: yew matches unkeyed children from the end, so an
            // optional node after the scroller would replace it (and its scroll).
            <div class="tl-overlays">
                { for message }
                { for tip }
            </div>
        </div>
    }
}

/// Moves keyboard focus to an initiative's bar (the element carrying
/// `data-initiative`) inside the chart, without the browser scrolling (the caller
/// scrolled already); false when that bar is not rendered.
fn focus_initiative(scroller: &NodeRef, id: &str) -> bool {
    let css = format!("[data-initiative=\"{}\"]", id.replace('"', ""));
    let Some(el) = scroller
        .cast::<web_sys::Element>()
        .and_then(|s| s.query_selector(&css).ok().flatten())
    else {
        return false;
    };
    crate::components::focus(&el, true);
    true
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
    /// The bars' one Tab stop (`tabindex="0"`; the others `-1`, reached by arrow keys).
    stop: bool,
    /// The first problem's code, when the data has one for this initiative.
    problem: Option<&'static str>,
    /// How it changed since the baseline (`added|moved|changed`), when comparing.
    change: Option<&'static str>,
    name: AttrValue,
    visible: String,
    x: f64,
    y: f64,
    w: f64,
    shape: Shape,
    cut: (bool, bool),
    label_x: f64,
    label_w: f64,
    /// The label is beside the bar, not on it.
    outside: bool,
    /// It is before the bar: set flush against it (right-aligned).
    before: bool,
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
        Shape::Undated => html! {
            <rect class="shape chip-shape" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="11" />
        },
        _ => html! {
            <>
                <rect class="shape" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="4" />
                if p.confidence == Confidence::Medium {
                    <rect class="hatch" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="4" />
                }
                if p.shape == Shape::OpenEnded && !p.cut.1 {
                    <path class="open-end" d={format!("M{},{} l8,{} l-8,{}", x + w - 10.0, y + 3.0, h / 2.0 - 3.0, h / 2.0 - 3.0)} />
                }
                if p.status == Status::Cancelled {
                    <line class="strike" x1={x.to_string()} x2={(x + w).to_string()} y1={(y + h / 2.0).to_string()} y2={(y + h / 2.0).to_string()} />
                }
                if p.cut.0 {
                    <path class="cut-mark" d={format!("M{},{} l-4,{} l4,{}", x + 7.0, y + 5.0, h / 2.0 - 5.0, h / 2.0 - 5.0)} />
                }
                if p.cut.1 {
                    <path class="cut-mark" d={format!("M{},{} l4,{} l-4,{}", x + w - 7.0, y + 5.0, h / 2.0 - 5.0, h / 2.0 - 5.0)} />
                }
            </>
        },
    };
    // A ring around the bar marks what a question found (selected, upstream,
    // downstream, critical): drawn on the background, it shows on every stage colour.
    let ring = (p.selected || p.impact.is_some() || p.critical).then(|| {
        let (rx, rw) = if p.shape == Shape::Milestone { (x - 3.0, h + 6.0) } else { (x - 3.0, w + 6.0) };
        html! { <rect class="ring" x={rx.to_string()} y={(y - 3.0).to_string()} width={rw.to_string()} height={(h + 6.0).to_string()} rx="6" /> }
    });
    html! {
        <g class={p.class.clone()} data-initiative={p.id.clone()} data-stage={p.stage.clone()}
           data-confidence={p.confidence.as_str()} data-status={p.status.as_str()}
           data-ghost={p.ghost.clone()} tabindex={if p.stop { "0" } else { "-1" }} role="button"
           data-impact={p.impact.as_ref().map(|i| i.0)} data-distance={p.impact.as_ref().map(|i| i.1.clone())}
           data-moved={p.moved.then_some("")} data-new-end={p.new_end.clone()}
           data-critical={p.critical.then_some("")} data-confidential={p.confidential.then_some("")}
           data-problem={p.problem} data-change={p.change} data-undated={(p.shape == Shape::Undated).then_some("")}
           aria-label={p.name.clone()} aria-pressed={p.selected.to_string()}>
            { for ring }
            { shape }
            if p.problem.is_some() {
                <g class="problem-badge" aria-hidden="true">
                    <circle cx={x.to_string()} cy={y.to_string()} r="6" />
                    <text x={x.to_string()} y={(y + 3.5).to_string()} text-anchor="middle">{ "!" }</text>
                </g>
            }
            // A nested viewport clips the label to its box: cheaper to draw than a
            // clipPath per bar, and no ids to keep unique.
            <svg class={classes!("bar-label", p.outside.then_some("outside"))} x={(p.label_x - 2.0).to_string()} y={y.to_string()} width={(p.label_w - 4.0).max(0.0).to_string()} height={h.to_string()} aria-hidden="true">
                if p.outside { <rect class="label-hit" width="100%" height="100%" /> }
                if p.before {
                    <text x={(p.label_w - 8.0).max(0.0).to_string()} y="15" text-anchor="end">{ p.visible.clone() }</text>
                } else {
                    <text x="2" y="15">{ p.visible.clone() }</text>
                }
            </svg>
        </g>
    }
}
