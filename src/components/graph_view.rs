//! The dependency graph view: the core's layered drawing as SVG, with pan (drag) and
//! zoom (wheel or buttons), impact marks, and the stage-by-stage dependency matrix.

use crate::core::analysis::Analysis;
use crate::core::describe::{accessible_label, marks, place, problem_code};
use crate::core::filter::{Filter, Visible};
use crate::core::graph_view::{self, NODE_H, NODE_W};
use crate::core::intent::Intent;
use crate::state::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Rc<Loaded>,
    pub filter: Filter,
    pub group_by_stage: bool,
    pub selected: Option<usize>,
    pub hover: Option<usize>,
    pub visible: Rc<Visible>,
    pub analysis: Rc<Analysis>,
    pub on_intent: Callback<Intent>,
    pub on_hover: Callback<Option<usize>>,
}

/// The most nodes drawn without asking (see the graph view's notice).
const GRAPH_LIMIT: usize = 1500;

#[derive(Clone, Copy, PartialEq)]
struct View {
    x: f64,
    y: f64,
    k: f64,
}

#[function_component(GraphView)]
pub fn graph_view(props: &Props) -> Html {
    let r = &props.data.roadmap;
    // A graph of thousands of nodes is neither readable nor quick to lay out: above
    // GRAPH_LIMIT it waits for narrower filters or an explicit "draw all".
    let count = props.visible.shown.len() + props.visible.ghosts.len();
    let draw_all = use_state(|| false);
    let too_big = count > GRAPH_LIMIT && !*draw_all;
    let drawing = {
        let data = props.data.clone();
        use_memo(
            (
                props.visible.clone(),
                props.filter.clone(),
                props.group_by_stage,
                too_big,
            ),
            move |(v, filter, group, too_big)| {
                if *too_big {
                    graph_view::GraphDrawing::default()
                } else {
                    graph_view::draw(&data.roadmap, v, filter, *group)
                }
            },
        )
    };
    let matrix = {
        let data = props.data.clone();
        use_memo(Rc::as_ptr(&props.data) as usize, move |_| {
            graph_view::stage_matrix(&data.roadmap)
        })
    };
    let view = use_state(|| View {
        x: 0.0,
        y: 0.0,
        k: 1.0,
    });
    let canvas = use_node_ref();
    let (w, h) = (drawing.width.max(200.0), drawing.height.max(120.0));
    let svg_h = h.clamp(300.0, 900.0);
    // Fit the drawing into the canvas (on first show, on new data, and on "Fit").
    let fit = {
        let (canvas, view) = (canvas.clone(), view.clone());
        move || {
            let cw = canvas
                .cast::<web_sys::Element>()
                .map_or(800.0, |e| e.client_width() as f64)
                .max(100.0);
            // Readable first: never below 45% (pan for the rest).
            let k = ((cw - 20.0) / w).min((svg_h - 20.0) / h).clamp(0.45, 1.0);
            view.set(View {
                x: ((cw - w * k) / 2.0).max(10.0),
                y: 10.0,
                k,
            });
        }
    };
    {
        let fit = fit.clone();
        use_effect_with((w as i64, h as i64), move |_| fit());
    }
    let drag = use_mut_ref(|| None::<(f64, f64, View)>);
    let selected = props.selected;
    let zoom_by = |f: f64| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            view.set(View {
                k: (view.k * f).clamp(0.2, 3.0),
                ..*view
            })
        })
    };
    let on_wheel = {
        let view = view.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let f = if e.delta_y() > 0.0 { 0.9 } else { 1.1 };
            let k = (view.k * f).clamp(0.2, 3.0);
            // Zoom around the pointer.
            let (px, py) = (e.offset_x() as f64, e.offset_y() as f64);
            let x = px - (px - view.x) * k / view.k;
            let y = py - (py - view.y) * k / view.k;
            view.set(View { x, y, k });
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
    let reset = Callback::from(move |_: MouseEvent| fit());
    let focus = props.hover.or(selected);
    let toggle_group = {
        let (on_intent, g) = (props.on_intent.clone(), props.group_by_stage);
        Callback::from(move |_: MouseEvent| on_intent.emit(Intent::SetGroupByStage(!g)))
    };

    let edges = drawing.edges.iter().map(|e| {
        let related = focus.is_some_and(|f| f == e.from || f == e.to);
        let on_path = props.analysis.critical.contains(&e.from) && props.analysis.critical.contains(&e.to);
        let (fi, ti) = (props.analysis.impact[e.from], props.analysis.impact[e.to]);
        let in_impact = fi.is_some() && ti.is_some();
        html! {
            <path class={classes!("g-edge", related.then_some("related"), in_impact.then_some("impact"), on_path.then_some("critical"))}
                d={e.path.clone()} marker-end="url(#g-arrow)"
                data-edge={format!("{}->{}", r.initiatives[e.from].id, r.initiatives[e.to].id)} />
        }
    });
    let nodes = drawing.nodes.iter().map(|n| {
        let init = &r.initiatives[n.init];
        let impact = props.analysis.impact[n.init];
        let (on_intent, id) = (props.on_intent.clone(), init.id.clone());
        let onclick = Callback::from(move |_: MouseEvent| on_intent.emit(Intent::ToggleSelect(id.clone())));
        let (hover_in, hover_out) = {
            let (d1, d2) = (props.on_hover.clone(), props.on_hover.clone());
            let i = n.init;
            (Callback::from(move |_: MouseEvent| d1.emit(Some(i))), Callback::from(move |_: MouseEvent| d2.emit(None)))
        };
        let onkeydown = {
            let click = onclick.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    if let Ok(ev) = web_sys::MouseEvent::new("click") {
                        click.emit(ev);
                    }
                }
            })
        };
        let (x, y) = (n.x - NODE_W / 2.0, n.y - NODE_H / 2.0);
        let sub = place(r, n.init);
        let title_text = format!("{}{}", marks(r, n.init), init.title);
        let sub_text = match impact {
            Some(i) if i.distance() > 0 => format!("{sub} · {} step{}", i.distance(), if i.distance() == 1 { "" } else { "s" }),
            _ => sub.clone(),
        };
        let name = accessible_label(r, n.init, &format!("{title_text} {sub_text}"));
        html! {
            <g class={classes!("g-node", format!("stage-c{}", init.stage % 8), format!("conf-{}", init.confidence.as_str()),
                    format!("status-{}", init.status.as_str()), n.ghost.then_some("ghost"), (selected == Some(n.init)).then_some("selected"),
                    impact.map(|i| format!("impact-{}", i.as_str())), props.analysis.critical.contains(&n.init).then_some("critical"),
                    problem_code(r, n.init).map(|_| "problem"))}
               data-node={init.id.clone()} data-stage={r.stages[init.stage].id.clone()} data-problem={problem_code(r, n.init)}
               data-impact={impact.map(|i| i.as_str())} data-distance={impact.map(|i| i.distance().to_string())}
               data-ghost={n.ghost.then(|| sub.clone())}
               tabindex="0" role="button"
               {onclick} {onkeydown} onmouseenter={hover_in} onmouseleave={hover_out}>
                <title>{ name }</title>
                <rect class="g-box" x={x.to_string()} y={y.to_string()} width={NODE_W.to_string()} height={NODE_H.to_string()} rx="6" />
                <rect class="g-stripe" x={x.to_string()} y={y.to_string()} width="5" height={NODE_H.to_string()} />
                <clipPath id={format!("gclip-{}", n.init)}>
                    <rect x={(x + 8.0).to_string()} y={y.to_string()} width={(NODE_W - 14.0).to_string()} height={NODE_H.to_string()} />
                </clipPath>
                <g clip-path={format!("url(#gclip-{})", n.init)} aria-hidden="true">
                    <text class="g-title" x={(x + 12.0).to_string()} y={(y + 17.0).to_string()}>{ title_text.clone() }</text>
                    <text class="g-sub" x={(x + 12.0).to_string()} y={(y + 32.0).to_string()}>{ sub_text.clone() }</text>
                </g>
            </g>
        }
    });

    let matrix_view = html! {
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
    };

    html! {
        <div class="graph" data-view="graph">
            <div class="graph-tools">
                <button type="button" class="seg" onclick={zoom_by(1.2)} aria-label="Zoom in">{ "+" }</button>
                <button type="button" class="seg" onclick={zoom_by(1.0 / 1.2)} aria-label="Zoom out">{ "−" }</button>
                <button type="button" class="seg" onclick={reset}>{ "Fit" }</button>
                <button type="button" class={classes!("seg", props.group_by_stage.then_some("active"))}
                    aria-pressed={props.group_by_stage.to_string()} data-control="group:stage" onclick={toggle_group}>
                    { "Group by stage" }
                </button>
                <span class="muted small">{ format!("{} nodes, {} dependencies, {} crossings · drag to pan, wheel to zoom", drawing.nodes.len(), drawing.edges.len(), drawing.crossings) }</span>
            </div>
            <div class="graph-canvas" ref={canvas} onwheel={on_wheel} onmousedown={on_down} onmousemove={on_move} onmouseup={on_up.clone()} onmouseleave={on_up}>
                <svg width="100%" height={svg_h.to_string()} role="group" aria-label="Dependency graph">
                    <defs>
                        <marker id="g-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
                        </marker>
                    </defs>
                    <g transform={format!("translate({:.1},{:.1}) scale({:.3})", view.x, view.y, view.k)}>
                        <rect class="g-bg" x="0" y="0" width={w.to_string()} height={h.to_string()} />
                        { for drawing.groups.iter().map(|&(s, x0, x1, y)| html! {
                            <rect class={classes!("g-group", format!("stage-c{}", s % 8))} x={x0.to_string()} y={(y - NODE_H / 2.0 - 6.0).to_string()}
                                width={(x1 - x0).to_string()} height={(NODE_H + 12.0).to_string()} rx="10" />
                        }) }
                        { for edges }
                        { for nodes }
                    </g>
                </svg>
            </div>
            if too_big {
                <p class="empty" data-graph-limit={GRAPH_LIMIT.to_string()}>
                    { format!("{count} initiatives match these filters; the graph draws up to {GRAPH_LIMIT} at once, to stay readable and quick. Narrow the filters (a stage, a team, a tag, a search), or ") }
                    <button type="button" class="link" onclick={{ let d = draw_all.clone(); Callback::from(move |_: MouseEvent| d.set(true)) }} data-graph-draw-all="">
                        { format!("draw all {count}") }
                    </button>
                    { " (it may take a while)." }
                </p>
            } else if drawing.nodes.is_empty() {
                <p class="empty">{ "No initiative matches these filters." }</p>
            }
            { matrix_view }
        </div>
    }
}
