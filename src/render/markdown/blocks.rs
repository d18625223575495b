//! The one rule for fenced code: which lines of a text open, hold or close a fenced code
//! block, where Markdown syntax (tables, IALs, HTML blocks, math, `1)` markers, links) is
//! literal. Every text pass asks [`scan_lines`] (or [`fence_marker`] and [`Fence::closed_by`]
//! for a single line) instead of detecting fences itself, so that they all agree on the traps:
//! a ```` ``` ```` line inside a `~~~` fence is code, a fence closes only with the same
//! character, at least as long, and nothing after it; an unclosed fence runs to the end.
//!
//! Fences are found after any indentation (a fence inside a list item is indented by the
//! item's content), as every pass did before; the block structure around them (lists,
//! quotes) is pulldown-cmark's business.

/// An opening code fence: its character and run length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fence {
    /// `` ` `` or `~`.
    pub marker: char,
    /// How many of them (at least 3).
    pub len: usize,
}

impl Fence {
    /// Whether `line` closes this fence: the same character, at least as many, and nothing
    /// but white space after (CommonMark 4.5).
    pub fn closed_by(self, line: &str) -> bool {
        let t = line.trim();
        let run = t.chars().take_while(|c| *c == self.marker).count();
        run >= self.len && run == t.chars().count()
    }
}

/// The fence `line` opens, if it opens one: after its indentation, three or more backticks
/// or tildes; a backtick fence's info string may not hold a backtick (```` ```a``` ```` is an
/// inline code span). Public in the crate: the preview's segmenter splits posts with it.
pub(crate) fn fence_marker(line: &str) -> Option<Fence> {
    let t = line.trim();
    let marker = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = t.chars().take_while(|c| *c == marker).count();
    let info_ok = marker == '~' || !t[len..].contains('`');
    (len >= 3 && info_ok).then_some(Fence { marker, len })
}

/// Where a line stands with respect to fenced code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Outside fenced code.
    Text,
    /// The line opening a fence.
    FenceOpen(Fence),
    /// A line inside a fence.
    Code,
    /// The line closing a fence.
    FenceClose,
}

impl LineKind {
    /// Whether the line belongs to a fenced code block (its fences included).
    pub fn is_code(self) -> bool {
        self != LineKind::Text
    }
}

/// One line of a text (newline included) with its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line<'t> {
    /// Byte offset of the line's start.
    pub start: usize,
    /// The line, with its newline.
    pub text: &'t str,
    /// Fenced code or not.
    pub kind: LineKind,
}

/// Tracks fences line by line: for passes that walk lines themselves.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FenceState {
    open: Option<Fence>,
}

impl FenceState {
    /// Classifies the next line and moves past it.
    pub fn next_line(&mut self, line: &str) -> LineKind {
        match self.open {
            Some(f) if f.closed_by(line) => {
                self.open = None;
                LineKind::FenceClose
            }
            Some(_) => LineKind::Code,
            None => match fence_marker(line) {
                Some(f) => {
                    self.open = Some(f);
                    LineKind::FenceOpen(f)
                }
                None => LineKind::Text,
            },
        }
    }
}

/// Every line of `text` with its kind.
pub(crate) fn scan_lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut state = FenceState::default();
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let l = Line {
            start,
            text: line,
            kind: state.next_line(line),
        };
        start += line.len();
        l
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<bool> {
        scan_lines(text).map(|l| l.kind.is_code()).collect()
    }

    #[test]
    fn a_backtick_line_inside_a_tilde_fence_is_code() {
        assert_eq!(
            kinds("~~~\n```\nx\n~~~\nafter\n"),
            [true, true, true, true, false]
        );
    }

    #[test]
    fn a_longer_closing_fence_closes_a_shorter_one_not_the_reverse() {
        assert_eq!(kinds("```\nx\n`````\nafter\n"), [true, true, true, false]);
        assert_eq!(
            kinds("````\n```\nx\n````\nafter\n"),
            [true, true, true, true, false]
        );
    }

    #[test]
    fn a_fence_with_an_info_string_does_not_close() {
        assert_eq!(kinds("```\n```ruby\n```\nx\n"), [true, true, true, false]);
    }

    #[test]
    fn finds_indented_fences_in_list_items() {
        assert_eq!(
            kinds("- item\n\n    ```\n    a | b\n    ```\n- next\n"),
            [false, false, true, true, true, false]
        );
    }

    #[test]
    fn an_unclosed_fence_runs_to_the_end() {
        assert_eq!(kinds("a\n```\nb\nc"), [false, true, true, true]);
    }

    #[test]
    fn inline_code_with_three_backticks_is_no_fence() {
        assert_eq!(fence_marker("```a```"), None);
        assert_eq!(
            fence_marker("~~~ a`b"),
            Some(Fence {
                marker: '~',
                len: 3
            })
        );
        assert_eq!(fence_marker("``"), None);
    }
}
