//! kramdown's typography, replacing pulldown-cmark's smart punctuation: `---` `--` `...`
//! become `—` `–` `…`, and quotes are curled by kramdown's own rules (`SQ_RULES` in
//! `parser/kramdown/smart_quotes.rb`), which differ from CommonMark's flanking rules: after
//! `@` a quote closes, `'90s` takes an apostrophe, a quote before `*emphasis*` opens.
//!
//! kramdown scans the source: a quote sees the character before it only when that character
//! is plain text of the same run (not markup an element consumed), and it looks ahead into
//! the raw source. Text events give us both: the previous character of the same run of
//! adjacent text, and the source after the quote.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::Node;

/// Curls quotes and writes dashes and ellipses in text outside code.
pub(crate) fn apply_typography<'a, 't>(
    nodes: impl Iterator<Item = Node<'a>> + 't,
    source: &'t str,
) -> impl Iterator<Item = Node<'a>> + 't
where
    'a: 't,
{
    let mut in_code = 0usize;
    // End of the previous text event and its last character, for adjacency.
    let mut prev_text: Option<(usize, char)> = None;
    nodes.map(move |mut node| {
        match &node.event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Text(t) if in_code == 0 => {
                let before = prev_text
                    .filter(|(end, _)| *end == node.range.start)
                    .map(|(_, c)| c);
                let raw = source.get(node.range.clone()).filter(|r| *r == &**t);
                let escaped =
                    source.as_bytes().get(node.range.start) == Some(&b'\\') && raw.is_none();
                let last = t.chars().last();
                if !escaped && t.contains(['\'', '"', '-', '.']) {
                    let after = |i: usize| match raw {
                        Some(_) => source.get(node.range.start + i..).unwrap_or(""),
                        None => t.get(i..).unwrap_or(""),
                    };
                    let new = typeset(t, before, after);
                    node.event = Event::Text(CowStr::from(new));
                }
                prev_text = last.map(|c| (node.range.end, c));
                return node;
            }
            _ => {}
        }
        prev_text = None;
        node
    })
}

/// Typesets one text run. `before` is the plain character preceding it, `after(i)` the
/// source from byte `i` of the text on.
fn typeset<'s>(text: &str, before: Option<char>, after: impl Fn(usize) -> &'s str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = before;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let (written, len) = if rest.starts_with("---") {
            ("—".to_string(), 3)
        } else if rest.starts_with("--") {
            ("–".to_string(), 2)
        } else if rest.starts_with("...") {
            ("…".to_string(), 3)
        } else if let Some(q @ ('\'' | '"')) = rest.chars().next() {
            let next = &after(i)[1.min(after(i).len())..];
            (curl(q, prev, next).to_string(), 1)
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            (c.to_string(), c.len_utf8())
        };
        prev = written.chars().last();
        out.push_str(&written);
        i += len;
    }
    out
}

/// kramdown's quote rules, in order, for quote `q` after `prev` and before `next`.
fn curl(q: char, prev: Option<char>, next: &str) -> char {
    let (open, close) = if q == '"' {
        ('“', '”')
    } else {
        ('‘', '’')
    };
    let mut ahead = next.chars();
    let n1 = ahead.next();
    let n2 = ahead.next();
    let n3 = ahead.next();
    let is_space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    // Rule 6 (space, quote, word character: opening) agrees with the fallback below.
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let decade = q == '\''
        && n1.is_some_and(|c| c.is_ascii_digit())
        && n2.is_some_and(|c| c.is_ascii_digit())
        && n3 == Some('s');
    match prev {
        // Nothing plain before: rules 1, 2, 5 and 8 look at the quote itself.
        None => {
            let before_emphasis = n1.is_some_and(|c| c == '_' || c == '*')
                && !next
                    .trim_start_matches(['_', '*'])
                    .starts_with(char::is_whitespace);
            let before_punct =
                n1.is_some_and(is_sq_punct) && !next.starts_with("..") && !is_word(n2);
            if before_emphasis {
                open
            } else if before_punct || decade || is_space(n1) || (n1 == Some('s') && !is_word(n2)) {
                close
            } else {
                open
            }
        }
        // Rules 5, 6 and 7, then "any remaining quote opens".
        Some(p) => {
            if decade || (!p.is_whitespace() && !matches!(p, '\\' | '[' | '{' | '(' | '-')) {
                close
            } else {
                open
            }
        }
    }
}

/// kramdown's `SQ_PUNCT`.
fn is_sq_punct(c: char) -> bool {
    "!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> String {
        typeset(text, None, |i| &text[i..])
    }

    #[test]
    fn curls_quotes_like_kramdown() {
        assert_eq!(run("\"Quoted\" and 'single'"), "“Quoted” and ‘single’");
        assert_eq!(run("it's the '90s"), "it’s the ’90s");
        assert_eq!(run("path @\"C:\\x\""), "path @”C:\\x”");
    }

    #[test]
    fn writes_dashes_and_ellipses() {
        assert_eq!(run("a -- b --- c..."), "a – b — c…");
    }

    #[test]
    fn opens_a_quote_before_emphasis() {
        assert_eq!(curl('"', None, "*word*\""), '“');
    }
}
