//! rouge 3.30's `yaml.rb` tokenises the inside of a quoted scalar word by word: the opening
//! quote `s2` (or `s1`), each run of non-blank characters `s`, the spaces between words
//! `nv` (`quoted_scalar_whitespaces`), escapes `se`, the closing quote `s`. The YAML grammar
//! gives the whole scalar one class; this splits each one-line quoted scalar as rouge does.

use super::Token;

/// Splits the one-line quoted scalars of YAML tokens as rouge does. The grammar may have cut
/// a scalar at its escapes (`s2`, `se`, `s2`): those pieces are joined first.
pub(super) fn split_quoted_scalars(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let Some((end, scalar)) = whole_scalar(&tokens[i..]) else {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        };
        match split(&scalar) {
            Some(parts) => {
                for (class, text) in parts {
                    super::push_token(&mut out, class, text);
                }
            }
            None => out.extend(tokens[i..i + end].iter().cloned()),
        }
        i += end;
    }
    out
}

/// The quoted scalar starting at `tokens[0]` (its pieces joined, with the opening piece's
/// class) and how many tokens it spans, when it ends on the same line.
fn whole_scalar(tokens: &[Token]) -> Option<(usize, Token)> {
    let first = tokens.first()?;
    if !matches!(first.class, "s1" | "s2") {
        return None;
    }
    let mut text = String::new();
    for (n, token) in tokens.iter().enumerate() {
        if token.text.contains('\n') || !matches!(token.class, "s1" | "s2" | "se") {
            return None;
        }
        text.push_str(&token.text);
        if n > 0 || text.len() > 1 {
            let candidate = Token {
                class: first.class,
                text: text.clone(),
            };
            if split(&candidate).is_some() {
                return Some((n + 1, candidate));
            }
        }
    }
    None
}

/// The parts of a quoted scalar token, `None` when it is not one whole one-line scalar.
fn split(token: &Token) -> Option<Vec<(&'static str, &str)>> {
    let quote = match token.class {
        "s2" => '"',
        "s1" => '\'',
        _ => return None,
    };
    let text = token.text.as_str();
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    if text.len() < 2 || inner.contains('\n') || !ends_cleanly(inner, quote) {
        return None;
    }
    let mut parts = vec![(token.class, &text[..1])];
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < inner.len() {
        let start = i;
        let class = if bytes[i] == b' ' {
            while i < inner.len() && bytes[i] == b' ' {
                i += 1;
            }
            // Spaces before the closing quote are inside the line for rouge: `nv` too.
            "nv"
        } else if bytes[i] == b'\\' {
            i += escape_len(&inner[i..], quote);
            "se"
        } else {
            while i < inner.len() && bytes[i] != b' ' && bytes[i] != b'\\' {
                i += 1;
            }
            "s"
        };
        if i == start {
            return None;
        }
        parts.push((class, &inner[start..i]));
    }
    parts.push(("s", &text[text.len() - 1..]));
    Some(parts)
}

/// Whether the quote does not appear inside the scalar unescaped (then rouge would close it
/// early and the rest is not this token's shape); a single-quoted scalar has no escapes.
fn ends_cleanly(inner: &str, quote: char) -> bool {
    if quote == '\'' {
        return !inner.contains(['\'', '\\', '\t']);
    }
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '\t' => return false,
            '"' if !escaped => return false,
            '\\' => escaped = !escaped,
            _ => escaped = false,
        }
    }
    !escaped
}

/// Length of the escape at the start of `s` (a `\` and what rouge's escape rules take).
fn escape_len(s: &str, quote: char) -> usize {
    if quote != '"' || s.len() < 2 {
        return 0;
    }
    let hex = |n: usize| {
        s.get(2..2 + n)
            .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    match s.as_bytes()[1] {
        b'x' if hex(2) => 4,
        b'u' if hex(4) => 6,
        b'U' if hex(8) => 10,
        b'0' | b'a' | b'b' | b't' | b'n' | b'v' | b'f' | b'r' | b'e' | b' ' | b'"' | b'\\'
        | b'N' | b'_' | b'L' | b'P' => 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(class: &'static str, text: &str) -> Vec<(String, String)> {
        split_quoted_scalars(vec![Token {
            class,
            text: text.into(),
        }])
        .into_iter()
        .map(|t| (t.class.to_string(), t.text))
        .collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn splits_a_double_quoted_scalar_as_rouge_does() {
        assert_eq!(
            classes("s2", "\"{{ a | float }}\""),
            pairs(&[
                ("s2", "\""),
                ("s", "{{"),
                ("nv", " "),
                ("s", "a"),
                ("nv", " "),
                ("s", "|"),
                ("nv", " "),
                ("s", "float"),
                ("nv", " "),
                ("s", "}}\""),
            ])
        );
        assert_eq!(
            classes("s2", "\"a\\nb\""),
            pairs(&[("s2", "\""), ("s", "a"), ("se", "\\n"), ("s", "b\"")])
        );
    }

    #[test]
    fn joins_a_scalar_the_grammar_cut_at_its_escapes() {
        let tokens = vec![
            Token {
                class: "s2",
                text: "\"a".into(),
            },
            Token {
                class: "se",
                text: "\\t".into(),
            },
            Token {
                class: "s2",
                text: "b c\"".into(),
            },
        ];
        let out: Vec<_> = split_quoted_scalars(tokens)
            .into_iter()
            .map(|t| (t.class, t.text))
            .collect();
        assert_eq!(
            out,
            vec![
                ("s2", "\"".to_string()),
                ("s", "a".into()),
                ("se", "\\t".into()),
                ("s", "b".into()),
                ("nv", " ".into()),
                ("s", "c\"".into()),
            ]
        );
    }

    #[test]
    fn splits_a_single_quoted_scalar() {
        assert_eq!(
            classes("s1", "'on push'"),
            pairs(&[("s1", "'"), ("s", "on"), ("nv", " "), ("s", "push'")])
        );
    }

    #[test]
    fn leaves_other_tokens_alone() {
        for (class, text) in [("s2", "\"open"), ("s", "\"a b\""), ("s1", "'it''s'")] {
            assert_eq!(classes(class, text), pairs(&[(class, text)]));
        }
    }
}
