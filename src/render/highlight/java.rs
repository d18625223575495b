//! rouge 3.30's `java.rb`, ported rule for rule: every mark is an operator, members after a
//! dot are `na`, upper-case names are classes (`nc`) or constants (`no`), and a method
//! signature's name is `nf`.

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Rule, Lexer, Next::*, Tok::*, SELF};

/// The Java lexer, compiled once.
pub(super) fn java() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(JAVA)).as_ref()
}

macro_rules! id {
    () => {
        r"[\p{Alphabetic}_][\p{Alphabetic}\p{Nd}_]*"
    };
}
macro_rules! digit {
    () => {
        r"(?:[0-9]_+[0-9]|[0-9])"
    };
}

#[rustfmt::skip]
const JAVA: Grammar = &[
    ("root", &[
        Rule(r"[^\S\n]+", One(""), Stay),
        Rule(r"//.*?$", One("c1"), Stay),
        Rule(r"(?s)/\*.*?\*/", One("cm"), Stay),
        Rule(concat!(
            r"(?:assert|break|case|catch|continue|default|do|else|finally|for|if|goto|",
            r"instanceof|new|return|switch|this|throw|try|while)\b"), One("k"), Stay),
        Rule(r"(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()", Groups(&[SELF, "nf", "", "o"]), Stay),
        Rule(concat!("@", id!()), One("nd"), Stay),
        Rule(concat!(
            r"(?:abstract|const|enum|extends|final|implements|native|private|protected|public|",
            r"static|strictfp|super|synchronized|throws|transient|volatile)\b"), One("kd"), Stay),
        Rule(r"(?:boolean|byte|char|double|float|int|long|short|var|void)\b", One("kt"), Stay),
        Rule(r"(?:true|false|null)\b", One("kc"), Stay),
        Rule(r"(?:class|interface)\b", One("kd"), Push("class")),
        Rule(r"(?:import|package)\b", One("kn"), Push("import")),
        Rule(r#""(?:\\\\|\\"|[^"])*""#, One("s"), Stay),
        Rule(r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", One("sc"), Stay),
        Rule(concat!(r"(\.)(", id!(), ")"), Groups(&["o", "na"]), Stay),
        Rule(concat!(id!(), ":"), One("nl"), Stay),
        Rule(r"\p{Lu}[\p{Lu}\p{Nd}_]*\b", One("no"), Stay),
        Rule(r"\p{Lu}[\p{Alphabetic}\p{Nd}]*\b", One("nc"), Stay),
        Rule(concat!(r"\$?", id!()), One("n"), Stay),
        Rule(r"[~^*!%&\[\](){}<>\|+=:;,./?-]", One("o"), Stay),
        Rule(concat!(digit!(), r"+\.", digit!(), r"+(?:[eE]", digit!(), "+)?[fd]?"), One("mf"), Stay),
        Rule(r"(?i)0b(?:[01]_+[01]|[01])+", One("mb"), Stay),
        Rule(r"(?i)0x(?:[0-9a-f]_+[0-9a-f]|[0-9a-f])+", One("mh"), Stay),
        Rule(r"0(?:[0-7]_+[0-7]|[0-7])+", One("mo"), Stay),
        Rule(concat!(digit!(), "+L?"), One("mi"), Stay),
        Rule(r"\n", One(""), Stay),
    ]),
    ("class", &[
        Rule(r"\s+", One(""), Stay),
        Rule(id!(), One("nc"), Pop(1)),
    ]),
    ("import", &[
        Rule(r"\s+", One(""), Stay),
        Rule(r"(?i)[a-z0-9_.]+\*?", One("nn"), Pop(1)),
    ]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::java().is_some());
    }
}
