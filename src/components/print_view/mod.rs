//! Print (#31): while the browser prints, the screen's drawing gives way to one laid
//! out for paper: the timeline's every initiative on landscape pages (the core's
//! `print::paginate`), each page with the roadmap's title, the filters in words, the
//! as-of date and its number, the legend once; the table's every row under a header
//! repeated on each page. `use_printing` follows `beforeprint` and `afterprint` (and
//! `matchMedia('print')`), so nothing is laid out for paper until a print starts and
//! the screen is drawn as before once it ends.

mod page;
mod table;

use super::Shared;
use crate::core::analysis::Analysis;
use crate::core::views::filter::Visible;
use crate::core::views::legend::{arrange, keys};
use crate::core::views::print::{paginate, Page, Paper};
use crate::core::views::table::Sort;
use crate::core::views::timeline::{layout, Settings, TimelineLayout, Zoom};
use crate::core::views::view_state::View;
use crate::core::Date;
use crate::state::Loaded;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

pub use page::PrintPage;
pub use table::PrintTable;

/// Whether the browser is printing: true from `beforeprint` (or the print media
/// matching) to `afterprint`. Yew renders in a microtask, which runs before the
/// browser lays the page out for printing, so the print layout is what gets printed.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| false);
    {
        let printing = printing.setter();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on = |value: bool| {
                let printing = printing.clone();
                move |_: &Event| printing.set(value)
            };
            let before = gloo::events::EventListener::new(&window, "beforeprint", on(true));
            let after = gloo::events::EventListener::new(&window, "afterprint", on(false));
            // `matchMedia('print')` through Reflect: web-sys's MediaQueryList feature
            // would rebuild web-sys for one call.
            let media = print_media(&window).map(|m| {
                let printing = printing.clone();
                gloo::events::EventListener::new(&m, "change", move |e| {
                    let matches = js_sys::Reflect::get(e, &"matches".into()).ok();
                    if let Some(m) = matches.and_then(|m| m.as_bool()) {
                        printing.set(m);
                    }
                })
            });
            move || drop((before, after, media))
        });
    }
    *printing
}

/// `window.matchMedia('print')`, as an event target.
fn print_media(window: &web_sys::Window) -> Option<web_sys::EventTarget> {
    let f = js_sys::Reflect::get(window, &"matchMedia".into()).ok()?;
    let f: &js_sys::Function = wasm_bindgen::JsCast::dyn_ref(&f)?;
    let list = f.call1(window, &"print".into()).ok()?;
    wasm_bindgen::JsCast::dyn_into(list).ok()
}

/// What every printed page's head says.
#[derive(Clone, PartialEq)]
pub struct Head {
    pub title: AttrValue,
    /// The filters in words (`print::filters_in_words`).
    pub filters: AttrValue,
    pub reference: Date,
    /// How many initiatives the view shows.
    pub count: usize,
}

#[derive(Properties, PartialEq)]
pub struct HeadProps {
    pub head: Head,
    /// "Page 2 of 5", when the pages are numbered here (the timeline's).
    #[prop_or_default]
    pub page: Option<(usize, usize)>,
}

/// A printed page's head: the title, the filters, the as-of date and the page number.
#[function_component(PrintHead)]
pub fn print_head(p: &HeadProps) -> Html {
    let h = &p.head;
    html! {
        <header class="print-head">
            <div class="print-title">
                <strong>{ h.title.clone() }</strong>
                if let Some((n, of)) = p.page {
                    <span class="print-page-no" data-print-page-no={n.to_string()}>{ format!("Page {n} of {of}") }</span>
                }
            </div>
            <div class="print-meta">
                <span data-print-filters="">{ h.filters.clone() }</span>
                { format!(" · {} initiative{} · as of {}", h.count, if h.count == 1 { "" } else { "s" }, h.reference) }
            </div>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub visible: Shared<Visible>,
    pub head: Head,
    /// Comparing with a baseline: the legend says so.
    pub comparing: bool,
}

/// The timeline at the paper's width, every initiative the view shows.
pub fn paper_layout(data: &Loaded, visible: &Visible, reference: Date) -> TimelineLayout {
    let none = BTreeSet::new();
    let settings = Settings::unfocused(Zoom::Fit, Paper::LANDSCAPE.canvas(), &none, &[]);
    layout(&data.roadmap, visible, reference, &settings)
}

/// The timeline on paper: one section per page.
#[function_component(PrintView)]
pub fn print_view(p: &Props) -> Html {
    let width = Paper::LANDSCAPE.width;
    let legend = arrange(&keys(p.comparing), width).1 + 8.0;
    let pages = use_memo(
        (p.data.clone(), p.visible.clone(), p.head.reference),
        move |(data, visible, reference)| {
            let l = paper_layout(data, visible, *reference);
            let pages: Vec<Shared<Page>> = paginate(&data.roadmap, &l, Paper::LANDSCAPE, legend)
                .into_iter()
                .map(Shared::new)
                .collect();
            (Shared::new(l), pages)
        },
    );
    let (l, pages) = &*pages;
    let of = pages.len();
    html! {
        <div class="print-view" data-print-pages={of.to_string()}>
            { for pages.iter().enumerate().map(|(k, page)| html! {
                <section class="print-page" data-print-page={(k + 1).to_string()}>
                    <PrintHead head={p.head.clone()} page={Some((k + 1, of))} />
                    if k == 0 {
                        <super::Legend width={width} comparing={p.comparing} />
                    }
                    <PrintPage data={p.data.clone()} layout={l.clone()} page={page.clone()} />
                </section>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub data: Rc<Loaded>,
    pub visible: Shared<Visible>,
    pub analysis: Shared<Analysis>,
    pub sort: Option<Sort>,
    pub head: Head,
}

/// The table on paper: every row, the header row repeated on each page.
#[function_component(PrintTableView)]
pub fn print_table_view(p: &TableProps) -> Html {
    let rows = use_memo(
        (
            p.data.clone(),
            p.visible.clone(),
            p.analysis.clone(),
            p.sort.clone(),
            p.head.reference,
        ),
        |(data, visible, analysis, sort, reference)| {
            crate::core::views::table::rows(
                &data.roadmap,
                &visible.shown,
                analysis,
                *reference,
                sort.as_ref(),
            )
        },
    );
    html! {
        <div class="print-view print-flow" data-print-table="">
            <PrintHead head={p.head.clone()} />
            <PrintTable data={p.data.clone()} rows={Shared::from(rows)} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct PrintedProps {
    pub data: Rc<Loaded>,
    pub visible: Shared<Visible>,
    pub analysis: Shared<Analysis>,
    pub sort: Option<Sort>,
    pub view: View,
    pub head: Head,
    pub comparing: bool,
}

/// What is printed instead of the screen's drawing: the timeline's pages, the table's
/// rows, or for the graph (which prints itself, fitted) the head.
#[function_component(Printed)]
pub fn printed(p: &PrintedProps) -> Html {
    let head = p.head.clone();
    match p.view {
        View::Timeline => {
            html! { <PrintView data={p.data.clone()} visible={p.visible.clone()} {head} comparing={p.comparing} /> }
        }
        View::Table => html! {
            <PrintTableView data={p.data.clone()} visible={p.visible.clone()} analysis={p.analysis.clone()} sort={p.sort.clone()} {head} />
        },
        View::Graph => {
            html! { <div class="print-view print-graph-head"><PrintHead {head} /></div> }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub data: Rc<Loaded>,
    pub visible: Shared<Visible>,
    pub reference: Date,
    pub title: AttrValue,
    pub subtitle: AttrValue,
    /// A PNG, else an SVG.
    pub png: bool,
    /// The file was offered (the sheet can go).
    pub on_done: Callback<()>,
}

/// An SVG or PNG export of the timeline: the whole view laid out at the paper's width
/// on one sheet as tall as it takes (every initiative, not the screen's window), drawn
/// out of sight, turned into a file once drawn, then removed.
#[function_component(ExportSheet)]
pub fn export_sheet(p: &SheetProps) -> Html {
    let sheet = use_memo(
        (p.data.clone(), p.visible.clone(), p.reference),
        |(data, visible, reference)| {
            let l = paper_layout(data, visible, *reference);
            let whole = Paper {
                height: f64::INFINITY,
                ..Paper::LANDSCAPE
            };
            let page = paginate(&data.roadmap, &l, whole, 0.0)
                .into_iter()
                .next()
                .unwrap_or_default();
            (Shared::new(l), Shared::new(page))
        },
    );
    let stage = use_node_ref();
    {
        let (stage, title, subtitle, png, done) = (
            stage.clone(),
            p.title.clone(),
            p.subtitle.clone(),
            p.png,
            p.on_done.clone(),
        );
        use_effect_with((), move |_| {
            let chart = stage
                .cast::<web_sys::Element>()
                .and_then(|s| s.query_selector("svg.print-chart").ok().flatten());
            if let Some(svg) = chart.and_then(|c| crate::export::sheet_svg(&c, &title, &subtitle)) {
                if png {
                    crate::export::download_png("roadmap.png", &svg);
                } else {
                    crate::export::download("roadmap.svg", "image/svg+xml", &svg);
                }
            }
            done.emit(());
        });
    }
    let (l, page) = &*sheet;
    html! {
        <div class="export-stage" ref={stage} aria-hidden="true">
            <PrintPage data={p.data.clone()} layout={l.clone()} page={page.clone()} />
        </div>
    }
}
