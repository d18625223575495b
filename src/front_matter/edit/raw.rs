//! What the app's front matter form needs beside the edits: each key's value as the YAML
//! text written in the file (for "any other key as raw YAML"), and an edit as one minimal
//! text change (for the editor, so the form's edits land in its undo history).

use super::render::is_blank;
use super::{entries_of, line_starts, EditError};
use crate::front_matter::split_front_matter;

/// One top-level key and its value's YAML text, as written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RawEntry {
    /// The key.
    pub key: String,
    /// 1-based file line of the key.
    pub line: usize,
    /// 1-based file line of the value's last line.
    pub end_line: usize,
    /// The value's text (without the key, a trailing comment on the key's line, or the common
    /// indentation of its lines): giving it back to [`super::set_key`] changes nothing it means.
    pub value_yaml: String,
}

/// Every top-level entry of the front matter of `source`, in file order (duplicates too).
/// Empty when there is no front matter.
pub fn raw_entries(source: &str) -> Result<Vec<RawEntry>, EditError> {
    let split = split_front_matter(source);
    let Some(yaml) = split.yaml else {
        return Ok(Vec::new());
    };
    let starts = line_starts(yaml);
    let entries = entries_of(yaml, split.yaml_line)?;
    Ok(entries
        .iter()
        .map(|e| {
            let first = &yaml[starts[e.first_line]..starts[e.first_line + 1]];
            let value_yaml = match e.inline {
                Some((from, to)) => first[from..to].to_string(),
                None => {
                    // YAML reads a lone `\r` as a line break too (found by fuzzing).
                    let start = starts[e.first_line] + e.after_colon;
                    let text = yaml[start..starts[e.end_line]]
                        .replace("\r\n", "\n")
                        .replace('\r', "\n");
                    let text = before_document_marker(&text);
                    let (head, rest) = text.split_once('\n').unwrap_or((text, ""));
                    let head = head.trim_matches([' ', '\t']);
                    let head = if head.starts_with('#') { "" } else { head };
                    let rest = dedent(rest.trim_end_matches('\n'));
                    match (head.is_empty(), rest.is_empty()) {
                        (_, true) => head.to_string(),
                        (true, false) => rest,
                        (false, false) => format!("{head}\n{rest}"),
                    }
                }
            };
            RawEntry {
                key: e.key.clone(),
                line: split.yaml_line + e.first_line,
                end_line: split.yaml_line + e.end_line - 1,
                value_yaml,
            }
        })
        .collect())
}

/// `text` up to a `---` or `...` line: after a lone `\r` such a line ends the YAML document
/// though it is not a fence for Jekyll's line split (found by fuzzing).
fn before_document_marker(text: &str) -> &str {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let marker = (body.starts_with("---") || body.starts_with("..."))
            && body[3..].trim_start_matches([' ', '\t']).is_empty();
        if marker && offset > 0 {
            return &text[..offset];
        }
        offset += line.len();
    }
    text
}

/// `text` without the indentation its non-blank lines share.
fn dedent(text: &str) -> String {
    let common = text
        .lines()
        .filter(|l| !is_blank(l))
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    text.lines()
        .map(|l| l.get(common..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One replacement that turns a text into another: offsets in bytes and in UTF-16 code units
/// (what a JavaScript editor such as CodeMirror counts).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TextChange {
    /// Start of the replaced range, in bytes.
    pub from: usize,
    /// End of the replaced range, in bytes.
    pub to: usize,
    /// Start in UTF-16 code units.
    pub from_utf16: usize,
    /// End in UTF-16 code units.
    pub to_utf16: usize,
    /// The new text of the range.
    pub insert: String,
}

/// The smallest single change from `old` to `new` (common prefix and suffix kept), on
/// character boundaries.
pub fn text_change(old: &str, new: &str) -> TextChange {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, c), _)| i + c.len_utf8());
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .scan(0, |sum, n| {
            *sum += n;
            Some(*sum)
        })
        .take_while(|&s| s <= max_suffix)
        .last()
        .unwrap_or(0);
    let to = old.len() - suffix;
    let utf16 = |s: &str| s.encode_utf16().count();
    TextChange {
        from: prefix,
        to,
        from_utf16: utf16(&old[..prefix]),
        to_utf16: utf16(&old[..to]),
        insert: new[prefix..new.len() - suffix].to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::set_key;

    #[test]
    fn gives_each_value_as_written() {
        let src = "---\ntitle: \"A: b\" # c\ntags:\n  - x\n  - y\nd: >\n  one\n---\n";
        let raw = raw_entries(src).expect("ok");
        let values: Vec<(&str, &str, usize)> = raw
            .iter()
            .map(|r| (r.key.as_str(), r.value_yaml.as_str(), r.line))
            .collect();
        assert_eq!(
            values,
            [
                ("title", "\"A: b\"", 2),
                ("tags", "- x\n- y", 3),
                ("d", ">\none", 6)
            ]
        );
        for r in &raw {
            let again = set_key(src, &r.key, &r.value_yaml).expect("set");
            let before = crate::front_matter::get_key(src, &r.key).expect("get");
            assert_eq!(
                crate::front_matter::get_key(&again, &r.key).expect("get"),
                before
            );
        }
    }

    #[test]
    fn finds_the_smallest_change_in_utf16_too() {
        let c = text_change("é title: A\n", "é title: Bb\n");
        assert_eq!((c.from, c.to, c.insert.as_str()), (10, 11, "Bb"));
        assert_eq!((c.from_utf16, c.to_utf16), (9, 10));
        let c = text_change("aaa", "aa");
        assert_eq!((c.from, c.to, c.insert.as_str()), (2, 3, ""));
    }
}
