//! Located diagnostics (errors and warnings about the data) and their renderings:
//! compiler-style text, JSON, and the GitLab code quality report.

use crate::core::text::keyword::keyword_enum;
use crate::core::text::lines::Lines;
pub use crate::core::text::lines::Pos;
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

keyword_enum!(
    /// The stable, kebab-case identifier of a check (`unknown-dependency`): part of the
    /// public contract (JSON output, CI reports, `data-diagnostic`). Every code has a
    /// fixture and a row in `docs/data-format.md` (tested).
    pub enum Code {
        YamlSyntax = "yaml-syntax",
        WrongType = "wrong-type",
        MissingField = "missing-field",
        UnknownKey = "unknown-key",
        DuplicateKey = "duplicate-key",
        DuplicateId = "duplicate-id",
        InvalidId = "invalid-id",
        InvalidValue = "invalid-value",
        UnknownStage = "unknown-stage",
        UnknownTeam = "unknown-team",
        TeamNotInStage = "team-not-in-stage",
        UnknownDependency = "unknown-dependency",
        SelfDependency = "self-dependency",
        DependencyCycle = "dependency-cycle",
        InvalidDate = "invalid-date",
        EndBeforeStart = "end-before-start",
        IncludeNoMatch = "include-no-match",
        MissingRoadmap = "missing-roadmap",
        FileTooLarge = "file-too-large",
        YamlAliasBomb = "yaml-alias-bomb",
        YamlTooDeep = "yaml-too-deep",
        UnreadableFile = "unreadable-file",
        OutsideDataFolder = "outside-data-folder",
        NotARegularFile = "not-a-regular-file",
        ScheduleConflict = "schedule-conflict",
        ConfidenceInversion = "confidence-inversion",
        DoneDependsOnUnfinished = "done-depends-on-unfinished",
        UndeclaredTag = "undeclared-tag",
        UnreachedFile = "unreached-file",
        UnsafeLink = "unsafe-link",
        BeyondHorizon = "beyond-horizon",
        HorizonIgnored = "horizon-ignored",
        DuplicateDependency = "duplicate-dependency",
    }
);

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// One problem found in the data.
///
/// **Invariant:** every diagnostic names a file (relative to the data folder) and a
/// 1-based line and column inside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub hint: Option<String>,
    #[serde(skip)]
    pub len: u32,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        code: Code,
        file: &str,
        pos: Pos,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            file: file.to_string(),
            line: pos.line.max(1),
            column: pos.column.max(1),
            hint: None,
            len: pos.len.max(1),
        }
    }

    pub fn error(code: Code, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, file, pos, message)
    }

    pub fn warning(code: Code, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, file, pos, message)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// The one-line form `file:line:col: severity[code]: message`.
    pub fn headline(&self, file_prefix: &str) -> String {
        format!(
            "{}{}:{}:{}: {}[{}]: {}",
            file_prefix,
            self.file,
            self.line,
            self.column,
            self.severity.as_str(),
            self.code,
            self.message
        )
    }

    /// Compiler-style rendering: headline, the source line with a caret under the
    /// offending text, and the hint. `source` is the file's text when available.
    pub fn render(&self, file_prefix: &str, source: Option<&str>) -> String {
        let mut out = self.headline(file_prefix);
        out.push('\n');
        if let Some(line) = source.and_then(|s| Lines::new(s).numbered(self.line as usize)) {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            let (text, col, width) = clip(line, self.column as usize - 1, self.len as usize);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {text}");
            let _ = writeln!(out, "{pad} | {}{}", " ".repeat(col), "^".repeat(width));
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {hint}");
        }
        out
    }
}

/// How many characters of a value from the data a message quotes.
pub const EXCERPT_CHARS: usize = 80;

/// A value from the data as a message or hint quotes it: at most [`EXCERPT_CHARS`]
/// characters, then `…` and the full length, so a 5 MB value cannot flood a CI log;
/// control and bidi characters escaped, so a value cannot forge lines of the report
/// or terminal sequences. Use it for every value a message quotes.
pub fn excerpt(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars().take(EXCERPT_CHARS) {
        if c.is_control() || is_bidi(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if value.len() > EXCERPT_CHARS {
        let total = value.chars().count();
        if total > EXCERPT_CHARS {
            let _ = write!(out, "… ({total} characters)");
        }
    }
    out
}

/// How many values of a list a hint names.
const EXCERPT_ITEMS: usize = 20;

/// Values from the data for a hint ("declared stages: a, b"): each an [`excerpt`], at
/// most [`EXCERPT_ITEMS`] of them, then how many more there are.
pub fn excerpts(values: &[&str]) -> String {
    let mut out: Vec<String> = values
        .iter()
        .take(EXCERPT_ITEMS)
        .map(|v| excerpt(v))
        .collect();
    if values.len() > EXCERPT_ITEMS {
        out.push(format!("and {} more", values.len() - EXCERPT_ITEMS));
    }
    out.join(", ")
}

/// Characters that reorder the text around them when displayed.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// At most this many characters of a source line are shown, around the caret.
const SNIPPET_CHARS: usize = 120;

/// The part of `line` to show (tabs as spaces, control characters replaced), the
/// caret's column in it and the caret's width, for a span at character `col`.
fn clip(line: &str, col: usize, len: usize) -> (String, usize, usize) {
    let count = line.chars().count();
    let col = col.min(count);
    let (start, end) = if count <= SNIPPET_CHARS {
        (0, count)
    } else {
        let start = col
            .saturating_sub(SNIPPET_CHARS / 4)
            .min(count - SNIPPET_CHARS);
        (start, start + SNIPPET_CHARS)
    };
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(end - start).map(|c| match c {
        '\t' => ' ',
        c if c.is_control() || is_bidi(c) => '\u{FFFD}',
        c => c,
    }));
    if end < count {
        shown.push('…');
    }
    let caret = col - start + usize::from(start > 0);
    (shown, caret, len.min(end.saturating_sub(col)).max(1))
}

/// Orders diagnostics by file, then position, then code, so output is stable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column, a.code, &a.message).cmp(&(
            b.file.as_str(),
            b.line,
            b.column,
            b.code,
            &b.message,
        ))
    });
}

/// Counts of errors and warnings, and the summary line `roadmap check` prints.
pub fn summary(diags: &[Diagnostic]) -> (usize, usize, String) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("1 {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let line = if diags.is_empty() {
        "no problems found".to_string()
    } else {
        format!(
            "{} and {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    };
    (errors, warnings, line)
}

/// The published site's one-line notice of problems in its data, for readers rather
/// than editors: "17 data problems · 13 errors — these initiatives may be incomplete".
pub fn reader_notice(diags: &[Diagnostic]) -> String {
    let (errors, _, _) = summary(diags);
    let n = diags.len();
    let mut line = format!("{n} data problem{}", if n == 1 { "" } else { "s" });
    if errors > 0 && errors < n {
        line += &format!(" · {errors} error{}", if errors == 1 { "" } else { "s" });
    }
    line += if errors > 0 {
        " — the initiatives they touch may be incomplete"
    } else {
        " — warnings only, nothing is missing"
    };
    line
}

/// The JSON array of `{severity, code, message, file, line, column, hint}`.
pub fn to_json(diags: &[Diagnostic], file_prefix: &str) -> String {
    let items: Vec<serde_json::Value> = diags.iter().map(|d| d.to_json(file_prefix)).collect();
    serde_json::to_string_pretty(&items).expect("diagnostics serialize")
}

impl Diagnostic {
    /// One item of [`to_json`]'s array (also `roadmap diff`'s diagnostics).
    pub fn to_json(&self, file_prefix: &str) -> serde_json::Value {
        serde_json::json!({
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "file": format!("{file_prefix}{}", self.file),
            "line": self.line,
            "column": self.column,
            "hint": self.hint,
        })
    }
}

/// A GitLab code quality report (a JSON array in the Code Climate subset GitLab reads).
pub fn to_gitlab(diags: &[Diagnostic], file_prefix: &str) -> String {
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            let path = format!("{file_prefix}{}", d.file);
            let description = match &d.hint {
                Some(h) => format!("{} ({h})", d.message),
                None => d.message.clone(),
            };
            serde_json::json!({
                "description": description,
                "check_name": d.code,
                "fingerprint": fingerprint(&format!("{}|{}|{}|{}", d.code, path, d.line, d.message)),
                "severity": match d.severity { Severity::Error => "major", Severity::Warning => "minor" },
                "location": { "path": path, "lines": { "begin": d.line } },
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("report serializes")
}

/// GitHub Actions workflow commands: one `::error`/`::warning` annotation per line,
/// shown on the pull request's diff.
pub fn to_github(diags: &[Diagnostic], file_prefix: &str) -> String {
    // Workflow command values escape %, CR and LF; properties also : and ,.
    let esc = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| esc(s).replace(':', "%3A").replace(',', "%2C");
    diags
        .iter()
        .map(|d| {
            let msg = match &d.hint {
                Some(h) => format!("{} ({h})", d.message),
                None => d.message.clone(),
            };
            format!(
                "::{} file={},line={},col={},title={}::{}\n",
                d.severity.as_str(),
                prop(&format!("{file_prefix}{}", d.file)),
                d.line,
                d.column,
                prop(d.code.as_str()),
                esc(&msg)
            )
        })
        .collect()
}

/// A stable 128-bit FNV-1a hex digest: GitLab needs a unique, stable fingerprint per finding.
fn fingerprint(s: &str) -> String {
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    for b in s.bytes() {
        h ^= b as u128;
        h = h.wrapping_mul(0x0000000001000000000000000000013B);
    }
    format!("{h:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_notice_counts_problems_and_says_what_they_mean() {
        let d = |severity| Diagnostic {
            severity,
            ..Diagnostic::error(Code::UnknownKey, "f", Pos::default(), "m")
        };
        let cases = [
            (
                vec![d(Severity::Error)],
                "1 data problem — the initiatives they touch may be incomplete",
            ),
            (
                vec![
                    d(Severity::Error),
                    d(Severity::Warning),
                    d(Severity::Warning),
                ],
                "3 data problems · 1 error — the initiatives they touch may be incomplete",
            ),
            (
                vec![d(Severity::Warning)],
                "1 data problem — warnings only, nothing is missing",
            ),
        ];
        for (diags, want) in cases {
            assert_eq!(reader_notice(&diags), want);
        }
    }

    #[test]
    fn an_excerpt_is_short_escaped_and_says_how_long_the_value_is() {
        assert_eq!(excerpt("cells-topology"), "cells-topology");
        assert_eq!(excerpt("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        let long = "é".repeat(5_000_000);
        let e = excerpt(&long);
        assert_eq!(e, format!("{}… (5000000 characters)", "é".repeat(80)));
    }

    #[test]
    fn the_snippet_finds_the_line_with_every_kind_of_line_break() {
        let d = Diagnostic::error(
            Code::InvalidValue,
            "a.yaml",
            Pos {
                line: 3,
                column: 4,
                len: 3,
            },
            "m",
        );
        for text in [
            "a: 1\nb: 2\nc: bad\nd: 4\n",
            "a: 1\r\nb: 2\r\nc: bad\r\nd: 4\r\n",
            "a: 1\rb: 2\rc: bad\rd: 4\r",
            "a: 1\r\nb: 2\rc: bad\nd: 4",
        ] {
            let out = d.render("", Some(text));
            assert!(out.contains("3 | c: bad\n  |    ^^^\n"), "{text:?}: {out}");
        }
        assert_eq!(Lines::new("a\n").numbered(2), None);
        assert_eq!(Lines::new("a\n\nb").numbered(2), Some(""));
    }

    #[test]
    fn a_long_source_line_is_shown_around_the_caret() {
        let line = format!("id: {}", "x".repeat(1_000_000));
        let d = Diagnostic::error(
            Code::InvalidId,
            "a.yaml",
            Pos {
                line: 1,
                column: 500_000,
                len: 1_000_000,
            },
            "m",
        );
        let out = d.render("", Some(&line));
        assert!(out.len() < 1_000, "{out}");
        let lines: Vec<&str> = out.lines().collect();
        let shown = lines[2].strip_prefix("1 | ").unwrap();
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        let caret = lines[3].strip_prefix("  | ").unwrap();
        assert_eq!(caret.find('^'), Some(1 + SNIPPET_CHARS / 4), "{caret}");
    }
}
