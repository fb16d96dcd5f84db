//! Writing the pack: LEB128 integers (zigzag for dates), strings as a length and
//! their UTF-8 bytes, options and enums as small integers, lists as a count and their
//! items. Each struct is destructured, so a new field cannot be forgotten.

use crate::core::model::{Initiative, Link, Redacted, Source};
use crate::core::text::date::Date;
use crate::core::text::diagnostic::{Diagnostic, Severity};

pub(crate) struct Writer(pub(crate) Vec<u8>);

impl Writer {
    pub(crate) fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    pub(crate) fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.uint(0),
            Some(s) => {
                self.uint(1);
                self.str(s);
            }
        }
    }

    pub(crate) fn opt_date(&mut self, d: Option<Date>) {
        match d {
            None => self.uint(0),
            Some(d) => {
                self.uint(1);
                self.int(d.0 as i64);
            }
        }
    }

    pub(crate) fn opt_uint(&mut self, v: Option<usize>) {
        self.uint(v.map_or(0, |v| v as u64 + 1));
    }

    pub(crate) fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.uint(items.len() as u64);
        for x in items {
            each(self, x);
        }
    }

    pub(crate) fn initiative(&mut self, i: &Initiative) {
        // Destructured, so a new field cannot be forgotten here.
        let Initiative {
            id,
            title,
            stage,
            team,
            confidence,
            status,
            start,
            end,
            horizon,
            tags,
            depends_on,
            owner,
            description,
            links,
            source,
            confidential,
            redacted,
            problems,
        } = i;
        self.str(id);
        self.str(title);
        self.uint(*stage as u64);
        self.opt_uint(*team);
        self.uint(*confidence as u64);
        self.uint(*status as u64);
        self.opt_date(*start);
        self.opt_date(*end);
        self.opt_uint(horizon.map(|h| h as usize));
        self.list(tags, |w, t| w.str(t));
        self.list(depends_on, |w, &d| w.uint(d as u64));
        self.opt_str(owner.as_deref());
        self.opt_str(description.as_deref());
        self.list(links, |w, Link { title, url }| {
            w.str(title);
            w.str(url);
        });
        let Source { file, line } = source;
        self.str(file);
        self.uint(*line as u64);
        self.uint(*confidential as u64);
        let Redacted {
            waits_on,
            blocks,
            via,
        } = redacted;
        for pairs in [waits_on, blocks] {
            self.list(pairs, |w, &(s, n)| {
                w.uint(s as u64);
                w.uint(n as u64);
            });
        }
        self.list(via, |w, &v| w.uint(v as u64));
        self.list(problems, Writer::diagnostic);
    }

    pub(crate) fn diagnostic(&mut self, d: &Diagnostic) {
        let Diagnostic {
            severity,
            code,
            message,
            file,
            line,
            column,
            hint,
            len,
        } = d;
        self.uint(match severity {
            Severity::Error => 0,
            Severity::Warning => 1,
        });
        self.uint(*code as u64);
        self.str(message);
        self.str(file);
        self.uint(*line as u64);
        self.uint(*column as u64);
        self.opt_str(hint.as_deref());
        self.uint(*len as u64);
    }
}
