//! Where a slipped initiative would land: a dashed ghost beside its planned bar, with
//! "+6 w" and a warning when the slip pushes it into a later horizon or past 3 years.

use super::super::date::Date;
use super::super::slip::Move;
use super::{fit_label, Bar, TimelineLayout, MIN_BAR};

/// A slip ghost's drawing, in the timeline's pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct SlipGhost {
    pub x: f64,
    /// The top of the planned bar it sits beside.
    pub y: f64,
    pub w: f64,
    /// "+6 w", "+6 w ⚠ later horizon", "+6 w ⚠ past 3 years" (cut to fit).
    pub label: String,
    /// It ends in a later horizon or past 3 years.
    pub flagged: bool,
}

/// The ghost of `bar` moved by `m`; `None` when the move has no date to draw.
pub fn slip_ghost(layout: &TimelineLayout, bar: &Bar, m: &Move) -> Option<SlipGhost> {
    let (s, e) = (m.start.or(m.end)?, m.end.or(m.start)?);
    let x = layout.x_of(s);
    let w = (layout.x_of(Date(e.0 + 1)) - x).max(MIN_BAR);
    let weeks = (m.days as f64 / 7.0).round() as i32;
    let flag = if m.beyond_three_years {
        " ⚠ past 3 years"
    } else if m.later_horizon {
        " ⚠ later horizon"
    } else {
        ""
    };
    Some(SlipGhost {
        x,
        y: bar.y,
        w,
        label: fit_label(&format!("+{weeks} w{flag}"), w.max(120.0)),
        flagged: m.later_horizon || m.beyond_three_years,
    })
}
