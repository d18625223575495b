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
//! | `$$` math, block or inline | [`math`](super::math) (this walk) | fence state and code spans of the input lines, raw HTML elements, blank lines around |
//! | `<<` `>>` guillemets | [`guillemets`](super::guillemets) (this walk) | fence state, code spans, quote markers at the line start |
//! | link destinations with spaces, breaks, `\` | [`link_destinations`](super::link_destinations) (this walk) | fence state, code spans, the next line (a destination broken once), definition block starts |
//! | `1)` list markers | [`paren_lists`](super::paren_lists) (this walk) | fence state, line start |
//! | table rows: piped code spans, missing and short delimiter rows | [`tables`](super::tables) (this walk) | fence state, code spans, blank line before, in a table, the previous and next line |
//! | block IAL lines blanked, recorded | [`ial`](super::ial) (this walk) | fence state, blank lines before and after |
//!
//! Extensions and HTML blocks take raw regions out of the text (spans crossing lines, HTML
//! blocks rendered apart, `markdown="1"` content included) and run first, each over the text
//! the one before left, their maps composed with this walk's in [`super::rewrite_source`].
//! In this walk, math is taken first on each line, reading the input line (its fences and
//! code spans, as it did when it ran before everything else); the other rules read each line
//! as the passes they replace did: math blanked (its first byte standing for its marker, in
//! the same number of bytes, so that every offset is the input's; a fence inside math is no
//! fence for them), guillemets written, and a table row's piped code spans stashed. A line
//! that inline math or a link destination broken over a line break joins to the line above is
//! no line of its own for the line rules, as it was not for the passes after that one.
//!
//! Inline-level differences (strong runs, span IALs, typography, heading ids) are not text
//! rewrites: they are iterator adapters over pulldown-cmark's events ([`super::render_markdown`]).

use std::borrow::Cow;
use std::ops::Range;

use super::blocks::{FenceState, LineKind};
use super::ial::{BlockIal, IalRule};
use super::link_destinations::DestinationRule;
use super::math::{blank_math, code_spans, range_holding, MathRule};
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
    /// Inline math broken over the line break joins the line to the one above.
    joined: bool,
}

/// The walk's lines, as the line rules read them: math taken out first (its own rule reads the
/// input lines, with their own fences and code spans, as it did before anything else).
struct Walk<'t> {
    /// The walk's input.
    text: &'t str,
    /// Where the next line starts.
    at: usize,
    /// Fences of the input lines, for the math rule.
    input_fences: FenceState,
    /// Fences of the lines with math taken out, for the other rules.
    fences: FenceState,
    /// The math rule.
    math: MathRule,
}

impl<'t> Walk<'t> {
    /// The next line, its math taken (stashed, its replacement in `edits`).
    fn next(&mut self, stash: &mut Vec<String>, edits: &mut Edits) -> Option<ScanLine<'t>> {
        let text = self.text;
        if self.at >= text.len() {
            return None;
        }
        let start = self.at;
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        self.at = end;
        let input = &text[start..end];
        let input_kind = self.input_fences.next_line(input);
        let taken = if input.contains("$$") || self.math.pending() {
            let spans = if input_kind.is_code() || !input.contains('`') {
                Vec::new()
            } else {
                code_spans(input, start)
            };
            self.math
                .line(text, start..end, input_kind, &spans, stash, edits)
        } else {
            &[]
        };
        let joined = taken.iter().any(|t| !t.block && t.range.start < start);
        let view = blank_math(input, start, taken);
        let kind = self.fences.next_line(&view);
        Some(ScanLine::new(start, view, kind, joined))
    }
}

impl<'t> ScanLine<'t> {
    /// The line as the rules read it (`view`, as long as the input line at `start`), of fence
    /// kind `kind`: its code spans found, its guillemets written.
    fn new(start: usize, view: Cow<'t, str>, kind: LineKind, joined: bool) -> Self {
        let code_spans = if kind.is_code() || !view.contains('`') {
            Vec::new()
        } else {
            code_spans(&view, start)
        };
        let view = if kind.is_code() {
            view
        } else {
            match view {
                Cow::Borrowed(v) => guillemets::write_guillemets(v, start, &code_spans),
                Cow::Owned(v) => {
                    Cow::Owned(guillemets::write_guillemets(&v, start, &code_spans).into_owned())
                }
            }
        };
        ScanLine {
            start,
            view,
            kind,
            code_spans,
            joined,
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
    let mut walk = Walk {
        text,
        at: 0,
        input_fences: FenceState::default(),
        fences: FenceState::default(),
        math: MathRule::default(),
    };
    let mut current = walk.next(stash, &mut edits);
    while let Some(line) = current {
        let next_line = walk.next(stash, &mut edits);
        let next = next_line.as_ref();
        edits.apply_until(&mut out, line.start);
        let joined = line.joined || dests.joins(line.start);
        if !line.is_code() {
            guillemets::emit(&line, text, &mut edits);
        }
        dests.line(&line, next, &mut edits);
        if joined {
            current = next_line;
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
        current = next_line;
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
