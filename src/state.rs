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
use crate::core::views::view_state::{Compare, ViewState};
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

/// The reader's last visit (#28): the roadmap they saw before the current one, read
/// from their device, as a baseline labelled "your last visit".
pub struct LastVisit {
    pub baseline: Rc<Baseline>,
    /// The day that roadmap was first on their screen.
    pub first_seen: Date,
    /// What changed since, by kind (the notice's counts).
    pub counts: crate::core::views::compare::Counts,
}

/// What the reader's device remembers for this site.
#[derive(Clone, Default)]
pub enum Remembered {
    /// Not read yet (it is read after the first screen).
    #[default]
    Reading,
    /// No earlier visit: a first visit, storage unavailable, or a damaged record.
    Nothing,
    /// The reader marked the current roadmap as seen.
    MarkedSeen,
    Visit(Rc<LastVisit>),
}

impl Remembered {
    /// The screen's `data-last-visit`: `reading`, `none`, `seen` or `visit`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Remembered::Reading => "reading",
            Remembered::Nothing => "none",
            Remembered::MarkedSeen => "seen",
            Remembered::Visit(_) => "visit",
        }
    }

    pub fn visit(&self) -> Option<&Rc<LastVisit>> {
        match self {
            Remembered::Visit(v) => Some(v),
            _ => None,
        }
    }
}

impl PartialEq for Remembered {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Remembered::Visit(a), Remembered::Visit(b)) => Rc::ptr_eq(a, b),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
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
    /// `compare=last-visit` with no last visit to compare with: stop comparing, and
    /// say so when the address asked for it (a shared link: never the sender's visit).
    NoLastVisit {
        notice: bool,
    },
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
            Action::NoLastVisit { notice } => {
                s.view = s.view.apply(Intent::SetCompare(Compare::Off));
                if notice {
                    s.notices.push(
                        "ignored compare=last-visit in the address: no earlier visit is remembered on this device"
                            .into(),
                    );
                }
            }
        }
        Rc::new(s)
    }
}
