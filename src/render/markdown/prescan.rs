//! The one pre-scan of the Markdown text: where kramdown reads the *source* otherwise than
//! CommonMark, the text is rewritten before pulldown-cmark parses it, in one walk over its
//! lines that classifies each line once (fenced code by [`blocks`](super::blocks)' one rule,
//! code spans, guillemets) and lets every rule emit its edits into one [`Edits`] list, applied
//! in order by one [`Rewriter`]: one text, one [`SourceMap`] step back to the walk's input.
//!
//! The passes between Liquid and pulldown-cmark, and what each needs to know:
//!
//! | rule | home | needs |
//! |---|---|---|
//! | `{::comment}`, `{::nomarkdown}`, `{::options /}` | [`extensions`](super::extensions) | nothing: spans anywhere (fenced code included, as kramdown's own pre-pass) |
//! | HTML blocks to their end tag, `markdown="1"` | [`html_blocks`](super::html_blocks) | fence state, blank line before (IAL lines count as blank), the end tags after |
//! | `$$` math, block or inline | [`math`](super::math) | fence state and code spans, raw HTML elements, blank lines around |
//! | `<<` `>>` guillemets | [`guillemets`](super::guillemets) (this walk) | fence state, code spans, quote markers at the line start |
//! | link destinations with spaces, breaks, `\` | [`link_destinations`](super::link_destinations) (this walk) | fence state, code spans, the next line (a destination broken once), definition block starts |
//! | `1)` list markers | [`paren_lists`](super::paren_lists) (this walk) | fence state, line start |
//! | table rows: piped code spans, missing and short delimiter rows | [`tables`](super::tables) (this walk) | fence state, code spans, blank line before, in a table, the previous and next line |
//! | block IAL lines blanked, recorded | [`ial`](super::ial) (this walk) | fence state, blank lines before and after |
//!
//! The first three take raw regions out of the text (spans crossing lines, rendered apart and
//! stashed), and so run first, each over the text the previous one left, with maps composed
//! in [`super::rewrite_source`]; this walk runs over what they leave. Its rules see each line
//! as the passes they replace did: after guillemets (which keep the length, so every offset is
//! the input's), and after a table row's piped code spans were stashed. A line that a link
//! destination broken over a line break joins to the line above (its newline written `&#10;`)
//! is no line of its own for the line rules, as it was not for the passes after that one.
//!
//! Inline-level differences (strong runs, span IALs, typography, heading ids) are not text
//! rewrites: they are iterator adapters over pulldown-cmark's events ([`super::render_markdown`]).

use std::borrow::Cow;
use std::ops::Range;

use super::blocks::{scan_lines, LineKind};
use super::ial::{BlockIal, IalRule};
use super::link_destinations::DestinationRule;
use super::math::{code_spans, range_holding};
use super::tables::TableRule;
use super::{guillemets, paren_lists};
use crate::render::source_map::{Rewriter, SourceMap};

/// One line of the walk, classified once for every rule.
#[derive(Debug)]
pub(crate) struct ScanLine<'t> {
    /// Byte offset of the line in the input.
    pub start: usize,
    /// The line as the rules read it: the input's, guillemets written (same length), newline
    /// included.
    pub view: Cow<'t, str>,
    /// Fenced code or not.
    pub kind: LineKind,
    /// Inline code spans on the line (absolute input offsets, in order; none on fenced
    /// lines).
    pub code_spans: Vec<Range<usize>>,
}

impl<'t> ScanLine<'t> {
    /// Classifies `text` (a line of the input at `start`, of fence kind `kind`).
    fn new(start: usize, text: &'t str, kind: LineKind) -> Self {
        let code_spans = if kind.is_code() || !text.contains('`') {
            Vec::new()
        } else {
            code_spans(text, start)
        };
        let view = if kind.is_code() {
            Cow::Borrowed(text)
        } else {
            guillemets::write_guillemets(text, start, &code_spans)
        };
        ScanLine {
            start,
            view,
            kind,
            code_spans,
        }
    }

    /// The line without its line ending.
    pub fn body(&self) -> &str {
        self.view.trim_end_matches(['\n', '\r'])
    }

    /// Offset just after the line (its newline included).
    pub fn end(&self) -> usize {
        self.start + self.view.len()
    }

    /// Whether the line is fenced code (its fences included).
    pub fn is_code(&self) -> bool {
        self.kind.is_code()
    }

    /// Whether absolute offset `at` is inside one of the line's code spans.
    pub fn in_code_span(&self, at: usize) -> bool {
        range_holding(&self.code_spans, at).is_some()
    }
}

/// What one edit does to its input range.
#[derive(Debug)]
enum Op {
    /// Replaced (or, for an empty range, inserted) text: maps to the range's start.
    Replace(String),
    /// Text exactly as long as the range: offsets inside map one to one.
    Overwrite(String),
    /// Every byte but newlines becomes a space.
    Blank,
}

/// The edits the rules emit, in input offsets, applied in order of position (an insertion
/// before an edit starting at the same offset); an edit starting inside one applied before it
/// is dropped (the first rule to claim text wins).
#[derive(Debug, Default)]
pub(crate) struct Edits {
    list: Vec<(Range<usize>, Op)>,
}

impl Edits {
    /// Inserts `text` before input offset `at`.
    pub fn insert(&mut self, at: usize, text: impl Into<String>) {
        self.list.push((at..at, Op::Replace(text.into())));
    }

    /// Replaces the input `range` by `text`.
    pub fn replace(&mut self, range: Range<usize>, text: impl Into<String>) {
        self.list.push((range, Op::Replace(text.into())));
    }

    /// Writes `text`, as long as `range`, in its place.
    pub fn overwrite(&mut self, range: Range<usize>, text: impl Into<String>) {
        self.list.push((range, Op::Overwrite(text.into())));
    }

    /// Blanks the input `range`, newlines kept.
    pub fn blank(&mut self, range: Range<usize>) {
        self.list.push((range, Op::Blank));
    }

    /// Applies, in order, the edits starting at or before `upto`.
    fn apply_until(&mut self, out: &mut Rewriter<'_>, upto: usize) {
        if self.list.is_empty() {
            return;
        }
        // Stable: edits at the same place keep the order the rules emitted them in.
        self.list.sort_by_key(|(r, _)| (r.start, r.end));
        let ready = self.list.partition_point(|(r, _)| r.start <= upto);
        for (range, op) in self.list.drain(..ready) {
            if range.start < out.copied() {
                continue;
            }
            out.copy_to(range.start);
            match op {
                Op::Replace(text) => out.replace_to(range.end, &text),
                Op::Overwrite(text) => out.overwrite_to(range.end, &text),
                Op::Blank => out.blank_to(range.end),
            }
        }
    }
}

/// The text after the walk, with what it recorded.
pub(crate) struct Prescanned<'t> {
    /// The text pulldown-cmark parses.
    pub text: Cow<'t, str>,
    /// From `text` back to the walk's input.
    pub map: SourceMap,
    /// Block attribute lists, their lines blanked in `text` (offsets of `text`).
    pub block_ials: Vec<BlockIal>,
}

/// Runs the line rules over `text` in one walk. Finished HTML some of them make (a table
/// cell's code span holding `|`) goes to `stash`, referenced by a marker.
pub(crate) fn prescan<'t>(text: &'t str, stash: &mut Vec<String>) -> Prescanned<'t> {
    let mut out = Rewriter::new(text);
    let mut edits = Edits::default();
    let mut dests = DestinationRule::default();
    let mut tables = TableRule::default();
    let mut ials = IalRule::default();
    let mut block_ials = Vec::new();
    let mut lines = scan_lines(text)
        .map(|l| ScanLine::new(l.start, l.text, l.kind))
        .peekable();
    while let Some(line) = lines.next() {
        let next = lines.peek();
        edits.apply_until(&mut out, line.start);
        let joined = dests.joins(line.start);
        if !line.is_code() {
            guillemets::emit(&line, text, &mut edits);
        }
        dests.line(&line, next, &mut edits);
        if joined {
            continue;
        }
        if !line.is_code() {
            paren_lists::emit(&line, &mut edits);
        }
        // A destination running on over the line break joins the next line to this one: the
        // table rule reads both as one line, as the passes after that one did.
        let joins_next = next.filter(|_| dests.joins(line.end()));
        tables.line(&line, next, joins_next, stash, &mut edits);
        if let Some(found) = ials.line(&line, next) {
            // The IAL's line is blanked whole, before any other edit on it.
            out.copy_to(line.start);
            let at = out.written();
            block_ials.extend(found.at(at, line.view.len()));
            edits.blank(line.start..line.start + line.body().len());
        }
    }
    edits.apply_until(&mut out, usize::MAX);
    let mut map = SourceMap::default();
    let text = out.finish(&mut map);
    Prescanned {
        text,
        map,
        block_ials,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(src: &str) -> (String, SourceMap) {
        let p = prescan(src, &mut Vec::new());
        (p.text.into_owned(), p.map)
    }

    #[test]
    fn applies_every_rule_in_one_walk_with_one_map() {
        let src = "1) «x» <<y>>\n[a](/my page)\n\na | b\nc | d\n{: .t}\n";
        let (out, map) = rewrite(src);
        assert_eq!(
            out,
            "1\\) «x» \u{AB}y\u{BB}\n[a](</my page>)\n\na | b\n-|-\nc | d\n      \n"
        );
        assert_eq!(map.source_offset(out.len()), src.len());
        // The table row's insertion maps to where it was inserted, the rest one to one.
        let row = out.find("-|-").unwrap_or(0);
        assert_eq!(map.source_offset(row), src.find("c | d").unwrap_or(0));
    }

    #[test]
    fn a_line_joined_by_a_broken_destination_is_no_line_start() {
        let src = "[a](/x\n1) y)\n";
        let (out, _) = rewrite(src);
        assert_eq!(out, "[a](</x&#10;1>) y)\n");
    }

    #[test]
    fn inserts_a_delimiter_row_after_a_line_a_destination_joined() {
        let src = "a | [b](/x\ny z) | c\n";
        let (out, _) = rewrite(src);
        assert_eq!(out, "a | [b](</x&#10;y z>) | c\n-|-|-\n");
    }

    #[test]
    fn records_block_ials_at_offsets_of_the_rewritten_text() {
        let src = "1) a\n{: .x}\n";
        let p = prescan(src, &mut Vec::new());
        assert_eq!(p.text, "1\\) a\n      \n");
        assert_eq!(p.block_ials.len(), 1);
        assert_eq!(p.block_ials[0].after, Some(6));
        assert_eq!(p.block_ials[0].line_end, 13);
    }

    #[test]
    fn leaves_fenced_code_alone() {
        let src = "~~~\n```\n1) x | y <<z>>\n[a]: /b c\n{: .x}\n~~~\n";
        assert_eq!(rewrite(src).0, src);
    }
}
