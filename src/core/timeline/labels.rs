//! Bar labels and where the timeline opens.

use super::{Bar, TimelineLayout};

/// Where a bar's label starts and how wide it may be, when the timeline is scrolled
/// to `view_left`: a bar that began before that keeps its label in view.
pub fn label_span(bar: &Bar, view_left: f64) -> (f64, f64) {
    let start = if bar.x < view_left && bar.x + bar.w - view_left > 60.0 {
        view_left
    } else {
        bar.x
    };
    (start + 6.0, bar.x + bar.w - start)
}

/// Where the timeline opens: today, with a little of the past in view.
pub fn initial_scroll(layout: &TimelineLayout) -> f64 {
    (layout.today_x - 60.0).max(0.0)
}

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
