//! The scrolling chart's hooks: its measure (for `fit` and framing), its scroll
//! position and the rows a virtualized drawing renders, where a zoom starts, and the
//! scroll that frames each question.
//!
//! None of them reads layout after a render: the measure comes from a
//! `ResizeObserver` (its callbacks run once layout is done), the scroll position from
//! scroll events, and framing reads the scroll position only when a question has
//! something to frame (#27).

use super::Shared;
use crate::core::views::intent::Intent;
use crate::core::views::timeline::{
    frame, initial_scroll, Canvas, Focus, TimelineLayout, Viewport, Zoom, AXIS_HEIGHT,
};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Sizes the scrolling chart to end at the window's bottom (at least 240 px tall), so
/// the whole chart is on screen with the page scrolled to the top, and returns the
/// drawing area's size: the chart less the lane labels and the axis, as tall as the
/// room it may grow to (not the height of what it holds now: a folded chart is shorter
/// than its room, and the next layout may fill it) less a scrollbar.
///
/// Every read comes before the one write (`max-height`), so called where layout is
/// clean (a `ResizeObserver` callback) it forces no layout.
fn fit_and_measure(el: &web_sys::HtmlElement) -> Measure {
    let inner = crate::components::focus::window_height();
    let top = el.get_bounding_client_rect().top() + gloo::utils::window().scroll_y().unwrap_or(0.0);
    let scrollbar = f64::from(el.offset_height() - el.client_height()).max(0.0);
    let width = f64::from(el.client_width());
    // A bottom sheet (the details on a narrow screen) covers the window's bottom.
    let sheet = crate::components::focus::bottom_sheet_top().map_or(0.0, |t| inner - t);
    // With a sheet, the page is scrolled to put the chart at the window's top (the
    // details do it when they open), so the chart fills what the sheet leaves.
    let room = if sheet > 0.0 {
        inner - sheet - 16.0
    } else {
        inner - top - 16.0
    };
    let room = room.max(240.0).floor();
    let want = format!("{room}px");
    let style = el.style();
    if style.get_property_value("max-height").ok().as_deref() != Some(want.as_str()) {
        let _ = style.set_property("max-height", &want);
    }
    Measure {
        canvas: Canvas::of_chart(width, room - scrollbar),
        details_open: el.closest(".with-details").ok().flatten().is_some(),
        window_width: crate::components::env::window_size().0,
    }
}

/// A measure of the chart: its canvas, whether the details panel was open beside it,
/// and the window's width (the screen predicts the canvas for the panel's next state
/// from them: `Canvas::beside_details`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measure {
    pub canvas: Canvas,
    pub details_open: bool,
    pub window_width: f64,
}

impl Measure {
    /// The canvas with the details `open` or not (the legend above the chart holds
    /// the comparison's marks when `comparing`).
    pub fn canvas(&self, open: bool, comparing: bool) -> Canvas {
        self.canvas
            .beside_details(self.window_width, self.details_open, open, comparing)
    }
}

/// Measures the chart into `on_canvas` when the chart or the page around it changes
/// size (a `ResizeObserver`), when the window resizes, and on a phone when the details
/// open or close (a bottom sheet covers the window's bottom without resizing
/// anything). An equal measure changes nothing: the screen keeps it with
/// `use_state_eq`. Beside a side panel the screen predicts the canvas itself, so
/// nothing is measured right after the render that opens it (that would force a
/// layout).
#[hook]
pub fn use_measure(scroller: &NodeRef, on_canvas: &Callback<Measure>, details_open: bool) {
    let measure = {
        let (scroller, on_canvas) = (scroller.clone(), on_canvas.clone());
        use_memo((), move |_| {
            Rc::new(move || {
                if let Some(el) = scroller.cast::<web_sys::HtmlElement>() {
                    on_canvas.emit(fit_and_measure(&el));
                }
            }) as Rc<dyn Fn()>
        })
    };
    {
        let (scroller, measure) = (scroller.clone(), (*measure).clone());
        use_effect_with((), move |_| {
            let on_resize = {
                let measure = measure.clone();
                wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || measure())
            };
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, scroller.cast::<web_sys::Element>()) {
                o.observe(&el);
                // The chart's top moves when what is above it changes size.
                if let Some(main) = el.closest("main").ok().flatten() {
                    o.observe(&main);
                }
            }
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_resize);
                drop(listener);
            }
        });
    }
    let measure = (*measure).clone();
    use_effect_with(details_open, move |_| {
        if crate::components::focus::sheet_media() {
            measure();
        }
    });
}

/// The chart's scroll position as the drawing follows it, and the body rows rendered
/// when virtualized.
#[derive(Clone)]
pub struct Scroll {
    /// Labels of bars that began left of the visible area follow it (24 px steps).
    pub left: UseStateHandle<f64>,
    /// The tooltip is placed against it (8 px steps).
    pub top: UseStateHandle<f64>,
    /// The body's y range rendered when virtualized: moved when the visible part nears
    /// one of its edges.
    pub window: UseStateHandle<(f64, f64)>,
    /// The exact scroll position (left, top) the last scroll event or write left:
    /// framing starts from it instead of reading the element's, which right after a
    /// render would force a layout (#27).
    pub at: Rc<std::cell::Cell<(f64, f64)>>,
    pub on_scroll: Callback<Event>,
}

impl Scroll {
    /// What the drawing renders: everything, or when virtualized the rendered rows and
    /// the columns around the visible part (rows of a big roadmap hold dozens of bars
    /// across three years).
    pub fn viewport(&self, virtualize: bool, canvas: Canvas) -> Viewport {
        if !virtualize {
            return Viewport::ALL;
        }
        let (top, bottom) = *self.window;
        let (left, right) = Viewport::span_around(*self.left, canvas.width + canvas.labels);
        Viewport {
            top,
            bottom,
            left,
            right,
        }
    }
}

#[hook]
pub fn use_scroll(scroller: &NodeRef, virtualize: bool) -> Scroll {
    let left = use_state(|| 0.0f64);
    let top = use_state(|| 0.0f64);
    let window = use_state(|| Viewport::span_around(0.0, 1000.0));
    let at = use_memo((), |_| Rc::new(std::cell::Cell::new((0.0, 0.0))));
    let on_scroll = {
        let scroller = scroller.clone();
        let (left, top, window, at) = (left.clone(), top.clone(), window.clone(), (*at).clone());
        Callback::from(move |_: Event| {
            let Some(el) = scroller.cast::<web_sys::Element>() else {
                return;
            };
            let x = f64::from(el.scroll_left());
            at.set((x, f64::from(el.scroll_top())));
            if (x - *left).abs() >= 24.0 || x == 0.0 {
                left.set(x);
            }
            let y = f64::from(el.scroll_top());
            if (y - *top).abs() >= 8.0 || y == 0.0 {
                top.set(y);
            }
            if virtualize {
                let h = f64::from(el.client_height());
                let y = y - AXIS_HEIGHT;
                let (w0, w1) = *window;
                if y < w0 + h / 16.0 && w0 > 0.0 || y + h > w1 - h / 16.0 {
                    window.set(Viewport::span_around(y, h));
                }
            }
        })
    };
    Scroll {
        left,
        top,
        window,
        at: (*at).clone(),
        on_scroll,
    }
}

/// Scrolls to where the zoom starts (today near the left edge) when it changes.
#[hook]
pub fn use_zoom_start(scroller: &NodeRef, scroll: &Scroll, layout: &TimelineLayout, zoom: Zoom) {
    let (scroller, left, at) = (scroller.clone(), scroll.left.clone(), scroll.at.clone());
    let start = initial_scroll(layout, zoom);
    use_effect_with(zoom, move |_| {
        if let Some(el) = scroller.cast::<web_sys::Element>() {
            el.set_scroll_left(start as i32);
            let x = f64::from(el.scroll_left());
            left.set(x);
            at.set((x, f64::from(el.scroll_top())));
        }
    });
}

/// What a question asks the chart to frame.
pub struct Question {
    pub layout: Shared<TimelineLayout>,
    pub focus: Shared<Focus>,
    pub selected: Option<usize>,
    pub canvas: Canvas,
    pub zoom: Zoom,
    /// Zooms out to `fit` when the question cannot fit across at this zoom.
    pub on_intent: Callback<Intent>,
}

/// Frames the question: after a selection, a slip, the critical path, or a change of
/// what is drawn while one is asked, scrolls so its initiatives are in view.
#[hook]
pub fn use_framing(scroller: &NodeRef, scroll: &Scroll, q: Question) {
    let scroller = scroller.clone();
    let scroll = scroll.clone();
    let l = &q.layout;
    let key = (
        q.focus.required.iter().copied().collect::<Vec<_>>(),
        q.selected,
        (l.width as i64, l.height as i64, l.bars.len()),
        (q.canvas.width as i64, q.canvas.height as i64),
    );
    use_effect_with(key, move |_| {
        // Nothing asked, nothing to frame (`frame` needs an anchor): reading the
        // scroll position would force a layout on every filter click (#27).
        if q.focus.required.is_empty() && q.selected.is_none() {
            return;
        }
        let Some(el) = scroller.cast::<web_sys::Element>() else {
            return;
        };
        // Where the last scroll left it: should a new, shorter drawing have clamped
        // it since, what is in view from here is in view from there too.
        let current = scroll.at.get();
        let Some(f) = frame(
            &q.layout,
            &q.focus.required,
            q.selected,
            current,
            q.canvas,
            q.zoom,
        ) else {
            return;
        };
        if !f.fits_across {
            q.on_intent.emit(Intent::SetZoom(Zoom::Fit));
            return;
        }
        if (f.left, f.top) == current {
            return;
        }
        el.set_scroll_left(f.left as i32);
        el.set_scroll_top(f.top as i32);
        let (x, y) = (f64::from(el.scroll_left()), f64::from(el.scroll_top()));
        scroll.at.set((x, y));
        scroll.left.set(x);
        scroll.top.set(y);
        scroll
            .window
            .set(Viewport::span_around(f.top, q.canvas.height + AXIS_HEIGHT));
    });
}
