//! Which grammar highlights a rouge language name, and each language's profile: how rouge's
//! lexer for it names what the grammar leaves unscoped (identifiers are `n` in Go, `nx` in
//! JavaScript, plain text in shell) and the scope rules where it departs from the common ones.
//! Each profile was tuned against rouge 3.30's lexers (`lib/rouge/lexers/*.rb`) with
//! `tests/rouge_agreement.rs`.

use syntect::parsing::SyntaxReference;

use super::regex_lexer::Lexer;
use super::scopes::OUTER;
use super::{
    c, css, diff, go, hcl, java, javascript, kotlin, python, rust, scala, shell, sql, toml,
};

/// How one language's grammar output becomes rouge's classes.
#[derive(Debug)]
pub(super) struct Profile {
    /// Class of identifiers no scope names.
    pub word: &'static str,
    /// Class of unscoped characters listed in `operators`.
    pub operator: &'static str,
    /// Class of other unscoped punctuation.
    pub punctuation: &'static str,
    /// The characters rouge calls operators in this language.
    pub operators: &'static str,
    /// Scope rules checked before the common ones (longest prefix wins).
    pub rules: &'static [(&'static str, &'static str)],
    /// Scope rules that win over every scope inside them.
    pub force: &'static [(&'static str, &'static str)],
}

impl Profile {
    /// Names for C-like languages: identifiers `n`, operators `o`, punctuation `p`.
    pub const DEFAULT: Profile = Profile {
        word: "n",
        operator: "o",
        punctuation: "p",
        operators: "+-*/%=<>!&|^~?:",
        rules: &[],
        force: &[],
    };
}

/// How a language is tokenized.
pub(super) enum Language {
    /// A shell session: prompts, commands (as shell), output (`console.rb`).
    Console,
    /// A grammar and the profile that maps its scopes.
    Grammar(&'static SyntaxReference, &'static Profile),
    /// A lexer ported from rouge's rules.
    Ported(fn() -> Option<&'static Lexer>),
}

/// The language rouge would pick for `lang` (any case), when it is highlighted.
pub(super) fn find(lang: &str) -> Option<Language> {
    let lang = lang.to_ascii_lowercase();
    if matches!(
        lang.as_str(),
        "console" | "terminal" | "shell-session" | "shell_session"
    ) {
        return Some(Language::Console);
    }
    if matches!(lang.as_str(), "plaintext" | "text" | "") {
        return None;
    }
    if let Some((_, lexer)) = PORTED
        .iter()
        .find(|(names, _)| names.contains(&lang.as_str()))
    {
        return Some(Language::Ported(*lexer));
    }
    let (token, profile) = LANGUAGES
        .iter()
        .find(|(names, _, _)| names.contains(&lang.as_str()))
        .map(|(_, token, profile)| (*token, *profile))
        .unwrap_or((lang.as_str(), &Profile::DEFAULT));
    let syntax = super::syntax_set().find_syntax_by_token(token)?;
    Some(Language::Grammar(syntax, profile))
}

/// Splits unscoped text into whitespace (plain), words and punctuation, named by `profile`.
pub(super) fn split_plain(text: &str, profile: &Profile, sink: &mut dyn FnMut(&'static str, &str)) {
    let mut start = 0;
    let mut current: Option<&'static str> = None;
    for (i, c) in text.char_indices() {
        let class = if c.is_whitespace() {
            ""
        } else if c.is_alphanumeric() || c == '_' {
            profile.word
        } else if profile.operators.contains(c) {
            profile.operator
        } else {
            profile.punctuation
        };
        if current != Some(class) {
            if let Some(cur) = current {
                sink(cur, &text[start..i]);
            }
            start = i;
            current = Some(class);
        }
    }
    if let Some(cur) = current {
        sink(cur, &text[start..]);
    }
}

/// rouge names (tag and aliases) -> lexer ported from rouge.
#[allow(clippy::type_complexity)]
const PORTED: &[(&[&str], fn() -> Option<&'static Lexer>)] = &[
    (&["shell", "bash", "sh", "zsh", "ksh"], shell::shell),
    (&["docker", "dockerfile"], shell::docker),
    (&["kotlin"], kotlin::kotlin),
    (&["scala"], scala::scala),
    (&["python", "py", "python3"], python::python),
    (&["java"], java::java),
    (&["sql"], sql::sql),
    (&["go", "golang"], go::go),
    (&["toml"], toml::toml),
    (&["diff", "patch", "udiff"], diff::diff),
    (&["css"], css::css),
    (&["hcl"], hcl::hcl),
    (&["terraform", "tf"], hcl::terraform),
    (&["javascript", "js"], javascript::javascript),
    (&["typescript", "ts"], javascript::typescript),
    (&["c"], c::c),
    (&["cpp", "c++"], c::cpp),
    (
        &[
            "rust",
            "rs",
            "rust,no_run",
            "rs,no_run",
            "rust,ignore",
            "rs,ignore",
            "rust,should_panic",
            "rs,should_panic",
        ],
        rust::rust,
    ),
];

/// rouge names (tag and aliases) -> grammar token (name or extension) and profile.
#[rustfmt::skip]
const LANGUAGES: &[(&[&str], &str, &Profile)] = &[
    (&["yaml", "yml"], "yaml", &YAML),
    (&["json", "jsonc"], "json", &JSON),
    (&["html"], "html", &MARKUP),
    (&["xml"], "xml", &MARKUP),
    (&["ruby", "rb"], "rb", &RUBY),
];

/// `yaml.rb`: keys `na`, `:` and `-` `pi`, plain scalars `s`, numbers `m`, booleans `no`.
const YAML: Profile = Profile {
    word: "s",
    operator: "pi",
    punctuation: "pi",
    operators: "",
    rules: &[
        ("entity.name.tag", "na"),
        ("punctuation.separator.key-value", "pi"),
        ("punctuation.definition.block", "pi"),
        ("punctuation.definition.sequence", "pi"),
        ("punctuation.definition.mapping", "pi"),
        ("punctuation.separator.sequence", "pi"),
        ("punctuation.separator.mapping", "pi"),
        ("constant.numeric", "m"),
        ("constant.language", "no"),
        ("entity.other.document", "nn"),
        ("entity.name.other.anchor", "nl"),
        ("punctuation.definition.anchor", OUTER),
        ("variable.other.alias", "nv"),
        ("keyword.control.flow.block-scalar", "pi"),
        ("string.unquoted.block", "s"),
    ],
    force: &[],
};

/// `json.rb`: keys `nl` (quotes included), strings `s2`, `true`/`null` `kc`.
const JSON: Profile = Profile {
    word: "n",
    operator: "p",
    punctuation: "p",
    operators: "",
    rules: &[],
    force: &[("meta.mapping.key", "nl")],
};

/// `html.rb`/`xml.rb`: `<tag` and `>` `nt`, `attr=` `na`, values `s`.
const MARKUP: Profile = Profile {
    word: "",
    operator: "",
    punctuation: "",
    operators: "",
    rules: &[
        ("punctuation.definition.tag", "nt"),
        ("punctuation.separator.key-value", "na"),
        ("string", "s"),
        ("comment", "c"),
        ("constant.character.entity", "ni"),
        ("meta.tag.sgml", "cp"),
        ("meta.tag.preprocessor", "cp"),
        ("meta.tag.metadata.doctype", "cp"),
    ],
    force: &[
        ("meta.tag.sgml", "cp"),
        ("meta.tag.preprocessor", "cp"),
        ("meta.tag.metadata.doctype", "cp"),
    ],
};

/// `ruby.rb`: method names `nf`, constants `no`, symbols `ss`, instance variables `vi`.
const RUBY: Profile = Profile {
    word: "n",
    operator: "o",
    punctuation: "p",
    operators: "+-*/%=<>!&|^~",
    rules: &[
        ("variable.other.readwrite.instance", "vi"),
        ("constant.other.symbol", "ss"),
        ("support.class", "no"),
        ("variable.other.constant", "no"),
        ("entity.name.namespace", "nn"),
        ("entity.name.module", "nn"),
        ("keyword.other.special-method", "nb"),
        ("support.function.kernel", "nb"),
        ("punctuation.section.interpolation", "si"),
        ("punctuation.accessor", "p"),
        ("variable.function", "nf"),
        ("constant.language", "k"),
    ],
    force: &[],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_language_has_a_grammar() {
        for (names, _, _) in LANGUAGES {
            assert!(
                matches!(find(names[0]), Some(Language::Grammar(..))),
                "{}",
                names[0]
            );
        }
    }

    #[test]
    fn plaintext_and_unknown_languages_are_not_highlighted() {
        assert!(find("plaintext").is_none());
        assert!(find("no-such-language").is_none());
    }

    #[test]
    fn splits_plain_text_into_words_and_marks() {
        let mut out = Vec::new();
        split_plain("a.b = c;", &Profile::DEFAULT, &mut |c, t| {
            out.push((c, t.to_string()))
        });
        let classes: Vec<_> = out.iter().map(|(c, t)| format!("{c}:{t}")).collect();
        assert_eq!(
            classes,
            ["n:a", "p:.", "n:b", ": ", "o:=", ": ", "n:c", "p:;"]
        );
    }
}
