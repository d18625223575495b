//! Making YAML that Ruby's Psych (libyaml) accepts but `saphyr-parser` refuses readable by it,
//! with one pre-scan before parsing (never by retrying on the parser's error text).
//!
//! libyaml lets a multi-line quoted scalar continue at column 0 (`description: "one` then
//! `two"` on the next line); YAML 1.2 parsers refuse it ("invalid indentation in quoted
//! scalar"). Continuation lines of a quoted scalar are folded with their leading spaces
//! dropped, so indenting them past the key changes nothing in the value.

use std::borrow::Cow;

/// What the scan is inside of, line by line.
#[derive(Debug, Clone, Copy)]
enum State {
    /// Block context: a line may start a key or a list item.
    Block,
    /// Inside a quoted scalar opened at a key (or item) starting at column `key_col`.
    Quoted { quote: char, key_col: usize },
    /// Inside a block scalar (`|`, `>`) or a multi-line plain or flow value of a node at
    /// column `col`: lines indented more than `col` (or blank) belong to it.
    Nested { col: usize },
}

/// Indents the continuation lines of multi-line quoted scalars past their key, as libyaml
/// reads them. Exactly this is accepted: a value that starts with `"` or `'` right after
/// `key: ` or `- ` (after any `- ` item markers, an `&anchor` or a `!tag`) and is not closed on
/// that line; its following lines up to the closing quote that are indented no more than the
/// key's column get indented to one column past it. Nothing else is touched: comments, block
/// scalars, multi-line plain and flow values are skipped, so quotes inside them never start
/// anything. Lines keep their numbers; the text is borrowed back when nothing changed.
pub fn indent_quoted_continuations(yaml: &str) -> Cow<'_, str> {
    if !yaml.contains(['"', '\'']) {
        return Cow::Borrowed(yaml);
    }
    let mut out = String::new();
    let mut changed = false;
    let mut state = State::Block;
    for line in yaml.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        match state {
            State::Quoted { quote, key_col } => {
                if indent <= key_col && !blank {
                    out.push_str(&" ".repeat(key_col + 1 - indent));
                    changed = true;
                }
                out.push_str(line);
                if closes_quote(line, quote) {
                    state = State::Block;
                }
                continue;
            }
            State::Nested { col } if blank || indent > col => {
                out.push_str(line);
                continue;
            }
            _ => {}
        }
        state = block_line_state(line, indent);
        out.push_str(line);
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(yaml)
    }
}

/// The state after a line read in block context.
fn block_line_state(line: &str, indent: usize) -> State {
    let content = line[indent..].trim_end();
    if content.is_empty() || content.starts_with('#') {
        return State::Block;
    }
    // `- - key: value`: each item marker moves the node two columns right.
    let mut col = indent;
    let mut rest = content;
    let mut item = false;
    while rest == "-" || rest.starts_with("- ") {
        let after = rest[1..].trim_start();
        col += rest.len() - after.len();
        rest = after;
        item = true;
    }
    let value = match key_value_split(rest) {
        Some(v) => v,
        None if item => rest,
        // A line that is neither a key nor an item continues a scalar: nothing to do.
        None => return State::Block,
    };
    let value = skip_properties(value);
    match value.chars().next() {
        None | Some('#') => State::Block,
        Some(quote @ ('"' | '\'')) if !closes_quote(&value[1..], quote) => State::Quoted {
            quote,
            key_col: col,
        },
        Some('"' | '\'') => State::Block,
        // A block scalar, or a plain or flow value that may go on over more indented lines.
        Some(_) => State::Nested { col },
    }
}

/// The value part of `key: value` (the text after `: `), or `None` when `text` is no key.
fn key_value_split(text: &str) -> Option<&str> {
    // A quoted key ends at its closing quote.
    if let Some(q @ ('"' | '\'')) = text.chars().next() {
        let close = 1 + quote_end(&text[1..], q)?;
        return text[close + 1..]
            .trim_start()
            .strip_prefix(':')
            .filter(|v| v.is_empty() || v.starts_with([' ', '\t']))
            .map(str::trim_start);
    }
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            ':' if matches!(chars.peek(), None | Some((_, ' ' | '\t'))) => {
                return Some(text[i + 1..].trim_start());
            }
            '#' if i > 0 && text[..i].ends_with([' ', '\t']) => return None,
            _ => {}
        }
    }
    None
}

/// Skips an `&anchor` and a `!tag` before a value.
fn skip_properties(mut value: &str) -> &str {
    while value.starts_with(['&', '!']) {
        value = match value.find([' ', '\t']) {
            Some(i) => value[i..].trim_start(),
            None => "",
        };
    }
    value
}

/// Byte index in `text` (the inside of a scalar quoted with `quote`) of the closing quote.
fn quote_end(text: &str, quote: char) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (c, quote) {
            ('\\', '"') => {
                chars.next();
            }
            ('\'', '\'') if chars.peek().map(|&(_, c)| c) == Some('\'') => {
                chars.next();
            }
            (c, q) if c == q => return Some(i),
            _ => {}
        }
    }
    None
}

/// Whether `text` (inside a scalar quoted with `quote`) holds the closing quote.
fn closes_quote(text: &str, quote: char) -> bool {
    quote_end(text, quote).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_continuation_lines_of_a_double_quoted_scalar() {
        let yaml = "title: T\ndescription: \"one\ntwo \\\" still\nthree\"\nauthor: A\n";
        assert_eq!(
            indent_quoted_continuations(yaml),
            "title: T\ndescription: \"one\n two \\\" still\n three\"\nauthor: A\n"
        );
    }

    #[test]
    fn handles_single_quotes_with_doubled_quotes() {
        let yaml = "a: 'it''s\nfine'\nb: c\n";
        assert_eq!(
            indent_quoted_continuations(yaml),
            "a: 'it''s\n fine'\nb: c\n"
        );
    }

    #[test]
    fn indents_past_the_key_of_a_list_item_mapping() {
        let yaml = "- k: \"one\ntwo\"\n";
        assert_eq!(indent_quoted_continuations(yaml), "- k: \"one\n   two\"\n");
    }

    #[test]
    fn leaves_closed_scalars_and_plain_text_alone() {
        for yaml in [
            "a: \"x\"\nb: y\n",
            "a: it's\nb: y\n",
            "a: plain text\n  - \"not an item\nb: y\n",
            "a: |\n  \"quoted\n  in a block\nb: y\n",
            "# \"comment\nb: y\n",
            "\"quoted key\": \"v\"\n",
        ] {
            assert!(
                matches!(indent_quoted_continuations(yaml), Cow::Borrowed(_)),
                "{yaml}"
            );
        }
    }

    #[test]
    fn keeps_line_numbers() {
        let yaml = "a: \"x\ny\nz\"\nb: 'p\nq'\n";
        let fixed = indent_quoted_continuations(yaml);
        assert_eq!(fixed.lines().count(), yaml.lines().count());
    }
}
