//! What the graph draws: the whole drawing (one stage, or few enough nodes), the
//! stage overview when the whole does not fit, and, with a selection, the drawing
//! framed around it or its neighbourhood drawn (the core's `focus` rule). Each is
//! memoized on its inputs.

use super::{Props, GRAPH_LIMIT};
use crate::core::views::graph_view::fit::{self, View};
use crate::core::views::graph_view::{self, focus, GraphDrawing};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// The graph's drawing and how it came about.
pub struct Drawn {
    /// Initiatives the filters show, ghosts included.
    pub count: usize,
    /// One stage holds more than the graph draws without asking.
    pub too_big: bool,
    /// The reader asked to draw them all anyway.
    pub draw_all: UseStateHandle<bool>,
    /// The stage overview is drawn (`None` until the area is measured).
    pub overview: Option<bool>,
    pub drawing: Rc<GraphDrawing>,
    /// Where the view goes to frame the selection with its relations.
    pub framed_view: Option<View>,
    /// The selection's neighbourhood is drawn instead of the whole.
    pub focused: bool,
}

#[hook]
pub fn use_drawing(props: &Props, size: Option<(f64, f64)>) -> Drawn {
    let r = &props.data.roadmap;
    let count = props.visible.shown.len() + props.visible.ghosts.len();
    let stages: BTreeSet<usize> = props
        .visible
        .shown
        .iter()
        .map(|&i| r.initiatives[i].stage)
        .collect();
    let draw_all = use_state(|| false);
    let too_big = stages.len() <= 1 && count > GRAPH_LIMIT && !*draw_all;
    // The whole drawing, when it may be shown: one stage, or few enough nodes to try.
    let full = {
        let data = props.data.clone();
        let wanted = !too_big && (stages.len() <= 1 || count <= fit::OVERVIEW_ABOVE);
        use_memo(
            (
                props.visible.clone(),
                props.filter.clone(),
                props.group_by_stage,
                wanted,
            ),
            move |(v, filter, group, wanted)| {
                wanted.then(|| {
                    let shown = graph_view::shown(&data.roadmap, v, false, &BTreeSet::new(), None);
                    Rc::new(graph_view::draw(&data.roadmap, v, filter, &shown, *group))
                })
            },
        )
    };
    let overview = size.map(|(cw, ch)| {
        let whole = (*full).as_ref().map(|d| (d.width, d.height));
        fit::opens_on_overview(count, stages.len(), whole, cw, ch)
    });
    let base: Rc<GraphDrawing> = {
        let data = props.data.clone();
        let full = full.clone();
        let select = (overview == Some(true)).then_some(props.selected).flatten();
        (*use_memo(
            (
                props.visible.clone(),
                props.filter.clone(),
                props.group_by_stage,
                overview,
                props.expand.clone(),
                select,
            ),
            move |(v, filter, group, overview, expand, select)| match overview {
                Some(true) => {
                    let shown = graph_view::shown(&data.roadmap, v, true, expand, *select);
                    Rc::new(graph_view::draw(&data.roadmap, v, filter, &shown, *group))
                }
                Some(false) => (*full).clone().unwrap_or_default(),
                None => Rc::default(),
            },
        ))
        .clone()
    };
    // A selection: framed in the drawing as it is, or its neighbourhood drawn (the
    // core's rule, `focus`). Keyed by the drawing's inputs, the selection and the area.
    let framed = {
        let (data, base) = (props.data.clone(), base.clone());
        use_memo(
            (
                props.visible.clone(),
                props.filter.clone(),
                props.group_by_stage,
                overview,
                props.expand.clone(),
                props.selected,
                size,
            ),
            move |(v, filter, group, _, expand, selected, size)| {
                let (Some(sel), Some(area)) = (*selected, *size) else {
                    return (None, None);
                };
                let f = focus::frame_or_focus(
                    &data.roadmap,
                    v,
                    filter,
                    *group,
                    expand,
                    sel,
                    &base,
                    area,
                );
                (f.drawing.map(Rc::new), f.view)
            },
        )
    };
    let focused = framed.0.is_some();
    let drawing: Rc<GraphDrawing> = framed.0.clone().unwrap_or(base);
    Drawn {
        count,
        too_big,
        draw_all,
        overview,
        drawing,
        framed_view: framed.1,
        focused,
    }
}
