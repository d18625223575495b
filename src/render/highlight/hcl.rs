//! rouge 3.30's `hcl.rb` and `terraform.rb` (Terraform is rouge's subclass of HCL), ported rule
//! for rule: a name opens a block (`nx`; Terraform's `resource`, `variable`... are `k`, `var`
//! and `local` `kd`), `true`/`false`/`null` are `kc`, strings `s2`/`s1`, heredocs `sh`, numbers
//! `mi`/`mf`; Terraform adds `${...}` interpolations (`k` around an expression) and `"/re/"`.
//! rouge looks each name up in the class's word sets; here each set is an alternation that
//! must match the whole name. One liberty: rouge ends a heredoc at the line holding its own
//! delimiter (kept in a variable); this engine has no such memory, so a heredoc ends at the
//! first line holding only an upper-case word (`EOF`, `EOT`, `POLICY`), as delimiters are
//! written.

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item, Item::Mixin, Item::Rule, Lexer, Next::*, Tok::*};

/// The HCL lexer (`hcl`), compiled once.
pub(super) fn hcl() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(HCL)).as_ref()
}

/// The Terraform lexer (`terraform`, `tf`), compiled once.
pub(super) fn terraform() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(TERRAFORM)).as_ref()
}

// Hcl's `id = /[$a-z_][a-z0-9_]*/io`, and where such a name ends.
macro_rules! id {
    () => {
        r"(?i)[$a-z_][a-z0-9_]*"
    };
}
macro_rules! id_end {
    () => {
        r"(?![A-Za-z0-9_])"
    };
}
// Terraform's own `id` (expressions): dashes allowed.
macro_rules! tf_id {
    () => {
        r"(?i)[$a-z_\-][a-z0-9_\-]*"
    };
}
macro_rules! tf_id_end {
    () => {
        r"(?![A-Za-z0-9_\-])"
    };
}
macro_rules! tf_keywords {
    () => {
        r"(?:terraform|module|provider|variable|resource|data|provisioner|output)"
    };
}

#[rustfmt::skip]
const MULTILINE_COMMENT: &[Item] = &[
    Rule(r"[*]/", One("cm"), Pop(1)),
    Rule(r"[^*/]+", One("cm"), Stay),
    Rule(r"[*/]", One("cm"), Stay),
];

#[rustfmt::skip]
const COMMENTS_AND_WHITESPACE: &[Item] = &[
    Rule(r"\s+", One(""), Stay),
    Rule(r"//.*?$", One("c1"), Stay),
    Rule(r"#.*?$", One("c1"), Stay),
    Rule(r"/[*]", One("cm"), Push("multiline_comment")),
];

#[rustfmt::skip]
const PRIMITIVES: &[Item] = &[
    Rule(r"[0-9][0-9]*\.[0-9]+(?:[eE][0-9]+)?[fd]?(?:[kKmMgG]b?)?", One("mf"), Stay),
    Rule(r"[0-9]+(?:[kKmMgG]b?)?", One("mi"), Stay),
    Rule(r#"""#, One("s2"), Push("dq")),
    Rule(r"'", One("s1"), Push("sq")),
    Rule(r"(<<-?)(\s*)('?)(\\?)(\w+)(\3)", Groups(&["o", "", "sh", "sh", "no", "sh"]), Push("heredoc")),
];

#[rustfmt::skip]
const COMPOSITE: &[Item] = &[
    Mixin("comments_and_whitespace"),
    Rule(r"[{]", One("p"), Replace("hash")),
    Rule(r"[\[]", One("p"), Replace("array")),
    Mixin("root"),
    Rule(r"", One(""), Pop(1)),
];

#[rustfmt::skip]
const HEREDOC_NL: &[Item] = &[
    Rule(r"[ \t]*[A-Z][A-Z0-9_]*[ \t]*\n", One("no"), Pop(2)),
    Rule(r"\s*\w+\s*\n", One("sh"), Stay),
    Rule(r"", One(""), Pop(1)),
];

#[rustfmt::skip]
const HCL: Grammar = &[
    ("root", &[
        Mixin("comments_and_whitespace"),
        Mixin("primitives"),
        Rule(r"\{", One("p"), Push("hash")),
        Rule(r"\[", One("p"), Push("array")),
        Rule(concat!("(?:true|false|null)", id_end!()), One("kc"), Stay),
        Rule(id!(), One("nx"), Push("composite")),
    ]),
    ("multiline_comment", MULTILINE_COMMENT),
    ("comments_and_whitespace", COMMENTS_AND_WHITESPACE),
    ("primitives", PRIMITIVES),
    ("composite", COMPOSITE),
    ("hash", &[
        Mixin("comments_and_whitespace"),
        Rule(r"=", One("p"), Stay),
        Rule(r"\}", One("p"), Pop(1)),
        Mixin("root"),
    ]),
    ("array", &[
        Mixin("comments_and_whitespace"),
        Rule(r",", One("p"), Stay),
        Rule(r"\]", One("p"), Pop(1)),
        Mixin("root"),
    ]),
    ("dq", &[
        Rule(r#"[^\\"]+"#, One("s2"), Stay),
        Rule(r#"\\""#, One("se"), Stay),
        Rule(r#"""#, One("s2"), Pop(1)),
    ]),
    ("sq", &[
        Rule(r"[^\\']+", One("s1"), Stay),
        Rule(r"\\'", One("se"), Stay),
        Rule(r"'", One("s1"), Pop(1)),
    ]),
    ("heredoc", &[
        Rule(r"\n", One("sh"), Push("heredoc_nl")),
        Rule(r"[^$\n]+", One("sh"), Stay),
        Rule(r"[$]", One("sh"), Stay),
    ]),
    ("heredoc_nl", HEREDOC_NL),
];

#[rustfmt::skip]
const TERRAFORM: Grammar = &[
    ("root", &[
        Mixin("comments_and_whitespace"),
        Mixin("primitives"),
        Rule(r"\{", One("p"), Push("hash")),
        Rule(r"\[", One("p"), Push("array")),
        Rule(concat!(tf_keywords!(), id_end!()), One("k"), Push("composite")),
        Rule(concat!("(?:var|local)", id_end!()), One("kd"), Push("composite")),
        Rule(concat!("(?:true|false|null)", id_end!()), One("kc"), Stay),
        Rule(id!(), One("nx"), Push("composite")),
    ]),
    ("multiline_comment", MULTILINE_COMMENT),
    ("comments_and_whitespace", COMMENTS_AND_WHITESPACE),
    ("primitives", PRIMITIVES),
    ("composite", COMPOSITE),
    ("hash", &[
        Rule(r"[.,()*]", One("p"), Stay),
        Mixin("comments_and_whitespace"),
        Rule(r"=", One("p"), Stay),
        Rule(r"\}", One("p"), Pop(1)),
        Mixin("root"),
    ]),
    ("array", &[
        Rule(r"[.,()*]", One("p"), Stay),
        Mixin("comments_and_whitespace"),
        Rule(r",", One("p"), Stay),
        Rule(r"\]", One("p"), Pop(1)),
        Mixin("root"),
    ]),
    ("strings", &[
        Rule(r"\\.", One("se"), Stay),
        Rule(r"\$\{", One("k"), Push("interpolation")),
    ]),
    ("dq", &[
        Rule(r#"[^\\"$]+"#, One("s2"), Stay),
        Mixin("strings"),
        Rule(r#"""#, One("s2"), Pop(1)),
    ]),
    ("sq", &[
        Rule(r"[^\\'$]+", One("s1"), Stay),
        Mixin("strings"),
        Rule(r"'", One("s1"), Pop(1)),
    ]),
    ("heredoc", &[
        Rule(r"\n", One("sh"), Push("heredoc_nl")),
        Rule(r"[^$\n]+", One("sh"), Stay),
        Rule(r"[$]", One("sh"), Stay),
        Mixin("strings"),
    ]),
    ("heredoc_nl", HEREDOC_NL),
    ("interpolation", &[
        Rule(r"\}", One("k"), Pop(1)),
        Mixin("expression"),
    ]),
    ("regexps", &[
        Rule(r#""/"#, One("dl"), Replace("regexp_inner")),
    ]),
    ("regexp_inner", &[
        Rule(r#"[^"/\\]+"#, One("sr"), Stay),
        Rule(r"\\.", One("sr"), Stay),
        Rule(r#"/""#, One("dl"), Pop(1)),
        Rule(r#"["/]"#, One("sr"), Stay),
    ]),
    ("expression", &[
        Mixin("regexps"),
        Mixin("primitives"),
        Rule(r"\s+", One(""), Stay),
        Rule(r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|==|!=", One("o"), Stay),
        Rule(r"[-<>+*%&|\^/!=?:]=?", One("o"), Stay),
        Rule(r"[(\[,]", One("p"), Stay),
        Rule(r"[)\].]", One("p"), Stay),
        Rule(concat!(tf_keywords!(), tf_id_end!()), One("k"), Stay),
        Rule(concat!("(?:var|local)", tf_id_end!()), One("kd"), Stay),
        Rule(concat!("(?:true|false|null)", tf_id_end!()), One("kc"), Stay),
        Rule(tf_id!(), One("nx"), Stay),
    ]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::hcl().is_some());
        assert!(super::terraform().is_some());
    }
}
