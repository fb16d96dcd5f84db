//! Synthetic roadmaps for benchmarks (`roadmap generate --initiatives N --seed S`).
//!
//! The shape follows a real platform department: 6 stages and 26 teams, a tag
//! vocabulary, every confidence level and status, dates from half a year before
//! `as_of` to three years after it (a few undated items with a horizon), about 1.5
//! dependencies per initiative, always on work that ends before the dependent starts
//! (so no cycles and no schedule conflicts), mostly within the same stage, and chains
//! ten and more deep. The output passes `roadmap check --deny-warnings`: high
//! confidence never waits on low, done work only on done work, nothing ends past
//! the three-year horizon.
//!
//! Deterministic: the same `n` and `seed` give the same files (a SplitMix64 stream).

use crate::core::load::{DataFiles, FileText};
use crate::core::text::date::Date;
use std::fmt::Write;

/// The department the synthetic roadmaps describe: stage id, name, teams.
const STAGES: [(&str, &str, &[&str]); 6] = [
    (
        "data-access",
        "Data Access",
        &[
            "gitaly",
            "git",
            "database-framework",
            "database-operations",
            "durability",
        ],
    ),
    (
        "dedicated",
        "Dedicated",
        &[
            "environment-automation",
            "public-sector-services",
            "switchboard",
        ],
    ),
    (
        "developer-experience",
        "Developer Experience",
        &[
            "development-analytics",
            "developer-tooling",
            "feature-readiness",
            "performance-enablement",
            "test-governance",
        ],
    ),
    (
        "production-engineering",
        "Production Engineering",
        &[
            "cloud-connector",
            "foundations",
            "observability",
            "ops",
            "runway",
        ],
    ),
    (
        "software-delivery",
        "Software Delivery",
        &["build", "deploy", "framework", "releases", "self-managed"],
    ),
    (
        "tenant-scale",
        "Tenant Scale",
        &["geo", "organizations", "cells"],
    ),
];

const TAGS: [&str; 10] = [
    "availability",
    "reliability",
    "scalability",
    "performance",
    "security",
    "compliance",
    "cost",
    "dogfooding",
    "developer-productivity",
    "observability",
];

const VERBS: [&str; 12] = [
    "Automate",
    "Replace",
    "Shard",
    "Harden",
    "Migrate",
    "Observe",
    "Scale",
    "Simplify",
    "Replicate",
    "Deprecate",
    "Rebuild",
    "Measure",
];
const THINGS: [&str; 16] = [
    "the database fleet",
    "Git storage",
    "deploy pipelines",
    "tenant provisioning",
    "the HTTP router",
    "backup restores",
    "runner autoscaling",
    "release tooling",
    "service discovery",
    "rate limits",
    "the metrics pipeline",
    "secrets rotation",
    "merge trains",
    "regional failover",
    "test selection",
    "cost reporting",
];

/// SplitMix64: small, fast, and the same stream on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Conf {
    Low,
    Medium,
    High,
}

struct Item {
    stage: usize,
    team: usize,
    start: Option<Date>,
    end: Option<Date>,
    horizon: Option<&'static str>,
    confidence: Conf,
    deps: Vec<usize>,
}

/// The `as_of` of every synthetic roadmap.
pub fn as_of() -> Date {
    Date::from_ymd(2026, 11, 1).expect("a real date")
}

/// A roadmap of `n` initiatives: `roadmap.yaml` and one file per stage under
/// `initiatives/`, as data-folder relative paths.
pub fn generate(n: usize, seed: u64) -> DataFiles {
    let mut rng = Rng(seed ^ 0x5DEE_CE66_D1CE_5EED);
    let as_of = as_of();
    let first = as_of.add_months(-6);
    let last = as_of.add_years(3);
    let span = (last.0 - first.0) as usize;
    let mut items: Vec<Item> = Vec::with_capacity(n);
    // Start days in increasing order, so every earlier item may be a dependency.
    let mut starts: Vec<i32> = (0..n)
        .map(|_| first.0 + rng.below(span * 9 / 10) as i32)
        .collect();
    starts.sort_unstable();
    for (k, &s) in starts.iter().enumerate() {
        let stage = rng.below(STAGES.len());
        let team = rng.below(STAGES[stage].2.len());
        let undated = k % 25 == 12; // 4%
                                    // 3 to 16 weeks, mostly short: chains stay inside the three years.
        let weeks = 3 + rng.below(6) + rng.below(8);
        let start = Date(s);
        let end = Date((s + 7 * weeks as i32).min(last.0));
        // Near work is more certain than far work.
        let months_out = (s - as_of.0) / 30;
        let confidence = match (months_out, rng.below(10)) {
            (..=6, 0..=6) | (7..=18, 0..=2) => Conf::High,
            (..=18, _) | (19.., 0..=4) => Conf::Medium,
            _ => Conf::Low,
        };
        // About 1.5 dependencies: 0, 1, 2 or 3 with 20/30/30/20 %.
        let want = match rng.below(10) {
            0..=1 => 0,
            2..=4 => 1,
            5..=7 => 2,
            _ => 3,
        };
        let mut deps: Vec<usize> = Vec::new();
        if !undated {
            // Candidates: dated work that ends before this starts, searched from the
            // most recent backwards (long chains), same stage preferred.
            let same_stage = rng.chance(75);
            let mut tried = 0;
            let mut j = k;
            while deps.len() < want && j > 0 && tried < 400 {
                j -= 1;
                tried += 1;
                let c = &items[j];
                let Some(c_end) = c.end else { continue };
                if c_end.0 >= s || deps.contains(&j) {
                    continue;
                }
                if (c.stage == stage) != same_stage && tried < 200 {
                    continue;
                }
                if confidence == Conf::High && c.confidence == Conf::Low {
                    continue;
                }
                // Skip some close candidates so dependencies reach further back too.
                if rng.chance(35) {
                    continue;
                }
                deps.push(j);
            }
        }
        items.push(Item {
            stage,
            team,
            start: (!undated).then_some(start),
            end: (!undated).then_some(end),
            horizon: undated.then(|| ["short", "medium", "long"][rng.below(3)]),
            confidence,
            deps,
        });
    }
    let id = |k: usize| format!("{}-{:05}", STAGES[items[k].stage].0, k);
    // Status from the dates: done work only ever waits on done work.
    let status = |it: &Item, rng: &mut Rng| match (it.start, it.end) {
        (_, Some(e)) if e < as_of => "done",
        (Some(s), _) if s <= as_of => "in-progress",
        _ if rng.chance(3) => "cancelled",
        _ if it.confidence == Conf::Low => "proposed",
        _ => "planned",
    };
    let mut files = DataFiles::default();
    files.insert("roadmap.yaml", FileText::Text(roadmap_yaml(n, seed)));
    let mut per_stage: Vec<String> = STAGES
        .iter()
        .map(|(sid, name, _)| {
            format!(
                "# {name}: synthetic initiatives (roadmap generate).\ndefaults: {{ stage: {sid} }}\ninitiatives:\n"
            )
        })
        .collect();
    for (k, it) in items.iter().enumerate() {
        let out = &mut per_stage[it.stage];
        let verb = VERBS[rng.below(VERBS.len())];
        let thing = THINGS[rng.below(THINGS.len())];
        let _ = writeln!(out, "  - id: {}", id(k));
        let _ = writeln!(out, "    title: \"{verb} {thing} ({k})\"");
        let _ = writeln!(out, "    team: {}", STAGES[it.stage].2[it.team]);
        let conf = match it.confidence {
            Conf::High => "high",
            Conf::Medium => "medium",
            Conf::Low => "low",
        };
        let _ = writeln!(out, "    confidence: {conf}");
        let _ = writeln!(out, "    status: {}", status(it, &mut rng));
        if let (Some(s), Some(e)) = (it.start, it.end) {
            let _ = writeln!(out, "    start: {s}\n    end: {e}");
        }
        if let Some(h) = it.horizon {
            let _ = writeln!(out, "    horizon: {h}");
        }
        let t1 = TAGS[rng.below(TAGS.len())];
        let t2 = TAGS[rng.below(TAGS.len())];
        if t1 == t2 {
            let _ = writeln!(out, "    tags: [{t1}]");
        } else {
            let _ = writeln!(out, "    tags: [{t1}, {t2}]");
        }
        if !it.deps.is_empty() {
            let deps: Vec<String> = it.deps.iter().map(|&d| id(d)).collect();
            let _ = writeln!(out, "    depends_on: [{}]", deps.join(", "));
        }
        if rng.chance(30) {
            let _ = writeln!(
                out,
                "    description: |\n      {verb} {thing} so that **{}** work can follow.",
                STAGES[it.stage].1
            );
        }
    }
    for (k, text) in per_stage.into_iter().enumerate() {
        files.insert(
            format!("initiatives/{}.yaml", STAGES[k].0),
            FileText::Text(text),
        );
    }
    files
}

fn roadmap_yaml(n: usize, seed: u64) -> String {
    let mut out = format!(
        "# A synthetic roadmap: roadmap generate --initiatives {n} --seed {seed}\ntitle: Synthetic roadmap ({n} initiatives)\nas_of: {}\nstages:\n",
        as_of()
    );
    for (id, name, teams) in STAGES {
        let _ = writeln!(out, "  - id: {id}\n    name: {name}\n    teams:");
        for t in teams {
            let _ = writeln!(out, "      - {{ id: {t}, name: {} }}", title_case(t));
        }
    }
    out.push_str("tags:\n");
    for t in TAGS {
        let _ = writeln!(out, "  - {{ id: {t} }}");
    }
    out.push_str("include:\n  - initiatives/*.yaml\n");
    out
}

fn title_case(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load;

    /// The longest dependency chain, counted in initiatives.
    fn depth(r: &crate::core::Roadmap) -> usize {
        let mut memo = vec![0usize; r.initiatives.len()];
        // Dependencies always start earlier: a pass in date order suffices, but the
        // loader's order is per file, so recurse with memoisation instead.
        fn go(r: &crate::core::Roadmap, i: usize, memo: &mut [usize]) -> usize {
            if memo[i] == 0 {
                let d = r.initiatives[i]
                    .depends_on
                    .iter()
                    .map(|&d| go(r, d, memo))
                    .max()
                    .unwrap_or(0);
                memo[i] = d + 1;
            }
            memo[i]
        }
        (0..r.initiatives.len())
            .map(|i| go(r, i, &mut memo))
            .max()
            .unwrap_or(0)
    }

    /// Clean (no errors, no warnings), the asked size, realistic shape, deterministic.
    #[test]
    fn generated_roadmaps_are_clean_and_shaped_like_a_department() {
        for (n, seed) in [(100, 1), (1000, 7)] {
            let files = generate(n, seed);
            let (r, diags) = load(&files, as_of());
            assert!(diags.is_empty(), "{:?}", &diags[..diags.len().min(3)]);
            assert_eq!(r.initiatives.len(), n);
            assert_eq!(r.stages.len(), 6);
            assert_eq!(r.teams.len(), 26);
            let edges: usize = r.initiatives.iter().map(|i| i.depends_on.len()).sum();
            let per = edges as f64 / n as f64;
            assert!(
                (1.2..=1.8).contains(&per),
                "{per} dependencies per initiative"
            );
            assert!(depth(&r) >= 10, "chains {} deep", depth(&r));
            let confidences: std::collections::BTreeSet<_> =
                r.initiatives.iter().map(|i| i.confidence).collect();
            assert_eq!(confidences.len(), 3);
            let statuses: std::collections::BTreeSet<_> =
                r.initiatives.iter().map(|i| i.status).collect();
            assert_eq!(statuses.len(), 5, "every status");
            let years: std::collections::BTreeSet<i32> = r
                .initiatives
                .iter()
                .filter_map(|i| i.start.map(Date::year))
                .collect();
            assert!(years.len() >= 4, "dates spread over three years: {years:?}");
            assert!(r.initiatives.iter().any(|i| i.start.is_none()));
            assert_eq!(generate(n, seed).files, files.files, "deterministic");
        }
        assert_ne!(generate(100, 1).files, generate(100, 2).files);
    }
}
