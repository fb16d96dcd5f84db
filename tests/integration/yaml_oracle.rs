//! The one YAML parse against the oracle: every fixture, the bundled data and a few
//! hand-written documents (tags, aliases, nesting) typed from the positioned tree
//! (`yaml_de`) give the value yaml_serde gave when it parsed each file a second time.

use roadmap_viewer::core::yaml_de::De;
use roadmap_viewer::core::yaml_edits::Edits;
use roadmap_viewer::core::yaml_tree::parse;
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
