//! kramdown knows `1.` ordered lists only; CommonMark also reads `1)` as a list marker. A
//! line starting with `1)` is text for kramdown, so the parenthesis is escaped (`1\)`) before
//! parsing; the inserted byte is recorded in [`Shifts`].

use std::borrow::Cow;

use super::blocks::FenceState;
use super::shifts::Shifts;

/// Escapes `N)` list markers at the start of lines outside fenced code.
pub(crate) fn escape_paren_markers<'t>(text: &'t str, shifts: &mut Shifts) -> Cow<'t, str> {
    if !text.contains(')') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    let mut fences = FenceState::default();
    for line in text.split_inclusive('\n') {
        let fence = fences.next_line(line).is_code();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let is_marker = (1..=9).contains(&digits)
            && rest[digits..].starts_with(')')
            && rest[digits + 1..].starts_with([' ', '\t', '\n', '\r']);
        if is_marker && !fence && indent < 4 {
            let split = indent + digits;
            shifts.record(out.len() + split, 1);
            out.push_str(&line[..split]);
            out.push('\\');
            out.push_str(&line[split..]);
            changed = true;
        } else {
            out.push_str(line);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_paren_markers_and_records_the_shift() {
        let mut shifts = Shifts::default();
        let out = escape_paren_markers("Intro\n1) one\n2) two\n", &mut shifts);
        assert_eq!(out, "Intro\n1\\) one\n2\\) two\n");
        assert_eq!(shifts.unshift(out.len()), "Intro\n1) one\n2) two\n".len());
    }

    #[test]
    fn leaves_dot_lists_and_code_alone() {
        let mut shifts = Shifts::default();
        let src = "1. one\n```\n1) code\n```\n";
        assert_eq!(escape_paren_markers(src, &mut shifts), src);
        assert!(shifts.is_empty());
    }

    #[test]
    fn leaves_markers_in_a_fence_closed_only_by_a_longer_run_alone() {
        let mut shifts = Shifts::default();
        let src = "````\n```\n1) code\n````\n";
        assert_eq!(escape_paren_markers(src, &mut shifts), src);
    }
}
