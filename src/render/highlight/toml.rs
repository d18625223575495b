//! rouge 3.30's `toml.rb`, ported rule for rule: tables `nn`, keys `py`, `=` punctuation,
//! strings `s`, booleans `kc`.

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Mixin, Item::Rule, Lexer, Next::*, Tok::*};

/// The TOML lexer, compiled once.
pub(super) fn toml() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(TOML)).as_ref()
}

macro_rules! identifier {
    () => {
        r#"(?:\S+|"[^"]+"|'[^']+')"#
    };
}

#[rustfmt::skip]
const TOML: Grammar = &[
    ("root", &[
        Mixin("basic"),
        Rule(concat!("(", identifier!(), r")(\s*)(=)"), Groups(&["py", "", "p"]), Push("value")),
    ]),
    ("basic", &[
        Rule(r"\s+", One(""), Stay),
        Rule(r"#.*?$", One("c"), Stay),
        Rule(r"true|false", One("kc"), Stay),
        Rule(concat!("(", identifier!(), r")(\s*)(=)(\s*)(\{)"), Groups(&["nn", "", "o", "", "p"]), Push("inline")),
        Rule(r"(?<!=)\s*\[\S+\]", One("nn"), Stay),
        Rule(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", One("ld"), Stay),
        Rule(r"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?", One("mf"), Stay),
        Rule(r"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*", One("mf"), Stay),
        Rule(r"[+-]?(?:nan|inf)", One("mf"), Stay),
        Rule(r"0x[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*", One("mh"), Stay),
        Rule(r"0o[0-7]+(?:_[0-7]+)*", One("mo"), Stay),
        Rule(r"0b[01]+(?:_[01]+)*", One("mb"), Stay),
        Rule(r"[+-]?\d+(?:_\d+)*", One("mi"), Stay),
    ]),
    ("value", &[
        Rule(r"\n", One(""), Pop(1)),
        Mixin("content"),
    ]),
    ("content", &[
        Mixin("basic"),
        Rule(concat!("(", identifier!(), r")(\s*)(=)"), Groups(&["py", "", "p"]), Stay),
        Rule(r#"""""#, One("s"), Push("mdq")),
        Rule(r#"""#, One("s"), Push("dq")),
        Rule(r"'''", One("s"), Push("msq")),
        Rule(r"'", One("s"), Push("sq")),
        Mixin("esc_str"),
        Rule(r",", One("p"), Stay),
        Rule(r"\[", One("p"), Push("array")),
    ]),
    ("dq", &[
        Rule(r#"""#, One("s"), Pop(1)),
        Rule(r"\n", One("err"), Pop(1)),
        Mixin("esc_str"),
        Rule(r#"[^\\"\n]+"#, One("s"), Stay),
    ]),
    ("mdq", &[
        Rule(r#"""""#, One("s"), Pop(1)),
        Mixin("esc_str"),
        Rule(r#"[^\\"]+"#, One("s"), Stay),
        Rule(r#""+"#, One("s"), Stay),
    ]),
    ("sq", &[
        Rule(r"'", One("s"), Pop(1)),
        Rule(r"\n", One("err"), Pop(1)),
        Rule(r"[^'\n]+", One("s"), Stay),
    ]),
    ("msq", &[
        Rule(r"'''", One("s"), Pop(1)),
        Rule(r"[^']+", One("s"), Stay),
        Rule(r"'+", One("s"), Stay),
    ]),
    ("esc_str", &[Rule(r#"\\[0t\tn\n "\\r]"#, One("se"), Stay)]),
    ("array", &[
        Mixin("content"),
        Rule(r"\]", One("p"), Pop(1)),
    ]),
    ("inline", &[
        Mixin("content"),
        Rule(r"\}", One("p"), Pop(1)),
    ]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::toml().is_some());
    }
}
