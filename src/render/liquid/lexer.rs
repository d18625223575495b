//! Splitting a template into text, `{% tag %}` and `{{ output }}` tokens, as Liquid 4 does
//! (Jekyll 4.3's `Liquid::Tokenizer`), with byte offsets so every token can be located in the
//! source file. `{% raw %}...{% endraw %}` is kept verbatim, and the whitespace control marks
//! (`{%-`, `-%}`, `{{-`, `-}}`) strip the neighbouring whitespace as Liquid does.

use std::ops::Range;

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// Plain text, copied as is (also the inside of `{% raw %}`).
    Text(&'a str),
    /// `{% name args %}`: the tag name and the rest of its markup, trimmed.
    Tag { name: &'a str, args: &'a str },
    /// `{{ expression }}`, trimmed.
    Output(&'a str),
}

/// A token and where it sits in the template, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spanned<'a> {
    /// The token.
    pub token: Token<'a>,
    /// Its byte range in the template.
    pub range: Range<usize>,
}

/// Tokenizes `src`. An unterminated `{%` or `{{` is kept as text, as Liquid's lax mode does.
pub(crate) fn tokenize(src: &str) -> Vec<Spanned<'_>> {
    let bytes = src.as_bytes();
    let mut out: Vec<Spanned<'_>> = Vec::new();
    let mut pos = 0;
    let mut text_start = 0;
    let mut strip_next = false;
    // Once no `{% endraw %}` follows some offset, none follows any later one: remembering it
    // keeps thousands of unclosed `{% raw %}` tags from each scanning the rest of the text.
    let mut endraw_missing_after = usize::MAX;
    while let Some(found) = memchr_brace(bytes, pos) {
        let next = bytes.get(found + 1).copied();
        let closer = match next {
            Some(b'%') => "%}",
            Some(b'{') => "}}",
            _ => {
                pos = found + 1;
                continue;
            }
        };
        let Some(end_rel) = src[found + 2..].find(closer) else {
            break;
        };
        let end = found + 2 + end_rel + 2;
        let inner = &src[found + 2..end - 2];
        let strip_before = inner.starts_with('-');
        let strip_after = inner.ends_with('-') && inner.len() > 1;
        let inner = inner.strip_prefix('-').unwrap_or(inner);
        let inner = inner.strip_suffix('-').unwrap_or(inner).trim();
        push_text(&mut out, src, text_start..found, strip_next, strip_before);
        let token = if closer == "}}" {
            Token::Output(inner)
        } else {
            let (name, args) = split_name(inner);
            Token::Tag { name, args }
        };
        if let (Token::Tag { name: "raw", .. }, true) = (&token, end < endraw_missing_after) {
            match find_endraw(src, end) {
                Some((body, after)) => {
                    push_text(&mut out, src, body, strip_after, false);
                    pos = after;
                    text_start = after;
                    strip_next = false;
                    continue;
                }
                None => endraw_missing_after = end,
            }
        }
        out.push(Spanned {
            token,
            range: found..end,
        });
        pos = end;
        text_start = end;
        strip_next = strip_after;
    }
    push_text(&mut out, src, text_start..src.len(), strip_next, false);
    out
}

/// Next `{` at or after `from`.
fn memchr_brace(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'{')
        .map(|i| i + from)
}

/// Splits tag markup into its name and arguments.
fn split_name(inner: &str) -> (&str, &str) {
    match inner.find(|c: char| c.is_whitespace()) {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => (inner, ""),
    }
}

/// Finds the `{% endraw %}` closing a raw block whose opening tag ends at `from`: returns the
/// verbatim body range and the offset after the closing tag.
fn find_endraw(src: &str, from: usize) -> Option<(Range<usize>, usize)> {
    let mut search = from;
    while let Some(rel) = src[search..].find("{%") {
        let start = search + rel;
        let end = start + 2 + src[start + 2..].find("%}")? + 2;
        let inner = src[start + 2..end - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if inner == "endraw" {
            return Some((from..start, end));
        }
        search = start + 2;
    }
    None
}

/// Pushes a text token, trimming whitespace on the sides a `-` mark asked for.
fn push_text<'a>(
    out: &mut Vec<Spanned<'a>>,
    src: &'a str,
    range: Range<usize>,
    strip_start: bool,
    strip_end: bool,
) {
    let mut text = &src[range.clone()];
    let mut start = range.start;
    if strip_start {
        let trimmed = text.trim_start();
        start += text.len() - trimmed.len();
        text = trimmed;
    }
    if strip_end {
        text = text.trim_end();
    }
    if !text.is_empty() {
        out.push(Spanned {
            token: Token::Text(text),
            range: start..start + text.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Token<'_>> {
        tokenize(src).into_iter().map(|s| s.token).collect()
    }

    #[test]
    fn splits_text_tags_and_outputs() {
        assert_eq!(
            kinds("a {% post_url x %} b {{ page.title }}"),
            vec![
                Token::Text("a "),
                Token::Tag {
                    name: "post_url",
                    args: "x"
                },
                Token::Text(" b "),
                Token::Output("page.title"),
            ]
        );
    }

    #[test]
    fn keeps_raw_blocks_verbatim() {
        assert_eq!(
            kinds("{% raw %}{{ x }} {% if %}{% endraw %}!"),
            vec![Token::Text("{{ x }} {% if %}"), Token::Text("!")]
        );
    }

    #[test]
    fn strips_whitespace_next_to_dash_marks() {
        assert_eq!(
            kinds("a  {%- if x -%}  b"),
            vec![
                Token::Text("a"),
                Token::Tag {
                    name: "if",
                    args: "x"
                },
                Token::Text("b")
            ]
        );
    }

    #[test]
    fn keeps_unterminated_markup_as_text() {
        assert_eq!(kinds("a {{ b"), vec![Token::Text("a {{ b")]);
    }

    #[test]
    fn survives_overlapping_delimiters_after_raw() {
        assert!(!tokenize("{% raw %}{%}x").is_empty());
    }

    #[test]
    fn keeps_unclosed_raw_tags_as_tags() {
        let src = "{% raw %}a{% raw %}b";
        assert_eq!(tokenize(src).len(), 4);
    }

    #[test]
    fn records_byte_ranges() {
        let toks = tokenize("ab{{ x }}");
        assert_eq!(toks[1].range, 2..9);
    }
}
