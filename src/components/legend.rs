//! The legend (`data-legend`): one small SVG, so it also goes into SVG and PNG
//! exports and prints; the core says what it holds and where each entry goes.

use crate::core::views::legend::{arrange, keys, Key, ROW};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The width the legend may take, in pixels.
    pub width: f64,
    /// Comparing with a baseline: its marks too.
    #[prop_or_default]
    pub comparing: bool,
    /// Drift's trails are drawn (`drift=1`): their mark too.
    #[prop_or_default]
    pub drift: bool,
}

#[function_component(Legend)]
pub fn legend(props: &Props) -> Html {
    let mut all = keys(props.comparing);
    all.extend(props.drift.then_some(Key::Drift));
    let (placed, height) = arrange(&all, props.width);
    // On a phone the legend folds behind a button (CSS shows the button and hides the
    // folded legend only there), so the chart starts on the first screen.
    let open = use_state_eq(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <>
        <button type="button" class="legend-toggle seg" aria-expanded={open.to_string()} onclick={toggle} data-legend-toggle="">
            { if *open { "Hide the legend" } else { "Legend" } }
        </button>
        <svg class={classes!("legend", (!*open).then_some("folded"))} data-legend="" width={props.width.to_string()} height={height.to_string()}
             role="img" aria-label={format!("Legend: {}", all.iter().map(|k| k.label()).collect::<Vec<_>>().join(", "))}>
            <defs>
                <pattern id="legend-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                </pattern>
            </defs>
            { for placed.iter().map(|p| html! {
                <g class={classes!("legend-entry", p.key.as_str())} data-legend-key={p.key.as_str()}
                   transform={format!("translate({},{})", p.x, p.y)}>
                    { swatch(p.key) }
                    <text x="30" y={(ROW / 2.0 + 4.0).to_string()}>{ p.key.label() }</text>
                </g>
            }) }
        </svg>
        </>
    }
}

/// A 20 × 12 drawing of the mark, as the timeline draws it.
fn swatch(key: Key) -> Html {
    let bar = |class: &'static str| html! { <rect class={class} x="1" y="4" width="20" height="12" rx="3" /> };
    match key {
        Key::High => bar("sw-solid"),
        Key::Medium => {
            html! { <>{ bar("sw-solid") }<rect class="sw-hatch" x="1" y="4" width="20" height="12" rx="3" /></> }
        }
        Key::Low => bar("sw-outline"),
        Key::Done => {
            html! { <>{ bar("sw-faded") }<text class="sw-mark" x="6" y="14">{ "✓" }</text></> }
        }
        Key::Cancelled => {
            html! { <>{ bar("sw-faded") }<line class="sw-strike" x1="1" x2="21" y1="10" y2="10" /></> }
        }
        Key::Milestone => html! { <polygon class="sw-solid" points="11,3 18,10 11,17 4,10" /> },
        Key::Cut => {
            html! { <>{ bar("sw-solid") }<path class="sw-open" d="M8,6 l-4,4 l4,4" /></> }
        }
        Key::OpenEnded => {
            html! { <>{ bar("sw-solid") }<path class="sw-open" d="M13,6 l5,4 l-5,4" /></> }
        }
        Key::Undated => {
            html! { <rect class="sw-chip" x="1" y="4" width="20" height="12" rx="6" /> }
        }
        Key::Ghost => bar("sw-ghost"),
        Key::Selected => {
            html! { <>{ bar("sw-solid") }<rect class="sw-ring selected" x="-1" y="2" width="24" height="16" rx="4" /></> }
        }
        Key::Upstream => {
            html! { <>{ bar("sw-solid") }<rect class="sw-ring upstream" x="-1" y="2" width="24" height="16" rx="4" /></> }
        }
        Key::Downstream => {
            html! { <>{ bar("sw-solid") }<rect class="sw-ring downstream" x="-1" y="2" width="24" height="16" rx="4" /></> }
        }
        Key::Critical => {
            html! { <>{ bar("sw-solid") }<rect class="sw-ring critical" x="-1" y="2" width="24" height="16" rx="4" /></> }
        }
        Key::Conflict => html! { <path class="sw-conflict" d="M1,10 C8,10 12,10 20,10" /> },
        Key::SlipGhost => {
            html! { <rect class="sw-slip" x="1" y="5" width="20" height="10" rx="3" /> }
        }
        Key::Added => {
            html! { <rect class="sw-solid sw-added" x="1" y="4" width="20" height="12" rx="3" /> }
        }
        Key::Baseline => {
            html! { <rect class="sw-baseline" x="1" y="13" width="20" height="4" rx="1" /> }
        }
        Key::Removed => {
            html! { <><rect class="sw-removed" x="1" y="4" width="20" height="12" rx="3" /><line class="sw-removed-strike" x1="1" x2="21" y1="10" y2="10" /></> }
        }
        Key::Drift => html! {
            <g class="drift-trail"><line x1="2" x2="20" y1="10" y2="10" /><circle cx="5" cy="10" r="2.5" /><circle cx="13" cy="10" r="2.5" /></g>
        },
        Key::Problem => {
            html! { <g class="problem-badge"><circle cx="10" cy="10" r="6" /><text x="10" y="13.5" text-anchor="middle">{ "!" }</text></g> }
        }
    }
}
