//! One initiative's bar before it is packed into a row: a dated bar cut to the drawn
//! range (with room for its slip ghost), or an undated chip under its horizon's band.

use super::{
    place_label, text_width, Band, Bar, Label, Shape, Side, BAR_HEIGHT, GHOST_LABEL, MIN_BAR,
};
use crate::core::model::Roadmap;
use crate::core::text::date::Date;
use crate::core::views::describe::bar_text_chars;

/// A dated initiative's bar (its row not yet known), cut to the drawn range, with
/// room after it for its slip ghost when it moves to `moved_end`.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site; the values are the bar's"
)]
pub(super) fn dated_bar(
    roadmap: &Roadmap,
    init: usize,
    ghost: bool,
    (s, e, shape): (Date, Date, Shape),
    x_of: &dyn Fn(Date) -> f64,
    width: f64,
    moved_end: Option<Date>,
) -> Bar {
    let (x0, x1) = if shape == Shape::Milestone {
        let x = x_of(Date(e.0 + 1)) - BAR_HEIGHT / 2.0;
        (x, x + BAR_HEIGHT)
    } else {
        (x_of(s), x_of(Date(e.0 + 1)))
    };
    let cut = (x0 < 0.0, x1 > width);
    let (mut x, mut x1) = (x0.clamp(0.0, width), x1.clamp(0.0, width));
    if x1 - x < MIN_BAR {
        // Wholly outside (or tiny): a stub at the edge it is beyond.
        if cut.1 && x >= width - MIN_BAR {
            x = width - MIN_BAR;
        }
        x1 = x + MIN_BAR;
    }
    let w = x1 - x;
    let tail = moved_end.map_or(0.0, |e| {
        (x_of(Date(e.0 + 1)).min(width) - (x + w)).max(0.0) + GHOST_LABEL
    });
    let text = text_width(bar_text_chars(roadmap, init, ghost));
    Bar {
        init,
        x,
        y: 0.0,
        w,
        shape,
        ghost,
        label: place_label(x, w, tail, shape, text, width),
        cut,
        tail,
    }
}

/// An undated initiative's chip, under its horizon's band (the whole drawing without
/// a horizon), as wide as its title.
pub(super) fn chip(
    roadmap: &Roadmap,
    init: usize,
    ghost: bool,
    bands: &[Band],
    width: f64,
) -> (Bar, f64, f64) {
    let (lo, hi) = match roadmap.initiatives[init].horizon {
        Some(h) => {
            let b = bands
                .iter()
                .find(|b| b.horizon == h)
                .expect("a band per horizon");
            (b.x0.clamp(0.0, width), b.x1.clamp(0.0, width))
        }
        None => (0.0, width),
    };
    let text = text_width(bar_text_chars(roadmap, init, ghost));
    let w = text.min((hi - lo).max(MIN_BAR * 4.0)).min(MAX_CHIP);
    let x = lo.min(width - w).max(0.0);
    let bar = Bar {
        init,
        x,
        y: 0.0,
        w,
        shape: Shape::Undated,
        ghost,
        label: Label {
            side: if w >= text { Side::Inside } else { Side::Cut },
            x,
            w,
        },
        cut: (false, false),
        tail: 0.0,
    };
    (bar, x, hi.max(x + w))
}

/// The widest an undated chip grows.
const MAX_CHIP: f64 = 260.0;
