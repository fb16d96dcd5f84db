//! The table view's rows: visible initiatives with their columns, sorted by any
//! column, and the same rows as CSV (RFC 4180, safe against formula injection).

use crate::core::analysis::Analysis;
use crate::core::model::{Roadmap, Status};
use crate::core::text::date::Date;
use crate::core::views::timeline::VIRTUALIZE_ABOVE;

/// Columns, in header order. Their lower-case names are the `sort=` URL values.
pub const COLUMNS: [&str; 12] = [
    "title",
    "stage",
    "team",
    "confidence",
    "status",
    "start",
    "end",
    "horizon",
    "tags",
    "dependencies",
    "dependents",
    "slack",
];

/// The `tags` column.
pub const TAGS: usize = 8;
/// The `slack` column (days in the CSV, weeks on screen).
pub const SLACK: usize = 11;

/// Each column's header on screen, short enough that every column fits a 1440 px
/// window, and its full name (the header's `title`, and its accessible name).
pub const HEADERS: [(&str, &str); 12] = [
    ("Title", "Title"),
    ("Stage", "Stage"),
    ("Team", "Team"),
    ("Conf.", "Confidence"),
    ("Status", "Status"),
    ("Start", "Start"),
    ("End", "End"),
    ("Horizon", "Horizon"),
    ("Tags", "Tags"),
    ("Deps", "Dependencies: how many it waits on"),
    ("Blocks", "Dependents: how many wait on it"),
    (
        "Slack",
        "Slack: how long it can slip without delaying the end",
    ),
];

/// One row: the initiative and its cells as text (as the CSV writes them).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub init: usize,
    pub cells: Vec<String>,
    /// Its slack in days, when it has computed times (the screen shows it in weeks).
    pub slack: Option<i32>,
}

/// The sort in the URL: a column and a direction (`sort=start`, `sort=-start`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub descending: bool,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        let (descending, name) = match s.strip_prefix('-') {
            Some(n) => (true, n),
            None => (false, s),
        };
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .map(|column| Sort { column, descending })
    }

    pub fn to_param(&self) -> String {
        format!(
            "{}{}",
            if self.descending { "-" } else { "" },
            COLUMNS[self.column]
        )
    }
}

/// Sortable key of a cell: numbers and dates compare as such, text case-insensitively.
/// Empty cells go last in both directions, and for slack, done and cancelled
/// initiatives after all others (their slack means nothing any more).
#[derive(Clone, Debug, PartialEq, PartialOrd)]
enum Key {
    Num(f64),
    Text(String),
}

/// How a cell sorts: a group first, in both directions (0, or 1 for a finished
/// initiative's slack), then its key (`None`: empty, last).
type CellKey = (u8, Option<Key>);

/// The rows for `shown`, sorted.
///
/// Complexity: O(N log N).
pub fn rows(
    roadmap: &Roadmap,
    shown: &[usize],
    analysis: &Analysis,
    reference: Date,
    sort: Option<&Sort>,
) -> Vec<Row> {
    let mut rows: Vec<(Row, Vec<CellKey>)> = shown
        .iter()
        .map(|&i| {
            let init = &roadmap.initiatives[i];
            let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
            let dependents = roadmap.dependents(i).count();
            let slack = analysis
                .times(roadmap)
                .get(i)
                .and_then(|t| t.as_ref())
                .map(|t| t.slack);
            let horizon = roadmap
                .horizon_of(init, reference)
                .map_or("unscheduled", |h| h.as_str());
            let cells = vec![
                init.title.clone(),
                roadmap.stages[init.stage].name.clone(),
                roadmap.team_name(init).unwrap_or("").to_string(),
                init.confidence.as_str().to_string(),
                init.status.as_str().to_string(),
                date(init.start),
                date(init.end),
                horizon.to_string(),
                init.tags.join(", "),
                init.depends_on.len().to_string(),
                dependents.to_string(),
                slack.map(|s| s.to_string()).unwrap_or_default(),
            ];
            let finished = matches!(init.status, Status::Done | Status::Cancelled);
            let keys = cells
                .iter()
                .enumerate()
                .map(|(c, text)| {
                    let group = u8::from(c == SLACK && finished);
                    if text.is_empty() {
                        return (group, None);
                    }
                    let key = match c {
                        // Ordered by meaning, not alphabet.
                        3 => Key::Num(init.confidence as u8 as f64),
                        4 => Key::Num(init.status as u8 as f64),
                        7 => Key::Num(
                            roadmap
                                .horizon_of(init, reference)
                                .map_or(9.0, |h| h as u8 as f64),
                        ),
                        9 => Key::Num(init.depends_on.len() as f64),
                        10 => Key::Num(dependents as f64),
                        SLACK => Key::Num(slack.unwrap_or(0) as f64),
                        _ => Key::Text(text.to_lowercase()),
                    };
                    (group, Some(key))
                })
                .collect();
            (
                Row {
                    init: i,
                    cells,
                    slack,
                },
                keys,
            )
        })
        .collect();
    if let Some(s) = sort {
        rows.sort_by(|(a, ka), (b, kb)| {
            let ((gx, x), (gy, y)) = (&ka[s.column], &kb[s.column]);
            if gx != gy {
                return gx.cmp(gy);
            }
            let ord = match (x, y) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, Some(_)) => return std::cmp::Ordering::Greater,
                (Some(_), None) => return std::cmp::Ordering::Less,
                (Some(x), Some(y)) => x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal),
            };
            let ord = if s.descending { ord.reverse() } else { ord };
            ord.then(a.init.cmp(&b.init))
        });
    }
    rows.into_iter().map(|(r, _)| r).collect()
}

/// The rows to render of `total` rows `row_height` high, for a scroll box scrolled to
/// `scroll_top` and `viewport` pixels high: `first..last`. Every row when there are
/// at most [`VIRTUALIZE_ABOVE`]; otherwise the visible ones plus ten above and twenty
/// below, so small scrolls need no new rows.
pub fn row_window(scroll_top: f64, viewport: f64, row_height: f64, total: usize) -> (usize, usize) {
    if total <= VIRTUALIZE_ABOVE {
        return (0, total);
    }
    let first = ((scroll_top / row_height) as usize)
        .saturating_sub(10)
        .min(total);
    (
        first,
        (first + (viewport / row_height) as usize + 30).min(total),
    )
}

/// The rows as CSV with a header line (RFC 4180). Cells that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a `'`.
pub fn to_csv(rows: &[Row]) -> String {
    let cell = |s: &str| {
        let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(
            &r.cells
                .iter()
                .map(|c| cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let rows = vec![Row {
            init: 0,
            cells: vec![
                "=HYPERLINK(\"x\")".into(),
                "a, b".into(),
                "line\nbreak".into(),
                "-1".into(),
                "@me".into(),
                "plain".into(),
                String::new(),
                String::new(),
                String::new(),
                "0".into(),
                "0".into(),
                String::new(),
            ],
            slack: None,
        }];
        let csv = to_csv(&rows);
        let line = csv.split("\r\n").nth(1).unwrap();
        assert_eq!(
            line,
            "\"'=HYPERLINK(\"\"x\"\")\",\"a, b\",\"line\nbreak\",'-1,'@me,plain,,,,0,0,"
        );
        assert!(csv.starts_with("title,stage,team,confidence,status,start,end,horizon,tags,dependencies,dependents,slack\r\n"));
    }

    #[test]
    fn the_row_window_covers_the_screen_with_a_margin() {
        assert_eq!(
            row_window(0.0, 700.0, 34.0, VIRTUALIZE_ABOVE),
            (0, VIRTUALIZE_ABOVE)
        );
        assert_eq!(row_window(0.0, 700.0, 34.0, 1000), (0, 50));
        // Scrolled to row 100 of 1,000 in a 340 px box (rows 100 to 110): rows 90 to 130.
        assert_eq!(row_window(3400.0, 340.0, 34.0, 1000), (90, 130));
        assert_eq!(row_window(34_000.0, 700.0, 34.0, 1000), (990, 1000));
        // A taller screen renders more rows.
        assert!(row_window(0.0, 2000.0, 34.0, 1000).1 > row_window(0.0, 700.0, 34.0, 1000).1);
    }

    /// Regression (#15): `sort=-slack` put a cancelled initiative first. Done and
    /// cancelled initiatives sort after the rest for slack, in both directions, and
    /// undated ones (no slack) after the dated among each.
    #[test]
    fn finished_initiatives_sort_after_the_rest_for_slack() {
        use crate::core::analysis::{analyse, Question};
        use crate::core::test_support::RoadmapBuilder;
        let r = RoadmapBuilder::new(&["s"])
            .as_of("2026-01-01")
            .initiative("end", "start: 2026-01-01, end: 2028-12-31")
            .initiative("crit", "start: 2026-01-01, end: 2026-06-30")
            .initiative("mid", "start: 2026-01-01, end: 2027-06-30")
            .initiative(
                "gone",
                "start: 2026-01-01, end: 2026-01-31, status: cancelled",
            )
            .initiative("did", "start: 2026-01-01, end: 2026-03-31, status: done")
            .initiative("undated", "")
            .build();
        let reference = r.as_of.unwrap();
        let a = analyse(&r, &Question::default(), reference);
        let all: Vec<usize> = (0..r.initiatives.len()).collect();
        let ids = |sort: &str| -> Vec<&str> {
            rows(&r, &all, &a, reference, Sort::parse(sort).as_ref())
                .iter()
                .map(|row| r.initiatives[row.init].id.as_str())
                .collect()
        };
        // Slack: end 0, mid about 548 days, crit about 913, did about 1005, gone 1065.
        assert_eq!(
            ids("slack"),
            ["end", "mid", "crit", "undated", "did", "gone"]
        );
        assert_eq!(
            ids("-slack"),
            ["crit", "mid", "end", "undated", "gone", "did"]
        );
        let row = &rows(&r, &all, &a, reference, None)[2];
        assert_eq!(row.slack, a.times(&r)[2].as_ref().map(|t| t.slack));
        assert_eq!(
            row.cells[SLACK],
            row.slack.unwrap().to_string(),
            "days in the CSV"
        );
    }

    #[test]
    fn sort_param_round_trips() {
        assert_eq!(
            Sort::parse("-start"),
            Some(Sort {
                column: 5,
                descending: true
            })
        );
        assert_eq!(Sort::parse("title").unwrap().to_param(), "title");
        assert_eq!(Sort::parse("nope"), None);
    }
}
