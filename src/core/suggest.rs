//! "Did you mean" suggestions: the closest candidate by edit distance.

/// The candidate closest to `word`, if it is close enough to be a plausible typo
/// (distance at most a third of the word's length, at least 1; `_` and `-` are equal).
///
/// Complexity: O(c · |word| · |candidate|) for c candidates.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let norm = |s: &str| s.to_ascii_lowercase().replace('_', "-");
    let w = norm(word);
    let limit = (w.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (distance(&w, &norm(c)), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// `did you mean "x"?` for a hint, or `None`.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(word, candidates).map(|c| format!("did you mean \"{c}\"?"))
}

/// Edit distance counting an adjacent transposition as one edit ("titel" -> "title"),
/// the optimal-string-alignment variant of Damerau-Levenshtein.
fn distance(a: &str, b: &str) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
