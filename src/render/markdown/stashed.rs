//! Finished HTML made before parsing (HTML blocks, `$$` math, `{::nomarkdown}`, piped code
//! spans in table cells, Liquid's highlighted code and placeholders) crosses pulldown-cmark as
//! one stash-marker character and reaches the writer as events, never as an edit of the
//! written HTML: a block's marker alone in a paragraph becomes an [`Event::Html`] node holding
//! the block ([`inject_blocks`]), and any other marker is resolved as the writer writes the
//! node holding it ([`resolve_markers`]).

use std::collections::VecDeque;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::Node;
use crate::render::liquid::output::stash_index;

/// Replaces each paragraph holding only the marker of a block entry (one ending with a
/// newline) by that block's HTML, the paragraph's `data-line` moved onto the block's first
/// element so that scroll sync still knows where it starts.
pub(crate) fn inject_blocks<'a, 't>(
    nodes: impl Iterator<Item = Node<'a>> + 't,
    stash: &'t [String],
    line_of: Option<&'t dyn Fn(usize) -> usize>,
) -> impl Iterator<Item = Node<'a>> + 't
where
    'a: 't,
{
    let mut nodes = nodes;
    let mut pending: VecDeque<Node<'a>> = VecDeque::new();
    std::iter::from_fn(move || {
        if let Some(node) = pending.pop_front() {
            return Some(node);
        }
        let node = nodes.next()?;
        if stash.is_empty() || !matches!(node.event, Event::Start(Tag::Paragraph)) {
            return Some(node);
        }
        let text = nodes.next();
        let entry = text.as_ref().and_then(|t| match &t.event {
            Event::Text(s) => block_entry(s, stash),
            _ => None,
        });
        let end = entry.and_then(|_| nodes.next());
        let closes = end
            .as_ref()
            .is_some_and(|e| matches!(e.event, Event::End(TagEnd::Paragraph)));
        if let (Some(entry), true) = (entry, closes) {
            let html = with_line(entry, line_of.map(|f| f(node.range.start)));
            // The paragraph's end would have been followed by a blank line: so is the block.
            let event = Event::Html(CowStr::from(html + "\n\n"));
            return Some(Node::new(event, node.range));
        }
        pending.extend(text);
        pending.extend(end);
        Some(node)
    })
}

/// The block entry `text` stands for, when it is exactly one marker of a block entry.
fn block_entry<'s>(text: &str, stash: &'s [String]) -> Option<&'s String> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    stash
        .get(stash_index(c)?)
        .filter(|entry| entry.ends_with('\n'))
}

/// `entry` with ` data-line="N"` after its first element's name.
fn with_line(entry: &str, line: Option<usize>) -> String {
    let name_len = entry.get(1..).map_or(0, |r| {
        r.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(0)
    });
    match line {
        Some(n) if entry.starts_with('<') && name_len > 0 => format!(
            "{} data-line=\"{n}\"{}",
            &entry[..1 + name_len],
            &entry[1 + name_len..]
        ),
        _ => entry.to_string(),
    }
}

/// Replaces the stash markers in `out[from..]` (what the writer just wrote for one node:
/// text, a code span, a code block, an attribute) by their entries.
pub(crate) fn resolve_markers(out: &mut String, from: usize, stash: &[String]) {
    if stash.is_empty() || !out[from..].chars().any(|c| stash_index(c).is_some()) {
        return;
    }
    let written = out.split_off(from);
    for c in written.chars() {
        match stash_index(c).and_then(|i| stash.get(i)) {
            Some(entry) => out.push_str(entry),
            None if stash_index(c).is_some() => {}
            None => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::liquid::output::stash_marker;

    fn marker(i: usize) -> String {
        stash_marker(i).map(String::from).unwrap_or_default()
    }

    fn events(text: &str, stash: &[String], lines: bool) -> Vec<Event<'static>> {
        let nodes: Vec<Node<'static>> = pulldown_cmark::Parser::new(text)
            .into_offset_iter()
            .map(|(e, r)| Node::new(e.into_static(), r))
            .collect();
        let line_of = |o: usize| o + 1;
        let line_of = lines.then_some(&line_of as &dyn Fn(usize) -> usize);
        inject_blocks(nodes.into_iter(), stash, line_of)
            .map(|n| n.event)
            .collect()
    }

    #[test]
    fn turns_a_block_marker_paragraph_into_the_block() {
        let stash = vec!["<div>x</div>\n".to_string()];
        let got = events(&format!("{}\n", marker(0)), &stash, true);
        assert_eq!(
            got,
            vec![Event::Html("<div data-line=\"1\">x</div>\n\n\n".into())]
        );
    }

    #[test]
    fn leaves_inline_markers_and_shared_paragraphs_to_the_writer() {
        let stash = vec!["<b>x</b>".to_string(), "<div></div>\n".to_string()];
        for text in [marker(0), format!("{} and text", marker(1))] {
            let got = events(&text, &stash, false);
            assert_eq!(got.first(), Some(&Event::Start(Tag::Paragraph)));
            assert_eq!(got.len(), 3);
        }
    }

    #[test]
    fn resolves_markers_in_what_was_just_written() {
        let stash = vec!["<span>a</span>".to_string()];
        let mut out = format!("<p>{}", marker(0));
        resolve_markers(&mut out, 3, &stash);
        assert_eq!(out, "<p><span>a</span>");
    }
}
