//! rouge 3.30's `shell.rb` and `docker.rb`, ported rule for rule: shell highlighting is mostly
//! rouge's own lists (`grep`, `rm` and `tar` are builtins, flags are `nt`, arguments plain
//! text), which no grammar reproduces. Heredocs (a rule with Ruby code) are left as text.

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Mixin, Item::Rule, Lexer, Next::*, Tok::*};

/// The shell lexer (`shell`, `bash`, `sh`, `zsh`, `ksh`), compiled once.
pub(super) fn shell() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(SHELL)).as_ref()
}

/// The Dockerfile lexer (`docker`, `dockerfile`), compiled once.
pub(super) fn docker() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(DOCKER)).as_ref()
}

const KEYWORDS: &str = r"\b(?:if|fi|else|while|do|done|for|then|return|function|select|continue|until|esac|elif|in)\s*\b";

#[rustfmt::skip]
const BUILTINS: &str = concat!(
    r"\b(?:alias|bg|bind|break|builtin|caller|cd|command|compgen|complete|declare|dirs|disown|",
    r"enable|eval|exec|exit|export|false|fc|fg|getopts|hash|help|history|jobs|let|local|logout|",
    r"mapfile|popd|pushd|pwd|read|readonly|set|shift|shopt|source|suspend|test|time|times|trap|",
    r"true|type|typeset|ulimit|umask|unalias|unset|wait|",
    r"cat|tac|nl|od|base32|base64|fmt|pr|fold|head|tail|split|csplit|wc|sum|cksum|b2sum|md5sum|",
    r"sha1sum|sha224sum|sha256sum|sha384sum|sha512sum|sort|shuf|uniq|comm|ptx|tsort|cut|paste|",
    r"join|tr|expand|unexpand|ls|dir|vdir|dircolors|cp|dd|install|mv|rm|shred|link|ln|mkdir|",
    r"mkfifo|mknod|readlink|rmdir|unlink|chown|chgrp|chmod|touch|df|du|stat|sync|truncate|echo|",
    r"printf|yes|expr|tee|basename|dirname|pathchk|mktemp|realpath|pwd|stty|printenv|tty|id|",
    r"logname|whoami|groups|users|who|date|arch|nproc|uname|hostname|hostid|uptime|chcon|runcon|",
    r"chroot|env|nice|nohup|stdbuf|timeout|kill|sleep|factor|numfmt|seq|tar|grep|sudo|awk|sed|",
    r"gzip|gunzip)\s*\b(?!(?:\.|-))",
);

#[rustfmt::skip]
const SHELL: Grammar = &[
    ("root", &[Mixin("basic"), Mixin("data")]),
    ("basic", &[
        Rule(r"#.*$", One("c"), Stay),
        Rule(KEYWORDS, One("k"), Stay),
        Rule(r"\bcase\b", One("k"), Push("case")),
        Rule(BUILTINS, One("nb"), Stay),
        Rule(r"[.](?=\s)", One("nb"), Stay),
        Rule(r"(\b\w+)(=)", Groups(&["nv", "o"]), Stay),
        Rule(r"[\[\]{}()!=>]", One("o"), Stay),
        Rule(r"&&|\|\|", One("o"), Stay),
        Rule(r"<<<", One("o"), Stay),
    ]),
    ("double_quotes", &[
        Rule(r#"(?:\$#?)?""#, One("s2"), Pop(1)),
        Mixin("interp"),
        Rule(r#"[^"`\\$]+"#, One("s2"), Stay),
    ]),
    ("ansi_string", &[
        Rule(r"\\.", One("se"), Stay),
        Rule(r"[^\\']+", One("s1"), Stay),
        Mixin("single_quotes"),
    ]),
    ("single_quotes", &[
        Rule(r"'", One("s1"), Pop(1)),
        Rule(r"[^']+", One("s1"), Stay),
    ]),
    ("data", &[
        Rule(r"\s+", One(""), Stay),
        Rule(r"\\.", One("se"), Stay),
        Rule(r#"\$?""#, One("s2"), Push("double_quotes")),
        Rule(r"\$'", One("s1"), Push("ansi_string")),
        Rule(r"'", One("s1"), Push("single_quotes")),
        Rule(r"\*", One("k"), Stay),
        Rule(r";", One("p"), Stay),
        Rule(r"--?[\w-]+", One("nt"), Stay),
        Rule(r#"[^=\*\s{}()$"'`;\\<]+"#, One(""), Stay),
        Rule(r"\d+(?= |\n?\z)", One("m"), Stay),
        Rule(r"<", One(""), Stay),
        Mixin("interp"),
    ]),
    ("curly", &[
        Rule(r"\}", One("k"), Pop(1)),
        Rule(r":-", One("k"), Stay),
        Rule(r"[a-zA-Z0-9_]+", One("nv"), Stay),
        Rule(r#"[^}:"`'$]+"#, One("p"), Stay),
        Mixin("root"),
    ]),
    ("paren_interp", &[
        Rule(r"\)", One("si"), Pop(1)),
        Rule(r"\(", One("o"), Push("paren_inner")),
        Mixin("root"),
    ]),
    ("paren_inner", &[
        Rule(r"\(", One("o"), Push("paren_inner")),
        Rule(r"\)", One("o"), Pop(1)),
        Mixin("root"),
    ]),
    ("math", &[
        Rule(r"\)\)", One("k"), Pop(1)),
        Rule(r"[-+*/%^|&!]|\*\*|\|\|", One("o"), Stay),
        Rule(r"\d+(?:#\w+)?", One("m"), Stay),
        Mixin("root"),
    ]),
    ("case", &[
        Rule(r"\besac\b", One("k"), Pop(1)),
        Rule(r"\|", One("p"), Stay),
        Rule(r"\)", One("p"), Push("case_stanza")),
        Mixin("root"),
    ]),
    ("case_stanza", &[
        Rule(r";;", One("p"), Pop(1)),
        Mixin("root"),
    ]),
    ("backticks", &[
        Rule(r"`", One("sb"), Pop(1)),
        Mixin("root"),
    ]),
    ("interp", &[
        Rule(r"\\$", One("se"), Stay),
        Rule(r"\\.", One("se"), Stay),
        Rule(r"\$\(\(", One("k"), Push("math")),
        Rule(r"\$\(", One("si"), Push("paren_interp")),
        Rule(r"\$\{#?", One("k"), Push("curly")),
        Rule(r"`", One("sb"), Push("backticks")),
        Rule(r"\$#?(?:\w+|.)", One("nv"), Stay),
        Rule(r"\$[*@]", One("nv"), Stay),
    ]),
];

#[rustfmt::skip]
const DOCKER: Grammar = &[
    ("root", &[
        Rule(r"\s+", One(""), Stay),
        Rule(r"(?i)^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)", Groups(&["k", "", "s", "", "k", "", "s"]), Stay),
        Rule(
            concat!(r"(?i)^(ONBUILD)(\s+)(", "FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|STOPSIGNAL|HEALTHCHECK|SHELL", r")(.*)"),
            Groups(&["k", "", "k", "s"]),
            Stay,
        ),
        Rule(
            concat!(r"(?i)^(", "FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|STOPSIGNAL|HEALTHCHECK|SHELL", r")\b(.*)"),
            Groups(&["k", "s"]),
            Stay,
        ),
        Rule(r"#.*?$", One("c"), Stay),
        Rule(r"(?i)^(?:ONBUILD\s+)?RUN\s+", One("k"), Push("run")),
        Rule(r"\w+", One(""), Stay),
        Rule(r"[^\w]+", One(""), Stay),
    ]),
    ("run", &[
        Rule(r"\n", One(""), Pop(1)),
        Rule(r"(?s)\\.", One("se"), Stay),
        Rule(r"(?:\\.|[^\n\\])+", Delegate(shell), Stay),
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_lexers_compile() {
        assert!(shell().is_some());
        assert!(docker().is_some());
    }
}
