//! Since your last visit (#28): the one-line notice "Since your visit on 20 Nov: 3
//! moved, 2 added" (each count opens the comparison, `compare=last-visit`) with *Mark
//! as seen*, which baseline the screen compares with, and the quiet notice for a
//! `compare=last-visit` address on a device that remembers no visit.

use super::Shared;
use crate::core::views::intent::Intent;
use crate::core::views::last_visit::notice_opening;
use crate::core::views::view_state::Compare;
use crate::core::Date;
use crate::state::{Action, Baseline, LastVisit, Remembered, RoadmapState};
use std::rc::Rc;
use yew::prelude::*;

/// The baseline compared with: the reader's last visit for `compare=last-visit`, else
/// the build's (a local preview always compares with the published data).
pub fn compared_baseline(
    build: &Option<Rc<Baseline>>,
    remembered: &Remembered,
    compare: Compare,
    preview: bool,
) -> Option<Rc<Baseline>> {
    match compare {
        Compare::LastVisit if !preview => remembered.visit().map(|v| v.baseline.clone()),
        _ => build.clone(),
    }
}

/// `compare=last-visit` with no visit to compare with stops comparing; when the device
/// remembers none (a first visit, a shared link), a quiet notice says so.
#[hook]
pub fn use_missing_last_visit(
    dispatcher: UseReducerDispatcher<RoadmapState>,
    remembered: &Remembered,
    compare: Compare,
    preview: bool,
) {
    let missing = match remembered {
        Remembered::Nothing => Some(true),
        Remembered::MarkedSeen => Some(false),
        Remembered::Reading | Remembered::Visit(_) => None,
    };
    let asked = compare == Compare::LastVisit && !preview;
    use_effect_with((missing, asked), move |&(missing, asked)| {
        if let (Some(notice), true) = (missing, asked) {
            dispatcher.dispatch(Action::NoLastVisit { notice });
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub visit: Shared<LastVisit>,
    pub today: Date,
    /// The screen compares with the last visit now.
    pub comparing: bool,
    pub on_intent: Callback<Intent>,
    pub on_mark_seen: Callback<()>,
}

/// The notice, when something changed since the reader's last visit.
#[function_component(SinceVisit)]
pub fn since_visit(p: &Props) -> Html {
    let counts = p.visit.counts;
    if counts.total() == 0 {
        return Html::default();
    }
    let open = p.on_intent.reform(|e: MouseEvent| {
        e.prevent_default();
        Intent::SetCompare(Compare::LastVisit)
    });
    let mark_seen = {
        let (on_intent, on_mark_seen, comparing) =
            (p.on_intent.clone(), p.on_mark_seen.clone(), p.comparing);
        Callback::from(move |_: MouseEvent| {
            if comparing {
                on_intent.emit(Intent::SetCompare(Compare::Off));
            }
            on_mark_seen.emit(());
        })
    };
    let parts = counts.parts();
    let last = parts.len().saturating_sub(1);
    html! {
        <div class="since-visit" role="status" data-since-visit={p.visit.first_seen.to_string()}>
            <span class="since-text">
            <strong>{ format!("{}: ", notice_opening(p.visit.first_seen, p.today)) }</strong>
            { for parts.iter().enumerate().map(|(k, (kind, n))| html! {
                <>
                    <a href="?compare=last-visit" class={classes!("since-count", format!("change-{}", kind.as_str()))}
                        data-since-visit-count={kind.as_str()} data-count={n.to_string()}
                        aria-current={p.comparing.then_some("true")} onclick={open.clone()}>
                        { format!("{n} {}", kind.as_str()) }
                    </a>
                    if k < last { { ", " } }
                </>
            }) }
            </span>
            <button type="button" class="link" data-since-visit-dismiss="" onclick={mark_seen}>{ "Mark as seen" }</button>
        </div>
    }
}
