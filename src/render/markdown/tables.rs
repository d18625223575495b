//! kramdown table quirks: inside a table body, a line of dashes (`---- | ----`, or `====`
//! for the footer) separates row groups and is not a row. GFM would print it as a row of
//! dashes; we drop it, as kramdown's text does. And kramdown takes a table whose delimiter
//! row has fewer cells than its header, which GFM refuses: such a delimiter row is completed,
//! rewritten in the same number of bytes so that offsets do not move.

use std::borrow::Cow;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::ial::fence_marker;
use super::math::{code_spans, PAD};
use super::writer::escape_text;
use crate::render::liquid::output::stash_marker;

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
/// GFM would split the cell at the pipe. The marker is padded to the span's length.
pub(crate) fn stash_piped_code_spans<'t>(text: &'t str, stash: &mut Vec<String>) -> Cow<'t, str> {
    if !text.contains('|') || !text.contains('`') {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut offset = 0;
    let mut fence = false;
    for line in text.split_inclusive('\n') {
        fence ^= fence_marker(line.trim()).is_some();
        if !fence && line.contains('|') {
            for span in code_spans(line, offset) {
                let code = &text[span.clone()];
                let Some(marker) = stash_marker(stash.len()) else {
                    break;
                };
                if !code.contains('|') || code.len() < marker.len_utf8() {
                    continue;
                }
                let ticks = code.len() - code.trim_start_matches('`').len();
                let inner = &code[ticks..code.len() - ticks];
                let inner = match inner.strip_prefix(' ').and_then(|i| i.strip_suffix(' ')) {
                    Some(trimmed) if !trimmed.trim().is_empty() => trimmed,
                    _ => inner,
                };
                stash.push(format!(
                    "<code class=\"language-plaintext highlighter-rouge\">{}</code>",
                    escape_text(inner)
                ));
                let padded = format!(
                    "{marker}{}",
                    PAD.to_string().repeat(code.len() - marker.len_utf8())
                );
                out.get_or_insert_with(|| text.to_string())
                    .replace_range(span, &padded);
            }
        }
        offset += line.len();
    }
    out.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// Gives delimiter rows as many cells as their header row, when the line has room.
pub(crate) fn complete_delimiter_rows(text: &str) -> Cow<'_, str> {
    if !text.contains('|') {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut offset = 0;
    let mut prev: &str = "";
    let mut fence = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        fence ^= fence_marker(body.trim()).is_some();
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
    t.split('|').collect()
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
        let out = stash_piped_code_spans(src, &mut stash);
        assert_eq!(out.len(), src.len());
        assert_eq!(
            stash,
            vec!["<code class=\"language-plaintext highlighter-rouge\">a|b</code>".to_string()]
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
