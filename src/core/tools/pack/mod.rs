//! The pre-checked form of a roadmap that a published site starts from: the loaded
//! [`Roadmap`] and its diagnostics, written at build time by `roadmap pack` so the
//! browser skips parsing and checking the YAML (#18).
//!
//! A compact binary form, written and read here by hand: LEB128 integers, strings as a
//! length and UTF-8 bytes, fixed field order. Nothing is lost: every diagnostic keeps
//! its file, line, column and length, and every initiative its problems, so the viewer
//! shows exactly what loading the YAML would have shown (tested on every fixture).
//!
//! Reading never trusts the bytes: a wrong magic or version, a truncated file, an index
//! out of range, a dependency cycle or text that is not UTF-8 is an error, and the caller falls back to
//! the YAML files (which are published beside the pack).
//!
//! The loaded roadmap depends on the day only when the data has no `as_of` (horizons
//! then count from today): the pack records the day it was loaded for, and
//! [`Packed::valid_on`] tells whether it still stands on another day.

use crate::core::model::{Confidence, Horizon, Roadmap, Stage, Status, TagDef, Team};
use crate::core::text::date::Date;
use crate::core::text::diagnostic::{Code, Diagnostic};
use crate::core::text::markdown::{self, Node};
use reader::Reader;
use writer::Writer;

/// The pack's file name, beside `files.txt` in the published data folder.
pub const PACK_FILE: &str = "roadmap.pack";
const MAGIC: &[u8; 4] = b"RMPK";
/// Bumped whenever the layout below changes; an older pack is then ignored.
const VERSION: u32 = 3;

/// A fingerprint of the words the pack writes as positions (diagnostic codes,
/// confidence, status, horizon): an app whose lists differ (a service worker can serve
/// an older app with a newer build's pack) refuses the pack instead of misreading it.
fn words() -> u64 {
    let lists: [&[&str]; 4] = [
        Code::NAMES,
        Confidence::NAMES,
        Status::NAMES,
        Horizon::NAMES,
    ];
    // FNV-1a, 48 bits (an integer the pack writes in at most 7 bytes).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for word in lists.iter().flat_map(|l| l.iter()) {
        for b in word.bytes().chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h & 0xffff_ffff_ffff
}

/// A roadmap as loaded, and for which day, when loading it depended on the day.
#[derive(Debug, Default)]
pub struct Packed {
    pub roadmap: Roadmap,
    pub diagnostics: Vec<Diagnostic>,
    /// Each initiative's description as the safe Markdown tree (by index), parsed at
    /// build time so the viewer never parses Markdown.
    pub descriptions: Vec<Option<Vec<Node>>>,
    /// `today` as given to the loader, when the data has no `as_of`.
    pub loaded_for: Option<Date>,
}

impl Packed {
    /// Whether loading the YAML on `today` would give this roadmap.
    pub fn valid_on(&self, today: Date) -> bool {
        self.loaded_for.is_none_or(|d| d == today)
    }
}

/// Writes a loaded roadmap. `today` is the day it was loaded for.
///
/// Complexity: O(size of the roadmap).
pub fn write(roadmap: &Roadmap, diagnostics: &[Diagnostic], today: Date) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(64 * (roadmap.initiatives.len() + 16)));
    w.0.extend_from_slice(MAGIC);
    w.uint(VERSION as u64);
    w.uint(words());
    w.opt_date(roadmap.as_of.is_none().then_some(today));
    w.str(&roadmap.title);
    w.opt_date(roadmap.as_of);
    w.opt_str(roadmap.edit_url.as_deref());
    w.list(&roadmap.stages, |w, s| {
        let Stage {
            id,
            name,
            description,
            teams,
        } = s;
        w.str(id);
        w.str(name);
        w.opt_str(description.as_deref());
        w.list(teams, |w, &t| w.uint(t as u64));
    });
    w.list(&roadmap.teams, |w, t| {
        let Team { id, name, stage } = t;
        w.str(id);
        w.str(name);
        w.uint(*stage as u64);
    });
    w.list(&roadmap.tags, |w, t| {
        let TagDef { id, description } = t;
        w.str(id);
        w.opt_str(description.as_deref());
    });
    w.list(&roadmap.initiatives, Writer::initiative);
    for i in &roadmap.initiatives {
        match i.description.as_deref() {
            None => w.uint(0),
            Some(d) => {
                w.uint(1);
                w.doc(&markdown::parse(d));
            }
        }
    }
    w.list(diagnostics, Writer::diagnostic);
    w.0
}

/// Reads a pack written by [`write`] (of this version).
///
/// Complexity: O(length of the bytes).
pub fn read(bytes: &[u8]) -> Result<Packed, String> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4)? != MAGIC {
        return Err("not a roadmap pack".into());
    }
    let version = r.uint()?;
    if version != VERSION as u64 {
        return Err(format!(
            "pack version {version}, this viewer reads {VERSION}"
        ));
    }
    if r.uint()? != words() {
        return Err("the pack names its enums' values differently".into());
    }
    let loaded_for = r.opt_date()?;
    let title = r.str()?;
    let as_of = r.opt_date()?;
    let edit_url = r.opt_str()?;
    let stages = r.list(|r| {
        Ok(Stage {
            id: r.str()?,
            name: r.str()?,
            description: r.opt_str()?,
            teams: r.list(Reader::index)?,
        })
    })?;
    let teams = r.list(|r| {
        Ok(Team {
            id: r.str()?,
            name: r.str()?,
            stage: r.index()?,
        })
    })?;
    let tags = r.list(|r| {
        Ok(TagDef {
            id: r.str()?,
            description: r.opt_str()?,
        })
    })?;
    let initiatives = r.list(Reader::initiative)?;
    let descriptions = initiatives
        .iter()
        .map(|i| match (r.flag()?, &i.description) {
            (false, None) => Ok(None),
            (true, Some(_)) => r.doc().map(Some),
            _ => Err("a description tree without its text, or the other way".to_string()),
        })
        .collect::<Result<Vec<_>, String>>()?;
    let diagnostics = r.list(Reader::diagnostic)?;
    if r.at != bytes.len() {
        return Err("bytes after the end of the pack".into());
    }
    // Indices must point inside the roadmap: the views index with them.
    let n = initiatives.len();
    let sound = stages
        .iter()
        .all(|s| s.teams.iter().all(|&t| t < teams.len()))
        && teams.iter().all(|t| t.stage < stages.len())
        && initiatives.iter().all(|i| {
            i.stage < stages.len()
                && i.team.is_none_or(|t| t < teams.len())
                && i.depends_on.iter().all(|&d| d < n)
                && i.redacted.waits_on.iter().all(|&(s, _)| s < stages.len())
                && i.redacted.blocks.iter().all(|&(s, _)| s < stages.len())
                && i.redacted.via.iter().all(|&v| v < n)
        });
    if !sound {
        return Err("an index out of range".into());
    }
    let mut ids = std::collections::HashSet::with_capacity(n);
    if !initiatives.iter().all(|i| ids.insert(i.id.as_str())) {
        return Err("an initiative id twice".into());
    }
    let roadmap = Roadmap::assemble(title, as_of, edit_url, stages, teams, tags, initiatives);
    // The analyses rely on the loader's promise that dependencies have no cycle.
    if petgraph::algo::is_cyclic_directed(&roadmap.graph) {
        return Err("a dependency cycle".into());
    }
    Ok(Packed {
        roadmap,
        diagnostics,
        descriptions,
        loaded_for,
    })
}

mod doc;
pub mod job;
pub(crate) mod reader;
pub(crate) mod writer;

#[cfg(test)]
mod tests;
