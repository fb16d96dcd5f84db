//! Framing: after a question (a selection, a slip, the critical path), which
//! initiatives answer it, whether other lanes must fold so they fit the screen, and
//! where to scroll so they are all in view.

use super::{lay_out, prepare, Canvas, Prepared, Settings, TimelineLayout, Zoom, BAR_HEIGHT};
use crate::core::analysis::Analysis;
use crate::core::model::Roadmap;
use crate::core::text::date::Date;
use crate::core::views::filter::Visible;
use std::collections::BTreeSet;

/// Room kept around what is framed, in pixels.
pub const MARGIN: f64 = 12.0;

/// What a question is about. `required` must be framed: the selection with its
/// direct dependencies and dependents, every initiative a slip moves (and the
/// slipped one), the critical path's chain. `wanted` adds what the selection reaches
/// transitively, kept in view when there is room.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Focus {
    pub required: BTreeSet<usize>,
    pub wanted: BTreeSet<usize>,
}

/// The focus of the question the analysis answers (empty when nothing is asked).
pub fn focus_of(roadmap: &Roadmap, analysis: &Analysis, selected: Option<usize>) -> Focus {
    let mut required = BTreeSet::new();
    if let Some(s) = selected {
        required.insert(s);
        required.extend(roadmap.initiatives[s].depends_on.iter().copied());
        required.extend(roadmap.dependents(s));
    }
    required.extend(
        analysis
            .moves
            .iter()
            .enumerate()
            .filter(|(_, m)| m.is_some())
            .map(|(i, _)| i),
    );
    required.extend(analysis.critical.iter().copied());
    let mut wanted = required.clone();
    wanted.extend(
        analysis
            .upstream
            .iter()
            .chain(&analysis.downstream)
            .copied(),
    );
    Focus { required, wanted }
}

/// The timeline for a question: the plain layout when the required initiatives fit
/// the canvas's height there. Else lanes are folded: around the whole stages of what
/// is wanted, else around its whole lanes, else around just the wanted initiatives,
/// else around the required ones; the first way in which the required ones fit the
/// height wins, so a fold takes no more than it must and the chart keeps its height
/// filled.
pub fn framed_layout(
    roadmap: &Roadmap,
    visible: &Visible,
    reference: Date,
    settings: &Settings,
    focus: &Focus,
) -> TimelineLayout {
    let unfocused = Settings {
        focus: None,
        ..*settings
    };
    let prep = prepare(roadmap, visible, reference, &unfocused);
    let plain = lay_out(roadmap, &prep, &unfocused);
    fold(roadmap, &prep, settings, focus, &plain).unwrap_or(plain)
}

/// The folded timeline [`framed_layout`] draws for `focus`, or `None` when `plain`
/// (the layout of `prep` with the same settings and no focus) is the one to draw. The
/// viewer keeps `plain` and `prep` across questions, so a question that needs no fold
/// lays nothing out, and one that does only stacks lanes again.
pub fn fold(
    roadmap: &Roadmap,
    prep: &Prepared,
    settings: &Settings,
    focus: &Focus,
    plain: &TimelineLayout,
) -> Option<TimelineLayout> {
    let fits = |l: &TimelineLayout| match vertical_span(l, &focus.required) {
        Some((lo, hi)) => hi - lo + 2.0 * MARGIN <= settings.canvas.height,
        None => true,
    };
    if focus.required.is_empty() || fits(plain) {
        return None;
    }
    let folded = |keep: &BTreeSet<usize>| {
        lay_out(
            roadmap,
            prep,
            &Settings {
                focus: Some(keep),
                ..*settings
            },
        )
    };
    // From the fullest fold down, the first in which the required ones fit: the space
    // a fold leaves goes back to the places the question already shows (their whole
    // stages, else their whole lanes), around what is wanted, else what is required.
    // Candidates equal to one already tried are skipped, so the common case lays out
    // twice (plain, then the wanted stages).
    let all = || prep.all().iter().copied();
    let init = |i: usize| &roadmap.initiatives[i];
    let around = |keep: &BTreeSet<usize>| {
        let stages: BTreeSet<usize> = keep.iter().map(|&i| init(i).stage).collect();
        let lanes: BTreeSet<_> = keep
            .iter()
            .map(|&i| (init(i).stage, init(i).team))
            .collect();
        let by_stage: BTreeSet<usize> =
            all().filter(|&i| stages.contains(&init(i).stage)).collect();
        let by_lane = all()
            .filter(|&i| lanes.contains(&(init(i).stage, init(i).team)))
            .collect();
        [by_stage, by_lane]
    };
    let [stages, lanes] = around(&focus.wanted);
    let everything = all().count();
    let mut tried: Vec<BTreeSet<usize>> = Vec::new();
    for keep in [stages, lanes, focus.wanted.clone()] {
        if keep.len() == everything || tried.contains(&keep) {
            continue;
        }
        let l = folded(&keep);
        if fits(&l) {
            return Some(l);
        }
        tried.push(keep);
    }
    Some(folded(&focus.required))
}

/// The top of the highest and the bottom of the lowest drawn bar of `focus`.
fn vertical_span(l: &TimelineLayout, focus: &BTreeSet<usize>) -> Option<(f64, f64)> {
    let ys = focus.iter().filter_map(|&i| l.bar_of(i)).map(|b| b.y);
    let (lo, hi) = ys.fold((f64::MAX, f64::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    (lo <= hi).then_some((lo, hi + BAR_HEIGHT))
}

/// A scroll position, in the drawing's pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub left: f64,
    pub top: f64,
    /// Everything framed fits across the canvas at this zoom (else zoom out).
    pub fits_across: bool,
}

/// The scroll offset along one axis that shows `lo..hi` (with [`MARGIN`]) in a view
/// `view` long starting at `current`: unchanged when it is already in view, centred
/// when it fits, else starting at `lo`. Never below 0 or past `max`.
pub fn scroll_to_contain(current: f64, view: f64, lo: f64, hi: f64, max: f64) -> f64 {
    let (lo, hi) = (lo - MARGIN, hi + MARGIN);
    let at = if lo >= current && hi <= current + view {
        current
    } else if hi - lo <= view {
        (lo + hi - view) / 2.0
    } else {
        lo
    };
    at.min(max).max(0.0)
}

/// Where to scroll so every drawn bar of `focus` (labels included) is in view, from
/// the scroll position `current` (left, top). When they do not all fit, `anchor`'s bar
/// (the selection) is in view, with as many of the others as fit after it.
pub fn frame(
    l: &TimelineLayout,
    focus: &BTreeSet<usize>,
    anchor: Option<usize>,
    current: (f64, f64),
    canvas: Canvas,
    zoom: Zoom,
) -> Option<Frame> {
    let bars: Vec<_> = focus.iter().filter_map(|&i| l.bar_of(i)).collect();
    let anchor = anchor.and_then(|a| l.bar_of(a)).or(bars.first().copied())?;
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for b in &bars {
        let (lo, hi) = b.extent();
        x0 = x0.min(lo);
        x1 = x1.max(hi);
        y0 = y0.min(b.y);
        y1 = y1.max(b.y + BAR_HEIGHT);
    }
    // `fit` spans the whole range; year zoom is coarser still: neither zooms out.
    let fits_across =
        matches!(zoom, Zoom::Fit | Zoom::Year) || x1 - x0 + 2.0 * MARGIN <= canvas.width;
    let across = x1 - x0 + 2.0 * MARGIN <= canvas.width;
    let fits_down = y1 - y0 + 2.0 * MARGIN <= canvas.height;
    let (ax0, ax1) = anchor.extent();
    let (x0, x1) = if across { (x0, x1) } else { (ax0, ax1) };
    let (y0, y1) = if fits_down {
        (y0, y1)
    } else {
        (anchor.y, anchor.y + BAR_HEIGHT)
    };
    let max_left = (l.width - canvas.width).max(0.0);
    let max_top = (l.height - canvas.height).max(0.0);
    Some(Frame {
        left: scroll_to_contain(current.0, canvas.width, x0, x1, max_left),
        top: scroll_to_contain(current.1, canvas.height, y0, y1, max_top),
        fits_across,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::{analyse, Question};
    use crate::core::views::filter::{visible, Filter};
    use crate::core::views::timeline::settings;
    use crate::core::{load, tools::generate};

    /// On a generated roadmap, selecting any initiative with up to 12 direct relations
    /// and scrolling where `frame` says puts the selection and every relation wholly
    /// in a 920 × 560 chart (folding lanes when needed); with more, the selection.
    #[test]
    fn a_selection_and_its_relations_are_framed() {
        let (r, _) = load(&generate::generate(300, 3), generate::as_of());
        let reference = generate::as_of();
        let v = visible(&r, &Filter::default(), reference, false);
        let canvas = Canvas {
            height: 560.0,
            ..Canvas::DEFAULT
        };
        let (mut folded, mut checked) = (0, 0);
        for zoom in [Zoom::Fit, Zoom::Quarter] {
            let s = Settings {
                canvas,
                ..settings(zoom)
            };
            for sel in (0..r.initiatives.len()).step_by(3) {
                let q = Question {
                    select: Some(r.initiatives[sel].id.clone()),
                    ..Question::default()
                };
                let a = analyse(&r, &q, reference);
                let focus = focus_of(&r, &a, Some(sel));
                let l = framed_layout(&r, &v, reference, &s, &focus);
                folded += usize::from(l.folded);
                // Folding hides, never loses: what the fold rows count and name, plus
                // what is drawn, is every initiative shown.
                let hidden: usize = l
                    .lanes
                    .iter()
                    .map(|lane| match &lane.kind {
                        super::super::LaneKind::Fold {
                            initiatives,
                            places,
                            ..
                        } => {
                            assert!(!places.is_empty());
                            *initiatives
                        }
                        _ => 0,
                    })
                    .sum();
                assert_eq!(hidden + l.bars.len(), v.shown.len() + v.ghosts.len());
                let f = frame(&l, &focus.required, Some(sel), (0.0, 0.0), canvas, zoom).unwrap();
                if !f.fits_across {
                    assert_ne!(zoom, Zoom::Fit);
                    continue;
                }
                let inside = |i: usize| {
                    let b = l.bar_of(i).expect("every relation is drawn");
                    let (lo, hi) = b.extent();
                    lo >= f.left - 1e-6
                        && hi <= f.left + canvas.width + 1e-6
                        && b.y >= f.top - 1e-6
                        && b.y + BAR_HEIGHT <= f.top + canvas.height + 1e-6
                };
                assert!(inside(sel), "{} not framed", r.initiatives[sel].id);
                if focus.required.len() <= 12 {
                    for &i in &focus.required {
                        let b = l.bar_of(i).unwrap();
                        assert!(inside(i), "{} not framed with {} ({zoom:?}, {} in focus, folded {}, bar {:?} {:?}, frame {f:?}, height {})", r.initiatives[i].id, r.initiatives[sel].id, focus.required.len(), l.folded, b.extent(), b.y, l.height);
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "only {checked} selections checked");
        assert!(
            folded > 0,
            "no selection needed folding: the test frames nothing hard"
        );
    }

    /// Every initiative a slip moves is drawn, and with the plain layout's lanes
    /// folded when they do not fit, the slipped one is framed.
    #[test]
    fn a_slip_frames_what_it_moves() {
        let (r, _) = load(&generate::generate(300, 3), generate::as_of());
        let reference = generate::as_of();
        let v = visible(&r, &Filter::default(), reference, false);
        let slipped = (0..r.initiatives.len())
            .max_by_key(|&i| r.dependents(i).count())
            .unwrap();
        let q = Question {
            select: Some(r.initiatives[slipped].id.clone()),
            slip: Some((r.initiatives[slipped].id.clone(), 8)),
            ..Question::default()
        };
        let a = analyse(&r, &q, reference);
        let focus = focus_of(&r, &a, Some(slipped));
        let moved: Vec<usize> = (0..r.initiatives.len())
            .filter(|&i| a.moves[i].is_some())
            .collect();
        assert!(moved.len() > 1);
        assert!(moved.iter().all(|i| focus.required.contains(i)));
        let s = settings(Zoom::Fit);
        let l = framed_layout(&r, &v, reference, &s, &focus);
        assert!(moved.iter().all(|&i| l.bar_of(i).is_some()));
        let f = frame(
            &l,
            &focus.required,
            Some(slipped),
            (0.0, 0.0),
            s.canvas,
            Zoom::Fit,
        )
        .unwrap();
        let b = l.bar_of(slipped).unwrap();
        assert!(b.y >= f.top && b.y + BAR_HEIGHT <= f.top + s.canvas.height);
    }

    /// (current, view, lo, hi, max) → offset.
    #[test]
    fn scrolling_moves_only_as_needed() {
        let cases = [
            // Already in view: stay.
            ((100.0, 500.0, 200.0, 300.0, 1000.0), 100.0),
            // Out of view but fits: centred.
            ((0.0, 500.0, 800.0, 900.0, 1000.0), 600.0),
            // Too big: from its start (less the margin).
            ((0.0, 500.0, 800.0, 1600.0, 2000.0), 800.0 - MARGIN),
            // Clamped to what can be scrolled.
            ((0.0, 500.0, 1900.0, 1950.0, 1500.0), 1500.0),
            ((300.0, 500.0, 5.0, 40.0, 1500.0), 0.0),
        ];
        for ((current, view, lo, hi, max), want) in cases {
            assert_eq!(scroll_to_contain(current, view, lo, hi, max), want);
        }
    }
}
