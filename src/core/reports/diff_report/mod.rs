//! `roadmap diff`'s readable reports: the review comment (`--format markdown`) and
//! terminal text (`--format human`), from one outline: a summary line, then sections
//! by stage (each initiative linked to the viewer with `?select=<id>`, a moved one also
//! with `&slip=<id>:<N>w`, the URL contract of `view_state`), dependencies, schedule
//! and risk, diagnostics. Long lists are cut ("and N more") so a merge request stays
//! readable. Text from the data goes through `diagnostic::excerpt` (and Markdown
//! escaping), so a title cannot forge lines, links or mentions.

use crate::core::model::Roadmap;
use crate::core::text::diagnostic::{excerpt, Diagnostic};
use crate::core::tools::diff::Diff;
use crate::core::views::view_state::ViewState;
use std::collections::BTreeSet;
use std::fmt::Write as _;

mod sections;

/// How many entries a list shows before "and N more".
const MAX_ITEMS: usize = 8;

/// A piece of an entry: our words, text from the data, or an initiative's id.
enum Piece {
    Words(String),
    /// Our words, emphasised.
    Strong(String),
    Data(String),
    /// A diagnostic's line: its quoted values are excerpts already.
    Message(String),
    Id(String),
}

/// One line of a section: the initiative it is about (linked) and what to say.
struct Entry {
    link: Option<ViewState>,
    pieces: Vec<Piece>,
}

struct Section {
    title: String,
    entries: Vec<Entry>,
}

/// The outline both reports are written from.
struct Outline {
    summary: String,
    sections: Vec<Section>,
}

/// The review comment. `site_url` is the viewer's address links start with
/// (relative links `?select=...` without it).
pub fn markdown(
    diff: &Diff,
    base: &Roadmap,
    head: &Roadmap,
    site_url: Option<&str>,
    prefixes: (&str, &str),
) -> String {
    let o = outline(diff, base, head, prefixes);
    let mut out = format!("**Roadmap diff:** {}\n", o.summary);
    for s in &o.sections {
        let _ = write!(out, "\n#### {}\n\n", md(&s.title));
        for e in cut(&s.entries) {
            let Some(e) = e else {
                let _ = writeln!(out, "- and {} more", s.entries.len() - MAX_ITEMS);
                continue;
            };
            let code = |id: &str| format!("`{}`", excerpt(id).replace('`', "'"));
            let line = match (&e.link, e.pieces.split_first()) {
                (Some(link), Some((Piece::Id(id), rest))) => {
                    let url = format!("{}?{}", site_url.unwrap_or(""), link.to_query());
                    format!("[{}]({url}){}", code(id), render(rest, true, md, code))
                }
                _ => render(&e.pieces, true, md, code),
            };
            let _ = writeln!(out, "- {line}");
        }
    }
    out
}

/// The report as terminal text.
pub fn human(diff: &Diff, base: &Roadmap, head: &Roadmap, prefixes: (&str, &str)) -> String {
    let o = outline(diff, base, head, prefixes);
    // The summary starts with our (ASCII) words.
    let mut out = format!("{}{}\n", o.summary[..1].to_uppercase(), &o.summary[1..]);
    for s in &o.sections {
        let _ = write!(out, "\n{}\n", s.title);
        for e in &s.entries {
            let _ = writeln!(out, "  {}", render(&e.pieces, false, excerpt, excerpt));
        }
    }
    out
}

/// Every entry, or the first [`MAX_ITEMS`] and a `None` standing for the rest.
fn cut(entries: &[Entry]) -> Vec<Option<&Entry>> {
    let mut out: Vec<Option<&Entry>> = entries.iter().take(MAX_ITEMS).map(Some).collect();
    if entries.len() > MAX_ITEMS {
        out.push(None);
    }
    out
}

fn render(
    pieces: &[Piece],
    markdown: bool,
    data: impl Fn(&str) -> String,
    id: impl Fn(&str) -> String,
) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Words(w) => w.clone(),
            Piece::Strong(w) if markdown => format!("**{w}**"),
            Piece::Strong(w) => w.clone(),
            Piece::Data(d) => data(d),
            Piece::Message(m) if markdown => escape(m),
            Piece::Message(m) => m.clone(),
            Piece::Id(i) => id(i),
        })
        .collect()
}

/// Text from the data as Markdown shows it literally: an excerpt, every punctuation
/// mark that could start markup escaped (links, emphasis, HTML, tables, mentions).
fn md(text: &str) -> String {
    escape(&excerpt(text))
}

/// Markdown punctuation escaped, so the text shows as written.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\`*_{}[]<>()#|~!@&$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A shift in days, as weeks when it is whole weeks.
fn shift(days: i32) -> String {
    if days % 7 == 0 {
        plural(days.unsigned_abs() as usize / 7, "week", "weeks")
    } else {
        plural(days.unsigned_abs() as usize, "day", "days")
    }
}

fn outline(diff: &Diff, base: &Roadmap, head: &Roadmap, prefixes: (&str, &str)) -> Outline {
    let c = &diff.consequences;
    let must_move = c.must_move();
    let mut parts: Vec<String> = Vec::new();
    if !c.slips.is_empty() {
        let mut p = format!(
            "{} moved later",
            plural(c.slips.len(), "initiative", "initiatives")
        );
        if !must_move.is_empty() {
            let stages: BTreeSet<&str> = must_move.iter().map(|k| k.stage.as_str()).collect();
            let _ = write!(
                p,
                ", {} more must move with them in {}",
                must_move.len(),
                plural(stages.len(), "stage", "stages")
            );
        }
        parts.push(p);
    }
    let others = diff.changed.len() - c.slips.len();
    let counts = [
        (diff.added.len(), "added"),
        (diff.removed.len(), "removed"),
        (
            others,
            if c.slips.is_empty() {
                "changed"
            } else {
                "more changed"
            },
        ),
    ];
    let counted: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect();
    if !counted.is_empty() {
        parts.push(counted.join(", "));
    }
    let deps = &diff.dependencies;
    let mut d = Vec::new();
    if !c.cross_stage.is_empty() {
        let n = c.cross_stage.len();
        d.push(format!(
            "{n} new cross-stage {}",
            if n == 1 { "dependency" } else { "dependencies" }
        ));
    }
    let within = deps.added.len() - c.cross_stage.len();
    if within > 0 {
        d.push(format!(
            "{} added",
            plural(within, "dependency", "dependencies")
        ));
    }
    if !deps.removed.is_empty() {
        d.push(format!(
            "{} removed",
            plural(deps.removed.len(), "dependency", "dependencies")
        ));
    }
    if !d.is_empty() {
        parts.push(d.join(", "));
    }
    if !c.confidence_lowered.is_empty() {
        parts.push(format!(
            "confidence lowered on {}",
            c.confidence_lowered.len()
        ));
    }
    if !c.conflicts_introduced.is_empty() {
        parts.push(format!(
            "{} introduced",
            plural(
                c.conflicts_introduced.len(),
                "schedule conflict",
                "schedule conflicts"
            )
        ));
    }
    let diags = &diff.diagnostics;
    let mut d = Vec::new();
    if !diags.introduced.is_empty() {
        let n = diags.introduced.len();
        d.push(format!(
            "{} introduced",
            plural(n, "diagnostic", "diagnostics")
        ));
    }
    if !diags.fixed.is_empty() {
        let n = diags.fixed.len();
        let what = if d.is_empty() {
            plural(n, "diagnostic", "diagnostics")
        } else {
            n.to_string()
        };
        d.push(format!("{what} fixed"));
    }
    if !d.is_empty() {
        parts.push(d.join(", "));
    }
    let summary = if parts.is_empty() {
        "no change to the roadmap".to_string()
    } else {
        parts.join("; ")
    };
    let mut sections = sections::by_stage(diff, base, head);
    sections.extend(sections::dependency_section(diff));
    sections.extend(sections::schedule_section(diff));
    for (title, list, prefix) in [
        ("Diagnostics introduced", &diags.introduced, prefixes.1),
        ("Diagnostics fixed", &diags.fixed, prefixes.0),
    ] {
        if !list.is_empty() {
            sections.push(Section {
                title: title.into(),
                entries: list
                    .iter()
                    .map(|d: &Diagnostic| entry(None, vec![Piece::Message(d.headline(prefix))]))
                    .collect(),
            });
        }
    }
    Outline { summary, sections }
}

fn entry(link: Option<ViewState>, pieces: Vec<Piece>) -> Entry {
    Entry { link, pieces }
}

fn select(id: &str, slip: Option<u32>) -> Option<ViewState> {
    Some(ViewState {
        select: Some(id.to_string()),
        slip: slip.map(|w| (id.to_string(), w)),
        ..ViewState::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::RoadmapBuilder;
    use crate::core::tools::diff::{diff, Side};
    use crate::core::Date;

    fn report(base: &RoadmapBuilder, head: &RoadmapBuilder) -> String {
        let (a, b) = (base.load().0, head.load().0);
        let side = |r| Side {
            roadmap: r,
            diagnostics: &[],
            today: Date(0),
        };
        let d = diff(side(&a), side(&b));
        markdown(&d, &a, &b, Some("https://r.example/"), ("", ""))
    }

    #[test]
    fn long_lists_are_cut() {
        let (mut base, mut head) = (RoadmapBuilder::new(&["s"]), RoadmapBuilder::new(&["s"]));
        for i in 0..20 {
            base.initiative(&format!("i{i:02}"), "confidence: low");
            head.initiative(&format!("i{i:02}"), "confidence: high");
        }
        let out = report(&base, &head);
        assert!(out.contains("- and 12 more\n"), "{out}");
        assert_eq!(
            out.lines().filter(|l| l.starts_with("- [")).count(),
            MAX_ITEMS,
            "{out}"
        );
    }

    #[test]
    fn text_from_the_data_cannot_make_markup() {
        let base = RoadmapBuilder::new(&["s"]);
        let mut head = RoadmapBuilder::new(&["s"]);
        head.initiative(
            "x",
            r#"title: "[click](https://evil.example) @all <img src=x> **b**""#,
        );
        let out = report(&base, &head);
        assert!(
            out.contains(r"\[click\]\(https://evil.example\) \@all \<img src=x\> \*\*b\*\*"),
            "{out}"
        );
        assert!(out.contains("[`x`](https://r.example/?select=x)"), "{out}");
    }
}
