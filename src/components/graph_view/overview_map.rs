//! The overview map in the graph's corner: every node as a dot, the part in view as
//! a frame; a click there moves the view to it.

use crate::components::Shared;
use crate::core::views::graph_view::fit::{self, View};
use crate::core::views::graph_view::{GraphDrawing, NODE_H, OVERVIEW_MAP_W};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub drawing: Shared<GraphDrawing>,
    pub view: View,
    /// The drawing area's size.
    pub area: (f64, f64),
    pub on_view: Callback<View>,
}

#[function_component(OverviewMap)]
pub fn overview_map(p: &Props) -> Html {
    let (w, h) = (p.drawing.width, p.drawing.height);
    let (cw, ch) = p.area;
    let Some(part) = fit::visible_part(p.view, w, h, cw, ch) else {
        return Html::default();
    };
    let s = OVERVIEW_MAP_W / w.max(1.0);
    let (mw, mh) = (OVERVIEW_MAP_W, (h * s).min(OVERVIEW_MAP_W));
    let s = s.min(mh / h.max(1.0));
    let onclick = {
        let (view, on_view) = (p.view, p.on_view.clone());
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            let (dx, dy) = (e.offset_x() as f64 / s, e.offset_y() as f64 / s);
            on_view.emit(View {
                x: cw / 2.0 - dx * view.k,
                y: ch / 2.0 - dy * view.k,
                k: view.k,
            });
        })
    };
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    html! {
        <svg class="g-overview-map" data-overview-map="" width={format!("{mw:.0}")} height={format!("{mh:.0}")}
             role="img" aria-label="Overview map: the part of the graph in view" {onclick} onmousedown={stop}>
            <rect class="g-map-bg" x="0" y="0" width={format!("{mw:.0}")} height={format!("{mh:.0}")} />
            { for p.drawing.nodes.iter().map(|n| html! {
                <rect class="g-map-node" x={format!("{:.1}", (n.x - n.w / 2.0) * s)} y={format!("{:.1}", (n.y - NODE_H / 2.0) * s)}
                    width={format!("{:.1}", n.w * s)} height={format!("{:.1}", NODE_H * s)} />
            }) }
            <rect class="g-map-view" x={format!("{:.1}", part.0 * s)} y={format!("{:.1}", part.1 * s)}
                width={format!("{:.1}", part.2 * s)} height={format!("{:.1}", part.3 * s)} />
        </svg>
    }
}
