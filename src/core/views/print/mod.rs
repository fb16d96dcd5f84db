//! Print (#31): the timeline laid out for paper, every initiative the view shows on
//! as many landscape pages as it takes, and the filters in words for the page's head.
//!
//! The whole view is laid out at the paper's width ([`Paper::canvas`]: `fit` re-fitted
//! to it, nothing folded or collapsed), then cut into pages between lanes: a team's
//! lane stays whole unless it is taller than a page, and then breaks between its rows,
//! so no bar is ever cut by a page's edge. A stage continued on the next page repeats
//! its header there. A title that does not fit beside or on its bar goes into the
//! page's numbered key: the bar carries its number, the key its whole title.

mod key;
mod words;

pub use key::{key_height, key_lines, wrap, KeyLine, KEY_CHARS, KEY_COLUMNS, KEY_LINE};
pub use words::filters_in_words;

use crate::core::model::Roadmap;
use crate::core::views::describe::bar_text;
use crate::core::views::timeline::{
    fit_label, Bar, Canvas, Lane, LaneKind, TimelineLayout, AXIS_HEIGHT, LABEL_COLUMN, LANE_GAP,
    ROW_HEIGHT, STAGE_HEADER,
};

/// The printable area of a landscape page, in CSS pixels (96 a inch).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paper {
    pub width: f64,
    pub height: f64,
}

impl Paper {
    /// A4 and US Letter in landscape, less the stylesheet's 10 mm margins: the smaller
    /// of both (Letter's 980 px width, A4's 718 px height), with room to spare, so the
    /// same pages fit either paper without being scaled.
    pub const LANDSCAPE: Paper = Paper {
        width: 960.0,
        height: 700.0,
    };

    /// The drawing's canvas on this paper: the page's width less the lane labels.
    pub fn canvas(self) -> Canvas {
        Canvas {
            width: self.width - LABEL_COLUMN,
            height: self.height,
            labels: LABEL_COLUMN,
        }
    }
}

/// The page's head: the title line, the filters and the page number.
pub const PAGE_HEAD: f64 = 48.0;

/// A bar on a page: where it is (its `y` from the top of the page's drawing), what is
/// written on or beside it, and its number in the page's key when its title did not fit.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintBar {
    pub bar: Bar,
    pub text: String,
    pub key: Option<usize>,
}

/// An entry of a page's key: a number and the whole title it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyEntry {
    pub number: usize,
    pub init: usize,
    pub text: String,
}

/// One page: its lanes and bars from the top of its drawing, the drawing's height and
/// its key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub lanes: Vec<Lane>,
    /// Stages whose header is repeated here (continued from the page before).
    pub continued: Vec<usize>,
    pub bars: Vec<PrintBar>,
    pub height: f64,
    pub key: Vec<KeyEntry>,
}

/// A stretch of the whole layout's height that goes onto a page as one piece.
#[derive(Clone, Copy, Debug)]
struct Piece {
    top: f64,
    bottom: f64,
    /// The lane drawn for it (a stage's header, a team's lane), by position.
    lane: Option<usize>,
    header: bool,
}

/// Whether a bar's text is cut where it is drawn.
fn is_cut(text: &str, bar: &Bar) -> bool {
    fit_label(text, bar.label.w) != text
}

/// The layout's height cut into pieces in drawing order: each stage's (and the Undated
/// lane's) header, then each team lane (and the Undated lane's chips), whole.
fn pieces(l: &TimelineLayout) -> Vec<Piece> {
    let mut out = Vec::new();
    let body = |top: f64, bottom: f64, lane: Option<usize>| Piece {
        top,
        bottom,
        lane,
        header: false,
    };
    for (k, lane) in l.lanes.iter().enumerate() {
        match &lane.kind {
            LaneKind::Stage { .. } => out.push(Piece {
                top: lane.y,
                bottom: lane.y + lane.kind.header(),
                lane: Some(k),
                header: true,
            }),
            LaneKind::Team { .. } => out.push(body(lane.y, lane.y + lane.height, Some(k))),
            LaneKind::Unscheduled { .. } => {
                out.push(Piece {
                    top: lane.y,
                    bottom: lane.y + STAGE_HEADER,
                    lane: Some(k),
                    header: true,
                });
                let bottom = (lane.y + lane.height - LANE_GAP).max(lane.y + STAGE_HEADER);
                if bottom > lane.y + STAGE_HEADER {
                    out.push(body(lane.y + STAGE_HEADER, bottom, None));
                }
            }
            LaneKind::Fold { .. } => {}
        }
    }
    out
}

/// A lane's rows, each its own piece.
fn rows(p: Piece) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut y = p.top;
    while y < p.bottom - 1e-6 {
        let next = (y + ROW_HEIGHT).min(p.bottom);
        out.push(Piece {
            top: y,
            bottom: next,
            ..p
        });
        y = next;
    }
    out
}

/// A lane of at most this many rows moves whole to the next page rather than break.
const KEEP_WHOLE: f64 = 4.0 * ROW_HEIGHT;

/// A page being filled.
struct Filling<'a> {
    l: &'a TimelineLayout,
    roadmap: &'a Roadmap,
    page: Page,
    /// The lane of the last piece placed: the next row of it only lengthens it.
    last_lane: Option<usize>,
}

impl<'a> Filling<'a> {
    fn new(l: &'a TimelineLayout, roadmap: &'a Roadmap) -> Self {
        Filling {
            l,
            roadmap,
            page: Page::default(),
            last_lane: None,
        }
    }

    fn is_empty(&self) -> bool {
        self.page.lanes.is_empty() && self.page.bars.is_empty()
    }

    /// The bars of the layout between `top` and `bottom`, with their texts.
    fn bars_of(&self, top: f64, bottom: f64) -> Vec<(Bar, String)> {
        let bars = &self.l.bars;
        let from = bars.partition_point(|b| b.y < top);
        let to = bars.partition_point(|b| b.y < bottom);
        bars[from..to]
            .iter()
            .map(|b| (b.clone(), bar_text(self.roadmap, b.init, b.ghost)))
            .collect()
    }

    /// The drawing's and the key's height with `pieces` added.
    fn height_with(&self, pieces: &[Piece]) -> f64 {
        let mut height = self.page.height;
        let mut key = self.page.key.clone();
        for p in pieces {
            height += p.bottom - p.top + self.gap_before(p, height);
            for (b, text) in self.bars_of(p.top, p.bottom) {
                if is_cut(&text, &b) {
                    key.push(KeyEntry {
                        number: key.len() + 1,
                        init: b.init,
                        text,
                    });
                }
            }
        }
        height + key_height(key_lines(&key).1)
    }

    /// The gap above a stage's header that follows another stage on the page.
    fn gap_before(&self, p: &Piece, height: f64) -> f64 {
        if p.header && height > 0.0 {
            LANE_GAP
        } else {
            0.0
        }
    }

    fn push(&mut self, p: Piece, continued: bool) {
        let top = self.page.height + self.gap_before(&p, self.page.height);
        let same_lane = p.lane.is_some() && p.lane == self.last_lane && !p.header;
        self.last_lane = p.lane;
        if same_lane {
            if let Some(last) = self.page.lanes.last_mut() {
                last.height = top + p.bottom - p.top - last.y;
            }
        } else if let Some(k) = p.lane {
            let lane = &self.l.lanes[k];
            if continued {
                if let LaneKind::Stage { stage, .. } = lane.kind {
                    self.page.continued.push(stage);
                }
            }
            self.page.lanes.push(Lane {
                kind: lane.kind.clone(),
                y: top,
                height: p.bottom - p.top,
            });
        }
        for (mut bar, text) in self.bars_of(p.top, p.bottom) {
            let shift = top - p.top;
            bar.y += shift;
            let (text, key) = if is_cut(&text, &bar) {
                let number = self.page.key.len() + 1;
                self.page.key.push(KeyEntry {
                    number,
                    init: bar.init,
                    text: text.clone(),
                });
                (numbered(number, &text, bar.label.w), Some(number))
            } else {
                (text, None)
            };
            self.page.bars.push(PrintBar { bar, text, key });
        }
        self.page.height = top + p.bottom - p.top;
    }
}

/// Puts `with` (a header and what it heads, or a piece) on the page being filled, or
/// on a new one headed by the stage's `header` again when it does not fit in `room`
/// (of the page, by its number).
fn place<'a>(
    pages: &mut Vec<Page>,
    filling: &mut Filling<'a>,
    with: Vec<Piece>,
    header: Option<Piece>,
    room: impl Fn(usize) -> f64,
) {
    if !filling.is_empty() && filling.height_with(&with) > room(pages.len()) {
        let fresh = Filling::new(filling.l, filling.roadmap);
        pages.push(std::mem::replace(filling, fresh).page);
    }
    if filling.is_empty() && !with[0].header {
        if let Some(h) = header {
            filling.push(h, true);
        }
    }
    for p in with {
        filling.push(p, false);
    }
}

/// What a keyed bar shows: its number and as much of its title as fits, or the number
/// alone.
fn numbered(number: usize, text: &str, width: f64) -> String {
    let with = fit_label(&format!("{number} {text}"), width);
    if with.chars().count() >= number.to_string().len() + 3 {
        with
    } else {
        number.to_string()
    }
}

/// Cuts `l` (laid out on `paper.canvas()`) into pages of `paper`, the first of them
/// `first_extra` px shorter (it holds the legend).
///
/// Complexity: O(P · B log B) for P pieces (stage headers, lanes or rows) and B bars:
/// each piece's bars are found by binary search.
pub fn paginate<'a>(
    roadmap: &'a Roadmap,
    l: &'a TimelineLayout,
    paper: Paper,
    first_extra: f64,
) -> Vec<Page> {
    let room = |page: usize| {
        let extra = if page == 0 { first_extra } else { 0.0 };
        (paper.height - PAGE_HEAD - AXIS_HEIGHT - extra).max(ROW_HEIGHT * 2.0)
    };
    let mut pages: Vec<Page> = Vec::new();
    let mut filling = Filling::new(l, roadmap);
    let mut header: Option<Piece> = None;
    let mut pending: Option<Piece> = None;
    for p in pieces(l) {
        if p.header {
            // A header with nothing under it (a collapsed stage) goes alone.
            if let Some(h) = pending.replace(p) {
                place(&mut pages, &mut filling, vec![h], None, room);
            }
            header = Some(p);
            continue;
        }
        let with: Vec<Piece> = pending.take().into_iter().chain([p]).collect();
        let here = room(pages.len());
        let fits_here = filling.is_empty() || filling.height_with(&with) <= here;
        // A short lane that does not fit moves whole to a fresh page; a longer one
        // breaks between its rows, the rest of it under the stage's header again.
        let whole = p.bottom - p.top <= KEEP_WHOLE.max(room(pages.len() + 1) - STAGE_HEADER * 3.0)
            && (fits_here || p.bottom - p.top <= KEEP_WHOLE);
        if whole {
            place(&mut pages, &mut filling, with, header, room);
            continue;
        }
        let mut first = with.first().filter(|h| h.header).copied();
        for row in rows(p) {
            let with: Vec<Piece> = first.take().into_iter().chain([row]).collect();
            place(&mut pages, &mut filling, with, header, room);
        }
    }
    if let Some(h) = pending {
        place(&mut pages, &mut filling, vec![h], None, room);
    }
    pages.push(filling.page);
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::date::Date;
    use crate::core::tools::generate;
    use crate::core::views::filter::{visible, Filter};
    use crate::core::views::timeline::{layout, Settings, Zoom, BAR_HEIGHT};
    use std::collections::{BTreeSet, HashSet};

    fn pages_of(r: &Roadmap, filter: &Filter, reference: Date, extra: f64) -> Vec<Page> {
        let vis = visible(r, filter, reference, false);
        let none = BTreeSet::new();
        let settings = Settings::unfocused(Zoom::Fit, Paper::LANDSCAPE.canvas(), &none, &[]);
        let l = layout(r, &vis, reference, &settings);
        assert!((l.width - Paper::LANDSCAPE.canvas().width).abs() < 1e-6);
        paginate(r, &l, Paper::LANDSCAPE, extra)
    }

    /// Every initiative is on exactly one page, whole inside it; every page fits the
    /// paper with its key; every title is whole on its bar or in its page's key.
    fn check(r: &Roadmap, pages: &[Page], extra: f64) -> usize {
        let mut seen = HashSet::new();
        for (k, page) in pages.iter().enumerate() {
            let room = Paper::LANDSCAPE.height
                - PAGE_HEAD
                - AXIS_HEIGHT
                - if k == 0 { extra } else { 0.0 };
            let key = key_height(key_lines(&page.key).1);
            assert!(page.height + key <= room + 1e-6, "page {k} overflows");
            assert!(
                !page.bars.is_empty() || pages.len() == 1,
                "page {k} is empty"
            );
            for b in &page.bars {
                assert!(seen.insert(b.bar.init), "{} twice", b.bar.init);
                assert!(b.bar.y >= 0.0 && b.bar.y + BAR_HEIGHT <= page.height + 1e-6);
                let full = bar_text(r, b.bar.init, b.bar.ghost);
                match b.key {
                    None => assert_eq!(b.text, full),
                    Some(n) => {
                        assert!(page.key[n - 1].text == full && page.key[n - 1].init == b.bar.init);
                        assert!(b.text.starts_with(&n.to_string()), "{}", b.text);
                    }
                }
            }
            // A page starts with its stage's header (repeated when continued).
            assert!(
                matches!(
                    page.lanes.first().map(|l| &l.kind),
                    None | Some(LaneKind::Stage { .. } | LaneKind::Unscheduled { .. })
                ),
                "page {k}"
            );
        }
        seen.len()
    }

    #[test]
    fn a_thousand_initiatives_go_on_pages_each_once_and_whole() {
        let (r, _) = crate::core::load(&generate::generate(1000, 7), generate::as_of());
        let reference = generate::as_of();
        let pages = pages_of(&r, &Filter::default(), reference, 60.0);
        assert_eq!(check(&r, &pages, 60.0), r.initiatives.len());
        assert!(pages.len() > 10, "{} pages", pages.len());
        assert!(pages.iter().skip(1).any(|p| !p.continued.is_empty()));
        assert!(
            pages.iter().any(|p| !p.key.is_empty()),
            "some titles are keyed"
        );
        // Pages are filled: a lane that does not fit breaks between its rows unless
        // it is short (the filtered view left pages of 7 bars when lanes moved whole).
        let filter = Filter {
            confidence: [crate::core::model::Confidence::High].into(),
            ..Filter::default()
        };
        let pages = pages_of(&r, &filter, reference, 60.0);
        assert_eq!(
            check(&r, &pages, 60.0),
            visible(&r, &filter, reference, false).shown.len()
        );
        for (k, page) in pages.iter().enumerate().rev().skip(1) {
            let room =
                Paper::LANDSCAPE.height - PAGE_HEAD - AXIS_HEIGHT - if k == 0 { 60.0 } else { 0.0 };
            let used = page.height + key_height(key_lines(&page.key).1);
            assert!(used >= 0.6 * room, "page {k} holds {used} of {room} px");
        }
    }

    #[test]
    fn a_filtered_view_prints_what_it_shows() {
        let (r, _) = crate::core::load(&generate::generate(300, 3), generate::as_of());
        let reference = generate::as_of();
        let filter = Filter {
            stages: [r.stages[1].id.clone()].into(),
            ..Filter::default()
        };
        let pages = pages_of(&r, &filter, reference, 0.0);
        let shown = visible(&r, &filter, reference, false);
        assert_eq!(
            check(&r, &pages, 0.0),
            shown.shown.len() + shown.ghosts.len()
        );
        // Nothing shown: one page, empty.
        let none = Filter {
            q: "no such words anywhere".into(),
            ..Filter::default()
        };
        let pages = pages_of(&r, &none, reference, 0.0);
        assert_eq!(pages.len(), 1);
        assert!(pages[0].bars.is_empty());
    }

    #[test]
    fn a_lane_taller_than_a_page_breaks_between_rows() {
        // One stage, one team, 60 overlapping initiatives: 60 rows, over two pages.
        let mut yaml = String::from(
            "title: T\nas_of: 2026-01-01\nstages: [{id: s, name: S, teams: [{id: t, name: T}]}]\ninitiatives:\n",
        );
        for k in 0..60 {
            yaml.push_str(&format!(
                "  - {{id: i{k}, title: Initiative number {k} with a long title, stage: s, team: t, confidence: high, start: 2026-01, end: 2027-12}}\n"
            ));
        }
        let r = crate::core::test_support::roadmap(&yaml);
        let pages = pages_of(&r, &Filter::default(), r.as_of.unwrap(), 0.0);
        assert!(pages.len() >= 2);
        assert_eq!(check(&r, &pages, 0.0), 60);
        assert_eq!(pages[1].continued, vec![0], "the stage's header repeats");
        for page in &pages {
            // The header and the team's one lane (named once), holding every row.
            assert_eq!(page.lanes.len(), 2);
            assert!(matches!(page.lanes[1].kind, LaneKind::Team { .. }));
            assert!((page.lanes[1].y + page.lanes[1].height - page.height).abs() < 1e-6);
        }
    }

    #[test]
    fn keyed_bars_show_their_number() {
        assert_eq!(
            numbered(3, "Raft replication for Gitaly", 80.0),
            "3 Raft r…"
        );
        assert_eq!(numbered(12, "Raft replication", 20.0), "12");
    }
}
