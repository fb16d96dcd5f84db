//! What the timeline draws over its lanes and bars: the dependency arrows, the
//! tooltip of the hovered or focused bar, and the chart's messages (nothing matches
//! the filters; no schedule conflicts).

use super::Shared;
use crate::core::views::describe::tooltip;
use crate::core::views::intent::Intent;
use crate::core::views::timeline::{tooltip_at, Arrow, Bar, Canvas, TimelineLayout, Viewport};
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArrowsProps {
    pub data: Rc<Loaded>,
    pub layout: Shared<TimelineLayout>,
    pub arrows: Shared<Vec<Arrow>>,
    pub viewport: Viewport,
}

/// The arrows reaching into the rendered part, drawn over the bars.
#[function_component(Arrows)]
pub fn arrows(p: &ArrowsProps) -> Html {
    let r = &p.data.roadmap;
    let arrows = p.arrows.iter().filter(|a| p.layout.arrow_in(a, &p.viewport)).map(|a| {
        let edge = format!("{}->{}", r.initiatives[a.from].id, r.initiatives[a.to].id);
        let marker = if a.violation { "url(#arrow-violation)" } else { "url(#arrow)" };
        html! {
            <path class={classes!("arrow", a.violation.then_some("violation"))} d={a.path.clone()} marker-end={marker}
                data-edge={edge} data-violation={a.violation.then_some("")} />
        }
    });
    html! { <g class="arrows">{ for arrows }</g> }
}

#[derive(Properties, PartialEq)]
pub struct TooltipProps {
    pub data: Rc<Loaded>,
    /// The hovered, else the keyboard-focused, initiative's bar.
    pub bar: Option<Bar>,
    pub view_left: f64,
    pub view_top: f64,
    pub canvas: Canvas,
}

/// The tooltip of a bar. It is placed through the CSSOM after rendering: a strict CSP
/// (`style-src 'self'`) refuses style attributes.
#[function_component(Tooltip)]
pub fn tooltip_view(p: &TooltipProps) -> Html {
    let tip_ref = use_node_ref();
    let at = p.bar.as_ref().map(|b| {
        let (left, top, below) = tooltip_at(b, p.view_left, p.view_top, p.canvas);
        (b.init, left as i32, top as i32, below)
    });
    {
        let tip_ref = tip_ref.clone();
        use_effect_with(at, move |at| {
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
    let Some((i, ..)) = at else {
        return Html::default();
    };
    let r = &p.data.roadmap;
    let lines = tooltip(r, i);
    html! {
        <div class="tooltip" role="tooltip" data-tooltip={r.initiatives[i].id.clone()} ref={tip_ref}>
            { for lines.iter().enumerate().map(|(k, line)| html! {
                <div class={if k == 0 { "tip-title" } else { "tip-line" }}>{ line }</div>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MessageProps {
    /// No bar is drawn.
    pub empty: bool,
    /// Any filter is on (the empty state offers to clear them).
    pub filtered: bool,
    /// Only schedule conflicts are asked for, and there are none.
    pub no_conflicts: bool,
    pub on_intent: Callback<Intent>,
}

/// Says why the chart is empty, or that there are no conflicts to show.
#[function_component(ChartMessage)]
pub fn chart_message(p: &MessageProps) -> Html {
    if p.empty {
        let clear = p.on_intent.reform(|_: MouseEvent| Intent::ClearAll);
        html! {
            <div class="chart-message" data-chart-message="empty" role="status">
                <p>{ "No initiative matches these filters." }</p>
                if p.filtered {
                    <button type="button" class="seg" onclick={clear} data-clear-filters="">{ "Clear filters" }</button>
                }
            </div>
        }
    } else if p.no_conflicts {
        html! {
            <div class="chart-message note" data-chart-message="no-conflicts" role="status">
                { "No schedule conflicts among the initiatives shown." }
            </div>
        }
    } else {
        Html::default()
    }
}
