//! kramdown's table of contents: a list carrying the `{:toc}` attribute list is replaced by a
//! nested list of links to the headings (`converter/html.rb`, `generate_toc_tree`):
//! `<ul id="markdown-toc"><li><a href="#id" id="markdown-toc-id">Text</a>...`. Headings with
//! the class `no_toc` are left out.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::writer::escape_text;
use super::Node;

/// Replaces `{:toc}` lists. Buffers the document only when one is present.
pub(crate) fn insert_toc<'a>(
    nodes: impl Iterator<Item = Node<'a>> + 'a,
    has_toc: bool,
) -> Box<dyn Iterator<Item = Node<'a>> + 'a> {
    if !has_toc {
        return Box::new(nodes);
    }
    let nodes: Vec<Node<'a>> = nodes.collect();
    let headings = collect_headings(&nodes);
    let mut out = Vec::with_capacity(nodes.len());
    let mut iter = nodes.into_iter();
    while let Some(node) = iter.next() {
        if let (Event::Start(Tag::List(start)), true) = (&node.event, node.attrs.toc) {
            let ordered = start.is_some();
            let mut depth = 0usize;
            for inner in iter.by_ref() {
                match inner.event {
                    Event::Start(Tag::List(_)) => depth += 1,
                    Event::End(TagEnd::List(_)) if depth == 0 => break,
                    Event::End(TagEnd::List(_)) => depth -= 1,
                    _ => {}
                }
            }
            let html = toc_html(&headings, ordered);
            out.push(Node::new(Event::Html(html.into()), node.range));
        } else {
            out.push(node);
        }
    }
    Box::new(out.into_iter())
}

/// `(level, id, text)` of every heading with an id and without `no_toc`.
fn collect_headings(nodes: &[Node<'_>]) -> Vec<(usize, String, String)> {
    let mut headings = Vec::new();
    let mut current: Option<(usize, String, String)> = None;
    for node in nodes {
        match &node.event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                let id = node
                    .attrs
                    .id
                    .clone()
                    .or_else(|| id.as_ref().map(|i| i.to_string()));
                let excluded = node.attrs.classes.iter().any(|c| c == "no_toc")
                    || classes.iter().any(|c| &**c == "no_toc");
                current = id
                    .filter(|_| !excluded)
                    .map(|id| (*level as usize, id, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = current.as_mut() {
                    text.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
            _ => {}
        }
    }
    headings
}

/// The nested list, as kramdown indents it.
fn toc_html(headings: &[(usize, String, String)], ordered: bool) -> String {
    let tag = if ordered { "ol" } else { "ul" };
    let mut html = format!("<{tag} id=\"markdown-toc\">\n");
    let mut levels: Vec<usize> = Vec::new();
    for (level, id, text) in headings {
        while levels.last().is_some_and(|l| l > level) {
            levels.pop();
            html.push_str(&format!("</li>\n</{tag}>\n"));
        }
        if levels.last() == Some(level) {
            html.push_str("</li>\n");
        } else if !levels.is_empty() {
            html.push_str(&format!("\n<{tag}>\n"));
        }
        if levels.last() != Some(level) {
            levels.push(*level);
        }
        let id = super::escape_attr(id);
        html.push_str(&format!(
            "<li><a href=\"#{id}\" id=\"markdown-toc-{id}\">{}</a>",
            escape_text(text)
        ));
    }
    for i in 0..levels.len() {
        html.push_str("</li>\n");
        if i + 1 < levels.len() {
            html.push_str(&format!("</{tag}>\n"));
        }
    }
    html.push_str(&format!("</{tag}>\n"));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_headings_by_level() {
        let h = vec![
            (2, "a".to_string(), "A".to_string()),
            (3, "b".into(), "B".into()),
            (2, "c".into(), "C".into()),
        ];
        let html = toc_html(&h, false);
        assert_eq!(
            html,
            "<ul id=\"markdown-toc\">\n<li><a href=\"#a\" id=\"markdown-toc-a\">A</a>\n<ul>\n\
             <li><a href=\"#b\" id=\"markdown-toc-b\">B</a></li>\n</ul>\n</li>\n\
             <li><a href=\"#c\" id=\"markdown-toc-c\">C</a></li>\n</ul>\n"
        );
    }
}
