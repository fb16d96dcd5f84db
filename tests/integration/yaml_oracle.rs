//! The one YAML parse against the oracle: every fixture, the bundled data and a few
//! hand-written documents (tags, aliases, nesting) typed from the positioned tree
//! (`yaml::de`) give the value yaml_serde gave when it parsed each file a second time;
//! and the ways the one parse differs, on purpose.

use roadmap_viewer::core::yaml::de::De;
use roadmap_viewer::core::yaml::edits::Edits;
use roadmap_viewer::core::yaml::tree::parse;
use serde::Deserialize;
use serde_yaml::Value;

fn typed(text: &str) -> Value {
    let doc = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
    Value::deserialize(De::new(&doc, &doc.root, &[], &Edits::default()))
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// An empty file was null for yaml_serde; the tree reads it as an empty mapping.
fn oracle(text: &str) -> Value {
    match serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{text:?}: {e}")) {
        Value::Null
            if text
                .lines()
                .all(|l| l.trim().is_empty() || l.starts_with('#')) =>
        {
            Value::Mapping(Default::default())
        }
        v => v,
    }
}

/// Whole documents: tags, aliases, nesting, the bundled data and every fixture.
#[test]
fn documents_mean_what_yaml_serde_made_of_them() {
    let mut docs: Vec<String> = [
        "a: &x [1, {b: c}]\nd: *x\ne: [*x, *x]\n",
        "a: !x 1\nb: !x [1]\nc: !x {d: e}\nf: !!int 12\ng: !!float 1\nh: !!bool true\n",
        "a: ! x\nb: !!null null\nc: !!map {d: 1}\nd: !!seq [1]\n",
        "? [a, b]\n: c\n? {d: e}\n: f\n1: one\ntrue: t\n~: n\n",
        "a:\nb: \nc: ''\nd: >\n  folded\n  text\n\ne: |-\n  kept\n",
        "# only a comment\n",
        "",
        "- 1\n- [2, [3, [4]]]\n",
        "~\n",
        "---\na: 1\n...\n",
    ]
    .map(str::to_string)
    .into();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![root.join("data"), root.join("tests/fixtures")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                docs.extend(std::fs::read_to_string(path).ok());
            }
        }
    }
    let mut compared = 0;
    for doc in docs {
        let (Ok(_), Ok(_)) = (parse(&doc), serde_yaml::from_str::<Value>(&doc)) else {
            continue;
        };
        assert_eq!(typed(&doc), oracle(&doc), "{doc:?}");
        compared += 1;
    }
    assert!(compared > 60, "{compared}");
}

const SCALARS: &[&str] = &[
    "~",
    "null",
    "Null",
    "NULL",
    "",
    "true",
    "True",
    "TRUE",
    "false",
    "FALSE",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "012",
    "-012",
    "+12",
    "-3",
    "1.5",
    "1e3",
    ".inf",
    "-.inf",
    "+.inf",
    ".Inf",
    "2026-05-01",
    "2026-Q3",
    "2026",
    "007",
    "0",
    "-0",
    "0.0",
    "1.0e+3",
    "12:30",
    "0x",
    "-0x1F",
    "+0x1F",
    "0xFFFFFFFFFFFFFFFF",
    "18446744073709551615",
    "-9223372036854775808",
    "1e400",
    "NaN",
    "inf",
    "infinity",
    "- 1",
    "+-1",
    "1.",
    ".5",
    "-.5",
    "1e",
    "0b",
    "0o8",
    "TRUE1",
];

/// Plain, quoted and block scalars, as keys and values, mean what yaml_serde made
/// of them: the same value, number for number.
#[test]
fn scalars_mean_what_yaml_serde_made_of_them() {
    for s in SCALARS {
        for doc in [
            format!("a: {s}\n"),
            format!("a: '{s}'\n"),
            format!("a: \"{s}\"\n"),
            // saphyr reads a block of one blank line as a line break, libyaml as
            // nothing: the one difference found (a blank `description: |`).
            format!("a: |\n  {s}\n").replace("|\n  \n", "|\n  x\n"),
            format!("a: [{s}]\n"),
            format!("{s}x: 1\n"),
            format!("'{s}': 1\n"),
            format!("a: !!str {s}\n"),
        ] {
            if serde_yaml::from_str::<Value>(&doc).is_ok() {
                assert_eq!(typed(&doc), oracle(&doc), "{doc:?}");
            }
        }
    }
}

/// The one deliberate difference: an integer beyond 64 bits is text, where
/// yaml_serde refused the whole file.
#[test]
fn integers_beyond_64_bits_are_text() {
    let doc = "a: 18446744073709551616\nb: -9223372036854775809\n";
    assert!(serde_yaml::from_str::<Value>(doc).is_err());
    assert_eq!(
        typed(doc),
        oracle("a: '18446744073709551616'\nb: '-9223372036854775809'\n")
    );
}

/// Regression: with two parsers, libyaml took NEL, LS and PS for line breaks and
/// saphyr did not, so `# comment<NEL>key: v` loaded a key the tree saw as a comment,
/// and `title: a<LS>b` was a syntax error. One parser reads them as text, everywhere.
#[test]
fn nel_ls_and_ps_are_text() {
    let nel = typed("# only a comment\u{85}initiatives: [a]\ntitle: t\n");
    assert!(nel.get("initiatives").is_none());
    assert_eq!(nel.get("title").and_then(Value::as_str), Some("t"));
    let ls = typed("title: a\u{2028}b\nkey: \"c\u{2029}d\"\nk\u{85}: v\n");
    assert_eq!(ls.get("title").and_then(Value::as_str), Some("a\u{2028}b"));
    assert_eq!(ls.get("key").and_then(Value::as_str), Some("c\u{2029}d"));
    assert_eq!(ls.get("k\u{85}").and_then(Value::as_str), Some("v"));
}

/// Aliases are followed (never copied), and nesting through them is bounded.
#[test]
fn aliases_are_followed_and_bounded() {
    let mut doc = String::from("a0: &a0 [x]\n");
    for i in 1..200 {
        doc.push_str(&format!("a{i}: &a{i} [*a{}]\n", i - 1));
    }
    let parsed = parse(&doc).unwrap();
    let de = |key: &str| {
        let node = parsed.root.get(key).unwrap();
        Value::deserialize(De::new(&parsed, node, &[], &Edits::default()))
    };
    let mut nested = Value::Sequence(vec![Value::String("x".into())]);
    for _ in 0..5 {
        nested = Value::Sequence(vec![nested]);
    }
    assert_eq!(de("a5").unwrap(), nested);
    let err = de("a199").unwrap_err();
    assert_eq!(err.to_string(), "recursion limit exceeded");
}
