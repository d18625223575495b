//! kramdown's math (`parser/kramdown/math.rb`, MathJax engine): `$$...$$` alone between blank
//! lines is a block written `\[...\]`, anywhere else it is inline `\(...\)`; either way the
//! content is not Markdown (`_` and `\` stay as written). Each is stashed before parsing and
//! replaced by a marker (a block's marker keeps its newlines), recorded in the pass's
//! [`SourceMap`].

use std::ops::Range;

use super::blocks::LineKind;
use super::html_tags::raw_html_ranges;
use super::prescan::Edits;
use super::writer::escape_attr;
use crate::render::liquid::output::stash_marker;

/// The math rule of the pre-scan ([`super::prescan`]), line by line over its input: finds
/// each `$$...$$` outside fenced code, code spans and raw HTML elements, stashes its HTML and
/// replaces it by the stash marker (a block's marker keeps its newlines).
#[derive(Debug, Default)]
pub(crate) struct MathRule {
    /// Where the search for the next `$$` goes on (past code and taken math).
    pos: usize,
    /// No `$$` is looked for any more (one was never closed, or the stash is full).
    done: bool,
    /// Raw HTML elements' content, where `$$` is literal (found once, when the text has math).
    raw_html: Option<Vec<Range<usize>>>,
    /// The math spans taken, in order, that the lines not read yet still overlap.
    taken: Vec<Taken>,
}

/// One `$$...$$` taken out.
#[derive(Debug, Clone)]
pub(crate) struct Taken {
    /// Its range in the input.
    pub range: Range<usize>,
    /// Block math (its marker keeps the newlines; inline math joins its lines into one).
    pub block: bool,
}

impl MathRule {
    /// Whether math taken on a line above runs on below it.
    pub fn pending(&self) -> bool {
        !self.taken.is_empty()
    }

    /// Takes the math starting on the input line `line` of `text` (of fence kind `kind`, code
    /// spans `spans`), emitting its replacements; returns the math spans overlapping the line.
    pub fn line(
        &mut self,
        text: &str,
        line: Range<usize>,
        kind: LineKind,
        spans: &[Range<usize>],
        stash: &mut Vec<String>,
        edits: &mut Edits,
    ) -> &[Taken] {
        self.taken.retain(|t| t.range.end > line.start);
        let has_math = text[line.clone()].contains("$$");
        if has_math && !self.done && !kind.is_code() {
            self.take(text, line, spans, stash, edits);
        }
        // Every span taken so far starts on this line or above.
        &self.taken
    }

    /// Takes every `$$...$$` opening in `line`.
    fn take(
        &mut self,
        text: &str,
        line: Range<usize>,
        spans: &[Range<usize>],
        stash: &mut Vec<String>,
        edits: &mut Edits,
    ) {
        let mut pos = self.pos.max(line.start);
        while pos < line.end {
            let Some(rel) = text[pos..line.end].find("$$") else {
                break;
            };
            let open = pos + rel;
            let raw = self.raw_html.get_or_insert_with(|| raw_html_ranges(text));
            // The innermost code span or raw element holding the `$$`: math resumes after it.
            let code = [range_holding(spans, open), range_holding(raw, open)]
                .into_iter()
                .flatten()
                .max_by_key(|r| r.start);
            if let Some(r) = code {
                pos = r.end.max(open + 2).min(text.len());
                continue;
            }
            let (Some(close_rel), Some(marker)) =
                (text[open + 2..].find("$$"), stash_marker(stash.len()))
            else {
                self.done = true;
                break;
            };
            let close = open + 2 + close_rel;
            let end = close + 2;
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
            edits.replace(open..end, format!("{marker}{}", "\n".repeat(newlines)));
            self.taken.push(Taken {
                range: open..end,
                block,
            });
            pos = end;
        }
        self.pos = pos;
    }
}

/// `line` (at input offset `start`) as the rules after math read it, in the same number of
/// bytes: each math span's first byte is `M` (for its marker), the rest blanked, newlines
/// kept.
pub(crate) fn blank_math<'t>(
    line: &'t str,
    start: usize,
    taken: &[Taken],
) -> std::borrow::Cow<'t, str> {
    if taken.is_empty() {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut bytes = line.as_bytes().to_vec();
    for t in taken {
        let from = t.range.start.max(start) - start;
        let to = (t.range.end - start).min(bytes.len());
        for (i, b) in bytes.iter_mut().enumerate().take(to).skip(from) {
            if *b != b'\n' {
                *b = if start + i == t.range.start {
                    b'M'
                } else {
                    b' '
                };
            }
        }
    }
    // Whole characters were replaced by ASCII bytes: the line is still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| line.to_string()))
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
    use crate::render::markdown::prescan::prescan;

    /// The pre-scan's text, its map back, and the stash.
    fn take(src: &str) -> (String, crate::render::source_map::SourceMap, Vec<String>) {
        let mut stash = Vec::new();
        let p = prescan(src, &mut stash);
        (p.text.into_owned(), p.map, stash)
    }

    #[test]
    fn writes_block_math_between_blank_lines() {
        let src = "a\n\n$$\nx_1 < y\n$$\n\nb";
        let (text, map, stash) = take(src);
        assert_eq!(stash, vec!["\\[x_1 &lt; y\\]\n".to_string()]);
        assert_eq!(text.lines().count(), src.lines().count());
        assert_eq!(map.source_offset(text.len() - 1), src.len() - 1);
    }

    #[test]
    fn writes_inline_math_inside_text() {
        let (text, _, stash) = take("so $$a_b$$ holds");
        assert_eq!(stash, vec!["\\(a_b\\)".to_string()]);
        assert!(!text.contains("$$"));
    }

    #[test]
    fn leaves_math_inside_raw_html_alone() {
        let (_, _, stash) = take("text\n<div>\n$$x$$\n</div>\n");
        assert!(stash.is_empty());
    }

    #[test]
    fn leaves_math_signs_in_code_alone() {
        let src = "`$$x$$` and\n```\n$$y$$\n```\n";
        let (text, _, stash) = take(src);
        assert!(stash.is_empty());
        assert_eq!(text, src);
    }

    #[test]
    fn the_rules_after_math_read_its_lines_without_it() {
        // A fence and a table row inside math are no fence and no row for the other rules.
        let src = "$$\n```\n$$\n1) a | b\n";
        let (text, _, stash) = take(src);
        assert_eq!(stash.len(), 1);
        assert!(text.ends_with("\n1\\) a | b\n"), "{text:?}");
        let (text, _, _) = take("x $$|a|$$ y\n");
        assert_eq!(text.lines().count(), 1);
    }
}
