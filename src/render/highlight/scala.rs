//! rouge 3.30's `scala.rb`, ported rule for rule (Scala is the corpus' third language; rouge
//! calls every mark an operator, `val` names `nv`, and members after a dot `py`).

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Rule, Lexer, Next::*, Tok::*};

/// The Scala lexer, compiled once.
pub(super) fn scala() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(SCALA)).as_ref()
}

macro_rules! op {
    () => {
        r#"(?:(?!\p{White_Space}|[\p{L}$_]|[0-9]|[(){}\[\]]|[‘’".;,])[\x{20}-\x{7F}\p{Sm}\p{So}])"#
    };
}
macro_rules! idrest {
    () => {
        concat!(r"(?:[\p{L}$_](?:[\p{L}$_]|[0-9])*(?:(?<=_)", op!(), "+)?)")
    };
}
macro_rules! name_or_op {
    () => {
        concat!("(?:", idrest!(), "|", op!(), "+|`[^`]+`)")
    };
}
macro_rules! typechunk {
    () => {
        concat!("(?:", idrest!(), "|", op!(), r"+`[^`]+`)")
    };
}

#[rustfmt::skip]
const SCALA: Grammar = &[
    ("root", &[
        Rule(r"(class|trait|object)(\s+)", Groups(&["k", ""]), Push("class")),
        Rule(concat!("'", idrest!(), "(?!')"), One("ss"), Stay),
        Rule(r"[^\S\n]+", One(""), Stay),
        Rule(r"//.*", One("c1"), Stay),
        Rule(r"/\*", One("cm"), Push("comment")),
        Rule(concat!("@", idrest!()), One("nd"), Stay),
        Rule(concat!(r"(def)(\s+)(", name_or_op!(), r")(\s*)"), Groups(&["k", "", "nf", ""]), Stay),
        Rule(concat!(r"(val)(\s+)(", name_or_op!(), r")(\s*)"), Groups(&["k", "", "nv", ""]), Stay),
        Rule(concat!(r"(this)(\n*)(\.)(", idrest!(), ")"), Groups(&["k", "", "o", "py"]), Stay),
        Rule(concat!("(", idrest!(), r"|_)(\n*)(\.)(", idrest!(), ")"), Groups(&["nv", "", "o", "py"]), Stay),
        Rule(concat!(r"[\p{Lu}$_]", idrest!(), r"\b"), One("nc"), Stay),
        Rule(concat!("(", idrest!(), r")(\p{White_Space}*)(\()"), Groups(&["nf", "", "o"]), Stay),
        Rule(concat!(r"(\.)(", idrest!(), ")"), Groups(&["o", "py"]), Stay),
        Rule(concat!(
            r"(?:abstract|case|catch|def|do|else|extends|final|finally|for|forSome|if|implicit|",
            r"lazy|match|new|override|private|protected|requires|return|sealed|super|this|throw|",
            r"try|val|var|while|with|yield)\b",
            r"|(?:<[%:-]|=>|>:|[#=@_\x{21D2}\x{2190}])(?:\b|(?=\s)|$)"), One("k"), Stay),
        Rule(concat!(":(?!", op!(), ")"), One("k"), Push("type")),
        Rule(r"(?:true|false|null)\b", One("kc"), Stay),
        Rule(r"(import|package)(\s+)", Groups(&["k", ""]), Push("import")),
        Rule(r"(type)(\s+)", Groups(&["k", ""]), Push("type")),
        Rule(r#"(?s)""".*?"""(?!")"#, One("s"), Stay),
        Rule(r#""(?:\\\\|\\"|[^"])*""#, One("s"), Stay),
        Rule(r"'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'", One("sc"), Stay),
        Rule(idrest!(), One("n"), Stay),
        Rule(r"`[^`]+`", One("n"), Stay),
        Rule(r"\[", One("o"), Push("typeparam")),
        Rule(r"[\(\)\{\};,.#]", One("o"), Stay),
        Rule(concat!(op!(), "+"), One("o"), Stay),
        Rule(r"(?:[0-9][0-9]*\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?", One("mf"), Stay),
        Rule(r"[0-9][0-9]*[fFdD]", One("mf"), Stay),
        Rule(r"0x[0-9a-fA-F]+", One("mh"), Stay),
        Rule(r"[0-9]+L?", One("mi"), Stay),
        Rule(r"\n", One(""), Stay),
    ]),
    ("class", &[
        Rule(concat!("(", name_or_op!(), r")(\s*)(\[)"), Groups(&["nc", "", "o"]), Replace("typeparam")),
        Rule(r"\s+", One(""), Stay),
        Rule(r"\{", One("o"), Pop(1)),
        Rule(r"\(", One("o"), Pop(1)),
        Rule(r"//.*", One("c1"), Pop(1)),
        Rule(name_or_op!(), One("nc"), Pop(1)),
    ]),
    ("type", &[
        Rule(r"\s+", One(""), Stay),
        Rule(r"<[%:]|>:|[#_\x{21D2}]|forSome|type", One("k"), Stay),
        Rule(r"([,\);}]|=>|=)(\s*)", Groups(&["o", ""]), Pop(1)),
        Rule(r"[\(\{]", One("o"), Push("type")),
        Rule(concat!("(", typechunk!(), r"(?:\.", typechunk!(), r")*)(\s*)(\[)"), Groups(&["kt", "", "o"]), Replace("typeparam")),
        Rule(concat!("(", typechunk!(), r"(?:\.", typechunk!(), r")*)(\s*)$"), Groups(&["kt", ""]), Pop(1)),
        Rule(r"//.*", One("c1"), Pop(1)),
        Rule(concat!(r"\.|", idrest!(), "|", op!(), r"+|`[^`]+`"), One("kt"), Stay),
    ]),
    ("typeparam", &[
        Rule(r"[\s,]+", One(""), Stay),
        Rule(r"<[%:]|=>|>:|[#_\x{21D2}]|forSome|type", One("k"), Stay),
        Rule(r"[\]\)\}]", One("o"), Pop(1)),
        Rule(r"[\(\[\{]", One("o"), Push("typeparam")),
        Rule(concat!(r"\.|", idrest!(), "|", op!(), r"+|`[^`]+`"), One("kt"), Stay),
    ]),
    ("comment", &[
        Rule(r"[^/\*]+", One("cm"), Stay),
        Rule(r"/\*", One("cm"), Push("comment")),
        Rule(r"\*/", One("cm"), Pop(1)),
        Rule(r"[*/]", One("cm"), Stay),
    ]),
    ("import", &[
        Rule(concat!("(?:", idrest!(), r"|\.)+"), One("nn"), Pop(1)),
    ]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::scala().is_some());
    }
}
