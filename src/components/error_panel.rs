//! A clear, full-width error message for when there is nothing else to show.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub title: AttrValue,
    pub detail: AttrValue,
    #[prop_or_default]
    pub on_retry: Option<Callback<MouseEvent>>,
}

#[function_component(ErrorPanel)]
pub fn error_panel(props: &Props) -> Html {
    html! {
        <section class="error-panel" role="alert" data-error="">
            <h2>{ &props.title }</h2>
            <p class="detail">{ &props.detail }</p>
            <p>{ "Check your connection, or that the site was built with its data folder." }</p>
            if let Some(retry) = &props.on_retry {
                <button type="button" class="retry" onclick={retry.clone()} data-retry="">{ "Try again" }</button>
            }
        </section>
    }
}
