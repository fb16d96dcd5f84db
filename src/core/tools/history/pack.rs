//! The history pack: a [`History`] in the pack's compact binary form (LEB128
//! integers, length-prefixed strings: `tools::pack`'s writer and reader), written
//! beside the roadmap's pack by a build with `ROADMAP_HISTORY=1` (`roadmap history
//! --pack`) and read by the viewer after the first screen. Reading trusts nothing: a
//! wrong magic or version, a truncated file, an index out of range or a field word
//! this viewer does not know is an error, and the viewer shows no history.

use super::{Commit, Event, Field, History, Last, Timeline};
use crate::core::text::date::Date;
use crate::core::tools::pack::reader::Reader;
use crate::core::tools::pack::writer::Writer;

/// The history pack's file name, beside `roadmap.pack` in the published data folder.
pub const HISTORY_FILE: &str = "history.pack";
const MAGIC: &[u8; 4] = b"RMHI";
/// Bumped whenever the layout below changes.
const VERSION: u64 = 2;

/// Writes `h`.
///
/// Complexity: O(size of the history).
pub fn write(h: &History) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(
        64 * (h.commits.len() + h.initiatives.len()),
    ));
    w.0.extend_from_slice(MAGIC);
    w.uint(VERSION);
    // The event words by position: a viewer with other words refuses the pack.
    w.list(Field::NAMES, |w, s| w.str(s));
    w.uint(u64::from(h.shallow));
    w.list(&h.commits, |w, c| {
        let Commit { id, date, subject } = c;
        w.str(id);
        w.int(i64::from(date.0));
        w.str(subject);
    });
    let broken: Vec<_> = h.broken.iter().collect();
    w.list(&broken, |w, (c, diags)| {
        w.uint(**c as u64);
        w.list(diags, Writer::diagnostic);
    });
    let initiatives: Vec<_> = h.initiatives.iter().collect();
    w.list(&initiatives, |w, (id, t)| {
        let Timeline {
            first_seen,
            events,
            removed,
            first_end,
            last_end,
            last,
        } = t;
        w.str(id);
        w.uint(*first_seen as u64);
        w.opt_uint(*removed);
        w.opt_date(*first_end);
        w.opt_date(*last_end);
        w.uint(u64::from(last.is_some()));
        if let Some(Last {
            title,
            team,
            depends_on,
            values,
        }) = last
        {
            w.str(title);
            w.opt_str(team.as_deref());
            w.list(depends_on, |w, d| w.str(d));
            for v in values {
                w.opt_str(v.as_deref());
            }
        }
        w.list(events, |w, e| {
            let Event {
                commit,
                field,
                from,
                to,
            } = e;
            w.uint(*commit as u64);
            w.uint(Field::ALL.iter().position(|f| f == field).expect("a field") as u64);
            w.opt_str(from.as_deref());
            w.opt_str(to.as_deref());
        });
    });
    w.0
}

/// Reads a history pack written by [`write`] (of this version).
///
/// Complexity: O(length of the bytes).
pub fn read(bytes: &[u8]) -> Result<History, String> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4)? != MAGIC {
        return Err("not a history pack".into());
    }
    let version = r.uint()?;
    if version != VERSION {
        return Err(format!(
            "history pack version {version}, this viewer reads {VERSION}"
        ));
    }
    if r.list(Reader::str)? != Field::NAMES {
        return Err("the history pack names its events differently".into());
    }
    let shallow = r.flag()?;
    let commits = r.list(|r| {
        let id = r.str()?;
        let date = Date(i32::try_from(r.int()?).map_err(|_| "a date out of range")?);
        let subject = r.str()?;
        Ok(Commit { id, date, subject })
    })?;
    let n = commits.len();
    let commit = |r: &mut Reader| -> Result<usize, String> {
        let c = r.index()?;
        (c < n)
            .then_some(c)
            .ok_or_else(|| "a commit out of range".to_string())
    };
    let broken = r
        .list(|r| Ok((commit(r)?, r.list(Reader::diagnostic)?)))?
        .into_iter()
        .collect();
    let initiatives = r
        .list(|r| {
            let id = r.str()?;
            let first_seen = commit(r)?;
            let removed = match r.opt_index()? {
                Some(c) if c >= n => return Err("a commit out of range".to_string()),
                c => c,
            };
            let first_end = r.opt_date()?;
            let last_end = r.opt_date()?;
            let last = if r.flag()? {
                let title = r.str()?;
                let team = r.opt_str()?;
                let depends_on = r.list(Reader::str)?;
                let mut values: [Option<String>; 5] = Default::default();
                for v in &mut values {
                    *v = r.opt_str()?;
                }
                Some(Last {
                    title,
                    team,
                    depends_on,
                    values,
                })
            } else {
                None
            };
            let events = r.list(|r| {
                Ok(Event {
                    commit: commit(r)?,
                    field: r.one_of(Field::ALL)?,
                    from: r.opt_str()?,
                    to: r.opt_str()?,
                })
            })?;
            let t = Timeline {
                first_seen,
                events,
                removed,
                first_end,
                last_end,
                last,
            };
            Ok((id, t))
        })?
        .into_iter()
        .collect();
    if r.at != bytes.len() {
        return Err("bytes after the end of the history pack".into());
    }
    Ok(History {
        commits,
        initiatives,
        broken,
        shallow,
    })
}
