//! kramdown reads `[text](#a b)` as a link to `#a b`, keeps backslashes in URLs, and lets a
//! URL run on over a line break (`[text](https://example.org/a-` then `b)` on the next line,
//! the line break kept in the `href`); CommonMark wants spaces in a destination inside `<...>`,
//! drops backslash escapes and never breaks a destination. Inline link destinations holding
//! spaces or line breaks are wrapped in angle brackets (line breaks written as `&#10;`, which
//! CommonMark decodes back) and their backslashes doubled before parsing, so the `href` matches
//! Jekyll's. As in kramdown (`parser/kramdown/link.rb`), the URL ends at the closing `)` or at
//! whitespace before a quote, where a title starts. Link definitions (`[id]: url "title"`)
//! get the same treatment: kramdown takes their URL to the title or the line's end, spaces and
//! `(...)` included. The inserted bytes are recorded in the pass's [`SourceMap`].

use std::borrow::Cow;
use std::ops::Range;

use super::math::{code_ranges, range_holding};
use crate::render::source_map::{Rewriter, SourceMap};

/// Wraps inline link destinations and link definition URLs that contain spaces or line
/// breaks in `<...>`, and doubles their backslashes.
pub(crate) fn bracket_spaced_destinations<'t>(text: &'t str, map: &mut SourceMap) -> Cow<'t, str> {
    if !text.contains("](") && !text.contains("]:") {
        return Cow::Borrowed(text);
    }
    let code = code_ranges(text);
    let mut dests = inline_destinations(text, &code);
    dests.extend(definition_urls(text, &code));
    dests.sort_by_key(|r| r.start);
    let mut out = Rewriter::new(text);
    for dest in dests {
        // A definition's URL holding `](`: the first rewrite wins.
        if dest.start < out.copied() {
            continue;
        }
        push_bracketed(&mut out, text, dest);
    }
    out.finish(map)
}

/// Whether CommonMark would read `dest` otherwise than kramdown: it holds a space, a line
/// break or a backslash, and nothing that `<...>` could not hold.
fn needs_brackets(dest: &str) -> bool {
    let plain = !dest.is_empty() && !dest.starts_with('<') && !dest.contains(['"', '\'', '<', '>']);
    let spaced = dest.contains(|c: char| c == ' ' || c.is_ascii_control());
    // kramdown keeps backslashes in URLs (`\(` stays `\(`); CommonMark would drop them.
    let escaped = dest.trim_end_matches('\\').contains('\\');
    plain && (spaced || escaped)
}

/// Writes `dest` as CommonMark reads kramdown's URL: in `<...>` when spaced, backslashes
/// doubled, line breaks as character references (a line ending may not stand in `<...>`).
fn push_bracketed(out: &mut Rewriter<'_>, text: &str, range: Range<usize>) {
    let dest = &text[range.clone()];
    let spaced = dest.contains(|c: char| c == ' ' || c.is_ascii_control());
    out.copy_to(range.start);
    if spaced {
        out.insert("<");
    }
    for (i, c) in dest.char_indices() {
        match c {
            '\\' if i + 1 < dest.len() => {
                out.copy_to(range.start + i);
                out.insert("\\");
            }
            '\n' | '\r' => {
                out.copy_to(range.start + i);
                out.replace_to(
                    range.start + i + 1,
                    if c == '\n' { "&#10;" } else { "&#13;" },
                );
            }
            _ => {}
        }
    }
    out.copy_to(range.end);
    if spaced {
        out.insert(">");
    }
}

/// The byte ranges of inline link destinations (`[text](dest "title")`) to rewrite.
fn inline_destinations(text: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut end = 0;
    let mut pos = 0;
    while let Some(rel) = text[pos..].find("](") {
        let start = pos + rel + 2;
        pos = start;
        // Inside a destination already taken (`](` within it): found by fuzzing.
        if start < end || range_holding(code, start).is_some() {
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
        if needs_brackets(dest) {
            end = dest_start + dest.len();
            found.push(dest_start..end);
        }
    }
    found
}

/// The byte ranges of link definition URLs to rewrite. kramdown's definition
/// (`LINK_DEFINITION_START`) is `[id]: url` on a line indented at most 3 spaces, the URL
/// running to the line's end or to a quoted title ending the line; spaces, parentheses and
/// backslashes are part of it. CommonMark rejects such a line, and with it every definition
/// that follows it without a blank line (they become one paragraph).
fn definition_urls(text: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut offset = 0;
    // A definition starts a block: after a blank line or another definition, not inside a
    // paragraph, where kramdown reads the line as text.
    let mut block_start = true;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let rest = body.trim_start_matches(' ');
        let after_block_start = std::mem::replace(
            &mut block_start,
            rest.trim().is_empty() || (rest.starts_with('[') && rest.contains("]:")),
        );
        if !after_block_start || range_holding(code, line_start).is_some() {
            continue;
        }
        // `[^id]:` is a footnote's definition, which kramdown reads first.
        if body.len() - rest.len() > 3 || !rest.starts_with('[') || rest.starts_with("[^") {
            continue;
        }
        let Some(close) = rest.find(']') else {
            continue;
        };
        if close < 2 || !rest[close..].starts_with("]:") {
            continue;
        }
        let after = &rest[close + 2..];
        let tail = after.trim_start_matches([' ', '\t']);
        let url = &tail[..definition_title_start(tail).unwrap_or(tail.len())];
        let url = url.trim_end_matches([' ', '\t']);
        // kramdown refuses a definition whose URL still holds a quote after whitespace.
        if url.contains(" \"") || url.contains(" '") || !needs_brackets(url) {
            continue;
        }
        let start = line_start + (body.len() - tail.len());
        found.push(start..start + url.len());
    }
    found
}

/// Where a title ending the definition's line starts: the first whitespace after which the
/// rest is a quote, some text and the same quote (trailing blanks allowed).
fn definition_title_start(tail: &str) -> Option<usize> {
    let end = tail.trim_end_matches([' ', '\t']);
    let quote = end
        .chars()
        .next_back()
        .filter(|c| *c == '"' || *c == '\'')?;
    tail.char_indices().find_map(|(i, c)| {
        let title = tail[i..].trim_start_matches([' ', '\t']);
        let len = end.len() - (tail.len() - title.len());
        (c == ' ' || c == '\t')
            .then_some(())
            .filter(|_| title.starts_with(quote) && len > 2 && i > 0)
            .map(|_| i)
    })
}

/// Longest destination looked at, so that many unclosed `](` cost linear time; longer URLs
/// with spaces or line breaks are left to CommonMark.
const MAX_DESTINATION_BYTES: usize = 2048;

/// Length of the destination before its closing `)` (parentheses balanced). As kramdown's
/// URL, it may run over a line break; over one only (a URL broken once by the editor), and
/// not over a blank line, which ends the paragraph.
fn destination_len(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut breaks = 0;
    for (i, c) in s.char_indices() {
        if i > MAX_DESTINATION_BYTES {
            return None;
        }
        match c {
            '\n' if breaks == 1 => return None,
            '\n' => breaks += 1,
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
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

    #[test]
    fn keeps_line_breaks_in_destinations_as_kramdown_does() {
        let mut map = SourceMap::default();
        let src = "[a](https://example.org/a-\nb) [c](/d\n  e \"T\") [f](\n/g)";
        let out = bracket_spaced_destinations(src, &mut map);
        assert_eq!(
            out,
            "[a](<https://example.org/a-&#10;b>) [c](</d&#10;  e> \"T\") [f](\n/g)"
        );
        assert_eq!(map.source_offset(out.len()), src.len());
    }

    #[test]
    fn a_blank_line_ends_the_search_for_the_closing_parenthesis() {
        for src in ["[a](https://example.org/a\n\nb)", "[a](/x\ny\nz)"] {
            assert_eq!(
                bracket_spaced_destinations(src, &mut SourceMap::default()),
                src
            );
        }
    }

    #[test]
    fn a_long_unclosed_destination_is_left_alone() {
        let src = format!("[a](b {}", "c".repeat(MAX_DESTINATION_BYTES));
        assert_eq!(
            bracket_spaced_destinations(&src, &mut SourceMap::default()),
            src
        );
    }

    #[test]
    fn brackets_spaced_destinations_before_a_title() {
        assert_eq!(
            bracket_spaced_destinations("[a](/x y 'z')", &mut SourceMap::default()),
            "[a](</x y> 'z')"
        );
    }

    #[test]
    fn brackets_definition_urls_kramdown_accepts() {
        let src = "[a]: /my page.html\n[b]: https://x.org/b 'Bee'\n[c]: /x\\_y\n[d]: /e (Paren)\n[e]: /f g \"T\"\n";
        let mut map = SourceMap::default();
        let out = bracket_spaced_destinations(src, &mut map);
        assert_eq!(
            out,
            "[a]: </my page.html>\n[b]: https://x.org/b 'Bee'\n[c]: /x\\\\_y\n[d]: </e (Paren)>\n[e]: </f g> \"T\"\n"
        );
        assert_eq!(map.source_offset(out.len()), src.len());
    }

    #[test]
    fn leaves_indented_and_fenced_definitions_alone() {
        for src in [
            "    [a]: /my page\n",
            "```\n[a]: /my page\n```\n",
            "[a]: <x y>\n",
            "[]: /a b\n",
            "[^a]: A note.\n",
            "Text\n[a]: /my page\n",
        ] {
            assert_eq!(
                bracket_spaced_destinations(src, &mut SourceMap::default()),
                src
            );
        }
    }
}
