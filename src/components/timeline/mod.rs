//! The timeline: an SVG drawing of the core's `TimelineLayout`: horizon bands,
//! gridlines, the today line, lanes per stage and team, bars with their labels, the
//! Unscheduled lane's chips, and the dependency arrows. Lane labels and the time axis
//! stay visible while scrolling. It measures the chart for the core (`fit` fills
//! it), scrolls to the frame the core computes after each question, and shows a
//! tooltip for the hovered or focused bar.
//!
//! One component per layer, each re-rendered only when its own props change (#27):
//!
//! - `chart`: the hooks of the scrolling chart: measuring it (`use_measure`), its
//!   scroll position and rendered window (`use_scroll`), the scroll a zoom starts at
//!   (`use_zoom_start`) and framing each question (`use_framing`);
//! - `axis`: the time axis and the body's grid (bands, gridlines), static: drawn as one
//!   piece of markup each;
//! - `lanes`: the lane labels (stage toggles, folded rows, teams) and the lanes'
//!   stripes;
//! - `bars`: the bars (one component each, their text computed once per layout) and
//!   the slip ghosts;
//! - `overlays`: the arrows, the tooltip and the chart's messages;
//! - the baseline's and the drift's layers (`BaselineLayer`, `DriftLayer`), when on.
//!
//! A hover re-renders the bars layer (two bars change), the arrows and the tooltip;
//! the axis, the grid and the lanes keep their last drawing.

mod axis;
mod bars;
mod chart;
pub use chart::Measure;
mod lanes;
mod overlays;

// The static layers' markup, also drawn on printed pages (#31).
pub(crate) use axis::{axis_markup, grid_markup};

use super::Shared;
use crate::core::analysis::Analysis;
use crate::core::views::intent::Intent;
use crate::core::views::timeline::{
    Arrow, Canvas, DepsMode, Focus, TimelineLayout, Zoom, LABEL_COLUMN, VIRTUALIZE_ABOVE,
};
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub selected: Option<usize>,
    pub hover: Option<usize>,
    pub zoom: Zoom,
    pub deps: DepsMode,
    pub layout: Shared<TimelineLayout>,
    pub arrows: Shared<Vec<Arrow>>,
    pub analysis: Shared<Analysis>,
    /// What the question asked is about: its required part is framed after each
    /// question.
    pub focus: Shared<Focus>,
    /// The chart's size the layout was made for.
    pub canvas: Canvas,
    /// Any filter is on (the empty state offers to clear them).
    pub filtered: bool,
    pub on_canvas: Callback<Measure>,
    pub on_intent: Callback<Intent>,
    pub on_hover: Callback<Option<usize>>,
    pub on_toggle_stage: Callback<usize>,
    /// Show every lane for the question asked (a folded row was clicked).
    pub on_unfold: Callback<()>,
    /// The comparison with a baseline, when it is on.
    #[prop_or_default]
    pub baseline: Option<Rc<crate::components::BaselineDrawing>>,
    /// The drift trails (`drift=1` with the build's history).
    #[prop_or_default]
    pub drift: Option<Shared<Vec<crate::core::views::timeline::Trail>>>,
}

#[function_component(Timeline)]
pub fn timeline(props: &Props) -> Html {
    let l = &props.layout;
    let scroller = use_node_ref();
    chart::use_measure(&scroller, &props.on_canvas, props.selected.is_some());
    let virtualize = l.bars.len() > VIRTUALIZE_ABOVE;
    let scroll = chart::use_scroll(&scroller, virtualize);
    chart::use_zoom_start(&scroller, &scroll, l, props.zoom);
    chart::use_framing(
        &scroller,
        &scroll,
        chart::Question {
            layout: props.layout.clone(),
            focus: props.focus.clone(),
            selected: props.selected,
            canvas: props.canvas,
            zoom: props.zoom,
            on_intent: props.on_intent.clone(),
        },
    );
    // The keyboard-focused bar (its tooltip shows like a hovered one's).
    let focused = use_state_eq(|| None::<usize>);
    let on_focus = {
        let setter = focused.setter();
        use_memo((), move |_| Callback::from(move |i| setter.set(i)))
    };
    let viewport = scroll.viewport(virtualize, props.canvas);
    let view_left = *scroll.left;
    let labels = props.canvas.labels;
    let (width, height) = (l.width.max(1.0), l.height.max(1.0));
    let tip = props.hover.or(*focused);

    html! {
        <div class="timeline" data-zoom={props.zoom.as_str()} data-view="timeline" data-folded={l.folded.then_some("")}>
            <div class="tl-scroll" ref={scroller.clone()} onscroll={scroll.on_scroll.clone()} data-chart="timeline">
                <div class={classes!("tl-grid", (labels < LABEL_COLUMN).then_some("narrow"))}>
                    <div class="tl-corner"><span>{ format!("{} to {}", l.start.month_year(), l.end.month_year()) }</span></div>
                    <axis::Axis layout={l.clone()} />
                    <lanes::LaneLabels data={props.data.clone()} layout={l.clone()} rows={(viewport.top, viewport.bottom)}
                        {labels} on_toggle_stage={props.on_toggle_stage.clone()} on_unfold={props.on_unfold.clone()} />
                    <svg class="tl-body" width={width.to_string()} height={height.to_string()} role="group" aria-label="Initiatives over time">
                        <axis::Grid layout={l.clone()} />
                        <lanes::LaneStripes data={props.data.clone()} layout={l.clone()} rows={(viewport.top, viewport.bottom)}
                            {view_left} text_width={props.canvas.width - 16.0} />
                        <line class="today-line" x1={l.today_x.to_string()} x2={l.today_x.to_string()} y1="0" y2={height.to_string()} />
                        <bars::SlipGhosts data={props.data.clone()} layout={l.clone()} analysis={props.analysis.clone()} {viewport} />
                        { for props.baseline.clone().map(|drawing| html! { <crate::components::BaselineLayer {drawing} data={props.data.clone()} /> }) }
                        { for props.drift.clone().map(|trails| html! { <crate::components::DriftLayer {trails} data={props.data.clone()} /> }) }
                        <bars::Bars data={props.data.clone()} layout={l.clone()} analysis={props.analysis.clone()}
                            baseline={props.baseline.clone()} selected={props.selected} hover={props.hover} {viewport} {view_left}
                            canvas={props.canvas} scroller={scroller.clone()} on_intent={props.on_intent.clone()}
                            on_hover={props.on_hover.clone()} on_focus={(*on_focus).clone()} />
                        <overlays::Arrows data={props.data.clone()} layout={l.clone()} arrows={props.arrows.clone()} {viewport} />
                    </svg>
                </div>
            </div>
            // A stable wrapper: yew matches unkeyed children from the end, so an
            // optional node after the scroller would replace it (and its scroll).
            <div class="tl-overlays">
                <overlays::ChartMessage empty={l.bars.is_empty()} filtered={props.filtered}
                    no_conflicts={props.deps == DepsMode::Violations && props.arrows.iter().all(|a| !a.violation)}
                    on_intent={props.on_intent.clone()} />
                <overlays::Tooltip data={props.data.clone()} bar={tip.and_then(|i| l.bar_of(i)).cloned()}
                    {view_left} view_top={*scroll.top} canvas={props.canvas} />
            </div>
        </div>
    }
}
