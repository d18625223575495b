//! The Liquid filters posts and includes use most: Liquid's standard string and array filters
//! Jekyll's URL filters (`relative_url`, `absolute_url`, from Jekyll's `filters/url_filters.rb`)
//! and date filters ([`super::dates`]).
//! An unknown filter returns its input, as Liquid's lax mode does.

use serde_json::Value;

use super::dates::format_date;
use super::expr::{to_output, Scope};

/// Applies filter `name` with `args` to `value`.
pub(crate) fn apply_filter(name: &str, value: Value, args: &[Value], scope: &Scope) -> Value {
    let s = || to_output(&value);
    let arg = |i: usize| args.get(i).map(to_output).unwrap_or_default();
    let text = |t: String| Value::String(t);
    match name {
        "relative_url" => text(relative_url(&s(), &scope.site_str("baseurl"))),
        "absolute_url" => {
            let rel = relative_url(&s(), &scope.site_str("baseurl"));
            text(format!(
                "{}{}",
                scope.site_str("url").trim_end_matches('/'),
                rel
            ))
        }
        "default" => match &value {
            Value::Null | Value::Bool(false) => args.first().cloned().unwrap_or(Value::Null),
            Value::String(x) if x.is_empty() => args.first().cloned().unwrap_or(Value::Null),
            Value::Array(a) if a.is_empty() => args.first().cloned().unwrap_or(Value::Null),
            _ => value,
        },
        "escape" | "xml_escape" | "h" => text(escape_html(&s())),
        "upcase" => text(s().to_uppercase()),
        "downcase" => text(s().to_lowercase()),
        "capitalize" => {
            let v = s();
            let mut c = v.chars();
            text(
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default(),
            )
        }
        "strip" => text(s().trim().to_string()),
        "lstrip" => text(s().trim_start().to_string()),
        "rstrip" => text(s().trim_end().to_string()),
        "append" => text(s() + &arg(0)),
        "prepend" => text(arg(0) + &s()),
        "replace" => text(s().replace(&arg(0), &arg(1))),
        "replace_first" => text(s().replacen(&arg(0), &arg(1), 1)),
        "remove" => text(s().replace(&arg(0), "")),
        "remove_first" => text(s().replacen(&arg(0), "", 1)),
        "strip_html" => text(strip_html(&s())),
        "strip_newlines" => text(s().replace(['\n', '\r'], "")),
        "newline_to_br" => text(s().replace('\n', "<br />\n")),
        "split" => Value::Array(
            s().split(arg(0).as_str())
                .map(|p| text(p.to_string()))
                .collect(),
        ),
        "size" => match &value {
            Value::Array(a) => Value::from(a.len()),
            _ => Value::from(s().chars().count()),
        },
        "join" => match &value {
            Value::Array(a) => {
                let sep = if args.is_empty() {
                    " ".to_string()
                } else {
                    arg(0)
                };
                text(a.iter().map(to_output).collect::<Vec<_>>().join(&sep))
            }
            _ => value,
        },
        "first" => match &value {
            Value::Array(a) => a.first().cloned().unwrap_or(Value::Null),
            _ => value,
        },
        "last" => match &value {
            Value::Array(a) => a.last().cloned().unwrap_or(Value::Null),
            _ => value,
        },
        "truncate" => {
            let n = args.first().and_then(Value::as_u64).unwrap_or(50) as usize;
            let v = s();
            if v.chars().count() <= n {
                text(v)
            } else {
                let ellipsis = if args.len() > 1 { arg(1) } else { "...".into() };
                let keep = n.saturating_sub(ellipsis.chars().count());
                text(v.chars().take(keep).collect::<String>() + &ellipsis)
            }
        }
        "truncatewords" => {
            // Liquid 5: at least one word; more than `n` words keep `n` and the ellipsis.
            let n = args.first().and_then(as_integer).unwrap_or(15).max(1) as usize;
            let v = s();
            let words: Vec<&str> = v.split_whitespace().take(n + 1).collect();
            if words.len() <= n {
                text(v)
            } else {
                let ellipsis = if args.len() > 1 { arg(1) } else { "...".into() };
                text(words[..n].join(" ") + &ellipsis)
            }
        }
        "slugify" => text(slugify(&s())),
        "date" => format_date(&s(), &arg(0)).map_or(value, text),
        "date_to_string" => format_date(&s(), "%d %b %Y").map_or(value, text),
        "date_to_long_string" => format_date(&s(), "%d %B %Y").map_or(value, text),
        "date_to_xmlschema" => format_date(&s(), "%Y-%m-%dT%H:%M:%S%:z").map_or(value, text),
        "date_to_rfc822" => format_date(&s(), "%a, %d %b %Y %H:%M:%S %z").map_or(value, text),
        "jsonify" => text(value.to_string()),
        "url_encode" | "cgi_escape" | "uri_escape" => text(url_encode(&s())),
        "escape_once" => text(escape_html(&unescape_html(&s()))),
        _ => super::collection_filters::apply_collection_filter(name, value, args),
    }
}

/// A filter's integer argument as Liquid's `Utils.to_integer` reads it (`15` or `"15"`).
fn as_integer(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// An upper bound of the text length `name` can produce, for the filters whose growth is a
/// product of their inputs (`replace` of every character by a long text, `join` of many
/// items with a long separator), so that the budget refuses them before building anything.
/// Other filters grow their input by a small factor at most (`escape`: 6) and are checked
/// once built; for them this returns 0.
pub(crate) fn result_len_bound(name: &str, value: &Value, args: &[Value]) -> usize {
    let arg_len = |i: usize| args.get(i).map_or(0, output_len);
    match name {
        "replace" | "replace_first" => {
            let Value::String(s) = value else {
                return output_len(value).saturating_mul(arg_len(1).max(1));
            };
            let pattern = args.first().map(to_output).unwrap_or_default();
            let hits = if pattern.is_empty() {
                // `str::replace("", x)` inserts `x` at every character boundary.
                s.chars().count() + 1
            } else {
                s.matches(pattern.as_str()).count()
            };
            s.len().saturating_add(hits.saturating_mul(arg_len(1)))
        }
        "join" => match value {
            Value::Array(a) => a
                .iter()
                .map(output_len)
                .fold(0usize, usize::saturating_add)
                .saturating_add(a.len().saturating_mul(arg_len(0).max(1))),
            _ => 0,
        },
        _ => 0,
    }
}

/// The length of the text Liquid prints for `v`, without building it.
fn output_len(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len(),
        Value::Array(a) => a.iter().map(output_len).fold(0, usize::saturating_add),
        Value::Null => 0,
        other => to_output(other).len(),
    }
}

/// Jekyll's `relative_url`: prefixes `baseurl` to a site path.
fn relative_url(input: &str, baseurl: &str) -> String {
    if input.contains("://") || input.starts_with("//") {
        return input.to_string();
    }
    let base = baseurl.trim_end_matches('/');
    let path = input.trim_start_matches('/');
    let joined = format!("{base}/{path}");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

/// Escapes `&<>"'` as Liquid's `escape` does.
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Undoes the five entities [`escape_html`] writes (for `escape_once`).
fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Removes tags, as Liquid's `strip_html` does.
pub(crate) fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Jekyll's default `slugify`: lowercase, runs of non-alphanumerics become one `-`.
fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Percent-encodes everything but unreserved characters.
fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scope() -> Scope {
        let mut s = Scope::default();
        s.globals.insert(
            "site".into(),
            json!({"baseurl": "/blog", "url": "https://ex.org"}),
        );
        s
    }

    #[test]
    fn prefixes_baseurl_in_relative_url() {
        let v = apply_filter("relative_url", json!("/assets/a.png"), &[], &scope());
        assert_eq!(v, json!("/blog/assets/a.png"));
        let v = apply_filter("absolute_url", json!("x/"), &[], &scope());
        assert_eq!(v, json!("https://ex.org/blog/x/"));
    }

    #[test]
    fn falls_back_with_default_and_passes_unknown_filters() {
        assert_eq!(
            apply_filter("default", Value::Null, &[json!("d")], &scope()),
            json!("d")
        );
        assert_eq!(
            apply_filter("no_such", json!("x"), &[], &scope()),
            json!("x")
        );
    }

    #[test]
    fn truncates_to_whole_words_as_liquid_5() {
        let t = |v: &str, args: &[Value]| apply_filter("truncatewords", json!(v), args, &scope());
        assert_eq!(t("one two\nthree  four", &[json!(2)]), json!("one two..."));
        assert_eq!(t("one two", &[json!("2")]), json!("one two"));
        assert_eq!(t("one two", &[json!(0)]), json!("one..."));
        assert_eq!(t("a b c", &[json!(1), json!(" (more)")]), json!("a (more)"));
    }

    #[test]
    fn bounds_the_growth_of_replace_and_join_before_building() {
        let s = json!("ab");
        assert_eq!(
            result_len_bound("replace", &s, &[json!(""), json!("xyz")]),
            11
        );
        assert_eq!(
            result_len_bound("replace", &s, &[json!("a"), json!("xyz")]),
            5
        );
        let list = json!(["a", "bc"]);
        assert_eq!(result_len_bound("join", &list, &[json!("--")]), 7);
        assert_eq!(result_len_bound("upcase", &s, &[]), 0);
    }

    #[test]
    fn slugifies_like_jekyll() {
        assert_eq!(slugify("Hello, World!"), "hello-world");
    }
}
