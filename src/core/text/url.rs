//! Which links from the data may be rendered: http(s) and relative URLs only.
//!
//! Used by the loader (links and `edit_url`) and by the Markdown renderer
//! (description links), so both apply the same rule.

/// Whether a URL is safe to render as a link: http(s) or relative.
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore ASCII whitespace and control characters inside a scheme.
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &cleaned[..colon];
            let looks_like_scheme = scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
            if !looks_like_scheme || cleaned[..colon].contains(['/', '?', '#']) {
                return true; // the colon is in a path or query: relative
            }
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_safe_url;

    #[test]
    fn only_http_and_relative_links_are_safe() {
        for safe in [
            "https://example.com",
            "HTTP://example.com",
            "relative/path",
            "/abs/path",
            "a/b:c",
            "?q=a:b",
            "#frag",
        ] {
            assert!(is_safe_url(safe), "{safe}");
        }
        for unsafe_ in [
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_url(unsafe_), "{unsafe_}");
        }
    }
}
