//! kramdown table quirks: inside a table body, a line of dashes (`---- | ----`, or `====`
//! for the footer) separates row groups and is not a row. GFM would print it as a row of
//! dashes; we drop it, as kramdown's text does (an event adapter). The rest is the table rule
//! of the pre-scan ([`super::prescan`]): kramdown keeps a code span holding `|` in one cell;
//! it starts a table at a line with a pipe and no delimiter row under it, which GFM refuses
//! (a delimiter row is inserted); and it takes a delimiter row with fewer cells than its
//! header (completed, rewritten in the same number of bytes so that offsets do not move).

use std::borrow::Cow;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::prescan::{Edits, ScanLine};
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

/// The table rule of the pre-scan, line by line.
#[derive(Debug)]
pub(crate) struct TableRule {
    /// The line above was blank (or there was none).
    prev_blank: bool,
    /// The line above belongs to a table (a row since its start, no blank line since).
    in_table: bool,
    /// How many cells the line above has, when it holds a pipe.
    prev_cells: Option<usize>,
}

impl Default for TableRule {
    fn default() -> Self {
        TableRule {
            prev_blank: true,
            in_table: false,
            prev_cells: None,
        }
    }
}

impl TableRule {
    /// Emits the table edits of `line` (`next` is the line under it; `joined` that same line
    /// when a link destination broken over the line break joins it to this one: the row then
    /// ends after it).
    pub fn line(
        &mut self,
        line: &ScanLine<'_>,
        next: Option<&ScanLine<'_>>,
        joined: Option<&ScanLine<'_>>,
        stash: &mut Vec<String>,
        edits: &mut Edits,
    ) {
        let piped = if line.is_code() {
            None
        } else {
            stash_piped_code_spans(line, stash, edits)
        };
        // The rows read with their piped code spans stashed, as the parser will read them.
        let mut body = Cow::Borrowed(piped.as_deref().unwrap_or(line.body()));
        let mut end = line.end();
        if let Some(joined) = joined {
            body = Cow::Owned(format!("{body} {}", joined.body()));
            end = joined.end();
        }
        let body = body.as_ref();
        let blank = body.trim().is_empty();
        let starts_table =
            !line.is_code() && self.prev_blank && !self.in_table && is_plain_row(body);
        self.in_table = (self.in_table || starts_table) && !blank;
        self.prev_blank = blank;
        // The line after a joined one is not known here: a delimiter row right under a link
        // broken over two lines is not looked for.
        let next_is_separator =
            joined.is_none() && next.is_some_and(|l| is_separator_line(l.view.trim_end()));
        let ends_line = joined
            .map_or(line.view.as_ref(), |j| j.view.as_ref())
            .ends_with('\n');
        if starts_table && !next_is_separator && ends_line {
            let row = vec!["-"; cells_of(body).len()].join("|");
            edits.insert(end, format!("{row}\n"));
        }
        if !line.is_code() && is_separator_line(body) && body.contains('|') {
            if let Some(wanted) = self.prev_cells {
                complete_delimiter_row(line.start, body, wanted, edits);
            }
        }
        self.prev_cells = body.contains('|').then(|| cells_of(body).len());
    }
}

/// Stashes the inline code spans holding `|` on a table row: kramdown keeps them whole, GFM
/// would split the cell at the pipe. Returns the line's body as the parser will read it,
/// when that differs.
fn stash_piped_code_spans(
    line: &ScanLine<'_>,
    stash: &mut Vec<String>,
    edits: &mut Edits,
) -> Option<String> {
    let body = line.body();
    if line.code_spans.is_empty() || !body.contains('|') {
        return None;
    }
    let offset = line.start;
    let spans = &line.code_spans;
    // A table row: a pipe outside code spans (prose like "the `|` operator" is left alone).
    let mut outside = body.to_string();
    for span in spans.iter().rev() {
        let end = (span.end - offset).min(outside.len());
        outside.replace_range(span.start - offset..end, "");
    }
    if !outside.contains('|') {
        return None;
    }
    let mut rewritten = String::with_capacity(body.len());
    let mut copied = 0;
    for span in spans {
        let code = &line.view[span.start - offset..span.end - offset];
        let Some(marker) = stash_marker(stash.len()) else {
            break;
        };
        if !code.contains('|') {
            continue;
        }
        rewritten.push_str(&body[copied..span.start - offset]);
        if code == "`|`" {
            // `|` alone: GFM unescapes `\|` inside a cell.
            edits.insert(span.start + 1, "\\");
            rewritten.push_str("`\\|`");
        } else {
            stash.push(code_html(code));
            edits.replace(span.clone(), marker.to_string());
            rewritten.push(marker);
        }
        copied = span.end - offset;
    }
    if copied == 0 {
        return None;
    }
    rewritten.push_str(&body[copied..]);
    Some(rewritten)
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

/// Gives the delimiter row `body` (at input offset `start`) as many cells as its header
/// row (`wanted`), when the line has room: kramdown takes a short one, GFM does not.
fn complete_delimiter_row(start: usize, body: &str, wanted: usize, edits: &mut Edits) {
    let cells: Vec<&str> = cells_of(body);
    if cells.len() >= wanted {
        return;
    }
    let mut row: Vec<String> = cells.iter().map(|c| alignment_cell(c)).collect();
    row.resize(wanted, "-".to_string());
    let row = row.join("|");
    if row.len() <= body.len() {
        let padded = format!("{row}{}", " ".repeat(body.len() - row.len()));
        edits.overwrite(start..start + body.len(), padded);
    }
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
    use crate::render::markdown::prescan::prescan;
    use crate::render::source_map::SourceMap;

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

    /// The pre-scan's text, map and stash (the other rules leave these inputs alone).
    fn scan(src: &str) -> (String, SourceMap, Vec<String>) {
        let mut stash = Vec::new();
        let p = prescan(src, &mut stash);
        (p.text.into_owned(), p.map, stash)
    }

    #[test]
    fn completes_short_delimiter_rows_in_place() {
        let src = "a | b | c\n---- | ----\n1 | 2 | 3\n";
        let (out, map, _) = scan(src);
        assert_eq!(out, "a | b | c\n-|-|-      \n1 | 2 | 3\n");
        assert_eq!(map.source_offset(12), 12);
    }

    #[test]
    fn keeps_pipes_inside_code_in_one_cell() {
        let src = "| x | `a|b` |\n|---|---|\n";
        let (out, map, stash) = scan(src);
        assert_eq!(map.source_offset(out.len()), src.len());
        assert_eq!(
            stash,
            vec!["<code class=\"language-plaintext highlighter-rouge\">a|b</code>".to_string()]
        );
    }

    #[test]
    fn leaves_pipes_in_prose_code_alone() {
        let src = "Use the `|` operator and `a|b`.\n";
        assert_eq!(scan(src).0, src);
    }

    #[test]
    fn escapes_a_lone_pipe_in_code() {
        let (out, map, _) = scan("`|` | b\n--|--\n");
        assert_eq!(out, "`\\|` | b\n--|--\n");
        assert_eq!(map.source_offset(out.len()), out.len() - 1);
    }

    #[test]
    fn inserts_a_delimiter_row_under_a_bare_pipe_line() {
        let src = "Intro\n\na | b\nc | d\n\n- x | y\n";
        let (out, map, _) = scan(src);
        assert_eq!(out, "Intro\n\na | b\n-|-\nc | d\n\n- x | y\n");
        assert_eq!(map.source_offset(out.len()), src.len());
    }

    #[test]
    fn leaves_real_tables_and_code_pipes_alone() {
        let src = "a | b\n--|--\n1 | 2\n\nthe `|` pipe\n";
        assert_eq!(scan(src).0, src);
    }

    #[test]
    fn leaves_pipes_in_a_tilde_fence_holding_a_backtick_line_alone() {
        let src = "~~~\n```\na | b\n```\nc | d\n~~~\n";
        assert_eq!(scan(src).0, src);
    }

    #[test]
    fn counts_cells_with_piped_code_spans_stashed() {
        // A double-backtick span holding a pipe is one cell, as the parser reads it.
        let src = "a | ``b|c``\nd | e\n";
        assert_eq!(scan(src).0.lines().nth(1), Some("-|-"));
    }

    #[test]
    fn recognises_separator_lines() {
        assert!(is_separator_line("---- | ----"));
        assert!(is_separator_line("|:--|==|"));
        assert!(!is_separator_line("1 | -"));
        assert!(!is_separator_line("| |"));
    }
}
