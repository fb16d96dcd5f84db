//! Glob patterns for `include`: `*` (within one path segment), `**` (any number of
//! segments), `?` (one character). Matching runs on the in-memory list of data files,
//! so the browser (which cannot list folders) and the CLI share it.

/// Whether `path` (with `/` separators, relative to the data folder) matches `pattern`.
///
/// The pattern's segments are read once, left to right, carrying the set of path
/// positions they can have reached (a bit per position): a plain segment moves each
/// position on by one where the segment matches, `**` opens every later position.
/// Trying each way a `**` could split the path instead is exponential in the number
/// of `**` (sixteen against a 16-folder path took 15 s).
///
/// Complexity: O(|pattern| · |path|) time (each pattern segment is matched at most
/// once against each path segment), O(segments of the path) memory.
pub fn matches(pattern: &str, path: &str) -> bool {
    let pattern = pattern.trim_start_matches("./");
    let segs: Vec<&str> = path.split('/').collect();
    // reached[j]: the pattern so far matches exactly the first j path segments.
    let mut reached = vec![false; segs.len() + 1];
    reached[0] = true;
    for p in pattern.split('/') {
        if p == "**" {
            if let Some(first) = reached.iter().position(|&r| r) {
                reached[first..].fill(true);
            }
            continue;
        }
        let mut any = false;
        for j in (0..segs.len()).rev() {
            let next = reached[j] && match_segment(p.as_bytes(), segs[j].as_bytes());
            reached[j + 1] = next;
            any |= next;
        }
        reached[0] = false;
        if !any {
            return false;
        }
    }
    reached[segs.len()]
}

/// One segment against a pattern without `/`: the two-pointer `*` algorithm
/// (backtracks only to the last `*`). O(|p| · |s|) time, O(1) memory.
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
    use super::{match_segment, matches};
    use crate::core::test_support::XorShift;
    use std::time::{Duration, Instant};

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
        assert!(matches("**", "a/b.yaml"));
        assert!(matches("a/**", "a/b/c.yaml"));
        assert!(matches("a/**", "a"));
        assert!(!matches("a/**/b", "b"));
    }

    /// The backtracking matcher this module used before: the oracle.
    fn backtracking(pattern: &str, path: &str) -> bool {
        fn go(pat: &[&str], segs: &[&str]) -> bool {
            match pat.split_first() {
                None => segs.is_empty(),
                Some((&"**", rest)) => (0..=segs.len()).any(|skip| go(rest, &segs[skip..])),
                Some((p, rest)) => match segs.split_first() {
                    Some((s, srest)) => {
                        match_segment(p.as_bytes(), s.as_bytes()) && go(rest, srest)
                    }
                    None => false,
                },
            }
        }
        let pat: Vec<&str> = pattern.trim_start_matches("./").split('/').collect();
        let segs: Vec<&str> = path.split('/').collect();
        go(&pat, &segs)
    }

    #[test]
    fn agrees_with_backtracking_on_random_patterns() {
        const PATTERN_SEGS: [&str; 7] = ["**", "*", "a", "b", "?", "a*", "*b"];
        const PATH_SEGS: [&str; 4] = ["a", "b", "ab", "ba"];
        let mut rng = XorShift::new(0x6106_0000_0000_0001);
        let pick = |rng: &mut XorShift, from: &[&'static str], most: u64| {
            let n = 1 + rng.below(most) as usize;
            (0..n)
                .map(|_| from[rng.below(from.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join("/")
        };
        let mut matched = 0;
        for _ in 0..20_000 {
            let pattern = pick(&mut rng, &PATTERN_SEGS, 6);
            let path = pick(&mut rng, &PATH_SEGS, 6);
            let expected = backtracking(&pattern, &path);
            matched += usize::from(expected);
            assert_eq!(matches(&pattern, &path), expected, "{pattern} on {path}");
        }
        assert!(matched > 1_000, "too few matches to test much: {matched}");
    }

    /// Regression: sixteen `**` against a 16-folder path took 15 s (eighteen: over a minute).
    #[test]
    fn many_double_stars_cost_little() {
        let started = Instant::now();
        let path = (0..16)
            .map(|i| format!("d{i}"))
            .collect::<Vec<_>>()
            .join("/")
            + "/y.yaml";
        for k in [16, 18, 200] {
            let stars = vec!["**"; k].join("/");
            assert!(!matches(&format!("{stars}/x.yaml"), &path));
            assert!(matches(&format!("{stars}/y.yaml"), &path));
        }
        assert!(started.elapsed() < Duration::from_secs(1));
    }
}
