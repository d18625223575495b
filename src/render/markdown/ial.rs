//! kramdown inline attribute lists: `{: .class #id key="value"}`.
//!
//! A block IAL is a line of its own, right after the block it applies to (or right before it,
//! with a blank line above); a span IAL directly follows a link, image, emphasis or code span.
//! They are applied where kramdown would apply them and are never printed. Lines that are
//! attribute list definitions (`{:name: ...}`) or kramdown extensions (`{::comment}`) vanish.

use std::borrow::Cow;
use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag};

use super::blocks::FenceState;
use super::{Attrs, Node};

/// A block IAL found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BlockIal {
    /// Apply to the block ending right before this offset (the IAL line's start)...
    pub after: Option<usize>,
    /// ...or to the block starting at this offset (the next line's start).
    pub before: Option<usize>,
    /// Where the IAL's line ends (a block may end anywhere on it, the line being blanked).
    pub line_end: usize,
    /// The attributes.
    pub attrs: Attrs,
}

/// Blanks block IAL lines (keeping every offset) and returns them. Fenced code is skipped.
pub(crate) fn extract_block_ials(text: &str) -> (Cow<'_, str>, Vec<BlockIal>) {
    if !text.contains("{:") {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut blanked = text.to_string();
    let mut found = Vec::new();
    let mut fences = FenceState::default();
    let mut offset = 0;
    let mut prev_blank = true;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        let is_ial = !fences.next_line(line).is_code()
            && line.len() - line.trim_start().len() < 4
            && trimmed.starts_with("{:")
            && trimmed.ends_with('}');
        if !is_ial {
            prev_blank = trimmed.is_empty();
            continue;
        }
        let content = &trimmed[2..trimmed.len() - 1];
        let next_blank = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        let is_definition = content.starts_with(':') || is_ald(content);
        if !is_definition {
            let attrs = parse_attrs(content);
            if !prev_blank {
                found.push(BlockIal {
                    after: Some(start),
                    before: None,
                    line_end: offset,
                    attrs,
                });
            } else if !next_blank {
                found.push(BlockIal {
                    after: None,
                    before: Some(offset),
                    line_end: offset,
                    attrs,
                });
            }
        }
        let body_len = line.trim_end_matches(['\n', '\r']).len();
        blanked.replace_range(start..start + body_len, &" ".repeat(body_len));
        prev_blank = true;
    }
    (Cow::Owned(blanked), found)
}

/// `{:name: attrs}` defines a reference, not attributes for a block.
fn is_ald(content: &str) -> bool {
    let name_end = content.find(':');
    name_end.is_some_and(|i| {
        let name = content[..i].trim();
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    })
}

/// Parses `.class #id key="value" key='v' key=v` into attributes.
pub(crate) fn parse_attrs(content: &str) -> Attrs {
    let mut attrs = Attrs::default();
    let mut rest = content.trim();
    while !rest.is_empty() {
        let end = token_end(rest);
        let token = &rest[..end];
        if let Some(class) = token.strip_prefix('.') {
            attrs.classes.push(class.to_string());
        } else if let Some(id) = token.strip_prefix('#') {
            attrs.id = Some(id.to_string());
        } else if let Some((k, v)) = token.split_once('=') {
            let v = v.trim_matches(|c| c == '"' || c == '\'');
            if k == "class" {
                attrs
                    .classes
                    .extend(v.split_whitespace().map(str::to_string));
            } else if k == "id" {
                attrs.id = Some(v.to_string());
            } else {
                attrs.other.push((k.to_string(), v.to_string()));
            }
        } else if token == "toc" {
            // kramdown's reserved reference: replace this list with a table of contents.
            attrs.toc = true;
        }
        rest = rest[end..].trim_start();
    }
    attrs
}

/// End of the next whitespace-separated token, keeping quoted values whole.
fn token_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => return i,
            _ => {}
        }
    }
    s.len()
}

/// Attaches block IALs to the Start event of the block they name.
///
/// pulldown-cmark's block ranges run over trailing blank lines (and so over the blanked IAL
/// line): an "after" IAL names the outermost block that starts before it and holds nothing
/// but blank space after it.
pub(crate) fn apply_block_ials<'a, 't>(
    nodes: impl Iterator<Item = Node<'a>> + 't,
    ials: &'t [BlockIal],
    text: &'t str,
) -> impl Iterator<Item = Node<'a>> + 't
where
    'a: 't,
{
    let mut after: Vec<(usize, usize, Option<Attrs>)> = ials
        .iter()
        .filter_map(|i| Some((i.after?, i.line_end, Some(i.attrs.clone()))))
        .collect();
    let mut before: HashMap<usize, Attrs> = ials
        .iter()
        .filter_map(|i| Some((i.before?, i.attrs.clone())))
        .collect();
    nodes.map(move |mut node| {
        if (after.is_empty() && before.is_empty()) || !matches!(node.event, Event::Start(_)) {
            return node;
        }
        if let Some(a) = before.remove(&node.range.start) {
            node.attrs.merge(a);
        }
        let range = node.range.clone();
        let names_block = |s: usize, e: usize| {
            range.start < s
                && range.end >= s
                && text
                    .get(e.min(range.end)..range.end)
                    .is_some_and(|t| t.trim().is_empty())
        };
        if let Some(a) = after
            .iter_mut()
            .find(|(s, e, a)| a.is_some() && names_block(*s, *e))
            .and_then(|x| x.2.take())
        {
            node.attrs.merge(a);
        }
        node
    })
}

/// Attaches a span IAL (`[x](u){:target="_blank"}`) to the element right before it (found by
/// looking at the source after the element's range) and strips it from the following text.
pub(crate) fn apply_span_ials<'a, 't>(
    nodes: impl Iterator<Item = Node<'a>> + 't,
    text: &'t str,
) -> impl Iterator<Item = Node<'a>> + 't
where
    'a: 't,
{
    // The IAL's source range still to strip from the text events that follow.
    let mut strip: Option<std::ops::Range<usize>> = None;
    nodes.map(move |mut node| {
        match &node.event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Emphasis | Tag::Strong)
            | Event::Code(_) => {
                if let Some((attrs, len)) = span_ial_at(text, node.range.end) {
                    node.attrs.merge(attrs);
                    strip = Some(node.range.end..node.range.end + len);
                }
            }
            // After raw inline HTML (`<a href="x">y</a>{:.internal}`) the list is dropped.
            Event::InlineHtml(h) if h.starts_with("</") => {
                if let Some((_, len)) = span_ial_at(text, node.range.end) {
                    strip = Some(node.range.end..node.range.end + len);
                }
            }
            // Smart punctuation splits the IAL into several text events: drop each part.
            Event::Text(t)
                if strip
                    .as_ref()
                    .is_some_and(|r| r.contains(&node.range.start)) =>
            {
                let end = strip.as_ref().map_or(0, |r| r.end);
                if node.range.end <= end {
                    node.event = Event::Text(CowStr::from(""));
                } else {
                    let cut = end - node.range.start;
                    let rest = t.get(cut..).unwrap_or("").to_string();
                    node.event = Event::Text(CowStr::from(rest));
                    strip = None;
                }
            }
            _ => {
                if strip.as_ref().is_some_and(|r| node.range.start >= r.end) {
                    strip = None;
                }
            }
        }
        node
    })
}

/// The span IAL `{:...}` starting at byte `at`, with its length.
fn span_ial_at(text: &str, at: usize) -> Option<(Attrs, usize)> {
    let rest = text.get(at..)?.strip_prefix("{:")?;
    let close = rest.find('}')?;
    let content = &rest[..close];
    (!content.contains('\n')).then(|| (parse_attrs(content), close + 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_classes_ids_and_quoted_values() {
        let a = parse_attrs(r#" .big #top target="_blank" title='a b'"#);
        assert_eq!(a.classes, vec!["big"]);
        assert_eq!(a.id.as_deref(), Some("top"));
        assert_eq!(
            a.other,
            vec![
                ("target".into(), "_blank".into()),
                ("title".into(), "a b".into())
            ]
        );
    }

    #[test]
    fn blanks_block_ial_lines_keeping_offsets() {
        let src = "Para\n{: .x}\n\nNext\n";
        let (text, ials) = extract_block_ials(src);
        assert_eq!(text.len(), src.len());
        assert!(!text.contains("{:"));
        assert_eq!(ials[0].after, Some(5));
    }

    #[test]
    fn leaves_ials_inside_fenced_code() {
        let (text, ials) = extract_block_ials("```\n{: .x}\n```\n");
        assert!(text.contains("{: .x}"));
        assert!(ials.is_empty());
    }

    #[test]
    fn drops_attribute_list_definitions() {
        let (text, ials) = extract_block_ials("{:ref: .x}\n\nPara\n");
        assert!(!text.contains("{:"));
        assert!(ials.is_empty());
    }
}
