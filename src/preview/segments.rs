//! Splitting a post's body into top-level segments that render alone exactly as they render
//! inside the whole post.
//!
//! A boundary is only placed at the start of a line that follows a blank line, where the
//! Markdown and Liquid state is known to be plain: outside fenced code (the crate's one fence
//! rule, [`fence_marker`]), outside Liquid block tags (`if`, `for`, `raw`, `comment`,
//! `capture`, `highlight`...), outside HTML elements and comments and `$$` math that span
//! blank lines, and never before a line that could continue what came before (an indented
//! line, a list item, a quote, an IAL, a definition). When in doubt there is no boundary: a
//! bigger segment costs time, a wrong one costs fidelity.

use crate::render::markdown::{fence_marker, Fence};

/// The Liquid tags that open a block closed by `end<name>`.
const LIQUID_BLOCKS: [&str; 10] = [
    "if",
    "unless",
    "case",
    "for",
    "tablerow",
    "capture",
    "raw",
    "comment",
    "highlight",
    "paginate",
];

/// HTML elements that never have a closing tag.
const VOID_ELEMENTS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// What the scan found: segment starts (byte offsets into the body, the first is 0) and the
/// document-wide definitions every segment needs.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Byte offsets where segments start, ascending, beginning with 0.
    pub starts: Vec<usize>,
    /// The 0-based body line of each start.
    pub start_lines: Vec<usize>,
    /// Reference link and abbreviation definition lines, in order, each ending with `\n`.
    pub definitions: String,
    /// Whether the body ended inside an open construct (a fence, a Liquid block, an HTML
    /// element, math): the segments are then not safe to render apart.
    pub open_at_end: bool,
    /// Whether two definitions share a label (which one wins depends on order).
    pub duplicate_definitions: bool,
}

/// The state that must be plain at a boundary.
#[derive(Debug, Default)]
struct State {
    fence: Option<Fence>,
    liquid_depth: usize,
    /// Inside `{% raw %}` or `{% comment %}`: only the matching end tag counts.
    liquid_verbatim: Option<&'static str>,
    /// Inside a Liquid tag or output: the `%}` or `}}` that closes it.
    liquid_open: Option<&'static str>,
    html_depth: usize,
    html_comment: bool,
    /// Inside an HTML tag whose `>` is on a later line.
    html_in_tag: bool,
    math_open: bool,
}

impl State {
    fn plain(&self) -> bool {
        self.fence.is_none()
            && self.liquid_depth == 0
            && self.liquid_verbatim.is_none()
            && self.liquid_open.is_none()
            && self.html_depth == 0
            && !self.html_comment
            && !self.html_in_tag
            && !self.math_open
    }
}

/// Scans `body` for segment boundaries and definitions.
pub(crate) fn scan(body: &str) -> Scan {
    let mut out = Scan {
        starts: vec![0],
        start_lines: vec![0],
        ..Scan::default()
    };
    let mut state = State::default();
    let mut labels = std::collections::HashSet::new();
    let mut previous_blank = true;
    let mut previous_definition = false;
    let mut last_content: &str = "";
    let mut offset = 0;
    for (index, raw) in body.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        let blank = line.trim_matches([' ', '\t']).is_empty();
        if index > 0
            && !blank
            && previous_blank
            && state.plain()
            && may_start_segment(line)
            && !last_content.starts_with("{:")
        {
            out.starts.push(offset);
            out.start_lines.push(index);
        }
        let was_plain = state.plain();
        let is_definition = was_plain
            && (previous_blank || previous_definition)
            && definition_label(line).is_some();
        if is_definition {
            if let Some(label) = definition_label(line) {
                if !labels.insert(label.to_lowercase()) {
                    out.duplicate_definitions = true;
                }
            }
            out.definitions.push_str(line);
            out.definitions.push('\n');
        }
        advance(&mut state, line);
        previous_blank = blank;
        previous_definition = is_definition;
        if !blank {
            last_content = line;
        }
        offset += raw.len();
    }
    out.open_at_end = !state.plain();
    out
}

/// Whether a segment may start with `line` (which follows a blank line in plain state).
fn may_start_segment(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if first == ' ' || first == '\t' || first == '>' || first == ':' {
        return false;
    }
    if line.starts_with("{:") || line.starts_with("[^") || line.starts_with("*[") {
        return false;
    }
    !is_list_item(line)
}

/// `- x`, `* x`, `+ x`, `1. x`, `1) x` (and the bare markers).
fn is_list_item(line: &str) -> bool {
    let bytes = line.as_bytes();
    let after = |i: usize| bytes.get(i).is_none_or(|b| *b == b' ' || *b == b'\t');
    match bytes.first() {
        Some(b'-' | b'*' | b'+') => after(1),
        Some(b'0'..=b'9') => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            matches!(bytes.get(digits), Some(b'.' | b')')) && after(digits + 1)
        }
        _ => false,
    }
}

/// The label of a reference link (`[x]: url`) or abbreviation (`*[x]: text`) definition line.
fn definition_label(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let rest = rest.strip_prefix('*').unwrap_or(rest);
    let inner = rest.strip_prefix('[')?;
    if inner.starts_with('^') {
        return None;
    }
    let close = inner.find("]:")?;
    let label = &inner[..close];
    (!label.is_empty() && !label.contains('[') && !inner[close + 2..].trim().is_empty())
        .then_some(label)
}

/// Updates `state` with one line.
fn advance(state: &mut State, line: &str) {
    advance_liquid(state, line);
    match state.fence {
        Some(open) => {
            if open.closed_by(line) {
                state.fence = None;
            }
            return;
        }
        None => {
            if let Some(opened) = fence_marker(line) {
                state.fence = Some(opened);
                return;
            }
        }
    }
    let text = without_code_spans(line);
    advance_html(state, &text);
    if text.matches("$$").count() % 2 == 1 {
        state.math_open = !state.math_open;
    }
}

/// Liquid block tags of one line (Liquid runs before Markdown, so fences do not hide them),
/// and tags or outputs left open at its end (Liquid reads them across lines).
fn advance_liquid(state: &mut State, line: &str) {
    let mut rest = line;
    loop {
        if let Some(closer) = state.liquid_open {
            match rest.find(closer) {
                Some(end) => {
                    state.liquid_open = None;
                    rest = &rest[end + 2..];
                }
                None => return,
            }
        }
        let tag = rest.find("{%");
        let output = rest.find("{{");
        let (open, closer) = match (tag, output) {
            (Some(t), Some(o)) if o < t => (o, "}}"),
            (Some(t), _) => (t, "%}"),
            (None, Some(o)) => (o, "}}"),
            (None, None) => return,
        };
        rest = &rest[open + 2..];
        state.liquid_open = Some(closer);
        if closer == "}}" {
            continue;
        }
        let name: String = rest
            .trim_start_matches('-')
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if let Some(verbatim) = state.liquid_verbatim {
            if name.strip_prefix("end") == Some(verbatim) {
                state.liquid_verbatim = None;
                state.liquid_depth = state.liquid_depth.saturating_sub(1);
            }
            continue;
        }
        if let Some(closed) = name.strip_prefix("end") {
            if LIQUID_BLOCKS.contains(&closed) {
                state.liquid_depth = state.liquid_depth.saturating_sub(1);
            }
        } else if let Some(block) = LIQUID_BLOCKS.iter().find(|b| **b == name) {
            state.liquid_depth += 1;
            if *block == "raw" || *block == "comment" {
                state.liquid_verbatim = Some(block);
            }
        }
    }
}

/// HTML elements, comments and tags left open across lines, of one line (code spans removed).
fn advance_html(state: &mut State, text: &str) {
    let mut rest = text;
    loop {
        if state.html_comment {
            match rest.find("-->") {
                Some(end) => {
                    state.html_comment = false;
                    rest = &rest[end + 3..];
                }
                None => return,
            }
        }
        if state.html_in_tag {
            match rest.find('>') {
                Some(end) => {
                    state.html_in_tag = false;
                    rest = &rest[end + 1..];
                }
                None => return,
            }
        }
        let Some(lt) = rest.find('<') else { return };
        rest = &rest[lt + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            state.html_comment = true;
            rest = after;
            continue;
        }
        let closing = rest.starts_with('/');
        let name_part = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = name_part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let after_name = &name_part[name.len()..];
        let tag_end = after_name.find('>');
        if tag_end.is_none() {
            // `<img src="..." alt="...` going on after a blank line: kramdown reads on.
            state.html_in_tag = true;
        }
        let name = name.to_ascii_lowercase();
        if closing {
            // `</a[x]>` closes nothing: an HTML parser keeps `<a>` open.
            let well_formed = after_name.starts_with(|c: char| c == '>' || c.is_whitespace());
            if well_formed {
                state.html_depth = state.html_depth.saturating_sub(1);
            }
        } else if !VOID_ELEMENTS.contains(&name.as_str())
            && !after_name[..tag_end.unwrap_or(after_name.len())].ends_with('/')
        {
            state.html_depth += 1;
        }
        rest = &after_name[tag_end.map_or(after_name.len(), |e| e + 1)..];
    }
}

/// `line` with its closed backtick code spans removed (their `<` and `$$` are text); a
/// backtick run with no closing run of the same length stays, as Markdown reads it.
fn without_code_spans(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('`') {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('`') {
        out.push_str(&rest[..open]);
        let run = rest[open..].bytes().take_while(|b| *b == b'`').count();
        let after = &rest[open + run..];
        match closing_run(after, run) {
            Some(close) => rest = &after[close + run..],
            None => {
                out.push_str(&rest[open..open + run]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Where in `text` a run of exactly `len` backticks starts.
fn closing_run(text: &str, len: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
            if run == len {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(body: &str) -> Vec<usize> {
        scan(body).start_lines
    }

    #[test]
    fn paragraphs_and_headings_split_at_blank_lines() {
        assert_eq!(starts("# A\n\npara\n\n## B\ntext\n"), vec![0, 2, 4]);
    }

    #[test]
    fn fences_lists_quotes_and_ials_stay_whole() {
        assert_eq!(starts("```\na\n\nb\n```\n\nc\n"), vec![0, 6]);
        assert_eq!(starts("~~~\n```\n\nx\n~~~\n\nc\n"), vec![0, 6]);
        assert_eq!(starts("- a\n\n- b\n\n  more\n\nc\n"), vec![0, 6]);
        assert_eq!(starts("> a\n\n> b\n"), vec![0]);
        assert_eq!(starts("para\n\n{: .x}\n\nnext\n"), vec![0]);
    }

    #[test]
    fn liquid_blocks_html_and_math_stay_whole() {
        assert_eq!(starts("{% if a %}\n\nx\n\n{% endif %}\n\ny\n"), vec![0, 6]);
        assert_eq!(
            starts("{% raw %}\n{% if %}\n\n{% endraw %}\n\ny\n"),
            vec![0, 5]
        );
        assert_eq!(starts("<div>\n\nx\n\n</div>\n\ny\n"), vec![0, 6]);
        assert_eq!(starts("<!--\n\nx\n-->\n\ny\n"), vec![0, 5]);
        assert_eq!(starts("$$\na\n\nb\n$$\n\ny\n"), vec![0, 6]);
        assert_eq!(starts("use `<div>` here\n\ny\n"), vec![0, 2]);
        assert_eq!(starts("a ` b <div>\n\ny\n</div>\n"), vec![0]);
        assert_eq!(starts("<a href=x>\n\ny</a[x]>\n\nz\n"), vec![0]);
        assert_eq!(starts("<img alt=\"a\n\nb\">\n\nz\n"), vec![0, 4]);
        assert_eq!(
            starts("```js```\n\nx\n\n  ```\n\ny\n  ```\n\nz\n"),
            vec![0, 2, 9]
        );
        assert_eq!(starts("[a]({% post_url\n\nx %})\n\ny\n"), vec![0, 4]);
    }

    #[test]
    fn an_unclosed_fence_is_open_at_the_end() {
        assert!(scan("a\n\n```\nx\n").open_at_end);
        assert!(!scan("a\n\nb\n").open_at_end);
    }

    #[test]
    fn definitions_are_collected_and_duplicates_noticed() {
        let s = scan("a [x]\n\n[x]: /u\n*[HTML]: Hyper\n\ntext\n[y]: not a def\n");
        assert_eq!(s.definitions, "[x]: /u\n*[HTML]: Hyper\n");
        assert!(!s.duplicate_definitions);
        assert!(scan("[x]: /a\n\n[X]: /b\n").duplicate_definitions);
    }
}
