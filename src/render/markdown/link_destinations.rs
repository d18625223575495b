//! kramdown reads `[text](#a b)` as a link to `#a b`, keeps backslashes in URLs, and lets a
//! URL run on over a line break (`[text](https://example.org/a-` then `b)` on the next line,
//! the line break kept in the `href`); CommonMark wants spaces in a destination inside `<...>`,
//! drops backslash escapes and never breaks a destination. Inline link destinations holding
//! spaces or line breaks are wrapped in angle brackets (line breaks written as `&#10;`, which
//! CommonMark decodes back) and their backslashes doubled before parsing, so the `href` matches
//! Jekyll's. As in kramdown (`parser/kramdown/link.rb`), the URL ends at the closing `)` or at
//! whitespace before a quote, where a title starts. The inserted bytes are recorded in
//! [`Shifts`].

use std::borrow::Cow;

use super::math::{code_ranges, range_holding};
use super::shifts::Shifts;

/// Wraps inline link destinations that contain spaces or line breaks in `<...>`.
pub(crate) fn bracket_spaced_destinations<'t>(text: &'t str, shifts: &mut Shifts) -> Cow<'t, str> {
    if !text.contains("](") {
        return Cow::Borrowed(text);
    }
    let code = code_ranges(text);
    let mut out = String::new();
    let mut copied = 0;
    let mut pos = 0;
    while let Some(rel) = text[pos..].find("](") {
        let start = pos + rel + 2;
        pos = start;
        // Inside a destination already rewritten (`](` within it): found by fuzzing.
        if start < copied || range_holding(&code, start).is_some() {
            continue;
        }
        let Some(len) = destination_len(&text[start..]) else {
            continue;
        };
        let inside = &text[start..start + len];
        let url = &inside[..title_start(inside).unwrap_or(inside.len())];
        // Whitespace around the URL (one line break included) is CommonMark's too.
        let dest = url.trim();
        let dest_start = start + (url.len() - url.trim_start().len());
        let plain =
            !dest.is_empty() && !dest.starts_with('<') && !dest.contains(['"', '\'', '<', '>']);
        let spaced = dest.contains(|c: char| c == ' ' || c.is_ascii_control());
        // kramdown keeps backslashes in URLs (`\(` stays `\(`); CommonMark would drop them.
        let escaped = dest.trim_end_matches('\\').contains('\\');
        if plain && (spaced || escaped) {
            out.push_str(&text[copied..dest_start]);
            if spaced {
                shifts.record(out.len(), 1);
                out.push('<');
            }
            for (i, c) in dest.char_indices() {
                match c {
                    '\\' if i + 1 < dest.len() => {
                        shifts.record(out.len(), 1);
                        out.push_str("\\\\");
                    }
                    // A line ending may not stand in `<...>`; its character reference may.
                    '\n' | '\r' => {
                        shifts.record(out.len(), 4);
                        out.push_str(if c == '\n' { "&#10;" } else { "&#13;" });
                    }
                    _ => out.push(c),
                }
            }
            if spaced {
                shifts.record(out.len(), 1);
                out.push('>');
            }
            copied = dest_start + dest.len();
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Length of the destination before its closing `)` (parentheses balanced). It may run over
/// line breaks, as kramdown's URL does, but not over a blank line, which ends the paragraph.
fn destination_len(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut line_blank = false;
    for (i, c) in s.char_indices() {
        match c {
            '\n' if line_blank => return None,
            '\n' => line_blank = true,
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
        if !c.is_whitespace() {
            line_blank = false;
        }
    }
    None
}

/// Where a title starts in the text between the parentheses: the first whitespace followed
/// by a quote outside nested parentheses (kramdown's `LINK_PAREN_STOP_RE`).
fn title_start(inside: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut prev_space = None;
    for (i, c) in inside.char_indices() {
        match c {
            '"' | '\'' if depth == 0 && prev_space.is_some() => return prev_space,
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev_space = c.is_whitespace().then_some(i);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_destinations_with_spaces() {
        assert_eq!(
            bracket_spaced_destinations("[a](#jak się chronić)", &mut Shifts::default()),
            "[a](<#jak się chronić>)"
        );
    }

    #[test]
    fn keeps_backslashes_in_destinations() {
        let mut shifts = Shifts::default();
        let out = bracket_spaced_destinations("[a](/q?x=\\(y\\))", &mut shifts);
        assert_eq!(out, "[a](/q?x=\\\\(y\\\\))");
        assert_eq!(shifts.unshift(out.len()), out.len() - 2);
    }

    #[test]
    fn leaves_titles_plain_links_and_code_alone() {
        for src in ["[a](/x \"t\")", "[a](/x_(y))", "`[a](b c)`"] {
            assert_eq!(
                bracket_spaced_destinations(src, &mut Shifts::default()),
                src
            );
        }
    }

    #[test]
    fn keeps_line_breaks_in_destinations_as_kramdown_does() {
        let mut shifts = Shifts::default();
        let src = "[a](https://example.org/a-\nb) [c](/d\n  e \"T\") [f](\n/g)";
        let out = bracket_spaced_destinations(src, &mut shifts);
        assert_eq!(
            out,
            "[a](<https://example.org/a-&#10;b>) [c](</d&#10;  e> \"T\") [f](\n/g)"
        );
        assert_eq!(shifts.unshift(out.len()), src.len());
    }

    #[test]
    fn a_blank_line_ends_the_search_for_the_closing_parenthesis() {
        let src = "[a](https://example.org/a\n\nb)";
        assert_eq!(
            bracket_spaced_destinations(src, &mut Shifts::default()),
            src
        );
    }

    #[test]
    fn brackets_spaced_destinations_before_a_title() {
        assert_eq!(
            bracket_spaced_destinations("[a](/x y 'z')", &mut Shifts::default()),
            "[a](</x y> 'z')"
        );
    }
}
