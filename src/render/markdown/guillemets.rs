//! kramdown's typographic symbols beyond smart punctuation: `<<` and `>>` become `«` and `»`
//! (`parser/kramdown/typographic_symbol.rb`). CommonMark would read `<<x>>` as an HTML tag.
//! Both are two bytes, so offsets do not move. Code, and `>>` opening a nested block quote,
//! are left alone.

use std::borrow::Cow;

use super::math::{code_ranges, range_holding};

/// Replaces `<<` and `>>` in prose with guillemets.
pub(crate) fn write_guillemets(text: &str) -> Cow<'_, str> {
    if !text.contains("<<") && !text.contains(">>") {
        return Cow::Borrowed(text);
    }
    let code = code_ranges(text);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        let pair = &bytes[i..i + 2];
        let sign = match pair {
            b"<<" => "\u{AB}",
            b">>" => "\u{BB}",
            _ => {
                i += 1;
                continue;
            }
        };
        let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
        let quote_marker =
            pair == b">>" && text[line_start..i].chars().all(|c| c == '>' || c == ' ');
        let in_code = range_holding(&code, i).is_some();
        if quote_marker || in_code || bytes.get(i + 2) == Some(&pair[0]) {
            i += 2;
            continue;
        }
        out.push_str(&text[copied..i]);
        out.push_str(sign);
        i += 2;
        copied = i;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_guillemets_for_double_angles() {
        assert_eq!(
            write_guillemets("<<mot>> et << espace >>"),
            "«mot» et « espace »"
        );
    }

    #[test]
    fn leaves_code_and_nested_quotes_alone() {
        assert_eq!(
            write_guillemets(">> quoted\n`a << b`"),
            ">> quoted\n`a << b`"
        );
        assert_eq!(
            write_guillemets("```\ncat <<EOF\n```\n"),
            "```\ncat <<EOF\n```\n"
        );
    }

    #[test]
    fn keeps_the_same_length() {
        assert_eq!(write_guillemets("a<<b").len(), "a<<b".len());
    }
}
