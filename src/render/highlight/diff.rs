//! rouge 3.30's `diff.rb`, ported rule for rule: one token per line, chosen by its first
//! characters (`+` inserted, `-` deleted, `@@` hunk as punctuation, `diff`/`index` headings).

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Rule, Lexer, Next::*, Tok::*};

/// The diff lexer (`diff`, `patch`, `udiff`), compiled once.
pub(super) fn diff() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(DIFF)).as_ref()
}

#[rustfmt::skip]
const DIFF: Grammar = &[
    ("root", &[
        Rule(r"^ .*$\n?", One(""), Stay),
        Rule(r"^---$\n?", One("p"), Stay),
        Rule(r"^[+>]+.*$\n?", One("gi"), Stay),
        Rule(r"^\+.*$\n?", One("gi"), Stay),
        Rule(r"^[-<]+.*$\n?", One("gd"), Stay),
        Rule(r"^!.*$\n?", One("gs"), Stay),
        Rule(r"^(?:[Ii]ndex|diff).*$\n?", One("gh"), Stay),
        Rule(r"^(@@[^@]*@@)([^\n]*\n)", Groups(&["p", ""]), Stay),
        Rule(r"^\w.*$\n?", One("p"), Stay),
        Rule(r"^=.*$\n?", One("gh"), Stay),
        Rule(r"\s.*$\n?", One(""), Stay),
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_inserted_and_deleted_lines() {
        let mut out = Vec::new();
        diff()
            .expect("compiles")
            .lex("-a\n+b\n c\n", &mut |c, t| out.push((c, t.to_string())))
            .expect("lexes");
        assert_eq!(
            out,
            [
                ("gd", "-a\n".to_string()),
                ("gi", "+b\n".to_string()),
                ("", " c\n".to_string())
            ]
        );
    }
}
