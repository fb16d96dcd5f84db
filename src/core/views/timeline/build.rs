//! Building the timeline's layout: the range and scale, then lanes by stage and
//! team with their bars packed into rows (labels included), the Unscheduled lane's
//! chips, and the folding of lanes a question's focus leaves out.

use super::bar::{chip, dated_bar};
use super::fold::Fold;
use super::{
    band_title, fit_range, pack, place, range, scale, span, stage_count, ticks, wrap_name, Band,
    Bar, Dated, Lane, LaneKind, Settings, Shape, TimelineLayout, Zoom, BAR_HEIGHT, LABEL_COLUMN,
    LANE_GAP, ROW_HEIGHT, STAGE_HEADER,
};
use crate::core::model::{Horizon, Roadmap, Status};
use crate::core::text::date::Date;
use crate::core::views::filter::Visible;

/// Lays out the visible initiatives.
///
/// Complexity: O(N log N + N · R) for N bars and R rows per lane (first-fit packing).
pub fn layout(
    roadmap: &Roadmap,
    visible: &Visible,
    reference: Date,
    settings: &Settings,
) -> TimelineLayout {
    lay_out(
        roadmap,
        &prepare(roadmap, visible, reference, settings),
        settings,
    )
}

/// What every layout of one drawing shares, whatever folds around a question: the
/// range and scale, the bands, and each initiative's bar before it is stacked in its
/// lane. Computed once, a question's folds only stack lanes again (#27).
#[derive(Debug)]
pub struct Prepared {
    /// The shown and context initiatives, in index order.
    all: Vec<usize>,
    /// By initiative: drawn as context (a ghost).
    is_ghost: Vec<bool>,
    start: Date,
    end: Date,
    px_per_day: f64,
    width: f64,
    today_x: f64,
    ticks: Vec<super::Tick>,
    bands: Vec<Band>,
    /// Positions in `all` by stage, in order.
    by_stage: Vec<Vec<usize>>,
    /// Stages with shown initiatives first, those that only hold ghosts after them.
    stage_order: Vec<usize>,
    /// Positions in `all` of the undated initiatives.
    undated: Vec<usize>,
    /// By position in `all`: a dated initiative's bar (not yet stacked), or an undated
    /// one's chip with the span it may flow in.
    placed: Vec<Placed>,
}

#[derive(Debug)]
enum Placed {
    Dated(Bar),
    Chip(Bar, f64, f64),
}

impl Prepared {
    /// The shown and context initiatives drawn, in index order.
    pub fn all(&self) -> &[usize] {
        &self.all
    }
}

/// The part of the layout that does not depend on what a question folds: see
/// [`Prepared`]. `settings.focus` is not read.
pub fn prepare(
    roadmap: &Roadmap,
    visible: &Visible,
    reference: Date,
    settings: &Settings,
) -> Prepared {
    // Indexed by initiative: set membership in O(1), without hashing.
    let mut is_ghost = vec![false; roadmap.initiatives.len()];
    for &g in &visible.ghosts {
        is_ghost[g] = true;
    }
    let all: Vec<usize> = {
        let mut v: Vec<usize> = visible
            .shown
            .iter()
            .chain(&visible.ghosts)
            .copied()
            .collect();
        v.sort_unstable();
        v
    };
    let spans: Vec<Option<(Date, Date, Shape)>> = all
        .iter()
        .map(|&i| span(roadmap, &roadmap.initiatives[i], reference))
        .collect();
    let zoom = settings.zoom;
    let (start, end) = if zoom == Zoom::Fit {
        let dated: Vec<Dated> = all
            .iter()
            .zip(&spans)
            .filter(|(&i, _)| !is_ghost[i])
            .filter_map(|(&i, s)| {
                let (start, end, _) = (*s)?;
                let status = roadmap.initiatives[i].status;
                let active = !matches!(status, Status::Done | Status::Cancelled);
                Some(Dated { start, end, active })
            })
            .collect();
        fit_range(&dated, reference, settings.canvas.width)
    } else {
        let mut first = reference;
        let mut last = reference.add_years(3);
        for (s, e, _) in spans.iter().flatten() {
            first = first.min(*s);
            last = last.max(*e);
        }
        let start = range::quarter_start(first);
        // Wide enough to fill the chart, so the grid reaches its edge.
        let fill = Date(start.0 + (settings.canvas.width / scale(zoom, 1.0, 1)).ceil() as i32);
        let last = range::quarter_start(last.max(fill)).add_months(3);
        (start, Date(last.0 - 1))
    };
    let days = end.0 - start.0 + 1;
    let ppd = scale(zoom, settings.canvas.width, days);
    let x_of = |d: Date| (d.0 - start.0) as f64 * ppd;
    let width = x_of(Date(end.0 + 1));
    let ticks = ticks(start, end, ppd);
    let bands: Vec<Band> = Horizon::ALL
        .iter()
        .enumerate()
        .map(|(k, &h)| {
            let (x0, x1) = (
                x_of(reference.add_years(k as i32)),
                x_of(reference.add_years(k as i32 + 1)),
            );
            Band {
                horizon: h,
                x0,
                x1,
                title: band_title(h, x1.min(width) - x0.max(0.0)),
            }
        })
        .collect();
    // Positions in `all` by stage, in order: one pass, not one per stage.
    let mut by_stage: Vec<Vec<usize>> = vec![Vec::new(); roadmap.stages.len()];
    for (k, &i) in all.iter().enumerate() {
        by_stage[roadmap.initiatives[i].stage].push(k);
    }
    // Stages with shown initiatives first; stages that only hold ghosts after them.
    let mut stage_order: Vec<usize> = (0..roadmap.stages.len()).collect();
    stage_order.sort_by_key(|&si| by_stage[si].iter().all(|&k| is_ghost[all[k]]));
    let undated: Vec<usize> = (0..all.len()).filter(|&k| spans[k].is_none()).collect();
    let placed = all
        .iter()
        .zip(&spans)
        .map(|(&i, s)| match *s {
            Some(span) => {
                let moved = settings.moves.get(i).and_then(|m| m.as_ref());
                Placed::Dated(dated_bar(
                    roadmap,
                    i,
                    is_ghost[i],
                    span,
                    &x_of,
                    width,
                    moved.and_then(|m| m.end.or(m.start)),
                ))
            }
            None => {
                let (bar, lo, hi) = chip(roadmap, i, is_ghost[i], &bands, width);
                Placed::Chip(bar, lo, hi)
            }
        })
        .collect();
    Prepared {
        all,
        is_ghost,
        start,
        end,
        px_per_day: ppd,
        width,
        today_x: x_of(reference),
        ticks,
        bands,
        by_stage,
        stage_order,
        undated,
        placed,
    }
}

/// Stacks the lanes of a prepared drawing, folding those `settings.focus` leaves out.
pub fn lay_out(roadmap: &Roadmap, prep: &Prepared, settings: &Settings) -> TimelineLayout {
    let Prepared {
        all,
        is_ghost,
        by_stage,
        undated,
        ..
    } = prep;
    let dated = |k: usize| match &prep.placed[k] {
        Placed::Dated(b) => Some(b),
        Placed::Chip(..) => None,
    };
    let mut lanes = Vec::new();
    let mut bars = Vec::new();
    let mut y = 0.0;
    let focus = settings.focus;
    let mut fold = Fold::default();
    for &si in &prep.stage_order {
        let stage = &roadmap.stages[si];
        let in_stage: Vec<usize> = by_stage[si]
            .iter()
            .copied()
            .filter(|&k| dated(k).is_some())
            .collect();
        if in_stage.is_empty() {
            continue;
        }
        let in_focus = |k: &usize| focus.is_none_or(|f| f.contains(&all[*k]));
        if !in_stage.iter().any(in_focus) {
            fold.add(in_stage.len(), 1, si);
            continue;
        }
        fold.flush(&mut lanes, &mut y);
        // Every initiative of the stage shown, its undated ones included (they are
        // drawn in the Unscheduled lane): the stage index's count.
        let context = by_stage[si].iter().filter(|&&k| is_ghost[all[k]]).count();
        let count = by_stage[si].len() - context;
        let stage_lane = lanes.len();
        let is_collapsed = settings.collapsed.contains(&si);
        let labels = settings.canvas.labels;
        let count_label = stage_count(count, context, labels < LABEL_COLUMN);
        let kind = LaneKind::Stage {
            stage: si,
            count,
            context,
            collapsed: is_collapsed,
            name: wrap_name(&stage.name, &count_label, labels),
            count_label,
        };
        let header = kind.header();
        lanes.push(Lane {
            kind,
            y,
            height: header,
        });
        let stage_top = y;
        y += header;
        if !is_collapsed {
            // The stage's lanes: its teams in order, then those without a team (or
            // with another stage's team); members grouped in one pass.
            let teams: Vec<Option<usize>> =
                stage.teams.iter().map(|&t| Some(t)).chain([None]).collect();
            let mut by_team: Vec<Vec<usize>> = vec![Vec::new(); teams.len()];
            for &k in &in_stage {
                let team = roadmap.initiatives[all[k]].team;
                let lane = teams.iter().position(|&t| t == team);
                by_team[lane.unwrap_or(teams.len() - 1)].push(k);
            }
            for (team, members) in teams.into_iter().zip(by_team) {
                if members.is_empty() {
                    continue;
                }
                if !members.iter().any(in_focus) {
                    fold.add(members.len(), 0, si);
                    continue;
                }
                let lane_top = y;
                // Framing a question, a lane keeps only what the question is about;
                // the rest of it folds into the run that follows.
                let kept: Vec<usize> = members.iter().copied().filter(in_focus).collect();
                fold.add(members.len() - kept.len(), 0, si);
                let placed: Vec<Bar> = kept
                    .iter()
                    .map(|&k| dated(k).expect("dated").clone())
                    .collect();
                y += stack(placed, y, &mut bars);
                lanes.push(Lane {
                    kind: LaneKind::Team { team, stage: si },
                    y: lane_top,
                    height: y - lane_top,
                });
            }
        }
        if focus.is_none() {
            y += LANE_GAP;
        }
        lanes[stage_lane].height = y - stage_top;
    }
    if !undated.is_empty() {
        let in_focus = |k: &usize| focus.is_none_or(|f| f.contains(&all[*k]));
        if undated.iter().any(in_focus) {
            fold.flush(&mut lanes, &mut y);
            let top = y;
            let count = undated.iter().filter(|&&k| !is_ghost[all[k]]).count();
            let header = lanes.len();
            lanes.push(Lane {
                kind: LaneKind::Unscheduled { count },
                y,
                height: STAGE_HEADER,
            });
            y += STAGE_HEADER;
            let shown: Vec<usize> = undated.iter().copied().filter(in_focus).collect();
            fold.add(undated.len() - shown.len(), 0, usize::MAX);
            let mut chips: Vec<(Bar, f64, f64)> = shown
                .iter()
                .map(|&k| match &prep.placed[k] {
                    Placed::Chip(b, lo, hi) => (b.clone(), *lo, *hi),
                    Placed::Dated(_) => unreachable!("undated positions hold chips"),
                })
                .collect();
            flow(&mut chips);
            y += stack(chips.into_iter().map(|c| c.0).collect(), y, &mut bars);
            fold.flush(&mut lanes, &mut y);
            y += LANE_GAP;
            lanes[header].height = y - top;
        } else {
            fold.add(undated.len(), 0, usize::MAX);
        }
    }
    fold.flush(&mut lanes, &mut y);
    // `bars` is top to bottom, left to right (drawing order, and `bars_in` searches
    // it): lanes are stacked downwards and `stack` orders each lane's bars.
    debug_assert!(bars.is_sorted_by(|a, b| (a.y, a.x) <= (b.y, b.x)));
    let mut bar_index = vec![u32::MAX; roadmap.initiatives.len()];
    for (k, b) in bars.iter().enumerate() {
        bar_index[b.init] = k as u32;
    }
    TimelineLayout {
        start: prep.start,
        end: prep.end,
        px_per_day: prep.px_per_day,
        width: prep.width,
        height: y,
        ticks: prep.ticks.clone(),
        today_x: prep.today_x,
        bands: prep.bands.clone(),
        lanes,
        bars,
        folded: focus.is_some(),
        bar_index,
    }
}

/// Packs `placed` into rows from `top`, pushes them to `bars`, and returns the
/// height used.
fn stack(placed: Vec<Bar>, top: f64, bars: &mut Vec<Bar>) -> f64 {
    let (rows, mut order) = pack(&placed.iter().map(Bar::extent).collect::<Vec<_>>());
    let n_rows = rows.iter().max().map_or(0, |r| r + 1);
    // Row by row, left to right (the lane's part of the drawing order): the placement
    // order is left to right within a row, and a stable sort keeps it.
    order.sort_by_key(|&k| rows[k]);
    let mut placed: Vec<Option<Bar>> = placed.into_iter().map(Some).collect();
    for k in order {
        let mut b = placed[k].take().expect("each bar placed once");
        b.y = top + rows[k] as f64 * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
        bars.push(b);
    }
    n_rows as f64 * ROW_HEIGHT
}

/// Spreads chips along their band: each after the previous one of its band, back to
/// the band's start when the band is full (packing then puts it on the next row).
fn flow(chips: &mut [(Bar, f64, f64)]) {
    let mut cursors: Vec<(f64, f64)> = Vec::new(); // (band start, next x)
    for (b, lo, hi) in chips.iter_mut() {
        let k = match cursors.iter().position(|(s, _)| s == lo) {
            Some(k) => k,
            None => {
                cursors.push((*lo, *lo));
                cursors.len() - 1
            }
        };
        let mut x = cursors[k].1;
        if x + b.w > *hi && x > *lo {
            x = *lo;
        }
        b.x = x;
        b.label.x = x;
        cursors[k].1 = x + b.w + place::ROW_PADDING;
    }
}
