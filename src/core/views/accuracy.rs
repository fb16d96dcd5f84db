//! Planning accuracy per stage (`drift=1`, #29), from the build's history: of the
//! initiatives that finished, how many did by their first planned end and the median
//! slip; of those in progress, how many have moved (start or end) and the median
//! slip of those. A stage's initiatives the history does not know (added since it was
//! built) are not counted.
//!
//! Complexity: O(n + E) for n initiatives and E events, plus sorting each stage's slips.

use crate::core::model::{Roadmap, Status};
use crate::core::tools::history::History;
use crate::core::views::describe::shift_label;

/// One stage's figures (or every stage's, for the total).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Done, with a first planned end and an end.
    pub finished: usize,
    /// Of those, how many ended on or before their first planned end.
    pub on_first_plan: usize,
    /// The finished ones' median slip in days (negative: early).
    pub finished_median: Option<i32>,
    pub in_progress: usize,
    /// Of those, how many moved their start or end.
    pub moved: usize,
    /// The moved ones' median slip of their end, in days.
    pub moved_median: Option<i32>,
}

impl Accuracy {
    /// Nothing to say: no finished and no in-progress initiative.
    pub fn is_empty(&self) -> bool {
        self.finished == 0 && self.in_progress == 0
    }

    /// "2 of 4 done by their first planned end (median +3 w) · 5 of 9 in progress
    /// moved (median +6 w)".
    pub fn summary(&self) -> String {
        let median =
            |m: Option<i32>| m.map_or(String::new(), |d| format!(" (median {})", shift_label(d)));
        format!(
            "{} of {} done by their first planned end{} · {} of {} in progress moved{}",
            self.on_first_plan,
            self.finished,
            median(self.finished_median),
            self.moved,
            self.in_progress,
            median(self.moved_median)
        )
    }
}

/// Each stage's accuracy, by stage index, and the total.
pub fn accuracy(roadmap: &Roadmap, history: &History) -> (Vec<Accuracy>, Accuracy) {
    let stages = roadmap.stages.len();
    let mut finished: Vec<Vec<i32>> = vec![Vec::new(); stages + 1];
    let mut moving: Vec<Vec<i32>> = vec![Vec::new(); stages + 1];
    let mut rows = vec![Accuracy::default(); stages + 1];
    for init in &roadmap.initiatives {
        let Some(t) = history.initiatives.get(&init.id) else {
            continue;
        };
        for k in [init.stage, stages] {
            let row = &mut rows[k];
            match init.status {
                Status::Done => {
                    let Some(slip) = t.first_end.zip(init.end).map(|(f, e)| e.0 - f.0) else {
                        continue;
                    };
                    row.finished += 1;
                    row.on_first_plan += usize::from(slip <= 0);
                    finished[k].push(slip);
                }
                Status::InProgress => {
                    row.in_progress += 1;
                    if t.moves() > 0 {
                        row.moved += 1;
                        let slip = t.first_end.zip(init.end).map(|(f, e)| e.0 - f.0);
                        moving[k].extend(slip);
                    }
                }
                _ => {}
            }
        }
    }
    for (k, row) in rows.iter_mut().enumerate() {
        row.finished_median = median(&mut finished[k]);
        row.moved_median = median(&mut moving[k]);
    }
    let total = rows.pop().expect("the total row");
    (rows, total)
}

/// The median (the lower one of an even count), `None` of nothing.
fn median(v: &mut [i32]) -> Option<i32> {
    v.sort_unstable();
    (!v.is_empty()).then(|| v[(v.len() - 1) / 2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::RoadmapBuilder;
    use crate::core::text::date::Date;
    use crate::core::tools::history::{Event, Field, Timeline};

    fn moved(first_end: Date, moves: usize) -> Timeline {
        Timeline {
            first_seen: 0,
            events: (0..moves)
                .map(|c| Event {
                    commit: c,
                    field: Field::End,
                    from: None,
                    to: None,
                })
                .collect(),
            removed: None,
            first_end: Some(first_end),
            last_end: None,
            last: None,
        }
    }

    #[test]
    fn finished_on_the_first_plan_and_moved_in_progress_per_stage_and_in_all() {
        let mut b = RoadmapBuilder::new(&["s", "t"]);
        b.as_of("2026-01-01")
            .initiative("early", "status: done, end: 2026-03-31")
            .initiative("late", "status: done, end: 2026-05-31")
            .initiative("later", "status: done, end: 2026-06-30")
            .initiative("going", "status: in-progress, end: 2026-09-30")
            .initiative("still", "status: in-progress, end: 2026-09-30")
            .initiative("new", "status: done, end: 2026-09-30")
            .initiative("planned", "stage: t, end: 2026-09-30")
            .initiative("t-done", "stage: t, status: done, end: 2026-02-28");
        let r = b.load().0;
        let day = |m, d| Date::from_ymd(2026, m, d).unwrap();
        let mut h = History::default();
        for (id, t) in [
            ("early", moved(day(4, 30), 1)),
            ("late", moved(day(4, 30), 1)),
            ("later", moved(day(3, 31), 2)),
            ("going", moved(day(8, 31), 1)),
            ("still", moved(day(9, 30), 0)),
            ("planned", moved(day(8, 31), 1)),
            ("t-done", moved(day(2, 28), 0)),
        ] {
            h.initiatives.insert(id.into(), t);
        }
        let (stages, total) = accuracy(&r, &h);
        // `new` is not in the history: not counted.
        assert_eq!(
            stages[0],
            Accuracy {
                finished: 3,
                on_first_plan: 1,
                finished_median: Some(31),
                in_progress: 2,
                moved: 1,
                moved_median: Some(30),
            }
        );
        assert_eq!(
            stages[1],
            Accuracy {
                finished: 1,
                on_first_plan: 1,
                finished_median: Some(0),
                ..Accuracy::default()
            }
        );
        assert_eq!(
            (total.finished, total.on_first_plan, total.moved),
            (4, 2, 1)
        );
        assert_eq!(total.finished_median, Some(0));
        assert_eq!(
            total.summary(),
            "2 of 4 done by their first planned end (median +0 d) · 1 of 2 in progress moved (median +4 w)"
        );
    }
}
