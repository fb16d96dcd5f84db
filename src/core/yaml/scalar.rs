//! What a YAML node means: scalars resolved as yaml_serde resolved them, so values
//! stay what users got when values came from yaml_serde (the YAML 1.2 core schema as
//! it reads it).
//!
//! A plain `~`, `null` or nothing is null; `true`/`false` (and `True`, `FALSE`...)
//! booleans; `12`, `-3`, `0x1F`, `0o17`, `0b101` integers; `1.5`, `1e3`, `.inf`,
//! `.nan` floats; anything else (`yes`, `1_000`, `012`, `2026-05-01`) text. Quoted and
//! block scalars are always text. `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`
//! apply; a local tag (`!x value`) makes the node a tagged one (an enum for serde), as
//! it did. One deliberate difference: an integer beyond 64 bits is text (yaml_serde
//! refused the whole file).

use crate::core::yaml::tree::{Doc, Kind, Node};
use serde::de::{self, Unexpected};
use std::fmt;

/// A typing error (serde's message, without a position: paths place it).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// What a node means, once its tag and style are applied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Val<'a> {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(&'a str),
    Seq(&'a [Node]),
    Map(&'a [(Node, Node)]),
    /// A local tag (without its `!`) on a node.
    Tagged(&'a str),
}

impl Val<'_> {
    pub fn unexpected(&self) -> Unexpected<'_> {
        match *self {
            Val::Null => Unexpected::Unit,
            Val::Bool(b) => Unexpected::Bool(b),
            Val::U64(u) => Unexpected::Unsigned(u),
            Val::I64(i) => Unexpected::Signed(i),
            Val::F64(f) => Unexpected::Float(f),
            Val::Str(s) => Unexpected::Str(s),
            Val::Seq(_) => Unexpected::Seq,
            Val::Map(_) => Unexpected::Map,
            Val::Tagged(_) => Unexpected::Enum,
        }
    }
}

const CORE: &str = "tag:yaml.org,2002:";

/// What `node` (aliases followed) means; `untag` reads a locally tagged node as its content.
pub fn value<'a>(doc: &'a Doc, node: &'a Node, untag: bool) -> Result<Val<'a>, Error> {
    let node = doc.resolve(node);
    let local = node.tag.as_deref().filter(|t| t.starts_with('!'));
    if let (Some(t), false) = (local, untag) {
        return Ok(Val::Tagged(if t.len() > 1 { &t[1..] } else { t }));
    }
    let (text, plain) = match &node.kind {
        Kind::Scalar { text, plain } => (text.as_str(), *plain),
        Kind::Seq(items) => return Ok(Val::Seq(items)),
        Kind::Map(entries) => return Ok(Val::Map(entries)),
        Kind::Alias(_) => return Ok(Val::Null),
    };
    let core = match (local, node.tag.as_deref()) {
        (None, Some(t)) => Some(t.strip_prefix(CORE).unwrap_or("")),
        _ => None,
    };
    let invalid = |what: &str| de::Error::invalid_value(Unexpected::Str(text), &what);
    Ok(match core {
        Some("bool") => Val::Bool(parse_bool(text).ok_or_else(|| invalid("a boolean"))?),
        Some("int") => int(text).ok_or_else(|| invalid("an integer"))?,
        Some("float") => Val::F64(parse_f64(text).ok_or_else(|| invalid("a float"))?),
        Some("null") if is_null(text) => Val::Null,
        Some("null") => return Err(invalid("null")),
        Some(_) => Val::Str(text),
        None if plain => plain_scalar(text),
        None => Val::Str(text),
    })
}

/// A plain scalar's meaning (yaml_serde's `visit_untagged_scalar`).
pub fn plain_scalar(text: &str) -> Val<'_> {
    if text.is_empty() || is_null(text) {
        return Val::Null;
    }
    if let Some(b) = parse_bool(text) {
        return Val::Bool(b);
    }
    // Numbers start with a digit, a sign or a dot (`inf` and `NaN` are text): most
    // keys and values are decided here.
    if text.starts_with(|c: char| c.is_alphabetic()) {
        return Val::Str(text);
    }
    if let Some(v) = int(text) {
        return v;
    }
    // Beyond 64 bits: text (yaml_serde refused the file), not a rounded float.
    let unsigned = text.strip_prefix('+').unwrap_or(text);
    if !digits_but_not_number(text)
        && (unsigned.parse::<u128>().is_ok() || text.parse::<i128>().is_ok())
    {
        return Val::Str(text);
    }
    match parse_f64(text) {
        Some(f) if !digits_but_not_number(text) => Val::F64(f),
        _ => Val::Str(text),
    }
}

fn is_null(s: &str) -> bool {
    matches!(s, "null" | "Null" | "NULL" | "~")
}

fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn int(s: &str) -> Option<Val<'_>> {
    parse_unsigned(s)
        .map(Val::U64)
        .or_else(|| parse_negative(s).map(Val::I64))
}

/// `0x`, `0o`, `0b` or decimal digits with an optional `+`.
fn parse_unsigned(s: &str) -> Option<u64> {
    let unsigned = s.strip_prefix('+').unwrap_or(s);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unsigned.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(i) = u64::from_str_radix(rest, radix) {
                return Some(i);
            }
        }
    }
    if unsigned.starts_with(['+', '-']) || digits_but_not_number(s) {
        return None;
    }
    unsigned.parse().ok()
}

fn parse_negative(s: &str) -> Option<i64> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if let Ok(i) = i64::from_str_radix(&format!("-{rest}"), radix) {
                return Some(i);
            }
        }
    }
    if digits_but_not_number(s) {
        return None;
    }
    s.parse::<i64>().ok()
}

fn parse_f64(s: &str) -> Option<f64> {
    let unsigned = match s.strip_prefix('+') {
        Some(u) if u.starts_with(['+', '-']) => return None,
        Some(u) => u,
        None => s,
    };
    match (unsigned, s) {
        (".inf" | ".Inf" | ".INF", _) => Some(f64::INFINITY),
        (_, "-.inf" | "-.Inf" | "-.INF") => Some(f64::NEG_INFINITY),
        (_, ".nan" | ".NaN" | ".NAN") => Some(f64::NAN),
        _ => unsigned.parse::<f64>().ok().filter(|f| f.is_finite()),
    }
}

/// A leading zero followed by digits is text in YAML 1.2 (`012`, `-007`).
fn digits_but_not_number(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    s.len() > 1 && s.starts_with('0') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

/// The text of a key that means a string (`id`, `"id"`; not `1` or `true`).
pub fn key_str<'a>(doc: &'a Doc, key: &'a Node) -> Option<&'a str> {
    match value(doc, key, false) {
        Ok(Val::Str(s)) => Some(s),
        _ => None,
    }
}
