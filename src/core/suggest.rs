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
        .map(|c| (levenshtein(&w, &norm(c)), c))
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

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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
    }
}
