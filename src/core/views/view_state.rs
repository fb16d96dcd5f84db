//! Everything that defines a view, as it appears in the URL's query string.
//!
//! The parameter names and values are a public contract (users bookmark them):
//! `view` (`timeline|graph|table`), the filters `stage`, `team`, `confidence`,
//! `status`, `tag`, `horizon` (comma-separated lists) and `q` (text), `context`,
//! `select`, `deps` (`selected|all|violations`), `zoom` (`month|quarter|year`),
//! `slip` (`<id>:<N>w`), `critical` (`1`), `sort` (`<column>` or `-<column>`), `group`
//! (`stage`), `between` (`<stage>:<stage>`) and `expand` (the graph overview's
//! opened stages, `<stage>,<stage>`), `compare` (`baseline`: the comparison with the
//! build's baseline; `last-visit`: with the reader's own last visit, #28), `changed`
//! (`1`: only what changed, while comparing), `drift` (`1`: each bar's earlier planned
//! ends, from the build's history, #29) and `at` (`YYYY-MM-DD`: the roadmap as it was
//! on that day, #29; a month or quarter means its first day). Unknown
//! parameters or values are ignored and reported as notices, never as errors.

use crate::core::analysis::Question;
use crate::core::text::keyword::keyword_enum;
use crate::core::views::filter::{Filter, Param};
use crate::core::views::timeline::{DepsMode, Zoom};
use std::collections::BTreeSet;

keyword_enum!(
    /// What the roadmap is compared with (`compare=`): nothing, the build's baseline,
    /// or the reader's last visit (remembered on their device, #28). One at a time.
    #[derive(Default)]
    pub enum Compare {
        #[default]
        Off = "none",
        Baseline = "baseline",
        LastVisit = "last-visit",
    }
);

impl Compare {
    /// Something is compared with.
    pub fn is_on(self) -> bool {
        self != Compare::Off
    }
}

keyword_enum!(
    #[derive(Default)]
    pub enum View {
        #[default]
        Timeline = "timeline",
        Graph = "graph",
        Table = "table",
    }
);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    pub filter: Filter,
    pub context: bool,
    pub select: Option<String>,
    pub deps: DepsMode,
    pub zoom: Zoom,
    /// What-if: delay this initiative by this many weeks (`slip=<id>:<N>w`).
    pub slip: Option<(String, u32)>,
    /// Highlight the critical path (`critical=1`).
    pub critical: bool,
    /// Table sort (`sort=<column>` or `sort=-<column>`).
    pub sort: Option<crate::core::views::table::Sort>,
    /// Graph view: keep each stage's nodes together (`group=stage`).
    pub group_by_stage: bool,
    /// Graph view's stage-level overview: the stages drawn as their initiatives
    /// (`expand=<stage>,<stage>`).
    pub expand: BTreeSet<String>,
    /// Compare with the build's baseline (`compare=baseline`) or the reader's last
    /// visit (`compare=last-visit`).
    pub compare: Compare,
    /// While comparing, only the initiatives that changed (`changed=1`).
    pub changed_only: bool,
    /// The timeline's drift trails and the planning accuracy (`drift=1`).
    pub drift: bool,
    /// The roadmap as it was on this day (`at=YYYY-MM-DD`).
    pub at: Option<crate::core::Date>,
}

impl ViewState {
    /// What the analysis is asked: the parts of the state it reads.
    pub fn question(&self) -> Question {
        Question {
            select: self.select.clone(),
            slip: self.slip.clone(),
            critical: self.critical,
        }
    }

    /// Parses a query string (with or without the leading `?`). Returns the state and
    /// a notice for each parameter or value that was ignored.
    pub fn from_query(query: &str) -> (ViewState, Vec<String>) {
        let mut st = ViewState::default();
        let mut notices = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (decode(k), decode(raw));
            let mut bad =
                |what: &str| notices.push(format!("ignored {what} in the address: {k}={v}"));
            match k.as_str() {
                "view" => match View::parse(&v) {
                    Some(x) => st.view = x,
                    None => bad("an unknown view"),
                },
                "deps" => match DepsMode::parse(&v) {
                    Some(x) => st.deps = x,
                    None => bad("an unknown deps mode"),
                },
                "zoom" => match Zoom::parse(&v) {
                    Some(x) => st.zoom = x,
                    None => bad("an unknown zoom"),
                },
                "context" => match v.as_str() {
                    "1" | "true" => st.context = true,
                    "0" | "false" | "" => st.context = false,
                    _ => bad("an unknown context value"),
                },
                "select" if !v.is_empty() => st.select = Some(v),
                "slip" => match crate::core::analysis::slip::parse_param(&v) {
                    Some(s) => st.slip = Some(s),
                    None => bad("a slip that is not <id>:<weeks>w"),
                },
                "group" => match v.as_str() {
                    "stage" => st.group_by_stage = true,
                    "" | "none" => st.group_by_stage = false,
                    _ => bad("an unknown grouping"),
                },
                "sort" => match crate::core::views::table::Sort::parse(&v) {
                    Some(s) => st.sort = Some(s),
                    None => bad("an unknown sort column"),
                },
                "critical" => match v.as_str() {
                    "1" | "true" => st.critical = true,
                    "0" | "false" | "" => st.critical = false,
                    _ => bad("an unknown critical value"),
                },
                "compare" => match Compare::parse(&v) {
                    Some(c) => st.compare = c,
                    None if v.is_empty() => st.compare = Compare::Off,
                    None => bad("an unknown comparison"),
                },
                "changed" => match v.as_str() {
                    "1" | "true" => st.changed_only = true,
                    "0" | "false" | "" => st.changed_only = false,
                    _ => bad("an unknown changed value"),
                },
                "drift" => match v.as_str() {
                    "1" | "true" => st.drift = true,
                    "0" | "false" | "" => st.drift = false,
                    _ => bad("an unknown drift value"),
                },
                "at" => match crate::core::Date::parse(&v, crate::core::text::date::Edge::First) {
                    Ok(d) => st.at = Some(d),
                    Err(_) if v.is_empty() => st.at = None,
                    Err(_) => bad("a day that is not YYYY-MM-DD"),
                },
                "q" => st.filter.q = v,
                "expand" => st.expand.extend(
                    raw.split(',')
                        .map(|x| decode(x).trim().to_string())
                        .filter(|x| !x.is_empty()),
                ),
                "between" => match v.split_once(':') {
                    Some((a, b)) if !a.is_empty() && !b.is_empty() => {
                        st.filter.between = Some((a.to_string(), b.to_string()))
                    }
                    _ => bad("a between that is not <stage>:<stage>"),
                },
                name => match Param::ALL.iter().find(|p| p.name() == name) {
                    Some(&p) => {
                        // Split before decoding: a value may hold a comma (`%2C`).
                        let values = raw.split(',').map(|x| decode(x).trim().to_string());
                        for value in values.filter(|x| !x.is_empty()) {
                            if !st.filter.has(p, &value) && !st.filter.toggle(p, &value) {
                                notices.push(format!(
                                    "ignored an unknown {} value in the address: {value}",
                                    p.name()
                                ));
                            }
                        }
                    }
                    None => {
                        notices.push(format!("ignored an unknown parameter in the address: {k}"))
                    }
                },
            }
        }
        (st, notices)
    }

    /// The query string for this state (without `?`), defaults left out, in a fixed order.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.view != View::default() {
            parts.push(format!("view={}", self.view.as_str()));
        }
        for p in Param::ALL {
            let vals = self.filter.values(p);
            if !vals.is_empty() {
                let vals: Vec<String> = vals.iter().map(|v| encode(v)).collect();
                parts.push(format!("{}={}", p.name(), vals.join(",")));
            }
        }
        if !self.filter.q.is_empty() {
            parts.push(format!("q={}", encode(&self.filter.q)));
        }
        if let Some((a, b)) = &self.filter.between {
            parts.push(format!("between={}:{}", encode(a), encode(b)));
        }
        if self.context {
            parts.push("context=1".into());
        }
        if let Some(s) = &self.select {
            parts.push(format!("select={}", encode(s)));
        }
        if self.deps != DepsMode::default() {
            parts.push(format!("deps={}", self.deps.as_str()));
        }
        if self.zoom != Zoom::default() {
            parts.push(format!("zoom={}", self.zoom.as_str()));
        }
        if let Some((id, weeks)) = &self.slip {
            parts.push(format!("slip={}:{weeks}w", encode(id)));
        }
        if self.critical {
            parts.push("critical=1".into());
        }
        if let Some(s) = &self.sort {
            parts.push(format!("sort={}", s.to_param()));
        }
        if self.group_by_stage {
            parts.push("group=stage".into());
        }
        if !self.expand.is_empty() {
            let stages: Vec<String> = self.expand.iter().map(|s| encode(s)).collect();
            parts.push(format!("expand={}", stages.join(",")));
        }
        if self.compare.is_on() {
            parts.push(format!("compare={}", self.compare.as_str()));
        }
        if self.changed_only {
            parts.push("changed=1".into());
        }
        if self.drift {
            parts.push("drift=1".into());
        }
        if let Some(d) = self.at {
            parts.push(format!("at={d}"));
        }
        parts.join("&")
    }

    /// Drops filter values and a selection the loaded roadmap does not have, with notices.
    pub fn retain_known(&mut self, roadmap: &crate::core::Roadmap) -> Vec<String> {
        let mut notices = Vec::new();
        let f = &mut self.filter;
        let mut keep = |set: &mut std::collections::BTreeSet<String>,
                        known: &dyn Fn(&str) -> bool,
                        name: &str| {
            set.retain(|v| {
                let ok = known(v);
                if !ok {
                    notices.push(format!("ignored an unknown {name} in the address: {v}"));
                }
                ok
            });
        };
        keep(
            &mut f.stages,
            &|v| roadmap.stages.iter().any(|s| s.id == v),
            "stage",
        );
        keep(
            &mut f.teams,
            &|v| roadmap.teams.iter().any(|t| t.id == v),
            "team",
        );
        keep(
            &mut f.tags,
            &|v| {
                roadmap.tags.iter().any(|t| t.id == v)
                    || roadmap
                        .initiatives
                        .iter()
                        .any(|i| i.tags.iter().any(|t| t == v))
            },
            "tag",
        );
        if let Some((a, b)) = &f.between {
            let known = |v: &str| roadmap.stages.iter().any(|s| s.id == v);
            if !known(a) || !known(b) {
                notices.push(format!(
                    "ignored an unknown stage in the address: between={a}:{b}"
                ));
                f.between = None;
            }
        }
        self.expand.retain(|v| {
            let ok = roadmap.stages.iter().any(|s| s.id == *v);
            if !ok {
                notices.push(format!(
                    "ignored an unknown stage in the address: expand={v}"
                ));
            }
            ok
        });
        if let Some(s) = &self.select {
            if roadmap.find(s).is_none() {
                notices.push(format!("ignored an unknown initiative in the address: {s}"));
                self.select = None;
            }
        }
        if let Some((s, _)) = &self.slip {
            if roadmap.find(s).is_none() {
                notices.push(format!("ignored a slip of an unknown initiative: {s}"));
                self.slip = None;
            }
        }
        notices
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+` (as a space); invalid sequences are kept as written.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Confidence, Status};
    use crate::core::views::filter::HorizonFilter;
    use crate::core::views::table::{Sort, COLUMNS};

    #[test]
    fn round_trip() {
        let q = "view=graph&stage=data-access,tenant-scale&confidence=high&horizon=unscheduled&q=raft%20gitaly&context=1&select=gitaly-raft&deps=violations&zoom=year&slip=gitaly-raft:6w&critical=1&group=stage&expand=data-access,tenant-scale&compare=baseline&changed=1&drift=1&at=2026-07-01";
        let (st, notices) = ViewState::from_query(q);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(st.view, View::Graph);
        assert_eq!(st.filter.q, "raft gitaly");
        assert_eq!(ViewState::from_query(&st.to_query()).0, st);
        assert_eq!(st.to_query(), q);
    }

    #[test]
    fn unknown_parts_are_ignored_with_notices() {
        let (st, notices) =
            ViewState::from_query("?view=gantt&confidence=sure,high&foo=1&zoom=day&q=%zz");
        assert_eq!(st.view, View::Timeline);
        assert_eq!(st.filter.values(Param::Confidence), vec!["high"]);
        assert_eq!(st.filter.q, "%zz");
        assert_eq!(notices.len(), 4, "{notices:?}");
    }

    #[test]
    fn a_tag_with_a_comma_round_trips() {
        let mut state = ViewState::default();
        state.filter.tags.insert("needs review, later".into());
        state.filter.tags.insert("q3".into());
        assert_eq!(state.to_query(), "tag=needs%20review%2C%20later,q3");
        assert_eq!(ViewState::from_query(&state.to_query()), (state, vec![]));
    }

    /// Xorshift64, as in the other property tests: no dependency, same stream everywhere.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn coin(&mut self) -> bool {
            self.next() & 1 == 1
        }

        fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
            xs[self.below(xs.len())]
        }

        fn maybe<T>(&mut self, f: impl FnOnce(&mut Rng) -> T) -> Option<T> {
            self.coin().then(|| f(self))
        }

        fn set<T: Ord>(&mut self, f: impl Fn(&mut Rng) -> T) -> BTreeSet<T> {
            (0..self.below(4)).map(|_| f(self)).collect()
        }

        /// An id the loader accepts (stages, teams, initiatives): lower-case letters,
        /// digits and dashes, not starting with a dash.
        fn id(&mut self) -> String {
            let mut s = String::from(self.pick(&['a', 'k', 'z', '0', '7']));
            for _ in 0..self.below(8) {
                s.push(self.pick(&['a', 'q', 'z', '1', '9', '-']));
            }
            s
        }

        /// A tag: free text (the loader does not check tags as ids), without surrounding
        /// whitespace, which reading the URL trims (so that `tag=a, b` works typed).
        fn tag(&mut self) -> String {
            let t = self.text(1);
            match t.trim() {
                "" => "t".into(),
                t => t.into(),
            }
        }

        /// Text as data or a user may hold it (tags are not checked as ids; `q` is typed):
        /// URL syntax, list and pair separators, spaces, percent signs, non-ASCII.
        fn text(&mut self, min_len: usize) -> String {
            const CHARS: &[char] = &[
                'a', 'Z', '0', '-', '_', '.', '~', ' ', '\t', '+', '%', '&', '=', '#', '?', ',',
                ':', '/', 'é', '漢', '🚀',
            ];
            (0..min_len + self.below(8))
                .map(|_| self.pick(CHARS))
                .collect()
        }
    }

    /// A random state. Built field by field without `..Default::default()`, so a new
    /// field of `ViewState` or `Filter` fails to compile here until it is generated too.
    fn random_state(rng: &mut Rng) -> ViewState {
        ViewState {
            view: rng.pick(View::ALL),
            filter: Filter {
                stages: rng.set(Rng::id),
                teams: rng.set(Rng::id),
                confidence: rng.set(|r| r.pick(Confidence::ALL)),
                status: rng.set(|r| r.pick(Status::ALL)),
                tags: rng.set(Rng::tag),
                horizon: rng.set(|r| r.pick(&HorizonFilter::ALL)),
                q: rng.maybe(|r| r.text(1)).unwrap_or_default(),
                between: rng.maybe(|r| (r.id(), r.id())),
            },
            context: rng.coin(),
            select: rng.maybe(Rng::id),
            deps: rng.pick(DepsMode::ALL),
            zoom: rng.pick(Zoom::ALL),
            slip: rng.maybe(|r| (r.id(), 1 + r.below(520) as u32)),
            critical: rng.coin(),
            sort: rng.maybe(|r| Sort {
                column: r.below(COLUMNS.len()),
                descending: r.coin(),
            }),
            group_by_stage: rng.coin(),
            expand: rng.set(Rng::id),
            compare: rng.pick(Compare::ALL),
            changed_only: rng.coin(),
            drift: rng.coin(),
            at: rng.maybe(|r| crate::core::Date(20_000 + r.below(2_000) as i32)),
        }
    }

    #[test]
    fn random_states_round_trip_through_the_query() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut written = BTreeSet::new();
        for _ in 0..5_000 {
            let state = random_state(&mut rng);
            let query = state.to_query();
            let (back, notices) = ViewState::from_query(&query);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(back, state, "?{query}");
            written.extend(
                query
                    .split('&')
                    .filter_map(|p| p.split_once('='))
                    .map(|p| p.0.to_string()),
            );
        }
        // Every parameter of the contract was written, and so read back, at least once.
        let every = [
            "view",
            "stage",
            "team",
            "confidence",
            "status",
            "tag",
            "horizon",
            "q",
            "between",
            "context",
            "select",
            "deps",
            "zoom",
            "slip",
            "critical",
            "sort",
            "group",
            "expand",
            "compare",
            "changed",
            "drift",
            "at",
        ];
        assert_eq!(written, BTreeSet::from(every.map(String::from)));
    }
}
