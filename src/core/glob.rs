//! Glob patterns for `include`: `*` (within one path segment), `**` (any number of
//! segments), `?` (one character). Matching runs on the in-memory list of data files,
//! so the browser (which cannot list folders) and the CLI share it.

/// Whether `path` (with `/` separators, relative to the data folder) matches `pattern`.
///
/// Complexity: O(|pattern| · |path|) with memoisation-free backtracking bounded by
/// the usual two-pointer `*` algorithm per segment.
pub fn matches(pattern: &str, path: &str) -> bool {
    let pattern = pattern.trim_start_matches("./");
    let pat: Vec<&str> = pattern.split('/').collect();
    let segs: Vec<&str> = path.split('/').collect();
    match_segments(&pat, &segs)
}

fn match_segments(pat: &[&str], segs: &[&str]) -> bool {
    match pat.split_first() {
        None => segs.is_empty(),
        Some((&"**", rest)) => (0..=segs.len()).any(|skip| match_segments(rest, &segs[skip..])),
        Some((p, rest)) => match segs.split_first() {
            Some((s, srest)) => {
                match_segment(p.as_bytes(), s.as_bytes()) && match_segments(rest, srest)
            }
            None => false,
        },
    }
}

fn match_segment(p: &[u8], s: &[u8]) -> bool {
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == s[si]) {
            pi += 1;
            si += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, si));
            pi += 1;
        } else if let Some((sp, ss)) = star {
            pi = sp + 1;
            si = ss + 1;
            star = Some((sp, ss + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// Whether a pattern has wildcards (a plain path that matches nothing means a missing file).
pub fn is_pattern(pattern: &str) -> bool {
    pattern.contains(['*', '?'])
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn wildcards() {
        assert!(matches("initiatives/*.yaml", "initiatives/gitaly.yaml"));
        assert!(!matches(
            "initiatives/*.yaml",
            "initiatives/old/gitaly.yaml"
        ));
        assert!(matches(
            "initiatives/**/*.yaml",
            "initiatives/old/gitaly.yaml"
        ));
        assert!(matches("initiatives/**/*.yaml", "initiatives/gitaly.yaml"));
        assert!(matches("./stage-?.yaml", "stage-a.yaml"));
        assert!(!matches("*.yaml", "roadmap.yml"));
        assert!(matches("a*b*c", "aXbYc"));
        assert!(!matches("a*b*c", "aXbY"));
    }
}
