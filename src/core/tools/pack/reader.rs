//! Reading the pack back, in the order `writer` wrote it, trusting nothing: every
//! length is checked against what is left, every enum against its values; the indices
//! between parts are checked by `read` once everything is read.

use crate::core::model::{Confidence, Horizon, Initiative, Link, Redacted, Source, Status};
use crate::core::text::date::Date;
use crate::core::text::diagnostic::{Code, Diagnostic, Severity};

pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

const TRUNCATED: &str = "the pack is truncated";

impl Reader<'_> {
    pub(crate) fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(TRUNCATED)?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    pub(crate) fn uint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or(TRUNCATED)?;
            self.at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("an integer too long".into())
    }

    pub(crate) fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.uint()?).map_err(|_| "a number out of range".into())
    }

    pub(crate) fn index(&mut self) -> Result<usize, String> {
        Ok(self.u32()? as usize)
    }

    pub(crate) fn int(&mut self) -> Result<i64, String> {
        let u = self.uint()?;
        Ok((u >> 1) as i64 ^ -((u & 1) as i64))
    }

    pub(crate) fn str(&mut self) -> Result<String, String> {
        let n = self.index()?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "text that is not UTF-8".into())
    }

    pub(crate) fn flag(&mut self) -> Result<bool, String> {
        match self.uint()? {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(format!("a flag of {v}")),
        }
    }

    pub(crate) fn opt_str(&mut self) -> Result<Option<String>, String> {
        Ok(if self.flag()? {
            Some(self.str()?)
        } else {
            None
        })
    }

    pub(crate) fn opt_date(&mut self) -> Result<Option<Date>, String> {
        if !self.flag()? {
            return Ok(None);
        }
        // The dates the loader accepts: years 0000 to 9999 (the views compute with
        // them, and a day far outside would overflow or draw millions of ticks).
        let d = i32::try_from(self.int()?).map_err(|_| "a date out of range")?;
        let (first, last) = (Date::from_ymd(0, 1, 1), Date::from_ymd(9999, 12, 31));
        if first.is_some_and(|f| d < f.0) || last.is_some_and(|l| d > l.0) {
            return Err("a date out of range".into());
        }
        Ok(Some(Date(d)))
    }

    pub(crate) fn opt_index(&mut self) -> Result<Option<usize>, String> {
        Ok(self.index()?.checked_sub(1))
    }

    /// One of `all`, by its position.
    pub(crate) fn one_of<T: Copy>(&mut self, all: &[T]) -> Result<T, String> {
        let i = self.index()?;
        all.get(i)
            .copied()
            .ok_or_else(|| format!("a value {i} out of range"))
    }

    pub(crate) fn list<T>(
        &mut self,
        mut each: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let n = self.index()?;
        // Reserve for what the bytes left could hold, and never much: a corrupt count
        // cannot make a large allocation (an initiative is hundreds of bytes in memory).
        let mut v = Vec::with_capacity(n.min(self.bytes.len() - self.at).min(1024));
        for _ in 0..n {
            v.push(each(self)?);
        }
        Ok(v)
    }

    pub(crate) fn initiative(&mut self) -> Result<Initiative, String> {
        Ok(Initiative {
            id: self.str()?,
            title: self.str()?,
            stage: self.index()?,
            team: self.opt_index()?,
            confidence: self.one_of(Confidence::ALL)?,
            status: self.one_of(Status::ALL)?,
            start: self.opt_date()?,
            end: self.opt_date()?,
            horizon: match self.opt_index()? {
                None => None,
                Some(h) => Some(*Horizon::ALL.get(h).ok_or("a horizon out of range")?),
            },
            tags: self.list(Reader::str)?,
            depends_on: self.list(Reader::index)?,
            owner: self.opt_str()?,
            description: self.opt_str()?,
            links: self.list(|r| {
                Ok(Link {
                    title: r.str()?,
                    url: r.str()?,
                })
            })?,
            source: Source {
                file: self.str()?,
                line: self.u32()?,
            },
            confidential: self.flag()?,
            redacted: Redacted {
                waits_on: self.list(|r| Ok((r.index()?, r.u32()?)))?,
                blocks: self.list(|r| Ok((r.index()?, r.u32()?)))?,
                via: self.list(Reader::index)?,
            },
            problems: self.list(Reader::diagnostic)?,
        })
    }

    pub(crate) fn diagnostic(&mut self) -> Result<Diagnostic, String> {
        Ok(Diagnostic {
            severity: self.one_of(&[Severity::Error, Severity::Warning])?,
            code: self.one_of(Code::ALL)?,
            message: self.str()?,
            file: self.str()?,
            line: self.u32()?,
            column: self.u32()?,
            hint: self.opt_str()?,
            len: self.u32()?,
        })
    }
}
