//! The text the Liquid pass produces, with its [`SourceMap`] back to the file and the stash of
//! finished HTML (highlighted code) that must reach the page untouched by Markdown.

pub(crate) use crate::render::source_map::Origin;
use crate::render::source_map::SourceMap;

/// Stash markers are single characters of Unicode's Supplementary Private Use Area-A
/// (`U+F0000 + index`): a post cannot contain them meaningfully, Markdown passes them through
/// as text, and at four bytes they fit in place of what they stand for.
const STASH_BASE: u32 = 0xF0000;
/// How many stash markers exist.
const STASH_SLOTS: u32 = 0xFFFE;

/// The marker for stash entry `index`, when there is one.
pub(crate) fn stash_marker(index: usize) -> Option<char> {
    u32::try_from(index)
        .ok()
        .filter(|&i| i < STASH_SLOTS)
        .and_then(|i| char::from_u32(STASH_BASE + i))
}

/// The stash index a character stands for.
pub(crate) fn stash_index(c: char) -> Option<usize> {
    let v = c as u32;
    (STASH_BASE..STASH_BASE + STASH_SLOTS)
        .contains(&v)
        .then(|| (v - STASH_BASE) as usize)
}

/// Marks a `post_url` result whose target is broken; the Markdown pass turns it into a class.
pub(crate) const BROKEN_URL: char = '\u{E002}';

/// The Liquid pass's output.
#[derive(Debug, Clone, Default)]
pub(crate) struct Expanded {
    /// The Markdown to parse.
    pub text: String,
    /// From output offsets to file offsets (a tag's output maps to the tag).
    pub map: SourceMap,
    /// Finished HTML blocks referenced by stash markers.
    pub stash: Vec<String>,
}

impl Expanded {
    /// Appends text with its origin.
    pub fn push(&mut self, text: &str, origin: Origin) {
        if text.is_empty() {
            return;
        }
        self.map.push(self.text.len(), origin);
        self.text.push_str(text);
    }

    /// Appends a stash marker for `html`, as a block of its own.
    pub fn push_stashed_block(&mut self, html: String, origin: Origin) {
        match stash_marker(self.stash.len()) {
            Some(marker) => {
                self.stash.push(html);
                self.push(&format!("\n\n{marker}\n\n"), origin);
            }
            None => self.push(&html, origin),
        }
    }

    /// Appends a stash marker for inline `html`, opaque to Markdown.
    pub fn push_stashed_inline(&mut self, html: String, origin: Origin) {
        match stash_marker(self.stash.len()) {
            Some(marker) => {
                self.stash.push(html);
                self.push(marker.encode_utf8(&mut [0; 4]), origin);
            }
            None => self.push(&html, origin),
        }
    }

    /// Removes and returns everything output since `mark` (a `text.len()` taken earlier).
    pub fn take_since(&mut self, mark: usize) -> String {
        let taken = self.text.split_off(mark);
        self.map.truncate(mark);
        taken
    }

    /// Maps an output offset back to a byte offset in the source file.
    #[cfg(test)]
    pub fn source_offset(&self, out: usize) -> usize {
        self.map.source_offset(out)
    }
}

/// Replaces stash markers in `html` with their stashed HTML; a marker alone in a paragraph
/// replaces the whole paragraph.
pub(crate) fn unstash(html: &str, stash: &[String]) -> String {
    if stash.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((at, c)) = rest.char_indices().find(|&(_, c)| stash_index(c).is_some()) {
        let mut before = &rest[..at];
        let mut after = &rest[at + c.len_utf8()..];
        let entry = stash_index(c).and_then(|i| stash.get(i));
        // A block entry (it ends with a newline) alone in a paragraph replaces the paragraph:
        // `<p>` or `<p data-line="N">` right before and `</p>` right after are dropped.
        let is_block = entry.is_some_and(|e| e.ends_with('\n'));
        let mut line_attr = None;
        if let (true, Some(p), Some(stripped)) =
            (is_block, before.rfind("<p"), after.strip_prefix("</p>"))
        {
            let tag = &before[p..];
            let is_p_tag = tag == "<p>" || (tag.starts_with("<p ") && tag.ends_with('>'));
            if is_p_tag && !tag[1..].contains('<') {
                line_attr = tag
                    .find(" data-line=")
                    .map(|i| tag[i..tag.len() - 1].to_string());
                before = &before[..p];
                after = stripped;
            }
        }
        out.push_str(before);
        if let Some(entry) = entry {
            push_with_line(&mut out, entry, line_attr.as_deref());
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Writes `entry`, moving the paragraph's ` data-line="N"` onto its first element, so that
/// scroll sync still knows where an HTML block or a highlighted block starts.
fn push_with_line(out: &mut String, entry: &str, line_attr: Option<&str>) {
    let name_len = entry.get(1..).map_or(0, |r| {
        r.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(0)
    });
    match line_attr {
        Some(attr) if entry.starts_with('<') && name_len > 0 => {
            out.push_str(&entry[..1 + name_len]);
            out.push_str(attr);
            out.push_str(&entry[1 + name_len..]);
        }
        _ => out.push_str(entry),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copied_and_generated_offsets() {
        let mut e = Expanded::default();
        e.push("abc", Origin::Copied(10));
        e.push("XYZ", Origin::Generated(40));
        e.push("de", Origin::Copied(50));
        assert_eq!(e.source_offset(1), 11);
        assert_eq!(e.source_offset(4), 40);
        assert_eq!(e.source_offset(7), 51);
    }

    #[test]
    fn replaces_a_paragraph_holding_only_a_marker() {
        let marker = stash_marker(0).unwrap_or_default();
        let html = format!("<p>{marker}</p>\n<p>x</p>");
        assert_eq!(
            unstash(&html, &["<figure></figure>\n".into()]),
            "<figure></figure>\n\n<p>x</p>"
        );
    }

    #[test]
    fn moves_the_data_line_onto_the_block() {
        let marker = stash_marker(0).unwrap_or_default();
        let html = format!("<p data-line=\"7\">{marker}</p>");
        assert_eq!(
            unstash(&html, &["<div>x</div>\n".into()]),
            "<div data-line=\"7\">x</div>\n"
        );
    }

    #[test]
    fn keeps_the_paragraph_around_an_inline_marker() {
        let marker = stash_marker(0).unwrap_or_default();
        let html = format!("<p>{marker}</p>");
        assert_eq!(
            unstash(&html, &["<span>x</span>".into()]),
            "<p><span>x</span></p>"
        );
    }

    #[test]
    fn takes_back_output_since_a_mark() {
        let mut e = Expanded::default();
        e.push("ab", Origin::Copied(0));
        e.push("cd", Origin::Generated(5));
        assert_eq!(e.take_since(2), "cd");
        assert_eq!(e.map.len(), 1);
    }
}
