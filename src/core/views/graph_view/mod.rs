//! The graph view's drawing: what is shown (`shown`: every initiative, or the
//! stage-level overview) laid out left to right with the layered layout, a dependency
//! left of its dependents like time on the timeline, in pixels: nodes with their
//! title on up to two lines, edges (weighted where they stand for several
//! dependencies), labelled stage bands when grouped. `fit` places the drawing on
//! screen; `focus` frames a selection with its relations (drawing its neighbourhood
//! when the drawing cannot); `keys` says where each arrow key leads. Also the
//! stage-by-stage dependency matrix.
//!
//! Complexity: the layout's (see `layout`) on the drawn items, plus O(V + E) here.

pub mod fit;
pub mod focus;
pub mod keys;
pub mod shown;

pub use shown::{neighbourhood, shown, Item, Shown};

use crate::core::layout::{self, Widths};
use crate::core::model::Roadmap;
use crate::core::views::describe::{marks, place};
use crate::core::views::filter::{Filter, Visible};
use std::collections::{BTreeMap, HashMap};

/// An initiative node's width: three columns (a selection between its dependencies
/// and its dependents) fit readably in the graph's area beside the details at
/// 1024 × 768 (about 600 px: 3 · 196 + 2 · 40 drawing units at 11/13).
pub const NODE_W: f64 = 196.0;
/// A stage node's width (a name and a count): narrower, so the overview fits.
pub const STAGE_W: f64 = 160.0;
pub const NODE_H: f64 = 62.0;
/// Title size in drawing units (the stylesheet's `.g-title`); fits keep it readable.
pub const TITLE_PX: f64 = 13.0;
/// Characters per title line: 13 px semibold text averages about 7 px a character,
/// and a line has 172 px.
pub const TITLE_CHARS: usize = 24;
/// Characters of "Stage / Team" (11 px, about 6 px each), room left for "N steps".
pub const SUB_CHARS: usize = 22;
/// Characters per line of a stage node's name (14 px bold, 136 px).
pub const STAGE_CHARS: usize = 18;
/// Between two columns (layers): room for the edges.
pub const LAYER_GAP: f64 = 40.0;
pub const MARGIN: f64 = 16.0;
/// Between two nodes of a column.
const NODE_GAP: f64 = 14.0;
/// Between two stage bands: room for a band's label.
pub const BAND_GAP: f64 = 34.0;
/// The overview map's width on screen (it shows the whole drawing).
pub const OVERVIEW_MAP_W: f64 = 180.0;

/// A node: an initiative or a collapsed stage.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    pub item: Item,
    /// Centre.
    pub x: f64,
    pub y: f64,
    /// Width ([`NODE_W`], or [`STAGE_W`] for a stage); the height is [`NODE_H`].
    pub w: f64,
    pub ghost: bool,
    /// The title with its marks, on one or two lines.
    pub title: Vec<String>,
    /// "Stage / Team", or a stage node's count.
    pub sub: String,
    /// A stage node: how many shown initiatives it stands for (0 for initiatives).
    pub count: usize,
}

impl GraphNode {
    /// The initiative drawn, if this is not a stage node.
    pub fn init(&self) -> Option<usize> {
        match self.item {
            Item::Init(i) => Some(i),
            Item::Stage(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct GraphEdge {
    /// The dependency's side (what is waited on) and the dependent's.
    pub from: Item,
    pub to: Item,
    /// How many dependencies it stands for (1 between two initiatives).
    pub weight: usize,
    /// SVG path data from `from`'s side to `to`'s, through the edge's bends.
    pub path: String,
    /// Where its weight is written.
    pub mid: (f64, f64),
}

/// A stage's band when grouped: every node of the stage lies between `y0` and `y1`.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub stage: usize,
    pub y0: f64,
    pub y1: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphDrawing {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    pub width: f64,
    pub height: f64,
    /// Edge crossings drawn (long edges counted at every column they pass).
    pub crossings: u64,
    /// When grouped by stage, one band per stage, top to bottom.
    pub bands: Vec<Band>,
    /// Ghosts left out by the cap (see `shown`).
    pub more_ghosts: usize,
}

/// Lays out what `shown` draws, with the dependencies among the initiatives that
/// `filter` shows (see [`Filter::shows_edge`]): between two initiatives one edge each,
/// to or from a stage node one weighted edge per pair of nodes.
pub fn draw(
    roadmap: &Roadmap,
    visible: &Visible,
    filter: &Filter,
    shown: &Shown,
    group_by_stage: bool,
) -> GraphDrawing {
    let items = &shown.items;
    let index: HashMap<Item, u32> = items
        .iter()
        .enumerate()
        .map(|(k, &it)| (it, k as u32))
        .collect();
    // The node each initiative is drawn in: its own, or its folded stage's.
    let node_of = |i: usize| {
        index.get(&Item::Init(i)).copied().or_else(|| {
            let stage = roadmap.initiatives[i].stage;
            (shown.folded[stage] > 0 && visible.shown.binary_search(&i).is_ok())
                .then(|| index[&Item::Stage(stage)])
        })
    };
    let mut weights: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for &i in visible.shown.iter().chain(&visible.ghosts) {
        let Some(b) = node_of(i) else { continue };
        for &d in &roadmap.initiatives[i].depends_on {
            match node_of(d) {
                Some(a) if a != b && filter.shows_edge(roadmap, d, i) => {
                    *weights.entry((a, b)).or_default() += 1
                }
                _ => {}
            }
        }
    }
    let is_stage = |k: u32| matches!(items[k as usize], Item::Stage(_));
    if shown.focus.is_some() {
        // A neighbourhood: no edges between stage nodes (context of context).
        weights.retain(|&(a, b), _| !(is_stage(a) && is_stage(b)));
    }
    let pairs: Vec<((u32, u32), usize)> = weights.into_iter().collect();
    let edges: Vec<(u32, u32)> = pairs.iter().map(|&(e, _)| e).collect();
    let reversed = match shown.focus {
        Some(_) => compact(items.len(), &pairs, is_stage),
        None => layout::reversed_edges(items.len(), &edges),
    };
    let laid: Vec<(u32, u32)> = edges
        .iter()
        .zip(&reversed)
        .map(|(&(a, b), &r)| if r { (b, a) } else { (a, b) })
        .collect();
    let stage_of = |it: &Item| match *it {
        Item::Init(i) => roadmap.initiatives[i].stage as u32,
        Item::Stage(s) => s as u32,
    };
    let stages: Vec<u32> = items.iter().map(stage_of).collect();
    let widths = Widths {
        node: NODE_H,
        dummy: 8.0,
        gap: NODE_GAP,
        band_gap: BAND_GAP,
    };
    let l = layout::layout_grouped(
        items.len(),
        &laid,
        widths,
        group_by_stage.then_some(stages.as_slice()),
        layout::Effort::Interactive,
    );
    // Columns left to right, each as wide as its widest node; the layout's x runs
    // down the screen.
    let top = MARGIN
        + if group_by_stage {
            BAND_GAP
        } else {
            NODE_H / 2.0
        };
    let width_of = |it: &Item| match it {
        Item::Init(_) => NODE_W,
        Item::Stage(_) => STAGE_W,
    };
    let mut col_w = vec![24.0f64; l.layers.len()];
    for (k, it) in items.iter().enumerate() {
        let c = &mut col_w[l.layer[k] as usize];
        *c = c.max(width_of(it));
    }
    let mut col_x = Vec::with_capacity(col_w.len());
    let mut left = MARGIN;
    for &cw in &col_w {
        col_x.push(left + cw / 2.0);
        left += cw + LAYER_GAP;
    }
    let col = |layer: u32| col_x[layer as usize];
    let nodes: Vec<GraphNode> = items
        .iter()
        .enumerate()
        .map(|(k, &item)| {
            let (title, sub) = match item {
                Item::Init(i) => (
                    wrap(
                        &format!("{}{}", marks(roadmap, i), roadmap.initiatives[i].title),
                        TITLE_CHARS,
                        2,
                    ),
                    wrap(&place(roadmap, i), SUB_CHARS, 1).concat(),
                ),
                Item::Stage(s) => (
                    wrap(&roadmap.stages[s].name, STAGE_CHARS, 2),
                    match shown.folded[s] {
                        1 => "1 initiative ▸".to_string(),
                        c => format!("{c} initiatives ▸"),
                    },
                ),
            };
            GraphNode {
                item,
                x: col(l.layer[k]),
                y: top + l.x[k],
                w: width_of(&item),
                count: match item {
                    Item::Stage(s) => shown.folded[s],
                    Item::Init(_) => 0,
                },
                ghost: matches!(item, Item::Init(i) if shown.ghosts.contains(&i)),
                title,
                sub,
            }
        })
        .collect();
    let graph_edges = pairs
        .iter()
        .enumerate()
        .map(|(e, &((a, b), weight))| {
            let layer0 = l.layer[laid[e].0 as usize];
            let mut pts: Vec<(f64, f64)> = l.paths[e]
                .iter()
                .enumerate()
                .map(|(k, &y)| (col(layer0 + k as u32), top + y))
                .collect();
            if reversed[e] {
                pts.reverse();
            }
            let mid = if pts.len() > 2 {
                pts[pts.len() / 2]
            } else {
                ((pts[0].0 + pts[1].0) / 2.0, (pts[0].1 + pts[1].1) / 2.0)
            };
            let (from, to) = (items[a as usize], items[b as usize]);
            GraphEdge {
                from,
                to,
                weight,
                path: smooth(&pts, width_of(&from) / 2.0, width_of(&to) / 2.0),
                mid,
            }
        })
        .collect();
    let bands: Vec<Band> = l
        .bands
        .iter()
        .map(|&(stage, y0, y1)| Band {
            stage: stage as usize,
            y0: top + y0 - 8.0,
            y1: top + y1 + 8.0,
        })
        .collect();
    let width = nodes
        .iter()
        .map(|n| n.x + n.w / 2.0 + MARGIN)
        .fold(0.0, f64::max);
    let height = nodes
        .iter()
        .map(|n| n.y + NODE_H / 2.0)
        .chain(bands.iter().map(|b| b.y1))
        .fold(0.0, f64::max)
        + MARGIN;
    GraphDrawing {
        nodes,
        edges: graph_edges,
        width,
        height,
        crossings: l.crossings,
        bands,
        more_ghosts: shown.more_ghosts,
    }
}

/// Which edges a neighbourhood drawing lays out reversed: every stage node becomes a
/// source (left of what it touches) when more of its dependencies go out than come
/// in, else a sink (right of it), so no stage node sits between the selection and a
/// relation and the neighbourhood spans as few columns as its own edges need.
/// Edges between initiatives keep their direction (they are acyclic).
fn compact(
    nodes: usize,
    pairs: &[((u32, u32), usize)],
    is_stage: impl Fn(u32) -> bool,
) -> Vec<bool> {
    let mut balance = vec![0i64; nodes];
    for &((a, b), w) in pairs {
        balance[a as usize] += w as i64;
        balance[b as usize] -= w as i64;
    }
    let source = |k: u32| balance[k as usize] >= 0;
    pairs
        .iter()
        .map(|&((a, b), _)| {
            if is_stage(a) {
                !source(a)
            } else {
                is_stage(b) && source(b)
            }
        })
        .collect()
}

/// `text` on at most `lines` lines of about `chars` characters, broken between words
/// (a longer word is cut); the last line ends with "…" when the text does not fit.
/// Wide characters (CJK, emoji) count twice.
pub fn wrap(text: &str, chars: usize, lines: usize) -> Vec<String> {
    let width = |s: &str| {
        s.chars()
            .map(|c| if c as u32 >= 0x1100 { 2 } else { 1 })
            .sum::<usize>()
    };
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && width(&cur) + 1 + width(word) <= chars {
            cur.push(' ');
            cur.push_str(word);
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        for c in word.chars() {
            if width(&cur) + width(c.encode_utf8(&mut [0; 4])) > chars {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if out.len() > lines {
        out.truncate(lines);
        let last = out.last_mut().expect("lines > 0");
        while width(last) + 1 > chars {
            last.pop();
        }
        last.truncate(last.trim_end().len());
        last.push('…');
    }
    out
}

/// A smooth path from the side of the first node (half as wide as `first`) to the side
/// of the last (`last`) facing it, through the bend points (horizontal tangents at
/// every column).
fn smooth(pts: &[(f64, f64)], first: f64, last: f64) -> String {
    let n = pts.len();
    let mut p: Vec<(f64, f64)> = pts.to_vec();
    let toward = |a: f64, b: f64, half: f64| if b >= a { half } else { -half };
    p[0].0 += toward(pts[0].0, pts[1].0, first);
    p[n - 1].0 += toward(pts[n - 1].0, pts[n - 2].0, last);
    let mut d = format!("M{:.1},{:.1}", p[0].0, p[0].1);
    for w in p.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let mx = (x0 + x1) / 2.0;
        d.push_str(&format!(
            " C{mx:.1},{y0:.1} {mx:.1},{y1:.1} {x1:.1},{y1:.1}"
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
    use crate::core::test_support::RoadmapBuilder;
    use crate::core::views::filter::{visible, Filter};
    use crate::core::Date;
    use std::collections::BTreeSet;

    fn all(r: &Roadmap, f: &Filter) -> (Visible, Shown) {
        let v = visible(r, f, Date(0), false);
        let s = shown(r, &v, false, &BTreeSet::new(), None);
        (v, s)
    }

    fn overlap(a: &GraphNode, b: &GraphNode) -> bool {
        (a.y - b.y).abs() < NODE_H && (a.x - b.x).abs() < NODE_W
    }

    #[test]
    fn dependencies_are_drawn_left_of_their_dependents_and_nodes_never_overlap() {
        let r = RoadmapBuilder::new(&["s", "t"])
            .as_of("2026-01-01")
            .initiative("a", "")
            .initiative("b", "depends_on: [a]")
            .initiative("c", "stage: t, depends_on: [a, b]")
            .initiative("d", "stage: t, depends_on: [a]")
            .build();
        for grouped in [false, true] {
            let (v, s) = all(&r, &Filter::default());
            let g = draw(&r, &v, &Filter::default(), &s, grouped);
            let at = |it: Item| g.nodes.iter().find(|n| n.item == it).unwrap();
            assert_eq!(g.edges.len(), 4);
            for e in &g.edges {
                let (f, t) = (at(e.from), at(e.to));
                assert!(
                    t.x >= f.x + NODE_W + LAYER_GAP,
                    "dependents right of their dependencies"
                );
                assert!(
                    e.path.starts_with(&format!("M{:.1},", f.x + NODE_W / 2.0)),
                    "{}",
                    e.path
                );
                assert_eq!(e.weight, 1);
            }
            for (i, a) in g.nodes.iter().enumerate() {
                assert!(g.nodes[i + 1..].iter().all(|b| !overlap(a, b)));
                assert!(a.x + NODE_W / 2.0 <= g.width && a.y + NODE_H / 2.0 <= g.height);
            }
            if grouped {
                assert_eq!(g.bands.iter().map(|b| b.stage).collect::<Vec<_>>().len(), 2);
                for n in &g.nodes {
                    let stage = r.initiatives[n.init().unwrap()].stage;
                    let band = g.bands.iter().find(|b| b.stage == stage).unwrap();
                    assert!(n.y - NODE_H / 2.0 >= band.y0 && n.y + NODE_H / 2.0 <= band.y1);
                }
            }
        }
        assert_eq!(stage_matrix(&r), vec![vec![1, 3], vec![0, 0]]);
    }

    #[test]
    fn the_overview_draws_stages_with_counts_and_weighted_edges_even_in_cycles() {
        let r = RoadmapBuilder::new(&["s", "t"])
            .initiative("a", "")
            .initiative("b", "")
            .initiative("c", "stage: t, depends_on: [a, b]")
            .initiative("d", "stage: t, depends_on: [a]")
            .initiative("e", "depends_on: [d]")
            .build();
        let v = visible(&r, &Filter::default(), Date(0), false);
        let s = shown(&r, &v, true, &BTreeSet::new(), None);
        let g = draw(&r, &v, &Filter::default(), &s, false);
        let subs: Vec<&str> = g.nodes.iter().map(|n| n.sub.as_str()).collect();
        assert_eq!(subs, ["3 initiatives ▸", "2 initiatives ▸"]);
        let mut w: Vec<(Item, Item, usize)> =
            g.edges.iter().map(|e| (e.from, e.to, e.weight)).collect();
        w.sort();
        assert_eq!(
            w,
            [
                (Item::Stage(0), Item::Stage(1), 3),
                (Item::Stage(1), Item::Stage(0), 1)
            ]
        );
        // Expanding t: its initiatives, with edges to and from s's node.
        let s = shown(&r, &v, true, &BTreeSet::from(["t".to_string()]), None);
        let g = draw(&r, &v, &Filter::default(), &s, true);
        let mut w: Vec<(Item, Item, usize)> =
            g.edges.iter().map(|e| (e.from, e.to, e.weight)).collect();
        w.sort();
        let (c, d) = (r.find("c").unwrap(), r.find("d").unwrap());
        assert_eq!(
            w,
            [
                (Item::Init(d), Item::Stage(0), 1),
                (Item::Stage(0), Item::Init(c), 2),
                (Item::Stage(0), Item::Init(d), 1)
            ]
        );
    }

    #[test]
    fn titles_wrap_on_two_lines_at_most() {
        let cases: &[(&str, &[&str])] = &[
            ("Short", &["Short"]),
            (
                "Raft replication for Gitaly clusters",
                &["Raft replication for", "Gitaly clusters"],
            ),
            (
                "A very long title that cannot possibly fit on two short lines",
                &["A very long title that", "cannot possibly fit on…"],
            ),
            (
                "Supercalifragilisticexpialidocious-and-more",
                &["Supercalifragilisticexpi", "alidocious-and-more"],
            ),
        ];
        for &(text, want) in cases {
            let got = wrap(text, TITLE_CHARS, 2);
            assert_eq!(got, want, "{text}");
            assert!(got.iter().all(|l| l.chars().count() <= TITLE_CHARS));
        }
    }

    #[test]
    fn a_matrix_cell_draws_only_its_edges() {
        let r = RoadmapBuilder::new(&["s", "t"])
            .initiative("a", "")
            .initiative("b", "depends_on: [a]")
            .initiative("c", "stage: t, depends_on: [a, b]")
            .initiative("d", "stage: t, depends_on: [a]")
            .build();
        let ids = |xs: &[usize]| {
            xs.iter()
                .map(|&i| r.initiatives[i].id.as_str())
                .collect::<Vec<_>>()
        };
        let between = Filter {
            between: Some(("s".into(), "t".into())),
            ..Filter::default()
        };
        let (v, s) = all(&r, &between);
        assert_eq!(ids(&v.shown), ["a", "b", "c", "d"]);
        let g = draw(&r, &v, &between, &s, false);
        let name = |it: Item| match it {
            Item::Init(i) => r.initiatives[i].id.as_str(),
            Item::Stage(_) => unreachable!(),
        };
        let mut drawn: Vec<(&str, &str)> =
            g.edges.iter().map(|e| (name(e.from), name(e.to))).collect();
        drawn.sort_unstable();
        assert_eq!(
            drawn,
            [("a", "c"), ("a", "d"), ("b", "c")],
            "not b -> a inside s"
        );
        let within = Filter {
            between: Some(("s".into(), "s".into())),
            ..Filter::default()
        };
        let (v, s) = all(&r, &within);
        assert_eq!(ids(&v.shown), ["a", "b"]);
        assert_eq!(draw(&r, &v, &within, &s, false).edges.len(), 1);
    }
}
