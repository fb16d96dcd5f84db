//! The baseline on the timeline: each moved initiative's old place as a thin outline
//! under its bar with its shift ("+6 w"), and each removed initiative as a
//! struck-through ghost at its old dates (the core's `timeline::baseline_marks`).

use crate::core::views::compare::Comparison;
use crate::core::views::timeline::{fit_label, BaselineMarks, OUTLINE_HEIGHT};
use crate::state::{Baseline, Loaded};
use std::rc::Rc;
use yew::prelude::*;

/// What the timeline needs to draw a baseline.
pub struct BaselineDrawing {
    pub marks: BaselineMarks,
    pub comparison: Rc<Comparison>,
    pub baseline: Rc<Baseline>,
}

impl PartialEq for BaselineDrawing {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub drawing: Rc<BaselineDrawing>,
    /// The roadmap shown.
    pub data: Rc<Loaded>,
}

#[function_component(BaselineLayer)]
pub fn baseline_layer(p: &Props) -> Html {
    let (head, base) = (&p.data.roadmap, &p.drawing.baseline.data.roadmap);
    let label = &p.drawing.baseline.label;
    let outlines = p.drawing.marks.outlines.iter().map(|o| {
        let id = &head.initiatives[o.init].id;
        html! {
            <g class="baseline-outline" data-baseline={id.clone()}>
                <title>{ format!("In {label}: {} ({})", base_dates(base, id), o.shift) }</title>
                <rect x={o.x.to_string()} y={o.y.to_string()} width={o.w.to_string()} height={OUTLINE_HEIGHT.to_string()} rx="1" />
                <text x={o.label_x.to_string()} y={(o.y + OUTLINE_HEIGHT + 2.5).to_string()}
                    text-anchor={if o.label_before { "end" } else { "start" }}>{ &o.shift }</text>
            </g>
        }
    });
    let removed = p.drawing.marks.removed.iter().map(|g| {
        let init = &base.initiatives[g.init];
        html! {
            <g class="baseline-removed" data-change="removed" data-removed={init.id.clone()}>
                <title>{ format!("Removed since {label}: {} ({})", init.title, base_dates(base, &init.id)) }</title>
                <rect x={g.x.to_string()} y={g.y.to_string()} width={g.w.to_string()} height={g.h.to_string()} rx="4" />
                <line x1={g.x.to_string()} x2={(g.x + g.w).to_string()} y1={(g.y + g.h / 2.0).to_string()} y2={(g.y + g.h / 2.0).to_string()} />
                <text x={(g.x + 4.0).to_string()} y={(g.y + g.h / 2.0 + 4.0).to_string()}>{ fit_label(&init.title, g.w.max(160.0)) }</text>
            </g>
        }
    });
    html! {
        <g class="baseline-layer" aria-hidden="true">
            { for outlines }
            { for removed }
        </g>
    }
}

/// "2026-02-01 to 2026-03-31", as the baseline had it.
fn base_dates(base: &crate::core::Roadmap, id: &str) -> String {
    let Some(i) = base.find(id).map(|i| &base.initiatives[i]) else {
        return String::new();
    };
    match (i.start, i.end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (None, Some(e)) => format!("ends {e}"),
        (Some(s), None) => format!("from {s}"),
        (None, None) => "undated".into(),
    }
}
