//! kramdown's typographic symbols beyond smart punctuation: `<<` and `>>` become `«` and `»`
//! (`parser/kramdown/typographic_symbol.rb`). CommonMark would read `<<x>>` as an HTML tag.
//! Both are two bytes, so offsets do not move: the pre-scan ([`super::prescan`]) reads every
//! line with them written, and this rule's edits overwrite the pairs in place. Code, and `>>`
//! opening a nested block quote, are left alone.

use std::borrow::Cow;
use std::ops::Range;

use super::math::range_holding;
use super::prescan::{Edits, ScanLine};

/// `line` (at input offset `start`, outside fenced code, its code spans `code`) with `<<` and
/// `>>` in prose written as guillemets.
pub(crate) fn write_guillemets<'t>(
    line: &'t str,
    start: usize,
    code: &[Range<usize>],
) -> Cow<'t, str> {
    if !line.contains("<<") && !line.contains(">>") {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut copied = 0;
    let bytes = line.as_bytes();
    // `>>` in the run of `>` and spaces opening the line marks nested block quotes.
    let quote_prefix = line.len() - line.trim_start_matches(['>', ' ']).len();
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
        let quote_marker = pair == b">>" && i <= quote_prefix;
        let in_code = range_holding(code, start + i).is_some();
        if quote_marker || in_code || bytes.get(i + 2) == Some(&pair[0]) {
            i += 2;
            continue;
        }
        out.push_str(&line[copied..i]);
        out.push_str(sign);
        i += 2;
        copied = i;
    }
    if copied == 0 {
        return Cow::Borrowed(line);
    }
    out.push_str(&line[copied..]);
    Cow::Owned(out)
}

/// Emits the overwrites that turn the scanned line's pairs into its guillemets (`input` is
/// the walk's input).
pub(crate) fn emit(line: &ScanLine<'_>, input: &str, edits: &mut Edits) {
    if !matches!(line.view, Cow::Owned(_)) {
        return;
    }
    for (i, sign) in line.view.match_indices(['\u{AB}', '\u{BB}']) {
        let at = line.start + i;
        if matches!(input.get(at..at + 2), Some("<<" | ">>")) {
            edits.overwrite(at..at + 2, sign);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::render::markdown::prescan::prescan;

    fn write(text: &str) -> String {
        prescan(text, &mut Vec::new()).text.into_owned()
    }

    #[test]
    fn writes_guillemets_for_double_angles() {
        assert_eq!(write("<<mot>> et << espace >>"), "«mot» et « espace »");
    }

    #[test]
    fn leaves_code_and_nested_quotes_alone() {
        assert_eq!(write(">> quoted\n`a << b`"), ">> quoted\n`a << b`");
        assert_eq!(write("```\ncat <<EOF\n```\n"), "```\ncat <<EOF\n```\n");
    }

    #[test]
    fn keeps_the_same_length() {
        assert_eq!(write("a<<b").len(), "a<<b".len());
    }
}
