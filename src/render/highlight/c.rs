//! rouge 3.30's `c.rb` and `cpp.rb` (C++ is rouge's subclass of C), ported rule for rule:
//! keywords `k`, types `kt`, reserved words `kr` (rouge's word sets, each an alternation that
//! must match a whole name), a function's name at its definition `nf` (the rest of the
//! definition's head lexed again, as rouge's `recurse` does), preprocessor lines `cp` with
//! `cpf` include files, strings `s`, characters `sc`, numbers `mi`/`mf`/`mh`/`mo`, labels `nl`;
//! C++ adds `class`/`struct` names `nc`, templates, `nullptr`, literal suffixes (`mx`) and raw
//! strings. rouge starts in `bol` on top of `root`; a `start_bol` state plays that part here.
//! rouge's C++ quirk is kept: its `{`/`}` rule comes before the function state's own, so a
//! C++ function body never leaves that state.

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item, Item::Mixin, Item::Rule, Lexer, Next::*, Tok::*, SELF};

/// The C lexer (`c`), compiled once.
pub(super) fn c() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(C)).as_ref()
}

/// The C++ lexer (`cpp`, `c++`), compiled once.
pub(super) fn cpp() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(CPP)).as_ref()
}

// rouge's `id = /[a-zA-Z_][a-zA-Z0-9_]*/` and where it ends.
macro_rules! id {
    () => {
        r"[a-zA-Z_][a-zA-Z0-9_]*"
    };
}
macro_rules! id_end {
    () => {
        r"(?![a-zA-Z0-9_])"
    };
}
// rouge's `ws = %r((?:\s|//.*?\n|/[*].*?[*]/)+)`.
macro_rules! ws {
    () => {
        r"(?:\s|//.*?\n|/[*].*?[*]/)+"
    };
}
// C++'s `dq = /\d('?\d)*/`.
macro_rules! dq {
    () => {
        r"(?:\d(?:'?\d)*)"
    };
}

// rouge's `keywords`, `keywords_type` and `reserved`: C's, and C++'s (C's plus its own).
macro_rules! c_keywords {
    () => {
        concat!(
            r"_Static_assert|_Thread_local|_Imaginary|restricted|_Noreturn|_Alignas|_Alignof|_Generic|",
            r"continue|register|volatile|_Atomic|default|typedef|virtual|extern|return|sizeof|static|",
            r"struct|switch|break|const|union|while|auto|case|else|enum|goto|for|do|if"
        )
    };
}

macro_rules! cpp_keywords {
    () => {
        concat!(
            r"reinterpret_cast|_Static_assert|_Thread_local|static_assert|dynamic_cast|thread_local|",
            r"static_cast|_Imaginary|const_cast|restricted|_Noreturn|co_return|consteval|constexpr|",
            r"constinit|namespace|protected|_Alignas|_Alignof|_Generic|co_await|co_yield|continue|",
            r"decltype|explicit|noexcept|operator|override|register|requires|restrict|typename|volatile|",
            r"_Atomic|alignas|alignof|char8_t|concept|default|mutable|private|size_of|typedef|virtual|",
            r"delete|export|extern|friend|public|return|sizeof|static|struct|switch|throws|typeid|break|",
            r"catch|const|final|throw|union|using|while|auto|case|else|enum|goto|this|asm|for|new|try|do|",
            r"if"
        )
    };
}

macro_rules! c_keywords_type {
    () => {
        concat!(
            r"uint_least16_t|uint_least32_t|uint_least64_t|int_least16_t|int_least32_t|int_least64_t|",
            r"uint_fast16_t|uint_fast32_t|uint_fast64_t|uint_least8_t|int_fast16_t|int_fast32_t|",
            r"int_fast64_t|int_least8_t|sig_atomic_t|uint_fast8_t|int_fast8_t|mbstate_t|ptrdiff_t|",
            r"uintmax_t|uintptr_t|wctrans_t|_Complex|char16_t|char32_t|intmax_t|intptr_t|uint16_t|",
            r"uint32_t|uint64_t|unsigned|wctype_t|clock_t|int16_t|int32_t|int64_t|jmp_buf|ssize_t|",
            r"uint8_t|va_list|wchar_t|double|fpos_t|int8_t|ldiv_t|signed|size_t|time_t|wint_t|_Bool|",
            r"div_t|float|off_t|short|FILE|char|long|void|DIR|int"
        )
    };
}

macro_rules! cpp_keywords_type {
    () => {
        concat!(
            r"uint_least16_t|uint_least32_t|uint_least64_t|int_least16_t|int_least32_t|int_least64_t|",
            r"uint_fast16_t|uint_fast32_t|uint_fast64_t|uint_least8_t|int_fast16_t|int_fast32_t|",
            r"int_fast64_t|int_least8_t|sig_atomic_t|uint_fast8_t|int_fast8_t|mbstate_t|ptrdiff_t|",
            r"uintmax_t|uintptr_t|wctrans_t|_Complex|char16_t|char32_t|intmax_t|intptr_t|uint16_t|",
            r"uint32_t|uint64_t|unsigned|wctype_t|clock_t|int16_t|int32_t|int64_t|jmp_buf|ssize_t|",
            r"uint8_t|va_list|wchar_t|double|fpos_t|int8_t|ldiv_t|signed|size_t|time_t|wint_t|_Bool|",
            r"div_t|float|off_t|short|FILE|bool|char|long|void|DIR|int"
        )
    };
}

macro_rules! c_reserved {
    () => {
        concat!(
            r"__declspec|__fastcall|__restrict|__typename|__finally|__stdcall|_restrict|_typename|",
            r"__except|__inline|__thread|restrict|typename|__based|__cdecl|__int16|__int32|__int61|",
            r"__leave|__naked|_inline|_thread|__int8|_naked|inline|thread|__asm|__try|naked"
        )
    };
}

macro_rules! cpp_reserved {
    () => {
        concat!(
            r"__multiple_inheritance|__virtual_inheritance|__single_inheritance|__interface|__declspec|",
            r"__fastcall|__restrict|__typename|__finally|__stdcall|_restrict|_typename|__except|__inline|",
            r"__thread|__uuidof|restrict|typename|__based|__cdecl|__event|__int16|__int32|__int61|",
            r"__leave|__naked|__super|_inline|_thread|__int8|_naked|inline|thread|__asm|__try|naked"
        )
    };
}

#[rustfmt::skip]
const BOL: &[Item] = &[
    Rule(concat!(id!(), ":(?!:)"), One("nl"), Stay),
    Mixin("expr_bol_rules"),
];

#[rustfmt::skip]
const EXPR_BOL_RULES: &[Item] = &[
    Mixin("inline_whitespace"),
    Rule(r"#if\s0", One("c"), Push("if_0")),
    Rule(r"#", One("cp"), Push("macro")),
];

#[rustfmt::skip]
const INLINE_WHITESPACE: &[Item] = &[
    Rule(r"[ \t\r]+", One(""), Stay),
    Rule(r"\\\n", One(""), Stay),
    Rule(r"(?s)/(?:\\\n)?[*].*?[*](?:\\\n)?/", One("cm"), Stay),
];

#[rustfmt::skip]
const WHITESPACE: &[Item] = &[
    Rule(r"\n+", One(""), Push("bol")),
    Rule(r"//(?:\\.|.)*?$", One("c1"), Push("bol")),
    Mixin("inline_whitespace"),
];

#[rustfmt::skip]
const EXPR_WHITESPACE: &[Item] = &[
    Rule(r"\n+", One(""), Push("expr_bol")),
    Mixin("whitespace"),
];

#[rustfmt::skip]
const FUNCTION: &[Item] = &[
    Mixin("whitespace"),
    Mixin("statements"),
    Rule(r";", One("p"), Stay),
    Rule(r"\{", One("p"), Push("function")),
    Rule(r"\}", One("p"), Pop(1)),
];

#[rustfmt::skip]
const STRING: &[Item] = &[
    Rule(r#"""#, One("s"), Pop(1)),
    Rule(r#"\\(?:[\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"#, One("se"), Stay),
    Rule(r#"[^\\"\n]+"#, One("s"), Stay),
    Rule(r"\\\n", One("s"), Stay),
    Rule(r"\\", One("s"), Stay),
];

#[rustfmt::skip]
const MACRO: &[Item] = &[
    Mixin("include"),
    Rule(r"[^/\n\\]+", One("cp"), Stay),
    Rule(r"(?s)\\.", One("cp"), Stay),
    Mixin("inline_whitespace"),
    Rule(r"/", One("cp"), Stay),
    Rule(r"\n", One("cp"), Pop(1)),
];

#[rustfmt::skip]
const INCLUDE: &[Item] = &[
    Rule(r"(include)(\s*)(<[^>]+>)([^\n]*)", Groups(&["cp", "", "cpf", "c1"]), Stay),
    Rule(r#"(include)(\s*)("[^"]+")([^\n]*)"#, Groups(&["cp", "", "cpf", "c1"]), Stay),
];

#[rustfmt::skip]
const IF_0: &[Item] = &[
    Rule(r"^\s*#if", One("c"), Push("if_0")),
    Rule(r"^\s*#\s*el(?:se|if)", One("c"), Pop(1)),
    Rule(r"(?s)^\s*#\s*endif\b.*?(?<!\\)\n", One("c"), Pop(1)),
    Rule(r".*?\n", One("c"), Stay),
];

/// The grammar, with the language's word sets and what C++ prepends to `root` and
/// `statements`, and its `case` colon.
macro_rules! grammar {
    ($kw:ident, $types:ident, $reserved:ident, [$($root:expr),*], [$($statements:expr),*], $case_colon:expr, [$($extra:expr),*]) => {
        &[
            ("start_bol", &[
                Mixin("bol_rules"),
                Rule(r"", One(""), Replace("root")),
            ]),
            ("expr_bol", &[
                Mixin("expr_bol_rules"),
                Rule(r"", One(""), Pop(1)),
            ]),
            ("expr_bol_rules", EXPR_BOL_RULES),
            ("bol", &[
                Mixin("bol_rules"),
                Rule(r"", One(""), Pop(1)),
            ]),
            ("bol_rules", BOL),
            ("inline_whitespace", INLINE_WHITESPACE),
            ("whitespace", WHITESPACE),
            ("expr_whitespace", EXPR_WHITESPACE),
            ("statements", &[
                $($statements,)*
                Mixin("whitespace"),
                Rule(r#"(?:u8|u|U|L)?""#, One("s"), Push("string")),
                Rule(r"(?i)(?:u8|u|U|L)?'(?:\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", One("sc"), Stay),
                Rule(r"(?i)(?:\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", One("mf"), Stay),
                Rule(r"(?i)\d+e[+-]?\d+[lu]*", One("mf"), Stay),
                Rule(r"(?i)0x[0-9a-f]+[lu]*", One("mh"), Stay),
                Rule(r"(?i)0[0-7]+[lu]*", One("mo"), Stay),
                Rule(r"(?i)\d+[lu]*", One("mi"), Stay),
                Rule(r"\*/", One("err"), Stay),
                Rule(r"[~!%^&*+=|?:<>/-]", One("o"), Stay),
                Rule(r"[()\[\],.;]", One("p"), Stay),
                Rule(r"\bcase\b", One("k"), Push("case")),
                Rule(r"(?:true|false|NULL)\b", One("nb"), Stay),
                Rule(concat!("(?:", $kw!(), ")", id_end!()), One("k"), Stay),
                Rule(concat!("(?:", $types!(), ")", id_end!()), One("kt"), Stay),
                Rule(concat!("(?:", $reserved!(), ")", id_end!()), One("kr"), Stay),
                Rule(id!(), One("n"), Stay),
            ]),
            ("case", &[
                $case_colon,
                Mixin("statements"),
            ]),
            ("root", &[
                $($root,)*
                Mixin("expr_whitespace"),
                Rule(concat!(r"(?s)([\w*\s]+?[\s*])(", id!(), r")(\s*\([^;]*?\))(", ws!(), r"?)(\{)"),
                    Groups(&[SELF, "nf", SELF, SELF, "p"]), Push("function")),
                Rule(concat!(r"(?s)([\w*\s]+?[\s*])(", id!(), r")(\s*\([^;]*?\))(", ws!(), r"?)(;)"),
                    Groups(&[SELF, "nf", SELF, SELF, "p"]), Stay),
                Rule(r"\{", One("p"), Push("function")),
                Mixin("statements"),
            ]),
            ("function", FUNCTION),
            ("string", STRING),
            ("macro", MACRO),
            ("include", INCLUDE),
            ("if_0", IF_0),
            $($extra,)*
        ]
    };
}

#[rustfmt::skip]
const C: Grammar = grammar!(
    c_keywords, c_keywords_type, c_reserved, [], [],
    Rule(r":", One("p"), Pop(1)),
    []
);

#[rustfmt::skip]
const CPP: Grammar = grammar!(
    cpp_keywords, cpp_keywords_type, cpp_reserved,
    [
        Rule(r"(?:__offload|__blockingoffload|__outer)\b", One("kp"), Stay)
    ],
    [
        Rule(r"(?:class|struct)\b", One("k"), Push("classname")),
        Rule(r"template\b", One("k"), Push("template")),
        Rule(concat!(dq!(), r"(?:\.", dq!(), r")?(?:y|d|h|min|s|ms|us|ns|i|if|il)\b"), One("mx"), Stay),
        Rule(concat!(r"(?i)(?:", dq!(), r"[.]", dq!(), r"?|[.]", dq!(), r")(?:e[+-]?", dq!(), r"[lu]*)?"), One("mf"), Stay),
        Rule(concat!(r"(?i)", dq!(), r"e[+-]?", dq!(), r"[lu]*"), One("mf"), Stay),
        Rule(r"(?i)0x[0-9a-f](?:'?[0-9a-f])*[lu]*", One("mh"), Stay),
        Rule(r"0b[01]+(?:'[01]+)*", One("mb"), Stay),
        Rule(r"(?i)0[0-7](?:'?[0-7])*[lu]*", One("mo"), Stay),
        Rule(concat!(r"(?i)", dq!(), r"[lu]*"), One("mi"), Stay),
        Rule(r"\bnullptr\b", One("nb"), Stay),
        Rule(r#"(?s)(?:u8|u|U|L)?R"([a-zA-Z0-9_{}\[\]#<>%:;.?*+\-/^&|~!=,"']{0,16})\(.*?\)\1""#, One("s"), Stay),
        Rule(r"::|<=>", One("o"), Stay),
        Rule(r"[{}]", One("p"), Stay)
    ],
    Rule(r":(?!:)", One("p"), Pop(1)),
    [
        ("classname", &[
            Rule(id!(), One("nc"), Pop(1)),
            Mixin("whitespace"),
            Rule(r"[.]{3}", One("o"), Stay),
            Rule(r",", One("p"), Pop(1)),
            Rule(r"", One(""), Pop(1)),
        ]),
        ("template", &[
            Rule(r"[>;]", One("p"), Pop(1)),
            Rule(r"typename\b", One("k"), Push("classname")),
            Mixin("statements"),
        ])
    ]
);

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::c().is_some());
        assert!(super::cpp().is_some());
    }
}
