//! Turning the YAML text of a value, as a user typed it, into the text that follows `key:`.
//!
//! The value's own text is kept: its quoting, tags, comments and flow or block style. Only
//! its indentation under the key is ours (two spaces, or the block's own relative indents),
//! and its line endings are the file's.

use super::EditError;

/// A value ready to be written after `key:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedValue {
    /// The value when it fits on the key's line (a scalar or a flow collection).
    pub single_line: Option<String>,
    /// What follows the colon: ` value`, or a line break and indented lines (no final line
    /// break); empty for a null value (`key:`).
    pub tail: String,
}

/// YAML's white space: a form feed or a vertical tab is content, not blank (`str::trim`
/// would drop it; found by fuzzing).
pub(super) const YAML_BLANK: [char; 4] = [' ', '\t', '\r', '\n'];

/// Whether `line` holds only YAML white space.
pub(super) fn is_blank(line: &str) -> bool {
    line.trim_matches(YAML_BLANK).is_empty()
}

/// Renders `text` (YAML for one value; `""` is null) for a file whose lines end with `eol`,
/// block lines indented by two spaces.
pub fn render_value(text: &str, eol: &str) -> Result<RenderedValue, EditError> {
    render_value_indented(text, eol, "  ")
}

/// Like [`render_value`], block lines indented by `indent` (the indentation the key's old
/// block value had, so re-setting a value keeps its look). An empty `indent` is only used
/// for a block list (`key:` then `- a` at the key's column is YAML); others get two spaces.
pub fn render_value_indented(
    text: &str,
    eol: &str,
    indent: &str,
) -> Result<RenderedValue, EditError> {
    // YAML reads `\r\n` and a lone `\r` as line breaks; the file's own `eol` is written.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = trim_trailing_blank_lines(&text);
    let text = trim_leading_blank_lines(text);
    // A one-line block list item (`- a`) cannot follow `key:` on its line.
    let block_item = text.trim_matches(YAML_BLANK) == "-"
        || text.trim_start_matches(YAML_BLANK).starts_with("- ");
    if !text.contains('\n') && !block_item {
        let single = text.trim_matches(YAML_BLANK);
        if single.is_empty() {
            return Ok(RenderedValue {
                single_line: None,
                tail: String::new(),
            });
        }
        return Ok(RenderedValue {
            single_line: Some(single.to_string()),
            tail: format!(" {single}"),
        });
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let first = lines[0].trim_matches(YAML_BLANK);
    let indent = if indent.is_empty() && !block_item {
        "  "
    } else {
        indent
    };
    let tail = if first.starts_with(['|', '>']) {
        let indent = if indent.is_empty() { "  " } else { indent };
        format!(" {first}{eol}{}", indent_block(&lines[1..], eol, indent))
    } else {
        format!("{eol}{}", indent_block(&lines, eol, indent))
    };
    Ok(RenderedValue {
        single_line: None,
        tail,
    })
}

/// `text` without its final line breaks and blank last lines; a content line keeps its
/// trailing spaces (`\ ` escapes a space in a quoted text, a `|` block keeps them: found by
/// fuzzing).
fn trim_trailing_blank_lines(text: &str) -> &str {
    let mut rest = text.trim_end_matches('\n');
    while let Some(i) = rest.rfind('\n') {
        if !is_blank(&rest[i + 1..]) {
            break;
        }
        rest = rest[..i].trim_end_matches('\n');
    }
    if is_blank(rest) {
        ""
    } else {
        rest
    }
}

fn trim_leading_blank_lines(text: &str) -> &str {
    let mut rest = text;
    while let Some(i) = rest.find('\n') {
        if is_blank(&rest[..i]) {
            rest = &rest[i + 1..];
        } else {
            break;
        }
    }
    rest
}

/// The lines, their common indentation replaced by `indent`; blank lines left empty.
fn indent_block(lines: &[&str], eol: &str, indent: &str) -> String {
    let common = lines
        .iter()
        .filter(|l| !is_blank(l))
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| {
            if is_blank(l) {
                String::new()
            } else {
                format!("{indent}{}", l.get(common..).unwrap_or(l))
            }
        })
        .collect::<Vec<_>>()
        .join(eol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_scalar_on_the_key_line_as_typed() {
        let r = render_value("  \"Jour 1: keynotes\"  ", "\n").expect("ok");
        assert_eq!(r.single_line.as_deref(), Some("\"Jour 1: keynotes\""));
        assert_eq!(r.tail, " \"Jour 1: keynotes\"");
    }

    #[test]
    fn writes_a_one_line_list_item_as_a_block() {
        let r = render_value("- KubeCon", "\n").expect("ok");
        assert_eq!(r.tail, "\n  - KubeCon");
    }

    #[test]
    fn keeps_a_given_indentation_and_a_list_at_the_key_column() {
        let r = render_value_indented("- a\n- b", "\n", "").expect("ok");
        assert_eq!(r.tail, "\n- a\n- b");
        let r = render_value_indented("k: v\nl: w", "\n", "").expect("ok");
        assert_eq!(r.tail, "\n  k: v\n  l: w");
        let r = render_value_indented("k: v\nl: w", "\n", "    ").expect("ok");
        assert_eq!(r.tail, "\n    k: v\n    l: w");
    }

    #[test]
    fn writes_an_empty_value_as_null() {
        assert_eq!(render_value("", "\n").expect("ok").tail, "");
    }

    #[test]
    fn indents_block_lists_under_the_key_with_the_file_line_endings() {
        let r = render_value("- a\n- b\n", "\r\n").expect("ok");
        assert_eq!(r.tail, "\r\n  - a\r\n  - b");
        assert_eq!(r.single_line, None);
    }

    #[test]
    fn keeps_the_relative_indentation_of_nested_mappings() {
        let r = render_value("    name: X\n    links:\n      - a\n", "\n").expect("ok");
        assert_eq!(r.tail, "\n  name: X\n  links:\n    - a");
    }

    #[test]
    fn keeps_a_block_scalar_header_on_the_key_line() {
        let r = render_value(">\nfolded\n\nmore\n", "\n").expect("ok");
        assert_eq!(r.tail, " >\n  folded\n\n  more");
    }
}
