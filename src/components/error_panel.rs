//! A clear, full-width error message for when there is nothing else to show.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub title: AttrValue,
    pub detail: AttrValue,
}

#[function_component(ErrorPanel)]
pub fn error_panel(props: &Props) -> Html {
    html! {
        <section class="error-panel" role="alert" data-error="">
            <h2>{ &props.title }</h2>
            <p class="detail">{ &props.detail }</p>
            <p>{ "Check that the site was built with its data folder, then reload the page." }</p>
        </section>
    }
}
