//! From a grammar's scope stack (`string.quoted.double.json`, ...) to rouge's short class
//! (`s2`). The innermost scope a rule names decides; rules match whole dot-separated prefixes
//! and the longest wins, a language's own rules before the common ones below.

use std::collections::HashMap;

use syntect::parsing::Scope;

use super::languages::Profile;

/// A rule's class meaning "this scope says nothing: ask the enclosing one" (the quotes of a
/// string take the string's class, as in rouge).
pub(super) const OUTER: &str = "-";

/// A rule's class meaning "plain text: split it into words and punctuation by the profile".
pub(super) const PLAIN: &str = "?";

/// Rules every language shares: TextMate's scope conventions against rouge's token names
/// (`lib/rouge/token.rb`).
#[rustfmt::skip]
const COMMON: &[(&str, &str)] = &[
    ("comment", "c1"), ("comment.line", "c1"), ("comment.block", "cm"),
    ("comment.block.documentation", "cm"), ("punctuation.definition.comment", OUTER),
    ("string", "s"), ("string.quoted", "s"), ("string.quoted.double", "s2"),
    ("string.quoted.single", "s1"), ("string.quoted.triple", "s2"), ("string.regexp", "sr"),
    ("string.unquoted", "s"), ("string.interpolated", "sb"), ("punctuation.definition.string", OUTER),
    ("constant.character.escape", "se"), ("constant.character", "sc"),
    ("constant.numeric", "mi"), ("constant.numeric.integer", "mi"), ("constant.numeric.float", "mf"),
    ("constant.numeric.hex", "mh"), ("constant.numeric.integer.hexadecimal", "mh"),
    ("constant.numeric.octal", "mo"), ("constant.numeric.binary", "mb"),
    ("constant.language", "kc"), ("constant.other", "no"), ("constant", "no"),
    ("keyword", "k"), ("keyword.operator", "o"), ("keyword.operator.word", "ow"),
    ("keyword.control.import", "kn"), ("keyword.declaration", "kd"), ("keyword.other", "k"),
    ("storage", "k"), ("storage.type", "kt"), ("storage.modifier", "kd"),
    ("entity.name", "n"), ("entity.name.function", "nf"), ("entity.name.class", "nc"),
    ("entity.name.type", "nc"), ("entity.name.struct", "nc"), ("entity.name.enum", "nc"),
    ("entity.name.tag", "nt"), ("entity.name.namespace", "nn"), ("entity.name.label", "nl"),
    ("entity.name.constant", "no"), ("entity.other.attribute-name", "na"),
    ("entity.other.inherited-class", "nc"),
    ("support.function", "nb"), ("support.type", "kt"), ("support.class", "nc"),
    ("support.constant", "no"),
    ("variable", "n"), ("variable.language", "bp"), ("variable.parameter", "n"),
    ("variable.function", "nf"), ("variable.other.constant", "no"),
    ("punctuation", "p"), ("punctuation.accessor", "p"), ("punctuation.separator", "p"),
    ("punctuation.terminator", "p"), ("punctuation.section", "p"),
    ("markup.inserted", "gi"), ("markup.deleted", "gd"), ("markup.heading", "gh"),
    ("meta.diff.range", "gu"), ("meta.diff.header", "gh"),
    ("invalid", "err"),
];

/// What the rules say of one scope: the class a forcing rule gives it (whatever the inner
/// scopes say, like a JSON key's quotes) and the class the ordinary rules give it.
pub(super) type ScopeClasses = (Option<&'static str>, &'static str);

/// The class of text under `stack` (outermost first), or `None` for plain text.
pub(super) fn class_of(
    stack: &[Scope],
    profile: &Profile,
    cache: &mut HashMap<Scope, ScopeClasses>,
) -> Option<&'static str> {
    let mut class = None;
    for scope in stack.iter().rev() {
        let (forced, normal) = *cache.entry(*scope).or_insert_with(|| {
            let name = scope.build_string();
            (
                longest_match(&name, profile.force),
                rule_for(&name, profile),
            )
        });
        if forced.is_some() {
            class = forced;
            break;
        }
        if class.is_none() && normal != OUTER {
            class = Some(normal);
        }
    }
    class.filter(|c| *c != PLAIN)
}

/// The class the most specific rule gives `scope`; [`OUTER`] when no rule names it.
fn rule_for(scope: &str, profile: &Profile) -> &'static str {
    longest_match(scope, profile.rules)
        .or_else(|| longest_match(scope, COMMON))
        .unwrap_or(OUTER)
}

/// The class of the longest rule that is `scope` or a dot-separated prefix of it.
fn longest_match(scope: &str, rules: &[(&str, &'static str)]) -> Option<&'static str> {
    rules
        .iter()
        .filter(|(rule, _)| {
            scope == *rule
                || (scope.starts_with(rule) && scope.as_bytes().get(rule.len()) == Some(&b'.'))
        })
        .max_by_key(|(rule, _)| rule.len())
        .map(|(_, class)| *class)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMPTY: Profile = Profile::DEFAULT;

    #[test]
    fn the_longest_prefix_rule_wins() {
        assert_eq!(rule_for("string.quoted.double.json", &EMPTY), "s2");
        assert_eq!(rule_for("string.other.json", &EMPTY), "s");
        assert_eq!(rule_for("comment.block.documentation.java", &EMPTY), "cm");
    }

    #[test]
    fn a_prefix_must_end_at_a_dot() {
        assert_eq!(rule_for("stringy.thing", &EMPTY), OUTER);
    }

    #[test]
    fn string_quotes_take_the_class_of_their_string() {
        let stack = [
            Scope::new("source.json").expect("scope"),
            Scope::new("string.quoted.double.json").expect("scope"),
            Scope::new("punctuation.definition.string.begin.json").expect("scope"),
        ];
        let mut cache = HashMap::new();
        assert_eq!(class_of(&stack, &EMPTY, &mut cache), Some("s2"));
    }
}
