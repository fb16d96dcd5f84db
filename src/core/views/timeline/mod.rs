//! Timeline layout: where every bar, lane, gridline and arrow goes, in pixels.
//!
//! Time runs left to right. In `fit` zoom (the default) the drawing spans the work to
//! do up to the end of the long horizon and exactly fills the chart's width; other
//! zooms have a fixed scale and widen to show everything dated. Lanes group by stage,
//! then team (a team's name sits beside its first row); within a lane, bars are packed
//! into rows so that neither bars nor their labels overlap. Undated initiatives are
//! chips in an "Undated" lane at the bottom, under the band of their horizon, so
//! arrows reach them like any bar. A *focus* (what a question is about) can fold every
//! other lane to one thin row so the answer fits the screen. The Yew component only
//! draws what this computes; `keys` says where each arrow key leads.

use crate::core::analysis::slip::Move;
use crate::core::model::{Horizon, Initiative, Roadmap};
use crate::core::text::date::Date;
use crate::core::text::keyword::keyword_enum;
use std::collections::BTreeSet;

mod arrows;
mod bar;
mod baseline;
mod build;
mod drift;
mod fold;
mod frame;
mod keys;
mod labels;
mod place;
mod range;
mod slip_ghost;
mod viewport;

pub use arrows::{arrows, Arrow};
pub use baseline::{baseline_marks, BaselineMarks, Outline, RemovedGhost, OUTLINE_HEIGHT};
pub use build::{lay_out, layout, prepare, Prepared};
pub use drift::{drift_marks, Trail, MOST_SLIPPED};
pub use frame::{focus_of, fold, frame, framed_layout, scroll_to_contain, Focus, Frame};
pub use keys::{scroll_to_show, step, step_in_list, tab_stop, Step};
pub use labels::{
    fit_label, fold_places, fold_text, initial_scroll, label_span, tooltip_at, wrap_name,
};
pub use place::{extent, pack, place_label, text_width, Label, Side, CHAR_W};
pub use range::{band_title, fit_range, scale, ticks, Dated};
pub use slip_ghost::{slip_ghost, SlipGhost, GHOST_LABEL};
pub use viewport::{Viewport, VIRTUALIZE_ABOVE};

pub const ROW_HEIGHT: f64 = 30.0;
pub const BAR_HEIGHT: f64 = 22.0;
pub const STAGE_HEADER: f64 = 30.0;
/// Height of the sticky time axis above the drawing.
pub const AXIS_HEIGHT: f64 = 46.0;
/// A stage header whose name takes two lines.
pub const STAGE_HEADER_WRAPPED: f64 = 44.0;
/// A folded run of lanes: one thin row.
pub const FOLD_HEIGHT: f64 = 20.0;
pub const LANE_GAP: f64 = 6.0;
/// Bars never get thinner than this, so short items stay clickable.
pub const MIN_BAR: f64 = 8.0;
/// Width of the lane label column: stage names wrap within it.
pub const LABEL_COLUMN: f64 = 200.0;

keyword_enum!(
    /// Which dependency arrows the timeline draws.
    #[derive(Default)]
    pub enum DepsMode {
        /// Only those of the hovered or selected initiative.
        #[default]
        Selected = "selected",
        All = "all",
        /// Only schedule conflicts (a dependent starting before its dependency ends).
        Violations = "violations",
    }
);

keyword_enum!(
    /// The timeline's scale.
    #[derive(Default)]
    pub enum Zoom {
        /// The work to do, to the end of the long horizon, in the chart's width.
        #[default]
        Fit = "fit",
        Month = "month",
        Quarter = "quarter",
        Year = "year",
    }
);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// From start to end.
    Range,
    /// Only an end: a milestone marker.
    Milestone,
    /// Only a start: runs to the end of its horizon, drawn open.
    OpenEnded,
    /// No dates: a chip in the Unscheduled lane, under its horizon's band.
    Undated,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub init: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub shape: Shape,
    pub ghost: bool,
    /// Where its title goes.
    pub label: Label,
    /// It runs on before the drawn range (left) or after it (right): drawn cut.
    pub cut: (bool, bool),
    /// What is drawn after its end: a slip's ghost and its "+6 w".
    pub tail: f64,
}

impl Bar {
    /// The horizontal span the bar, its tail and its label take.
    pub fn extent(&self) -> (f64, f64) {
        extent(self.x, self.w, self.tail, &self.label)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum LaneKind {
    Stage {
        stage: usize,
        /// Initiatives of the stage that pass the filter (undated ones included).
        count: usize,
        /// Its initiatives drawn only as context (ghosts) around a page's own.
        context: usize,
        /// The count as drawn ([`stage_count`]).
        count_label: String,
        collapsed: bool,
        /// The name, in one or two lines that fit the label column.
        name: Vec<String>,
    },
    Team {
        team: Option<usize>,
        stage: usize,
    },
    /// The header of the undated initiatives' lane.
    Unscheduled {
        count: usize,
    },
    /// Lanes folded away while a question is framed: how many initiatives, in how
    /// many stages.
    Fold {
        initiatives: usize,
        stages: usize,
        /// The stages (indices, in drawing order) it folds initiatives of;
        /// `usize::MAX` is the Unscheduled lane.
        places: Vec<usize>,
    },
}

/// A stage lane's count: its own initiatives, or for a lane of context only ("2
/// context"; in a narrow label column just the number, drawn in italics), how many it
/// shows as context.
pub fn stage_count(count: usize, context: usize, narrow: bool) -> String {
    if count == 0 && context > 0 && !narrow {
        format!("{context} context")
    } else if count == 0 {
        context.to_string()
    } else {
        count.to_string()
    }
}

impl LaneKind {
    /// The count beside a stage's name: its own initiatives, or, for a lane drawn only
    /// as context around a stage's or a team's page, how many it shows as such.
    pub fn count_text(&self) -> Option<String> {
        match self {
            LaneKind::Stage { count_label, .. } => Some(count_label.clone()),
            LaneKind::Unscheduled { count } => Some(count.to_string()),
            LaneKind::Team { .. } | LaneKind::Fold { .. } => None,
        }
    }

    /// The height of the lane's header row: a stage's (taller when its name takes two
    /// lines) or the Unscheduled lane's; other lanes have none.
    pub fn header(&self) -> f64 {
        match self {
            LaneKind::Stage { name, .. } if name.len() > 1 => STAGE_HEADER_WRAPPED,
            LaneKind::Stage { .. } | LaneKind::Unscheduled { .. } => STAGE_HEADER,
            LaneKind::Team { .. } | LaneKind::Fold { .. } => 0.0,
        }
    }
}

/// A lane at `y`, `height` tall (a stage: its header and its teams; a team: its rows).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub kind: LaneKind,
    pub y: f64,
    pub height: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    /// A year boundary (drawn stronger, labelled with the year).
    pub year: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub horizon: Horizon,
    pub x0: f64,
    pub x1: f64,
    /// Its title, shortened to fit the visible part of the band.
    pub title: &'static str,
}

/// The visible size of the chart's drawing in pixels (the lane labels and the time
/// axis excluded): `fit` fills its width; framing fits a question in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Canvas {
    pub width: f64,
    pub height: f64,
    /// The lane label column's width: [`LABEL_COLUMN`], or [`NARROW_LABEL_COLUMN`] on a
    /// phone.
    pub labels: f64,
}

impl Canvas {
    /// Before the chart is measured (and in tests): a 1440 px window's chart.
    pub const DEFAULT: Canvas = Canvas {
        width: 920.0,
        height: 700.0,
        labels: LABEL_COLUMN,
    };

    /// The canvas of a chart `outer_width` × `outer_height` px (its scrolling area,
    /// labels and axis included): the label column narrows on a phone-sized chart.
    /// The chart's canvas in a window of this size, before the chart can be measured.
    /// Where the estimate is right the first render is the only one; where it is not,
    /// the measured size lays the chart out again before the first paint. Measured in
    /// Chromium with one-line titles: the filters and margins take 312 px above
    /// 1100 px, 282 px from 768 px, 35 px below; from 1280 px the header and the
    /// chart's margin take 180 px of the height.
    pub fn estimate(window_width: f64, window_height: f64) -> Canvas {
        let beside = match window_width {
            w if w > 1100.0 => 312.0,
            w if w >= 768.0 => 282.0,
            _ => 35.0,
        };
        let above = if window_width >= 1280.0 { 180.0 } else { 214.0 };
        Canvas::of_chart(window_width - beside, window_height - above)
    }

    /// This canvas, measured with the details panel `measured_open` in a window
    /// `window_width` px wide, as it will be with the panel `open`: the screen lays
    /// the chart out for its next size in the same render that opens or closes the
    /// panel, so a selection lays the chart out once, not once for the old width and
    /// again when the measure comes back (#27). From the stylesheet's grid: from
    /// 1280 px the panel is a third column (360 px and a gap: 375 px measured); from
    /// 1024 px it takes the filters' place (340 px for their 250, or 220 up to
    /// 1100 px); below, it lies over the chart or along the window's bottom, and the
    /// width stays. The legend above the chart takes the chart's width: where it wraps
    /// to more rows (or fewer), the chart starts lower (or higher) and its room
    /// changes by as much (`comparing`: the legend holds the comparison's marks). A
    /// wrong guess costs what it did before: the measure lays the chart out again.
    pub fn beside_details(
        self,
        window_width: f64,
        measured_open: bool,
        open: bool,
        comparing: bool,
    ) -> Canvas {
        let panel = match window_width {
            w if w >= 1280.0 => 375.0,
            w if w > 1100.0 => 90.0,
            w if w >= 1024.0 => 120.0,
            _ => 0.0,
        };
        let change = match (measured_open, open) {
            (false, true) => -panel,
            (true, false) => panel,
            _ => return self,
        };
        if change == 0.0 {
            return self;
        }
        let keys = crate::core::views::legend::keys(comparing);
        let legend = |width: f64| crate::core::views::legend::arrange(&keys, width).1;
        let outer = self.width + self.labels;
        let taller = legend(outer + change) - legend(outer);
        Canvas::of_chart(outer + change, self.height + AXIS_HEIGHT - taller)
    }

    pub fn of_chart(outer_width: f64, outer_height: f64) -> Canvas {
        let labels = if outer_width < NARROW_CHART {
            NARROW_LABEL_COLUMN
        } else {
            LABEL_COLUMN
        };
        Canvas {
            width: (outer_width - labels).max(120.0).floor(),
            height: (outer_height - AXIS_HEIGHT).max(120.0).floor(),
            labels,
        }
    }
}

/// The lane labels' width on a phone: the stage's colour and a short name.
pub const NARROW_LABEL_COLUMN: f64 = 104.0;
/// A chart narrower than this (px, labels included) gets the narrow label column.
pub const NARROW_CHART: f64 = 600.0;

/// How to lay the timeline out.
#[derive(Clone, Copy, Debug)]
pub struct Settings<'a> {
    pub zoom: Zoom,
    pub canvas: Canvas,
    /// Stages (indices) shown as headers only.
    pub collapsed: &'a BTreeSet<usize>,
    /// When set, lanes holding none of these initiatives fold into thin rows.
    pub focus: Option<&'a BTreeSet<usize>>,
    /// Where a slip moves each initiative (empty: no slip): room is kept after a
    /// moved bar for its ghost.
    pub moves: &'a [Option<Move>],
}

impl<'a> Settings<'a> {
    /// Settings without a focus (no lane folds).
    pub fn unfocused(
        zoom: Zoom,
        canvas: Canvas,
        collapsed: &'a BTreeSet<usize>,
        moves: &'a [Option<Move>],
    ) -> Settings<'a> {
        Settings {
            zoom,
            canvas,
            collapsed,
            focus: None,
            moves,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub start: Date,
    pub end: Date,
    pub px_per_day: f64,
    pub width: f64,
    pub height: f64,
    pub ticks: Vec<Tick>,
    pub today_x: f64,
    pub bands: Vec<Band>,
    pub lanes: Vec<Lane>,
    pub bars: Vec<Bar>,
    /// Some lanes are folded around a focus.
    pub folded: bool,
    /// Per initiative, its position in `bars` (`u32::MAX`: not drawn): `bar_of` in O(1).
    bar_index: Vec<u32>,
}

impl TimelineLayout {
    pub fn x_of(&self, d: Date) -> f64 {
        (d.0 - self.start.0) as f64 * self.px_per_day
    }

    pub fn bar_of(&self, init: usize) -> Option<&Bar> {
        self.bars.get(self.bar_index(init)?)
    }

    /// The position of `init`'s bar in `bars` (drawing order), if it is drawn.
    fn bar_index(&self, init: usize) -> Option<usize> {
        let k = *self.bar_index.get(init)?;
        (k != u32::MAX).then_some(k as usize)
    }
}

/// The dates a bar spans, or `None` for undated initiatives.
pub(super) fn span(
    roadmap: &Roadmap,
    init: &Initiative,
    reference: Date,
) -> Option<(Date, Date, Shape)> {
    match (init.start, init.end) {
        (Some(s), Some(e)) => Some((s, e, Shape::Range)),
        (None, Some(e)) => Some((e, e, Shape::Milestone)),
        (Some(s), None) => {
            let years = match roadmap.horizon_of(init, reference) {
                Some(Horizon::Short) => 1,
                Some(Horizon::Medium) => 2,
                _ => 3,
            };
            let end = Date(reference.add_years(years).0 - 1).max(s);
            Some((s, end, Shape::OpenEnded))
        }
        (None, None) => None,
    }
}

/// Settings for tests: no stage collapsed, no focus, the default canvas.
#[cfg(test)]
pub(crate) fn settings(zoom: Zoom) -> Settings<'static> {
    static NONE: BTreeSet<usize> = BTreeSet::new();
    Settings::unfocused(zoom, Canvas::DEFAULT, &NONE, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::roadmap;
    use crate::core::views::filter::{visible, Filter};

    const YAML: &str = "title: T\nas_of: 2026-11-01\nstages: [{id: s, name: S, teams: [{id: t, name: T}]}, {id: u, name: U}]\ninitiatives:
  - {id: a, title: A, stage: s, team: t, confidence: high, start: 2026-Q1, end: 2026-Q4}
  - {id: b, title: B, stage: s, team: t, confidence: high, start: 2026-Q3, end: 2027-Q2}
  - {id: c, title: C, stage: s, team: t, confidence: high, start: 2027-Q3, end: 2027-Q4, depends_on: [b]}
  - {id: m, title: M, stage: u, confidence: low, end: 2027-06}
  - {id: o, title: O, stage: u, confidence: low, start: 2028-02}
  - {id: x, title: X, stage: u, confidence: low, horizon: long}
";

    /// A viewport keeps exactly the bars whose box (and a milestone's label) reaches
    /// into it, and the arrows whose box between their two bars does.
    #[test]
    fn the_canvas_estimate_matches_what_chromium_measured() {
        // Measured at these window sizes: the chart's client width and room.
        assert_eq!(
            Canvas::estimate(1440.0, 900.0),
            Canvas::of_chart(1128.0, 720.0)
        );
        assert_eq!(
            Canvas::estimate(1920.0, 1080.0),
            Canvas::of_chart(1608.0, 900.0)
        );
        assert_eq!(
            Canvas::estimate(1024.0, 768.0).width,
            Canvas::of_chart(742.0, 0.0).width
        );
        let phone = Canvas::estimate(390.0, 844.0);
        assert_eq!(
            (phone.width, phone.labels),
            (Canvas::of_chart(355.0, 0.0).width, NARROW_LABEL_COLUMN)
        );
    }

    #[test]
    fn the_canvas_beside_the_details_is_what_chromium_measured() {
        // Measured in Chromium, the bundled roadmap drawn: the window's width, then
        // the chart's client width and room with the details closed and open (the
        // legend wraps to one more row at 1440 and 1024 px). The e2e test
        // `opening_the_details_lays_the_chart_out_once_for_its_new_width` checks the
        // first frame painted after opening them is laid out for what is measured.
        for (window, closed, open) in [
            (1440.0, (1113.0, 720.0), (738.0, 700.0)),
            (1920.0, (1593.0, 900.0), (1218.0, 900.0)),
            (1200.0, (873.0, 600.0), (783.0, 600.0)),
            (1024.0, (727.0, 537.0), (607.0, 517.0)),
            (900.0, (603.0, 449.0), (603.0, 449.0)),
        ] {
            let closed = Canvas::of_chart(closed.0, closed.1);
            let open = Canvas::of_chart(open.0, open.1);
            let guess = |c: Canvas, from: bool, to: bool| c.beside_details(window, from, to, false);
            assert_eq!(guess(closed, false, true), open, "{window} px: opening");
            assert_eq!(guess(open, true, false), closed, "{window} px: closing");
            assert_eq!(guess(open, true, true), open, "{window} px: staying open");
        }
        // A chart narrowed under 600 px takes the narrow label column.
        let narrower = Canvas::of_chart(700.0, 720.0).beside_details(1300.0, false, true, false);
        assert_eq!(
            (narrower.labels, narrower.width),
            (NARROW_LABEL_COLUMN, 325.0 - NARROW_LABEL_COLUMN)
        );
    }

    #[test]
    fn bars_group_by_the_lane_that_holds_them() {
        let as_of = crate::core::tools::generate::as_of();
        let (r, _) = crate::core::load(&crate::core::tools::generate::generate(600, 3), as_of);
        let vis = crate::core::views::filter::visible(&r, &Default::default(), as_of, true);
        let l = layout(&r, &vis, as_of, &settings(Zoom::Fit));
        let all: Vec<&Bar> = l.bars.iter().collect();
        let groups = l.by_lane(&all);
        assert_eq!(
            groups.iter().map(|g| g.1.len()).sum::<usize>(),
            l.bars.len()
        );
        let mut keys = std::collections::BTreeSet::new();
        for (lane, bars) in &groups {
            let lane_at = &l.lanes[*lane];
            assert!(
                matches!(
                    lane_at.kind,
                    LaneKind::Team { .. } | LaneKind::Unscheduled { .. }
                ),
                "{:?}",
                lane_at.kind
            );
            for b in bars {
                // In its lane: the team's own, or the Unscheduled lane's chips.
                assert!(lane_at.y <= b.y && b.y + BAR_HEIGHT <= lane_at.y + lane_at.height);
                let init = &r.initiatives[b.init];
                if let LaneKind::Team { team, stage } = lane_at.kind {
                    assert_eq!(init.stage, stage);
                    assert!(team.is_none() || team == init.team);
                }
            }
            assert!(keys.insert(l.lane_key(*lane)), "one group per lane");
        }
        // A lane keeps its key in another layout (a filter moves it).
        let high = crate::core::views::filter::Filter {
            confidence: [crate::core::model::Confidence::High].into(),
            ..Default::default()
        };
        let vis2 = crate::core::views::filter::visible(&r, &high, as_of, true);
        let l2 = layout(&r, &vis2, as_of, &settings(Zoom::Fit));
        let all2: Vec<&Bar> = l2.bars.iter().collect();
        for (lane, bars) in l2.by_lane(&all2) {
            let before = groups
                .iter()
                .find(|(_, b)| b.iter().any(|x| x.init == bars[0].init));
            assert_eq!(l2.lane_key(lane), l.lane_key(before.unwrap().0));
        }
    }

    #[test]
    fn a_large_roadmap_lays_out_every_bar_in_drawing_order() {
        let as_of = crate::core::tools::generate::as_of();
        let (r, _) = crate::core::load(&crate::core::tools::generate::generate(3_000, 2), as_of);
        let vis = crate::core::views::filter::visible(&r, &Default::default(), as_of, true);
        for zoom in [Zoom::Fit, Zoom::Quarter] {
            let l = layout(&r, &vis, as_of, &settings(zoom));
            assert_eq!(l.bars.len(), vis.shown.len() + vis.ghosts.len());
            assert!(l.bars.is_sorted_by(|a, b| (a.y, a.x) <= (b.y, b.x)));
        }
    }

    #[test]
    fn a_viewport_keeps_what_reaches_into_it() {
        let r = roadmap(YAML);
        let v = visible(&r, &Filter::default(), r.as_of.unwrap(), false);
        let l = layout(&r, &v, r.as_of.unwrap(), &settings(Zoom::Quarter));
        let ids = |bars: Vec<&Bar>| {
            let mut v: Vec<&str> = bars
                .iter()
                .map(|b| r.initiatives[b.init].id.as_str())
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(
            ids(l.bars_in(&Viewport::ALL)),
            ["a", "b", "c", "m", "o", "x"]
        );
        let (a, c) = (
            l.bar_of(r.find("a").unwrap()).unwrap(),
            l.bar_of(r.find("c").unwrap()).unwrap(),
        );
        // a's row, left of c: a and b (b starts before a ends), not c.
        let left = Viewport {
            top: a.y,
            bottom: a.y + 1.0,
            left: 0.0,
            right: c.x - 1.0,
        };
        let brute: Vec<&Bar> = l
            .bars
            .iter()
            .filter(|b| b.y <= left.bottom && b.y + BAR_HEIGHT >= left.top && b.x <= left.right)
            .collect();
        assert_eq!(ids(l.bars_in(&left)), ids(brute));
        assert!(!ids(l.bars_in(&left)).contains(&"c"));
        let b_to_c = Arrow {
            from: r.find("b").unwrap(),
            to: r.find("c").unwrap(),
            violation: false,
            path: String::new(),
        };
        assert!(l.arrow_in(&b_to_c, &Viewport::ALL));
        let far = Viewport {
            top: l.height + 100.0,
            bottom: l.height + 200.0,
            ..Viewport::ALL
        };
        assert!(!l.arrow_in(&b_to_c, &far));
        assert!(l.bars_in(&far).is_empty());
        assert_eq!(Viewport::span_around(100.0, 40.0), (90.0, 150.0));
    }

    #[test]
    fn bars_never_overlap_within_a_lane_and_follow_time() {
        let r = roadmap(YAML);
        let v = visible(
            &r,
            &Filter::default(),
            Date::from_ymd(2026, 11, 1).unwrap(),
            false,
        );
        let l = layout(&r, &v, r.as_of.unwrap(), &settings(Zoom::Quarter));
        assert_eq!(l.start.to_string(), "2026-01-01");
        let bar = |id: &str| l.bar_of(r.find(id).unwrap()).unwrap().clone();
        let (a, b, c) = (bar("a"), bar("b"), bar("c"));
        assert_ne!(a.y, b.y, "a and b overlap in time, so they take two rows");
        assert_eq!(a.y, c.y, "c starts after a ends: it reuses a's row");
        assert!(c.x > b.x + b.w - 1.0);
        assert_eq!(bar("m").shape, Shape::Milestone);
        let o = bar("o");
        assert_eq!(o.shape, Shape::OpenEnded);
        assert!(
            (o.x + o.w - l.x_of(Date::from_ymd(2028, 11, 1).unwrap())).abs() < 1.0,
            "starts in the medium horizon and runs to its end"
        );
        let x = bar("x");
        assert_eq!(x.shape, Shape::Undated);
        assert_eq!(
            x.x, l.bands[2].x0,
            "an undated chip sits under its horizon's band"
        );
        assert!(
            x.y > bar("o").y,
            "in the Unscheduled lane, below every dated bar"
        );
        assert_eq!(l.bands.len(), 3);
        assert!((l.today_x - l.x_of(r.as_of.unwrap())).abs() < 1e-9);
        let drawn = arrows(&r, &l, DepsMode::Selected, r.find("c"), &|_, _| true);
        assert_eq!(drawn.len(), 1);
        assert_eq!(
            (drawn[0].from, drawn[0].to),
            (r.find("b").unwrap(), r.find("c").unwrap())
        );
        assert!(arrows(&r, &l, DepsMode::Selected, None, &|_, _| true).is_empty());
    }

    #[test]
    fn labels_stay_in_view() {
        let bar = Bar {
            init: 0,
            x: 100.0,
            y: 0.0,
            w: 400.0,
            shape: Shape::Range,
            ghost: false,
            label: Label {
                side: Side::Inside,
                x: 100.0,
                w: 400.0,
            },
            cut: (false, false),
            tail: 0.0,
        };
        assert_eq!(label_span(&bar, 0.0), (106.0, 400.0));
        assert_eq!(label_span(&bar, 300.0), (306.0, 200.0));
        assert_eq!(
            label_span(&bar, 480.0),
            (106.0, 400.0),
            "too little left in view: keep the label at the start"
        );
    }

    #[test]
    fn folds_say_how_many_and_where() {
        let r = roadmap(YAML);
        assert_eq!(fold_text(1, 0), "⋯ 1 more initiative · show");
        assert_eq!(fold_text(37, 3), "⋯ 37 more in 3 stages · show");
        assert_eq!(fold_places(&r, &[1, usize::MAX]), "folded: U · Undated");
        assert_eq!(LaneKind::Unscheduled { count: 2 }.header(), STAGE_HEADER);
        // A lane of context only says so, in a few characters when narrow.
        assert_eq!(stage_count(3, 2, false), "3");
        assert_eq!(stage_count(0, 2, false), "2 context");
        assert_eq!(stage_count(0, 2, true), "2");
        assert_eq!(stage_count(0, 0, false), "0");
    }

    #[test]
    fn tooltips_go_under_the_bar_else_above_within_the_drawing() {
        let bar = |x: f64, y: f64| Bar {
            init: 0,
            x,
            y,
            w: 50.0,
            shape: Shape::Range,
            ghost: false,
            label: Label {
                side: Side::Inside,
                x,
                w: 50.0,
            },
            cut: (false, false),
            tail: 0.0,
        };
        let canvas = Canvas {
            width: 800.0,
            height: 500.0,
            labels: LABEL_COLUMN,
        };
        let (left, top, below) = tooltip_at(&bar(100.0, 40.0), 0.0, 0.0, canvas);
        assert_eq!(
            (left, top, below),
            (
                LABEL_COLUMN + 100.0,
                AXIS_HEIGHT + 40.0 + BAR_HEIGHT + 6.0,
                true
            )
        );
        // Near the bottom: above; scrolled: follows; near the right edge: kept inside.
        assert!(!tooltip_at(&bar(100.0, 480.0), 0.0, 0.0, canvas).2);
        assert_eq!(
            tooltip_at(&bar(100.0, 240.0), 0.0, 200.0, canvas).1,
            AXIS_HEIGHT + 40.0 + BAR_HEIGHT + 6.0
        );
        assert_eq!(
            tooltip_at(&bar(790.0, 40.0), 0.0, 0.0, canvas).0,
            LABEL_COLUMN + 500.0
        );
    }

    #[test]
    fn labels_fit() {
        assert_eq!(
            fit_label("Raft replication for Gitaly", 300.0),
            "Raft replication for Gitaly"
        );
        assert_eq!(fit_label("Raft replication for Gitaly", 80.0), "Raft rep…");
        assert_eq!(fit_label("Raft", 10.0), "");
    }
}

#[cfg(test)]
mod marks_tests {
    use super::settings;
    use super::*;
    use crate::core::analysis::{analyse, Question};
    use crate::core::views::filter::{visible, Filter};
    use crate::core::{load, tools::generate};

    /// `Selected` mode walks only the focus's relations, yet gives exactly the arrows
    /// (and order) of a walk over every bar keeping the focus's edges.
    #[test]
    fn selected_arrows_equal_a_full_walk_restricted_to_the_focus() {
        let (r, _) = load(&generate::generate(300, 3), generate::as_of());
        let reference = generate::as_of();
        let v = visible(&r, &Filter::default(), reference, false);
        let l = layout(&r, &v, reference, &settings(Zoom::Quarter));
        let mut with_arrows = 0;
        for f in 0..r.initiatives.len() {
            let fast = arrows(&r, &l, DepsMode::Selected, Some(f), &|_, _| true);
            let full = arrows(&r, &l, DepsMode::All, None, &|a, b| a == f || b == f);
            assert_eq!(fast, full, "focus {}", r.initiatives[f].id);
            with_arrows += usize::from(!fast.is_empty());
        }
        assert!(with_arrows > 100, "only {with_arrows} foci have arrows");
        assert!(arrows(&r, &l, DepsMode::Selected, None, &|_, _| true).is_empty());
    }

    /// In `fit` zoom at 1,000 initiatives, no two bars in a row overlap, labels
    /// included, and every label is inside the drawing.
    #[test]
    fn labels_never_overlap_bars_or_labels() {
        let (r, _) = load(&generate::generate(1000, 7), generate::as_of());
        let reference = generate::as_of();
        let v = visible(&r, &Filter::default(), reference, false);
        let l = layout(&r, &v, reference, &settings(Zoom::Fit));
        assert!(
            (l.width - Canvas::DEFAULT.width).abs() < 1e-6,
            "fit fills the canvas"
        );
        let mut rows: std::collections::BTreeMap<i64, Vec<(f64, f64)>> = Default::default();
        for b in &l.bars {
            let (lo, hi) = b.extent();
            assert!(
                lo >= -1e-6 && (b.label.side == Side::Cut || hi <= l.width + 1e-6),
                "{b:?}"
            );
            rows.entry((b.y * 10.0) as i64).or_default().push((lo, hi));
        }
        let mut outside = 0;
        for b in &l.bars {
            outside += usize::from(matches!(b.label.side, Side::Left | Side::Right));
        }
        assert!(
            outside > 100,
            "short bars carry their titles beside them ({outside})"
        );
        for row in rows.values_mut() {
            row.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in row.windows(2) {
                assert!(w[0].1 <= w[1].0, "{:?} overlaps {:?}", w[0], w[1]);
            }
        }
    }

    /// A slip ghost starts at the moved start date, spans the moved dates, and is
    /// flagged exactly when the move says the plan now ends later than its horizon.
    #[test]
    fn slip_ghosts_sit_at_the_moved_dates() {
        let (r, _) = load(&generate::generate(300, 3), generate::as_of());
        let reference = generate::as_of();
        let v = visible(&r, &Filter::default(), reference, false);
        let slipped = (0..r.initiatives.len())
            .find(|&i| r.initiatives[i].start.is_some() && r.dependents(i).count() >= 2)
            .expect("a dated initiative with dependents");
        let question = Question {
            slip: Some((r.initiatives[slipped].id.clone(), 12)),
            ..Question::default()
        };
        let a = analyse(&r, &question, reference);
        let l = layout(
            &r,
            &v,
            reference,
            &Settings {
                moves: &a.moves,
                ..settings(Zoom::Quarter)
            },
        );
        let mut drawn = 0;
        let mut row_of: std::collections::BTreeMap<i64, Vec<(f64, f64)>> = Default::default();
        for b in &l.bars {
            row_of
                .entry((b.y * 10.0) as i64)
                .or_default()
                .push(b.extent());
        }
        for (i, m) in a.moves.iter().enumerate() {
            let (Some(m), Some(bar)) = (m, l.bar_of(i)) else {
                continue;
            };
            let g = slip_ghost(&l, bar, m).expect("a moved dated bar has a ghost");
            assert_eq!(g.x, l.x_of(m.start.or(m.end).unwrap()));
            assert!(g.w >= MIN_BAR);
            assert_eq!(g.y, bar.y);
            assert_eq!(g.flagged, m.later_horizon || m.beyond_three_years);
            assert!(g.label.starts_with('+'), "{}", g.label);
            // The ghost and its label are inside the bar's extent: nothing else in
            // the row is drawn over them.
            let (lo, hi) = bar.extent();
            assert!(
                g.x + g.w + GHOST_LABEL <= hi + 1e-6 && g.x >= lo - 1e-6,
                "{g:?} {bar:?}"
            );
            for other in &row_of[&((bar.y * 10.0) as i64)] {
                assert!(
                    *other == (lo, hi) || other.1 <= lo || other.0 >= hi,
                    "{other:?} overlaps {g:?}"
                );
            }
            drawn += 1;
        }
        assert!(drawn >= 2, "only {drawn} ghosts");
    }
}
