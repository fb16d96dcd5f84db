//! What a change does, computed by the engines the viewer uses: what must move after
//! each initiative that now ends later (the slip propagation, `slip.rs`), schedule
//! conflicts and confidence inversions introduced and resolved (the loader's rules,
//! `Roadmap::schedule_conflict`), initiatives that cross into another horizon, the
//! end-to-end critical chain (`critical.rs`), new cross-stage dependencies, confidence
//! lowered or raised, and likely renames.
//!
//! What must move after an initiative X that ends later: the head data is propagated
//! from X as it now stands (a slip of zero weeks from X's new dates), so a dependent
//! the change already moved far enough does not count, and one that now starts on or
//! before the end of a moved dependency does, with the days it must move. A dependent
//! that already had to move in the base (propagated the same way from X's old dates:
//! a conflict the change did not make) counts only if it must now move further.
//!
//! Complexity: O(S · (V + E)) for S initiatives that end later, plus O((V + E) log V).

use super::{by_id, Changed, Field, Pairs, Side};
use crate::core::analysis::critical;
use crate::core::model::{Confidence, Horizon, Initiative, Roadmap};
use crate::core::{analysis::slip, Date};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An initiative that ends later, and what must move after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Slip {
    pub id: String,
    /// Its end before and after.
    pub from: Date,
    pub to: Date,
    /// What must move after it in the head data, in the head's stage order, then by id.
    pub knock_on: Vec<KnockOn>,
}

impl Slip {
    /// How many days later it ends.
    pub fn days(&self) -> i32 {
        self.to.0 - self.from.0
    }

    /// The whole weeks that cover the delay, as the viewer's slip what-if takes them.
    pub fn weeks(&self) -> u32 {
        (self.days().max(1) as u32)
            .div_ceil(7)
            .min(slip::MAX_SLIP_WEEKS)
    }
}

/// An initiative that must move, and by how many days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnockOn {
    pub id: String,
    /// Its stage's id (in the head data).
    pub stage: String,
    pub days: i32,
    /// Moved so, it would end in a later horizon than it does now.
    pub later_horizon: bool,
}

/// An initiative whose horizon (by its dates, else its declared horizon; `None`
/// unscheduled) is another one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HorizonChange {
    pub id: String,
    pub from: Option<Horizon>,
    pub to: Option<Horizon>,
}

/// The end-to-end critical chain (the driving dependencies of the fully dated
/// initiative that finishes last) before and after, when it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriticalChange {
    pub from: Vec<String>,
    pub to: Vec<String>,
    /// The chain's earliest finish before and after.
    pub finish_from: Option<Date>,
    pub finish_to: Option<Date>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Consequences {
    /// Initiatives that end later, sorted by id.
    pub slips: Vec<Slip>,
    pub conflicts_introduced: Pairs,
    /// Conflicts of the base that the head no longer has (both initiatives kept).
    pub conflicts_resolved: Pairs,
    pub inversions_introduced: Pairs,
    pub inversions_resolved: Pairs,
    /// Sorted by id.
    pub horizons: Vec<HorizonChange>,
    pub critical_path: Option<CriticalChange>,
    /// Added dependencies between initiatives of different stages (in the head).
    pub cross_stage: Pairs,
    /// Kept initiatives whose declared confidence went down, or up; sorted.
    pub confidence_lowered: Vec<String>,
    pub confidence_raised: Vec<String>,
    /// (removed id, added id) pairs with the same title: probably renamed.
    pub renames: Pairs,
}

impl Consequences {
    /// Every initiative that must move after one that ends later and did not itself
    /// end later, with the largest move asked of it.
    pub fn must_move(&self) -> Vec<&KnockOn> {
        let seeds: BTreeSet<&str> = self.slips.iter().map(|s| s.id.as_str()).collect();
        let mut out: BTreeMap<&str, &KnockOn> = BTreeMap::new();
        for k in self.slips.iter().flat_map(|s| &s.knock_on) {
            if seeds.contains(k.id.as_str()) {
                continue;
            }
            let o = out.entry(k.id.as_str()).or_insert(k);
            if o.days < k.days {
                *o = k;
            }
        }
        out.into_values().collect()
    }
}

pub(super) fn compute(
    base: Side,
    head: Side,
    changed: &[Changed],
    added: &[String],
    removed: &[String],
) -> Consequences {
    let (a, b) = (base.roadmap, head.roadmap);
    let (ref_a, ref_b) = (a.reference_date(base.today), b.reference_date(head.today));
    let mut c = Consequences::default();
    for ch in changed {
        let (x, y) = (by_id(a, &ch.id), by_id(b, &ch.id));
        if let (Some(from), Some(to)) = (x.end, y.end) {
            if to > from {
                let before = slip::propagate(a, a.find(&ch.id).expect("kept"), 0, ref_a);
                let already = |id: &str| {
                    a.find(id)
                        .and_then(|j| before[j].as_ref())
                        .map_or(0, |m| m.days)
                };
                c.slips.push(slip_of(b, &ch.id, (from, to), ref_b, already));
            }
        }
        if ch.field(Field::Confidence).is_some() {
            match (rank(x.confidence), rank(y.confidence)) {
                (Some(p), Some(q)) if q < p => c.confidence_lowered.push(ch.id.clone()),
                (Some(p), Some(q)) if q > p => c.confidence_raised.push(ch.id.clone()),
                _ => {}
            }
        }
    }
    for x in &a.initiatives {
        let Some(j) = b.find(&x.id) else { continue };
        let (from, to) = (
            a.horizon_of(x, ref_a),
            b.horizon_of(&b.initiatives[j], ref_b),
        );
        if from != to {
            c.horizons.push(HorizonChange {
                id: x.id.clone(),
                from,
                to,
            });
        }
    }
    c.horizons.sort_by(|p, q| p.id.cmp(&q.id));
    let conflict = |dep: &Initiative, i: &Initiative| Roadmap::schedule_conflict(dep, i);
    let inversion = |dep: &Initiative, i: &Initiative| {
        i.confidence == Confidence::High && dep.confidence == Confidence::Low
    };
    (c.conflicts_introduced, c.conflicts_resolved) = compare(a, b, conflict);
    (c.inversions_introduced, c.inversions_resolved) = compare(a, b, inversion);
    let (chain_a, chain_b) = (chain(a), chain(b));
    if chain_a != chain_b {
        c.critical_path = Some(CriticalChange {
            from: chain_a.0,
            to: chain_b.0,
            finish_from: chain_a.1,
            finish_to: chain_b.1,
        });
    }
    let new_pairs = super::pairs(b);
    let old_pairs = super::pairs(a);
    c.cross_stage = new_pairs
        .difference(&old_pairs)
        .filter(|(dep, i)| by_id(b, dep).stage != by_id(b, i).stage)
        .cloned()
        .collect();
    // Added ids by title, each used for one rename at most (the first by id).
    let title = |r: &Roadmap, id: &str| by_id(r, id).title.trim().to_lowercase();
    let mut by_title: HashMap<String, Vec<&String>> = HashMap::new();
    for new in added.iter().rev() {
        by_title.entry(title(b, new)).or_default().push(new);
    }
    for old in removed {
        if let Some(new) = by_title.get_mut(&title(a, old)).and_then(Vec::pop) {
            c.renames.push((old.clone(), new.clone()));
        }
    }
    c
}

/// A declared confidence's rank (higher is surer); `None` for an invalid one.
fn rank(c: Confidence) -> Option<u8> {
    match c {
        Confidence::High => Some(3),
        Confidence::Medium => Some(2),
        Confidence::Low => Some(1),
        Confidence::Unknown => None,
    }
}

/// What must move after `id` of the head `b`, now ending on `to` instead of `from`:
/// each dependent that must move further than it `already` had to in the base.
fn slip_of(
    b: &Roadmap,
    id: &str,
    (from, to): (Date, Date),
    reference: Date,
    already: impl Fn(&str) -> i32,
) -> Slip {
    let x = b.find(id).expect("kept");
    let moves = slip::propagate(b, x, 0, reference);
    let mut knock_on: Vec<(usize, KnockOn)> = moves
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != x)
        .filter_map(|(j, m)| {
            let init = &b.initiatives[j];
            let m = m.as_ref()?;
            (m.days > already(&init.id)).then(|| {
                let k = KnockOn {
                    id: init.id.clone(),
                    stage: b.stages[init.stage].id.clone(),
                    days: m.days,
                    later_horizon: m.later_horizon,
                };
                (init.stage, k)
            })
        })
        .collect();
    knock_on.sort_by(|(s, k), (t, l)| (s, &k.id).cmp(&(t, &l.id)));
    Slip {
        id: id.to_string(),
        from,
        to,
        knock_on: knock_on.into_iter().map(|(_, k)| k).collect(),
    }
}

/// The (dependency, dependent) pairs for which `rule` holds in `b` and not in `a`
/// (introduced), and those for which it held in `a` and no longer does in `b` where
/// both initiatives are kept (resolved).
fn compare(
    a: &Roadmap,
    b: &Roadmap,
    rule: impl Fn(&Initiative, &Initiative) -> bool,
) -> (Pairs, Pairs) {
    let holding = |r: &Roadmap| -> BTreeSet<(String, String)> {
        r.initiatives
            .iter()
            .flat_map(|i| i.depends_on.iter().map(move |&d| (&r.initiatives[d], i)))
            .filter(|(dep, i)| rule(dep, i))
            .map(|(dep, i)| (dep.id.clone(), i.id.clone()))
            .collect()
    };
    let (in_a, in_b) = (holding(a), holding(b));
    let introduced = in_b.difference(&in_a).cloned().collect();
    let resolved = in_a
        .difference(&in_b)
        .filter(|(dep, i)| b.find(dep).is_some() && b.find(i).is_some())
        .cloned()
        .collect();
    (introduced, resolved)
}

/// The end-to-end critical chain of `r` (ids) and its earliest finish.
fn chain(r: &Roadmap) -> (Vec<String>, Option<Date>) {
    let times = critical::schedule(r);
    let last = times
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.as_ref().map(|t| (t.ef, i)))
        // The latest finish; on a tie, the smallest id, so the chain is stable.
        .max_by(|(e, i), (f, j)| {
            e.cmp(f)
                .then_with(|| r.initiatives[*j].id.cmp(&r.initiatives[*i].id))
        });
    match last {
        Some((ef, target)) => (
            critical::critical_path_to(r, &times, target)
                .into_iter()
                .map(|i| r.initiatives[i].id.clone())
                .collect(),
            Some(Date(ef)),
        ),
        None => (Vec::new(), None),
    }
}
