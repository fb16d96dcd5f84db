//! What the viewer asks of its YAML worker, and what the worker answers (#26).
//!
//! The published viewer reads only packs; turning YAML into a pack (parsing, typing,
//! every check, Markdown) happens at build time (`roadmap pack`) or, for a local
//! preview and for the YAML fallback, in a second wasm module that runs in a web
//! worker (`src/bin/yaml_worker.rs`) and is fetched only then. Both directions are
//! bytes in the pack's encoding, so this whole exchange is plain Rust, tested natively:
//! the worker's `onmessage` is [`answer`], and the viewer reads the answer with
//! [`read_answer`], which ends in the same [`read`](super::read) as a published pack.

use super::reader::Reader;
use super::writer::Writer;
use super::Packed;
use crate::core::load::{DataFiles, FileText};
use crate::core::text::date::Date;

/// A request: load these files (the YAML fallback, a build's baseline without a
/// pack), or preview `dropped` over `published` (`core::tools::preview`).
#[derive(Debug)]
pub struct Job {
    /// The day the loader counts horizons from when the data has no `as_of`.
    pub today: Date,
    pub published: DataFiles,
    /// Files dropped on the page, in the order given; empty for a plain load.
    pub dropped: Vec<(String, FileText)>,
}

/// What the worker answers: the loaded roadmap as a pack, and for a preview a note
/// per dropped file saying where it went.
#[derive(Debug)]
pub struct Answer {
    pub packed: Packed,
    pub notes: Vec<String>,
    /// The pack's bytes as the worker wrote them (what the reader's last visit keeps
    /// when the site has no usable pack of its own, #28).
    pub bytes: Vec<u8>,
}

const MAGIC: &[u8; 4] = b"RMJB";

impl Job {
    /// The request's bytes, posted to the worker.
    pub fn write(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.0.extend_from_slice(MAGIC);
        w.int(i64::from(self.today.0));
        let published: Vec<(&String, &FileText)> = self.published.files.iter().collect();
        w.list(&published, |w, (p, t)| w.file(p, t));
        w.list(&self.dropped, |w, (p, t)| w.file(p, t));
        w.0
    }

    fn read(bytes: &[u8]) -> Result<Job, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a request for the YAML worker".into());
        }
        let today = Date(i32::try_from(r.int()?).map_err(|_| "a date out of range")?);
        let mut published = DataFiles::default();
        for (p, t) in r.list(Reader::file)? {
            published.insert(p, t);
        }
        let dropped = r.list(Reader::file)?;
        Ok(Job {
            today,
            published,
            dropped,
        })
    }
}

/// The worker's whole work: reads a request, loads (or previews) it with the core
/// loader, and answers with the pack, or with the reason the request was unreadable.
///
/// Complexity: that of `load` on the files.
pub fn answer(request: &[u8]) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    match Job::read(request) {
        Err(e) => {
            w.uint(0);
            w.str(&e);
        }
        Ok(job) => {
            let (files, notes) = if job.dropped.is_empty() {
                (job.published, Vec::new())
            } else {
                crate::core::tools::preview::assemble(&job.published, &job.dropped)
            };
            let (roadmap, diagnostics) = crate::core::load::load(&files, job.today);
            w.uint(1);
            w.list(&notes, |w, n| w.str(n));
            let pack = super::write(&roadmap, &diagnostics, job.today);
            w.0.extend_from_slice(&pack);
        }
    }
    w.0
}

/// Reads the worker's answer.
pub fn read_answer(bytes: &[u8]) -> Result<Answer, String> {
    let mut r = Reader { bytes, at: 0 };
    match r.uint()? {
        0 => Err(r.str()?),
        1 => {
            let notes = r.list(Reader::str)?;
            let pack = &bytes[r.at..];
            Ok(Answer {
                packed: super::read(pack)?,
                notes,
                bytes: pack.to_vec(),
            })
        }
        k => Err(format!("an answer of kind {k}")),
    }
}

impl Writer {
    fn file(&mut self, path: &str, text: &FileText) {
        self.str(path);
        match text {
            FileText::Text(t) => {
                self.uint(0);
                self.str(t);
            }
            FileText::TooLarge(n) => {
                self.uint(1);
                self.uint(*n);
            }
            FileText::Unreadable(why) => {
                self.uint(2);
                self.str(why);
            }
            // Only a folder on disk refuses files; a browser never has one to send.
            FileText::Refused(_) => {
                self.uint(2);
                self.str("refused unread");
            }
        }
    }
}

impl Reader<'_> {
    fn file(&mut self) -> Result<(String, FileText), String> {
        let path = self.str()?;
        let text = match self.uint()? {
            0 => FileText::Text(self.str()?),
            1 => FileText::TooLarge(self.uint()?),
            2 => FileText::Unreadable(self.str()?),
            k => return Err(format!("a file of kind {k}")),
        };
        Ok((path, text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::load;

    fn files(list: &[(&str, FileText)]) -> DataFiles {
        let mut f = DataFiles::default();
        for (p, t) in list {
            f.insert(*p, t.clone());
        }
        f
    }

    #[test]
    fn a_load_answers_what_the_loader_gives() {
        let published = crate::core::tools::generate::generate(120, 3);
        let today = Date(20_500);
        let job = Job {
            today,
            published: published.clone(),
            dropped: Vec::new(),
        };
        let answer = read_answer(&answer(&job.write())).expect("an answer");
        let (roadmap, diagnostics) = load(&published, today);
        assert!(answer.packed.roadmap == roadmap);
        assert_eq!(answer.packed.diagnostics, diagnostics);
        assert!(answer.notes.is_empty());
    }

    #[test]
    fn a_preview_answers_the_assembled_files_and_their_notes() {
        let published = files(&[(
            "roadmap.yaml",
            FileText::Text("title: T\nstages: [{id: s, name: S}]\ninclude: ['*.yaml']\n".into()),
        )]);
        let dropped = vec![
            (
                "more.yaml".to_string(),
                FileText::Text(
                    "initiatives:\n  - {id: a, title: A, stage: s, confidence: high, horizon: now}\n  - {id: b, title: B, stage: nope, confidence: high, horizon: now}\n"
                        .into(),
                ),
            ),
            ("big.yaml".to_string(), FileText::TooLarge(99_000_000)),
            ("bad.yaml".to_string(), FileText::Unreadable("not UTF-8 text".into())),
        ];
        let job = Job {
            today: Date(20_500),
            published: published.clone(),
            dropped: dropped.clone(),
        };
        let got = read_answer(&answer(&job.write())).expect("an answer");
        let (assembled, notes) = crate::core::tools::preview::assemble(&published, &dropped);
        let (roadmap, diagnostics) = load(&assembled, Date(20_500));
        assert_eq!(got.notes, notes);
        assert!(got.packed.roadmap == roadmap);
        assert_eq!(got.packed.diagnostics, diagnostics);
        assert!(
            diagnostics
                .iter()
                .any(|d| d.file == "more.yaml" && d.line == 3),
            "the dropped file's problem keeps its place: {diagnostics:?}"
        );
    }

    #[test]
    fn damaged_requests_and_answers_are_errors() {
        let job = Job {
            today: Date(20_500),
            published: crate::core::tools::generate::generate(10, 1),
            dropped: Vec::new(),
        };
        let bytes = job.write();
        for cut in 0..bytes.len() {
            let got = read_answer(&answer(&bytes[..cut]));
            assert!(got.is_err(), "a request cut at {cut} is refused");
        }
        let good = answer(&bytes);
        for cut in 0..good.len() {
            assert!(read_answer(&good[..cut]).is_err(), "an answer cut at {cut}");
        }
    }
}
