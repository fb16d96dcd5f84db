//! The serde value of a YAML file (yaml_serde, a libyaml port), read by the same line
//! rules as the positioned tree of `yaml_tree` (saphyr-parser, YAML 1.2), so both
//! parsers see the same lines and the same values.

use serde_yaml::Value;

/// Characters YAML 1.1 (and libyaml, under yaml_serde) reads as line breaks and YAML
/// 1.2 (and saphyr-parser) as ordinary text: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
const NOT_BREAKS: [char; 3] = ['\u{85}', '\u{2028}', '\u{2029}'];

/// The serde value of `source` read as YAML 1.2, as [`parse`] reads it: NEL, LS and PS
/// are text, never line breaks (so `# note<NEL>key: v` is one comment and
/// `title: a<LS>b` one title, and both parsers count the same lines).
///
/// libyaml cannot be told, so each of these characters is swapped for a stand-in it
/// reads as text (a Unicode noncharacter the file does not hold, not even as a `\u`
/// escape), then swapped back in every string of the value. One character stands for
/// one, so lines and columns in libyaml's errors stay right.
///
/// Complexity: O(n) in the file's length plus the value's size; O(66 · n) at worst to
/// find the stand-ins.
pub fn parse_value(source: &str) -> Result<Value, serde_yaml::Error> {
    if !source.contains(NOT_BREAKS) {
        return serde_yaml::from_str(source);
    }
    let Some(stand_ins) = stand_ins(source) else {
        return Err(serde::de::Error::custom(
            "the file has a NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR character and \
             mentions every noncharacter that could stand in for it; remove these characters",
        ));
    };
    let swap = |from: [char; 3], to: [char; 3]| {
        move |c: char| from.iter().position(|&f| f == c).map_or(c, |i| to[i])
    };
    let hidden: String = source.chars().map(swap(NOT_BREAKS, stand_ins)).collect();
    let mut value = serde_yaml::from_str(&hidden)?;
    let back = swap(stand_ins, NOT_BREAKS);
    restore(&mut value, &stand_ins, &back);
    Ok(value)
}

/// Three noncharacters (U+FDD0..U+FDEF, then U+nFFFE and U+nFFFF) that `source` holds
/// neither as characters nor as hexadecimal text (a `\uFDD0` escape would make one).
fn stand_ins(source: &str) -> Option<[char; 3]> {
    let lower = source.to_ascii_lowercase();
    let planes = (1..=0x10u32).flat_map(|p| [p << 16 | 0xFFFE, p << 16 | 0xFFFF]);
    let mut free = (0xFDD0..=0xFDEFu32)
        .chain(planes)
        .filter_map(char::from_u32)
        .filter(|&c| !source.contains(c) && !lower.contains(&format!("{:x}", c as u32)));
    Some([free.next()?, free.next()?, free.next()?])
}

/// Swaps the stand-ins back in every string (keys too) of `value`.
fn restore(value: &mut Value, stand_ins: &[char; 3], back: &impl Fn(char) -> char) {
    let fix = |s: &mut String| {
        if s.contains(stand_ins) {
            *s = s.chars().map(back).collect();
        }
    };
    match value {
        Value::String(s) => fix(s),
        Value::Sequence(items) => items.iter_mut().for_each(|v| restore(v, stand_ins, back)),
        Value::Mapping(m) => {
            let entries = std::mem::take(m);
            *m = entries
                .into_iter()
                .map(|(mut k, mut v)| {
                    restore(&mut k, stand_ins, back);
                    restore(&mut v, stand_ins, back);
                    (k, v)
                })
                .collect();
        }
        Value::Tagged(t) => restore(&mut t.value, stand_ins, back),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}
