//! A printed page's key: the titles that did not fit by their bars, by number, wrapped
//! between words in balanced columns, and the height that takes.

use super::KeyEntry;

/// A line of the key.
pub const KEY_LINE: f64 = 15.0;
/// The key's columns, and the characters of its text a column holds on a line.
pub const KEY_COLUMNS: usize = 3;
pub const KEY_CHARS: usize = 50;

/// A line of a page's key, where it goes: its column, its row, and whether it starts
/// an entry (the entry's number, drawn bold before it).
#[derive(Clone, Debug, PartialEq)]
pub struct KeyLine {
    pub column: usize,
    pub row: usize,
    pub number: Option<usize>,
    pub text: String,
}

/// `text` in lines of at most [`KEY_CHARS`] characters, broken between words (a word
/// longer than a line is cut into pieces).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        if word.is_empty() {
            continue;
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The key's lines in [`KEY_COLUMNS`] columns, in reading order down each column, an
/// entry never split between two; and how many rows that takes.
///
/// Complexity: O(L · C) for L lines and C columns (each try fills the columns once).
pub fn key_lines(entries: &[KeyEntry]) -> (Vec<KeyLine>, usize) {
    let wrapped: Vec<Vec<String>> = entries
        .iter()
        .map(|e| wrap(&e.text, KEY_CHARS - e.number.to_string().len() - 1))
        .collect();
    let total: usize = wrapped.iter().map(Vec::len).sum();
    if total == 0 {
        return (Vec::new(), 0);
    }
    let mut rows = total.div_ceil(KEY_COLUMNS);
    loop {
        let (mut column, mut row) = (0, 0);
        let mut out = Vec::with_capacity(total);
        for (e, lines) in entries.iter().zip(&wrapped) {
            if row > 0 && row + lines.len() > rows {
                column += 1;
                row = 0;
            }
            for (k, text) in lines.iter().enumerate() {
                out.push(KeyLine {
                    column,
                    row,
                    number: (k == 0).then_some(e.number),
                    text: text.clone(),
                });
                row += 1;
            }
        }
        if column < KEY_COLUMNS {
            let used = out.iter().map(|l| l.row + 1).max().unwrap_or(0);
            return (out, used);
        }
        rows += 1;
    }
}

/// The height a key of `rows` rows takes under the drawing.
pub fn key_height(rows: usize) -> f64 {
    if rows == 0 {
        0.0
    } else {
        rows as f64 * KEY_LINE + 8.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_wraps_between_words_in_balanced_columns() {
        assert_eq!(key_height(0), 0.0);
        assert_eq!(key_height(2), 2.0 * KEY_LINE + 8.0);
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(wrap("abcdefghij x", 4), ["abcd", "efgh", "ij x"]);
        // Entries fill a column down before the next; none is split between two.
        let entry = |number: usize, text: &str| KeyEntry {
            number,
            init: number,
            text: text.into(),
        };
        let long = "word ".repeat(20);
        let entries = [entry(1, "A"), entry(2, &long), entry(3, "B"), entry(4, "C")];
        let (lines, rows) = key_lines(&entries);
        assert_eq!(rows, 3);
        let at = |n: usize| {
            lines
                .iter()
                .find(|l| l.number == Some(n))
                .map(|l| (l.column, l.row))
        };
        assert_eq!(
            (at(1), at(2), at(3), at(4)),
            (Some((0, 0)), Some((1, 0)), Some((2, 0)), Some((2, 1)))
        );
        // Joined again, a wrapped entry is its text.
        let second: Vec<&str> = lines
            .iter()
            .filter(|l| l.column == 1)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(second.join(" "), long.trim());
    }
}
