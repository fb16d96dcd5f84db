//! The roadmap screen's state and its reducer: one state, one `Action` enum.
//!
//! The URL-visible part is a core `ViewState`; hover and collapsed stages are local.
//! Everything derived (visible set, layout, counts) is computed from this by the core.

use crate::app::Loaded;
use crate::core::filter::Param;
use crate::core::timeline::{DepsMode, Zoom};
use crate::core::view_state::ViewState;
use crate::core::Date;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct RoadmapState {
    pub data: Rc<Loaded>,
    pub reference: Date,
    pub view: ViewState,
    pub hover: Option<usize>,
    pub collapsed: BTreeSet<usize>,
    /// Quiet notices (ignored URL parts).
    pub notices: Vec<String>,
}

pub enum Action {
    Toggle(Param, String),
    SetQuery(String),
    ClearAll,
    SetContext(bool),
    SetDeps(DepsMode),
    /// Only the dependencies from one stage to another (a stage-matrix cell).
    SetBetween(Option<(String, String)>),
    SetZoom(Zoom),
    Select(Option<String>),
    SetView(crate::core::view_state::View),
    SetSlip(Option<(String, u32)>),
    SetCritical(bool),
    SetSort(Option<crate::core::table::Sort>),
    SetGroupByStage(bool),
    Hover(Option<usize>),
    ToggleStage(usize),
    /// Back/forward: the state the URL now describes.
    FromUrl(ViewState, Vec<String>),
    DismissNotices,
}

impl RoadmapState {
    pub fn new(data: Rc<Loaded>, reference: Date, query: &str) -> Self {
        let (mut view, mut notices) = ViewState::from_query(query);
        notices.extend(view.retain_known(&data.roadmap));
        RoadmapState {
            data,
            reference,
            view,
            hover: None,
            collapsed: BTreeSet::new(),
            notices,
        }
    }

    pub fn selected(&self) -> Option<usize> {
        self.view
            .select
            .as_deref()
            .and_then(|id| self.data.roadmap.find(id))
    }
}

impl Reducible for RoadmapState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Toggle(p, v) => {
                s.view.filter.toggle(p, &v);
            }
            Action::SetQuery(q) => s.view.filter.q = q,
            Action::ClearAll => {
                s.view.filter = Default::default();
                s.view.context = false;
            }
            Action::SetContext(c) => s.view.context = c,
            Action::SetDeps(d) => s.view.deps = d,
            Action::SetBetween(b) => s.view.filter.between = b,
            Action::SetZoom(z) => s.view.zoom = z,
            Action::Select(id) => s.view.select = id,
            Action::SetView(v) => s.view.view = v,
            Action::SetSlip(x) => s.view.slip = x,
            Action::SetCritical(c) => s.view.critical = c,
            Action::SetSort(x) => s.view.sort = x,
            Action::SetGroupByStage(g) => s.view.group_by_stage = g,
            Action::Hover(h) => s.hover = h,
            Action::ToggleStage(i) => {
                if !s.collapsed.remove(&i) {
                    s.collapsed.insert(i);
                }
            }
            Action::FromUrl(mut view, mut notices) => {
                notices.extend(view.retain_known(&s.data.roadmap));
                s.view = view;
                s.notices = notices;
            }
            Action::DismissNotices => s.notices.clear(),
        }
        Rc::new(s)
    }
}
