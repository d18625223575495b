//! kramdown knows `1.` ordered lists only; CommonMark also reads `1)` as a list marker. A
//! line starting with `1)` is text for kramdown, so the pre-scan ([`super::prescan`]) escapes
//! the parenthesis (`1\)`) on lines outside fenced code; the inserted byte is in its map.

use super::prescan::{Edits, ScanLine};

/// Emits the escape of an `N)` list marker starting the line (indented less than 4 spaces).
pub(crate) fn emit(line: &ScanLine<'_>, edits: &mut Edits) {
    let text = &line.view;
    let indent = text.len() - text.trim_start_matches(' ').len();
    let rest = &text[indent..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let is_marker = (1..=9).contains(&digits)
        && rest[digits..].starts_with(')')
        && rest[digits + 1..].starts_with([' ', '\t', '\n', '\r']);
    if is_marker && indent < 4 {
        edits.insert(line.start + indent + digits, "\\");
    }
}

#[cfg(test)]
mod tests {
    use crate::render::markdown::prescan::prescan;
    use crate::render::source_map::SourceMap;

    #[test]
    fn escapes_paren_markers_and_records_the_shift() {
        let src = "Intro\n1) one\n2) two\n";
        let out = prescan(src, &mut Vec::new());
        assert_eq!(out.text, "Intro\n1\\) one\n2\\) two\n");
        assert_eq!(out.map.source_offset(out.text.len()), src.len());
    }

    #[test]
    fn leaves_dot_lists_and_code_alone() {
        let src = "1. one\n```\n1) code\n```\n";
        let out = prescan(src, &mut Vec::new());
        assert_eq!(out.text, src);
        assert_eq!(out.map, SourceMap::default());
    }

    #[test]
    fn leaves_markers_in_a_fence_closed_only_by_a_longer_run_alone() {
        let src = "````\n```\n1) code\n````\n";
        assert_eq!(prescan(src, &mut Vec::new()).text, src);
    }
}
