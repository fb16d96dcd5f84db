//! What the screen derives from its state, each value recomputed only when what it
//! depends on changes: visibility and facet counts, the comparison with a baseline,
//! the analysis of the question, what it frames, the timeline's layout (plain and
//! folded), the baseline's marks, the drift trails, the table's rows, the arrows, the
//! stage counts.

use crate::components::{use_comparison, BaselineDrawing, Shared};
use crate::core::analysis::{self, Analysis};
use crate::core::tools::history::History;
use crate::core::views::compare::Comparison;
use crate::core::views::filter::{self, FilterOption, Param, Visible};
use crate::core::views::table::Row;
use crate::core::views::timeline::{self, Arrow, Canvas, Focus, Settings, TimelineLayout, Trail};
use crate::core::views::view_state::{View, ViewState};
use crate::core::Date;
use crate::state::{Baseline, RoadmapState};
use std::rc::Rc;
use yew::prelude::*;

/// A value derived only for the view that shows it.
type Memo<T> = Rc<Option<Rc<T>>>;

/// The screen's derived values (see the module's doc).
pub struct Derived {
    /// A baseline is compared with (a local preview always compares).
    pub comparing: bool,
    pub comparison: Option<Rc<Comparison>>,
    pub vis: Rc<Visible>,
    pub options: Rc<Vec<(Param, Vec<FilterOption>)>>,
    pub analysis: Rc<Analysis>,
    pub selected: Option<usize>,
    pub focus: Rc<Focus>,
    /// The timeline's drawing, when the timeline is the view shown.
    pub layout: Memo<TimelineLayout>,
    pub baseline_drawing: Memo<BaselineDrawing>,
    /// The drift trails on the timeline drawn (`drift=1` with a history).
    pub drift: Memo<Vec<Trail>>,
    /// The table's rows, when the table is the view shown.
    pub rows: Memo<Vec<Row>>,
    pub arrows: Memo<Vec<Arrow>>,
    pub stage_counts: Rc<Vec<usize>>,
}

/// What the screen derives from, besides its state.
pub struct Inputs<'a> {
    pub baseline: &'a Option<Rc<Baseline>>,
    /// This is a local preview (it always compares with the published data).
    pub preview: bool,
    pub reference: Date,
    pub canvas: &'a Canvas,
    /// The question for which the reader asked to see every lane.
    pub unfolded: &'a Option<analysis::Question>,
    pub hover: Option<usize>,
    /// The build's history, when `drift=1` asks for its trails (and the roadmap shown
    /// is today's, which the history ends at).
    pub drift: Option<Shared<History>>,
}

/// Whether the view compares with a baseline: one is there and asked for, or this is
/// a local preview (it always compares).
pub fn comparing(baseline: &Option<Rc<Baseline>>, view: &ViewState, preview: bool) -> bool {
    baseline.is_some() && (view.compare.is_on() || preview)
}

#[hook]
pub fn use_derived(state: &RoadmapState, inputs: Inputs<'_>) -> Derived {
    let Inputs {
        baseline,
        preview,
        reference,
        canvas,
        unfolded,
        hover,
        drift,
    } = inputs;
    // Derived data, recomputed only when what it depends on changes (hovering a bar
    // re-renders, but recomputes none of this). The data's identity is its pointer (it
    // lives as long as this component). Other keys are the inputs themselves, never a
    // derived value's pointer: `use_memo` frees the old value before computing the new
    // one, so a new value can reuse the old address.
    let data_key = Rc::as_ptr(&state.data) as usize;
    let view = &state.view;
    // The comparison with the baseline (#19): a local preview always compares.
    let comparing = comparing(baseline, view, preview);
    let comparison = use_comparison(baseline.clone(), state.data.clone(), comparing, reference);
    let cmp_key = (
        baseline.as_ref().map(|b| Rc::as_ptr(b) as usize),
        comparing,
        comparing && view.changed_only,
    );
    let vis = {
        let (data, comparison) = (state.data.clone(), comparison.clone());
        use_memo(
            (
                data_key,
                view.filter.clone(),
                view.context,
                reference,
                cmp_key,
            ),
            move |(_, f, context, reference, (.., changed_only))| {
                let vis = filter::visible(&data.roadmap, f, *reference, *context);
                match comparison.filter(|_| *changed_only) {
                    Some(c) => crate::core::views::compare::changed_only(&vis, &c.kinds),
                    None => vis,
                }
            },
        )
    };
    let options = {
        let data = state.data.clone();
        use_memo(
            (data_key, view.filter.clone(), reference),
            move |(_, f, reference)| filter::options(&data.roadmap, f, *reference),
        )
    };
    // The critical path method times depend on the data alone: one per data, computed
    // when first read (a selection's details, the table, the critical path).
    let schedule = use_memo(data_key, |_| analysis::Schedule::default());
    let analysis = {
        let data = state.data.clone();
        use_memo(
            (data_key, view.question(), reference),
            move |(_, question, reference)| {
                analysis::analyse_with(&data.roadmap, question, *reference, schedule)
            },
        )
    };
    // What the question asked is about (the timeline frames it).
    let selected = state.selected();
    let focus = {
        let (data, analysis) = (state.data.clone(), analysis.clone());
        use_memo((data_key, view.question()), move |_| {
            Rc::new(timeline::focus_of(&data.roadmap, &analysis, selected))
        })
    };
    let (layout, baseline_drawing, drift) = use_timeline_drawing(Drawing {
        state,
        cmp_key,
        reference,
        canvas,
        unfolded,
        vis: &vis,
        analysis: &analysis,
        focus: &focus,
        comparison: &comparison,
        baseline,
        drift,
    });
    let rows = {
        let data = state.data.clone();
        let (vis, analysis) = (vis.clone(), analysis.clone());
        use_memo(
            (
                data_key,
                (view.filter.clone(), view.context, cmp_key),
                (view.select.clone(), view.slip.clone(), view.critical),
                (view.sort.clone(), reference),
                view.view == View::Table,
            ),
            move |(_, _, _, (sort, reference), shown)| {
                shown.then(|| {
                    Rc::new(crate::core::views::table::rows(
                        &data.roadmap,
                        &vis.shown,
                        &analysis,
                        *reference,
                        sort.as_ref(),
                    ))
                })
            },
        )
    };
    let arrows = {
        let (data, layout) = (state.data.clone(), layout.clone());
        use_memo(
            (
                data_key,
                (view.filter.clone(), view.context, reference, cmp_key),
                (
                    view.zoom,
                    state.collapsed.clone(),
                    view.view == View::Timeline,
                    (*canvas, view.question(), *unfolded == Some(view.question())),
                ),
                (view.deps, hover.or(selected)),
            ),
            move |(_, (filter, ..), _, (deps, focus))| {
                let r = &data.roadmap;
                (*layout).as_ref().map(|layout| {
                    Rc::new(timeline::arrows(r, layout, *deps, *focus, &|from, to| {
                        filter.shows_edge(r, from, to)
                    }))
                })
            },
        )
    };
    let stage_counts = {
        let data = state.data.clone();
        use_memo(data_key, move |_| data.roadmap.stage_counts())
    };
    Derived {
        comparing,
        comparison,
        vis,
        options,
        analysis,
        selected,
        focus: (*focus).clone(),
        layout,
        baseline_drawing,
        drift,
        rows,
        arrows,
        stage_counts,
    }
}

/// What the timeline's drawing is computed from.
struct Drawing<'a> {
    state: &'a RoadmapState,
    /// The comparison's identity, whether it is on, and whether only changes show.
    cmp_key: (Option<usize>, bool, bool),
    reference: Date,
    canvas: &'a Canvas,
    unfolded: &'a Option<analysis::Question>,
    vis: &'a Rc<Visible>,
    analysis: &'a Rc<Analysis>,
    focus: &'a Rc<Focus>,
    comparison: &'a Option<Rc<Comparison>>,
    baseline: &'a Option<Rc<Baseline>>,
    drift: Option<Shared<History>>,
}

/// The timeline's layout (plain, or folded around the question) and where the
/// baseline and the drift go on it, computed only when the timeline is the view shown.
#[hook]
fn use_timeline_drawing(
    d: Drawing<'_>,
) -> (
    Memo<TimelineLayout>,
    Memo<BaselineDrawing>,
    Memo<Vec<Trail>>,
) {
    let Drawing {
        state,
        cmp_key,
        reference,
        canvas,
        unfolded,
        vis,
        analysis,
        focus,
        comparison,
        baseline,
        drift,
    } = d;
    let data_key = Rc::as_ptr(&state.data) as usize;
    let view = &state.view;
    let layout_key = (
        data_key,
        (view.filter.clone(), view.context, view.question(), cmp_key),
        (reference, *canvas),
        view.zoom,
        state.collapsed.clone(),
        (
            view.view == View::Timeline,
            (*unfolded).as_ref() == Some(&view.question()),
        ),
    );
    // The timeline without a fold: what every question starts from, kept while only
    // the selection or the critical path changes (a slip's moves change it).
    let plain = {
        let data = state.data.clone();
        let (vis, analysis) = (vis.clone(), analysis.clone());
        use_memo(
            (
                data_key,
                (
                    view.filter.clone(),
                    view.context,
                    view.slip.clone(),
                    cmp_key,
                ),
                (reference, *canvas),
                view.zoom,
                state.collapsed.clone(),
                view.view == View::Timeline,
            ),
            move |(_, _, (reference, canvas), zoom, collapsed, shown)| {
                shown.then(|| {
                    let settings = Settings::unfocused(*zoom, *canvas, collapsed, &analysis.moves);
                    let prep = timeline::prepare(&data.roadmap, &vis, *reference, &settings);
                    let plain = timeline::lay_out(&data.roadmap, &prep, &settings);
                    (Rc::new(prep), Rc::new(plain))
                })
            },
        )
    };
    let layout = {
        let data = state.data.clone();
        let (focus, analysis) = (focus.clone(), analysis.clone());
        let plain = plain.clone();
        use_memo(
            layout_key.clone(),
            move |(_, _, (_, canvas), zoom, collapsed, (_, all_lanes))| {
                let (prep, plain) = (*plain).clone()?;
                if *all_lanes {
                    return Some(plain);
                }
                let settings = Settings::unfocused(*zoom, *canvas, collapsed, &analysis.moves);
                let folded = timeline::fold(&data.roadmap, &prep, &settings, &focus, &plain);
                Some(folded.map_or(plain, Rc::new))
            },
        )
    };
    // The drift trails: for the layout drawn.
    let trails = {
        let (layout, data) = (layout.clone(), state.data.clone());
        use_memo((layout_key.clone(), drift.clone()), move |(_, history)| {
            let (layout, history) = ((*layout).clone()?, history.clone()?);
            Some(Rc::new(timeline::drift_marks(
                &layout,
                &data.roadmap,
                &history,
            )))
        })
    };
    // Where the baseline is drawn on the timeline: for the layout drawn.
    let baseline_drawing = {
        let (layout, comparison, baseline) = (layout.clone(), comparison.clone(), baseline.clone());
        let data = state.data.clone();
        use_memo(layout_key, move |_| {
            let (layout, comparison, baseline) = ((*layout).clone()?, comparison?, baseline?);
            let marks = timeline::baseline_marks(
                &layout,
                &data.roadmap,
                &baseline.data.roadmap,
                &comparison.kinds,
                &comparison.removed,
                reference,
            );
            Some(Rc::new(BaselineDrawing {
                marks,
                comparison,
                baseline,
            }))
        })
    };
    (layout, baseline_drawing, trails)
}
