//! A small engine for lexers ported rule for rule from rouge's `RegexLexer`s, for languages
//! where rouge's own rules (keyword lists, quirks) matter more than a grammar's structure.
//! As in rouge: the first rule of the current state that matches at the current position wins,
//! yields its token (or one token per group), and may push or pop states; text no rule matches
//! is an `err` character. Ruby's `$` (end of line) is kept by compiling with `(?m)`.
//!
//! Bounded: each step consumes input or changes the state stack, an empty match cannot repeat
//! at one position, the stack is capped at [`MAX_DEPTH`], a rule sees at most [`WINDOW`] bytes
//! ahead (an unclosed `/*` repeated thousands of times would otherwise make each try scan to
//! the end), and fancy-regex's backtracking limit turns a runaway pattern into a failure (the
//! caller then shows plain text).

use fancy_regex::Regex;

/// Deepest state stack a lexer may build (rouge lexers nest a few levels).
const MAX_DEPTH: usize = 64;

/// How far ahead (bytes) one rule may look: a longer token (a 4 KB comment) loses its class,
/// a rare and harmless difference from rouge.
const WINDOW: usize = 4096;

/// One entry of a state: a rule, or the rules of another state (rouge's `mixin`).
pub(super) enum Item {
    /// A pattern, the token(s) it yields and where the lexer goes next.
    Rule(&'static str, Tok, Next),
    /// Every rule of the named state, in place.
    Mixin(&'static str),
}

/// What a match yields.
pub(super) enum Tok {
    /// One token for the whole match.
    One(&'static str),
    /// One token per capture group, in order (rouge's `groups`); a group named
    /// [`SELF`] is lexed again from `root` (rouge's `delegate` to the same lexer).
    Groups(&'static [&'static str]),
    /// The match lexed by another lexer (rouge's `delegate`).
    Delegate(fn() -> Option<&'static Lexer>),
}

/// In [`Tok::Groups`]: this group is lexed by the same lexer, from `root`.
pub(super) const SELF: &str = "<self>";

/// Where the lexer goes after a match.
pub(super) enum Next {
    /// Stays in the state.
    Stay,
    /// Enters the named state.
    Push(&'static str),
    /// Leaves this many states.
    Pop(usize),
    /// Leaves this state for the named one (rouge's `pop!` then `push`).
    Replace(&'static str),
    /// Enters the first named state, then the second on top of it (rouge's two `push`es in
    /// one rule).
    PushTwo(&'static str, &'static str),
}

/// A lexer: named states, `root` first.
pub(super) type Grammar = &'static [(&'static str, &'static [Item])];

/// The one-character lookbehind a rule pattern may start with (`(?<!\.)`, `(?<!=)`, `(?<=\n)`):
/// the engine matches on the text from the current position, so it checks that character
/// itself. Gives the character and whether it must (`(?<=`) or must not (`(?<!`) come before.
fn split_lookbehind(pattern: &str) -> (Option<(char, bool)>, &str) {
    let (rest, must) = match (pattern.strip_prefix("(?<!"), pattern.strip_prefix("(?<=")) {
        (Some(rest), _) => (rest, false),
        (_, Some(rest)) => (rest, true),
        _ => return (None, pattern),
    };
    let (rest, escaped) = match rest.strip_prefix('\\') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(c), Some(')')) => {
            let c = match (escaped, c) {
                (true, 'n') => '\n',
                (true, 't') => '\t',
                _ => c,
            };
            let skip = rest.chars().next().map_or(0, char::len_utf8) + 1;
            (Some((c, must)), &rest[skip..])
        }
        _ => (None, pattern),
    }
}

/// A rule with its pattern compiled.
struct Compiled {
    re: Regex,
    /// The character that must (`true`) or must not (`false`) come right before a match (see
    /// [`split_lookbehind`]).
    lookbehind: Option<(char, bool)>,
    tok: &'static Tok,
    next: &'static Next,
}

/// A grammar ready to run: each state's rules, mixins flattened.
pub(super) struct Lexer {
    states: Vec<(&'static str, Vec<Compiled>)>,
}

impl Lexer {
    /// Compiles `grammar`. `None` when a pattern does not compile or a mixin is unknown
    /// (a bug in a port, caught by its tests).
    pub(super) fn new(grammar: Grammar) -> Option<Lexer> {
        let mut states = Vec::with_capacity(grammar.len());
        for (name, _) in grammar {
            let mut rules = Vec::new();
            flatten(grammar, name, &mut rules, 0)?;
            states.push((*name, rules));
        }
        Some(Lexer { states })
    }

    fn state(&self, name: &str) -> Option<usize> {
        self.states.iter().position(|(n, _)| *n == name)
    }

    /// Hands each token of `code` to `sink`. `None` when a pattern gives up (backtracking
    /// limit) or a port names a state it lacks.
    pub(super) fn lex(&self, code: &str, sink: &mut dyn FnMut(&'static str, &str)) -> Option<()> {
        let mut stack = vec![0usize];
        let mut pos = 0;
        let mut empty_at = None;
        while pos < code.len() {
            let mut end = (pos + WINDOW).min(code.len());
            while !code.is_char_boundary(end) {
                end -= 1;
            }
            let rest = &code[pos..end];
            let rules = &self.states.get(*stack.last()?)?.1;
            let mut step = None;
            let before = code[..pos].chars().next_back();
            for rule in rules {
                if let Some((c, must)) = rule.lookbehind {
                    if (before == Some(c)) != must {
                        continue;
                    }
                }
                let Some(caps) = rule.re.captures(rest).ok()? else {
                    continue;
                };
                let len = caps.get(0)?.end();
                if len == 0 && empty_at == Some((pos, stack.len())) {
                    continue;
                }
                match rule.tok {
                    Tok::One(class) => sink(class, &rest[..len]),
                    Tok::Groups(classes) => {
                        for (i, class) in classes.iter().enumerate() {
                            match caps.get(i + 1) {
                                // The group is shorter than the match: the recursion ends.
                                Some(m) if *class == SELF && m.end() < len => {
                                    self.lex(m.as_str(), sink)?
                                }
                                Some(m) => sink(class, m.as_str()),
                                None => {}
                            }
                        }
                    }
                    Tok::Delegate(other) => other()?.lex(&rest[..len], sink)?,
                }
                step = Some((len, rule.next));
                break;
            }
            let Some((len, next)) = step else {
                let ch = rest.chars().next()?.len_utf8();
                sink("err", &rest[..ch]);
                pos += ch;
                continue;
            };
            empty_at = (len == 0).then_some((pos, stack.len()));
            pos += len;
            match next {
                Next::Stay => {}
                Next::Push(name) if stack.len() < MAX_DEPTH => stack.push(self.state(name)?),
                Next::Push(_) => {}
                Next::Pop(n) => {
                    let keep = stack.len().saturating_sub(*n).max(1);
                    stack.truncate(keep);
                }
                Next::PushTwo(first, second) if stack.len() + 1 < MAX_DEPTH => {
                    stack.push(self.state(first)?);
                    stack.push(self.state(second)?);
                }
                Next::PushTwo(..) => {}
                Next::Replace(name) => {
                    let state = self.state(name)?;
                    if stack.len() > 1 {
                        stack.pop();
                    }
                    stack.push(state);
                }
            }
        }
        Some(())
    }
}

/// Appends the compiled rules of state `name`, expanding mixins.
fn flatten(grammar: Grammar, name: &str, out: &mut Vec<Compiled>, depth: usize) -> Option<()> {
    if depth > 8 {
        return None;
    }
    let (_, items) = grammar.iter().find(|(n, _)| *n == name)?;
    for item in items.iter() {
        match item {
            Item::Rule(pattern, tok, next) => {
                let (lookbehind, rest) = split_lookbehind(pattern);
                out.push(Compiled {
                    re: Regex::new(&format!("(?m)\\A(?:{rest})")).ok()?,
                    lookbehind,
                    tok,
                    next,
                })
            }
            Item::Mixin(other) => flatten(grammar, other, out, depth + 1)?,
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Item::Rule;
    use Next::*;
    use Tok::*;

    const TOY: Grammar = &[
        (
            "root",
            &[
                Rule(r"\s+", One(""), Stay),
                Rule(r#"""#, One("s2"), Push("string")),
                Rule(r"(\w+)(=)", Groups(&["nv", "o"]), Stay),
                Rule(r"\w+", One("n"), Stay),
            ],
        ),
        (
            "string",
            &[
                Rule(r#"""#, One("s2"), Pop(1)),
                Rule(r#"[^"]+"#, One("s2"), Stay),
            ],
        ),
    ];

    fn run(code: &str) -> Vec<(&'static str, String)> {
        let lexer = Lexer::new(TOY).expect("compiles");
        let mut out = Vec::new();
        lexer
            .lex(code, &mut |c, t| out.push((c, t.to_string())))
            .expect("lexes");
        out
    }

    #[test]
    fn splits_a_one_character_lookbehind() {
        assert_eq!(
            split_lookbehind(r"(?<!\.)\w+"),
            (Some(('.', false)), r"\w+")
        );
        assert_eq!(split_lookbehind(r"(?<!=)\["), (Some(('=', false)), r"\["));
        assert_eq!(
            split_lookbehind(r"(?<=\n)(?=\s)"),
            (Some(('\n', true)), r"(?=\s)")
        );
        assert_eq!(split_lookbehind(r"\w+"), (None, r"\w+"));
    }

    #[test]
    fn rules_groups_states_and_errors() {
        assert_eq!(
            run("a=\"x\" ?"),
            [
                ("nv", "a".to_string()),
                ("o", "=".to_string()),
                ("s2", "\"".to_string()),
                ("s2", "x".to_string()),
                ("s2", "\"".to_string()),
                ("", " ".to_string()),
                ("err", "?".to_string()),
            ]
        );
    }
}
