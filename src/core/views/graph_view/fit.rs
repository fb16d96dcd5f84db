//! Where the graph's drawing sits in its scrolling area (`data-chart`): the scale and
//! offset that fit it, the readable minimum, zooming about a point, framing a
//! selection with its relations, the overview map, and when the graph opens on the
//! stage-level overview instead.
//!
//! A view maps drawing units to screen pixels: `screen = offset + k · drawing`. All
//! functions are O(1) except `frame` (O(F) for F framed nodes).

use super::{NODE_H, TITLE_PX};

/// Node titles are at least this many pixels high on screen after a fit.
pub const MIN_TEXT_PX: f64 = 11.0;
/// The smallest scale a fit uses: titles at [`MIN_TEXT_PX`].
pub const MIN_FIT: f64 = MIN_TEXT_PX / TITLE_PX;
/// Fits never enlarge beyond this.
pub const MAX_FIT: f64 = 1.25;
/// Zoom limits for the buttons and the wheel (a user may zoom out past readable).
pub const ZOOM_RANGE: (f64, f64) = (0.2, 3.0);
/// Room left around a fitted drawing, in screen pixels.
pub const PAD: f64 = 12.0;
/// Above this many nodes (shown initiatives and ghosts) the graph opens on the
/// stage-level overview without laying out every initiative: no such drawing fits
/// readably even in a 2560 × 1440 window (see `the_overview_threshold_is_measured`
/// in `graph_view`'s tests), so laying it out would only cost time.
pub const OVERVIEW_ABOVE: usize = 150;

/// Scale and offset of the drawing in its scrolling area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub k: f64,
}

/// The view that shows a `w` × `h` drawing whole in a `cw` × `ch` area, centred, at
/// a readable scale; `None` when no readable scale shows it whole.
pub fn fit(w: f64, h: f64, cw: f64, ch: f64) -> Option<View> {
    let k = ((cw - 2.0 * PAD) / w)
        .min((ch - 2.0 * PAD) / h)
        .min(MAX_FIT);
    (k >= MIN_FIT).then(|| View {
        x: (cw - w * k) / 2.0,
        y: (ch - h * k) / 2.0,
        k,
    })
}

/// The view when the whole drawing cannot be readable: the readable minimum, from the
/// top left corner (pan, zoom or use the overview map for the rest).
pub fn readable_corner() -> View {
    View {
        x: PAD,
        y: PAD,
        k: MIN_FIT,
    }
}

/// Whether the graph opens on the stage-level overview: above [`OVERVIEW_ABOVE`]
/// nodes, or when the whole drawing (`size`, `None` when it was not laid out) does
/// not fit readably in the `cw` × `ch` area; never for a single stage (its overview
/// would be one node).
pub fn opens_on_overview(
    nodes: usize,
    stages: usize,
    size: Option<(f64, f64)>,
    cw: f64,
    ch: f64,
) -> bool {
    stages > 1 && (nodes > OVERVIEW_ABOVE || size.is_none_or(|(w, h)| fit(w, h, cw, ch).is_none()))
}

/// `view` zoomed by `factor` about the screen point `(px, py)`, which stays fixed.
pub fn zoom_at(view: View, factor: f64, px: f64, py: f64) -> View {
    let k = (view.k * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
    View {
        x: px - (px - view.x) * k / view.k,
        y: py - (py - view.y) * k / view.k,
        k,
    }
}

/// The view that shows every node box in `boxes` (centre x, centre y, width; the
/// height is [`NODE_H`]) in a `cw` × `ch` area, centred on them, at a readable scale
/// (at least [`MIN_FIT`], at most 1); `None` when they do not all fit readably.
pub fn frame(boxes: &[(f64, f64, f64)], cw: f64, ch: f64) -> Option<View> {
    let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
    let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(x, y, w) in boxes {
        (x0, x1) = (x0.min(x - w / 2.0), x1.max(x + w / 2.0));
        (y0, y1) = (y0.min(y - NODE_H / 2.0), y1.max(y + NODE_H / 2.0));
    }
    if boxes.is_empty() {
        return None;
    }
    let k = ((cw - 2.0 * PAD) / (x1 - x0))
        .min((ch - 2.0 * PAD) / (y1 - y0))
        .min(1.0);
    (k >= MIN_FIT).then(|| centred((x0 + x1) / 2.0, (y0 + y1) / 2.0, k, cw, ch))
}

/// The view at scale `k` with the drawing point `(x, y)` in the middle of the area.
pub fn centred(x: f64, y: f64, k: f64, cw: f64, ch: f64) -> View {
    View {
        x: cw / 2.0 - x * k,
        y: ch / 2.0 - y * k,
        k,
    }
}

/// The part of a `w` × `h` drawing that `view` shows in a `cw` × `ch` area, in
/// drawing units `(x, y, width, height)`, clipped to the drawing; `None` when the
/// whole drawing is in view (no overview map needed).
pub fn visible_part(view: View, w: f64, h: f64, cw: f64, ch: f64) -> Option<(f64, f64, f64, f64)> {
    let (x0, y0) = (-view.x / view.k, -view.y / view.k);
    let (x1, y1) = (x0 + cw / view.k, y0 + ch / view.k);
    if x0 <= 0.0 && y0 <= 0.0 && x1 >= w && y1 >= h {
        return None;
    }
    let (cx0, cy0, cx1, cy1) = (x0.max(0.0), y0.max(0.0), x1.min(w), y1.min(h));
    Some((cx0, cy0, (cx1 - cx0).max(0.0), (cy1 - cy0).max(0.0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::views::graph_view::NODE_W;

    #[test]
    fn a_fit_shows_everything_readably_or_is_refused() {
        type Case = ((f64, f64), (f64, f64), Option<f64>);
        // (drawing, area, expected scale or None)
        let cases: &[Case] = &[
            ((500.0, 300.0), (1124.0, 624.0), Some(MAX_FIT)),
            ((2200.0, 600.0), (1124.0, 624.0), None),
            ((1100.0, 300.0), (1124.0, 624.0), Some(1.0)),
            ((1250.0, 600.0), (1124.0, 624.0), Some(1100.0 / 1250.0)),
        ];
        for &((w, h), (cw, ch), want) in cases {
            let got = fit(w, h, cw, ch);
            assert_eq!(
                got.map(|v| (v.k * 1e6).round()),
                want.map(|k| (k * 1e6).round()),
                "{w}x{h} in {cw}x{ch}"
            );
            if let Some(v) = got {
                // Everything inside the area, titles readable.
                assert!(v.x >= PAD - 1e-9 && v.y >= PAD - 1e-9);
                assert!(v.x + w * v.k <= cw - PAD + 1e-9 && v.y + h * v.k <= ch - PAD + 1e-9);
                assert!(TITLE_PX * v.k >= MIN_TEXT_PX - 1e-9);
            }
        }
        assert!(opens_on_overview(200, 3, None, 1e5, 1e5));
        assert!(opens_on_overview(
            60,
            3,
            Some((2200.0, 600.0)),
            1124.0,
            624.0
        ));
        assert!(!opens_on_overview(
            60,
            1,
            Some((2200.0, 600.0)),
            1124.0,
            624.0
        ));
        assert!(!opens_on_overview(
            60,
            3,
            Some((1000.0, 600.0)),
            1124.0,
            624.0
        ));
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor() {
        let v = View {
            x: 40.0,
            y: -30.0,
            k: 0.8,
        };
        for &(f, px, py) in &[(1.1, 300.0, 200.0), (0.9, 0.0, 0.0), (1.5, 1000.0, 10.0)] {
            let z = zoom_at(v, f, px, py);
            let before = ((px - v.x) / v.k, (py - v.y) / v.k);
            let after = ((px - z.x) / z.k, (py - z.y) / z.k);
            assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
        }
        assert_eq!(zoom_at(v, 100.0, 0.0, 0.0).k, ZOOM_RANGE.1);
    }

    #[test]
    fn framing_shows_the_boxes_readably_or_is_refused() {
        let (cw, ch) = (1000.0, 600.0);
        let near = [
            (500.0, 400.0, NODE_W),
            (200.0, 300.0, NODE_W),
            (800.0, 500.0, 160.0),
        ];
        let v = frame(&near, cw, ch).unwrap();
        assert!(v.k >= MIN_FIT && v.k <= 1.0);
        for &(x, y, w) in &near {
            let (sx, sy) = (v.x + x * v.k, v.y + y * v.k);
            assert!(sx - w / 2.0 * v.k >= PAD - 1e-9 && sx + w / 2.0 * v.k <= cw - PAD + 1e-9);
            assert!(
                sy - NODE_H / 2.0 * v.k >= PAD - 1e-9 && sy + NODE_H / 2.0 * v.k <= ch - PAD + 1e-9
            );
        }
        // Too far apart to be readable together: refused.
        assert_eq!(
            frame(&[(500.0, 400.0, NODE_W), (-5000.0, 0.0, NODE_W)], cw, ch),
            None
        );
        assert_eq!(frame(&[], cw, ch), None);
    }

    #[test]
    fn the_overview_map_appears_only_when_part_is_hidden() {
        let whole = View {
            x: 10.0,
            y: 10.0,
            k: 0.5,
        };
        assert_eq!(visible_part(whole, 1000.0, 800.0, 600.0, 500.0), None);
        let zoomed = View {
            x: -100.0,
            y: 0.0,
            k: 1.0,
        };
        assert_eq!(
            visible_part(zoomed, 1000.0, 800.0, 600.0, 500.0),
            Some((100.0, 0.0, 600.0, 500.0))
        );
    }
}
