//! rouge 3.30's `kotlin.rb`, ported rule for rule (Kotlin is the most common language of the
//! corpus' code blocks, and rouge's quirks, such as `val` names as `py` or every mark as `p`,
//! are its own).

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Rule, Lexer, Next::*, Tok::*};

/// The Kotlin lexer, compiled once.
pub(super) fn kotlin() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(KOTLIN)).as_ref()
}

macro_rules! name_chars {
    () => {
        r"[-_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Nl}\p{Nd}\p{Pc}\p{Cf}\p{Mn}\p{Mc}]*"
    };
}
macro_rules! class_name {
    () => {
        concat!(r"`?[\p{Lu}]", name_chars!(), "`?")
    };
}
macro_rules! name {
    () => {
        concat!(r"`?[_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Nl}]", name_chars!(), "`?")
    };
}
macro_rules! dec_digits {
    () => {
        r"(?:[0-9][0-9_]*[0-9]|[0-9])"
    };
}
macro_rules! double {
    () => {
        concat!(
            "(?:(?:",
            dec_digits!(),
            r")?\.",
            dec_digits!(),
            r"(?:[eE][+-]?",
            dec_digits!(),
            ")?)",
            "|(?:",
            dec_digits!(),
            r"[eE][+-]?",
            dec_digits!(),
            ")"
        )
    };
}

#[rustfmt::skip]
const KOTLIN: Grammar = &[
    ("root", &[
        Rule(r"\b(companion)(\s+)(object)\b", Groups(&["k", "", "k"]), Stay),
        Rule(r"\b(class|data\s+class|interface|object)(\s+)", Groups(&["kd", ""]), Push("class")),
        Rule(r"\b(fun)(\s+)", Groups(&["k", ""]), Push("function")),
        Rule(r"\b(package|import)(\s+)", Groups(&["k", ""]), Push("package")),
        Rule(r"\b(val|var)(\s+)(\()", Groups(&["kd", "", "p"]), Push("destructure")),
        Rule(r"\b(val|var)(\s+)", Groups(&["kd", ""]), Push("property")),
        Rule(concat!(r"(return|continue|break|this|super)((?:@", name!(), r")?)\b"), Groups(&["k", "nd"]), Stay),
        Rule(r"\bfun\b", One("k"), Stay),
        Rule(concat!(
            r"\b(?:abstract|annotation|as|break|by|catch|class|companion|const|constructor|",
            r"continue|crossinline|do|dynamic|else|enum|external|false|final|finally|for|fun|get|",
            r"if|import|in|infix|inline|inner|interface|internal|is|lateinit|noinline|null|object|",
            r"open|operator|out|override|package|private|protected|public|reified|return|sealed|",
            r"set|super|suspend|tailrec|this|throw|true|try|typealias|typeof|val|var|vararg|when|",
            r"where|while|yield)\b"), One("k"), Stay),
        Rule(r"^\s*\[.*?\]", One("na"), Stay),
        Rule(r"[^\S\n]+", One(""), Stay),
        Rule(r"\\\n", One(""), Stay),
        Rule(r"//.*?$", One("c1"), Stay),
        Rule(r"/[*].*[*]/", One("cm"), Stay),
        Rule(r"/[*].*", One("cm"), Push("comment")),
        Rule(r"\n", One(""), Stay),
        Rule(r"(::)(class)", Groups(&["o", "k"]), Stay),
        Rule(r"::|!!|\?[:.]", One("o"), Stay),
        Rule(r"\.\.", One("o"), Stay),
        Rule(concat!("(?:", double!(), ")[fF]?|", dec_digits!(), "[fF]"), One("mf"), Stay),
        Rule(r"0[bB](?:[01][01_]*[01]|[01])[uU]?L?", One("mb"), Stay),
        Rule(r"0[xX](?:[0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?", One("mh"), Stay),
        Rule(r"(?:[1-9][0-9_]*[0-9]|[0-9])[uU]?L?", One("mi"), Stay),
        Rule(r"[~!%^&*()+=|\[\]:;,.<>/?-]", One("p"), Stay),
        Rule(r"[{}]", One("p"), Stay),
        Rule(r#"(?s)@"(?:""|[^"])*""#, One("s"), Stay),
        Rule(r#"(?s)""".*?""""#, One("s"), Stay),
        Rule(r#"(?s)"(?:\\\\|\\"|[^"\n])*["\n]"#, One("s"), Stay),
        Rule(r"'\\.'|'[^\\]'", One("sc"), Stay),
        Rule(concat!("@", class_name!()), One("nd"), Stay),
        Rule(concat!("(", class_name!(), ")(<)"), Groups(&["nc", "p"]), Push("generic_parameters")),
        Rule(class_name!(), One("nc"), Stay),
        Rule(concat!(name!(), r"(?=\s*[({])"), One("nf"), Stay),
        Rule(concat!(name!(), "@"), One("nd"), Stay),
        Rule(name!(), One("n"), Stay),
    ]),
    ("package", &[Rule(r"\S+", One("nn"), Pop(1))]),
    ("class", &[Rule(class_name!(), One("nc"), Pop(1))]),
    ("function", &[
        Rule(r"<", One("p"), Push("generic_parameters")),
        Rule(r"\s+", One(""), Stay),
        Rule(concat!("(", class_name!(), r")(\.)"), Groups(&["nc", "p"]), Stay),
        Rule(name!(), One("nf"), Pop(1)),
    ]),
    ("generic_parameters", &[
        Rule(class_name!(), One("nc"), Stay),
        Rule(r"<", One("p"), Push("generic_parameters")),
        Rule(r"reified|out|in", One("k"), Stay),
        Rule(r"[,:.?]", One("p"), Stay),
        Rule(r"\s+", One(""), Stay),
        Rule(r">", One("p"), Pop(1)),
    ]),
    ("property", &[
        Rule(r"<", One("p"), Push("generic_parameters")),
        Rule(r"\s+", One(""), Stay),
        Rule(name!(), One("py"), Pop(1)),
    ]),
    ("destructure", &[
        Rule(r",", One("p"), Stay),
        Rule(r"\)", One("p"), Pop(1)),
        Rule(r"\s+", One(""), Stay),
        Rule(name!(), One("py"), Stay),
    ]),
    ("comment", &[
        Rule(r"/[*]", One("cm"), Push("comment")),
        Rule(r"[*]/", One("cm"), Pop(1)),
        Rule(r"[^/*]+", One("cm"), Stay),
        Rule(r"[/*]", One("cm"), Stay),
    ]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::kotlin().is_some());
    }
}
