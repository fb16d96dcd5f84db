//! Calendar dates and the roadmap's date formats (`YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`).
//!
//! A date is a day count (days since 1970-01-01), so comparisons and arithmetic are
//! plain integer operations. Periods resolve to their first day (as a start) or last
//! day (as an end).

use crate::core::text::diagnostic::excerpt;
use std::fmt;

/// A calendar day, stored as days since 1970-01-01 (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i32);

/// Which end of a period a written date stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// First day of the period (used for `start`).
    First,
    /// Last day of the period (used for `end`).
    Last,
}

impl Date {
    /// Builds a date from year, month (1-12) and day (1-31), or `None` if it does not exist.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date(days_from_civil(y, m, d)))
    }

    /// Year, month, day of this date.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The same day `n` years later (29 February becomes 28 February when needed).
    pub fn add_years(self, n: i32) -> Date {
        let (y, m, d) = self.ymd();
        let y = y + n;
        Date(days_from_civil(y, m, d.min(days_in_month(y, m))))
    }

    /// The same day `n` months later (clamped to the month's last day).
    pub fn add_months(self, n: i32) -> Date {
        let (y, m, d) = self.ymd();
        let total = y * 12 + (m as i32 - 1) + n;
        let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Date(days_from_civil(y, m, d.min(days_in_month(y, m))))
    }

    /// Parses one of the roadmap date formats, resolving a period to its `edge`.
    ///
    /// Errors are user-facing messages ("month 14 does not exist").
    pub fn parse(text: &str, edge: Edge) -> Result<Date, String> {
        let t = text.trim();
        // Messages quote the text as an excerpt: it may be anything.
        let quoted = || excerpt(t);
        let bad = || {
            format!("\"{}\" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY-Qn (quarter 1-4) or YYYY-Hn (half 1-2)", quoted())
        };
        let (year, rest) = t.split_once('-').ok_or_else(bad)?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let y: i32 = year.parse().map_err(|_| bad())?;
        let (first_month, months) = if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            match q {
                "1" | "2" | "3" | "4" => ((q.parse::<u32>().unwrap() - 1) * 3 + 1, 3),
                _ => {
                    return Err(format!(
                        "\"{}\": quarter {} does not exist (Q1 to Q4)",
                        quoted(),
                        excerpt(q)
                    ))
                }
            }
        } else if let Some(h) = rest.strip_prefix(['H', 'h']) {
            match h {
                "1" | "2" => ((h.parse::<u32>().unwrap() - 1) * 6 + 1, 6),
                _ => {
                    return Err(format!(
                        "\"{}\": half {} does not exist (H1 or H2)",
                        quoted(),
                        excerpt(h)
                    ))
                }
            }
        } else {
            let (month, day) = match rest.split_once('-') {
                Some((m, d)) => (m, Some(d)),
                None => (rest, None),
            };
            let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
            if !digits(month, 2) || !day.is_none_or(|d| digits(d, 2)) {
                return Err(bad());
            }
            let m: u32 = month.parse().map_err(|_| bad())?;
            if !(1..=12).contains(&m) {
                return Err(format!(
                    "\"{}\": month {m} does not exist (01 to 12)",
                    quoted()
                ));
            }
            if let Some(day) = day {
                let d: u32 = day.parse().map_err(|_| bad())?;
                return Date::from_ymd(y, m, d).ok_or_else(|| {
                    format!(
                        "\"{}\": day {d} does not exist in {} {y} (it has {} days)",
                        quoted(),
                        MONTHS[m as usize - 1],
                        days_in_month(y, m)
                    )
                });
            }
            (m, 1)
        };
        let first = Date(days_from_civil(y, first_month, 1));
        Ok(match edge {
            Edge::First => first,
            Edge::Last => Date(first.add_months(months).0 - 1),
        })
    }

    /// Short human form, e.g. "Sep 2026".
    pub fn month_year(self) -> String {
        let (y, m, _) = self.ymd();
        format!("{} {y}", MONTHS[m as usize - 1])
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's civil calendar algorithms (public domain), exact for all i32 years we use.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, e: Edge) -> String {
        match Date::parse(s, e) {
            Ok(d) => d.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn periods_resolve_to_their_edges() {
        assert_eq!(p("2026-Q1", Edge::First), "2026-01-01");
        assert_eq!(p("2026-Q1", Edge::Last), "2026-03-31");
        assert_eq!(p("2026-Q4", Edge::Last), "2026-12-31");
        assert_eq!(p("2026-H2", Edge::First), "2026-07-01");
        assert_eq!(p("2026-H1", Edge::Last), "2026-06-30");
        assert_eq!(p("2024-02", Edge::Last), "2024-02-29");
        assert_eq!(p("2026-02", Edge::Last), "2026-02-28");
        assert_eq!(p("2026-09-15", Edge::Last), "2026-09-15");
    }

    #[test]
    fn impossible_dates_are_explained() {
        assert_eq!(
            p("2023-14-05", Edge::First),
            "error: \"2023-14-05\": month 14 does not exist (01 to 12)"
        );
        assert_eq!(
            p("2026-Q5", Edge::First),
            "error: \"2026-Q5\": quarter 5 does not exist (Q1 to Q4)"
        );
        assert_eq!(
            p("2026-02-30", Edge::First),
            "error: \"2026-02-30\": day 30 does not exist in Feb 2026 (it has 28 days)"
        );
        assert!(p("next year", Edge::First).starts_with("error: \"next year\" is not a date"));
        assert!(p("2026-1", Edge::First).starts_with("error:"));
    }

    #[test]
    fn civil_round_trip_over_centuries() {
        for z in (-800_000..800_000).step_by(37) {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(Date::from_ymd(1970, 1, 1), Some(Date(0)));
        assert_eq!(
            Date::from_ymd(2024, 2, 29)
                .unwrap()
                .add_years(1)
                .to_string(),
            "2025-02-28"
        );
        assert_eq!(
            Date::from_ymd(2026, 1, 31)
                .unwrap()
                .add_months(1)
                .to_string(),
            "2026-02-28"
        );
    }
}
