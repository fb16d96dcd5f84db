//! Bar labels that follow the scroll position, and where the timeline opens.

use super::{Bar, Canvas, Side, TimelineLayout, Zoom, AXIS_HEIGHT, BAR_HEIGHT};
use crate::core::model::Roadmap;

/// Where a bar's label starts and how wide it may be, when the timeline is scrolled
/// to `view_left`: a bar with its label inside that began before that keeps its
/// label in view.
pub fn label_span(bar: &Bar, view_left: f64) -> (f64, f64) {
    let l = &bar.label;
    let on_bar = matches!(l.side, Side::Inside | Side::Cut);
    if on_bar && bar.x < view_left && bar.x + bar.w - view_left > 60.0 {
        (view_left + 6.0, bar.x + bar.w - view_left)
    } else if on_bar && bar.cut.0 {
        // Clear of the mark saying the bar began earlier.
        (l.x + 14.0, l.w - 8.0)
    } else {
        (l.x + 6.0, l.w)
    }
}

/// Where the timeline opens: `fit` shows everything from the start; other zooms open
/// on today, with a little of the past in view.
pub fn initial_scroll(layout: &TimelineLayout, zoom: Zoom) -> f64 {
    if zoom == Zoom::Fit {
        0.0
    } else {
        (layout.today_x - 60.0).max(0.0)
    }
}

/// The label of a folded run of lanes: "⋯ 37 more in 3 stages · show".
pub fn fold_text(initiatives: usize, stages: usize) -> String {
    let what = if initiatives == 1 {
        "initiative"
    } else {
        "initiatives"
    };
    match stages {
        0 => format!("⋯ {initiatives} more {what} · show"),
        1 => format!("⋯ {initiatives} more in 1 stage · show"),
        n => format!("⋯ {initiatives} more in {n} stages · show"),
    }
}

/// What a folded run hides, along its row: "folded: Dedicated · Undated" (a
/// place of `usize::MAX` is the Unscheduled lane).
pub fn fold_places(roadmap: &Roadmap, places: &[usize]) -> String {
    let names: Vec<&str> = places
        .iter()
        .map(|&p| roadmap.stages.get(p).map_or("Undated", |s| s.name.as_str()))
        .collect();
    format!("folded: {}", names.join(" · "))
}

/// Where a bar's tooltip goes in the chart's box (left, top, and whether it is below
/// the bar), when the drawing is scrolled to (`view_left`, `view_top`): under the bar
/// when it has room there, else above it; kept within the drawing's width.
pub fn tooltip_at(bar: &Bar, view_left: f64, view_top: f64, canvas: Canvas) -> (f64, f64, bool) {
    let (x, y) = (
        canvas.labels + bar.x - view_left,
        AXIS_HEIGHT + bar.y - view_top,
    );
    let below = y + BAR_HEIGHT + TOOLTIP_HEIGHT < canvas.height + AXIS_HEIGHT;
    let top = if below { y + BAR_HEIGHT + 6.0 } else { y - 6.0 };
    let left = x
        .max(canvas.labels)
        .min(canvas.labels + canvas.width - TOOLTIP_WIDTH)
        .max(0.0);
    (left, top, below)
}

/// A tooltip's largest size (its CSS `max-width`, and five lines).
const TOOLTIP_WIDTH: f64 = 300.0;
const TOOLTIP_HEIGHT: f64 = 110.0;

/// A title cut to fit `width` pixels at roughly 7 px per character, with an ellipsis.
pub fn fit_label(title: &str, width: f64) -> String {
    let max = ((width - 12.0) / 7.0).floor().max(0.0) as usize;
    let n = title.chars().count();
    if n <= max {
        title.to_string()
    } else if max <= 1 {
        String::new()
    } else {
        let cut: String = title.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A stage name in at most two lines of a label column `column` px wide (the second
/// cut if need be), beside its count (`count`, drawn right-aligned on the first line).
pub fn wrap_name(name: &str, count: &str, column: f64) -> Vec<String> {
    let reserve = (30.0 + count.chars().count() as f64 * 7.0).max(56.0);
    let max = ((column - reserve) / 7.5).floor().max(4.0) as usize;
    if name.chars().count() <= max {
        return vec![name.to_string()];
    }
    let mut first = String::new();
    let mut rest = name;
    for word in name.split(' ') {
        let len = first.chars().count() + usize::from(!first.is_empty()) + word.chars().count();
        if len > max {
            break;
        }
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(word);
        rest = name[first.len()..].trim_start();
    }
    if first.is_empty() {
        return vec![fit_label(name, max as f64 * 7.0 + 12.0)];
    }
    vec![first, fit_label(rest, max as f64 * 7.0 + 12.0)]
}
