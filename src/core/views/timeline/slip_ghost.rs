//! Where a slipped initiative would land: a dashed ghost beside its planned bar, with
//! "+6 w" and a warning when the slip pushes it into a later horizon or past 3 years
//! (the layout keeps [`GHOST_LABEL`] pixels after it, so nothing overlaps the label).

use super::{Bar, TimelineLayout, MIN_BAR};
use crate::core::analysis::slip::Move;
use crate::core::text::date::Date;

/// Room kept after a slip's ghost for its label ("+6 w ⚠").
pub const GHOST_LABEL: f64 = 48.0;

/// A slip ghost's drawing, in the timeline's pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct SlipGhost {
    pub x: f64,
    /// The top of the planned bar it sits beside.
    pub y: f64,
    pub w: f64,
    /// "+6 w", or "+6 w ⚠" when flagged: short, so it fits the room the layout keeps.
    pub label: String,
    /// "+6 w", "+6 w: ends in a later horizon", "+6 w: ends past 3 years".
    pub note: String,
    /// It ends in a later horizon or past 3 years.
    pub flagged: bool,
}

/// The ghost of `bar` moved by `m`; `None` when the move has no date to draw.
pub fn slip_ghost(layout: &TimelineLayout, bar: &Bar, m: &Move) -> Option<SlipGhost> {
    let (s, e) = (m.start.or(m.end)?, m.end.or(m.start)?);
    // Within the drawing (`fit` ends at the long horizon).
    let x = layout.x_of(s).clamp(0.0, layout.width - MIN_BAR);
    let w = (layout.x_of(Date(e.0 + 1)).min(layout.width) - x).max(MIN_BAR);
    let weeks = (m.days as f64 / 7.0).round() as i32;
    let flag = if m.beyond_three_years {
        ": ends past 3 years"
    } else if m.later_horizon {
        ": ends in a later horizon"
    } else {
        ""
    };
    let flagged = m.later_horizon || m.beyond_three_years;
    Some(SlipGhost {
        x,
        y: bar.y,
        w,
        label: format!("+{weeks} w{}", if flagged { " ⚠" } else { "" }),
        note: format!("+{weeks} w{flag}"),
        flagged,
    })
}
