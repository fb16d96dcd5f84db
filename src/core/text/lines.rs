//! Lines of a source text as YAML 1.2 and the parser count them (LF, CR LF, or a
//! lone CR end a line), found in O(1), and positions brought inside the text.

/// A place in a data file: 1-based line and column, and how many characters the
/// offending text spans (for the caret line; at least 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    pub len: u32,
}

impl Pos {
    pub const START: Pos = Pos {
        line: 1,
        column: 1,
        len: 1,
    };
}

/// Byte offsets where each line of a source starts, so a line is found in O(1)
/// (scanning from the top for every multi-line node made big files quadratic). Line
/// breaks are YAML 1.2's, as the parser reads them: LF, CR LF, or a lone CR.
pub struct Lines<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a str) -> Self {
        let b = source.as_bytes();
        let breaks = b
            .iter()
            .enumerate()
            .filter(|&(i, &c)| c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')));
        let starts = std::iter::once(0)
            .chain(breaks.map(|(i, _)| i + 1))
            .collect();
        Lines { source, starts }
    }

    /// How many lines there are (a final line break ends the last line, it does not
    /// start another; an empty source has one, empty, line).
    pub fn count(&self) -> usize {
        if self.source.ends_with(['\n', '\r']) {
            (self.starts.len() - 1).max(1)
        } else {
            self.starts.len()
        }
    }

    /// `pos` moved inside the source: a place past the last line (where a parser
    /// reports the end of a file) becomes the end of the last line. O(1) for a place
    /// on an existing line, O(last line) otherwise.
    pub fn clamp(&self, pos: Pos) -> Pos {
        let last = self.count();
        if pos.line == 0 {
            return Pos::START;
        }
        if pos.line as usize > last {
            let end = self.line(last).map_or(0, |l| l.chars().count());
            return Pos {
                line: last as u32,
                column: end as u32 + 1,
                len: 1,
            };
        }
        pos
    }

    /// Like [`Lines::clamp`], also bringing the column back to one past the line's end.
    pub fn clamp_column(&self, pos: Pos) -> Pos {
        let pos = self.clamp(pos);
        let end = self
            .line(pos.line as usize)
            .map_or(0, |l| l.chars().count()) as u32;
        Pos {
            column: pos.column.clamp(1, end + 1),
            ..pos
        }
    }

    /// Line `n` (from 1) when the text has it (a final line break starts no line),
    /// without its line break: the line a diagnostic's snippet shows.
    pub fn numbered(&self, n: usize) -> Option<&'a str> {
        (n <= self.count()).then(|| self.line(n)).flatten()
    }

    /// Line `n` (from 1), without its line break.
    pub fn line(&self, n: usize) -> Option<&'a str> {
        let start = *self.starts.get(n.checked_sub(1)?)?;
        // Up to the break's last byte (LF, or a lone CR); a CR before an LF is trimmed.
        let end = self.starts.get(n).map_or(self.source.len(), |&e| e - 1);
        Some(self.source[start..end].trim_end_matches('\r'))
    }
}
