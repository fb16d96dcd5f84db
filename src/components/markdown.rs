//! Renders the core's safe Markdown tree as Yew nodes (never innerHTML).

use crate::core::text::markdown::{Block, Node};
use yew::prelude::*;

pub fn render(nodes: &[Node]) -> Html {
    nodes.iter().map(node).collect::<Html>()
}

fn node(n: &Node) -> Html {
    match n {
        Node::Text(t) => html! { { t.clone() } },
        Node::Code(t) => html! { <code>{ t.clone() }</code> },
        Node::Break => html! { <br /> },
        Node::Rule => html! { <hr /> },
        Node::Element(block, kids) => {
            let inner = render(kids);
            match block {
                Block::Paragraph => html! { <p>{ inner }</p> },
                // Headings inside a description sit below the panel's own heading.
                Block::Heading(level) => match level {
                    1 | 2 => html! { <h4>{ inner }</h4> },
                    3 => html! { <h5>{ inner }</h5> },
                    _ => html! { <h6>{ inner }</h6> },
                },
                Block::BlockQuote => html! { <blockquote>{ inner }</blockquote> },
                Block::CodeBlock => html! { <pre><code>{ inner }</code></pre> },
                Block::List { ordered: true } => html! { <ol>{ inner }</ol> },
                Block::List { ordered: false } => html! { <ul>{ inner }</ul> },
                Block::Item => html! { <li>{ inner }</li> },
                Block::Emphasis => html! { <em>{ inner }</em> },
                Block::Strong => html! { <strong>{ inner }</strong> },
                Block::Strikethrough => html! { <del>{ inner }</del> },
                Block::Link { url } => {
                    html! { <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ inner }</a> }
                }
            }
        }
    }
}
