//! Where a part's header sits in its file: finding the managed block between the markers,
//! replacing it, or inserting one near the top of the body (after a leading banner image, as
//! in the seed). Only the body is touched; the front matter is kept byte for byte.

use std::ops::Range;

use super::header::{CLOSE_MARKER, OPEN_MARKER};
use crate::front_matter::split_front_matter;

/// Where the managed header of `text` is, as a byte range covering whole lines (from the
/// opening marker's line to the closing marker's line break). `None` when there is no
/// complete block (an opening marker without its closing one is left alone).
pub fn find_header(text: &str) -> Option<Range<usize>> {
    let split = split_front_matter(text);
    let body_start = split.body_start;
    let mut open: Option<usize> = None;
    let mut offset = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let content = line.trim();
        match open {
            None if content == OPEN_MARKER => open = Some(offset),
            Some(start) if content == CLOSE_MARKER => return Some(start..offset + line.len()),
            _ => {}
        }
        offset += line.len();
    }
    None
}

/// `text` with `block` (a header from [`super::header::render_header`], `\n` line breaks) in
/// place of its managed header, or inserted near the top of the body when it has none.
/// The file's line breaks (`\r\n` or `\n`) are kept.
pub fn with_header(text: &str, block: &str) -> String {
    let crlf = text.contains("\r\n");
    let block = if crlf {
        block.replace('\n', "\r\n")
    } else {
        block.to_string()
    };
    let nl = if crlf { "\r\n" } else { "\n" };
    if let Some(range) = find_header(text) {
        let mut out = String::with_capacity(text.len() + block.len());
        out.push_str(&text[..range.start]);
        out.push_str(&block);
        out.push_str(&text[range.end..]);
        return out;
    }
    let at = insert_offset(text);
    let before = &text[..at];
    let after = &text[at..];
    let mut out = String::with_capacity(text.len() + block.len() + 4);
    out.push_str(before);
    if !before.is_empty() && !before.ends_with('\n') {
        out.push_str(nl);
    }
    if needs_blank_line_before(before, split_front_matter(text).body_start) {
        out.push_str(nl);
    }
    out.push_str(&block);
    if !after.is_empty() && !after.starts_with(['\n', '\r']) {
        out.push_str(nl);
    }
    out.push_str(after);
    out
}

/// The header of `text` removed (with one blank line after it), when it has one.
pub fn without_header(text: &str) -> Option<String> {
    let range = find_header(text)?;
    let mut end = range.end;
    for blank in ["\r\n", "\n"] {
        if text[end..].starts_with(blank) {
            end += blank.len();
            break;
        }
    }
    Some(format!("{}{}", &text[..range.start], &text[end..]))
}

/// Where a new header goes: after the front matter, past leading blank lines, banner images
/// (`## ![](/assets/x.jpg)`, `![](...)`) and `<br>` lines, at the start of a line.
pub fn insert_offset(text: &str) -> usize {
    let body_start = split_front_matter(text).body_start;
    let mut offset = body_start;
    let mut after_banner = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            offset += line.len();
            continue;
        }
        if !is_banner_line(content) {
            break;
        }
        offset += line.len();
        after_banner = offset;
    }
    // Insert right after the last banner line, or at the body's first non-blank line.
    if after_banner > body_start {
        skip_blank_lines(text, after_banner)
    } else {
        skip_blank_lines(text, body_start)
    }
}

fn skip_blank_lines(text: &str, from: usize) -> usize {
    let mut offset = from;
    for line in text[from..].split_inclusive('\n') {
        if !line.trim().is_empty() || !line.ends_with('\n') {
            break;
        }
        offset += line.len();
    }
    offset
}

/// A line holding only an image (possibly as a heading) or a `<br>`.
fn is_banner_line(content: &str) -> bool {
    let content = content.trim_start_matches('#').trim();
    let lower = content.to_ascii_lowercase();
    if matches!(lower.as_str(), "<br>" | "<br/>" | "<br />") {
        return true;
    }
    content.starts_with("![") && content.ends_with(')') && content.contains("](")
}

/// Whether a blank line must separate `before` from the block: it ends with text.
fn needs_blank_line_before(before: &str, body_start: usize) -> bool {
    if before.len() <= body_start {
        return false;
    }
    let without_break = before.strip_suffix('\n').unwrap_or(before);
    let last_line = without_break.rsplit('\n').next().unwrap_or("");
    !last_line.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: &str = "<!-- series -->\nS\n- __A__\n\n<!-- /series -->\n";

    #[test]
    fn inserts_after_the_banner_image_with_blank_lines_around() {
        let text = "---\ntitle: A\n---\n\n## ![](/assets/images/a.jpeg)\n\nHello.\n";
        let out = with_header(text, BLOCK);
        assert_eq!(
            out,
            format!("---\ntitle: A\n---\n\n## ![](/assets/images/a.jpeg)\n\n{BLOCK}\nHello.\n")
        );
        assert_eq!(with_header(&out, BLOCK), out);
    }

    #[test]
    fn inserts_at_the_top_of_a_body_without_banner() {
        let text = "---\ntitle: A\n---\nHello.\n";
        let out = with_header(text, BLOCK);
        assert_eq!(out, format!("---\ntitle: A\n---\n{BLOCK}\nHello.\n"));
    }

    #[test]
    fn replaces_only_the_managed_block_and_keeps_crlf() {
        let text =
            "---\r\nt: 1\r\n---\r\n<!-- series -->\r\nold\r\n<!-- /series -->\r\n\r\nBody\r\n";
        let out = with_header(text, BLOCK);
        assert!(out.starts_with("---\r\nt: 1\r\n---\r\n<!-- series -->\r\nS\r\n"));
        assert!(out.ends_with("<!-- /series -->\r\n\r\nBody\r\n"));
    }

    #[test]
    fn ignores_an_unclosed_marker_and_markers_in_front_matter() {
        assert_eq!(find_header("<!-- series -->\nno end\n"), None);
        let text = "---\nx: \"<!-- series -->\"\n---\nbody\n";
        assert_eq!(find_header(text), None);
    }

    #[test]
    fn removes_a_header_with_its_blank_line() {
        let text = format!("---\n---\n{BLOCK}\nBody\n");
        assert_eq!(without_header(&text).as_deref(), Some("---\n---\nBody\n"));
    }
}
