//! The bars: one `BarView` per drawn initiative, with the events of all of them
//! delegated to their group, and the slip ghosts.
//!
//! What a bar shows of the data (its text, accessible name, label box and fixed
//! classes) is computed once per layout, scroll column and baseline, and shared: a
//! hover or a selection re-renders only the bars whose marks (hovered, selected,
//! impact, critical, moved, Tab stop) change, and a new layout only the bars it
//! changed.

use super::Shared;
use crate::components::BaselineDrawing;
use crate::core::analysis::Analysis;
use crate::core::model::{Confidence, Status};
use crate::core::views::describe::{accessible_label, bar_text, place, problem_code};
use crate::core::views::intent::Intent;
use crate::core::views::timeline::{
    fit_label, label_span, scroll_to_show, slip_ghost, step, tab_stop, Bar, Canvas, Shape, Side,
    Step, TimelineLayout, Viewport, BAR_HEIGHT,
};
use crate::state::Loaded;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub layout: Shared<TimelineLayout>,
    pub analysis: Shared<Analysis>,
    pub baseline: Option<Rc<BaselineDrawing>>,
    pub selected: Option<usize>,
    pub hover: Option<usize>,
    pub viewport: Viewport,
    /// The visible part's left edge: labels of bars begun left of it follow it.
    pub view_left: f64,
    pub canvas: Canvas,
    /// The scrolling chart (arrow keys scroll the bar they move to into view).
    pub scroller: NodeRef,
    pub on_intent: Callback<Intent>,
    pub on_hover: Callback<Option<usize>>,
    /// The keyboard-focused bar, or none when focus left the bars.
    pub on_focus: Callback<Option<usize>>,
}

/// What a bar shows of the data, for one layout, scroll column and baseline.
#[derive(PartialEq)]
struct BarText {
    key: yew::virtual_dom::Key,
    id: AttrValue,
    stage: AttrValue,
    confidence: Confidence,
    status: Status,
    /// The classes that do not depend on the question asked.
    class: AttrValue,
    /// Where a ghost (context) bar belongs, as its `data-ghost`.
    ghost: Option<AttrValue>,
    confidential: bool,
    /// The first problem's code, when the data has one for this initiative.
    problem: Option<&'static str>,
    /// How it changed since the baseline (`added|moved|changed`), when comparing.
    change: Option<&'static str>,
    name: AttrValue,
    visible: AttrValue,
    x: f64,
    /// From the top of its lane (the lane's group is placed at the lane's top).
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

impl BarText {
    /// The text of bar `b`, drawn in a lane whose top is at `lane_y`.
    fn of(
        r: &crate::core::model::Roadmap,
        b: &Bar,
        lane_y: f64,
        view_left: f64,
        baseline: Option<&BaselineDrawing>,
    ) -> BarText {
        let init = &r.initiatives[b.init];
        let (label_x, label_w) = label_span(b, view_left);
        let full = bar_text(r, b.init, b.ghost);
        // The text drawn is the title cut to its box; the accessible name starts with
        // it (WCAG 2.5.3), then the whole title when the drawing cuts it.
        let visible = fit_label(&full, label_w);
        let shown = if visible == full {
            full.clone()
        } else {
            format!("{visible} {full}")
        };
        let mut name = accessible_label(r, b.init, &shown);
        let change = baseline.and_then(|d| Some((d.comparison.kinds[b.init]?, d)));
        if let Some((k, d)) = change {
            name = format!(
                "{name}, {}",
                crate::core::views::compare::since(k, &d.baseline.label)
            );
        }
        let problem = problem_code(r, b.init);
        let class = classes!(
            format!("stage-c{}", init.stage % 8),
            format!("conf-{}", init.confidence.as_str()),
            format!("status-{}", init.status.as_str()),
            b.ghost.then_some("ghost"),
            (b.shape == Shape::Undated).then_some("undated"),
            problem.is_some().then_some("problem"),
        );
        BarText {
            key: init.id.as_str().into(),
            id: init.id.clone().into(),
            stage: r.stages[init.stage].id.clone().into(),
            confidence: init.confidence,
            status: init.status,
            class: class.to_string().into(),
            ghost: b.ghost.then(|| place(r, b.init).into()),
            confidential: init.confidential,
            problem,
            change: change.map(|(k, _)| k.as_str()),
            name: name.into(),
            visible: visible.into(),
            x: b.x,
            y: b.y - lane_y,
            w: b.w,
            shape: b.shape,
            cut: b.cut,
            label_x,
            label_w,
            outside: matches!(b.label.side, Side::Left | Side::Right),
            before: b.label.side == Side::Left,
        }
    }
}

/// What the texts were computed for: the layout, the scroll column, the baseline.
type TextsKey = (Shared<TimelineLayout>, f64, Option<Rc<BaselineDrawing>>);

/// The bars' texts for one [`TextsKey`], computed for the bars as they are drawn, and
/// those of the key before: a bar whose text is the same in a new layout (a filter or
/// a fold that leaves it where it was) keeps the old `Shared`, so its `BarView` skips
/// its render and diff.
#[derive(Default)]
struct Texts {
    key: Option<TextsKey>,
    now: HashMap<usize, Shared<BarText>>,
    before: HashMap<usize, Shared<BarText>>,
}

impl Texts {
    /// Starts drawing for `key`: the texts of another key become the ones before.
    fn start(&mut self, key: TextsKey) {
        if self.key.as_ref() != Some(&key) {
            self.before = std::mem::take(&mut self.now);
            self.key = Some(key);
        }
    }

    fn get(&mut self, init: usize, make: impl FnOnce() -> BarText) -> Shared<BarText> {
        if let Some(t) = self.now.get(&init) {
            return t.clone();
        }
        let text = make();
        let shared = match self.before.get(&init) {
            Some(old) if **old == text => old.clone(),
            _ => Shared::new(text),
        };
        self.now.insert(init, shared.clone());
        shared
    }
}

/// What a question marks on a bar.
#[derive(Clone, PartialEq)]
struct Marks {
    /// The impact mark and its distance.
    impact: Option<(&'static str, AttrValue)>,
    moved: bool,
    new_end: Option<AttrValue>,
    critical: bool,
    selected: bool,
    hovered: bool,
    /// The bars' one Tab stop (`tabindex="0"`; the others `-1`, reached by arrow keys).
    stop: bool,
}

#[function_component(Bars)]
pub fn bars(p: &Props) -> Html {
    let r = &p.data.roadmap;
    let l = &p.layout;
    // The bars are one Tab stop (roving tabindex): the selection's bar, else the last
    // focused, else the first (the core's `tab_stop`).
    let last_focused = use_state_eq(|| None::<usize>);
    let stop = tab_stop(l, p.selected, *last_focused);
    // A bar an arrow key moved to that was not rendered yet (virtualized): focused
    // after the render that draws it.
    let pending_focus = use_mut_ref(|| None::<usize>);
    let texts = use_mut_ref(Texts::default);
    texts
        .borrow_mut()
        .start((l.clone(), p.view_left, p.baseline.clone()));
    let mut drawn = l.bars_in(&p.viewport);
    // The Tab stop is always rendered, even when scrolled out of the rendered part.
    if let Some(b) = stop.and_then(|i| l.bar_of(i)) {
        if !drawn.iter().any(|d| d.init == b.init) {
            drawn.push(b);
        }
    }
    let handlers = use_handlers(p, last_focused, pending_focus.clone());
    {
        let (scroller, pending, data) = (p.scroller.clone(), pending_focus, p.data.clone());
        use_effect(move || {
            let want = *pending.borrow();
            if let Some(j) = want {
                if focus_initiative(&scroller, &data.roadmap.initiatives[j].id) {
                    *pending.borrow_mut() = None;
                }
            }
        });
    }
    let a = &p.analysis;
    let bar = |b: &Bar, lane_y: f64| {
        let text = texts.borrow_mut().get(b.init, || {
            BarText::of(r, b, lane_y, p.view_left, p.baseline.as_deref())
        });
        let moved = a.moves[b.init].as_ref();
        let marks = Marks {
            impact: a.impact[b.init]
                .map(|i| (i.as_str(), AttrValue::from(i.distance().to_string()))),
            moved: moved.is_some(),
            new_end: moved
                .and_then(|m| m.end.or(m.start))
                .map(|d| AttrValue::from(d.to_string())),
            critical: a.critical.contains(&b.init),
            selected: p.selected == Some(b.init),
            hovered: p.hover == Some(b.init),
            stop: stop == Some(b.init),
        };
        (text, marks)
    };
    // One group per lane, placed at the lane's top: a filter or a fold that moves a
    // lane up or down changes its group's place and none of its bars.
    let lanes = l.by_lane(&drawn).into_iter().map(|(lane, bars)| {
        let y = l.lanes[lane].y;
        let bars: Vec<(Shared<BarText>, Marks)> = bars.iter().map(|b| bar(b, y)).collect();
        html! { <LaneBars key={l.lane_key(lane)} {y} {bars} /> }
    });
    html! {
        <g class="bars" onclick={handlers.click} onkeydown={handlers.key}
           onmouseover={handlers.over} onmouseout={handlers.out}
           onfocusin={handlers.focus} onfocusout={handlers.blur}>{ for lanes }</g>
    }
}

#[derive(Properties, PartialEq)]
struct LaneProps {
    /// The lane's top.
    y: f64,
    bars: Vec<(Shared<BarText>, Marks)>,
}

/// One lane's bars, in a group at the lane's top: re-rendered when one of its bars'
/// text or marks changes (then only those bars are), or when the lane moves.
#[function_component(LaneBars)]
fn lane_bars(p: &LaneProps) -> Html {
    html! {
        <g class="lane-bars" transform={format!("translate(0,{})", p.y)}>
            { for p.bars.iter().map(|(text, marks)| {
                html! { <BarView key={text.key.clone()} text={text.clone()} marks={marks.clone()} /> }
            }) }
        </g>
    }
}

/// The bars' group's event handlers (one set for all bars: event delegation, the bar
/// being the target's closest `[data-initiative]`).
struct Handlers {
    click: Callback<MouseEvent>,
    key: Callback<KeyboardEvent>,
    over: Callback<MouseEvent>,
    out: Callback<MouseEvent>,
    focus: Callback<FocusEvent>,
    blur: Callback<FocusEvent>,
}

#[hook]
fn use_handlers(
    p: &Props,
    last_focused: UseStateHandle<Option<usize>>,
    pending: Rc<RefCell<Option<usize>>>,
) -> Handlers {
    let bar_of = {
        let data = p.data.clone();
        move |target: Option<web_sys::EventTarget>| -> Option<usize> {
            let target: web_sys::Element = target?.dyn_into().ok()?;
            let bar = target.closest("[data-initiative]").ok()??;
            data.roadmap.find(&bar.get_attribute("data-initiative")?)
        }
    };
    // Selects initiative `i`, or clears the selection if it is the selected one.
    let select = {
        let (on_intent, data) = (p.on_intent.clone(), p.data.clone());
        Rc::new(move |i: usize| {
            on_intent.emit(Intent::ToggleSelect(data.roadmap.initiatives[i].id.clone()))
        })
    };
    let click = {
        let (bar_of, select) = (bar_of.clone(), select.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = bar_of(e.target()) {
                select(i);
            }
        })
    };
    let key = {
        let bar_of = bar_of.clone();
        // Neighbours are looked up on the key press, not for every bar on render.
        let (data, layout, canvas) = (p.data.clone(), p.layout.clone(), p.canvas);
        let (scroller, last_focused) = (p.scroller.clone(), last_focused.clone());
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
    let over = {
        let (bar_of, on_hover, hover) = (bar_of.clone(), p.on_hover.clone(), p.hover);
        Callback::from(move |e: MouseEvent| {
            let i = bar_of(e.target());
            if i.is_some() && i != hover {
                on_hover.emit(i);
            }
        })
    };
    let out = {
        let (bar_of, on_hover) = (bar_of.clone(), p.on_hover.clone());
        Callback::from(move |e: MouseEvent| {
            // Leaving for another bar: its mouseover sets the hover instead.
            if bar_of(e.related_target()).is_none() {
                on_hover.emit(None);
            }
        })
    };
    let focus = {
        let (bar_of, on_focus) = (bar_of.clone(), p.on_focus.clone());
        Callback::from(move |e: FocusEvent| {
            let i = bar_of(e.target());
            on_focus.emit(i);
            if i.is_some() {
                last_focused.set(i);
            }
        })
    };
    let blur = {
        let on_focus = p.on_focus.clone();
        Callback::from(move |e: FocusEvent| {
            if bar_of(e.related_target()).is_none() {
                on_focus.emit(None);
            }
        })
    };
    Handlers {
        click,
        key,
        over,
        out,
        focus,
        blur,
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
    text: Shared<BarText>,
    marks: Marks,
}

/// One bar: a bar whose text and marks did not change skips its render and diff.
#[function_component(BarView)]
fn bar_view(p: &BarProps) -> Html {
    let (t, m) = (&*p.text, &p.marks);
    let (x, y, w, h) = (t.x, t.y, t.w, BAR_HEIGHT);
    let shape = match t.shape {
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
                if t.confidence == Confidence::Medium {
                    <rect class="hatch" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="4" />
                }
                if t.shape == Shape::OpenEnded && !t.cut.1 {
                    <path class="open-end" d={format!("M{},{} l8,{} l-8,{}", x + w - 10.0, y + 3.0, h / 2.0 - 3.0, h / 2.0 - 3.0)} />
                }
                if t.status == Status::Cancelled {
                    <line class="strike" x1={x.to_string()} x2={(x + w).to_string()} y1={(y + h / 2.0).to_string()} y2={(y + h / 2.0).to_string()} />
                }
                if t.cut.0 {
                    <path class="cut-mark" d={format!("M{},{} l-4,{} l4,{}", x + 7.0, y + 5.0, h / 2.0 - 5.0, h / 2.0 - 5.0)} />
                }
                if t.cut.1 {
                    <path class="cut-mark" d={format!("M{},{} l4,{} l-4,{}", x + w - 7.0, y + 5.0, h / 2.0 - 5.0, h / 2.0 - 5.0)} />
                }
            </>
        },
    };
    // A ring around the bar marks what a question found (selected, upstream,
    // downstream, critical): drawn on the background, it shows on every stage colour.
    let ring = (m.selected || m.impact.is_some() || m.critical).then(|| {
        let (rx, rw) = if t.shape == Shape::Milestone { (x - 3.0, h + 6.0) } else { (x - 3.0, w + 6.0) };
        html! { <rect class="ring" x={rx.to_string()} y={(y - 3.0).to_string()} width={rw.to_string()} height={(h + 6.0).to_string()} rx="6" /> }
    });
    let class = classes!(
        "bar",
        m.impact.as_ref().map(|i| format!("impact-{}", i.0)),
        m.critical.then_some("critical"),
        t.class.clone(),
        m.selected.then_some("selected"),
        m.hovered.then_some("hovered"),
    );
    html! {
        <g {class} data-initiative={t.id.clone()} data-stage={t.stage.clone()}
           data-confidence={t.confidence.as_str()} data-status={t.status.as_str()}
           data-ghost={t.ghost.clone()} tabindex={if m.stop { "0" } else { "-1" }} role="button"
           data-impact={m.impact.as_ref().map(|i| i.0)} data-distance={m.impact.as_ref().map(|i| i.1.clone())}
           data-moved={m.moved.then_some("")} data-new-end={m.new_end.clone()}
           data-critical={m.critical.then_some("")} data-confidential={t.confidential.then_some("")}
           data-problem={t.problem} data-change={t.change} data-undated={(t.shape == Shape::Undated).then_some("")}
           aria-label={t.name.clone()} aria-pressed={m.selected.to_string()}>
            { for ring }
            { shape }
            if t.problem.is_some() {
                <g class="problem-badge" aria-hidden="true">
                    <circle cx={x.to_string()} cy={y.to_string()} r="6" />
                    <text x={x.to_string()} y={(y + 3.5).to_string()} text-anchor="middle">{ "!" }</text>
                </g>
            }
            // A nested viewport clips the label to its box: cheaper to draw than a
            // clipPath per bar, and no ids to keep unique.
            <svg class={classes!("bar-label", t.outside.then_some("outside"))} x={(t.label_x - 2.0).to_string()} y={y.to_string()} width={(t.label_w - 4.0).max(0.0).to_string()} height={h.to_string()} aria-hidden="true">
                if t.outside { <rect class="label-hit" width="100%" height="100%" /> }
                if t.before {
                    <text x={(t.label_w - 8.0).max(0.0).to_string()} y="15" text-anchor="end">{ t.visible.clone() }</text>
                } else {
                    <text x="2" y="15">{ t.visible.clone() }</text>
                }
            </svg>
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub struct GhostsProps {
    pub data: Rc<Loaded>,
    pub layout: Shared<TimelineLayout>,
    pub analysis: Shared<Analysis>,
    pub viewport: Viewport,
}

/// Where slipped initiatives would land: a dashed ghost beside the planned bar.
#[function_component(SlipGhosts)]
pub fn slip_ghosts(p: &GhostsProps) -> Html {
    let r = &p.data.roadmap;
    let l = &p.layout;
    if p.analysis.moves.iter().all(Option::is_none) {
        return Html::default();
    }
    let ghosts = l.bars_in(&p.viewport).into_iter().filter(|b| !b.ghost).filter_map(|b| {
        let g = slip_ghost(l, b, p.analysis.moves[b.init].as_ref()?)?;
        Some(html! {
            <g class={classes!("slip-ghost", g.flagged.then_some("flagged"))} data-slip-ghost={r.initiatives[b.init].id.clone()}>
                <title>{ g.note }</title>
                <rect x={g.x.to_string()} y={(g.y + 4.0).to_string()} width={g.w.to_string()} height={(BAR_HEIGHT - 4.0).to_string()} rx="4" />
                <text x={(g.x + g.w + 4.0).to_string()} y={(g.y + 15.0).to_string()}>{ g.label }</text>
            </g>
        })
    });
    html! { <>{ for ghosts }</> }
}
