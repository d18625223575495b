//! rouge 3.30's `javascript.rb` and TypeScript's (`typescript.rb`, `typescript/common.rb`: the
//! JavaScript lexer with more words and two more rules), ported rule for rule. Names are `nx`
//! unless rouge's word sets say `k`, `kd`, `kr`, `kc` or `nb` (each set an alternation that must
//! match the whole name); object keys `na`, labels `nl`, strings `s2`/`s1` between `dl`
//! delimiters, template strings `s2`, regular expressions `sr` (rouge guesses them after an
//! operator, `(`, `,`, a keyword or the start of a line, in its `expr_start` state). One
//! liberty: rouge's shebang rule only looks at the very start of the block (`\A`); here it
//! may match wherever a line begins with `#!`, which JavaScript has nowhere else.

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Mixin, Item::Rule, Lexer, Next::*, Tok::*};

/// The JavaScript lexer (`javascript`, `js`), compiled once.
pub(super) fn javascript() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(JAVASCRIPT)).as_ref()
}

/// The TypeScript lexer (`typescript`, `ts`), compiled once.
pub(super) fn typescript() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(TYPESCRIPT)).as_ref()
}

// rouge's `id_regex`: `/[\p{L}\p{Nl}$_][\p{Word}]*/io`, and where such a name ends.
macro_rules! id {
    () => {
        r"[\p{L}\p{Nl}$_]\w*"
    };
}
macro_rules! id_end {
    () => {
        r"(?!\w)"
    };
}

// rouge's word sets: JavaScript's, and TypeScript's (JavaScript's plus its own).
macro_rules! js_keywords {
    () => {
        concat!(
            r"instanceof|continue|debugger|default|finally|delete|export|import|return|switch|typeof|",
            r"async|await|break|catch|super|throw|while|yield|case|else|from|this|void|for|new|try|as|do|",
            r"if|in|of"
        )
    };
}

macro_rules! js_declarations {
    () => {
        concat!(r"constructor|function|extends|static|class|const|with|get|let|set|var")
    };
}

macro_rules! js_reserved {
    () => {
        concat!(r"implements|interface|protected|package|private|public|enum")
    };
}

macro_rules! js_constants {
    () => {
        concat!(r"undefined|Infinity|false|null|true|NaN")
    };
}

macro_rules! js_builtins {
    () => {
        concat!(
            r"Uint16ClampedArray|Uint32ClampedArray|decodeURIComponent|encodeURIComponent|",
            r"Uint8ClampedArray|Float32Array|Float64Array|ArrayBuffer|Uint16Array|Uint32Array|Int16Array|",
            r"Int32Array|Uint8Array|parseFloat|Int8Array|decodeURI|encodeURI|navigator|DataView|Function|",
            r"Packages|document|isFinite|netscape|parseInt|Boolean|Promise|Reflect|WeakMap|WeakSet|",
            r"Number|Object|RegExp|String|Symbol|global|window|Array|Error|Proxy|isNaN|Date|Math|eval|",
            r"self|Map|Set|sun"
        )
    };
}

macro_rules! ts_keywords {
    () => {
        concat!(
            r"implements|instanceof|namespace|protected|continue|debugger|readonly|default|finally|",
            r"private|delete|export|import|public|return|static|switch|typeof|async|await|break|catch|",
            r"super|throw|while|yield|case|else|from|this|void|for|new|try|as|do|if|in|is|of"
        )
    };
}

macro_rules! ts_declarations {
    () => {
        concat!(
            r"constructor|abstract|function|extends|static|class|const|type|with|get|let|set|var"
        )
    };
}

macro_rules! ts_reserved {
    () => {
        concat!(
            r"implements|interface|namespace|protected|declare|default|package|private|module|number|",
            r"public|string|keyof|enum|void|any"
        )
    };
}

macro_rules! ts_builtins {
    () => {
        concat!(
            r"Uint16ClampedArray|Uint32ClampedArray|decodeURIComponent|encodeURIComponent|",
            r"Uint8ClampedArray|Float32Array|Float64Array|ArrayBuffer|Uint16Array|Uint32Array|Int16Array|",
            r"Int32Array|Uint8Array|parseFloat|Int8Array|decodeURI|encodeURI|navigator|DataView|Function|",
            r"Packages|Readonly|document|isFinite|netscape|parseInt|Boolean|Partial|Promise|Reflect|",
            r"WeakMap|WeakSet|Number|Object|Record|RegExp|String|Symbol|global|window|Array|Error|Proxy|",
            r"isNaN|Date|Math|Pick|eval|self|Map|Set|sun"
        )
    };
}

/// The grammar, with the word sets of the language and the rules TypeScript prepends to
/// `root` and `statement`.
macro_rules! grammar {
    ($kw:ident, $decl:ident, $reserved:ident, $builtins:ident, [$($root:expr),*], [$($statement:expr),*]) => {
        &[
            ("root", &[
                $($root,)*
                Rule(r"\s*#!.*?\n", One("cp"), Push("statement")),
                Rule(r"(?<=\n)(?=\s|/|<!--)", One(""), Push("expr_start")),
                Mixin("comments_and_whitespace"),
                Rule(r"\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!==", One("o"), Push("expr_start")),
                Rule(r"[-<>+*%&|\^/!=]=?", One("o"), Push("expr_start")),
                Rule(r"[(\[,]", One("p"), Push("expr_start")),
                Rule(r";", One("p"), Push("statement")),
                Rule(r"[)\].]", One("p"), Stay),
                Rule(r"`", One("s2"), Push("template_string")),
                Rule(r"[?][.]", One("p"), Stay),
                Rule(r"[?]", One("p"), PushTwo("ternary", "expr_start")),
                Rule(r"(@)(\w+)?", Groups(&["p", "nd"]), Push("expr_start")),
                Rule(r"[{}]", One("p"), Push("statement")),
                Rule(concat!("(?:", $kw!(), ")", id_end!()), One("k"), Push("expr_start")),
                Rule(concat!("(?:", $decl!(), ")", id_end!()), One("kd"), Push("expr_start")),
                Rule(concat!("(?:", $reserved!(), ")", id_end!()), One("kr"), Stay),
                Rule(concat!("(?:", js_constants!(), ")", id_end!()), One("kc"), Stay),
                Rule(concat!("(?:", $builtins!(), ")", id_end!()), One("nb"), Stay),
                Rule(id!(), One("nx"), Stay),
                Rule(r"[0-9][0-9]*\.[0-9]+(?:[eE][0-9]+)?[fd]?", One("mf"), Stay),
                Rule(r"(?i)0x[0-9a-f]+", One("mh"), Stay),
                Rule(r"(?i)0o[0-7][0-7_]*", One("mo"), Stay),
                Rule(r"(?i)0b[01][01_]*", One("mb"), Stay),
                Rule(r"[0-9]+", One("mi"), Stay),
                Rule(r#"""#, One("dl"), Push("dq")),
                Rule(r"'", One("dl"), Push("sq")),
                Rule(r":", One("p"), Stay),
            ]),
            ("multiline_comment", &[
                Rule(r"[*]/", One("cm"), Pop(1)),
                Rule(r"[^*/]+", One("cm"), Stay),
                Rule(r"[*/]", One("cm"), Stay),
            ]),
            ("comments_and_whitespace", &[
                Rule(r"\s+", One(""), Stay),
                Rule(r"<!--", One("c"), Stay),
                Rule(r"//.*?$", One("c1"), Stay),
                Rule(r"/[*]", One("cm"), Push("multiline_comment")),
            ]),
            ("expr_start", &[
                Mixin("comments_and_whitespace"),
                Rule(r"/", One("sr"), Replace("regex")),
                Rule(r"[{]", One("p"), Replace("object")),
                Rule(r"", One(""), Pop(1)),
            ]),
            ("regex", &[
                Rule(r"/", One("sr"), Replace("regex_end")),
                Rule(r"[^/]\n", One("err"), Pop(1)),
                Rule(r"\n", One("err"), Pop(1)),
                Rule(r"\[\^", One("se"), Push("regex_group")),
                Rule(r"\[", One("se"), Push("regex_group")),
                Rule(r"\\.", One("se"), Stay),
                Rule(r"[(][?][:=<!]", One("se"), Stay),
                Rule(r"[{][\d,]+[}]", One("se"), Stay),
                Rule(r"[()?]", One("se"), Stay),
                Rule(r".", One("sr"), Stay),
            ]),
            ("regex_end", &[
                Rule(r"[gimuy]+", One("sr"), Pop(1)),
                Rule(r"", One(""), Pop(1)),
            ]),
            ("regex_group", &[
                Rule(r"/", One("se"), Stay),
                Rule(r"[^/]\n", One("err"), Pop(2)),
                Rule(r"\]", One("se"), Pop(1)),
                Rule(r"\\.", One("se"), Stay),
                Rule(r".", One("sr"), Stay),
            ]),
            ("dq", &[
                Rule(r#"\\[\\nrt"]?"#, One("se"), Stay),
                Rule(r#"[^\\"]+"#, One("s2"), Stay),
                Rule(r#"""#, One("dl"), Pop(1)),
            ]),
            ("sq", &[
                Rule(r"\\[\\nrt']?", One("se"), Stay),
                Rule(r"[^\\']+", One("s1"), Stay),
                Rule(r"'", One("dl"), Pop(1)),
            ]),
            ("statement", &[
                $($statement,)*
                Rule(r"case\b", One("k"), Replace("expr_start")),
                Rule(concat!("(", id!(), r")(\s*)(:)"), Groups(&["nl", "", "p"]), Stay),
                Mixin("expr_start"),
            ]),
            ("object", &[
                Mixin("comments_and_whitespace"),
                Rule(r"[{]", One("p"), Push("object")),
                Rule(r"[}]", One("p"), Replace("statement")),
                Rule(concat!("(", id!(), r")(\s*)(:)"), Groups(&["na", "", "p"]), Push("expr_start")),
                Rule(r":", One("p"), Stay),
                Mixin("root"),
            ]),
            ("ternary", &[
                Rule(r":", One("p"), Replace("expr_start")),
                Mixin("root"),
            ]),
            ("template_string", &[
                Rule(r"[$]\{", One("p"), Push("template_string_expr")),
                Rule(r"`", One("s2"), Pop(1)),
                Rule(r"\\[$`]", One("se"), Stay),
                Rule(r"[^$`\\]+", One("s2"), Stay),
                Rule(r"[\\$]", One("s2"), Stay),
            ]),
            ("template_string_expr", &[
                Rule(r"\}", One("p"), Pop(1)),
                Mixin("root"),
            ]),
        ]
    };
}

#[rustfmt::skip]
const JAVASCRIPT: Grammar = grammar!(js_keywords, js_declarations, js_reserved, js_builtins, [], []);

#[rustfmt::skip]
const TYPESCRIPT: Grammar = grammar!(
    ts_keywords, ts_declarations, ts_reserved, ts_builtins,
    [
        Rule(r"[?][.]", One("p"), Stay),
        Rule(r"[?]{2}", One("o"), Stay)
    ],
    [
        Rule(concat!("(", id!(), r")(\??)(\s*)(:)"), Groups(&["nl", "p", "", "p"]), Push("expr_start"))
    ]
);

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::javascript().is_some());
        assert!(super::typescript().is_some());
    }
}
