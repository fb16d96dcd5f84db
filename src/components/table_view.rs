//! The table view: every visible initiative as a row of a real table, sortable by any
//! column (`sort=` in the URL), sticky header and Title column, the rows one Tab stop
//! with keyboard navigation between them (arrows, Home, End; Enter selects), and
//! only the rows on screen rendered when the table is long.

use super::Shared;
use crate::core::analysis::Analysis;
use crate::core::views::describe::{marks, problem_code, slack_cell};
use crate::core::views::intent::Intent;
use crate::core::views::table::{row_window, Row, Sort, COLUMNS, HEADERS, SLACK, TAGS};
use crate::state::Loaded;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Must match `.table-view tbody tr { height }` in the stylesheet (two lines of
/// text: long titles, teams and tags wrap once, then are cut).
const ROW_HEIGHT: f64 = 40.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub selected: Option<usize>,
    pub sort: Option<Sort>,
    pub rows: Shared<Vec<Row>>,
    pub analysis: Shared<Analysis>,
    pub on_intent: Callback<Intent>,
    /// The comparison with a baseline, when it is on (#19): rows carry `data-change`.
    #[prop_or_default]
    pub comparison: Option<Shared<crate::core::views::compare::Comparison>>,
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
    let r = &props.data.roadmap;
    let rows = &props.rows;
    let selected = props.selected;
    let scroller = use_node_ref();
    let (top_spacer, bottom_spacer) = (use_node_ref(), use_node_ref());
    // Scroll position and the scroll box's height (the window's until it is measured).
    let scroll = use_state(|| {
        let h = gloo::utils::window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64());
        (0.0f64, h.unwrap_or(1000.0))
    });
    let (first, last) = row_window(scroll.0, scroll.1, ROW_HEIGHT, rows.len());
    // The rows are one Tab stop (roving tabindex): the selected row, else the last
    // focused, else the first rendered.
    let last_focused = use_state_eq(|| None::<usize>);
    let stop = selected
        .and_then(|s| rows.iter().position(|row| row.init == s))
        .or(*last_focused)
        .filter(|k| (first..last).contains(k))
        .unwrap_or(first);
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
        let (scroller, scroll) = (scroller.clone(), scroll.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let (y, h) = (el.scroll_top() as f64, el.client_height() as f64);
                if (y - scroll.0).abs() >= ROW_HEIGHT * 5.0 || y == 0.0 || h != scroll.1 {
                    scroll.set((y, h));
                }
            }
        })
    };
    let sort = props.sort.clone();
    let header = COLUMNS.iter().enumerate().map(|(c, name)| {
        let aria = match &sort {
            Some(s) if s.column == c && s.descending => "descending",
            Some(s) if s.column == c => "ascending",
            _ => "none",
        };
        let next = match &sort {
            Some(s) if s.column == c => Sort { column: c, descending: !s.descending },
            _ => Sort { column: c, descending: false },
        };
        let onclick = props.on_intent.reform(move |_: MouseEvent| Intent::SetSort(Some(next.clone())));
        let (short, full) = HEADERS[c];
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort" data-sort={*name} {onclick} title={(short != full).then_some(full)}>
                    { short }
                    <span class="sort-mark" aria-hidden="true">{ match aria { "ascending" => " ▲", "descending" => " ▼", _ => "" } }</span>
                </button>
            </th>
        }
    });
    let body = rows[first..last].iter().enumerate().map(|(k, row)| {
        let index = first + k;
        let init = &r.initiatives[row.init];
        let d = props.on_intent.clone();
        let id = init.id.clone();
        let total = rows.len();
        let select = {
            let (d, id) = (d.clone(), id.clone());
            d.reform(move |_: MouseEvent| Intent::Select(Some(id.clone())))
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            let target = match e.key().as_str() {
                "ArrowDown" => Some((index + 1).min(total - 1)),
                "ArrowUp" => Some(index.saturating_sub(1)),
                "Home" => Some(0),
                "End" => Some(total - 1),
                "Enter" | " " => {
                    e.prevent_default();
                    d.emit(Intent::Select(Some(id.clone())));
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
        let onfocus = {
            let last_focused = last_focused.clone();
            Callback::from(move |_: FocusEvent| last_focused.set(Some(index)))
        };
        html! {
            <tr key={init.id.clone()} data-row={init.id.clone()} data-row-index={index.to_string()}
                tabindex={if index == stop { "0" } else { "-1" }}
                data-problem={problem_code(r, row.init)}
                data-change={props.comparison.as_ref().and_then(|c| c.kinds[row.init]).map(|k| k.as_str())}
                class={classes!((selected == Some(row.init)).then_some("selected"), impact.map(|i| format!("impact-{}", i.as_str())))}
                aria-selected={(selected == Some(row.init)).to_string()} onclick={select} {onkeydown} {onfocus}>
                { for row.cells.iter().enumerate().map(|(c, cell)| match c {
                    0 => html! { <th scope="row"><span class="clamp">{ format!("{}{cell}", marks(r, row.init)) }</span></th> },
                    // Weeks on screen, the exact days in the title (and the CSV).
                    SLACK => match row.slack {
                        Some(d) => {
                            let (short, long) = slack_cell(r.initiatives[row.init].status, d);
                            html! { <td title={long}>{ short }</td> }
                        }
                        None => html! { <td></td> },
                    },
                    // Tags wrap to two lines at most: all of them in the title.
                    TAGS => html! { <td title={(!cell.is_empty()).then(|| cell.clone())}><span class="clamp tags">{ cell }</span></td> },
                    1 | 2 => html! { <td><span class="clamp">{ cell }</span></td> },
                    _ => html! { <td>{ cell }</td> },
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
