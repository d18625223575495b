//! kramdown reads `[text](#a b)` as a link to `#a b`, and keeps backslashes in URLs;
//! CommonMark wants spaces in a destination inside `<...>` and drops backslash escapes.
//! Inline link destinations holding spaces (and no title) are wrapped in angle brackets and
//! their backslashes doubled before parsing, so the `href` matches Jekyll's. The inserted
//! bytes are recorded in the pass's [`SourceMap`].

use std::borrow::Cow;

use super::math::{code_ranges, range_holding};
use crate::render::source_map::{Rewriter, SourceMap};

/// Wraps inline link destinations that contain spaces in `<...>`.
pub(crate) fn bracket_spaced_destinations<'t>(text: &'t str, map: &mut SourceMap) -> Cow<'t, str> {
    if !text.contains("](") {
        return Cow::Borrowed(text);
    }
    let code = code_ranges(text);
    let mut out = Rewriter::new(text);
    let mut pos = 0;
    while let Some(rel) = text[pos..].find("](") {
        let start = pos + rel + 2;
        pos = start;
        // Inside a destination already rewritten (`](` within it): found by fuzzing.
        if start < out.copied() || range_holding(&code, start).is_some() {
            continue;
        }
        let Some(len) = destination_len(&text[start..]) else {
            continue;
        };
        let dest = &text[start..start + len];
        let plain =
            dest.trim() == dest && !dest.starts_with('<') && !dest.contains(['"', '\'', '<', '>']);
        let spaced = dest.contains(|c: char| c == ' ' || c.is_ascii_control());
        // kramdown keeps backslashes in URLs (`\(` stays `\(`); CommonMark would drop them.
        let escaped = dest.trim_end_matches('\\').contains('\\');
        if plain && (spaced || escaped) {
            out.copy_to(start);
            if spaced {
                out.insert("<");
            }
            for (i, c) in dest.char_indices() {
                if c == '\\' && i + 1 < dest.len() {
                    out.copy_to(start + i);
                    out.insert("\\");
                }
            }
            out.copy_to(start + len);
            if spaced {
                out.insert(">");
            }
        }
    }
    out.finish(map)
}

/// Length of the destination before its closing `)` (parentheses balanced, one line).
fn destination_len(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '\n' => return None,
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_destinations_with_spaces() {
        assert_eq!(
            bracket_spaced_destinations("[a](#jak się chronić)", &mut SourceMap::default()),
            "[a](<#jak się chronić>)"
        );
    }

    #[test]
    fn keeps_backslashes_in_destinations() {
        let mut map = SourceMap::default();
        let out = bracket_spaced_destinations("[a](/q?x=\\(y\\))", &mut map);
        assert_eq!(out, "[a](/q?x=\\\\(y\\\\))");
        assert_eq!(map.source_offset(out.len()), out.len() - 2);
    }

    #[test]
    fn leaves_titles_plain_links_and_code_alone() {
        for src in ["[a](/x \"t\")", "[a](/x_(y))", "`[a](b c)`"] {
            assert_eq!(
                bracket_spaced_destinations(src, &mut SourceMap::default()),
                src
            );
        }
    }
}
