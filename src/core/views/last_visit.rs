//! The reader's last visit (#28): what the viewer remembers on the reader's device,
//! and the one-line notice "Since your visit on 20 Nov: 3 moved, 2 added".
//!
//! Two roadmaps are kept, each as the pack bytes the viewer fetched (the build's
//! `data/roadmap.pack`: the roadmap and its diagnostics, all `Comparison` reads) with
//! the day it was first seen: the one last seen and the different one seen before it.
//! The one before is the reader's *last visit* until they mark the current one as
//! seen. The record is written here and read back without trusting it: a damaged or
//! older record is an error, and the caller starts a new one.
//!
//! Complexity: writing and reading are O(bytes); [`Visits::seen`] compares bytes, and
//! only when they differ decodes and diffs the two roadmaps (the diff's cost).

use crate::core::text::date::Date;
use crate::core::tools::diff::{diff, Side};
use crate::core::tools::pack;

/// How the comparison and its *Changes* panel name the last visit.
pub const LABEL: &str = "your last visit";

const MAGIC: &[u8; 4] = b"RMLV";
const VERSION: u8 = 1;

/// A roadmap the reader saw: its pack and the day it was first on their screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    pub first_seen: Date,
    pub pack: Vec<u8>,
}

/// What is remembered for one site on the reader's device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visits {
    /// The roadmap last seen.
    pub last: Option<Seen>,
    /// The different roadmap seen before it: the reader's last visit.
    pub before: Option<Seen>,
}

impl Visits {
    /// The record's bytes: a magic, a version, then each roadmap as a flag, its day
    /// (i32, little-endian), its length (u32, little-endian) and its pack.
    pub fn write(&self) -> Vec<u8> {
        let size = |s: &Option<Seen>| s.as_ref().map_or(0, |s| s.pack.len());
        let mut out = Vec::with_capacity(5 + 18 + size(&self.last) + size(&self.before));
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        for seen in [&self.last, &self.before] {
            match seen {
                None => out.push(0),
                Some(s) => {
                    out.push(1);
                    out.extend_from_slice(&s.first_seen.0.to_le_bytes());
                    let len = u32::try_from(s.pack.len()).expect("a pack under 4 GB");
                    out.extend_from_slice(&len.to_le_bytes());
                    out.extend_from_slice(&s.pack);
                }
            }
        }
        out
    }

    /// Reads a record [`Visits::write`] wrote; anything else is an error.
    pub fn read(bytes: &[u8]) -> Result<Visits, String> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let end = at.checked_add(n).filter(|&e| e <= bytes.len());
            let end = end.ok_or("a truncated record")?;
            let part = &bytes[at..end];
            at = end;
            Ok(part)
        };
        if take(4)? != MAGIC {
            return Err("not a record of visits".into());
        }
        if take(1)? != [VERSION] {
            return Err("a record of another version".into());
        }
        let mut seen = || -> Result<Option<Seen>, String> {
            match take(1)? {
                [0] => Ok(None),
                [1] => {
                    let day = i32::from_le_bytes(take(4)?.try_into().expect("4 bytes"));
                    let len = u32::from_le_bytes(take(4)?.try_into().expect("4 bytes"));
                    let pack = take(len as usize)?.to_vec();
                    Ok(Some(Seen {
                        first_seen: Date(day),
                        pack,
                    }))
                }
                _ => Err("a damaged record".into()),
            }
        };
        let last = seen()?;
        let before = seen()?;
        if at != bytes.len() {
            return Err("bytes after the record".into());
        }
        Ok(Visits { last, before })
    }

    /// The roadmap `pack` has been on screen on `today`: what to remember from now on,
    /// or `None` when nothing changes (the same roadmap again).
    ///
    /// A roadmap other than the last seen makes the last seen the one before. The same
    /// roadmap in other bytes (a rebuild of the same data) keeps both and their days,
    /// storing the new bytes; a last seen that cannot be read is replaced.
    pub fn seen(&self, pack: &[u8], today: Date) -> Option<Visits> {
        let now = Seen {
            first_seen: today,
            pack: pack.to_vec(),
        };
        let Some(last) = &self.last else {
            return Some(Visits {
                last: Some(now),
                before: self.before.clone(),
            });
        };
        if last.pack == pack {
            return None;
        }
        if same_roadmap(&last.pack, pack, today) {
            return Some(Visits {
                last: Some(Seen {
                    first_seen: last.first_seen,
                    pack: now.pack,
                }),
                before: self.before.clone(),
            });
        }
        let readable = pack::read(&last.pack).is_ok();
        Some(Visits {
            last: Some(now),
            before: if readable {
                self.last.clone()
            } else {
                self.before.clone()
            },
        })
    }

    /// *Mark as seen*: the current roadmap (the last seen) is the only one remembered.
    pub fn mark_seen(&self) -> Visits {
        Visits {
            last: self.last.clone(),
            before: None,
        }
    }
}

/// Two packs hold the same roadmap: both read, and `roadmap diff` finds nothing.
fn same_roadmap(a: &[u8], b: &[u8], today: Date) -> bool {
    let (Ok(a), Ok(b)) = (pack::read(a), pack::read(b)) else {
        return false;
    };
    fn side(p: &pack::Packed, today: Date) -> Side<'_> {
        Side {
            roadmap: &p.roadmap,
            diagnostics: &p.diagnostics,
            today,
        }
    }
    diff(side(&a, today), side(&b, today)).is_empty()
}

/// The notice's day: "20 Nov", with the year when it is not `today`'s ("20 Nov 2025").
pub fn day_label(day: Date, today: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, m, d) = day.ymd();
    let month = MONTHS[(m as usize).clamp(1, 12) - 1];
    if y == today.year() {
        format!("{d} {month}")
    } else {
        format!("{d} {month} {y}")
    }
}

/// "Since your visit on 20 Nov": the notice's opening, before the counts.
pub fn notice_opening(first_seen: Date, today: Date) -> String {
    format!("Since your visit on {}", day_label(first_seen, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::RoadmapBuilder;

    fn pack_of(b: &mut RoadmapBuilder) -> Vec<u8> {
        let (r, d) = b.load();
        pack::write(&r, &d, Date(0))
    }

    fn a() -> Vec<u8> {
        pack_of(RoadmapBuilder::new(&["s"]).initiative("x", "end: 2026-03-31"))
    }

    fn b() -> Vec<u8> {
        pack_of(RoadmapBuilder::new(&["s"]).initiative("x", "end: 2026-06-30"))
    }

    const DAY1: Date = Date(20_000);
    const DAY2: Date = Date(20_010);
    const DAY3: Date = Date(20_020);

    #[test]
    fn a_first_visit_remembers_the_roadmap_and_a_reload_changes_nothing() {
        let v = Visits::default().seen(&a(), DAY1).unwrap();
        assert_eq!(v.last.as_ref().unwrap().first_seen, DAY1);
        assert_eq!(v.before, None);
        assert_eq!(v.seen(&a(), DAY2), None);
    }

    #[test]
    fn a_different_roadmap_makes_the_last_seen_the_one_before() {
        let v = Visits::default().seen(&a(), DAY1).unwrap();
        let v = v.seen(&b(), DAY2).unwrap();
        assert_eq!(v.last.as_ref().unwrap().pack, b());
        assert_eq!(v.last.as_ref().unwrap().first_seen, DAY2);
        assert_eq!(
            v.before,
            Some(Seen {
                first_seen: DAY1,
                pack: a()
            })
        );
        // Reloading B keeps A as the last visit until it is marked as seen.
        assert_eq!(v.seen(&b(), DAY3), None);
        let marked = v.mark_seen();
        assert_eq!(marked.before, None);
        assert_eq!(marked.last, v.last);
        assert_eq!(marked.seen(&b(), DAY3), None);
        // A third roadmap: the one before is now B.
        let v = v.seen(&a(), DAY3).unwrap();
        assert_eq!(v.before.unwrap().first_seen, DAY2);
    }

    #[test]
    fn the_same_roadmap_in_other_bytes_keeps_the_last_visit() {
        // Without `as_of` a pack records the day it was loaded for: other bytes, the
        // same roadmap.
        let (r, d) = RoadmapBuilder::new(&["s"])
            .initiative("x", "end: 2026-03-31")
            .load();
        assert!(r.as_of.is_none());
        let (a1, a2) = (pack::write(&r, &d, Date(1)), pack::write(&r, &d, Date(2)));
        assert_ne!(a1, a2);
        let v = Visits::default().seen(&b(), DAY1).unwrap();
        let v = v.seen(&a1, DAY2).unwrap();
        let again = v.seen(&a2, DAY3).unwrap();
        assert_eq!(again.before, v.before);
        assert_eq!(again.last.as_ref().unwrap().first_seen, DAY2);
        assert_eq!(again.last.unwrap().pack, a2);
    }

    #[test]
    fn a_last_seen_that_cannot_be_read_is_replaced_not_kept_as_the_visit() {
        let v = Visits {
            last: Some(Seen {
                first_seen: DAY1,
                pack: b"garbage".to_vec(),
            }),
            before: None,
        };
        let v = v.seen(&a(), DAY2).unwrap();
        assert_eq!(v.before, None);
        assert_eq!(v.last.unwrap().pack, a());
    }

    #[test]
    fn the_record_round_trips_and_damage_is_an_error_never_a_panic() {
        let v = Visits::default()
            .seen(&a(), DAY1)
            .unwrap()
            .seen(&b(), DAY2)
            .unwrap();
        let bytes = v.write();
        assert_eq!(bytes.len(), 5 + 2 * 9 + a().len() + b().len());
        assert_eq!(Visits::read(&bytes), Ok(v.clone()));
        assert_eq!(
            Visits::read(&Visits::default().write()),
            Ok(Visits::default())
        );
        // Every truncation, and every single-byte change of the header and lengths.
        for n in 0..bytes.len() {
            assert!(Visits::read(&bytes[..n]).is_err(), "cut at {n}");
        }
        for at in 0..14 {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x5a;
            let _ = Visits::read(&damaged);
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Visits::read(&longer).is_err());
        assert!(Visits::read(b"").is_err());
    }

    #[test]
    fn the_notice_names_the_day_with_the_year_only_when_another() {
        let today = Date::from_ymd(2026, 12, 7).unwrap();
        let nov = Date::from_ymd(2026, 11, 20).unwrap();
        assert_eq!(notice_opening(nov, today), "Since your visit on 20 Nov");
        let last_year = Date::from_ymd(2025, 12, 1).unwrap();
        assert_eq!(day_label(last_year, today), "1 Dec 2025");
    }
}
