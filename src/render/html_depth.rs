//! A bound on how deep the HTML handed to the sanitizer nests. An HTML tree builder
//! (html5ever in ammonia, as in browsers) looks through the open elements on most start and
//! end tags, so fifty thousand unclosed `<div>`s cost the square of that: minutes. WebKit stops
//! nesting the DOM at 512 elements; we stop earlier, at [`MAX_HTML_DEPTH`], and show deeper
//! start tags as text (their `<` escaped), so nothing is lost from view and the cost stays
//! linear.

use std::borrow::Cow;

/// Deepest nesting of HTML elements passed on as elements.
pub(crate) const MAX_HTML_DEPTH: usize = 256;

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements whose end tag may be left out: the next sibling closes them, so they do not nest
/// when written one after another (`<p>a<p>b`, `<li>`s), and are not counted.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rp", "rtc", "caption",
];

/// `html` with every start tag nested deeper than `max` (counting open elements that need an
/// end tag) escaped into text.
pub(crate) fn limit_html_depth(html: &str, max: usize) -> Cow<'_, str> {
    let mut depth = 0usize;
    let mut out = String::new();
    let mut copied = 0;
    let mut pos = 0;
    while let Some(rel) = html[pos..].find('<') {
        let at = pos + rel;
        let rest = &html[at + 1..];
        if rest.starts_with("!--") {
            pos = rest.find("-->").map_or(html.len(), |i| at + 1 + i + 3);
            continue;
        }
        let (closing, name_from) = match rest.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let name_len = name_from
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(name_from.len());
        let name = name_from[..name_len].to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            pos = at + 1;
            continue;
        }
        let end = tag_end(html, at + 1).unwrap_or(html.len());
        let counted = !VOID.contains(&name.as_str()) && !IMPLIED_END.contains(&name.as_str());
        let self_closing = html[..end].ends_with("/>");
        if closing {
            depth -= usize::from(counted && depth > 0);
        } else if counted && !self_closing {
            if depth >= max {
                out.push_str(&html[copied..at]);
                out.push_str("&lt;");
                copied = at + 1;
            } else {
                depth += 1;
            }
        }
        pos = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The offset just past the `>` closing the tag whose name starts at `from`, skipping quoted
/// attribute values.
fn tag_end(html: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in html[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(from + i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_html_up_to_the_limit() {
        let html = "<div><section><p>x</p></section></div>";
        assert!(matches!(limit_html_depth(html, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_start_tags_past_the_limit() {
        assert_eq!(
            limit_html_depth("<div><div><div>x</div></div></div>", 2),
            "<div><div>&lt;div>x</div></div></div>"
        );
    }

    #[test]
    fn does_not_count_void_self_closed_or_implied_end_elements() {
        let html = "<div><br><img src=\"a>b\"><span/><p>a<p>b<li>c<li>d</div><div>e</div>";
        assert!(matches!(limit_html_depth(html, 1), Cow::Borrowed(_)));
    }

    #[test]
    fn skips_comments_and_text_brackets() {
        let html = "<div><!-- <div><div> --> a < b <3</div>";
        assert!(matches!(limit_html_depth(html, 1), Cow::Borrowed(_)));
    }
}
