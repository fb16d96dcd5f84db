//! Criterion benches of the pure core, on generated roadmaps (`roadmap generate`,
//! seed 1) and on the layout benchmark graphs in `benches/graphs/`.
//!
//! Run: `cargo bench --bench core` (add a name to filter: `cargo bench --bench core --
//! filter`). Figures and the machine are in BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use roadmap_viewer::core::layout::{self, Widths};
use roadmap_viewer::core::views::filter::{self, Filter, Param};
use roadmap_viewer::core::views::timeline::Zoom;
use roadmap_viewer::core::views::view_state::ViewState;
use roadmap_viewer::core::{
    analysis, analysis::critical, analysis::reach, analysis::slip, load, tools::generate,
    tools::pack, views::graph_view, views::timeline,
};
use roadmap_viewer::core::{DataFiles, Roadmap};
use std::collections::BTreeSet;
use std::hint::black_box;
use std::path::Path;

const SIZES: [usize; 2] = [1_000, 10_000];

fn roadmap(n: usize) -> (DataFiles, Roadmap) {
    let files = generate::generate(n, 1);
    let (r, diags) = load(&files, generate::as_of());
    assert!(diags.is_empty());
    (files, r)
}

/// An initiative in the middle of the dependency structure: the one with the most
/// dependents among those with dependencies.
fn middle(r: &Roadmap) -> usize {
    (0..r.initiatives.len())
        .filter(|&i| !r.initiatives[i].depends_on.is_empty())
        .max_by_key(|&i| r.dependents(i).count())
        .expect("dependencies")
}

fn core(c: &mut Criterion) {
    let as_of = generate::as_of();
    for n in SIZES {
        let (files, r) = roadmap(n);
        let mut g = c.benchmark_group(format!("{n} initiatives"));
        g.sample_size(if n > 1_000 { 20 } else { 50 });
        g.bench_function("load + validate", |b| {
            b.iter(|| load(black_box(&files), as_of))
        });
        let mut f = Filter::default();
        f.toggle(Param::Confidence, "high");
        f.toggle(Param::Stage, "tenant-scale");
        g.bench_function("filter (visible + facet counts)", |b| {
            b.iter(|| {
                (
                    filter::visible(&r, black_box(&f), as_of, false),
                    filter::options(&r, black_box(&f), as_of),
                )
            })
        });
        let m = middle(&r);
        g.bench_function("impact closure (up + downstream)", |b| {
            b.iter(|| reach::distances(&r, black_box(m)))
        });
        g.bench_function("slip propagation (4 weeks)", |b| {
            b.iter(|| slip::propagate(&r, black_box(m), 4, as_of))
        });
        g.bench_function("critical path (schedule)", |b| {
            b.iter(|| critical::schedule(black_box(&r)))
        });
        let all = filter::visible(&r, &Filter::default(), as_of, false);
        g.bench_function("timeline layout (everything)", |b| {
            b.iter(|| {
                timeline::layout(
                    &r,
                    black_box(&all),
                    as_of,
                    &timeline::Settings::unfocused(
                        Zoom::Quarter,
                        timeline::Canvas::DEFAULT,
                        &BTreeSet::new(),
                        &[],
                    ),
                )
            })
        });
        // What the first screen computes (the default view): visibility, the filter
        // options, the analysis, the framed timeline at fit and its arrows; with the
        // pack read it starts from.
        let pack = pack::write(&r, &[], as_of);
        g.bench_function("first screen (pack read, default view)", |b| {
            b.iter(|| {
                let p = pack::read(black_box(&pack)).unwrap();
                let r = &p.roadmap;
                let question = ViewState::default().question();
                let vis = filter::visible(r, &Filter::default(), as_of, false);
                let options = filter::options(r, &Filter::default(), as_of);
                let a = analysis::analyse(r, &question, as_of);
                let focus = timeline::focus_of(r, &a, None);
                let collapsed = BTreeSet::new();
                let settings = timeline::Settings::unfocused(
                    Zoom::Fit,
                    timeline::Canvas::DEFAULT,
                    &collapsed,
                    &a.moves,
                );
                let l = timeline::framed_layout(r, &vis, as_of, &settings, &focus);
                let arrows = timeline::arrows(r, &l, Default::default(), None, &|_, _| true);
                (options, l.bars.len(), arrows.len())
            })
        });
        if n <= 1_000 {
            let every = graph_view::shown(&r, &all, false, &BTreeSet::new(), None);
            g.bench_function("graph view drawing (everything)", |b| {
                b.iter(|| graph_view::draw(&r, black_box(&all), &Filter::default(), &every, false))
            });
            let overview = graph_view::shown(&r, &all, true, &BTreeSet::new(), None);
            g.bench_function("graph view drawing (stage overview)", |b| {
                b.iter(|| {
                    graph_view::draw(&r, black_box(&all), &Filter::default(), &overview, false)
                })
            });
        }
        g.finish();
    }
}

fn graphs(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/graphs");
    let mut g = c.benchmark_group("layered layout (shared benchmark graphs)");
    g.sample_size(10);
    for n in [100, 1_000, 5_000] {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("N{n}.json"))) else {
            eprintln!("skipping N{n}: {} not found", dir.display());
            continue;
        };
        let v: serde_json::Value = serde_json::from_str(&text).expect("benchmark JSON");
        let edges: Vec<(u32, u32)> = v["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .map(|e| (e[0].as_u64().unwrap() as u32, e[1].as_u64().unwrap() as u32))
            .collect();
        g.bench_with_input(BenchmarkId::from_parameter(n), &edges, |b, edges| {
            b.iter(|| layout::layout(n, black_box(edges), Widths::default()))
        });
    }
    g.finish();
}

criterion_group!(benches, core, graphs);
criterion_main!(benches);
