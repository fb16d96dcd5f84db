//! A description's safe Markdown tree in the pack, so the viewer shows it without
//! parsing Markdown (#26: pulldown-cmark runs at build time or in the YAML worker).
//!
//! The tree is written flat, as the events of a walk (a node, an element's start, the
//! end of its children), and both directions use an explicit stack: a deeply nested
//! description (or crafted bytes) cannot overflow the call stack here.

use super::reader::Reader;
use super::writer::Writer;
use crate::core::text::markdown::{Block, Node};

const END: u64 = 0;
const TEXT: u64 = 1;
const CODE: u64 = 2;
const BREAK: u64 = 3;
const RULE: u64 = 4;
const ELEMENT: u64 = 5;

impl Writer {
    /// Writes `nodes`, then the end of the document.
    ///
    /// Complexity: O(nodes).
    pub(super) fn doc(&mut self, nodes: &[Node]) {
        let mut stack = vec![nodes.iter()];
        while let Some(top) = stack.last_mut() {
            let Some(node) = top.next() else {
                stack.pop();
                self.uint(END);
                continue;
            };
            match node {
                Node::Text(t) => {
                    self.uint(TEXT);
                    self.str(t);
                }
                Node::Code(t) => {
                    self.uint(CODE);
                    self.str(t);
                }
                Node::Break => self.uint(BREAK),
                Node::Rule => self.uint(RULE),
                Node::Element(block, kids) => {
                    self.uint(ELEMENT);
                    self.block(block);
                    stack.push(kids.iter());
                }
            }
        }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Paragraph => self.uint(0),
            Block::Heading(level) => {
                self.uint(1);
                self.uint(u64::from(*level));
            }
            Block::BlockQuote => self.uint(2),
            Block::CodeBlock => self.uint(3),
            Block::List { ordered } => {
                self.uint(4);
                self.uint(u64::from(*ordered));
            }
            Block::Item => self.uint(5),
            Block::Emphasis => self.uint(6),
            Block::Strong => self.uint(7),
            Block::Strikethrough => self.uint(8),
            Block::Link { url } => {
                self.uint(9);
                self.str(url);
            }
        }
    }
}

impl Reader<'_> {
    /// Reads a document written by [`Writer::doc`]. A link's URL is checked again
    /// (`is_safe_url`): the pack is not trusted to keep the rule.
    ///
    /// Complexity: O(length of the bytes read).
    pub(super) fn doc(&mut self) -> Result<Vec<Node>, String> {
        let mut stack: Vec<(Option<Block>, Vec<Node>)> = vec![(None, Vec::new())];
        loop {
            let node = match self.uint()? {
                END => {
                    let (block, kids) = stack.pop().expect("the root is never popped here");
                    match (block, stack.last_mut()) {
                        (Some(b), Some(parent)) => {
                            parent.1.push(Node::Element(b, kids));
                            continue;
                        }
                        (None, None) => return Ok(kids),
                        _ => unreachable!("only the root has no block"),
                    }
                }
                TEXT => Node::Text(self.str()?),
                CODE => Node::Code(self.str()?),
                BREAK => Node::Break,
                RULE => Node::Rule,
                ELEMENT => {
                    let block = self.block()?;
                    stack.push((Some(block), Vec::new()));
                    continue;
                }
                t => return Err(format!("a description node of kind {t}")),
            };
            stack.last_mut().expect("nonempty").1.push(node);
        }
    }

    fn block(&mut self) -> Result<Block, String> {
        Ok(match self.uint()? {
            0 => Block::Paragraph,
            1 => match self.uint()? {
                l @ 1..=6 => Block::Heading(l as u8),
                l => return Err(format!("a heading of level {l}")),
            },
            2 => Block::BlockQuote,
            3 => Block::CodeBlock,
            4 => Block::List {
                ordered: self.flag()?,
            },
            5 => Block::Item,
            6 => Block::Emphasis,
            7 => Block::Strong,
            8 => Block::Strikethrough,
            9 => {
                let url = self.str()?;
                if !crate::core::text::url::is_safe_url(&url) {
                    return Err("a description link that is not http(s) or relative".into());
                }
                Block::Link { url }
            }
            b => return Err(format!("a description element of kind {b}")),
        })
    }
}
