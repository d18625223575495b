//! Heading ids as kramdown-parser-gfm's `generate_gfm_header_id` makes them: the heading's
//! text (code spans included, markup excluded) lowercased, every character that is not a
//! word character, `-`, space or tab removed, spaces and tabs turned into `-`, and `-1`, `-2`
//! appended to repeats. Unicode letters are kept (`héllo-world`).

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Node;

/// A heading's id as a render wrote it, so that a document rendered in parts (the preview's
/// segments) can number repeated ids over the whole document afterwards.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HeadingId {
    /// The id written in the HTML.
    pub id: String,
    /// The generated id before duplicate numbering (`demo` of `demo-1`); `None` for an
    /// explicit id (`{#id}`, an IAL), which kramdown neither numbers nor counts.
    pub base: Option<String>,
}

/// kramdown-parser-gfm's `@id_counter`: the n-th repeat of a generated id over one document
/// gets `-n` appended. Explicit ids do not take part. The one home of this rule, used by the
/// renderer and by the preview when it numbers the ids of its segments over the document.
#[derive(Debug, Default, Clone)]
pub struct IdCounter(HashMap<String, usize>);

impl IdCounter {
    /// The id of the next heading whose generated id is `base`.
    pub fn unique(&mut self, base: &str) -> String {
        let count = self
            .0
            .entry(base.to_string())
            .and_modify(|c| *c += 1)
            .or_insert(0);
        if *count > 0 {
            format!("{base}-{count}")
        } else {
            base.to_string()
        }
    }
}

/// Gives every heading without an explicit id (`{#id}`, IAL) its kramdown id, and records
/// every heading's id in `report` (in order).
///
/// With `inside_html` (Markdown inside a `markdown="1"` element), kramdown-parser-gfm does not
/// reach the headings and kramdown's converter gives them its basic ASCII ids instead; those
/// are numbered within their element and not reported.
pub(crate) fn assign_heading_ids<'a, 'r>(
    nodes: impl Iterator<Item = Node<'a>> + 'r,
    inside_html: bool,
    report: &'r mut Vec<HeadingId>,
) -> impl Iterator<Item = Node<'a>> + 'r
where
    'a: 'r,
{
    let mut nodes = nodes;
    let mut counter = IdCounter::default();
    let mut ready: std::collections::VecDeque<Node<'a>> = std::collections::VecDeque::new();
    std::iter::from_fn(move || {
        if let Some(n) = ready.pop_front() {
            return Some(n);
        }
        let node = nodes.next()?;
        if !matches!(node.event, Event::Start(Tag::Heading { .. })) {
            return Some(node);
        }
        let mut text = String::new();
        ready.push_back(node);
        for inner in nodes.by_ref() {
            let end = matches!(inner.event, Event::End(TagEnd::Heading(_)));
            if let Event::Text(t) | Event::Code(t) = &inner.event {
                text.push_str(t);
            }
            ready.push_back(inner);
            if end {
                break;
            }
        }
        if let Some(start) = ready.front_mut() {
            let explicit = match &start.event {
                Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
                _ => None,
            };
            // An IAL's id wins over the `{#id}` one, as the writer merges them.
            let explicit = start.attrs.id.clone().or(explicit);
            let heading = match explicit {
                Some(id) => HeadingId { id, base: None },
                None => {
                    let base = if inside_html {
                        basic_header_id(&text)
                    } else {
                        gfm_header_id(&text)
                    };
                    let id = counter.unique(&base);
                    start.attrs.id = Some(id.clone());
                    HeadingId {
                        id,
                        base: Some(base),
                    }
                }
            };
            if !inside_html {
                report.push(heading);
            }
        }
        ready.pop_front()
    })
}

/// kramdown-parser-gfm's id for a heading's text, before duplicate numbering.
pub(crate) fn gfm_header_id(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|&c| is_word_char(c) || c == '-' || c == ' ' || c == '\t')
        .map(|c| if c == ' ' || c == '\t' { '-' } else { c })
        .collect()
}

/// kramdown's `basic_generate_id`: leading non-letters dropped, only ASCII letters, digits,
/// spaces and dashes kept, spaces turned into dashes, lowercased; `section` when empty.
pub(crate) fn basic_header_id(text: &str) -> String {
    let start = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let id: String = text[start..]
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if id.is_empty() {
        "section".to_string()
    } else {
        id
    }
}

/// Ruby's `\p{Word}`: letters, marks, decimal digits and connector punctuation.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || matches!(
            c,
            '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{FE33}' | '\u{FE34}' | '\u{FE4D}'
                ..='\u{FE4F}' | '\u{FF3F}'
        )
        || is_combining_mark(c)
}

/// Combining marks that are not alphabetic but are kept by `\p{Word}`: diacritics, the
/// emoji variation selectors (`❤️` keeps its U+FE0F) and the keycap (U+20E3).
fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_kramdown_ids_with_accents() {
        assert_eq!(gfm_header_id("Héllo World!"), "héllo-world");
        assert_eq!(
            gfm_header_id("Jour 1 : la keynote d'ouverture"),
            "jour-1--la-keynote-douverture"
        );
    }

    #[test]
    fn removes_punctuation_and_keeps_each_space_as_a_dash() {
        assert_eq!(
            gfm_header_id("C++ & Rust: 2023 — why?"),
            "c--rust-2023--why"
        );
        assert_eq!(gfm_header_id("snake_case and-dash"), "snake_case-and-dash");
    }

    #[test]
    fn keeps_emoji_variation_selectors_like_ruby() {
        assert_eq!(
            gfm_header_id("Keep in touch \u{2709}\u{FE0F}"),
            "keep-in-touch-\u{FE0F}"
        );
    }

    #[test]
    fn generates_basic_ids_inside_html() {
        assert_eq!(basic_header_id("1. Été à Paris"), "t--paris");
        assert_eq!(basic_header_id("42"), "section");
    }

    #[test]
    fn numbers_duplicate_ids_from_one() {
        let mut c = IdCounter::default();
        assert_eq!(c.unique("a"), "a");
        assert_eq!(c.unique("a"), "a-1");
        assert_eq!(c.unique("b"), "b");
        assert_eq!(c.unique("a"), "a-2");
    }
}
