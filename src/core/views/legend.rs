//! The legend: what each mark of the timeline and graph means, and where each entry
//! goes in a legend of a given width. The component draws a swatch per [`Key`].

/// A mark the views draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    High,
    Medium,
    Low,
    Done,
    Cancelled,
    Milestone,
    OpenEnded,
    Cut,
    Undated,
    Ghost,
    Selected,
    Upstream,
    Downstream,
    Critical,
    Conflict,
    SlipGhost,
    Problem,
    /// Comparing with a baseline: an added initiative.
    Added,
    /// A moved initiative's place in the baseline.
    Baseline,
    /// A removed initiative, where it was.
    Removed,
    /// Drift (`drift=1`): a bar's earlier planned ends, from its first plan.
    Drift,
}

impl Key {
    /// The `data-legend-key` value (and the swatch's class).
    pub fn as_str(self) -> &'static str {
        self.names().0
    }

    pub fn label(self) -> &'static str {
        self.names().1
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Key::High => ("high", "high confidence"),
            Key::Medium => ("medium", "medium"),
            Key::Low => ("low", "low"),
            Key::Done => ("done", "done"),
            Key::Cancelled => ("cancelled", "cancelled"),
            Key::Milestone => ("milestone", "milestone"),
            Key::OpenEnded => ("open-ended", "open-ended"),
            Key::Cut => ("cut", "continues off the chart"),
            Key::Undated => ("undated", "undated"),
            Key::Ghost => ("ghost", "context"),
            Key::Selected => ("selected", "selected"),
            Key::Upstream => ("upstream", "upstream"),
            Key::Downstream => ("downstream", "downstream"),
            Key::Critical => ("critical", "critical path"),
            Key::Conflict => ("conflict", "schedule conflict"),
            Key::SlipGhost => ("slip", "slipped to"),
            Key::Problem => ("problem", "data problem"),
            Key::Added => ("added", "new"),
            Key::Baseline => ("baseline", "baseline dates"),
            Key::Removed => ("removed", "removed"),
            Key::Drift => ("drift", "earlier planned ends"),
        }
    }
}

/// Every entry, in reading order: confidence, status, shapes, then what questions mark.
pub const ALL: [Key; 17] = [
    Key::High,
    Key::Medium,
    Key::Low,
    Key::Done,
    Key::Cancelled,
    Key::Milestone,
    Key::OpenEnded,
    Key::Cut,
    Key::Undated,
    Key::Ghost,
    Key::Selected,
    Key::Upstream,
    Key::Downstream,
    Key::Critical,
    Key::Conflict,
    Key::SlipGhost,
    Key::Problem,
];

/// The entries added while comparing with a baseline.
pub const COMPARING: [Key; 3] = [Key::Added, Key::Baseline, Key::Removed];

/// The entries of a legend: [`ALL`], then [`COMPARING`] while comparing.
pub fn keys(comparing: bool) -> Vec<Key> {
    let extra: &[Key] = if comparing { &COMPARING } else { &[] };
    ALL.iter().chain(extra).copied().collect()
}

/// Height of one legend row, in pixels.
pub const ROW: f64 = 20.0;
/// Width of a swatch and the gap after it.
const SWATCH: f64 = 30.0;
/// Average character width of the legend's small text.
const CHAR: f64 = 6.7;
/// Space after an entry.
const GAP: f64 = 12.0;

/// An entry's place in a legend.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub key: Key,
    pub x: f64,
    pub y: f64,
}

/// Lays `keys` out left to right in rows no wider than `width`; returns the entries
/// and the legend's height.
pub fn arrange(keys: &[Key], width: f64) -> (Vec<Placed>, f64) {
    let (mut x, mut y) = (0.0, 0.0);
    let mut out = Vec::with_capacity(keys.len());
    for &key in keys {
        let w = entry_width(key);
        if x > 0.0 && x + w > width {
            x = 0.0;
            y += ROW;
        }
        out.push(Placed { key, x, y });
        x += w + GAP;
    }
    let height = if out.is_empty() { 0.0 } else { y + ROW };
    (out, height)
}

/// The width of an entry: swatch and label.
pub fn entry_width(key: Key) -> f64 {
    SWATCH + key.label().chars().count() as f64 * CHAR
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_wrap_into_rows_that_fit() {
        let (one, h1) = arrange(&ALL, 5000.0);
        assert_eq!(h1, ROW, "everything on one row when wide");
        assert!(one.windows(2).all(|w| w[0].x < w[1].x));
        for width in [300.0, 700.0, 1100.0] {
            let (placed, h) = arrange(&ALL, width);
            assert_eq!(placed.len(), ALL.len());
            for p in &placed {
                assert!(
                    p.x == 0.0 || p.x + entry_width(p.key) <= width,
                    "{p:?} in {width}"
                );
                assert!(p.y + ROW <= h);
            }
        }
        let keys: Vec<&str> = keys(true).iter().map(|k| k.as_str()).collect();
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "keys are distinct");
    }
}
