//! rouge 3.30's `python.rb`, ported rule for rule (Python is the corpus' second language).
//! rouge keeps a register of open strings (prefix and delimiter); here each delimiter, plain
//! or f-string, is its own state. Raw strings are read as plain ones (an escape in `r"\n"` is
//! `se` here, `s` in rouge).

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Rule, Lexer, Next::*, Tok::*};

/// The Python lexer (`python`, `py`, `python3`), compiled once.
pub(super) fn python() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(PYTHON)).as_ref()
}

macro_rules! identifier {
    () => {
        r"[\p{Alphabetic}_][\p{Alphabetic}\p{Nd}_]*"
    };
}
macro_rules! dotted_identifier {
    () => {
        r"[\p{Alphabetic}_.][\p{Alphabetic}\p{Nd}_.]*"
    };
}
macro_rules! word_end {
    () => {
        r"(?![\p{Alphabetic}\p{Nd}_])"
    };
}
macro_rules! digits {
    () => {
        r"[0-9](?:_?[0-9])*"
    };
}

/// The rules of a string state: `$close` ends it; `$interpolate` says whether `{` opens an
/// f-string expression.
macro_rules! string_state {
    ($close:expr, $brace:expr) => {
        &[
            Rule(r#"[^'"\\{]+"#, One("s"), Stay),
            Rule(r"\{\{", One("s"), Stay),
            Rule($close, One("s"), Pop(1)),
            Rule(r#"'''|"""|['"]"#, One("s"), Stay),
            Rule(
                r#"\\(?:[\\abfnrtv"']|\n|newline|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"#,
                One("se"),
                Stay,
            ),
            Rule(r"\\.", One("s"), Stay),
            $brace,
        ]
    };
}

const PLAIN_BRACE: super::regex_lexer::Item = Rule(r"\{", One("s"), Stay);
const F_BRACE: super::regex_lexer::Item = Rule(r"\{", One("si"), Push("interpol"));

#[rustfmt::skip]
const PYTHON: Grammar = &[
    ("root", &[
        Rule(r"\n+", One(""), Stay),
        Rule(r#"(?si)^(:)(\s*)([ru]{0,2}""".*?""")"#, Groups(&["p", "", "sd"]), Stay),
        Rule(r"[^\S\n]+", One(""), Stay),
        Rule(r"#(?:.*)?\n?", One("c1"), Stay),
        Rule(r"[\[\]{}:(),;.]", One("p"), Stay),
        Rule(r"\\\n", One(""), Stay),
        Rule(r"\\", One(""), Stay),
        Rule(r"(?:in|is|and|or|not)\b", One("ow"), Stay),
        Rule(r"(?:<<|>>|//|\*\*)=?", One("o"), Stay),
        Rule(r"[-~+/*%=<>&^|@]=?|!=", One("o"), Stay),
        Rule(concat!(r"(from)((?:\\\s|\s)+)(", dotted_identifier!(), r")((?:\\\s|\s)+)(import)"), Groups(&["kn", "", "nn", "", "kn"]), Stay),
        Rule(concat!(r"(import)(\s+)(", dotted_identifier!(), ")"), Groups(&["kn", "", "nn"]), Stay),
        Rule(r"(def)((?:\s|\\\s)+)", Groups(&["k", ""]), Push("funcname")),
        Rule(r"(class)((?:\s|\\\s)+)", Groups(&["k", ""]), Push("classname")),
        Rule(r"`.*?`", One("sb"), Stay),
        Rule(r#"(?i)([rbu]{0,2})(''')"#, Groups(&["sa", "s"]), Push("tsq")),
        Rule(r#"(?i)([rbu]{0,2})(""")"#, Groups(&["sa", "s"]), Push("tdq")),
        Rule(r#"(?i)([rbu]{0,2})(')"#, Groups(&["sa", "s"]), Push("sq")),
        Rule(r#"(?i)([rbu]{0,2})(")"#, Groups(&["sa", "s"]), Push("dq")),
        Rule(r#"(?i)([rfbu]{0,2})(''')"#, Groups(&["sa", "s"]), Push("ftsq")),
        Rule(r#"(?i)([rfbu]{0,2})(""")"#, Groups(&["sa", "s"]), Push("ftdq")),
        Rule(r#"(?i)([rfbu]{0,2})(')"#, Groups(&["sa", "s"]), Push("fsq")),
        Rule(r#"(?i)([rfbu]{0,2})(")"#, Groups(&["sa", "s"]), Push("fdq")),
        Rule(concat!("(?i)@", dotted_identifier!()), One("nd"), Stay),
        Rule(concat!(
            r"(?<!\.)(?:assert|break|continue|del|elif|else|except|exec|finally|for|global|if|",
            r"lambda|pass|print|raise|return|try|while|yield|as|with|from|import|async|await|",
            r"nonlocal)", word_end!()), One("k"), Stay),
        Rule(concat!(
            r"(?<!\.)(?:ArithmeticError|AssertionError|AttributeError|BaseException|",
            r"BlockingIOError|BrokenPipeError|BufferError|BytesWarning|ChildProcessError|",
            r"ConnectionAbortedError|ConnectionError|ConnectionRefusedError|ConnectionResetError|",
            r"DeprecationWarning|EOFError|EnvironmentError|Exception|FileExistsError|",
            r"FileNotFoundError|FloatingPointError|FutureWarning|GeneratorExit|IOError|",
            r"ImportError|ImportWarning|IndentationError|IndexError|InterruptedError|",
            r"IsADirectoryError|KeyError|KeyboardInterrupt|LookupError|MemoryError|",
            r"ModuleNotFoundError|NameError|NotADirectoryError|NotImplemented|",
            r"NotImplementedError|OSError|OverflowError|OverflowWarning|",
            r"PendingDeprecationWarning|ProcessLookupError|RecursionError|ReferenceError|",
            r"ResourceWarning|RuntimeError|RuntimeWarning|StandardError|StopAsyncIteration|",
            r"StopIteration|SyntaxError|SyntaxWarning|SystemError|SystemExit|TabError|",
            r"TimeoutError|TypeError|UnboundLocalError|UnicodeDecodeError|UnicodeEncodeError|",
            r"UnicodeError|UnicodeTranslateError|UnicodeWarning|UserWarning|ValueError|",
            r"VMSError|Warning|WindowsError|ZeroDivisionError|",
            r"__import__|abs|all|any|apply|ascii|basestring|bin|bool|buffer|bytearray|bytes|",
            r"callable|chr|classmethod|cmp|coerce|compile|complex|delattr|dict|dir|divmod|",
            r"enumerate|eval|execfile|exit|file|filter|float|format|frozenset|getattr|globals|",
            r"hasattr|hash|hex|id|input|int|intern|isinstance|issubclass|iter|len|list|locals|",
            r"long|map|max|memoryview|min|next|object|oct|open|ord|pow|property|range|",
            r"raw_input|reduce|reload|repr|reversed|round|set|setattr|slice|sorted|",
            r"staticmethod|str|sum|super|tuple|type|unichr|unicode|vars|xrange|zip)",
            word_end!()), One("nb"), Stay),
        Rule(concat!(r"(?<!\.)(?:self|None|Ellipsis|NotImplemented|False|True)", word_end!()), One("bp"), Stay),
        Rule(identifier!(), One("n"), Stay),
        Rule(concat!(r"(?i)(?:(?:", digits!(), r")?\.", digits!(), "|", digits!(), r"\.)(?:e[+-]?", digits!(), ")?j?"), One("mf"), Stay),
        Rule(concat!("(?i)", digits!(), r"e[+-]?", digits!(), "j?"), One("mf"), Stay),
        Rule(concat!("(?i)", digits!(), "j"), One("mf"), Stay),
        Rule(r"(?i)0b(?:_?[0-1])+", One("mb"), Stay),
        Rule(r"(?i)0o(?:_?[0-7])+", One("mo"), Stay),
        Rule(r"(?i)0x(?:_?[a-f0-9])+", One("mh"), Stay),
        Rule(r"\d+L", One("il"), Stay),
        Rule(r"[1-9](?:_?[0-9])*|0(?:_?0)*", One("mi"), Stay),
    ]),
    ("funcname", &[Rule(identifier!(), One("nf"), Pop(1))]),
    ("classname", &[Rule(identifier!(), One("nc"), Pop(1))]),
    ("sq", string_state!(r"'(?!'')", PLAIN_BRACE)),
    ("dq", string_state!(r#""(?!"")"#, PLAIN_BRACE)),
    ("tsq", string_state!(r"'''", PLAIN_BRACE)),
    ("tdq", string_state!(r#"""""#, PLAIN_BRACE)),
    ("fsq", string_state!(r"'(?!'')", F_BRACE)),
    ("fdq", string_state!(r#""(?!"")"#, F_BRACE)),
    ("ftsq", string_state!(r"'''", F_BRACE)),
    ("ftdq", string_state!(r#"""""#, F_BRACE)),
    ("interpol", &[
        Rule(r"[^{}!:]+", Delegate(python), Stay),
        Rule(r"![asr]", One("si"), Stay),
        Rule(r":", One("si"), Stay),
        Rule(r"\{", One("si"), Push("interpol")),
        Rule(r"\}", One("si"), Pop(1)),
    ]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::python().is_some());
    }
}
