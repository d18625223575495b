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

use std::ops::Range;

use super::prescan::{Edits, ScanLine};

/// The destinations rule of the pre-scan ([`super::prescan`]), line by line.
#[derive(Debug)]
pub(crate) struct DestinationRule {
    /// Where the last inline destination taken ends: a `](` inside it starts no link.
    inline_end: usize,
    /// The last destination rewritten: one starting inside it is left alone, and a line whose
    /// start it holds is joined to the line above (its newline written `&#10;`).
    last: Range<usize>,
    /// Whether the line is where a block may start (after a blank line or a definition).
    block_start: bool,
}

impl Default for DestinationRule {
    fn default() -> Self {
        DestinationRule {
            inline_end: 0,
            last: 0..0,
            block_start: true,
        }
    }
}

impl DestinationRule {
    /// Whether the line starting at `start` continues a destination of the line above.
    pub fn joins(&self, start: usize) -> bool {
        self.last.start < start && start <= self.last.end
    }

    /// Emits the rewrites of the destinations starting on `line` (`next` is the line after,
    /// where a destination may run on).
    pub fn line(&mut self, line: &ScanLine<'_>, next: Option<&ScanLine<'_>>, edits: &mut Edits) {
        let body = line.body();
        let rest = body.trim_start_matches(' ');
        // A definition starts a block: after a blank line or another definition, not inside a
        // paragraph, where kramdown reads the line as text.
        let after_block_start = std::mem::replace(
            &mut self.block_start,
            rest.trim().is_empty() || (rest.starts_with('[') && rest.contains("]:")),
        );
        if line.is_code() || !(line.view.contains("](") || line.view.contains("]:")) {
            return;
        }
        let mut found = self.inline_destinations(line, next);
        if after_block_start && !line.in_code_span(line.start) {
            found.extend(definition_url(line));
        }
        found.sort_by_key(|(r, _)| r.start);
        for (range, dest) in found {
            // A definition's URL holding `](`: the first rewrite wins.
            if range.start < self.last.end {
                continue;
            }
            push_bracketed(edits, range.start, &dest);
            self.last = range;
        }
    }

    /// The inline link destinations (`[text](dest "title")`) starting on `line` to rewrite,
    /// each with its text as the rules read it.
    fn inline_destinations(
        &mut self,
        line: &ScanLine<'_>,
        next: Option<&ScanLine<'_>>,
    ) -> Vec<(Range<usize>, String)> {
        let mut found = Vec::new();
        let mut joined: Option<String> = None;
        let view = line.view.as_ref();
        for (rel, _) in view.match_indices("](") {
            let start = line.start + rel + 2;
            // Inside a destination already taken (`](` within it): found by fuzzing.
            if start < self.inline_end || line.in_code_span(start) {
                continue;
            }
            let mut tail = &view[rel + 2..];
            let mut len = destination_len(tail);
            if len.is_none() && tail.ends_with('\n') {
                // The destination may run on over the line break, into the next line.
                if let Some(next) = next {
                    let both = joined.get_or_insert_with(|| format!("{view}{}", next.view));
                    tail = &both[rel + 2..];
                    len = destination_len(tail);
                }
            }
            let Some(len) = len else {
                continue;
            };
            let inside = &tail[..len];
            let url = &inside[..title_start(inside).unwrap_or(inside.len())];
            // Whitespace around the URL (one line break included) is CommonMark's too.
            let dest = url.trim();
            let dest_start = start + (url.len() - url.trim_start().len());
            if needs_brackets(dest) {
                self.inline_end = dest_start + dest.len();
                found.push((dest_start..self.inline_end, dest.to_string()));
            }
        }
        found
    }
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

/// Emits `dest` (at input offset `start`) as CommonMark reads kramdown's URL: in `<...>`
/// when spaced, backslashes doubled, line breaks as character references (a line ending may
/// not stand in `<...>`).
fn push_bracketed(edits: &mut Edits, start: usize, dest: &str) {
    let spaced = dest.contains(|c: char| c == ' ' || c.is_ascii_control());
    if spaced {
        edits.insert(start, "<");
    }
    for (i, c) in dest.char_indices() {
        match c {
            '\\' if i + 1 < dest.len() => edits.insert(start + i, "\\"),
            '\n' => edits.replace(start + i..start + i + 1, "&#10;"),
            '\r' => edits.replace(start + i..start + i + 1, "&#13;"),
            _ => {}
        }
    }
    if spaced {
        edits.insert(start + dest.len(), ">");
    }
}

/// The definition URL to rewrite on `line`, a block start outside code. kramdown's
/// definition (`LINK_DEFINITION_START`) is `[id]: url` on a line indented at most 3 spaces, the
/// URL running to the line's end or to a quoted title ending the line; spaces, parentheses
/// and backslashes are part of it. CommonMark rejects such a line, and with it every
/// definition that follows it without a blank line (they become one paragraph).
fn definition_url(line: &ScanLine<'_>) -> Option<(Range<usize>, String)> {
    let body = line.body();
    let rest = body.trim_start_matches(' ');
    // `[^id]:` is a footnote's definition, which kramdown reads first.
    if body.len() - rest.len() > 3 || !rest.starts_with('[') || rest.starts_with("[^") {
        return None;
    }
    let close = rest.find(']')?;
    if close < 2 || !rest[close..].starts_with("]:") {
        return None;
    }
    let after = &rest[close + 2..];
    let tail = after.trim_start_matches([' ', '\t']);
    let url = &tail[..definition_title_start(tail).unwrap_or(tail.len())];
    let url = url.trim_end_matches([' ', '\t']);
    // kramdown refuses a definition whose URL still holds a quote after whitespace.
    if url.contains(" \"") || url.contains(" '") || !needs_brackets(url) {
        return None;
    }
    let start = line.start + (body.len() - tail.len());
    Some((start..start + url.len(), url.to_string()))
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
    use crate::render::markdown::prescan::prescan;
    use crate::render::source_map::SourceMap;

    /// The pre-scan's text and map (the other rules leave these inputs alone).
    fn bracket(src: &str) -> (String, SourceMap) {
        let p = prescan(src, &mut Vec::new());
        (p.text.into_owned(), p.map)
    }

    #[test]
    fn brackets_destinations_with_spaces() {
        assert_eq!(
            bracket("[a](#jak się chronić)").0,
            "[a](<#jak się chronić>)"
        );
    }

    #[test]
    fn keeps_backslashes_in_destinations() {
        let (out, map) = bracket("[a](/q?x=\\(y\\))");
        assert_eq!(out, "[a](/q?x=\\\\(y\\\\))");
        assert_eq!(map.source_offset(out.len()), out.len() - 2);
    }

    #[test]
    fn leaves_titles_plain_links_and_code_alone() {
        for src in ["[a](/x \"t\")", "[a](/x_(y))", "`[a](b c)`"] {
            assert_eq!(bracket(src).0, src);
        }
    }

    #[test]
    fn keeps_line_breaks_in_destinations_as_kramdown_does() {
        let src = "[a](https://example.org/a-\nb) [c](/d\n  e \"T\") [f](\n/g)";
        let (out, map) = bracket(src);
        assert_eq!(
            out,
            "[a](<https://example.org/a-&#10;b>) [c](</d&#10;  e> \"T\") [f](\n/g)"
        );
        assert_eq!(map.source_offset(out.len()), src.len());
    }

    #[test]
    fn a_blank_line_ends_the_search_for_the_closing_parenthesis() {
        for src in ["[a](https://example.org/a\n\nb)", "[a](/x\ny\nz)"] {
            assert_eq!(bracket(src).0, src);
        }
    }

    #[test]
    fn a_long_unclosed_destination_is_left_alone() {
        let src = format!("[a](b {}", "c".repeat(MAX_DESTINATION_BYTES));
        assert_eq!(bracket(&src).0, src);
    }

    #[test]
    fn brackets_spaced_destinations_before_a_title() {
        assert_eq!(bracket("[a](/x y 'z')").0, "[a](</x y> 'z')");
    }

    #[test]
    fn brackets_definition_urls_kramdown_accepts() {
        let src = "[a]: /my page.html\n[b]: https://x.org/b 'Bee'\n[c]: /x\\_y\n[d]: /e (Paren)\n[e]: /f g \"T\"\n";
        let (out, map) = bracket(src);
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
            assert_eq!(bracket(src).0, src);
        }
    }
}
