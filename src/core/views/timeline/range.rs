//! The time axis: which dates the drawing spans (the `fit` range), its scale, the
//! gridlines and their labels, and horizon titles that fit their band.

use super::{Tick, Zoom};
use crate::core::model::Horizon;
use crate::core::text::date::{Date, MONTHS};

/// One shown, dated initiative as the range sees it: its first and last day and
/// whether it is still to do (not done, not cancelled).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dated {
    pub start: Date,
    pub end: Date,
    pub active: bool,
}

/// The days `fit` zoom shows for these initiatives, whole months from the first day
/// of one to the end of the long horizon.
///
/// From the earliest start among the work still to do (all shown work when none is
/// left), at most one year before `reference` and never after it, to the end of the
/// long horizon (three years after `reference`): the same end in every view, so the
/// whole plan is always on screen and filters move only the start. On a narrow chart
/// (`width` under [`NARROW_CANVAS`], a phone) the range starts at `reference`: the
/// three years ahead get all the width there is.
pub fn fit_range(dated: &[Dated], reference: Date, width: f64) -> (Date, Date) {
    let earliest = if width < NARROW_CANVAS {
        reference
    } else {
        reference.add_years(-1)
    };
    let latest = Date(reference.add_years(3).0 - 1);
    let active = dated.iter().any(|d| d.active);
    let lo = dated
        .iter()
        .filter(|d| d.active || !active)
        .map(|d| d.start)
        .min()
        .unwrap_or(reference)
        .min(reference)
        .max(earliest);
    (month_start(lo), month_end(latest))
}

/// The chart width (px) under which `fit` starts at the reference date.
pub const NARROW_CANVAS: f64 = 360.0;

fn month_start(d: Date) -> Date {
    let (y, m, _) = d.ymd();
    Date::from_ymd(y, m, 1).expect("first day of a month")
}

fn month_end(d: Date) -> Date {
    Date(month_start(d).add_months(1).0 - 1)
}

/// The first day of `d`'s quarter.
pub fn quarter_start(d: Date) -> Date {
    let (y, m, _) = d.ymd();
    Date::from_ymd(y, (m - 1) / 3 * 3 + 1, 1).expect("first day of a quarter")
}

/// Pixels per day: the zoom's own, or for `fit` what fills `width` with `days`.
pub fn scale(zoom: Zoom, width: f64, days: i32) -> f64 {
    match zoom {
        Zoom::Fit => width.max(1.0) / f64::from(days.max(1)),
        Zoom::Month => 4.0,
        Zoom::Quarter => 1.4,
        Zoom::Year => 0.5,
    }
}

/// The gridlines from `start` to `end` at `px_per_day`: months when a month is wide
/// enough to name ("Feb"), else quarters ("Q2"), else years; a year's first line is
/// labelled with the year. With years only, quarter lines stay, unlabelled.
pub fn ticks(start: Date, end: Date, px_per_day: f64) -> Vec<Tick> {
    let step = if px_per_day * 30.4 >= 60.0 { 1 } else { 3 };
    let quarter_labels = px_per_day * 91.0 >= 36.0;
    let x_of = |d: Date| f64::from(d.0 - start.0) * px_per_day;
    let mut out = Vec::new();
    let mut d = if step == 1 {
        month_start(start)
    } else {
        quarter_start(start)
    };
    if d < start {
        d = d.add_months(step);
    }
    while d <= end {
        let (y, m, _) = d.ymd();
        let year = m == 1;
        let label = if year {
            y.to_string()
        } else if step == 1 {
            MONTHS[m as usize - 1].to_string()
        } else if quarter_labels {
            format!("Q{}", (m - 1) / 3 + 1)
        } else {
            String::new()
        };
        out.push(Tick {
            x: x_of(d),
            label,
            year,
        });
        d = d.add_months(step);
    }
    out
}

/// A horizon band's title, as long as fits `width` pixels (at about 7 px a
/// character): "Short term · next 12 months", "Short term · 12 mo", "Short · 12 mo",
/// "Short", "S", or nothing.
pub fn band_title(h: Horizon, width: f64) -> &'static str {
    let options: [&'static str; 5] = match h {
        Horizon::Short => [
            "Short term · next 12 months",
            "Short term · 12 mo",
            "Short · 12 mo",
            "Short",
            "S",
        ],
        Horizon::Medium => [
            "Medium term · 12 to 24 months",
            "Medium term · 12–24 mo",
            "Medium · 12–24 mo",
            "Medium",
            "M",
        ],
        Horizon::Long => [
            "Long term · 24 to 36 months",
            "Long term · 24–36 mo",
            "Long · 24–36 mo",
            "Long",
            "L",
        ],
    };
    options
        .into_iter()
        .find(|t| t.chars().count() as f64 * 7.0 + 16.0 <= width)
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s, crate::core::text::date::Edge::First).unwrap()
    }

    fn dated(start: &str, end: &str, active: bool) -> Dated {
        Dated {
            start: d(start),
            end: d(end),
            active,
        }
    }

    /// (what is shown, expected range), with `reference` 2026-11-01.
    #[test]
    fn fit_range_spans_the_work_to_do_up_to_the_long_horizon() {
        let reference = d("2026-11-01");
        let cases: Vec<(Vec<Dated>, &str, &str)> = vec![
            (vec![], "2026-11-01", "2029-10-31"),
            // Work still to do started in March: from March to the long horizon's end.
            (
                vec![
                    dated("2026-03-10", "2027-06-30", true),
                    dated("2027-01-01", "2031-01-01", true),
                ],
                "2026-03-01",
                "2029-10-31",
            ),
            // Done work that began long ago does not stretch the range...
            (
                vec![
                    dated("2020-01-01", "2021-01-01", false),
                    dated("2027-01-01", "2027-12-31", true),
                ],
                "2026-11-01",
                "2029-10-31",
            ),
            // ... and what started years ago is cut at a year before the reference.
            (
                vec![dated("2019-05-01", "2027-03-31", true)],
                "2025-11-01",
                "2029-10-31",
            ),
            // Only done work: from its start.
            (
                vec![dated("2026-01-15", "2026-02-15", false)],
                "2026-01-01",
                "2029-10-31",
            ),
        ];
        for (shown, lo, hi) in cases {
            let (a, b) = fit_range(&shown, reference, 900.0);
            assert_eq!(
                (a.to_string(), b.to_string()),
                (lo.into(), hi.into()),
                "{shown:?}"
            );
        }
        // A phone's chart starts at the reference date, whatever started before.
        let (a, b) = fit_range(&[dated("2019-05-01", "2027-03-31", true)], reference, 300.0);
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2026-11-01".into(), "2029-10-31".into())
        );
    }

    #[test]
    fn ticks_name_months_when_they_fit_else_quarters_else_years() {
        let (s, e) = (d("2026-11-01"), d("2027-04-30"));
        let labels = |ppd| {
            ticks(s, e, ppd)
                .into_iter()
                .map(|t| t.label)
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(4.0), ["Nov", "Dec", "2027", "Feb", "Mar", "Apr"]);
        assert_eq!(labels(1.4), ["2027", "Q2"]);
        assert_eq!(labels(0.2), ["2027", ""]);
        let t = ticks(s, e, 4.0);
        assert_eq!(t[0].x, 0.0);
        assert!(t[2].year && !t[1].year);
        assert_eq!(t[2].x, 61.0 * 4.0);
    }

    #[test]
    fn band_titles_shorten_to_fit() {
        assert_eq!(
            band_title(Horizon::Short, 400.0),
            "Short term · next 12 months"
        );
        assert_eq!(band_title(Horizon::Short, 150.0), "Short term · 12 mo");
        assert_eq!(band_title(Horizon::Short, 120.0), "Short · 12 mo");
        assert_eq!(band_title(Horizon::Long, 60.0), "Long");
        assert_eq!(band_title(Horizon::Medium, 10.0), "");
        for h in Horizon::ALL {
            for w in [0.0, 30.0, 80.0, 140.0, 200.0, 300.0] {
                let t = band_title(*h, w);
                assert!(t.chars().count() as f64 * 7.0 + 16.0 <= w || t.is_empty());
            }
        }
    }
}
