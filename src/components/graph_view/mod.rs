//! The dependency graph view: the core's left-to-right drawing as SVG in a pannable,
//! zoomable area (`data-chart`), the stage-level overview's stage nodes, the overview
//! map, impact marks, and the stage-by-stage dependency matrix.

mod drawing;
mod overview_map;

use super::Shared;
use crate::core::analysis::Analysis;
use crate::core::model::Confidence;
use crate::core::views::describe::{accessible_label, problem_code};
use crate::core::views::filter::{Filter, Visible};
use crate::core::views::graph_view::fit::{self, View};
use crate::core::views::graph_view::{self, keys, GraphDrawing, Item, NODE_H};
use crate::core::views::intent::Intent;
use crate::core::views::timeline::Step;
use crate::state::Loaded;
use drawing::{use_drawing, Drawn};
use overview_map::OverviewMap;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub filter: Filter,
    pub group_by_stage: bool,
    /// The overview's expanded stages (`expand=`).
    pub expand: BTreeSet<String>,
    pub selected: Option<usize>,
    pub hover: Option<usize>,
    pub visible: Shared<Visible>,
    pub analysis: Shared<Analysis>,
    pub on_intent: Callback<Intent>,
    pub on_hover: Callback<Option<usize>>,
    /// The comparison with a baseline, when it is on (#19).
    #[prop_or_default]
    pub comparison: Option<Shared<crate::core::views::compare::Comparison>>,
    /// The browser is printing (#31): the whole drawing, fitted to the page.
    #[prop_or_default]
    pub printing: bool,
}

/// The most nodes a single stage's drawing lays out without asking.
const GRAPH_LIMIT: usize = 1500;

/// The drawing area's size in CSS pixels.
fn area_size(canvas: &NodeRef) -> Option<(f64, f64)> {
    let e = canvas.cast::<web_sys::Element>()?;
    Some((e.client_width() as f64, e.client_height() as f64)).filter(|s| s.0 > 0.0)
}

#[function_component(GraphView)]
pub fn graph_view(props: &Props) -> Html {
    let r = &props.data.roadmap;
    let canvas = use_node_ref();
    let size = use_state_eq(|| None::<(f64, f64)>);
    {
        let (canvas, size) = (canvas.clone(), size.clone());
        use_effect_with((), move |_| {
            size.set(area_size(&canvas));
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "resize", move |_| {
                    size.set(area_size(&canvas))
                });
            move || drop(listener)
        });
    }
    {
        // The details beside the graph open and close with the selection: measure again.
        let (canvas, size) = (canvas.clone(), size.clone());
        use_effect_with(props.selected.is_some(), move |_| {
            size.set(area_size(&canvas))
        });
    }
    let Drawn {
        count,
        too_big,
        draw_all,
        overview,
        drawing,
        framed_view,
        focused,
    } = use_drawing(props, *size);
    let view = use_state(fit::readable_corner);
    let (w, h) = (drawing.width, drawing.height);
    // Fit on a new drawing or area size, or frame the selection with its relations.
    let place = {
        let view = view.clone();
        move |(cw, ch): (f64, f64), frame_selection: bool| {
            view.set(
                framed_view
                    .filter(|_| frame_selection)
                    .or_else(|| fit::fit(w, h, cw, ch))
                    .unwrap_or_else(fit::readable_corner),
            );
        }
    };
    {
        let place = place.clone();
        use_effect_with(
            (
                *size,
                (w * 10.0) as i64,
                (h * 10.0) as i64,
                drawing.nodes.len(),
                props.selected,
                framed_view.map(|v| ((v.x * 10.0) as i64, (v.y * 10.0) as i64, (v.k * 1e4) as i64)),
            ),
            move |(size, ..)| {
                if let Some(s) = *size {
                    place(s, true);
                }
            },
        );
    }
    let drag = use_mut_ref(|| None::<(f64, f64, View)>);
    let selected = props.selected;
    let zoom_by = |f: f64| {
        let (view, size) = (view.clone(), *size);
        Callback::from(move |_: MouseEvent| {
            let (cw, ch) = size.unwrap_or((800.0, 600.0));
            view.set(fit::zoom_at(*view, f, cw / 2.0, ch / 2.0))
        })
    };
    let on_wheel = {
        let (view, canvas) = (view.clone(), canvas.clone());
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let Some(el) = canvas.cast::<web_sys::Element>() else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            let f = if e.delta_y() > 0.0 { 1.0 / 1.1 } else { 1.1 };
            let (px, py) = (
                e.client_x() as f64 - rect.left(),
                e.client_y() as f64 - rect.top(),
            );
            view.set(fit::zoom_at(*view, f, px, py));
        })
    };
    let on_down = {
        let (drag, view) = (drag.clone(), view.clone());
        Callback::from(move |e: MouseEvent| {
            *drag.borrow_mut() = Some((e.client_x() as f64, e.client_y() as f64, *view))
        })
    };
    let on_move = {
        let (drag, view) = (drag.clone(), view.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some((x0, y0, v0)) = *drag.borrow() {
                if e.buttons() & 1 == 1 {
                    view.set(View {
                        x: v0.x + e.client_x() as f64 - x0,
                        y: v0.y + e.client_y() as f64 - y0,
                        ..v0
                    });
                }
            }
        })
    };
    let on_up = {
        let drag = drag.clone();
        Callback::from(move |_: MouseEvent| *drag.borrow_mut() = None)
    };
    let reset = {
        let (place, size) = (place.clone(), *size);
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = size {
                place(s, false);
            }
        })
    };
    let toggle_group = {
        let (on_intent, g) = (props.on_intent.clone(), props.group_by_stage);
        Callback::from(move |_: MouseEvent| on_intent.emit(Intent::SetGroupByStage(!g)))
    };
    let on_view = {
        let view = view.clone();
        Callback::from(move |v: View| view.set(v))
    };

    // The nodes are one Tab stop (roving tabindex): the selection's node, else the
    // last focused, else the first (the core's `keys::tab_stop`); arrow keys move
    // between nodes (the core's `keys::step`) and pan the focused one into view.
    let last_focused = use_state_eq(|| None::<Item>);
    let stop = keys::tab_stop(&drawing, selected, *last_focused).map(|k| drawing.nodes[k].item);
    let item_of = {
        let data = props.data.clone();
        move |target: Option<web_sys::EventTarget>| -> Option<(Item, web_sys::Element)> {
            let target: web_sys::Element = target?.dyn_into().ok()?;
            let el = target.closest("[data-node], [data-cluster]").ok()??;
            let r = &data.roadmap;
            let item = match el.get_attribute("data-node") {
                Some(id) => Item::Init(r.find(&id)?),
                None => {
                    let id = el.get_attribute("data-cluster")?;
                    Item::Stage(r.stages.iter().position(|s| s.id == id)?)
                }
            };
            Some((item, el))
        }
    };
    let on_nodes_focus = {
        let (item_of, last_focused) = (item_of.clone(), last_focused.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some((item, _)) = item_of(e.target()) {
                last_focused.set(Some(item));
            }
        })
    };
    let on_nodes_key = {
        let (drawing, view, size) = (drawing.clone(), view.clone(), *size);
        let (canvas, last_focused) = (canvas.clone(), last_focused.clone());
        let data = props.data.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(s) = Step::from_key(&e.key(), e.ctrl_key() || e.meta_key()) else {
                return;
            };
            let Some((item, _)) = item_of(e.target()) else {
                return;
            };
            e.prevent_default();
            let Some(from) = drawing.nodes.iter().position(|n| n.item == item) else {
                return;
            };
            let Some(to) = keys::step(&drawing, from, s) else {
                return;
            };
            let node = &drawing.nodes[to];
            if let Some(area) = size {
                let shown = keys::pan_to_show(*view, node, area);
                if shown != *view {
                    view.set(shown);
                }
            }
            last_focused.set(Some(node.item));
            let r = &data.roadmap;
            let css = match node.item {
                Item::Init(i) => {
                    format!("[data-node=\"{}\"]", r.initiatives[i].id.replace('"', ""))
                }
                Item::Stage(s) => format!("[data-cluster=\"{}\"]", r.stages[s].id.replace('"', "")),
            };
            if let Some(el) = canvas
                .cast::<web_sys::Element>()
                .and_then(|c| c.query_selector(&css).ok().flatten())
            {
                crate::components::focus(&el, true);
            }
        })
    };
    let collapse_all = props.on_intent.reform(|_: MouseEvent| Intent::CollapseAll);
    let on_intent = props.on_intent.clone();
    html! {
        <div class="graph" data-view="graph">
            <div class="graph-tools">
                <button type="button" class="seg" onclick={zoom_by(1.2)} aria-label="Zoom in">{ "+" }</button>
                <button type="button" class="seg" onclick={zoom_by(1.0 / 1.2)} aria-label="Zoom out">{ "−" }</button>
                <button type="button" class="seg" onclick={reset} data-control="fit">{ "Fit" }</button>
                <button type="button" class={classes!("seg", props.group_by_stage.then_some("active"))}
                    aria-pressed={props.group_by_stage.to_string()} data-control="group:stage" onclick={toggle_group}>
                    { "Group by stage" }
                </button>
                if focused {
                    <span class="g-overview-note" data-focus="">
                        { "Showing the selection with what it waits on and what waits on it; the others are folded into their stages. Clear the selection to see them all." }
                    </span>
                } else if overview == Some(true) {
                    <span class="g-overview-note" data-overview="">
                        { "Stage overview: click a stage to open it." }
                        { for props.expand.iter().filter_map(|id| {
                            let stage = r.stages.iter().find(|s| &s.id == id)?;
                            let id = id.clone();
                            let onclick = on_intent.reform(move |_: MouseEvent| Intent::ToggleExpand(id.clone()));
                            Some(html! {
                                <button type="button" class="chip-button" data-collapse={stage.id.clone()} {onclick}
                                    title={format!("Close {}", stage.name)}>{ format!("{} ×", stage.name) }</button>
                            })
                        }) }
                        if !props.expand.is_empty() {
                            <button type="button" class="link" onclick={collapse_all}>{ "Close all" }</button>
                        }
                    </span>
                }
                <span class="muted small">
                    { format!("{} nodes, {} edges, {} crossings", drawing.nodes.len(), drawing.edges.len(), drawing.crossings) }
                    if drawing.more_ghosts > 0 {
                        <span data-more-ghosts={drawing.more_ghosts.to_string()}>
                            { format!(" · +{} more related initiatives outside the filters, not drawn", drawing.more_ghosts) }
                        </span>
                    }
                    { " · drag to pan, wheel to zoom" }
                </span>
            </div>
            <div class="graph-canvas" ref={canvas} data-chart="" onwheel={on_wheel} onmousedown={on_down} onmousemove={on_move} onmouseup={on_up.clone()} onmouseleave={on_up}>
                <svg width="100%" height="100%" role="group" aria-label="Dependency graph" data-crossings={drawing.crossings.to_string()}
                     viewBox={props.printing.then(|| format!("0 0 {w} {h}"))} preserveAspectRatio={props.printing.then_some("xMidYMin meet")}>
                    <defs>
                        <marker id="g-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
                        </marker>
                        <pattern id="g-hatch-pattern" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                        </pattern>
                    </defs>
                    <g transform={if props.printing { String::new() } else { format!("translate({:.1},{:.1}) scale({:.4})", view.x, view.y, view.k) }}
                       onkeydown={on_nodes_key} onfocusin={on_nodes_focus}>
                        <rect class="g-bg" x="0" y="0" width={w.to_string()} height={h.to_string()} />
                        <GraphLayer data={props.data.clone()} drawing={drawing.clone()} selected={selected}
                            focus={props.hover.or(selected)} analysis={props.analysis.clone()} {stop}
                            on_intent={props.on_intent.clone()} on_hover={props.on_hover.clone()} comparison={props.comparison.clone()} />
                    </g>
                </svg>
                if let (Some(area), false) = (*size, props.printing) {
                    <OverviewMap drawing={drawing.clone()} view={*view} {area} {on_view} />
                }
            </div>
            if too_big {
                <p class="empty" data-graph-limit={GRAPH_LIMIT.to_string()}>
                    { format!("{count} initiatives match these filters; the graph draws up to {GRAPH_LIMIT} at once, to stay readable and quick. Narrow the filters (a stage, a team, a tag, a search), or ") }
                    <button type="button" class="link" onclick={{ let d = draw_all.clone(); Callback::from(move |_: MouseEvent| d.set(true)) }} data-graph-draw-all="">
                        { format!("draw all {count}") }
                    </button>
                    { " (it may take a while)." }
                </p>
            } else if props.visible.shown.is_empty() {
                <p class="empty">{ "No initiative matches these filters." }</p>
            }
            { matrix_view(props) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LayerProps {
    data: Rc<Loaded>,
    drawing: Shared<GraphDrawing>,
    selected: Option<usize>,
    /// The hovered node, else the selection: its edges are marked.
    focus: Option<usize>,
    /// The nodes' one Tab stop (`tabindex="0"`; the others `-1`).
    stop: Option<Item>,
    analysis: Shared<Analysis>,
    on_intent: Callback<Intent>,
    on_hover: Callback<Option<usize>>,
    comparison: Option<Shared<crate::core::views::compare::Comparison>>,
}

/// The drawing itself (bands, edges, nodes): its own component, so that panning,
/// zooming and framing (which change only the transform around it) skip its render.
#[function_component(GraphLayer)]
fn graph_layer(props: &LayerProps) -> Html {
    let r = &props.data.roadmap;
    let (drawing, selected, focus) = (&props.drawing, props.selected, props.focus);
    let w = drawing.width;
    let key = |it: Item| match it {
        Item::Init(i) => r.initiatives[i].id.clone(),
        Item::Stage(s) => r.stages[s].id.clone(),
    };

    let edges = drawing.edges.iter().map(|e| {
        let path = match (e.from, e.to) {
            (Item::Init(from), Item::Init(to)) => {
                let related = focus.is_some_and(|f| f == from || f == to);
                let on_path = props.analysis.critical.contains(&from) && props.analysis.critical.contains(&to);
                let in_impact = props.analysis.impact[from].is_some() && props.analysis.impact[to].is_some();
                html! {
                    <path class={classes!("g-edge", related.then_some("related"), in_impact.then_some("impact"), on_path.then_some("critical"))}
                        d={e.path.clone()} marker-end="url(#g-arrow)"
                        data-edge={format!("{}->{}", r.initiatives[from].id, r.initiatives[to].id)}
                        data-change={props.comparison.as_ref().filter(|c| c.edge_added(&r.initiatives[from].id, &r.initiatives[to].id)).map(|_| "added")} />
                }
            }
            _ => html! {
                <path class={classes!("g-edge", "weighted", format!("weight-{}", weight_class(e.weight)))} d={e.path.clone()}
                    marker-end="url(#g-arrow)" data-cluster-edge={format!("{}->{}", key(e.from), key(e.to))}
                    data-weight={e.weight.to_string()}>
                    <title>{ format!("{} dependenc{}", e.weight, if e.weight == 1 { "y" } else { "ies" }) }</title>
                </path>
            },
        };
        html! {
            <>
                { path }
                if e.weight > 1 {
                    <text class="g-weight" x={format!("{:.1}", e.mid.0)} y={format!("{:.1}", e.mid.1 - 4.0)}>{ e.weight }</text>
                }
            </>
        }
    });
    let tabindex = |it: Item| if props.stop == Some(it) { "0" } else { "-1" };
    let nodes = drawing.nodes.iter().map(|n| {
        let (x, y) = (n.x - n.w / 2.0, n.y - NODE_H / 2.0);
        let lines = html! {
            <>
                <text class="g-title" x={format!("{:.1}", x + 16.0)} y={format!("{:.1}", y + 20.0)}>
                    { for n.title.iter().enumerate().map(|(k, line)| html! {
                        <tspan x={format!("{:.1}", x + 16.0)} dy={if k == 0 { "0" } else { "16" }}>{ line.clone() }</tspan>
                    }) }
                </text>
                <text class="g-sub" x={format!("{:.1}", x + 16.0)} y={format!("{:.1}", y + NODE_H - 9.0)}>{ n.sub.clone() }</text>
            </>
        };
        let boxes = |extra: Html| html! {
            <>
                <rect class="g-box" x={format!("{x:.1}")} y={format!("{y:.1}")} width={n.w.to_string()} height={NODE_H.to_string()} rx="6" />
                <rect class="g-stripe" x={format!("{x:.1}")} y={format!("{y:.1}")} width="9" height={NODE_H.to_string()} />
                { extra }
            </>
        };
        let Item::Init(i) = n.item else {
            let Item::Stage(s) = n.item else { unreachable!() };
            let stage = r.stages[s].id.clone();
            let on_intent = props.on_intent.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_intent.emit(Intent::ToggleExpand(stage.clone())));
            let onkeydown = activate_on_keys(onclick.clone());
            let label = format!("{} {}: open this stage", n.title.join(" "), n.sub);
            return html! {
                <g class={classes!("g-node", "g-cluster", format!("stage-c{}", s % 8))} data-cluster={r.stages[s].id.clone()}
                   data-count={n.count.to_string()}
                   tabindex={tabindex(n.item)} role="button" {onclick} {onkeydown}>
                    <title>{ label }</title>
                    { boxes(Html::default()) }
                    { lines }
                </g>
            };
        };
        let init = &r.initiatives[i];
        let impact = props.analysis.impact[i];
        let (on_intent, id) = (props.on_intent.clone(), init.id.clone());
        let onclick = Callback::from(move |_: MouseEvent| on_intent.emit(Intent::ToggleSelect(id.clone())));
        let onkeydown = activate_on_keys(onclick.clone());
        let (hover_in, hover_out) = {
            let (d1, d2) = (props.on_hover.clone(), props.on_hover.clone());
            (Callback::from(move |_: MouseEvent| d1.emit(Some(i))), Callback::from(move |_: MouseEvent| d2.emit(None)))
        };
        let sub = crate::core::views::describe::place(r, i);
        let name = accessible_label(r, i, &n.title.join(" "));
        let hatch = (init.confidence == Confidence::Medium).then(|| html! {
            <rect class="g-hatch" x={format!("{x:.1}")} y={format!("{y:.1}")} width="9" height={NODE_H.to_string()} />
        });
        html! {
            <g class={classes!("g-node", format!("stage-c{}", init.stage % 8), format!("conf-{}", init.confidence.as_str()),
                    format!("status-{}", init.status.as_str()), n.ghost.then_some("ghost"), (selected == Some(i)).then_some("selected"),
                    impact.map(|x| format!("impact-{}", x.as_str())), props.analysis.critical.contains(&i).then_some("critical"),
                    problem_code(r, i).map(|_| "problem"))}
               data-node={init.id.clone()} data-stage={r.stages[init.stage].id.clone()} data-problem={problem_code(r, i)}
               data-change={props.comparison.as_ref().and_then(|c| c.kinds[i]).map(|k| k.as_str())}
               data-impact={impact.map(|x| x.as_str())} data-distance={impact.map(|x| x.distance().to_string())}
               data-ghost={n.ghost.then_some(sub)}
               tabindex={tabindex(n.item)} role="button"
               {onclick} {onkeydown} onmouseenter={hover_in} onmouseleave={hover_out}>
                <title>{ name }</title>
                { boxes(hatch.unwrap_or_default()) }
                if let Some(d) = impact.map(|x| x.distance()).filter(|&d| d > 0) {
                    <text class="g-steps" x={format!("{:.1}", x + n.w - 8.0)} y={format!("{:.1}", y + NODE_H - 9.0)}>
                        { format!("{d} step{}", if d == 1 { "" } else { "s" }) }
                    </text>
                }
                { lines }
            </g>
        }
    });
    let bands = drawing.bands.iter().map(|b| html! {
        <g class={classes!("g-band", format!("stage-c{}", b.stage % 8))} data-band={r.stages[b.stage].id.clone()}>
            <rect x="4" y={format!("{:.1}", b.y0)} width={format!("{:.1}", w - 8.0)} height={format!("{:.1}", b.y1 - b.y0)} rx="8" />
            <text class="g-band-label" x="14" y={format!("{:.1}", b.y0 - 8.0)}>{ r.stages[b.stage].name.clone() }</text>
        </g>
    });
    html! {
        <>
            { for bands }
            { for edges }
            { for props.comparison.iter().flat_map(|c| crate::core::views::compare::removed_edges(r, drawing, c)).map(|e| html! {
                <path class="g-edge removed" d={e.path} data-edge={format!("{}->{}", e.from, e.to)} data-change="removed" />
            }) }
            { for nodes }
        </>
    }
}

/// Stroke classes for weighted edges: 1, 2–3, 4–7, 8–15, 16 and more.
fn weight_class(weight: usize) -> usize {
    (usize::BITS - weight.max(1).leading_zeros()).min(5) as usize
}

/// Enter and Space act like a click (nodes are SVG groups with `role="button"`).
fn activate_on_keys(click: Callback<MouseEvent>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            if let Ok(ev) = web_sys::MouseEvent::new("click") {
                click.emit(ev);
            }
        }
    })
}

/// The stage-by-stage dependency matrix; a cell shows only its dependencies.
fn matrix_view(props: &Props) -> Html {
    let r = &props.data.roadmap;
    let matrix = graph_view::stage_matrix(r);
    html! {
        <section class="matrix" aria-label="Dependencies between stages">
            <h3>{ "Who waits on whom" }</h3>
            <table>
                <thead><tr><th scope="col">{ "Depends on → / Stage ↓" }</th>
                    { for r.stages.iter().map(|s| html! { <th scope="col">{ &s.name }</th> }) }</tr></thead>
                <tbody>
                { for r.stages.iter().enumerate().map(|(b, sb)| html! {
                    <tr>
                        <th scope="row">{ &sb.name }</th>
                        { for r.stages.iter().enumerate().map(|(a, sa)| {
                            let count = matrix[a][b];
                            let on_intent = props.on_intent.clone();
                            let (ida, idb) = (sa.id.clone(), sb.id.clone());
                            let onclick = Callback::from(move |_: MouseEvent| {
                                on_intent.emit(Intent::ShowBetween(ida.clone(), idb.clone()))
                            });
                            let active = props.filter.between.as_ref() == Some(&(sa.id.clone(), sb.id.clone()));
                            html! {
                                <td>
                                    if count > 0 {
                                        <button type="button" class={classes!("cell", active.then_some("active"))} {onclick} data-matrix={format!("{}:{}", sa.id, sb.id)}
                                            aria-pressed={active.to_string()}
                                            title={format!("{} dependencies: initiatives of {} waiting on {}. Show only these.", count, sb.name, sa.name)}>{ count }</button>
                                    }
                                </td>
                            }
                        }) }
                    </tr>
                }) }
                </tbody>
            </table>
        </section>
    }
}
