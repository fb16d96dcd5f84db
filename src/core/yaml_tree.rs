//! A positioned view of a YAML file: every node with its line and column.
//!
//! serde gives us typed values but forgets where they came from; this module parses
//! the same text once more at the event level (saphyr-parser) so any value can be
//! found again by its path (`initiatives[3].depends_on[1]`) and reported at its exact
//! line and column. It also guards against alias bombs by computing what aliases add
//! to the document without expanding anything.
//!
//! The two parsers must read the same document: `yaml_value::parse_value` is the serde
//! parse (yaml_serde, a libyaml port), given the text with YAML 1.2's line breaks.

use super::diagnostic::Pos;
pub use super::lines::clamp_to;
use super::lines::Lines;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// Most nodes aliases may add to a file when expanded (real roadmaps add a few
/// thousand). The file's own nodes do not count: its size is limited in bytes.
pub const MAX_ALIAS_NODES: u64 = 1_000_000;
/// Deepest nesting accepted (serde's own recursion limit is 128).
pub const MAX_DEPTH: usize = 100;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Scalar { text: String, plain: bool },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    Alias,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub kind: Kind,
}

/// One step of a path into a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Why a file could not be indexed.
#[derive(Clone, Debug, PartialEq)]
pub enum TreeError {
    Syntax {
        pos: Pos,
        message: String,
    },
    /// Aliases up to `pos` add `expanded` nodes, over [`MAX_ALIAS_NODES`].
    AliasBomb {
        pos: Pos,
        expanded: u64,
    },
    TooDeep {
        pos: Pos,
    },
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    pub fn entries(&self) -> &[(Node, Node)] {
        match &self.kind {
            Kind::Map(m) => m,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.kind {
            Kind::Seq(s) => s,
            _ => &[],
        }
    }

    /// The key node and value node of `key` in a mapping.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        self.entries()
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(k, v)| (k, v))
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The node at `path`, or the deepest node on the way there.
    pub fn locate(&self, path: &[Seg]) -> &Node {
        let mut node = self;
        for seg in path {
            let next = match seg {
                Seg::Key(k) => node.get(k),
                Seg::Index(i) => node.items().get(*i),
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node
    }

    /// The position of the key `key` in this mapping (for "unknown key" and friends).
    pub fn key_pos(&self, key: &str) -> Option<Pos> {
        self.entry(key).map(|(k, _)| k.pos)
    }
}

fn pos_of(span: &Span, lines: &Lines) -> Pos {
    let start = span.start;
    // saphyr counts lines from 1 and columns from 0, in characters.
    let len = if span.end.line() == start.line() {
        span.end.col().saturating_sub(start.col())
    } else {
        lines
            .line(start.line())
            .map_or(1, |l| l.chars().count().saturating_sub(start.col()))
    };
    lines.clamp(Pos {
        line: start.line() as u32,
        column: start.col() as u32 + 1,
        len: len.max(1) as u32,
    })
}

/// Parsers over-allocate (saphyr starts every scalar at 32 bytes): trimmed, the tree
/// of a 9.9 MB file of 50,000 initiatives takes 39 MB instead of 126 MB, and builds faster.
fn compact(mut s: String) -> String {
    s.shrink_to_fit();
    s
}

fn compact_vec<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

enum Frame {
    Seq {
        pos: Pos,
        items: Vec<Node>,
        anchor: usize,
        size: u64,
    },
    Map {
        pos: Pos,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        anchor: usize,
        size: u64,
    },
}

/// Parses `source` into a positioned tree (the first document; an empty file is an
/// empty mapping). Every position is inside the source.
///
/// Refuses alias bombs: each anchored node's expanded size is kept in a table, and each
/// alias adds its anchor's size less one (the alias itself) to what aliases add to the
/// document; over [`MAX_ALIAS_NODES`] is refused. Only the expansion counts: a file
/// of a million plain nodes is fine (its size is limited in bytes).
///
/// Complexity: O(n) in the file's length; aliases are sized through a table, never expanded.
pub fn parse(source: &str) -> Result<Node, TreeError> {
    let mut parser = Parser::new_from_str(source);
    let lines = Lines::new(source);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchor_sizes: HashMap<usize, u64> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut added: u64 = 0;
    loop {
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(e)) => e,
            Some(Err(e)) => {
                let m = e.marker();
                return Err(TreeError::Syntax {
                    pos: lines.clamp_column(Pos {
                        line: m.line() as u32,
                        column: m.col() as u32 + 1,
                        len: 1,
                    }),
                    message: e.info().to_string(),
                });
            }
        };
        let pos = pos_of(&span, &lines);
        // A finished node and its expanded size, to attach to the parent frame.
        let finished: Option<(Node, u64)> = match event {
            Event::StreamEnd => break,
            Event::DocumentEnd if root.is_some() => break,
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd => {
                None
            }
            Event::Scalar(text, style, anchor, _) => {
                if anchor > 0 {
                    anchor_sizes.insert(anchor, 1);
                }
                let plain = style == ScalarStyle::Plain;
                Some((
                    Node {
                        pos,
                        kind: Kind::Scalar {
                            text: compact(text.into_owned()),
                            plain,
                        },
                    },
                    1,
                ))
            }
            Event::Alias(id) => {
                let size = anchor_sizes.get(&id).copied().unwrap_or(1);
                added = added.saturating_add(size - 1);
                if added > MAX_ALIAS_NODES {
                    return Err(TreeError::AliasBomb {
                        pos,
                        expanded: added,
                    });
                }
                Some((
                    Node {
                        pos,
                        kind: Kind::Alias,
                    },
                    size,
                ))
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(TreeError::TooDeep { pos });
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        pos,
                        items: Vec::new(),
                        anchor,
                        size: 1,
                    }
                } else {
                    Frame::Map {
                        pos,
                        entries: Vec::new(),
                        key: None,
                        anchor,
                        size: 1,
                    }
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq {
                    pos,
                    items,
                    anchor,
                    size,
                }) => {
                    if anchor > 0 {
                        anchor_sizes.insert(anchor, size);
                    }
                    Some((
                        Node {
                            pos,
                            kind: Kind::Seq(compact_vec(items)),
                        },
                        size,
                    ))
                }
                Some(Frame::Map {
                    pos,
                    entries,
                    anchor,
                    size,
                    ..
                }) => {
                    if anchor > 0 {
                        anchor_sizes.insert(anchor, size);
                    }
                    Some((
                        Node {
                            pos,
                            kind: Kind::Map(compact_vec(entries)),
                        },
                        size,
                    ))
                }
                None => None,
            },
        };
        let Some((node, size)) = finished else {
            continue;
        };
        match stack.last_mut() {
            Some(Frame::Seq { items, size: s, .. }) => {
                *s = s.saturating_add(size);
                items.push(node);
            }
            Some(Frame::Map {
                entries,
                key,
                size: s,
                ..
            }) => {
                *s = s.saturating_add(size);
                match key.take() {
                    None => *key = Some(node),
                    Some(k) => entries.push((k, node)),
                }
            }
            None => root = Some(node),
        }
    }
    Ok(root.unwrap_or(Node {
        pos: Pos::START,
        kind: Kind::Map(Vec::new()),
    }))
}

/// Keys written twice in one mapping, anywhere in the tree: (key, where again, where first).
pub fn duplicate_keys(root: &Node) -> Vec<(String, Pos, Pos)> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        match &n.kind {
            Kind::Map(entries) => {
                let mut seen: HashMap<&str, Pos> = HashMap::new();
                for (k, v) in entries {
                    if let Some(name) = k.as_str() {
                        match seen.get(name) {
                            Some(first) => out.push((name.to_string(), k.pos, *first)),
                            None => {
                                seen.insert(name, k.pos);
                            }
                        }
                    }
                    stack.push(v);
                }
            }
            Kind::Seq(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
    out.sort_by_key(|d| d.1);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::yaml_value::parse_value;
    use serde_yaml::Value;

    /// Positions from the other parser are brought inside the file.
    #[test]
    fn clamp_to_keeps_positions_inside_the_text() {
        let at = |line, column| Pos {
            line,
            column,
            len: 1,
        };
        assert_eq!(clamp_to("ab\ncd", at(5, 9)), at(2, 3));
        assert_eq!(clamp_to("ab\ncd\n", at(3, 1)), at(2, 3));
        assert_eq!(clamp_to("ab\rcd", at(1, 7)), at(1, 3));
        assert_eq!(clamp_to("ab", at(1, 2)), at(1, 2));
    }

    #[test]
    fn values_are_found_by_path() {
        let src = "title: x\ninitiatives:\n  - id: a\n    depends_on: [b, cells-topolgy]\n";
        let tree = parse(src).unwrap();
        let path = [
            Seg::Key("initiatives".into()),
            Seg::Index(0),
            Seg::Key("depends_on".into()),
            Seg::Index(1),
        ];
        let node = tree.locate(&path);
        assert_eq!(node.as_str(), Some("cells-topolgy"));
        assert_eq!(
            node.pos,
            Pos {
                line: 4,
                column: 21,
                len: 13
            }
        );
        assert_eq!(
            tree.locate(&[Seg::Key("initiatives".into()), Seg::Index(0)])
                .key_pos("id")
                .unwrap()
                .line,
            3
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        match parse("a: [1, 2\nb: x") {
            Err(TreeError::Syntax { pos, .. }) => assert_eq!(pos.line, 2),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn alias_bombs_are_refused_without_expanding() {
        let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            src.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        // 10^12 nodes if expanded: finishing at all shows nothing was expanded.
        assert!(matches!(parse(&src), Err(TreeError::AliasBomb { .. })));
    }

    /// Regression: the budget counted every node once per level it is nested in, so
    /// plain files of 260,000 keys (or 50,222 initiatives in 9.9 MB) were refused as
    /// alias bombs. Only what aliases add counts: 100,000 scalars ten levels deep
    /// (counted 1.1 million times before) are fine.
    #[test]
    fn plain_files_are_never_alias_bombs() {
        let items = vec!["x"; 100_000].join(", ");
        let doc = format!("{}[{items}]{}", "{a: ".repeat(10), "}".repeat(10));
        let mut node = &parse(&doc).unwrap();
        for _ in 0..10 {
            node = node.get("a").unwrap();
        }
        assert_eq!(node.items().len(), 100_000);
    }

    #[test]
    fn the_alias_budget_counts_what_aliases_add() {
        // An anchor of 1 + 999 nodes, aliased n times, adds 999 · n nodes.
        let doc = |n: usize| {
            let items = vec!["x"; 999].join(", ");
            format!("a: &a [{items}]\nb: [{}]\n", vec!["*a"; n].join(", "))
        };
        let fits = (MAX_ALIAS_NODES / 999) as usize;
        assert!(parse(&doc(fits)).is_ok());
        match parse(&doc(fits + 1)) {
            Err(TreeError::AliasBomb { pos, expanded }) => {
                assert_eq!(expanded, 999 * (fits as u64 + 1));
                assert_eq!((pos.line, pos.column), (2, 5 + 4 * fits as u32));
            }
            other => panic!("expected an alias bomb, got {other:?}"),
        }
    }

    /// Regression: `title: x\ninclude: [` (no final line break) was an error at 3:1,
    /// a line past the end of the file.
    #[test]
    fn positions_stay_inside_the_file() {
        let cases = [
            ("title: x\ninclude: [", (2, 11)),
            ("title: x\ninclude: [\n", (2, 11)),
            ("title: x\ninclude: [\n\n", (3, 1)),
        ];
        for (src, at) in cases {
            match parse(src) {
                Err(TreeError::Syntax { pos, .. }) => {
                    assert_eq!((pos.line, pos.column), at, "{src:?}")
                }
                other => panic!("expected a syntax error, got {other:?}"),
            }
        }
        // An empty value at the very end is placed at the end of the last line.
        let tree = parse("title:\n").unwrap();
        assert_eq!(tree.get("title").unwrap().pos.line, 1);
        // A lone CR ends a line too (for both parsers): the lines are not clamped away.
        let tree = parse("a: 1\rb: 2\r\nc: 3").unwrap();
        let lines: Vec<u32> = ["a", "b", "c"]
            .map(|k| tree.get(k).unwrap().pos.line)
            .into();
        assert_eq!(lines, [1, 2, 3]);
        assert!(matches!(
            parse("a: 1\rb: [\r"),
            Err(TreeError::Syntax {
                pos: Pos {
                    line: 2,
                    column: 5,
                    ..
                },
                ..
            })
        ));
    }

    /// The serde value as the tree reads it: strings for every scalar, `~` for aliases.
    fn as_value(node: &Node) -> Value {
        match &node.kind {
            Kind::Scalar { text, .. } => Value::String(text.clone()),
            Kind::Seq(items) => Value::Sequence(items.iter().map(as_value).collect()),
            Kind::Map(entries) => Value::Mapping(
                entries
                    .iter()
                    .map(|(k, v)| (as_value(k), as_value(v)))
                    .collect(),
            ),
            Kind::Alias => Value::Null,
        }
    }

    /// Regression: libyaml (the serde parse) took NEL, LS and PS for line breaks and
    /// saphyr (the positioned parse) did not, so `# comment<NEL>key: v` loaded a key
    /// the tree saw as a comment, and `title: a<LS>b` was a syntax error at the wrong line.
    #[test]
    fn both_parsers_read_nel_ls_and_ps_as_text() {
        let nel = "# only a comment\u{85}initiatives: [a]\ntitle: t\n";
        let value = parse_value(nel).unwrap();
        assert_eq!(value, as_value(&parse(nel).unwrap()));
        assert!(value.get("initiatives").is_none());
        let ls = "title: a\u{2028}b\nkey: \"c\u{2029}d\"\n";
        let value = parse_value(ls).unwrap();
        assert_eq!(value, as_value(&parse(ls).unwrap()));
        assert_eq!(value.get("title").unwrap().as_str(), Some("a\u{2028}b"));
        // A stand-in the file itself names (as a character or an escape) is not used.
        let named = "a: \"\\uFDD0\u{FDD1}\u{85}\"\n";
        assert_eq!(
            parse_value(named).unwrap().get("a").unwrap().as_str(),
            Some("\u{FDD0}\u{FDD1}\u{85}")
        );
        // libyaml's errors stay on the line where they are (not two lines further).
        let err = parse_value("a: x\u{2028}y\u{85}z\nb: ]\n").unwrap_err();
        assert_eq!(err.location().map(|l| l.line()), Some(2));
    }

    /// Random documents with NEL, LS and PS in comments, plain, quoted and block
    /// scalars and keys: the serde value equals the tree, string for string.
    #[test]
    fn both_parsers_agree_on_random_documents() {
        use crate::core::test_support::XorShift;
        const ODD: [&str; 3] = ["\u{85}", "\u{2028}", "\u{2029}"];
        let mut rng = XorShift::new(0x1_2028_0085);
        let text = |rng: &mut XorShift| {
            let mut t = String::from("w");
            for _ in 0..rng.below(4) {
                t.push_str(["q", ODD[0], ODD[1], ODD[2], " z"][rng.below(5) as usize]);
            }
            t
        };
        for _ in 0..500 {
            let mut doc = String::new();
            for k in 0..1 + rng.below(5) {
                let key = format!("k{k}{}", text(&mut rng));
                let value = match rng.below(5) {
                    0 => text(&mut rng),
                    1 => format!("\"{}\"", text(&mut rng)),
                    2 => format!("'{}'", text(&mut rng)),
                    3 => format!("|\n  {}", text(&mut rng)),
                    _ => format!("[{}, {}]", text(&mut rng), text(&mut rng)),
                };
                doc.push_str(&format!("{key}: {value}"));
                if rng.below(2) == 0 {
                    doc.push_str(&format!(" # {}", text(&mut rng)));
                }
                doc.push('\n');
            }
            let tree = parse(&doc).unwrap_or_else(|e| panic!("{doc:?}: {e:?}"));
            let value = parse_value(&doc).unwrap_or_else(|e| panic!("{doc:?}: {e}"));
            assert_eq!(value, as_value(&tree), "{doc:?}");
        }
    }
}
