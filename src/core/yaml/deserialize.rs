//! Typed deserialization that reports every problem, each with its path.
//!
//! serde stops at the first error. To report all of them, we deserialize straight
//! from the positioned tree (`yaml::de`), note the error and its path
//! (serde_path_to_error), drop the offending key and try again, a bounded number of
//! times; the tree is never copied or changed, the drops are [`Edits`] the next
//! attempt skips. Errors come back with paths relative to the node, for the caller
//! to place in the file.

use crate::core::text::diagnostic::{excerpt, Code};
use crate::core::text::suggest;
use crate::core::yaml::de::De;
use crate::core::yaml::edits::Edits;
use crate::core::yaml::tree::{Doc, Node, Seg};
use serde::de::DeserializeOwned;

/// One structural problem: where (relative path), which check, what, and a hint.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub path: Vec<Seg>,
    /// When the problem is a key, point at the key rather than its value.
    pub at_key: bool,
    pub code: Code,
    pub message: String,
    pub hint: Option<String>,
}

const MAX_ATTEMPTS: usize = 64;

/// Deserializes `node` of `doc` (with `defaults`, entries of another mapping, under
/// its own keys) into `T`, collecting every error. The value returned is a best
/// effort (failed keys removed, missing required ones empty); it is sound only when
/// there are no errors. `what` names the thing in messages ("initiative", "stage").
///
/// Complexity: O(size of the node) per attempt; one attempt when the node is sound.
pub fn collect<T: DeserializeOwned>(
    doc: &Doc,
    node: &Node,
    defaults: &[&(Node, Node)],
    what: &str,
) -> (Option<T>, Vec<FieldError>) {
    let mut edits = Edits::default();
    // Sound data types in one pass; only a failure pays for tracking the path
    // (serde_path_to_error copies every key it passes).
    if let Ok(t) = T::deserialize(De::new(doc, node, defaults, &edits)) {
        return (Some(t), Vec::new());
    }
    let mut errors: Vec<FieldError> = Vec::new();
    // Keys we removed (or that were misspellings of a field): a later "missing field"
    // for them repeats a problem already reported.
    let mut explained: Vec<(Vec<Seg>, String)> = Vec::new();
    for _ in 0..MAX_ATTEMPTS {
        let de = De::new(doc, node, defaults, &edits);
        let err = match serde_path_to_error::deserialize::<_, T>(de) {
            Ok(t) => return (Some(t), errors),
            Err(e) => e,
        };
        let path = convert_path(err.path());
        let inner = err.into_inner().to_string();
        let fe = classify(&path, &inner, what);
        let removable = (fe.code != Code::MissingField).then(|| path.clone());
        if fe.code == Code::MissingField {
            let field = between_backticks(&inner).unwrap_or_default();
            let path = path.clone();
            if !explained.iter().any(|(p, k)| *p == path && *k == field) {
                errors.push(fe);
            }
            // Put a placeholder in so the next attempt finds the errors after it.
            if !edits.add(doc, node, defaults, &path, &field) {
                return (None, errors);
            }
            explained.push((path, field));
            continue;
        }
        if fe.code == Code::UnknownKey {
            if let (Some(Seg::Key(_)), Some(h)) = (path.last(), fe.hint.as_deref()) {
                if let Some(s) = h
                    .strip_prefix("did you mean \"")
                    .and_then(|s| s.strip_suffix("\"?"))
                {
                    explained.push((path[..path.len() - 1].to_vec(), s.to_string()));
                }
            }
        }
        if let Some(Seg::Key(k)) = path.last() {
            explained.push((path[..path.len() - 1].to_vec(), k.clone()));
        }
        errors.push(fe);
        if !removable.is_some_and(|p| edits.remove(doc, node, defaults, &p)) {
            return (None, errors);
        }
    }
    (None, errors)
}

fn convert_path(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(Seg::Index(*index)),
            Segment::Map { key } => Some(Seg::Key(key.clone())),
            Segment::Enum { variant } => Some(Seg::Key(variant.clone())),
            Segment::Unknown => None,
        })
        .collect()
}

fn between_backticks(s: &str) -> Option<String> {
    let start = s.find('`')? + 1;
    let end = start + s[start..].find('`')?;
    Some(s[start..end].to_string())
}

/// All backtick-quoted words after the first one (serde's "expected one of" list).
fn expected_list(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .skip(1)
        .map(str::to_string)
        .collect()
}

fn classify(path: &[Seg], msg: &str, what: &str) -> FieldError {
    let field = path.iter().rev().find_map(|s| match s {
        Seg::Key(k) => Some(k.as_str()),
        Seg::Index(_) => None,
    });
    if msg.starts_with("unknown field") {
        let key = between_backticks(msg).unwrap_or_default();
        let expected = expected_list(msg);
        let hint = suggest::did_you_mean(&key, expected.iter().map(String::as_str))
            .or_else(|| Some(format!("allowed keys: {}", expected.join(", "))));
        return FieldError {
            path: path.to_vec(),
            at_key: true,
            code: Code::UnknownKey,
            message: format!("unknown key \"{}\"", excerpt(&key)),
            hint,
        };
    }
    if msg.starts_with("missing field") {
        let key = between_backticks(msg).unwrap_or_default();
        // Name the thing by the list it sits in: stages[2] is a stage.
        let noun = match path {
            [.., Seg::Key(list), Seg::Index(_)] => {
                list.strip_suffix('s').unwrap_or(list).to_string()
            }
            _ => what.to_string(),
        };
        // The path names the missing key (located at its mapping, since it is absent).
        let mut path = path.to_vec();
        path.push(Seg::Key(key.clone()));
        return FieldError {
            path,
            at_key: false,
            code: Code::MissingField,
            message: format!("{noun} is missing the required key \"{key}\""),
            hint: Some(format!("add `{key}: ...`")),
        };
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        // serde's own words come last: the found part may hold the whole value.
        let (found, expected) = rest
            .rsplit_once(", expected ")
            .unwrap_or((rest, "another type"));
        let found = match found.strip_prefix("string \"") {
            Some(quoted) => format!(
                "string \"{}\"",
                excerpt(quoted.strip_suffix('"').unwrap_or(quoted))
            ),
            None => excerpt(found)
                .replace("sequence", "list")
                .replace("map", "mapping"),
        };
        let expected = match expected.split(" at line ").next().unwrap_or(expected) {
            "a sequence" => "a list",
            "a text value" => "a text value (a single line or a block)",
            // serde names our Rust types ("struct RawInitiative"): say what it means.
            e if e.starts_with("struct ") => "a mapping of keys",
            e => e,
        };
        let hint = match expected {
            "a list" => {
                Some("write a list, for example `[a, b]` or one `- item` per line".to_string())
            }
            _ => None,
        };
        return FieldError {
            path: path.to_vec(),
            at_key: false,
            code: Code::WrongType,
            message: format!(
                "\"{}\" should be {expected}, found {found}",
                excerpt(field.unwrap_or(what))
            ),
            hint,
        };
    }
    FieldError {
        path: path.to_vec(),
        at_key: false,
        code: Code::InvalidValue,
        // serde's message may quote the value.
        message: excerpt(msg),
        hint: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::yaml::raw::RawInitiative;

    #[test]
    fn every_problem_of_an_initiative_is_reported() {
        let doc = crate::core::yaml::tree::parse(
            "id: a\ntitel: T\nstage: s\nconfidence: high\ndepends-on: [b]\ntags: x\nlinks: [{title: t}]\n",
        )
        .unwrap();
        let (_, errors) = collect::<RawInitiative>(&doc, &doc.root, &[], "initiative");
        let codes: Vec<_> = errors.iter().map(|e| (e.code, e.hint.clone())).collect();
        assert!(
            codes.contains(&(Code::UnknownKey, Some("did you mean \"title\"?".into()))),
            "{codes:?}"
        );
        assert!(
            codes.contains(&(
                Code::UnknownKey,
                Some("did you mean \"depends_on\"?".into())
            )),
            "{codes:?}"
        );
        assert!(codes.iter().any(|c| c.0 == Code::WrongType), "{codes:?}");
        assert!(
            codes.iter().any(|c| c.0 == Code::MissingField),
            "link without url: {codes:?}"
        );
        // "titel" explains the missing title: not reported twice.
        assert_eq!(
            errors
                .iter()
                .filter(|e| e.message.contains("\"title\""))
                .count(),
            0,
            "{errors:?}"
        );
    }
}
