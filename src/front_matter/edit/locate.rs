//! Where each top-level key of a front matter block sits, in lines and bytes.
//!
//! Built on `saphyr-parser`'s event spans, the parser [`super::super::parse_yaml_mapping`]
//! also reads. Its spans are exact for plain scalars and for the start of every node, but
//! run past the closing quote of a quoted scalar and past the `]`/`}` of a flow collection
//! (to the next token, over a trailing comment), and a block collection ends at the next
//! key. So the end of an entry is taken from what is reliable: the end of the last plain or
//! block scalar, a closing quote found by scanning, the start of a flow closing bracket.

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use super::super::libyaml_compat::indent_quoted_continuations;
use super::EditError;

/// One top-level `key: value` entry, in lines of the YAML block (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The key as Jekyll reads it.
    pub key: String,
    /// The line holding the key.
    pub first_line: usize,
    /// One past the last line of the value (trailing blank lines excluded).
    pub end_line: usize,
    /// Byte column just past the `:` that follows the key, on `first_line`.
    pub after_colon: usize,
    /// Byte columns on `first_line` of a value that starts and ends on the key's line (a
    /// scalar or a flow collection), without any trailing comment.
    pub inline: Option<(usize, usize)>,
}

/// Finds every top-level entry of `yaml` (the text between the fences), in order.
/// Duplicate keys appear once per occurrence.
pub fn locate_entries(yaml: &str) -> Result<Vec<Entry>, EditError> {
    // libyaml accepts quoted text continued at column 0; the pre-scan only indents
    // continuation lines, so line numbers and the columns of key lines stay those of `yaml`.
    locate_strict(&indent_quoted_continuations(yaml))
}

/// Positions of characters: saphyr counts characters, we splice bytes.
struct Lines<'a> {
    text: &'a str,
    /// Byte offset of each character, plus the end.
    char_bytes: Vec<usize>,
    /// Byte offset of each line start.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut char_bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        char_bytes.push(text.len());
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        if starts.last() == Some(&text.len()) && !text.is_empty() {
            starts.pop();
        }
        Lines {
            text,
            char_bytes,
            starts,
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        self.char_bytes
            .get(char_index)
            .copied()
            .unwrap_or(self.text.len())
    }

    fn line_of(&self, byte: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1)
    }

    fn line_text(&self, line: usize) -> &'a str {
        let start = self.starts.get(line).copied().unwrap_or(self.text.len());
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        &self.text[start..end]
    }
}

/// What is being read at the root mapping's level.
#[derive(Default)]
struct Open {
    key: Option<(String, usize, usize)>,
    value_end: Option<usize>,
    block_scalar: bool,
}

fn locate_strict(yaml: &str) -> Result<Vec<Entry>, EditError> {
    if let Some(line) = explicit_key_line(yaml) {
        return Err(EditError::Unsupported {
            line: line + 1,
            message: "a complex (`?`) key; edit this front matter by hand".into(),
        });
    }
    let lines = Lines::new(yaml);
    let mut parser = Parser::new_from_str(yaml);
    let mut entries = Vec::new();
    let mut depth = 0usize;
    let mut open = Open::default();
    let mut documents = 0;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| EditError::Parse {
            line: e.marker().line(),
            message: e.info().to_string(),
        })?;
        let start = lines.byte(span.start.index());
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    break;
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let flow = matches!(yaml.as_bytes().get(start), Some(b'[' | b'{'));
                if depth == 0 && (flow || matches!(event, Event::SequenceStart(..))) {
                    return Err(EditError::Unsupported {
                        line: lines.line_of(start) + 1,
                        message: "the front matter is not a block of `key: value` lines".into(),
                    });
                }
                if depth >= 1 && flow {
                    extend(&mut open.value_end, start + 1);
                }
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if depth >= 1 && matches!(yaml.as_bytes().get(start), Some(b']' | b'}')) {
                    extend(&mut open.value_end, start + 1);
                    open.block_scalar = false;
                }
                if depth == 1 {
                    finish(&lines, &mut open, &mut entries);
                }
            }
            Event::Scalar(text, style, ..) if depth == 1 && open.key.is_none() => {
                let key_end = scalar_end(yaml, &lines, &span, style);
                let colon = find_colon(yaml, key_end).ok_or_else(|| EditError::Unsupported {
                    line: lines.line_of(start) + 1,
                    message: "a complex (`?`) key; edit this front matter by hand".into(),
                })?;
                let key = super::super::scalar::resolve_plain(&text);
                let key = match (style, key) {
                    (ScalarStyle::Plain, serde_json::Value::String(s)) => s,
                    (ScalarStyle::Plain, serde_json::Value::Null) => String::new(),
                    (ScalarStyle::Plain, other) => other.to_string(),
                    _ => text.to_string(),
                };
                open.key = Some((key, start, colon + 1));
            }
            Event::Scalar(text, style, ..) => {
                // An empty (null) scalar's span may sit on the next token: it adds nothing.
                if !(text.is_empty() && style == ScalarStyle::Plain) {
                    extend(&mut open.value_end, scalar_end(yaml, &lines, &span, style));
                }
                open.block_scalar = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
                if depth == 1 {
                    finish(&lines, &mut open, &mut entries);
                }
            }
            Event::Alias(_) => {
                extend(&mut open.value_end, lines.byte(span.end.index()));
                if depth == 1 {
                    finish(&lines, &mut open, &mut entries);
                }
            }
            _ => {}
        }
    }
    Ok(entries)
}

/// The first line (0-based) at the block's key indentation that starts with YAML's explicit
/// key (`?`) or value (`:`) indicator. Such a block is refused whole, before and after any
/// edit: the parser's spans for the empty scalars these lines hold land on whatever token
/// follows, so an entry found in one block could be missed (or mislocated) once a key is
/// appended after it, and a set would write what the next unset cannot take back.
fn explicit_key_line(yaml: &str) -> Option<usize> {
    let mut key_indent = None;
    for (n, line) in yaml.split('\n').enumerate() {
        let text = line
            .trim_start_matches([' ', '\t'])
            .trim_end_matches(['\n', '\r']);
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let root = *key_indent.get_or_insert(indent);
        if indent > root {
            continue;
        }
        let mut chars = text.chars();
        let indicator = matches!(chars.next(), Some('?' | ':'));
        if indicator && chars.next().is_none_or(|c| c == ' ' || c == '\t') {
            return Some(n);
        }
    }
    None
}

fn extend(end: &mut Option<usize>, at: usize) {
    *end = Some(end.map_or(at, |e| e.max(at)));
}

/// Closes the open entry once its value is read.
fn finish(lines: &Lines<'_>, open: &mut Open, entries: &mut Vec<Entry>) {
    let Some((key, key_start, after_colon)) = open.key.take() else {
        return;
    };
    let first_line = lines.line_of(key_start);
    let value_end = open
        .value_end
        .take()
        .unwrap_or(after_colon)
        .max(after_colon);
    let last_byte = value_end.saturating_sub(1).max(after_colon - 1);
    let mut end_line = lines.line_of(last_byte) + 1;
    // A block scalar's span runs over the blank (and column-0 comment) lines after it; other
    // values end exactly (a quoted text may go on at column 0 with `#`: never trim those).
    while end_line > first_line + 1
        && open.block_scalar
        && is_trailing_filler(lines.line_text(end_line - 1))
    {
        end_line -= 1;
    }
    let line_start = lines.starts[first_line];
    let inline = (end_line == first_line + 1 && !open.block_scalar)
        .then(|| inline_range(lines.line_text(first_line), after_colon - line_start))
        .flatten()
        // Trust the range only where it ends exactly where the parser's value ends.
        .filter(|&(_, e)| line_start + e == value_end);
    open.block_scalar = false;
    entries.push(Entry {
        key,
        first_line,
        end_line,
        after_colon: after_colon - line_start,
        inline,
    });
}

/// A blank line, or a comment at column 0 (block scalar content is always indented).
fn is_trailing_filler(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['\n', '\r']);
    super::render::is_blank(trimmed) || trimmed.starts_with('#')
}

/// The value on the key's line, from the first non-blank byte after the colon to the end of
/// the line, minus a trailing comment and spaces. `None` when the line holds no value.
fn inline_range(line: &str, after_colon: usize) -> Option<(usize, usize)> {
    let content = line.trim_end_matches(['\n', '\r']);
    let rest = content.get(after_colon..)?;
    let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let start = after_colon + lead;
    if start >= content.len() || content[start..].starts_with('#') {
        return None;
    }
    let end = comment_start(content, start).unwrap_or(content.len());
    let value = content[start..end].trim_end_matches([' ', '\t']);
    Some((start, start + value.len()))
}

/// Where a ` #` comment starts on `line` after `from`, skipping quoted text.
fn comment_start(line: &str, from: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if (b == b'"' || b == b'\'') && (i == from || !is_plain_char(bytes[i - 1])) => {
                quote = Some(b)
            }
            None if b == b'#' && i > from && matches!(bytes[i - 1], b' ' | b'\t') => {
                return Some(i)
            }
            None => {}
        }
        i += 1;
    }
    None
}

fn is_plain_char(b: u8) -> bool {
    !matches!(b, b' ' | b'\t' | b'[' | b'{' | b',' | b':')
}

/// Where a scalar really ends: saphyr's span for quoted scalars runs on to the next token.
fn scalar_end(yaml: &str, lines: &Lines<'_>, span: &Span, style: ScalarStyle) -> usize {
    let start = lines.byte(span.start.index());
    let end = lines.byte(span.end.index());
    match style {
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
            closing_quote(yaml, start).map_or(end, |q| q + 1)
        }
        _ => end,
    }
}

/// The byte of the quote closing the quoted scalar that starts at (or after tags at) `start`.
fn closing_quote(yaml: &str, start: usize) -> Option<usize> {
    let open = yaml[start..].find(['"', '\''])? + start;
    let quote = yaml.as_bytes()[open];
    let bytes = yaml.as_bytes();
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 1,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            b if b == quote => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The `:` after a key ending at `key_end` (spaces may sit between).
fn find_colon(yaml: &str, key_end: usize) -> Option<usize> {
    let rest = yaml.get(key_end..)?;
    let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    (rest[skipped..].starts_with(':')).then_some(key_end + skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Located = (String, usize, usize, Option<(usize, usize)>);

    fn keys(yaml: &str) -> Vec<Located> {
        locate_entries(yaml)
            .expect("parses")
            .into_iter()
            .map(|e| (e.key, e.first_line, e.end_line, e.inline))
            .collect()
    }

    #[test]
    fn finds_inline_values_without_their_comment() {
        let k = keys("title:   \"A: b\"  # note\ntags: [a, b] # c\n");
        assert_eq!(k[0], ("title".into(), 0, 1, Some((9, 15))));
        assert_eq!(k[1], ("tags".into(), 1, 2, Some((6, 12))));
    }

    #[test]
    fn spans_block_lists_and_mappings_without_the_comments_after_them() {
        let k = keys("tags:\n  - a\n  - b\n\n# x\nimage:\n  path: p\n  alt: a\nz: 1\n");
        assert_eq!(k[0], ("tags".into(), 0, 3, None));
        assert_eq!(k[1], ("image".into(), 5, 8, None));
        assert_eq!(k[2].1, 8);
    }

    #[test]
    fn spans_block_scalars_without_trailing_blank_lines() {
        let k = keys("d: |\n  lit\n  # kept\n\ne: >-\n  f\n\n");
        assert_eq!(k[0], ("d".into(), 0, 3, None));
        assert_eq!(k[1], ("e".into(), 4, 6, None));
    }

    #[test]
    fn counts_characters_as_bytes_after_accents_and_crlf() {
        let k = keys("tïtle: é # c\r\nnext: [x,\r\n  y]\r\n");
        assert_eq!(k[0], ("tïtle".into(), 0, 1, Some((8, 10))));
        assert_eq!(k[1], ("next".into(), 1, 3, None));
    }

    #[test]
    fn reads_empty_values_and_quoted_keys() {
        let k = keys("\"a b\": x\nempty:\nlast: 1\n");
        assert_eq!(k[0].0, "a b");
        assert_eq!(k[1], ("empty".into(), 1, 2, None));
    }

    #[test]
    fn refuses_explicit_keys_whatever_follows_them() {
        // Found by tests/fm_props.rs: the block located, but the same block with a key
        // appended did not, so set wrote what unset then refused.
        for yaml in [
            "? :\n:\t \n",
            "? :\n:\t \nlanyard_probe: x\n",
            "a: 1\n? b\n: c\n",
            " x: 1\n ?\n",
        ] {
            assert!(
                matches!(locate_entries(yaml), Err(EditError::Unsupported { .. })),
                "{yaml:?}"
            );
        }
        // `?` and `:` that are not indicators, or sit inside a value, are plain text.
        assert_eq!(keys("a: ?x\nb:\n  ? c\n  : d\n\"?q\": 1\n").len(), 3);
    }

    #[test]
    fn refuses_a_flow_mapping_root() {
        assert!(matches!(
            locate_entries("{a: 1}\n"),
            Err(EditError::Unsupported { .. })
        ));
    }
}
