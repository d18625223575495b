//! kramdown table quirks: inside a table body, a line of dashes (`---- | ----`, or `====`
//! for the footer) separates row groups and is not a row. GFM would print it as a row of
//! dashes; we drop it, as kramdown's text does. And kramdown takes a table whose delimiter
//! row has fewer cells than its header, which GFM refuses: such a delimiter row is completed,
//! rewritten in the same number of bytes so that offsets do not move. The passes that change
//! lengths record it in their [`SourceMap`].

use std::borrow::Cow;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::blocks::FenceState;
use super::math::code_spans;
use super::writer::escape_text;
use crate::render::liquid::output::stash_marker;
use crate::render::source_map::{Rewriter, SourceMap};

use super::Node;

/// Drops table body rows that are kramdown separator lines.
pub(crate) fn drop_separator_rows<'a, 't>(
    nodes: impl Iterator<Item = Node<'a>> + 't,
    text: &'t str,
) -> impl Iterator<Item = Node<'a>> + 't
where
    'a: 't,
{
    let mut skipping = false;
    nodes.filter(move |node| match &node.event {
        Event::Start(Tag::TableRow)
            if is_separator_line(text.get(node.range.clone()).unwrap_or("")) =>
        {
            skipping = true;
            false
        }
        Event::End(TagEnd::TableRow) if skipping => {
            skipping = false;
            false
        }
        _ => !skipping,
    })
}

/// `|---|:--:|`, `---- | ----`, `===|===`: only dashes, equals, colons, pipes, plus and spaces,
/// with at least one dash or equals sign.
fn is_separator_line(row: &str) -> bool {
    let row = row.trim();
    !row.is_empty()
        && row.contains(['-', '='])
        && row
            .chars()
            .all(|c| matches!(c, '-' | '=' | ':' | '|' | '+' | ' ' | '\t'))
}

/// Stashes inline code spans holding `|` on table-like lines: kramdown keeps them whole,
/// GFM would split the cell at the pipe.
pub(crate) fn stash_piped_code_spans<'t>(
    text: &'t str,
    stash: &mut Vec<String>,
    map: &mut SourceMap,
) -> Cow<'t, str> {
    if !text.contains('|') || !text.contains('`') {
        return Cow::Borrowed(text);
    }
    let mut out = Rewriter::new(text);
    let mut offset = 0;
    let mut fences = FenceState::default();
    for line in text.split_inclusive('\n') {
        let fence = fences.next_line(line).is_code();
        let spans = if !fence && line.contains('|') {
            code_spans(line, offset)
        } else {
            Vec::new()
        };
        // A table row: a pipe outside code spans (prose like "the `|` operator" is left alone).
        let is_row = !spans.is_empty() && {
            let mut outside = line.to_string();
            for span in spans.iter().rev() {
                outside.replace_range(span.start - offset..span.end - offset, "");
            }
            outside.contains('|')
        };
        if is_row {
            for span in spans {
                let code = &text[span.clone()];
                let Some(marker) = stash_marker(stash.len()) else {
                    break;
                };
                if !code.contains('|') {
                    continue;
                }
                if code == "`|`" {
                    // `|` alone: GFM unescapes `\|` inside a cell.
                    out.copy_to(span.start + 1);
                    out.insert("\\");
                    continue;
                }
                out.copy_to(span.start);
                stash.push(code_html(code));
                out.replace_to(span.end, marker.encode_utf8(&mut [0; 4]));
            }
        }
        offset += line.len();
    }
    out.finish(map)
}

/// The HTML of an inline code span given with its backticks.
fn code_html(code: &str) -> String {
    let ticks = code.len() - code.trim_start_matches('`').len();
    let inner = &code[ticks..code.len() - ticks];
    let inner = match inner.strip_prefix(' ').and_then(|i| i.strip_suffix(' ')) {
        Some(trimmed) if !trimmed.trim().is_empty() => trimmed,
        _ => inner,
    };
    format!(
        "<code class=\"language-plaintext highlighter-rouge\">{}</code>",
        escape_text(inner)
    )
}

/// kramdown starts a table at any line holding a pipe (`TABLE_START` in `parser/kramdown/
/// table.rb`), with or without a delimiter row; GFM needs one. A block-starting line with a
/// pipe outside code and no delimiter row under it gets one inserted (recorded in `map`).
pub(crate) fn insert_missing_delimiter_rows<'t>(
    text: &'t str,
    map: &mut SourceMap,
) -> Cow<'t, str> {
    if !text.contains('|') {
        return Cow::Borrowed(text);
    }
    let mut out = Rewriter::new(text);
    let mut offset = 0;
    let mut prev_blank = true;
    let mut in_table = false;
    let mut fences = FenceState::default();
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let fence = fences.next_line(body).is_code();
        let starts_table = !fence && prev_blank && !in_table && is_plain_row(body);
        in_table = (in_table || starts_table) && !body.trim().is_empty();
        prev_blank = body.trim().is_empty();
        let next_is_separator = lines
            .peek()
            .is_some_and(|l| is_separator_line(l.trim_end()));
        if starts_table && !next_is_separator && line.ends_with('\n') {
            let row = vec!["-"; cells_of(body).len()].join("|");
            out.copy_to(offset);
            out.insert(&format!("{row}\n"));
        }
    }
    out.finish(map)
}

/// A line that kramdown would read as a table row and GFM as something else: a pipe outside
/// code and escapes, not a list, quote, heading, HTML or indented code line.
fn is_plain_row(line: &str) -> bool {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim();
    let marker = t.starts_with(['#', '>', '<', '*', '+', '-', '`', '~', '{', '$'])
        || t.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    indent < 4 && !marker && !t.is_empty() && cells_of(t).len() > 1 && !is_separator_line(t)
}

/// Gives delimiter rows as many cells as their header row, when the line has room.
pub(crate) fn complete_delimiter_rows(text: &str) -> Cow<'_, str> {
    if !text.contains('|') {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut offset = 0;
    let mut prev: &str = "";
    let mut fences = FenceState::default();
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let fence = fences.next_line(body).is_code();
        if !fence && is_separator_line(body) && body.contains('|') && prev.contains('|') {
            let cells: Vec<&str> = cells_of(body);
            let wanted = cells_of(prev).len();
            if cells.len() < wanted {
                let mut row: Vec<String> = cells.iter().map(|c| alignment_cell(c)).collect();
                row.resize(wanted, "-".to_string());
                let row = row.join("|");
                if row.len() <= body.len() {
                    let padded = format!("{row}{}", " ".repeat(body.len() - row.len()));
                    out.get_or_insert_with(|| text.to_string())
                        .replace_range(offset..offset + body.len(), &padded);
                }
            }
        }
        prev = body;
        offset += line.len();
    }
    out.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// The cells of a table line (outer pipes ignored).
fn cells_of(line: &str) -> Vec<&str> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    // Pipes escaped or inside code spans do not separate cells.
    let mut cells = Vec::new();
    let (mut start, mut in_code, mut escaped) = (0, false, false);
    for (i, c) in t.char_indices() {
        match c {
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            '`' if !escaped => in_code = !in_code,
            '|' if !escaped && !in_code => {
                cells.push(&t[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    cells.push(&t[start..]);
    cells
}

/// The shortest delimiter cell with the same alignment.
fn alignment_cell(cell: &str) -> String {
    let c = cell.trim();
    match (c.starts_with(':'), c.ends_with(':') && c.len() > 1) {
        (true, true) => ":-:".into(),
        (true, false) => ":-".into(),
        (false, true) => "-:".into(),
        (false, false) => "-".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::options::parser_options;

    #[test]
    fn drops_dash_rows_inside_a_table_body() {
        let src = "a | b\n--|--\n1 | 2\n---- | ----\n3 | 4\n";
        let nodes = pulldown_cmark::Parser::new_ext(src, parser_options())
            .into_offset_iter()
            .map(|(e, r)| Node::new(e, r));
        let rows = drop_separator_rows(nodes, src)
            .filter(|n| matches!(n.event, Event::Start(Tag::TableRow)))
            .count();
        assert_eq!(rows, 2);
    }

    #[test]
    fn completes_short_delimiter_rows_in_place() {
        let src = "a | b | c\n---- | ----\n1 | 2 | 3\n";
        let out = complete_delimiter_rows(src);
        assert_eq!(out, "a | b | c\n-|-|-      \n1 | 2 | 3\n");
    }

    #[test]
    fn keeps_pipes_inside_code_in_one_cell() {
        let mut stash = Vec::new();
        let src = "| x | `a|b` |\n|---|---|\n";
        let mut map = SourceMap::default();
        let out = stash_piped_code_spans(src, &mut stash, &mut map);
        assert_eq!(map.source_offset(out.len()), src.len());
        assert_eq!(
            stash,
            vec!["<code class=\"language-plaintext highlighter-rouge\">a|b</code>".to_string()]
        );
    }

    #[test]
    fn leaves_pipes_in_prose_code_alone() {
        let src = "Use the `|` operator and `a|b`.\n";
        assert_eq!(
            stash_piped_code_spans(src, &mut Vec::new(), &mut SourceMap::default()),
            src
        );
    }

    #[test]
    fn escapes_a_lone_pipe_in_code() {
        let mut map = SourceMap::default();
        let out = stash_piped_code_spans("`|` | b\n--|--\n", &mut Vec::new(), &mut map);
        assert_eq!(out, "`\\|` | b\n--|--\n");
        assert_eq!(map.source_offset(out.len()), out.len() - 1);
    }

    #[test]
    fn inserts_a_delimiter_row_under_a_bare_pipe_line() {
        let mut map = SourceMap::default();
        let src = "Intro\n\na | b\nc | d\n\n- x | y\n";
        let out = insert_missing_delimiter_rows(src, &mut map);
        assert_eq!(out, "Intro\n\na | b\n-|-\nc | d\n\n- x | y\n");
        assert_eq!(map.source_offset(out.len()), src.len());
    }

    #[test]
    fn leaves_real_tables_and_code_pipes_alone() {
        let src = "a | b\n--|--\n1 | 2\n\nthe `|` pipe\n";
        assert_eq!(
            insert_missing_delimiter_rows(src, &mut SourceMap::default()),
            src
        );
    }

    #[test]
    fn leaves_pipes_in_a_tilde_fence_holding_a_backtick_line_alone() {
        let src = "~~~\n```\na | b\n```\nc | d\n~~~\n";
        assert_eq!(
            insert_missing_delimiter_rows(src, &mut SourceMap::default()),
            src
        );
    }

    #[test]
    fn recognises_separator_lines() {
        assert!(is_separator_line("---- | ----"));
        assert!(is_separator_line("|:--|==|"));
        assert!(!is_separator_line("1 | -"));
        assert!(!is_separator_line("| |"));
    }
}
