//! Heading ids over the whole document. A segment renders alone, so the ids it generates are
//! numbered within it (`demo`, `demo-1`), while kramdown numbers repeats over the whole
//! post. After assembly the generated ids are numbered again over the document with the
//! renderer's own rule ([`IdCounter`]), and only the segments whose ids change get new HTML
//! (and are sent again).

use crate::render::{HeadingId, IdCounter};

/// The ids the headings of each piece get over the whole document, in order: kramdown's
/// numbering of the generated ids (explicit ids stay as they are and are not counted).
pub(super) fn document_ids<'p>(pieces: impl Iterator<Item = &'p [HeadingId]>) -> Vec<Vec<String>> {
    let mut counter = IdCounter::default();
    pieces
        .map(|headings| {
            headings
                .iter()
                .map(|h| match &h.base {
                    Some(base) => counter.unique(base),
                    None => h.id.clone(),
                })
                .collect()
        })
        .collect()
}

/// `html` with the ids of its Markdown headings (`headings`, in order) made `wanted`; `None`
/// when they cannot be told apart from the other headings of the HTML (a raw `<h2 id>` with
/// the id of a Markdown heading), in which case the post is rendered whole.
pub(super) fn renumber(html: &str, headings: &[HeadingId], wanted: &[String]) -> Option<String> {
    let own: Vec<String> = headings.iter().map(|h| escaped(&h.id)).collect();
    let mut out = String::with_capacity(html.len() + 16);
    let mut copied = 0;
    let mut next = 0;
    for (range, value) in id_values(html) {
        if own.get(next).is_some_and(|id| *id == value) {
            if let Some(new) = wanted.get(next).filter(|w| **w != headings[next].id) {
                out.push_str(&html[copied..range.start]);
                out.push_str(&escaped(new));
                copied = range.end;
            }
            next += 1;
        } else if own.contains(&value.to_string()) {
            return None;
        }
    }
    out.push_str(&html[copied..]);
    (next == own.len()).then_some(out)
}

/// The `id` values of the heading tags (`<h1>` to `<h6>`) of `html`: their byte ranges and
/// text, in order.
fn id_values(html: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    html.match_indices("<h").filter_map(move |(at, _)| {
        let rest = &html[at + 2..];
        let level = rest.as_bytes().first()?;
        let after = rest.as_bytes().get(1)?;
        if !(b'1'..=b'6').contains(level) || !(*after == b' ' || *after == b'>') {
            return None;
        }
        let tag = &rest[..rest.find('>')?];
        let start = at + 2 + tag.find(" id=\"")? + " id=\"".len();
        let len = html[start..].find('"')?;
        Some((start..start + len, &html[start..start + len]))
    })
}

/// `id` as the sanitizer's serializer writes it in an attribute.
fn escaped(id: &str) -> String {
    id.replace('&', "&amp;")
        .replace('\u{a0}', "&nbsp;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(id: &str, base: &str) -> HeadingId {
        HeadingId {
            id: id.into(),
            base: Some(base.into()),
        }
    }

    fn explicit(id: &str) -> HeadingId {
        HeadingId {
            id: id.into(),
            base: None,
        }
    }

    #[test]
    fn numbers_generated_ids_over_the_document_and_leaves_explicit_ones() {
        let first = [auto("section", "section"), explicit("section")];
        let second = [auto("section", "section"), auto("section-1", "section")];
        let ids = document_ids([&first[..], &second[..]].into_iter());
        assert_eq!(
            ids,
            vec![
                vec!["section".to_string(), "section".into()],
                vec!["section-1".to_string(), "section-2".into()]
            ]
        );
    }

    #[test]
    fn renames_only_the_markdown_headings_it_reported() {
        let html = "<h2 id=\"a\" data-line=\"1\">A</h2>\n<hr />\n<h3 id=\"b\">B</h3>\n";
        let headings = [auto("a", "a"), auto("b", "b")];
        let out = renumber(html, &headings, &["a-1".into(), "b".into()]);
        assert_eq!(
            out.as_deref(),
            Some("<h2 id=\"a-1\" data-line=\"1\">A</h2>\n<hr />\n<h3 id=\"b\">B</h3>\n")
        );
    }

    #[test]
    fn refuses_when_an_html_heading_has_the_same_id() {
        let html = "<h2 id=\"a\">raw</h2><h2 id=\"a\">A</h2>";
        assert_eq!(renumber(html, &[auto("a", "a")], &["a-1".into()]), None);
        let other = "<h2 id=\"z\">raw</h2><h2 id=\"a\">A</h2>";
        assert_eq!(
            renumber(other, &[auto("a", "a")], &["a-1".into()]).as_deref(),
            Some("<h2 id=\"z\">raw</h2><h2 id=\"a-1\">A</h2>")
        );
    }
}
