//! Markdown descriptions turned into a small, safe document tree.
//!
//! pulldown-cmark parses; we keep only structural elements. Raw HTML in the source
//! becomes plain text, images become links, and links other than http(s) or
//! relative become plain text. The viewer renders this tree as Yew nodes, never
//! through innerHTML.

use crate::core::text::url::is_safe_url;
use pulldown_cmark::{Event, Options, Parser, Tag};

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph,
    Heading(u8),
    BlockQuote,
    CodeBlock,
    List { ordered: bool },
    Item,
    Emphasis,
    Strong,
    Strikethrough,
    Link { url: String },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Text(String),
    Code(String),
    Break,
    Rule,
    Element(Block, Vec<Node>),
}

/// Parses `source` into a safe tree.
///
/// Complexity: O(n) in the source length.
pub fn parse(source: &str) -> Vec<Node> {
    let mut stack: Vec<(Option<Block>, Vec<Node>)> = vec![(None, Vec::new())];
    let push = |stack: &mut Vec<(Option<Block>, Vec<Node>)>, n: Node| {
        stack.last_mut().expect("root").1.push(n)
    };
    for event in Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(tag) => {
                let block = match tag {
                    Tag::Paragraph => Some(Block::Paragraph),
                    Tag::Heading { level, .. } => Some(Block::Heading(level as u8)),
                    Tag::BlockQuote(_) => Some(Block::BlockQuote),
                    Tag::CodeBlock(_) => Some(Block::CodeBlock),
                    Tag::List(start) => Some(Block::List {
                        ordered: start.is_some(),
                    }),
                    Tag::Item => Some(Block::Item),
                    Tag::Emphasis => Some(Block::Emphasis),
                    Tag::Strong => Some(Block::Strong),
                    Tag::Strikethrough => Some(Block::Strikethrough),
                    Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                        is_safe_url(&dest_url).then(|| Block::Link {
                            url: dest_url.trim().to_string(),
                        })
                    }
                    _ => None,
                };
                stack.push((block, Vec::new()));
            }
            Event::End(_) if stack.len() > 1 => {
                let (block, children) = stack.pop().expect("nonempty");
                match block {
                    Some(b) => push(&mut stack, Node::Element(b, children)),
                    // Unsupported or unsafe wrappers keep their content as plain children.
                    None => stack.last_mut().expect("root").1.extend(children),
                }
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                push(&mut stack, Node::Text(t.into_string()))
            }
            Event::Code(t) => push(&mut stack, Node::Code(t.into_string())),
            Event::SoftBreak => push(&mut stack, Node::Text(" ".into())),
            Event::HardBreak => push(&mut stack, Node::Break),
            Event::Rule => push(&mut stack, Node::Rule),
            _ => {}
        }
    }
    while stack.len() > 1 {
        let (_, children) = stack.pop().expect("nonempty");
        stack.last_mut().expect("root").1.extend(children);
    }
    stack.pop().expect("root").1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| match n {
                Node::Text(t) | Node::Code(t) => t.clone(),
                Node::Element(_, c) => text(c),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn html_never_passes_through() {
        let nodes = parse("Hi <script>alert(1)</script> **there**\n\n<img src=x onerror=alert(1)>");
        assert!(
            text(&nodes).contains("<script>alert(1)</script>"),
            "raw HTML kept as text: {nodes:?}"
        );
        assert!(matches!(&nodes[0], Node::Element(Block::Paragraph, _)));
    }

    #[test]
    fn only_safe_links_stay_links() {
        let nodes = parse("[ok](https://example.com) [rel](../x.md) [bad](javascript:alert(1)) ![img](https://e.com/a.png)");
        let Node::Element(Block::Paragraph, kids) = &nodes[0] else {
            panic!("{nodes:?}")
        };
        let links: Vec<&str> = kids
            .iter()
            .filter_map(|k| match k {
                Node::Element(Block::Link { url }, _) => Some(url.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            links,
            vec!["https://example.com", "../x.md", "https://e.com/a.png"]
        );
        assert!(text(&nodes).contains("bad"), "the unsafe link's text stays");
    }
}
