//! kramdown's math (`parser/kramdown/math.rb`, MathJax engine): `$$...$$` alone between blank
//! lines is a block written `\[...\]`, anywhere else it is inline `\(...\)`; either way the
//! content is not Markdown (`_` and `\` stay as written). Each is stashed before parsing and
//! replaced by a marker (a block's marker keeps its newlines), recorded in the pass's
//! [`SourceMap`].

use std::borrow::Cow;

use super::blocks::{scan_lines, LineKind};
use super::html_tags::raw_html_ranges;
use super::writer::escape_attr;
use crate::render::liquid::output::stash_marker;
use crate::render::source_map::{Rewriter, SourceMap};

/// Replaces every `$$...$$` outside code with a stash marker holding its HTML.
pub(crate) fn stash_math<'t>(
    text: &'t str,
    stash: &mut Vec<String>,
    map: &mut SourceMap,
) -> Cow<'t, str> {
    if !text.contains("$$") {
        return Cow::Borrowed(text);
    }
    let mut code = code_ranges(text);
    code.extend(raw_html_ranges(text));
    code.sort_by_key(|r| r.start);
    let mut out = Rewriter::new(text);
    let mut pos = 0;
    while let Some(rel) = text[pos..].find("$$") {
        let open = pos + rel;
        if let Some(r) = range_holding(&code, open) {
            pos = r.end.max(open + 2).min(text.len());
            continue;
        }
        let Some(close_rel) = text[open + 2..].find("$$") else {
            break;
        };
        let close = open + 2 + close_rel;
        let end = close + 2;
        let Some(marker) = stash_marker(stash.len()) else {
            break;
        };
        let value = text[open + 2..close].trim();
        let block = starts_block(text, open) && ends_block(text, end);
        stash.push(if block {
            format!("\\[{}\\]\n", escape_attr(value))
        } else {
            format!("\\({}\\)", escape_attr(value))
        });
        let newlines = if block {
            text[open..end].matches('\n').count()
        } else {
            0
        };
        out.copy_to(open);
        out.replace_to(end, &format!("{marker}{}", "\n".repeat(newlines)));
        pos = end;
    }
    out.finish(map)
}

/// `$$` at a line start (up to 3 spaces) after a blank line or the start of the text.
fn starts_block(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..at].chars().all(|c| c == ' ') || at - line_start > 3 {
        return false;
    }
    let before = text[..line_start].trim_end_matches(['\n', '\r']);
    let prev_line = before.rsplit('\n').next().unwrap_or("");
    line_start == 0
        || before.is_empty()
        || prev_line.trim().is_empty()
        || text[..line_start].ends_with("\n\n")
}

/// Only spaces after `at` on its line, then a blank line or the end.
fn ends_block(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    if !rest[..line_end].trim().is_empty() {
        return false;
    }
    let next = rest.get(line_end + 1..).unwrap_or("");
    next.split('\n').next().is_none_or(|l| l.trim().is_empty())
}

/// The range of `sorted` (by start; nested ranges allowed) that holds `at`, found by binary
/// search so that checking every `$$` or `](` stays cheap on long posts.
pub(crate) fn range_holding(
    sorted: &[std::ops::Range<usize>],
    at: usize,
) -> Option<&std::ops::Range<usize>> {
    let i = sorted.partition_point(|r| r.start <= at);
    sorted[..i].iter().rev().take(8).find(|r| r.contains(&at))
}

/// Byte ranges of fenced code blocks and inline code spans, where `$$` is literal.
pub(crate) fn code_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut open_at = None;
    for line in scan_lines(text) {
        let end = line.start + line.text.len();
        match line.kind {
            LineKind::FenceOpen(_) => open_at = Some(line.start),
            LineKind::FenceClose => ranges.extend(open_at.take().map(|s| s..end)),
            LineKind::Code => {}
            LineKind::Text => ranges.extend(code_spans(line.text, line.start)),
        }
    }
    if let Some(start) = open_at {
        ranges.push(start..text.len());
    }
    ranges
}

/// Inline code spans (matching backtick runs) on one line.
pub(crate) fn code_spans(line: &str, offset: usize) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let ticks = &line[i..i + run];
        match line[i + run..].find(ticks) {
            Some(rel) => {
                spans.push(offset + i..offset + i + run + rel + run);
                i += run + rel + run;
            }
            None => i += run,
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_block_math_between_blank_lines() {
        let mut stash = Vec::new();
        let mut map = SourceMap::default();
        let src = "a\n\n$$\nx_1 < y\n$$\n\nb";
        let text = stash_math(src, &mut stash, &mut map);
        assert_eq!(stash, vec!["\\[x_1 &lt; y\\]\n".to_string()]);
        assert_eq!(text.lines().count(), src.lines().count());
        assert_eq!(map.source_offset(text.len() - 1), src.len() - 1);
    }

    #[test]
    fn writes_inline_math_inside_text() {
        let mut stash = Vec::new();
        let text = stash_math("so $$a_b$$ holds", &mut stash, &mut SourceMap::default());
        assert_eq!(stash, vec!["\\(a_b\\)".to_string()]);
        assert!(!text.contains("$$"));
    }

    #[test]
    fn leaves_math_inside_raw_html_alone() {
        let mut stash = Vec::new();
        stash_math(
            "text\n<div>\n$$x$$\n</div>\n",
            &mut stash,
            &mut SourceMap::default(),
        );
        assert!(stash.is_empty());
    }

    #[test]
    fn leaves_math_signs_in_code_alone() {
        let mut stash = Vec::new();
        let text = stash_math(
            "`$$x$$` and\n```\n$$y$$\n```\n",
            &mut stash,
            &mut SourceMap::default(),
        );
        assert!(stash.is_empty());
        assert_eq!(text, "`$$x$$` and\n```\n$$y$$\n```\n");
    }
}
