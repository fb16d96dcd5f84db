//! The static layers: the time axis (horizon bands' heads, ticks, today) and the
//! body's grid (patterns and markers, horizon bands, gridlines). Nothing in them is
//! interactive and nothing comes from the data (tick labels are dates the core
//! writes), so each is one string of markup the browser parses at once: cheaper than
//! a node and its attributes set one by one (#27, item 3). Either is redrawn only
//! when the layout changes.

use super::Shared;
use crate::core::views::timeline::{TimelineLayout, AXIS_HEIGHT};
use crate::export::escape;
use std::fmt::Write;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub layout: Shared<TimelineLayout>,
}

/// The axis's markup: each band's head, each tick with its label, and today.
pub fn axis_markup(l: &TimelineLayout) -> String {
    let mut s = String::new();
    for b in &l.bands {
        let _ = write!(
            s,
            r#"<g class="band-head band-{}"><rect x="{}" y="0" width="{}" height="20"></rect><text x="{}" y="14">{}</text></g>"#,
            b.horizon.as_str(),
            b.x0,
            b.x1 - b.x0,
            b.x0.max(0.0) + 8.0,
            escape(b.title)
        );
    }
    for t in &l.ticks {
        let _ = write!(
            s,
            r#"<g class="tick{}"><line x1="{x}" x2="{x}" y1="22" y2="{AXIS_HEIGHT}"></line><text x="{}" y="42">{}</text></g>"#,
            if t.year { " year" } else { "" },
            t.x + 4.0,
            escape(&t.label),
            x = t.x,
        );
    }
    let _ = write!(
        s,
        r#"<g class="today"><line x1="{x}" x2="{x}" y1="20" y2="{AXIS_HEIGHT}"></line><text x="{}" y="30">today</text></g>"#,
        l.today_x + 4.0,
        x = l.today_x,
    );
    s
}

/// The body grid's markup: the hatch pattern and arrow markers the bars and arrows
/// refer to, the horizon bands and the gridlines, the body's full height (`100%`: a
/// filter that changes only the lanes leaves the markup, and so the drawing, as it
/// was).
pub fn grid_markup(l: &TimelineLayout) -> String {
    let mut s = String::from(concat!(
        r#"<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">"#,
        r#"<line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line></pattern>"#,
        r#"<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">"#,
        r#"<path d="M0,0 L10,5 L0,10 z" class="arrow-head"></path></marker>"#,
        r#"<marker id="arrow-violation" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">"#,
        r#"<path d="M0,0 L10,5 L0,10 z" class="arrow-head violation"></path></marker></defs>"#,
    ));
    for b in &l.bands {
        let _ = write!(
            s,
            r#"<rect class="band band-{}" x="{}" y="0" width="{}" height="100%"></rect>"#,
            b.horizon.as_str(),
            b.x0,
            b.x1 - b.x0,
        );
    }
    for t in &l.ticks {
        let _ = write!(
            s,
            r#"<line class="grid{}" x1="{x}" x2="{x}" y1="0" y2="100%"></line>"#,
            if t.year { " year" } else { "" },
            x = t.x,
        );
    }
    s
}

/// The time axis, its own SVG (it stays on top while the chart scrolls down).
#[function_component(Axis)]
pub fn axis(p: &Props) -> Html {
    let markup = use_memo(p.layout.clone(), |l| AttrValue::from(axis_markup(l)));
    html! {
        <svg class="tl-axis" width={p.layout.width.max(1.0).to_string()} height={AXIS_HEIGHT.to_string()} aria-hidden="true">
            { Html::from_html_unchecked((*markup).clone()) }
        </svg>
    }
}

/// The body's grid: drawn first, under the lanes and bars.
#[function_component(Grid)]
pub fn grid(p: &Props) -> Html {
    let markup = use_memo(p.layout.clone(), |l| AttrValue::from(grid_markup(l)));
    html! { <g class="tl-static">{ Html::from_html_unchecked((*markup).clone()) }</g> }
}

#[cfg(test)]
mod tests {
    use super::{axis_markup, grid_markup};
    use crate::core::text::date::{Date, Edge};
    use crate::core::views::filter::{visible, Filter};
    use crate::core::views::timeline::{layout, settings, Zoom};

    const YAML: &str = "title: T\nas_of: 2026-03-01\nstages: [{id: s, name: S}]\ninitiatives:
  - {id: a, title: A, stage: s, confidence: high, start: 2026-Q1, end: 2026-Q4}
  - {id: b, title: B, stage: s, confidence: high, start: 2027-Q3, end: 2028-Q4}
";

    /// The static layers are well-formed markup with one element per band and tick,
    /// as the per-node drawing had, at every zoom.
    #[test]
    fn the_static_layers_hold_every_band_and_tick() {
        let r = crate::core::test_support::roadmap(YAML);
        let reference = Date::parse("2026-03-01", Edge::First).unwrap();
        for zoom in [Zoom::Fit, Zoom::Month, Zoom::Quarter, Zoom::Year] {
            let vis = visible(&r, &Filter::default(), reference, false);
            let l = layout(&r, &vis, reference, &settings(zoom));
            let (axis, grid) = (axis_markup(&l), grid_markup(&l));
            assert!(!l.ticks.is_empty());
            assert_eq!(axis.matches("class=\"band-head").count(), l.bands.len());
            assert_eq!(axis.matches("<g class=\"tick").count(), l.ticks.len());
            assert_eq!(grid.matches("class=\"band band-").count(), l.bands.len());
            assert_eq!(grid.matches("class=\"grid").count(), l.ticks.len());
            for t in &l.ticks {
                assert!(
                    axis.contains(&format!(">{}</text>", t.label)),
                    "{}",
                    t.label
                );
            }
            for markup in [&axis, &grid] {
                // Every element is closed (no self-closing tags).
                assert_eq!(
                    markup.matches('<').count(),
                    2 * markup.matches("</").count()
                );
            }
        }
    }
}
