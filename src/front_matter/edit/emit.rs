//! Printing a front matter value (as Jekyll reads it) back as YAML 1.1 text that reads the
//! same: what `lanyard fm get` prints.
//!
//! Text stays plain where a YAML 1.1 reader gives it back as the same text (so a plain date
//! stays a date for Ruby), and is double-quoted otherwise (`"no"`, `"42"`, `"a: b"`). Lists
//! and mappings are written in block style, two spaces per level.

use serde_json::Value;

use crate::front_matter::resolve_plain;

/// `value` as YAML text, without a final line break.
pub fn value_to_yaml(value: &Value) -> String {
    let mut out = String::new();
    write_node(&mut out, value, 0);
    out
}

fn write_node(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Array(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    newline(out, indent);
                }
                out.push_str("- ");
                write_node(out, item, indent + 2);
            }
        }
        Value::Object(map) if !map.is_empty() => {
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    newline(out, indent);
                }
                out.push_str(&scalar_text(key));
                out.push(':');
                match item {
                    Value::Array(a) if !a.is_empty() => {
                        newline(out, indent + 2);
                        write_node(out, item, indent + 2);
                    }
                    Value::Object(m) if !m.is_empty() => {
                        newline(out, indent + 2);
                        write_node(out, item, indent + 2);
                    }
                    _ => {
                        out.push(' ');
                        write_node(out, item, indent + 2);
                    }
                }
            }
        }
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_text(n)),
        Value::String(s) => out.push_str(&scalar_text(s)),
    }
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', indent));
}

/// YAML 1.1 floats need a `.` and a signed exponent (`1.0e+300`, not `1e300`).
fn number_text(n: &serde_json::Number) -> String {
    let text = n.to_string();
    if !n.is_f64() || text.contains('.') {
        return text;
    }
    match text.split_once(['e', 'E']) {
        Some((mantissa, exp)) => {
            let exp = if exp.starts_with(['-', '+']) {
                exp.to_string()
            } else {
                format!("+{exp}")
            };
            format!("{mantissa}.0e{exp}")
        }
        None => format!("{text}.0"),
    }
}

/// A string plain when that reads back as the same string, else double-quoted.
fn scalar_text(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if resolve_plain(s) != Value::String(s.to_string())
        || s.trim() != s
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.chars().any(|c| c.is_control() || c == '\u{feff}')
        || s == "---"
        || s == "..."
    {
        return false;
    }
    true
}

/// JSON string escapes are YAML double-quoted escapes; a few more are escaped for YAML 1.1.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse_yaml_mapping;
    use serde_json::json;

    fn round_trip(value: Value) {
        let text = value_to_yaml(&value);
        let indented = text.replace('\n', "\n  ");
        let doc = format!("v:\n  {indented}\n");
        let back = parse_yaml_mapping(&doc, 1).unwrap_or_else(|e| panic!("{doc}: {e:?}"));
        assert_eq!(back.data["v"], value, "{doc}");
    }

    #[test]
    fn keeps_dates_and_words_plain() {
        assert_eq!(
            value_to_yaml(&json!("2023-04-19 10:00:00 +0200")),
            "2023-04-19 10:00:00 +0200"
        );
        assert_eq!(value_to_yaml(&json!("KubeCon Europe")), "KubeCon Europe");
    }

    #[test]
    fn quotes_text_yaml_1_1_would_read_otherwise() {
        assert_eq!(value_to_yaml(&json!("no")), "\"no\"");
        assert_eq!(value_to_yaml(&json!("42")), "\"42\"");
        assert_eq!(
            value_to_yaml(&json!("Jour 1: keynotes")),
            "\"Jour 1: keynotes\""
        );
        assert_eq!(value_to_yaml(&json!("")), "\"\"");
    }

    #[test]
    fn reads_back_what_it_prints() {
        round_trip(json!(["kubecon", "no", 3, null, {"a": [1, 2], "b": {}}]));
        round_trip(json!({"path": "/x.jpg", "width": 1200, "alt": "a \"b\"\n# c"}));
        round_trip(json!(1.5e300));
        round_trip(json!(-0.25));
        round_trip(json!(
            "tab\there, bell \u{7}, ~, null, 0x1F, 1:30, .inf, - item"
        ));
        round_trip(json!([[], {}, [["deep"]]]));
    }
}
