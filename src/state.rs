//! The roadmap screen's state and its reducer: one state, one `Action` enum.
//!
//! The URL-visible part is a core `ViewState`, changed only by core intents
//! (`ViewState::apply`, tested natively); collapsed stages and notices are local to the
//! screen. Hover is not here: it lives in its own state that only the drawings see, so
//! hovering re-renders nothing else. Everything derived (visible set, layout, counts)
//! is computed from this by the core.

use crate::core::load::DataFiles;
use crate::core::text::markdown::Node;
use crate::core::tools::pack::Packed;
use crate::core::views::intent::Intent;
use crate::core::views::view_state::ViewState;
use crate::core::{Date, Diagnostic, Roadmap};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// The data a screen shows: the loaded roadmap, its diagnostics and the files.
/// It always comes from a pack (#26): the build's, or one the YAML worker made.
pub struct Loaded {
    pub roadmap: Roadmap,
    pub diagnostics: Vec<Diagnostic>,
    /// Each initiative's description as the safe Markdown tree, by index (parsed when
    /// the pack was made: the viewer never parses Markdown).
    pub descriptions: Vec<Option<Vec<Node>>>,
    /// The YAML files; empty when the roadmap came from the build's pack.
    pub files: DataFiles,
    /// Read from the build's pre-checked pack (`data/roadmap.pack`), not the YAML.
    pub from_pack: bool,
    /// Set when the network failed and the service worker served its cached copy
    /// (an ISO timestamp of when it was cached).
    pub offline_since: Option<String>,
}

impl Loaded {
    /// YAML files the worker loaded into `packed`; the files are kept (a preview
    /// builds on them).
    pub fn from_yaml(packed: Packed, files: DataFiles) -> Loaded {
        Loaded {
            files,
            from_pack: false,
            ..Loaded::from_pack(packed)
        }
    }

    /// The build's pack: what loading its YAML files gives, without parsing them.
    pub fn from_pack(packed: Packed) -> Loaded {
        Loaded {
            roadmap: packed.roadmap,
            diagnostics: packed.diagnostics,
            descriptions: packed.descriptions,
            files: DataFiles::default(),
            from_pack: true,
            offline_since: None,
        }
    }

    /// Initiative `i`'s description tree, if it has one.
    pub fn description(&self, i: usize) -> Option<&[Node]> {
        self.descriptions.get(i)?.as_deref()
    }
}

/// What the roadmap shown is compared with: the build's baseline, or, in a local
/// preview, the published data.
pub struct Baseline {
    /// "start of 2026-Q4" (`ROADMAP_BASELINE_LABEL`), or "the published roadmap".
    pub label: String,
    pub data: Rc<Loaded>,
}

impl PartialEq for Baseline {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[derive(Clone, PartialEq)]
pub struct RoadmapState {
    pub data: Rc<Loaded>,
    pub reference: Date,
    pub view: ViewState,
    pub collapsed: BTreeSet<usize>,
    /// Quiet notices (ignored URL parts).
    pub notices: Vec<String>,
}

pub enum Action {
    /// What the user asked of the view.
    Do(Intent),
    /// Fold or unfold a stage's lane.
    ToggleStage(usize),
    /// Back/forward: the state the URL now describes.
    FromUrl(Box<ViewState>, Vec<String>),
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
            Action::Do(intent) => s.view = s.view.apply(intent),
            Action::ToggleStage(i) => {
                if !s.collapsed.remove(&i) {
                    s.collapsed.insert(i);
                }
            }
            Action::FromUrl(view, mut notices) => {
                let mut view = *view;
                notices.extend(view.retain_known(&s.data.roadmap));
                s.view = view;
                s.notices = notices;
            }
            Action::DismissNotices => s.notices.clear(),
        }
        Rc::new(s)
    }
}
