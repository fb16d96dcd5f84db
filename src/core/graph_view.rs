//! The graph view's drawing: the visible initiatives laid out in layers (dependencies
//! above their dependents) with the layered layout, in pixels; and the stage-by-stage
//! dependency matrix.

use super::filter::{Filter, Visible};
use super::layout::{self, Widths};
use super::model::Roadmap;

pub const NODE_W: f64 = 190.0;
pub const NODE_H: f64 = 40.0;
pub const LAYER_GAP: f64 = 90.0;
pub const MARGIN: f64 = 20.0;

#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    pub init: usize,
    /// Centre.
    pub x: f64,
    pub y: f64,
    pub ghost: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GraphEdge {
    pub from: usize,
    pub to: usize,
    /// SVG path data through the edge's bends.
    pub path: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphDrawing {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    pub width: f64,
    pub height: f64,
    pub crossings: u64,
    /// When grouped by stage: one box per run of same-stage nodes in a layer
    /// (stage, x0, x1, centre y).
    pub groups: Vec<(usize, f64, f64, f64)>,
}

/// Lays out the shown initiatives and their ghosts, with the dependencies among them
/// that `filter` shows (see [`Filter::shows_edge`]).
pub fn draw(
    roadmap: &Roadmap,
    visible: &Visible,
    filter: &Filter,
    group_by_stage: bool,
) -> GraphDrawing {
    let mut ids: Vec<usize> = visible
        .shown
        .iter()
        .chain(&visible.ghosts)
        .copied()
        .collect();
    ids.sort_unstable();
    let mut local = vec![u32::MAX; roadmap.initiatives.len()];
    for (k, &i) in ids.iter().enumerate() {
        local[i] = k as u32;
    }
    let mut edges: Vec<(u32, u32)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &i in &ids {
        for &d in &roadmap.initiatives[i].depends_on {
            if local[d] != u32::MAX && filter.shows_edge(roadmap, d, i) {
                edges.push((local[d], local[i]));
                pairs.push((d, i));
            }
        }
    }
    let stages: Vec<u32> = ids
        .iter()
        .map(|&i| roadmap.initiatives[i].stage as u32)
        .collect();
    let widths = Widths {
        node: NODE_W,
        dummy: 16.0,
        gap: 24.0,
        band_gap: 40.0,
    };
    let l = layout::layout_grouped(
        ids.len(),
        &edges,
        widths,
        group_by_stage.then_some(stages.as_slice()),
        layout::Effort::Interactive,
    );
    let y_of = |layer: u32| MARGIN + NODE_H / 2.0 + layer as f64 * (NODE_H + LAYER_GAP);
    let ghost: std::collections::BTreeSet<usize> = visible.ghosts.iter().copied().collect();
    let nodes: Vec<GraphNode> = ids
        .iter()
        .enumerate()
        .map(|(k, &i)| GraphNode {
            init: i,
            x: MARGIN + NODE_W / 2.0 + l.x[k],
            y: y_of(l.layer[k]),
            ghost: ghost.contains(&i),
        })
        .collect();
    let graph_edges = pairs
        .iter()
        .enumerate()
        .map(|(e, &(from, to))| {
            let layer0 = l.layer[local[from] as usize];
            let pts: Vec<(f64, f64)> = l.paths[e]
                .iter()
                .enumerate()
                .map(|(k, &x)| (MARGIN + NODE_W / 2.0 + x, y_of(layer0 + k as u32)))
                .collect();
            GraphEdge {
                from,
                to,
                path: smooth(&pts),
            }
        })
        .collect();
    let width = nodes
        .iter()
        .map(|n| n.x + NODE_W / 2.0 + MARGIN)
        .fold(0.0, f64::max);
    let height = nodes
        .iter()
        .map(|n| n.y + NODE_H / 2.0 + MARGIN)
        .fold(0.0, f64::max);
    let mut groups: Vec<(usize, f64, f64, f64)> = Vec::new();
    if group_by_stage {
        let mut rows: std::collections::BTreeMap<i64, Vec<&GraphNode>> = Default::default();
        for n in &nodes {
            rows.entry(n.y.round() as i64).or_default().push(n);
        }
        for row in rows.values_mut() {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            for n in row.iter() {
                let stage = roadmap.initiatives[n.init].stage;
                match groups.last_mut() {
                    Some(g) if g.0 == stage && (g.3 - n.y).abs() < 1.0 => {
                        g.2 = n.x + NODE_W / 2.0 + 6.0
                    }
                    _ => groups.push((
                        stage,
                        n.x - NODE_W / 2.0 - 6.0,
                        n.x + NODE_W / 2.0 + 6.0,
                        n.y,
                    )),
                }
            }
        }
    }
    GraphDrawing {
        nodes,
        edges: graph_edges,
        width,
        height,
        crossings: l.crossings,
        groups,
    }
}

/// A smooth path from the bottom of the first node to the top of the last, through
/// the bend points (vertical tangents at every layer).
fn smooth(pts: &[(f64, f64)]) -> String {
    let half = NODE_H / 2.0;
    let n = pts.len();
    let mut p: Vec<(f64, f64)> = pts.to_vec();
    p[0].1 += half;
    p[n - 1].1 -= half;
    let mut d = format!("M{:.1},{:.1}", p[0].0, p[0].1);
    for w in p.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let my = (y0 + y1) / 2.0;
        d.push_str(&format!(
            " C{x0:.1},{my:.1} {x1:.1},{my:.1} {x1:.1},{y1:.1}"
        ));
    }
    d
}

/// `m[a][b]`: how many initiatives of stage `b` depend on one of stage `a` (who waits on whom).
pub fn stage_matrix(roadmap: &Roadmap) -> Vec<Vec<usize>> {
    let s = roadmap.stages.len();
    let mut m = vec![vec![0; s]; s];
    for init in &roadmap.initiatives {
        for &d in &init.depends_on {
            m[roadmap.initiatives[d].stage][init.stage] += 1;
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filter::{visible, Filter};
    use crate::core::test_support::RoadmapBuilder;
    use crate::core::Date;

    #[test]
    fn dependencies_are_drawn_above_and_nodes_never_overlap() {
        let (r, _) = RoadmapBuilder::new(&["s", "t"])
            .as_of("2026-01-01")
            .initiative("a", "")
            .initiative("b", "depends_on: [a]")
            .initiative("c", "stage: t, depends_on: [a, b]")
            .initiative("d", "stage: t, depends_on: [a]")
            .load();
        let v = visible(&r, &Filter::default(), Date(0), false);
        let g = draw(&r, &v, &Filter::default(), false);
        let node = |id: &str| {
            g.nodes
                .iter()
                .find(|n| n.init == r.find(id).unwrap())
                .unwrap()
                .clone()
        };
        for e in &g.edges {
            let (f, t) = (
                node(&r.initiatives[e.from].id),
                node(&r.initiatives[e.to].id),
            );
            assert!(t.y > f.y, "dependents below their dependencies");
        }
        for (i, a) in g.nodes.iter().enumerate() {
            for b in &g.nodes[i + 1..] {
                assert!(
                    (a.y - b.y).abs() >= NODE_H || (a.x - b.x).abs() >= NODE_W,
                    "overlap"
                );
            }
        }
        assert_eq!(stage_matrix(&r), vec![vec![1, 3], vec![0, 0]]);
        // Grouped: within every layer, nodes come in stage order.
        let grouped = draw(&r, &v, &Filter::default(), true);
        let mut by_layer: std::collections::BTreeMap<i64, Vec<(f64, usize)>> = Default::default();
        for n in &grouped.nodes {
            by_layer
                .entry(n.y as i64)
                .or_default()
                .push((n.x, r.initiatives[n.init].stage));
        }
        for row in by_layer.values_mut() {
            row.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(row.windows(2).all(|w| w[0].1 <= w[1].1), "{row:?}");
        }
        // A matrix cell: only the edges from stage s to stage t, and their ends.
        let between = Filter {
            between: Some(("s".into(), "t".into())),
            ..Filter::default()
        };
        let v = visible(&r, &between, Date(0), false);
        let ids = |xs: &[usize]| {
            xs.iter()
                .map(|&i| r.initiatives[i].id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&v.shown), ["a", "b", "c", "d"]);
        let g = draw(&r, &v, &between, false);
        let mut drawn: Vec<(&str, &str)> = g
            .edges
            .iter()
            .map(|e| {
                (
                    r.initiatives[e.from].id.as_str(),
                    r.initiatives[e.to].id.as_str(),
                )
            })
            .collect();
        drawn.sort_unstable();
        assert_eq!(
            drawn,
            [("a", "c"), ("a", "d"), ("b", "c")],
            "not b -> a inside s"
        );
        // Inside one stage: only a and b, and their one edge.
        let within = Filter {
            between: Some(("s".into(), "s".into())),
            ..Filter::default()
        };
        let v = visible(&r, &within, Date(0), false);
        assert_eq!(ids(&v.shown), ["a", "b"]);
        assert_eq!(draw(&r, &v, &within, false).edges.len(), 1);
    }
}
