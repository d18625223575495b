//! Footnotes as kramdown writes them (`converter/html.rb`, `convert_footnote` and
//! `footnote_content`): references numbered in order of first use,
//! `<sup id="fnref:x" role="doc-noteref"><a href="#fn:x" class="footnote" rel="footnote">1</a></sup>`,
//! repeats with ids `fnref:x:1`, and the definitions gathered at the end in
//! `<div class="footnotes" role="doc-endnotes"><ol><li id="fn:x" role="doc-endnote">`, each
//! ending with one back-link per reference. Definitions never referenced are not written.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::writer::escape_attr;
use super::Node;

/// Rewrites footnote references and moves the definitions to the end. `backlink` is
/// kramdown's `footnote_backlink` option (`&#8617;` by default), written as given.
pub(crate) fn write_kramdown_footnotes<'a>(
    nodes: impl Iterator<Item = Node<'a>>,
    backlink: String,
) -> impl Iterator<Item = Node<'a>> {
    let mut nodes = nodes;
    let mut order: Vec<CowStr<'a>> = Vec::new();
    let mut refs: HashMap<CowStr<'a>, usize> = HashMap::new();
    let mut defs: HashMap<CowStr<'a>, Vec<Node<'a>>> = HashMap::new();
    let mut done = false;
    let mut tail = Vec::<Node<'a>>::new().into_iter();
    std::iter::from_fn(move || loop {
        if done {
            return tail.next();
        }
        let Some(node) = nodes.next() else {
            done = true;
            tail = footnote_section(&order, &refs, &mut defs, &backlink).into_iter();
            continue;
        };
        match node.event {
            Event::FootnoteReference(label) => {
                if !refs.contains_key(&label) {
                    order.push(label.clone());
                }
                let count = refs.entry(label.clone()).or_insert(0);
                let number = order.iter().position(|l| *l == label).unwrap_or(0) + 1;
                let id = if *count == 0 {
                    format!("fnref:{label}")
                } else {
                    format!("fnref:{label}:{count}")
                };
                *count += 1;
                let html = format!(
                    "<sup id=\"{}\" role=\"doc-noteref\"><a href=\"#fn:{}\" class=\"footnote\" rel=\"footnote\">{number}</a></sup>",
                    escape_attr(&id),
                    escape_attr(&label)
                );
                return Some(Node::new(Event::InlineHtml(html.into()), node.range));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let mut body = Vec::new();
                let mut depth = 0usize;
                for inner in nodes.by_ref() {
                    match &inner.event {
                        Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                        Event::End(TagEnd::FootnoteDefinition) if depth == 0 => break,
                        Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
                        _ => {}
                    }
                    body.push(inner);
                }
                defs.entry(label).or_insert(body);
            }
            _ => return Some(node),
        }
    })
}

/// The `<div class="footnotes">` section for the referenced definitions.
fn footnote_section<'a>(
    order: &[CowStr<'a>],
    refs: &HashMap<CowStr<'a>, usize>,
    defs: &mut HashMap<CowStr<'a>, Vec<Node<'a>>>,
    backlink: &str,
) -> Vec<Node<'a>> {
    let mut out = Vec::new();
    let html = |s: String| Node::new(Event::Html(s.into()), 0..0);
    for label in order {
        let Some(mut body) = defs.remove(label) else {
            continue;
        };
        if out.is_empty() {
            out.push(html(
                "<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n".into(),
            ));
        }
        let label_attr = escape_attr(label);
        out.push(html(format!(
            "    <li id=\"fn:{label_attr}\" role=\"doc-endnote\">\n"
        )));
        let count = refs.get(label).copied().unwrap_or(1);
        let links: String = (0..count)
            .map(|i| {
                let (id, sup) = if i == 0 {
                    (format!("fnref:{label_attr}"), String::new())
                } else {
                    (format!("fnref:{label_attr}:{i}"), format!("<sup>{}</sup>", i + 1))
                };
                format!(" <a href=\"#{id}\" class=\"reversefootnote\" role=\"doc-backlink\">{backlink}{sup}</a>")
            })
            .collect();
        let links = format!("&#160;{}", links.trim_start());
        match body
            .iter()
            .rposition(|n| matches!(n.event, Event::End(TagEnd::Paragraph)))
        {
            Some(i) if i + 1 == body.len() => {
                body.insert(i, Node::new(Event::InlineHtml(links.into()), 0..0));
            }
            _ => body.push(html(format!("<p>{links}</p>\n"))),
        }
        out.extend(body);
        out.push(html("    </li>\n".into()));
    }
    if !out.is_empty() {
        out.push(html("  </ol>\n</div>\n".into()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::options::parser_options;

    fn run(src: &str) -> String {
        let nodes = pulldown_cmark::Parser::new_ext(src, parser_options())
            .into_offset_iter()
            .map(|(e, r)| Node::new(e, r));
        write_kramdown_footnotes(nodes, "&#8617;".into())
            .filter_map(|n| match n.event {
                Event::Html(h) | Event::InlineHtml(h) => Some(h.to_string()),
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbers_references_in_order_of_use() {
        let html = run("a[^z] b[^a]\n\n[^a]: A.\n[^z]: Z.\n");
        assert!(html.contains("<sup id=\"fnref:z\" role=\"doc-noteref\"><a href=\"#fn:z\" class=\"footnote\" rel=\"footnote\">1</a></sup>"));
        assert!(html.contains("href=\"#fn:a\" class=\"footnote\" rel=\"footnote\">2</a>"));
        assert!(html.find("fn:z\" role").unwrap_or(0) < html.find("fn:a\" role").unwrap_or(0));
    }

    #[test]
    fn writes_one_backlink_per_reference() {
        let html = run("a[^n] b[^n]\n\n[^n]: Note.\n");
        assert!(html.contains("id=\"fnref:n:1\""));
        assert!(html.contains("<a href=\"#fnref:n:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a>"));
    }
}
