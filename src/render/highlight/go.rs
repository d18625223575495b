//! rouge 3.30's `go.rb`, ported rule for rule: identifiers (function names included) are `n`,
//! predeclared types `kt`, functions `nb`, constants (`nil`, `true`) `no`, numbers `m`,
//! strings `s`, `.` and `:` operators.

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Mixin, Item::Rule, Lexer, Next::*, Tok::*};

/// The Go lexer (`go`, `golang`), compiled once.
pub(super) fn go() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(GO)).as_ref()
}

macro_rules! keyword {
    () => {
        concat!(
            r"\b(?:break|default|func|interface|select|case|defer|go|map|struct|chan|else|goto|",
            r"package|switch|const|fallthrough|if|range|type|continue|for|import|return|var)\b"
        )
    };
}
macro_rules! decimals {
    () => {
        r"[0-9]+"
    };
}
macro_rules! float_lit {
    () => {
        concat!(
            "(?:",
            decimals!(),
            r"\.(?:",
            decimals!(),
            r")?(?:[eE][+\-]?",
            decimals!(),
            ")?",
            "|",
            decimals!(),
            r"[eE][+\-]?",
            decimals!(),
            r"|\.",
            decimals!(),
            r"(?:[eE][+\-]?",
            decimals!(),
            ")?)"
        )
    };
}
macro_rules! unicode_value {
    () => {
        r#"(?:[^\n]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}|\\[abfnrtv\\'"])"#
    };
}

#[rustfmt::skip]
const GO: Grammar = &[
    ("root", &[
        Mixin("simple_tokens"),
        Rule(r"`", One("s"), Push("raw_string")),
        Rule(r#"""#, One("s"), Push("interpreted_string")),
    ]),
    ("simple_tokens", &[
        Rule(r"(?s)//(?:(?!\n).)*|/\*(?:(?!\*/).)*\*/", One("c"), Stay),
        Rule(keyword!(), One("k"), Stay),
        Rule(concat!(
            r"\b(?:bool|byte|complex64|complex128|error|float32|float64|int8|int16|int32|int64|",
            r"int|rune|string|uint8|uint16|uint32|uint64|uintptr|uint)\b"), One("kt"), Stay),
        Rule(concat!(
            r"\b(?:append|cap|close|complex|copy|delete|imag|len|make|new|panic|print|println|",
            r"real|recover)\b"), One("nb"), Stay),
        Rule(r"\b(?:true|false|iota|nil)\b", One("no"), Stay),
        Rule(concat!("(?:", decimals!(), "|", float_lit!(), ")i"), One("m"), Stay),
        Rule(float_lit!(), One("m"), Stay),
        Rule(r"0[xX][0-9A-Fa-f]+|[0-9][0-9]*|0[0-7]*", One("m"), Stay),
        Rule(concat!("'(?:", unicode_value!(), r"|\\[0-7]{3}|\\x[0-9A-Fa-f]{2})'"), One("sc"), Stay),
        Rule(concat!(
            r"\+=|\+\+|\+|&\^=|&\^|&=|&&|&|==|=|!=|!|-=|--|-|\|=|\|\||\||<=|<-|<<=|<<|<|\*=|\*|",
            r"\^=|\^|>>=|>>|>=|>|/|/=|:=|%|%=|\.\.\.|\.|:"), One("o"), Stay),
        Rule(r"[()\[\]{},;]", One("p"), Stay),
        Rule(concat!("(?!", keyword!(), r")(?:\p{Alphabetic}|_)(?:\p{Alphabetic}|_|\p{Nd})*"), One("n"), Stay),
        Rule(r"\s+", One(""), Stay),
    ]),
    ("interpreted_string", &[
        Rule(r#"\\[abfnrtv\\'"]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}|\\x[0-9A-Fa-f]{2}"#, One("se"), Stay),
        Rule(r"\\.", One("err"), Stay),
        Rule(r#"""#, One("s"), Pop(1)),
        Rule(r#"[^"\\]+"#, One("s"), Stay),
    ]),
    ("raw_string", &[
        Rule(r"`", One("s"), Pop(1)),
        Rule(r"[^`]+", One("s"), Stay),
    ]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::go().is_some());
    }
}
