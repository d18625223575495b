//! rouge 3.30's `rust.rb`, ported rule for rule: keywords `k`, names `n` (`nb` for rouge's
//! builtin types and traits), calls `nf`, fields `py`, paths `nn`, macros and attributes `nd`,
//! lifetimes `nv`, literals `s`/`sc`/`mi`/`mf`, doc comments `cd`. rouge counts a macro's
//! brackets in a variable and leaves the macro when they close; this engine has no variables,
//! so the count is the depth of `macro_outer`/`macro_inner` states (and their `macro_rules`
//! twins, where `$x` is `nv`). rouge starts in `bol` on top of `root`; here a `start_bol` state
//! plays that part (it cannot be popped, so it gives way to `root`).

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item, Item::Mixin, Item::Rule, Lexer, Next::*, Tok::*};

/// The Rust lexer (`rust`, `rs`), compiled once.
pub(super) fn rust() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(RUST)).as_ref()
}

// rouge's `id = /[\p{XID_Start}_]\p{XID_Continue}*/`.
macro_rules! id {
    () => {
        r"[\p{XID_Start}_]\p{XID_Continue}*"
    };
}
// rouge's `escapes`.
macro_rules! escapes {
    () => {
        r#"\\(?:[nrt'"\\0]|x[0-9a-fA-F]{2}|u\{(?:[0-9a-fA-F]_*){1,6}\})"#
    };
}
macro_rules! size {
    () => {
        r"(?:8|16|32|64|128|size)"
    };
}
// rouge's `dot`, `exp` and `flt`.
macro_rules! dot {
    () => {
        r"(?:[.][0-9][0-9_]*)"
    };
}
macro_rules! exp {
    () => {
        r"(?:[eE][-+]?[0-9_]+)"
    };
}
macro_rules! flt {
    () => {
        r"(?:f32|f64)"
    };
}

// rouge's `keywords` and `builtins`.
macro_rules! rust_keywords {
    () => {
        concat!(
            r"abstract|continue|override|unsized|virtual|become|extern|return|static|struct|typeof|",
            r"unsafe|async|await|break|const|crate|false|final|macro|match|super|trait|union|where|while|",
            r"yield|Self|else|enum|impl|loop|move|priv|self|true|type|box|dyn|for|let|log|mod|mut|pub|",
            r"ref|try|use|as|do|fn|if|in"
        )
    };
}

macro_rules! rust_builtins {
    () => {
        concat!(
            r"DoubleEndedIterator|ExactSizeIterator|IntoIterator|c_ulonglong|PartialOrd|c_longlong|",
            r"PartialEq|ptrdiff_t|uintptr_t|Iterator|c_double|c_ushort|intptr_t|Default|Failure|Success|",
            r"c_float|c_schar|c_short|c_uchar|c_ulong|clock_t|ssize_t|BitAnd|BitXor|Either|Extend|FnOnce|",
            r"Modulo|Option|Result|String|c_char|c_long|c_uint|c_void|dirent|fpos_t|mode_t|size_t|time_t|",
            r"AsMut|AsRef|BitOr|Clone|Const|FnMut|Index|Owned|Right|Sized|Unpin|c_int|dev_t|float|ino_t|",
            r"isize|off_t|pid_t|usize|Cons|Copy|Drop|FILE|From|Into|Left|None|Send|Some|Sync|bool|char|",
            r"drop|i128|u128|uint|Add|Arc|Box|DIR|Div|Err|Mul|Neg|Nil|Num|Ord|Pin|Ptr|Shl|Shr|Sub|Vec|",
            r"f32|f64|i16|i32|i64|int|str|u16|u32|u64|Eq|Fn|Gc|Ok|Rc|i8|u8"
        )
    };
}

#[rustfmt::skip]
const BOL: &[Item] = &[
    Mixin("whitespace"),
    Rule(r"#\s[^\n]*", One("cs"), Stay),
];

/// The rules of a macro's body once its brackets are counted (rouge's `macro` state less its
/// bracket rules).
#[rustfmt::skip]
const MACRO_BODY: &[Item] = &[
    Rule(concat!(id!(), "!"), One("nd"), Stay),
    Mixin("root"),
    Rule(r".", One(""), Stay),
];

/// `macro_rules!`'s `$name:kind` and `$`.
#[rustfmt::skip]
const MACRO_VARS: &[Item] = &[
    Rule(concat!(r"[$]", id!(), "(?::", id!(), ")?"), One("nv"), Stay),
    Rule(r"[$]", One("nv"), Stay),
];

#[rustfmt::skip]
const RUST: Grammar = &[
    ("start_bol", &[
        Mixin("bol_rules"),
        Rule(r"", One(""), Replace("root")),
    ]),
    ("bol", &[
        Mixin("bol_rules"),
        Rule(r"", One(""), Pop(1)),
    ]),
    ("bol_rules", BOL),
    ("attribute", &[
        Mixin("whitespace"),
        Mixin("has_literals"),
        Rule(r"[(,)=:]", One("nd"), Stay),
        Rule(r"\]", One("nd"), Pop(1)),
        Rule(id!(), One("nd"), Stay),
    ]),
    ("whitespace", &[
        Rule(r"\s+", One(""), Stay),
        Mixin("comments"),
    ]),
    ("comments", &[
        Rule(r"////+[^\n]*", One("c1"), Stay),
        Rule(r"//[/!][^\n]*", One("cd"), Stay),
        Rule(r"//[^\n]*", One("c1"), Stay),
        Rule(r"/\*\*\*?/", One("cm"), Stay),
        Rule(r"/\*\*\*+", One("cm"), Push("nested_plain_block")),
        Rule(r"/[*][*!]", One("cd"), Push("nested_doc_block")),
        Rule(r"/[*]", One("cm"), Push("nested_plain_block")),
    ]),
    ("nested_plain_block", &[
        Rule(r"\*/", One("cm"), Pop(1)),
        Rule(r"/\*", One("cm"), Push("nested_plain_block")),
        Rule(r"[^*/]+|[*/]", One("cm"), Stay),
    ]),
    ("nested_doc_block", &[
        Rule(r"\*/", One("cd"), Pop(1)),
        Rule(r"/\*", One("cd"), Push("nested_doc_block")),
        Rule(r"[^*/]+|[*/]", One("cd"), Stay),
    ]),
    ("root", &[
        Rule(r"\n", One(""), Push("bol")),
        Mixin("whitespace"),
        Rule(r"#!?\[", One("nd"), Push("attribute")),
        Rule(concat!(r"\b(?:", rust_keywords!(), r")\b"), One("k"), Stay),
        Mixin("has_literals"),
        Rule(r"[=-]>", One("k"), Stay),
        Rule(r"<->", One("k"), Stay),
        Rule(r"[()\[\]{}|,:;]", One("p"), Stay),
        Rule(r"[*/!@~&+%^<>=?-]|\.{2,3}", One("o"), Stay),
        Rule(concat!(r"(?:[.]\s*)?", id!(), r"(?=\s*[(])"), One("nf"), Stay),
        Rule(r"[.]\s*await\b", One("k"), Stay),
        Rule(concat!(r"[.]\s*", id!()), One("py"), Stay),
        Rule(r"[.]\s*\d+", One("na"), Stay),
        Rule(concat!("(", id!(), ")(::)"), Groups(&["nn", "p"]), Stay),
        Rule(r"\bmacro_rules!", One("nd"), Push("macro_rules")),
        Rule(concat!(id!(), "!"), One("nd"), Push("macro")),
        Rule(r"'static\b", One("k"), Stay),
        Rule(concat!("'", id!()), One("nv"), Stay),
        Rule(concat!("(?:", rust_builtins!(), r")(?!\p{XID_Continue})"), One("nb"), Stay),
        Rule(id!(), One("n"), Stay),
    ]),
    // A macro before its first bracket: a closing one there only makes rouge's count negative.
    ("macro", &[
        Mixin("has_literals"),
        Rule(r"[\[{(]", One("p"), Replace("macro_outer")),
        Rule(r"[\]})]", One("p"), Stay),
        Mixin("macro_body"),
    ]),
    ("macro_outer", &[
        Mixin("has_literals"),
        Rule(r"[\[{(]", One("p"), Push("macro_inner")),
        Rule(r"[\]})]", One("p"), Pop(1)),
        Mixin("macro_body"),
    ]),
    ("macro_inner", &[
        Mixin("has_literals"),
        Rule(r"[\[{(]", One("p"), Push("macro_inner")),
        Rule(r"[\]})]", One("p"), Pop(1)),
        Mixin("macro_body"),
    ]),
    ("macro_body", MACRO_BODY),
    ("macro_rules", &[
        Mixin("macro_vars"),
        Mixin("has_literals"),
        Rule(r"[\[{(]", One("p"), Replace("macro_rules_outer")),
        Rule(r"[\]})]", One("p"), Stay),
        Mixin("macro_body"),
    ]),
    ("macro_rules_outer", &[
        Mixin("macro_vars"),
        Mixin("has_literals"),
        Rule(r"[\[{(]", One("p"), Push("macro_rules_inner")),
        Rule(r"[\]})]", One("p"), Pop(1)),
        Mixin("macro_body"),
    ]),
    ("macro_rules_inner", &[
        Mixin("macro_vars"),
        Mixin("has_literals"),
        Rule(r"[\[{(]", One("p"), Push("macro_rules_inner")),
        Rule(r"[\]})]", One("p"), Pop(1)),
        Mixin("macro_body"),
    ]),
    ("macro_vars", MACRO_VARS),
    ("has_literals", &[
        Rule(r"\b(?:true|false)\b", One("kc"), Stay),
        Rule(concat!("b?'(?:", escapes!(), r"|[^\\])'"), One("sc"), Stay),
        Rule(r#"b?""#, One("s"), Push("string")),
        Rule(r#"(?s)b?r(#*)".*?"\1"#, One("s"), Stay),
        Rule(concat!(
            "[0-9][0-9_]*(?:",
            dot!(), exp!(), "?", flt!(), "?|",
            dot!(), "?", exp!(), flt!(), "?|",
            dot!(), "?", exp!(), "?", flt!(), "|",
            r"[.](?![._\p{XID_Start}]))"), One("mf"), Stay),
        Rule(concat!(
            r"(?:0b[10_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)(?:u", size!(), "?|i", size!(), ")?"),
            One("mi"), Stay),
    ]),
    ("string", &[
        Rule(r#"""#, One("s"), Pop(1)),
        Rule(escapes!(), One("se"), Stay),
        Rule(r#"[^"\\]+"#, One("s"), Stay),
    ]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::rust().is_some());
    }
}
