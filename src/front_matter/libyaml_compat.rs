//! Making YAML that Ruby's Psych (libyaml) accepts but `saphyr-parser` refuses readable by it.
//!
//! libyaml lets a multi-line quoted scalar continue at column 0 (`description: "one` then
//! `two"` on the next line); YAML 1.2 parsers refuse it ("invalid indentation in quoted
//! scalar"). Continuation lines of a quoted scalar are folded with their leading spaces
//! dropped, so indenting them past the key changes nothing in the value.

/// The message `saphyr-parser` gives for an under-indented quoted scalar continuation.
pub const QUOTED_INDENT_ERROR: &str = "invalid indentation in quoted scalar";

/// Indents the continuation lines of the quoted scalar that starts on `line` (1-based, in
/// `yaml`) past the key's indentation. `None` when there is nothing to fix there.
pub fn indent_quoted_continuations(yaml: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let first = *lines.get(line.checked_sub(1)?)?;
    let key_indent = first.len() - first.trim_start_matches(' ').len();
    let (quote_at, quote) = first
        .char_indices()
        .skip(key_indent)
        .find(|(_, c)| *c == '"' || *c == '\'')?;
    if closes_quote(&first[quote_at + 1..], quote) {
        return None;
    }
    let pad = " ".repeat(key_indent + 1);
    let mut out: String = lines[..line].concat();
    let mut changed = false;
    let mut closed = false;
    for text in &lines[line..] {
        if closed {
            out.push_str(text);
            continue;
        }
        let indent = text.len() - text.trim_start_matches(' ').len();
        if indent <= key_indent && !text.trim().is_empty() {
            out.push_str(&pad);
            changed = true;
        }
        out.push_str(text);
        closed = closes_quote(text, quote);
    }
    changed.then_some(out)
}

/// Whether `text` (inside a scalar quoted with `quote`) holds the closing quote.
fn closes_quote(text: &str, quote: char) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quote) {
            ('\\', '"') => {
                chars.next();
            }
            ('\'', '\'') if chars.peek() == Some(&'\'') => {
                chars.next();
            }
            (c, q) if c == q => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_continuation_lines_of_a_double_quoted_scalar() {
        let yaml = "title: T\ndescription: \"one\ntwo \\\" still\nthree\"\nauthor: A\n";
        let fixed = indent_quoted_continuations(yaml, 2).expect("fixed");
        assert_eq!(
            fixed,
            "title: T\ndescription: \"one\n two \\\" still\n three\"\nauthor: A\n"
        );
    }

    #[test]
    fn handles_single_quotes_with_doubled_quotes() {
        let yaml = "a: 'it''s\nfine'\nb: c\n";
        assert_eq!(
            indent_quoted_continuations(yaml, 1).as_deref(),
            Some("a: 'it''s\n fine'\nb: c\n")
        );
    }

    #[test]
    fn leaves_closed_scalars_alone() {
        assert_eq!(indent_quoted_continuations("a: \"x\"\nb: y\n", 1), None);
    }
}
