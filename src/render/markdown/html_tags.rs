//! A small HTML tag scanner for the block-HTML pass: finds start tags (with quoted attribute
//! values that may hold `<` or `>`), their matching end tags (nested tags of the same name
//! counted), and comments, the way kramdown's HTML parser walks raw HTML.

/// Elements kramdown treats as span-level (`HTML_SPAN_ELEMENTS`): a line starting with one
/// of them is a paragraph, not an HTML block.
pub(crate) const SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "kbd", "label", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby",
    "s", "samp", "select", "small", "span", "strike", "strong", "sub", "sup", "textarea", "tt",
    "u", "var",
];

/// Elements without content (`HTML_ELEMENTS_WITHOUT_BODY`).
pub(crate) const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// A start tag found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StartTag<'a> {
    /// Lowercased element name.
    pub name: String,
    /// The attributes' source text.
    pub attrs: &'a str,
    /// Byte offset just after the `>`.
    pub end: usize,
    /// `<x ... />` or a void element.
    pub empty: bool,
}

/// Parses a start tag beginning at `at` (which holds `<`).
pub(crate) fn parse_start_tag(text: &str, at: usize) -> Option<StartTag<'_>> {
    let rest = text.get(at + 1..)?;
    let name_len =
        rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '_'))?;
    if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = rest[..name_len].to_ascii_lowercase();
    let after_name = &rest[name_len..];
    if !after_name.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
        return None;
    }
    let close = find_tag_end(after_name)?;
    let inner = &after_name[..close];
    let self_closing = inner.trim_end().ends_with('/');
    let attrs = inner.trim_end().trim_end_matches('/');
    let empty = self_closing || VOID_ELEMENTS.contains(&name.as_str());
    Some(StartTag {
        name,
        attrs,
        end: at + 1 + name_len + close + 1,
        empty,
    })
}

/// Index of the `>` ending a tag, skipping quoted attribute values.
fn find_tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// Finds the end tag matching an element named `name` whose content starts at `from`:
/// returns `(start of the end tag, offset after it)`.
pub(crate) fn find_end_tag(text: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut pos = from;
    while let Some(rel) = text[pos..].find('<') {
        let at = pos + rel;
        let rest = &text[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            pos = at + 4 + comment.find("-->").map_or(comment.len(), |i| i + 3);
            continue;
        }
        if let Some(close) = rest.strip_prefix("</") {
            let len = close
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '_'));
            let tag = len.map_or(close, |l| &close[..l]);
            if tag.eq_ignore_ascii_case(name) {
                let end = at + rest.find('>').map_or(rest.len(), |i| i + 1);
                if depth == 0 {
                    return Some((at, end));
                }
                depth -= 1;
            }
            pos = at + 2;
            continue;
        }
        match parse_start_tag(text, at) {
            Some(tag) => {
                if tag.name == name && !tag.empty {
                    depth += 1;
                }
                pos = tag.end;
            }
            None => pos = at + 1,
        }
    }
    None
}

/// Where the last `</name` of the text is, per element name: a start tag after it has no
/// end tag, which is known without scanning (a post full of unclosed `<p>` stays linear).
#[derive(Default)]
pub(crate) struct LastCloseTags {
    /// The text, ASCII-lowercased (same byte offsets), made on first use.
    lower: Option<String>,
    /// Name to offset of its last end tag (`None`: there is none).
    last: std::collections::HashMap<String, Option<usize>>,
}

impl LastCloseTags {
    /// Whether an end tag for `name` exists after `from`.
    pub(crate) fn any_after(&mut self, text: &str, name: &str, from: usize) -> bool {
        let lower = self.lower.get_or_insert_with(|| text.to_ascii_lowercase());
        let last = *self
            .last
            .entry(name.to_string())
            .or_insert_with(|| lower.rfind(&format!("</{name}")));
        last.is_some_and(|l| l >= from)
    }
}

/// Byte ranges of the content of block-level HTML elements anywhere in `text`: kramdown
/// keeps such content raw (no math, no Markdown) unless it says `markdown="1"`.
pub(crate) fn raw_html_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut closes = LastCloseTags::default();
    let mut pos = 0;
    while let Some(rel) = text[pos..].find('<') {
        let at = pos + rel;
        pos = at + 1;
        let Some(tag) = parse_start_tag(text, at) else {
            continue;
        };
        let raw = !tag.empty
            && !SPAN_ELEMENTS.contains(&tag.name.as_str())
            && attr_value(tag.attrs, "markdown").is_none();
        if !raw
            || ranges.last().is_some_and(|r| r.contains(&at))
            || !closes.any_after(text, &tag.name, tag.end)
        {
            continue;
        }
        if let Some((close, _)) = find_end_tag(text, tag.end, &tag.name) {
            ranges.push(tag.end..close);
            pos = close;
        }
    }
    ranges
}

/// The value of attribute `key` in a tag's attribute text.
pub(crate) fn attr_value<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(i) = rest.find(key) {
        let before_ok = i == 0 || rest[..i].ends_with(char::is_whitespace);
        let after = rest[i + key.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                return match v.chars().next() {
                    Some(q @ ('"' | '\'')) => v[1..].find(q).map(|e| &v[1..1 + e]),
                    _ => Some(v.split(char::is_whitespace).next().unwrap_or("")),
                };
            }
        }
        rest = &rest[i + key.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_start_tags_with_quoted_gt() {
        let t = parse_start_tag("<p class='a>b' markdown=\"1\">x", 0).expect("tag");
        assert_eq!(t.name, "p");
        assert_eq!(t.end, 28);
        assert!(!t.empty);
        assert_eq!(attr_value(t.attrs, "markdown"), Some("1"));
    }

    #[test]
    fn finds_the_matching_end_tag_across_nesting() {
        let html = "<div><div>a</div>\n\nb</div>after";
        assert_eq!(find_end_tag(html, 5, "div"), Some((20, 26)));
    }

    #[test]
    fn treats_void_and_self_closing_tags_as_empty() {
        assert!(parse_start_tag("<img src=x>", 0).is_some_and(|t| t.empty));
        assert!(parse_start_tag("<div/>", 0).is_some_and(|t| t.empty));
    }
}
