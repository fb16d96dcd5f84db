//! The table view: every visible initiative as a row of a real table, sortable by any
//! column (`sort=` in the URL), sticky header, keyboard navigation between rows
//! (arrows, Home, End; Enter selects), and only the rows on screen rendered when
//! the table is long.

use crate::core::analysis::Analysis;
use crate::core::table::{self, Row, Sort, COLUMNS};
use crate::state::{Action, RoadmapState};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Must match `.table-view tbody tr { height }` in the stylesheet.
const ROW_HEIGHT: f64 = 34.0;
/// Below this many rows everything is rendered.
const VIRTUALIZE_FROM: usize = 300;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<RoadmapState>,
    pub rows: Rc<Vec<Row>>,
    pub analysis: Rc<Analysis>,
}

fn header_label(c: &str) -> String {
    let mut s = c.to_string();
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s
}

fn focus_row(index: usize) {
    let css = format!("[data-row-index=\"{index}\"]");
    if let Ok(Some(el)) = gloo::utils::document().query_selector(&css) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

#[function_component(TableView)]
pub fn table_view(props: &Props) -> Html {
    let state = &props.state;
    let r = &state.data.roadmap;
    let rows = &props.rows;
    let selected = state.selected();
    let scroller = use_node_ref();
    let (top_spacer, bottom_spacer) = (use_node_ref(), use_node_ref());
    let scroll_top = use_state(|| 0.0f64);
    let viewport = 700.0;
    let virtual_rows = rows.len() >= VIRTUALIZE_FROM;
    let (first, last) = if virtual_rows {
        let first = ((*scroll_top / ROW_HEIGHT) as usize)
            .saturating_sub(10)
            .min(rows.len());
        (
            first,
            (first + (viewport / ROW_HEIGHT) as usize + 30).min(rows.len()),
        )
    } else {
        (0, rows.len())
    };
    {
        // Spacer heights go through the CSSOM (allowed by a strict CSP), not a style attribute.
        let (top, bottom) = (top_spacer.clone(), bottom_spacer.clone());
        let (above, below) = (
            first as f64 * ROW_HEIGHT,
            (rows.len() - last) as f64 * ROW_HEIGHT,
        );
        use_effect_with((first, last, rows.len()), move |_| {
            for (node, h) in [(top, above), (bottom, below)] {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el.style().set_property("height", &format!("{h}px"));
                }
            }
        });
    }
    let on_scroll = {
        let (scroller, scroll_top) = (scroller.clone(), scroll_top.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let y = el.scroll_top() as f64;
                if (y - *scroll_top).abs() >= ROW_HEIGHT * 5.0 || y == 0.0 {
                    scroll_top.set(y);
                }
            }
        })
    };
    let sort = state.view.sort.clone();
    let header = COLUMNS.iter().enumerate().map(|(c, name)| {
        let aria = match &sort {
            Some(s) if s.column == c && s.descending => "descending",
            Some(s) if s.column == c => "ascending",
            _ => "none",
        };
        let d = state.dispatcher();
        let next = match &sort {
            Some(s) if s.column == c => Sort { column: c, descending: !s.descending },
            _ => Sort { column: c, descending: false },
        };
        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::SetSort(Some(next.clone()))));
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort" data-sort={*name} {onclick}>
                    { header_label(name) }
                    <span class="sort-mark" aria-hidden="true">{ match aria { "ascending" => " ▲", "descending" => " ▼", _ => "" } }</span>
                </button>
            </th>
        }
    });
    let body = rows[first..last].iter().enumerate().map(|(k, row)| {
        let index = first + k;
        let init = &r.initiatives[row.init];
        let d = state.dispatcher();
        let id = init.id.clone();
        let total = rows.len();
        let select = {
            let (d, id) = (d.clone(), id.clone());
            Callback::from(move |_: MouseEvent| d.dispatch(Action::Select(Some(id.clone()))))
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            let target = match e.key().as_str() {
                "ArrowDown" => Some((index + 1).min(total - 1)),
                "ArrowUp" => Some(index.saturating_sub(1)),
                "Home" => Some(0),
                "End" => Some(total - 1),
                "Enter" | " " => {
                    e.prevent_default();
                    d.dispatch(Action::Select(Some(id.clone())));
                    None
                }
                _ => None,
            };
            if let Some(t) = target {
                e.prevent_default();
                focus_row(t);
            }
        });
        let impact = props.analysis.impact[row.init];
        html! {
            <tr key={init.id.clone()} data-row={init.id.clone()} data-row-index={index.to_string()} tabindex="0"
                class={classes!((selected == Some(row.init)).then_some("selected"), impact.map(|i| format!("impact-{}", i.as_str())))}
                aria-selected={(selected == Some(row.init)).to_string()} onclick={select} {onkeydown}>
                { for row.cells.iter().enumerate().map(|(c, cell)| if c == 0 {
                    html! { <th scope="row">{ if init.confidential { format!("🔒 {cell}") } else { cell.clone() } }</th> }
                } else {
                    html! { <td>{ cell }</td> }
                }) }
            </tr>
        }
    });
    html! {
        <div class="table-view" data-view="table">
            <div class="table-scroll" ref={scroller} onscroll={on_scroll}>
                <table aria-rowcount={(rows.len() + 1).to_string()}>
                    <caption class="visually-hidden">{ format!("{} initiatives", rows.len()) }</caption>
                    <thead><tr>{ for header }</tr></thead>
                    <tbody>
                        <tr class="spacer" ref={top_spacer} aria-hidden="true"></tr>
                        { for body }
                        <tr class="spacer" ref={bottom_spacer} aria-hidden="true"></tr>
                    </tbody>
                </table>
            </div>
            if rows.is_empty() { <p class="empty">{ "No initiative matches these filters." }</p> }
        </div>
    }
}

/// The table's rows for the current view (shared by the table and the CSV export).
pub fn current_rows(state: &RoadmapState, shown: &[usize], analysis: &Analysis) -> Vec<Row> {
    table::rows(
        &state.data.roadmap,
        shown,
        analysis,
        state.reference,
        state.view.sort.as_ref(),
    )
}
