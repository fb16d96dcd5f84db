//! What a user asks of the view, as intents, and how each changes the [`ViewState`]:
//! the roadmap screen's state transitions as a pure function, tested natively.
//!
//! Components send one intent per gesture ("scope to this stage", "show the
//! dependencies between these stages"), never a sequence of setters; how the URL
//! history records the change is decided here too.

use crate::core::analysis::slip::MAX_SLIP_WEEKS;
use crate::core::views::filter::Param;
use crate::core::views::table::Sort;
use crate::core::views::timeline::{DepsMode, Zoom};
use crate::core::views::view_state::{Compare, View, ViewState};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intent {
    /// Turn one filter option on or off.
    Toggle(Param, String),
    /// The text search.
    Search(String),
    /// Drop every filter (and the context ghosts).
    ClearAll,
    SetContext(bool),
    SetDeps(DepsMode),
    SetZoom(Zoom),
    SetView(View),
    /// Select an initiative, or clear the selection.
    Select(Option<String>),
    /// Select it, or clear the selection when it is the selected one (a click on a bar).
    ToggleSelect(String),
    /// Show exactly one stage (`None`: every stage), whatever stages were chosen before:
    /// the stage index.
    ScopeToStage(Option<String>),
    /// Only the dependencies from one stage to another, with every arrow drawn: a
    /// stage-matrix cell. Other stage choices are dropped.
    ShowBetween(String, String),
    /// Drop the stage-to-stage restriction.
    DropBetween,
    /// The slip what-if (`None` ends it); weeks outside 1..=[`MAX_SLIP_WEEKS`] are ignored.
    SetSlip(Option<(String, u32)>),
    SetCritical(bool),
    SetSort(Option<Sort>),
    SetGroupByStage(bool),
    /// Graph overview: open a stage into its initiatives, or close it again.
    ToggleExpand(String),
    /// Graph overview: close every stage.
    CollapseAll,
    /// Compare with the baseline or the last visit, or stop (which also ends "changed
    /// only").
    SetCompare(Compare),
    /// While comparing, show only the initiatives that changed.
    SetChangedOnly(bool),
    /// The drift trails and the planning accuracy (#29).
    SetDrift(bool),
}

/// How the address bar records a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A new entry: back returns to the previous view.
    Push,
    /// Replace the current entry (the first sync, and typing in the search box, which
    /// would otherwise pile up one entry per key).
    Replace,
}

impl ViewState {
    /// The view after `intent`.
    pub fn apply(&self, intent: Intent) -> ViewState {
        let mut s = self.clone();
        match intent {
            Intent::Toggle(p, v) => {
                s.filter.toggle(p, &v);
            }
            Intent::Search(q) => s.filter.q = q,
            Intent::ClearAll => {
                s.filter = Default::default();
                s.context = false;
                s.changed_only = false;
            }
            Intent::SetContext(c) => s.context = c,
            Intent::SetDeps(d) => s.deps = d,
            Intent::SetZoom(z) => s.zoom = z,
            Intent::SetView(v) => s.view = v,
            Intent::Select(id) => s.select = id,
            Intent::ToggleSelect(id) => {
                s.select = (s.select.as_deref() != Some(id.as_str())).then_some(id)
            }
            Intent::ScopeToStage(stage) => s.filter.stages = stage.into_iter().collect(),
            Intent::ShowBetween(a, b) => {
                s.filter.stages.clear();
                s.filter.between = Some((a, b));
                s.deps = DepsMode::All;
            }
            Intent::DropBetween => s.filter.between = None,
            Intent::SetSlip(slip) => {
                if slip
                    .as_ref()
                    .is_none_or(|(_, w)| (1..=MAX_SLIP_WEEKS).contains(w))
                {
                    s.slip = slip;
                }
            }
            Intent::SetCritical(c) => s.critical = c,
            Intent::SetSort(x) => s.sort = x,
            Intent::SetGroupByStage(g) => s.group_by_stage = g,
            Intent::ToggleExpand(stage) => {
                if !s.expand.remove(&stage) {
                    s.expand.insert(stage);
                }
            }
            Intent::CollapseAll => s.expand.clear(),
            Intent::SetCompare(c) => {
                s.compare = c;
                s.changed_only &= c.is_on();
            }
            Intent::SetChangedOnly(c) => s.changed_only = c,
            Intent::SetDrift(d) => s.drift = d,
        }
        s
    }
}

/// How to record `next` in the history when the address last showed `prev` (`None`:
/// nothing written yet): only a change of the search text alone replaces the entry.
pub fn history_entry(prev: Option<&ViewState>, next: &ViewState) -> History {
    let Some(prev) = prev else {
        return History::Replace;
    };
    let mut same_but_search = prev.clone();
    same_but_search.filter.q = next.filter.q.clone();
    if same_but_search == *next && prev.filter.q != next.filter.q {
        History::Replace
    } else {
        History::Push
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(query: &str) -> ViewState {
        let (s, notices) = ViewState::from_query(query);
        assert!(notices.is_empty(), "{notices:?}");
        s
    }

    /// Each intent, applied to a view given as a query string, gives the view of the
    /// expected query string.
    #[test]
    fn intents_change_the_view_as_the_url_says() {
        let cases: &[(&str, Intent, &str)] = &[
            (
                "",
                Intent::Toggle(Param::Confidence, "high".into()),
                "confidence=high",
            ),
            (
                "confidence=high",
                Intent::Toggle(Param::Confidence, "high".into()),
                "",
            ),
            ("stage=a", Intent::Search("raft".into()), "stage=a&q=raft"),
            (
                "stage=a&context=1&q=x&select=i",
                Intent::ClearAll,
                "select=i",
            ),
            ("select=i", Intent::ToggleSelect("i".into()), ""),
            ("select=i", Intent::ToggleSelect("j".into()), "select=j"),
            ("", Intent::ToggleSelect("j".into()), "select=j"),
            ("select=i", Intent::Select(None), ""),
            (
                "stage=a,b&team=t",
                Intent::ScopeToStage(Some("c".into())),
                "stage=c&team=t",
            ),
            ("stage=a,b", Intent::ScopeToStage(None), ""),
            (
                "stage=a",
                Intent::ShowBetween("a".into(), "b".into()),
                "deps=all&between=a:b",
            ),
            ("deps=all&between=a:b", Intent::DropBetween, "deps=all"),
            ("", Intent::SetSlip(Some(("i".into(), 6))), "slip=i:6w"),
            (
                "slip=i:6w",
                Intent::SetSlip(Some(("i".into(), 0))),
                "slip=i:6w",
            ),
            (
                "slip=i:6w",
                Intent::SetSlip(Some(("i".into(), MAX_SLIP_WEEKS + 1))),
                "slip=i:6w",
            ),
            ("slip=i:6w", Intent::SetSlip(None), ""),
            ("", Intent::SetView(View::Graph), "view=graph"),
            ("", Intent::SetZoom(Zoom::Year), "zoom=year"),
            ("", Intent::SetDeps(DepsMode::Violations), "deps=violations"),
            ("", Intent::SetCritical(true), "critical=1"),
            ("", Intent::SetDrift(true), "drift=1"),
            ("", Intent::SetGroupByStage(true), "group=stage"),
            ("", Intent::SetContext(true), "context=1"),
            ("", Intent::SetSort(Sort::parse("-slack")), "sort=-slack"),
            (
                "view=graph",
                Intent::ToggleExpand("a".into()),
                "view=graph&expand=a",
            ),
            ("expand=a", Intent::ToggleExpand("b".into()), "expand=a,b"),
            ("expand=a,b", Intent::ToggleExpand("a".into()), "expand=b"),
            ("expand=a,b&select=i", Intent::CollapseAll, "select=i"),
            (
                "",
                Intent::SetCompare(Compare::Baseline),
                "compare=baseline",
            ),
            (
                "compare=baseline&changed=1",
                Intent::SetCompare(Compare::LastVisit),
                "compare=last-visit&changed=1",
            ),
            ("compare=last-visit", Intent::SetCompare(Compare::Off), ""),
            (
                "compare=baseline",
                Intent::SetChangedOnly(true),
                "compare=baseline&changed=1",
            ),
            (
                "compare=baseline&changed=1",
                Intent::SetCompare(Compare::Off),
                "",
            ),
            (
                "compare=baseline&changed=1&stage=a",
                Intent::ClearAll,
                "compare=baseline",
            ),
        ];
        for (before, intent, after) in cases {
            let got = state(before).apply(intent.clone());
            assert_eq!(
                got,
                state(after),
                "{before} + {intent:?}: got {}",
                got.to_query()
            );
        }
    }

    #[test]
    fn only_typing_a_search_replaces_the_history_entry() {
        let a = state("stage=a");
        assert_eq!(history_entry(None, &a), History::Replace);
        assert_eq!(
            history_entry(Some(&a), &state("stage=a&q=r")),
            History::Replace
        );
        assert_eq!(
            history_entry(Some(&state("stage=a&q=r")), &state("stage=a&q=ra")),
            History::Replace
        );
        assert_eq!(history_entry(Some(&a), &state("stage=b")), History::Push);
        assert_eq!(
            history_entry(Some(&a), &state("stage=b&q=r")),
            History::Push
        );
        assert_eq!(history_entry(Some(&a), &a), History::Push);
    }
}
