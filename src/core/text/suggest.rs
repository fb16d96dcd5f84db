//! "Did you mean" suggestions: the closest candidate by a bounded edit distance.
//!
//! Words and candidates come from the data, so they can be hostile (an id of 20,000
//! characters): the distance is only computed up to the limit that makes a suggestion
//! plausible, in a band of the matrix, with three rows of memory.

/// Words longer than this get no suggestion (ids are at most 100 characters; no key,
/// keyword or file path a person mistypes is longer).
pub const MAX_WORD_CHARS: usize = 256;

/// The candidate closest to `word`, if it is close enough to be a plausible typo
/// (distance at most a third of the word's length, at least 1; `_` and `-` are equal;
/// ties go to the smaller candidate).
///
/// Complexity: O(|word|) for a word over [`MAX_WORD_CHARS`] (no suggestion);
/// otherwise O(c · k · |word|) time and O(|word|) memory for c candidates, where
/// k = |word| / 3: a candidate whose length differs by more than k is skipped after
/// counting at most |word| + k + 1 of its characters.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if word.chars().nth(MAX_WORD_CHARS).is_some() {
        return None;
    }
    let w = normalized(word);
    let limit = (w.len() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        // Case folding and `_` -> `-` keep the length in characters: check it first.
        let len = c.chars().take(w.len() + limit + 1).count();
        if len.abs_diff(w.len()) > limit {
            continue;
        }
        // A tie can still win (on the candidate), so the bound is the best distance so far.
        let bound = best.map_or(limit, |(d, _)| d);
        if let Some(d) = distance_within(&w, &normalized(c), bound) {
            if best.is_none_or(|b| (d, c) < b) {
                best = Some((d, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// `did you mean "x"?` for a hint, or `None`.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(word, candidates).map(|c| format!("did you mean \"{c}\"?"))
}

fn normalized(s: &str) -> Vec<char> {
    s.chars()
        .map(|c| match c.to_ascii_lowercase() {
            '_' => '-',
            c => c,
        })
        .collect()
}

/// The edit distance between `a` and `b` counting an adjacent transposition as one
/// edit ("titel" -> "title": the optimal-string-alignment variant of
/// Damerau-Levenshtein), if it is at most `k`; `None` when it is larger.
///
/// Only the band of cells within `k` of the diagonal can hold a value up to `k`
/// (a cell's value is at least its distance from the diagonal), so only that band is
/// computed, in three rows (the transposition looks two rows back); the rest count
/// as `k + 1`. The work stops once two consecutive rows are all over `k`.
///
/// Complexity: O(k · max(|a|, |b|)) time, O(min(|a|, |b|)) memory.
fn distance_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    // The distance is symmetric: let `b`, the row, be the shorter.
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    let (n, m) = (a.len(), b.len());
    if n - m > k {
        return None;
    }
    let over = k + 1;
    let mut prev2 = vec![over; m + 1];
    let mut prev: Vec<usize> = (0..=m).map(|j| j.min(over)).collect();
    let mut cur = vec![over; m + 1];
    let mut prev_min = 0;
    for i in 1..=n {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        cur[0] = i.min(over);
        if lo > 1 {
            cur[lo - 1] = over;
        }
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d.min(over);
            row_min = row_min.min(cur[j]);
        }
        if hi < m {
            cur[hi + 1] = over;
        }
        if row_min > k && prev_min > k {
            return None;
        }
        prev_min = row_min;
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[m]).filter(|&d| d <= k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::XorShift;
    use std::time::{Duration, Instant};

    #[test]
    fn near_misses_are_found() {
        assert_eq!(
            closest("depends-on", ["depends_on", "description"]),
            Some("depends_on")
        );
        assert_eq!(
            closest("cells-topolgy", ["cells-topology", "gitaly-raft"]),
            Some("cells-topology")
        );
        assert_eq!(closest("medum", ["high", "medium", "low"]), Some("medium"));
        assert_eq!(closest("zzz", ["high", "medium", "low"]), None);
        assert_eq!(closest("titel", ["id", "title", "stage"]), Some("title"));
        assert_eq!(closest("hgih", ["high", "medium", "low"]), Some("high"));
    }

    /// The full-matrix distance this module used before it was bounded: the oracle.
    fn full_distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        d[0] = (0..=b.len()).collect();
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    /// `closest` as it was before it was bounded: the oracle.
    fn full_closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let norm = |s: &str| s.to_ascii_lowercase().replace('_', "-");
        let w = norm(word);
        let limit = (w.chars().count() / 3).max(1);
        candidates
            .iter()
            .map(|&c| (full_distance(&w, &norm(c)), c))
            .filter(|&(d, _)| d <= limit)
            .min_by_key(|&(d, c)| (d, c))
            .map(|(_, c)| c)
    }

    /// A short random word over a small alphabet (so near misses are common).
    fn word(rng: &mut XorShift) -> String {
        const ALPHABET: [char; 6] = ['a', 'b', 'c', '-', '_', 'é'];
        let len = rng.below(12) as usize;
        (0..len)
            .map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize])
            .collect()
    }

    #[test]
    fn the_bounded_distance_agrees_with_the_full_matrix() {
        let mut rng = XorShift::new(0x5EED_0FD1_57AC_0001);
        for _ in 0..20_000 {
            let (a, b) = (word(&mut rng), word(&mut rng));
            let k = rng.below(8) as usize;
            let full = full_distance(&a, &b);
            let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(
                distance_within(&ac, &bc, k),
                Some(full).filter(|&d| d <= k),
                "{a:?} {b:?} within {k}"
            );
        }
    }

    #[test]
    fn suggestions_agree_with_the_full_matrix() {
        let mut rng = XorShift::new(0xD1D_0000_0000_0007);
        for _ in 0..3_000 {
            let w = word(&mut rng);
            let owned: Vec<String> = (0..rng.below(6)).map(|_| word(&mut rng)).collect();
            let candidates: Vec<&str> = owned.iter().map(String::as_str).collect();
            assert_eq!(
                closest(&w, candidates.iter().copied()),
                full_closest(&w, &candidates),
                "{w:?} among {candidates:?}"
            );
        }
    }

    /// Regression: an unknown dependency and an id of 20,000 characters each took 7 s
    /// and 3.1 GB (the whole matrix); 34,000 each aborted the browser tab.
    #[test]
    fn long_words_cost_little() {
        let started = Instant::now();
        let long_a = "a".repeat(34_000);
        let long_b = "b".repeat(34_000);
        assert_eq!(closest(&long_b, [long_a.as_str()]), None);
        // The longest word that still gets suggestions, against an equally long
        // candidate: the band keeps it small.
        let w = "x".repeat(MAX_WORD_CHARS);
        let mut c = w.clone();
        c.replace_range(0..1, "y");
        assert_eq!(closest(&w, [c.as_str(), long_a.as_str()]), Some(c.as_str()));
        assert!(started.elapsed() < Duration::from_secs(1));
    }
}
