//! HTML blocks as kramdown reads them (`parser/kramdown/html.rb`): a block-level start tag at
//! the start of a line, after a blank line, opens a block that runs to its matching end tag,
//! blank lines included (CommonMark would end it at the first blank line and read the rest
//! as Markdown). The content is raw, except inside elements carrying `markdown="1"` (or
//! `"block"`, `"span"`), whose content is rendered as Markdown, block or span by the element's
//! content model as kramdown's `HTML_CONTENT_MODEL` says. Each block is stashed and replaced
//! by a marker paragraph, recorded in the pass's [`SourceMap`].

use std::borrow::Cow;

use super::blocks::FenceState;
use super::html_tags::{attr_value, find_end_tag, parse_start_tag, LastCloseTags, SPAN_ELEMENTS};
use crate::render::liquid::output::stash_marker;
use crate::render::source_map::{Rewriter, SourceMap};

/// Elements whose `markdown="1"` content is span-level (kramdown's `HTML_CONTENT_MODEL_SPAN`).
const SPAN_MODEL: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q",
    "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup",
    "th", "tt",
];

/// Renders Markdown to finished HTML (markers resolved), sharing the stash.
pub(crate) type RenderFn<'r> = dyn FnMut(&str, &mut Vec<String>) -> String + 'r;

/// Replaces every HTML block of `text` by a stash marker holding its HTML.
pub(crate) fn stash_html_blocks<'t>(
    text: &'t str,
    stash: &mut Vec<String>,
    render: &mut RenderFn<'_>,
    map: &mut SourceMap,
) -> Cow<'t, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = Rewriter::new(text);
    let mut offset = 0;
    let mut prev_blank = true;
    let mut fences = FenceState::default();
    let mut closes = LastCloseTags::default();
    while offset < text.len() {
        let line_end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let line = &text[offset..line_end];
        let trimmed = line.trim();
        let in_code = fences.next_line(line).is_code();
        let indent = line.len() - line.trim_start().len();
        if !in_code && prev_blank && indent < 4 && trimmed.starts_with('<') {
            if let Some(end) = lone_span_tag_end(text, offset + indent) {
                // CommonMark would open an HTML block (type 7) and swallow the next lines
                // raw; kramdown reads a paragraph. An inline marker keeps it a paragraph.
                let Some(marker) = stash_marker(stash.len()) else {
                    break;
                };
                stash.push(closed_tag(&text[offset + indent..end]));
                out.copy_to(offset + indent);
                out.replace_to(end, marker.encode_utf8(&mut [0; 4]));
                offset = line_end;
                prev_blank = false;
                continue;
            }
            if let Some(end) = html_block_end(text, offset + indent, &mut closes) {
                // Nested Markdown may stash too: take the marker after rendering.
                let html = render_markdown_attrs(&text[offset + indent..end], stash, render);
                let Some(marker) = stash_marker(stash.len()) else {
                    break;
                };
                // A trailing newline marks a block: alone in a paragraph, it replaces it.
                let html = escape_bare_ampersands(&html);
                stash.push(if html.ends_with('\n') {
                    html
                } else {
                    html + "\n"
                });
                out.copy_to(offset);
                out.replace_to(end, &block_marker(text, offset..end, marker));
                offset = end;
                prev_blank = true;
                continue;
            }
        }
        // A block attribute list line is a block of its own for kramdown: HTML may follow.
        let is_ial = trimmed.starts_with("{:") && trimmed.ends_with('}');
        prev_blank = trimmed.is_empty() || is_ial;
        offset = line_end;
    }
    out.finish(map)
}

/// Where the HTML block starting at `at` ends (after its end tag and the rest of that line),
/// or `None` when the line does not open an HTML block kramdown would read.
fn html_block_end(text: &str, at: usize, closes: &mut LastCloseTags) -> Option<usize> {
    let tag = parse_start_tag(text, at)?;
    if tag.empty
        || SPAN_ELEMENTS.contains(&tag.name.as_str())
        || !closes.any_after(text, &tag.name, tag.end)
    {
        return None;
    }
    let (_, close_end) = find_end_tag(text, tag.end, &tag.name)?;
    let rest = &text[close_end..];
    let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    rest[..line_end]
        .trim()
        .is_empty()
        .then_some(close_end + line_end)
}

/// The end of a span-level tag (`<a id="x"/>`, `<img ...>`, `</span>`) that is alone on its
/// line, the case where CommonMark and kramdown disagree.
fn lone_span_tag_end(text: &str, at: usize) -> Option<usize> {
    let end = match text[at..].strip_prefix("</") {
        Some(close) => at + 2 + close.find('>')? + 1,
        None => {
            let tag = parse_start_tag(text, at)?;
            SPAN_ELEMENTS
                .contains(&tag.name.as_str())
                .then_some(tag.end)?
        }
    };
    let name_ok = text[at..end]
        .trim_start_matches(['<', '/'])
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next();
    let is_span = name_ok.is_some_and(|n| SPAN_ELEMENTS.contains(&n.to_ascii_lowercase().as_str()));
    let rest = &text[end..];
    let line_rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
    (is_span && line_rest.trim().is_empty() && end - at >= 4).then_some(end)
}

/// `&` that does not start an entity, escaped as kramdown writes it back (`a&b` stays
/// text, where an HTML parser would read `&para` in `&param=1` as `¶`).
fn escape_bare_ampersands(html: &str) -> String {
    if !html.contains('&') {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(after.len());
        let is_entity = name_len > 0 && after[name_len..].starts_with(';');
        out.push_str(if is_entity { "&" } else { "&amp;" });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `<a id="x"/>` as browsers and kramdown read it: `<a id="x"></a>` (only void elements
/// close themselves).
fn closed_tag(tag: &str) -> String {
    match (tag.strip_suffix("/>"), parse_start_tag(tag, 0)) {
        (Some(open), Some(t)) if !super::html_tags::VOID_ELEMENTS.contains(&t.name.as_str()) => {
            format!("{}></{}>", open.trim_end(), t.name)
        }
        _ => tag.to_string(),
    }
}

/// `marker`, then the block's newlines: a paragraph holding only the marker, as many lines
/// as the block. A one-line block followed by text gets a blank line after it, which ends the
/// marker's paragraph where kramdown ends the HTML block.
fn block_marker(text: &str, block: std::ops::Range<usize>, marker: char) -> String {
    let mut out = String::with_capacity(8);
    out.push(marker);
    let newlines = text[block.clone()].matches('\n').count();
    out.push_str(&"\n".repeat(newlines));
    let next_line = text[block.end..].split('\n').next().unwrap_or("");
    if newlines == 1 && !next_line.trim().is_empty() {
        out.push('\n');
    }
    out
}

/// Renders the content of every `markdown="1"` element in `html`; the rest stays raw.
fn render_markdown_attrs(html: &str, stash: &mut Vec<String>, render: &mut RenderFn<'_>) -> String {
    if !html.contains("markdown") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    let mut copied = 0;
    while let Some(rel) = html[pos..].find('<') {
        let at = pos + rel;
        let Some(tag) = parse_start_tag(html, at) else {
            pos = at + 1;
            continue;
        };
        let mode = attr_value(tag.attrs, "markdown");
        let Some((close, _)) = mode
            .filter(|_| !tag.empty)
            .and_then(|_| find_end_tag(html, tag.end, &tag.name))
        else {
            pos = tag.end;
            continue;
        };
        let inner = &html[tag.end..close];
        let rendered = match mode {
            Some("0") => inner.to_string(),
            Some("span") => span_html(&render(inner, stash)),
            Some("block") => render(inner, stash),
            _ if SPAN_MODEL.contains(&tag.name.as_str()) => span_html(&render(inner, stash)),
            _ => render(inner, stash),
        };
        out.push_str(&html[copied..at]);
        out.push('<');
        out.push_str(&tag.name);
        out.push_str(&without_markdown_attr(tag.attrs));
        out.push('>');
        out.push_str(&rendered);
        copied = close;
        pos = close;
    }
    out.push_str(&html[copied..]);
    out
}

/// Span-level content: the rendered paragraphs without their `<p>` wrappers.
fn span_html(block: &str) -> String {
    let t = block.trim();
    let t = t
        .strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
        .unwrap_or(t);
    t.replace("</p>\n\n<p>", "\n\n")
}

/// A tag's attribute text without its `markdown` attribute.
fn without_markdown_attr(attrs: &str) -> String {
    let Some(i) = attrs.find("markdown") else {
        return attrs.to_string();
    };
    let after = attrs[i + "markdown".len()..].trim_start();
    let Some(value) = after.strip_prefix('=').map(str::trim_start) else {
        return attrs.to_string();
    };
    let value_len = match value.chars().next() {
        Some(q @ ('"' | '\'')) => value[1..].find(q).map_or(value.len(), |e| e + 2),
        _ => value.find(char::is_whitespace).unwrap_or(value.len()),
    };
    let end = attrs.len() - (value.len() - value_len);
    format!("{}{}", attrs[..i].trim_end(), &attrs[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(md: &str, _: &mut Vec<String>) -> String {
        format!("<p>{}</p>\n\n", md.trim().to_uppercase())
    }

    #[test]
    fn keeps_an_html_block_whole_across_blank_lines() {
        let mut stash = Vec::new();
        let src = "a\n\n<div>\n\n    not code\n\n</div>\n\nb\n";
        let mut map = SourceMap::default();
        let text = stash_html_blocks(src, &mut stash, &mut upper, &mut map);
        assert_eq!(stash, vec!["<div>\n\n    not code\n\n</div>\n".to_string()]);
        assert_eq!(text.lines().count(), src.lines().count());
        assert!(text.ends_with("\n\nb\n"));
        assert_eq!(map.source_offset(text.len() - 2), src.len() - 2);
    }

    #[test]
    fn renders_markdown_inside_markdown_1_elements() {
        let mut stash = Vec::new();
        stash_html_blocks(
            "<div class=\"x\" markdown=\"1\">\n**b**\n</div>\n",
            &mut stash,
            &mut upper,
            &mut SourceMap::default(),
        );
        assert_eq!(stash[0], "<div class=\"x\"><p>**B**</p>\n\n</div>\n");
    }

    #[test]
    fn renders_span_content_without_paragraphs() {
        let mut stash = Vec::new();
        stash_html_blocks(
            "<div>\n<p markdown=\"1\">x</p>\n</div>\n",
            &mut stash,
            &mut upper,
            &mut SourceMap::default(),
        );
        assert_eq!(stash[0], "<div>\n<p>X</p>\n</div>\n");
    }

    #[test]
    fn ends_a_one_line_block_before_the_text_under_it() {
        // kramdown: `<p>x</p>` and `<p>y</p>` are blocks, "after" a paragraph of its own.
        let mut stash = Vec::new();
        let src = "<p>x</p>\n<p>y</p>\nafter\n";
        let text = stash_html_blocks(src, &mut stash, &mut upper, &mut SourceMap::default());
        let m = |i| stash_marker(i).unwrap_or_default();
        assert_eq!(text, format!("{}\n\n{}\n\nafter\n", m(0), m(1)));
        assert_eq!(
            stash,
            vec!["<p>x</p>\n".to_string(), "<p>y</p>\n".to_string()]
        );
    }

    #[test]
    fn escapes_ampersands_that_start_no_entity() {
        assert_eq!(
            escape_bare_ampersands("a&para=1 &amp; &#38; &x"),
            "a&amp;para=1 &amp; &#38; &amp;x"
        );
    }

    #[test]
    fn keeps_a_lone_span_tag_in_a_paragraph() {
        let mut stash = Vec::new();
        let src = "<a id=\"x\"/>\n## Title\n";
        let mut map = SourceMap::default();
        let text = stash_html_blocks(src, &mut stash, &mut upper, &mut map);
        assert_eq!(stash, vec!["<a id=\"x\"></a>".to_string()]);
        assert!(text.ends_with("\n## Title\n"));
        assert_eq!(map.source_offset(text.len()), src.len());
    }

    #[test]
    fn leaves_span_elements_and_code_to_markdown() {
        let mut stash = Vec::new();
        let src = "<span>a</span>\n\n```\n<div>\n</div>\n```\n";
        assert_eq!(
            stash_html_blocks(src, &mut stash, &mut upper, &mut SourceMap::default()),
            src
        );
        assert!(stash.is_empty());
    }
}
