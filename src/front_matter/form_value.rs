//! Turning what the front matter form holds (a text, a list of tags, a switch, a day) into the
//! YAML text [`super::edit_field`] writes, in the style the key is already written in: a
//! double-quoted title stays double-quoted, a flow list `["a", "b"]` stays a flow list with
//! its quoting, a space-separated `tags: a b` stays a string, a date keeps its time and zone.

use serde_json::Value;

use super::edit::{raw_entries, EditError};
use super::{edit_field, value_to_yaml, FieldEdit};

/// One form field's new value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormValue {
    /// A text field (`title`, `layout`, `series`, `lang`).
    Text(String),
    /// A chip list (`tags`, `categories`).
    List(Vec<String>),
    /// A switch (`published`).
    Bool(bool),
    /// The date picker's `YYYY-MM-DD`.
    Day(String),
    /// YAML typed by the user (the "other keys" part of the form).
    Yaml(String),
}

/// The YAML text for `value` as `key`'s, matching the style of `current` (the key's value as
/// written, [`super::edit::RawEntry::value_yaml`]; `None` for a new key).
pub fn form_value_yaml(key: &str, current: Option<&str>, value: &FormValue) -> String {
    let current = current.map(str::trim).filter(|c| !c.is_empty());
    match value {
        // Jekyll splits a plural key's string at spaces, but reads `tag: a b` as one tag.
        FormValue::List(items) if matches!(key, "tag" | "category") => {
            list_yaml(current.filter(|c| c.starts_with('[')), items)
        }
        FormValue::Text(text) => text_yaml(current, text),
        FormValue::List(items) => list_yaml(current, items),
        FormValue::Bool(b) => (if *b { "true" } else { "false" }).to_string(),
        FormValue::Day(day) => day_yaml(current, day),
        FormValue::Yaml(yaml) => yaml.clone(),
    }
}

/// The edit giving `key` the form's `value` in `source` (`None` removes the key), written in the
/// style the key already has: what a form field or "Use as cover" applies to the editor.
/// Refused when the front matter does not parse.
pub fn set_form_value(
    source: &str,
    key: &str,
    value: Option<&FormValue>,
) -> Result<FieldEdit, EditError> {
    let current = raw_entries(source)?
        .into_iter()
        .rev() // Jekyll keeps the last of duplicate keys
        .find(|e| e.key == key)
        .map(|e| e.value_yaml);
    let yaml = value.map(|v| form_value_yaml(key, current.as_deref(), v));
    edit_field(source, key, yaml.as_deref())
}

/// A text, quoted as `current` is when that is safe, else as [`value_to_yaml`] writes it.
fn text_yaml(current: Option<&str>, text: &str) -> String {
    let one_line = !text.contains(['\n', '\r']);
    match current.and_then(|c| c.chars().next()) {
        Some('"') if one_line => double_quoted(text),
        Some('\'') if one_line => single_quoted(text),
        _ => value_to_yaml(&Value::String(text.to_string())),
    }
}

/// A YAML double-quoted scalar (JSON's escapes are YAML's).
fn double_quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
}

fn single_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A list in the style of `current`: flow (`[a, "b"]`, keeping the quote of its first item),
/// a space-separated string (when no item holds a space), else a block list.
fn list_yaml(current: Option<&str>, items: &[String]) -> String {
    match current {
        Some(c) if c.starts_with('[') => flow_list(c, items),
        Some(c)
            if !c.starts_with(['-', '{', '|', '>'])
                && !c.contains('\n')
                && items
                    .iter()
                    .all(|i| !i.is_empty() && !i.contains(char::is_whitespace)) =>
        {
            text_yaml(Some(c), &items.join(" "))
        }
        _ if items.is_empty() => "[]".to_string(),
        _ => value_to_yaml(&Value::Array(
            items.iter().cloned().map(Value::String).collect(),
        )),
    }
}

fn flow_list(current: &str, items: &[String]) -> String {
    let quote = current[1..].trim_start().chars().next();
    let parts: Vec<String> = items
        .iter()
        .map(|item| match quote {
            Some('"') => double_quoted(item),
            Some('\'') => single_quoted(item),
            _ => flow_scalar(item),
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// A plain scalar when it reads back as the same text inside a flow list, else double-quoted.
fn flow_scalar(item: &str) -> String {
    let block = value_to_yaml(&Value::String(item.to_string()));
    if block.starts_with('"') || item.contains([',', '[', ']', '{', '}', '#']) {
        double_quoted(item)
    } else {
        block
    }
}

/// The new day written over the day of `current` (its time, zone and quoting kept), else
/// the bare day.
fn day_yaml(current: Option<&str>, day: &str) -> String {
    if let Some(c) = current {
        let start = usize::from(c.starts_with(['"', '\'']));
        if let Some(len) = day_prefix_len(&c[start..]) {
            return format!("{}{day}{}", &c[..start], &c[start + len..]);
        }
    }
    day.to_string()
}

/// The length of a leading `YYYY-M(M)-D(D)`, if `text` starts with one.
fn day_prefix_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits = |from: usize, min: usize, max: usize| -> Option<usize> {
        let n = bytes[from..]
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        (n >= min).then_some(from + n)
    };
    let year = digits(0, 4, 4)?;
    (bytes.get(year) == Some(&b'-')).then_some(())?;
    let month = digits(year + 1, 1, 2)?;
    (bytes.get(month) == Some(&b'-')).then_some(())?;
    digits(month + 1, 1, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_form_value_keeps_the_style_of_the_key_it_changes_and_nothing_else() {
        let source = "---\ntitle: 'Jour 1' # court\nimage: \"/a.jpg\"\ntags: [a]\n---\nTexte.\n";
        let edit = set_form_value(source, "image", Some(&FormValue::Text("/b c.jpg".into())))
            .expect("edit");
        assert_eq!(
            edit.text,
            "---\ntitle: 'Jour 1' # court\nimage: \"/b c.jpg\"\ntags: [a]\n---\nTexte.\n"
        );
        let removed = set_form_value(source, "tags", None).expect("remove");
        assert_eq!(
            removed.text,
            "---\ntitle: 'Jour 1' # court\nimage: \"/a.jpg\"\n---\nTexte.\n"
        );
        assert!(set_form_value("---\ntitle: a: b\n---\n", "title", None).is_err());
    }
    use crate::front_matter::parse_value;

    fn list(items: &[&str]) -> FormValue {
        FormValue::List(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn keeps_the_quoting_of_a_text() {
        let t =
            |cur: Option<&str>, s: &str| form_value_yaml("title", cur, &FormValue::Text(s.into()));
        assert_eq!(t(Some("\"Jour 1\""), "Jour \"2\""), r#""Jour \"2\"""#);
        assert_eq!(t(Some("'Jour 1'"), "l'été"), "'l''été'");
        assert_eq!(t(Some("Jour 1"), "Jour 2"), "Jour 2");
        assert_eq!(t(None, "a: b"), "\"a: b\"");
        for text in ["a: b", "no", "42", "l'été \"x\"", "- item"] {
            for cur in [None, Some("\"x\""), Some("'x'"), Some("x")] {
                let yaml = t(cur, text);
                assert_eq!(
                    parse_value("title", &yaml).expect("parses"),
                    Value::String(text.into()),
                    "{yaml}"
                );
            }
        }
    }

    #[test]
    fn keeps_the_style_of_a_list() {
        let l = |cur: Option<&str>, items: &[&str]| form_value_yaml("tags", cur, &list(items));
        assert_eq!(
            l(Some("[\"K8s\", \"Conf\"]"), &["K8s", "Conf", "IA"]),
            "[\"K8s\", \"Conf\", \"IA\"]"
        );
        assert_eq!(l(Some("[a, b]"), &["a", "b", "c, d"]), "[a, b, \"c, d\"]");
        assert_eq!(l(Some("[]"), &["a"]), "[a]");
        assert_eq!(l(Some("a b"), &["a", "b", "c"]), "a b c");
        assert_eq!(l(Some("a b"), &["a", "two words"]), "- a\n- two words");
        assert_eq!(l(Some("- a\n- b"), &["a", "b", "c"]), "- a\n- b\n- c");
        assert_eq!(l(None, &["x"]), "- x");
        assert_eq!(l(None, &[]), "[]");
        let tag = form_value_yaml("tag", Some("kubecon"), &list(&["kubecon", "cloud"]));
        assert_eq!(tag, "- kubecon\n- cloud");
        let yaml = l(Some("[a]"), &["a", "no", "x]y"]);
        assert_eq!(
            parse_value("tags", &yaml).expect("parses"),
            serde_json::json!(["a", "no", "x]y"])
        );
    }

    #[test]
    fn changes_only_the_day_of_a_date() {
        let d =
            |cur: Option<&str>| form_value_yaml("date", cur, &FormValue::Day("2025-06-13".into()));
        assert_eq!(
            d(Some("2025-06-10 19:30:00 +0200")),
            "2025-06-13 19:30:00 +0200"
        );
        assert_eq!(d(Some("\"2025-6-1 10:00\"")), "\"2025-06-13 10:00\"");
        assert_eq!(d(Some("someday")), "2025-06-13");
        assert_eq!(d(None), "2025-06-13");
    }

    #[test]
    fn writes_switches_and_raw_yaml_as_given() {
        assert_eq!(
            form_value_yaml("published", Some("yes"), &FormValue::Bool(false)),
            "false"
        );
        assert_eq!(
            form_value_yaml("image", None, &FormValue::Yaml("a: 1\nb: 2".into())),
            "a: 1\nb: 2"
        );
    }
}
