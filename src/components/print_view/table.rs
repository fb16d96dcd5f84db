//! The table on paper: every row (no window), each cell's whole text (nothing cut
//! with an ellipsis), the header row repeated on every page by the browser (`thead`).

use super::Shared;
use crate::core::views::describe::{marks, slack_cell};
use crate::core::views::table::{Row, HEADERS, SLACK, TAGS};
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub rows: Shared<Vec<Row>>,
}

#[function_component(PrintTable)]
pub fn print_table(p: &Props) -> Html {
    let r = &p.data.roadmap;
    let body = p.rows.iter().map(|row| {
        let init = &r.initiatives[row.init];
        html! {
            <tr data-print-row={init.id.clone()}>
                { for row.cells.iter().enumerate().map(|(c, cell)| match c {
                    0 => html! { <th scope="row">{ format!("{}{cell}", marks(r, row.init)) }</th> },
                    SLACK => html! { <td>{ row.slack.map(|d| slack_cell(init.status, d).0).unwrap_or_default() }</td> },
                    // Names and tags wrap; dates and counts keep to a line.
                    1 | 2 | TAGS => html! { <td class="wrap">{ cell }</td> },
                    _ => html! { <td>{ cell }</td> },
                }) }
            </tr>
        }
    });
    html! {
        <table class="print-table" data-view="table">
            <thead><tr>{ for HEADERS.iter().map(|(short, _)| html! { <th scope="col">{ *short }</th> }) }</tr></thead>
            <tbody>{ for body }</tbody>
        </table>
    }
}
