//! kramdown knows `1.` ordered lists only; CommonMark also reads `1)` as a list marker. A
//! line starting with `1)` is text for kramdown, so the parenthesis is escaped (`1\)`) before
//! parsing; the inserted byte is recorded in the pass's [`SourceMap`].

use std::borrow::Cow;

use super::blocks::FenceState;
use crate::render::source_map::{Rewriter, SourceMap};

/// Escapes `N)` list markers at the start of lines outside fenced code.
pub(crate) fn escape_paren_markers<'t>(text: &'t str, map: &mut SourceMap) -> Cow<'t, str> {
    if !text.contains(')') {
        return Cow::Borrowed(text);
    }
    let mut out = Rewriter::new(text);
    let mut fences = FenceState::default();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let fence = fences.next_line(line).is_code();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let is_marker = (1..=9).contains(&digits)
            && rest[digits..].starts_with(')')
            && rest[digits + 1..].starts_with([' ', '\t', '\n', '\r']);
        if is_marker && !fence && indent < 4 {
            out.copy_to(offset + indent + digits);
            out.insert("\\");
        }
        offset += line.len();
    }
    out.finish(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_paren_markers_and_records_the_shift() {
        let mut map = SourceMap::default();
        let out = escape_paren_markers("Intro\n1) one\n2) two\n", &mut map);
        assert_eq!(out, "Intro\n1\\) one\n2\\) two\n");
        assert_eq!(
            map.source_offset(out.len()),
            "Intro\n1) one\n2) two\n".len()
        );
    }

    #[test]
    fn leaves_dot_lists_and_code_alone() {
        let mut map = SourceMap::default();
        let src = "1. one\n```\n1) code\n```\n";
        assert_eq!(escape_paren_markers(src, &mut map), src);
        assert_eq!(map, SourceMap::default());
    }

    #[test]
    fn leaves_markers_in_a_fence_closed_only_by_a_longer_run_alone() {
        let src = "````\n```\n1) code\n````\n";
        assert_eq!(escape_paren_markers(src, &mut SourceMap::default()), src);
    }
}
