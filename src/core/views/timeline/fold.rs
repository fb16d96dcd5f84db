//! Folding lanes around a question: consecutive lanes left out of a framed timeline
//! become one thin row that says what it holds.

use super::{Lane, LaneKind, FOLD_HEIGHT};

/// Lanes being folded: how many initiatives and stages so far.
#[derive(Default)]
pub(super) struct Fold {
    initiatives: usize,
    stages: usize,
    places: Vec<usize>,
}

impl Fold {
    /// Folds `initiatives` of stage `place` (`usize::MAX`: the Unscheduled lane),
    /// `stages` of them whole stages.
    pub(super) fn add(&mut self, initiatives: usize, stages: usize, place: usize) {
        if initiatives == 0 {
            return;
        }
        self.initiatives += initiatives;
        self.stages += stages;
        if self.places.last() != Some(&place) {
            self.places.push(place);
        }
    }

    /// Ends the run: one thin lane for it, if it folded anything.
    pub(super) fn flush(&mut self, lanes: &mut Vec<Lane>, y: &mut f64) {
        if self.initiatives > 0 {
            lanes.push(Lane {
                kind: LaneKind::Fold {
                    initiatives: self.initiatives,
                    stages: self.stages,
                    places: std::mem::take(&mut self.places),
                },
                y: *y,
                height: FOLD_HEIGHT,
            });
            *y += FOLD_HEIGHT;
        }
        *self = Fold::default();
    }
}
