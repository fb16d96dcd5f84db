//! A positioned YAML document: every node with its line and column, its tag, and
//! aliases kept as references to their anchors.
//!
//! This is the one parse of a data file (saphyr-parser, YAML 1.2, at the event level):
//! values are typed straight from this tree (`yaml::de`), and any value can be found
//! again by its path (`initiatives[3].depends_on[1]`) and reported at its exact line and
//! column. It also guards against alias bombs by computing what aliases add to the
//! document without expanding anything.

use crate::core::text::diagnostic::Pos;
use crate::core::text::lines::Lines;
use crate::core::text::short_text::Text;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// Most nodes aliases may add to a file when expanded (real roadmaps add a few
/// thousand). The file's own nodes do not count: its size is limited in bytes.
pub const MAX_ALIAS_NODES: u64 = 1_000_000;
/// Deepest nesting accepted (serde's own recursion limit is 128).
pub const MAX_DEPTH: usize = 100;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// `plain`: written without quotes or block indicator (only plain scalars can be
    /// null, booleans or numbers).
    Scalar {
        text: Text,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// An alias of the anchor with this id (see [`Doc::resolve`]).
    Alias(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub kind: Kind,
    /// The node's tag, resolved (`!x`, `tag:yaml.org,2002:str`), if it has one.
    pub tag: Option<Box<str>>,
}

/// A parsed file: its root node and where each anchor's node is, so aliases are
/// followed without ever being copied.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    pub root: Node,
    /// Anchor id → the anchored node's place: child indices from the root (in a
    /// mapping, entry `i`'s key is `2i` and its value `2i + 1`).
    anchors: HashMap<usize, Vec<u32>>,
}

impl Doc {
    /// `node`, or the node its alias refers to.
    ///
    /// Complexity: O(depth of the anchored node).
    pub fn resolve<'a>(&'a self, node: &'a Node) -> &'a Node {
        let Kind::Alias(id) = node.kind else {
            return node;
        };
        let Some(path) = self.anchors.get(&id) else {
            return node;
        };
        let mut n = &self.root;
        for &i in path {
            n = match &n.kind {
                Kind::Seq(items) => &items[i as usize],
                Kind::Map(entries) if i % 2 == 0 => &entries[i as usize / 2].0,
                Kind::Map(entries) => &entries[i as usize / 2].1,
                _ => unreachable!("anchor paths are recorded from the tree"),
            };
        }
        n
    }
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
            Kind::Scalar { text, .. } => Some(text.as_str()),
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

/// Parsers over-allocate (saphyr starts every scalar at 32 bytes): copied to its
/// exact size (short ones in place), the parser's buffer is freed at once and reused
/// for the next scalar, so the tree of a 9.9 MB file of 36,000 initiatives takes a
/// third of the memory, and builds and drops faster.
fn compact(s: &str) -> Text {
    Text::from(s)
}

fn compact_vec<T>(v: Vec<T>) -> Vec<T> {
    let mut exact = Vec::with_capacity(v.len());
    exact.extend(v);
    exact
}

/// A collection being read: its node so far, its anchor, and its expanded size.
struct Frame {
    node: Node,
    /// A mapping's key, waiting for its value.
    key: Option<Node>,
    anchor: usize,
    size: u64,
}

impl Frame {
    /// The index the next child will have (see [`Doc`]'s anchor paths).
    fn next_child(&self) -> u32 {
        match &self.node.kind {
            Kind::Seq(items) => items.len() as u32,
            Kind::Map(entries) => 2 * entries.len() as u32 + u32::from(self.key.is_some()),
            _ => 0,
        }
    }

    fn push(&mut self, child: Node, size: u64) {
        self.size = self.size.saturating_add(size);
        match &mut self.node.kind {
            Kind::Seq(items) => items.push(child),
            Kind::Map(entries) => match self.key.take() {
                None => self.key = Some(child),
                Some(k) => entries.push((k, child)),
            },
            _ => {}
        }
    }
}

fn tag_of(tag: Option<std::borrow::Cow<'_, saphyr_parser::Tag>>) -> Option<Box<str>> {
    tag.map(|t| format!("{}{}", t.handle, t.suffix).into_boxed_str())
}

/// Parses `source` into a positioned document (an empty file is an empty mapping).
/// Every position is inside the source. A file holds one document: a second is an
/// error, at its start.
///
/// Refuses alias bombs: each anchored node's expanded size is kept in a table, and each
/// alias adds its anchor's size less one (the alias itself) to what aliases add to the
/// document; over [`MAX_ALIAS_NODES`] is refused. Only the expansion counts: a file
/// of a million plain nodes is fine (its size is limited in bytes). An alias inside
/// the node it names (a node containing itself) is refused too.
///
/// Complexity: O(n) in the file's length; aliases are sized through a table, never expanded.
pub fn parse(source: &str) -> Result<Doc, TreeError> {
    let mut parser = Parser::new_from_str(source);
    let lines = Lines::new(source);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (u64, Vec<u32>)> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut added: u64 = 0;
    let syntax = |pos: Pos, message: String| TreeError::Syntax {
        pos: lines.clamp_column(pos),
        message,
    };
    loop {
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(e)) => e,
            Some(Err(e)) => {
                let m = e.marker();
                let at = Pos {
                    line: m.line() as u32,
                    column: m.col() as u32 + 1,
                    len: 1,
                };
                return Err(syntax(at, e.info().to_string()));
            }
        };
        let pos = pos_of(&span, &lines);
        // A finished node, its anchor and its expanded size, to attach to the parent.
        let (node, anchor, size) = match event {
            Event::StreamEnd => break,
            Event::DocumentStart(_) if root.is_some() => {
                return Err(syntax(
                    pos,
                    "a second YAML document (a data file holds one)".to_string(),
                ))
            }
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd => {
                continue
            }
            Event::Scalar(text, style, anchor, tag) => {
                let kind = Kind::Scalar {
                    text: compact(&text),
                    plain: style == ScalarStyle::Plain,
                };
                let tag = tag_of(tag);
                (Node { pos, kind, tag }, anchor, 1)
            }
            Event::Alias(id) => {
                let Some(&(size, _)) = anchors.get(&id) else {
                    return Err(syntax(
                        pos,
                        "an alias inside the node it refers to (a node cannot contain itself)"
                            .to_string(),
                    ));
                };
                added = added.saturating_add(size - 1);
                if added > MAX_ALIAS_NODES {
                    return Err(TreeError::AliasBomb {
                        pos,
                        expanded: added,
                    });
                }
                let kind = Kind::Alias(id);
                (
                    Node {
                        pos,
                        kind,
                        tag: None,
                    },
                    0,
                    size,
                )
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(TreeError::TooDeep { pos });
                }
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    Kind::Seq(Vec::new())
                } else {
                    Kind::Map(Vec::new())
                };
                let tag = tag_of(tag.clone());
                let node = Node { pos, kind, tag };
                stack.push(Frame {
                    node,
                    key: None,
                    anchor,
                    size: 1,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(Frame {
                    mut node,
                    anchor,
                    size,
                    ..
                }) = stack.pop()
                else {
                    continue;
                };
                node.kind = match node.kind {
                    Kind::Seq(items) => Kind::Seq(compact_vec(items)),
                    Kind::Map(entries) => Kind::Map(compact_vec(entries)),
                    k => k,
                };
                (node, anchor, size)
            }
        };
        if anchor > 0 {
            let path = stack.iter().map(Frame::next_child).collect();
            anchors.insert(anchor, (size, path));
        }
        match stack.last_mut() {
            Some(frame) => frame.push(node, size),
            None => root = Some(node),
        }
    }
    Ok(Doc {
        root: root.unwrap_or(Node {
            pos: Pos::START,
            kind: Kind::Map(Vec::new()),
            tag: None,
        }),
        anchors: anchors.into_iter().map(|(id, (_, p))| (id, p)).collect(),
    })
}

/// Keys written twice in one mapping, anywhere in the tree: (key, where again, where first).
///
/// Complexity: O(n) (small mappings are compared pairwise, large ones through a hash map).
pub fn duplicate_keys(root: &Node) -> Vec<(String, Pos, Pos)> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        match &n.kind {
            Kind::Map(entries) if entries.len() <= 16 => {
                for (i, (k, v)) in entries.iter().enumerate() {
                    let name = k.as_str();
                    let first = entries[..i]
                        .iter()
                        .find(|(f, _)| name.is_some() && f.as_str() == name);
                    if let (Some(name), Some((f, _))) = (name, first) {
                        out.push((name.to_string(), k.pos, f.pos));
                    }
                    stack.push(v);
                }
            }
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

    #[test]
    fn values_are_found_by_path() {
        let src = "title: x\ninitiatives:\n  - id: a\n    depends_on: [b, cells-topolgy]\n";
        let tree = parse(src).unwrap().root;
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
        let parsed = parse(&doc).unwrap();
        let mut node = &parsed.root;
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
        let tree = parse("title:\n").unwrap().root;
        assert_eq!(tree.get("title").unwrap().pos.line, 1);
        // A lone CR ends a line too: the lines are not clamped away.
        let tree = parse("a: 1\rb: 2\r\nc: 3").unwrap().root;
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
}
