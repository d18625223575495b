//! Liquid expressions: variable lookups (`page.title`, `site.data.x[0]`), literals, filter
//! chains (`| relative_url`) and conditions (`a == "b" and c`), evaluated against a [`Scope`].
//! Unknown variables are `nil` and unknown filters pass the value through, as Liquid's lax
//! mode (Jekyll's default) does.

use serde_json::Value;

use super::budget::{MAX_LOOP_ITERATIONS, MAX_VALUE_BYTES};
use super::filters::{apply_filter, result_len_bound};

/// An expression whose value (or a filter's result on the way) would hold more than
/// [`MAX_VALUE_BYTES`] of text: evaluation stopped before building it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ValueTooLarge;

/// The variables visible to a template: `site`, `page`, `include`, and local assignments.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scope {
    /// Local variables (`assign`, `capture`, `for`), later ones shadowing earlier ones.
    pub locals: Vec<(String, Value)>,
    /// `site`, `page` and `include`, as an object.
    pub globals: serde_json::Map<String, Value>,
}

impl Scope {
    /// Looks a top-level name up: locals first, then globals.
    fn lookup(&self, name: &str) -> Option<&Value> {
        if let Some((_, v)) = self.locals.iter().rev().find(|(k, _)| k == name) {
            return Some(v);
        }
        self.globals.get(name)
    }

    /// Sets a local variable.
    pub fn assign(&mut self, name: &str, value: Value) {
        self.locals.retain(|(k, _)| k != name);
        self.locals.push((name.to_string(), value));
    }

    /// The site's `baseurl` and `url`, for the URL filters.
    pub fn site_str(&self, key: &str) -> String {
        match self.globals.get("site").and_then(|s| s.get(key)) {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        }
    }
}

/// Evaluates `expr` (a value and its filters). A filter whose result would hold more than
/// [`MAX_VALUE_BYTES`] of text stops the evaluation (checked before building it when the
/// growth is a product, as `replace` and `join` can make).
pub(crate) fn eval_expr(expr: &str, scope: &Scope) -> Result<Value, ValueTooLarge> {
    let mut parts = split_outside_quotes(expr, '|').into_iter();
    let mut value = eval_operand(parts.next().unwrap_or_default(), scope);
    for filter in parts {
        let (name, args) = match filter.split_once(':') {
            Some((n, a)) => (n.trim(), a),
            None => (filter.trim(), ""),
        };
        let args: Vec<Value> = split_outside_quotes(args, ',')
            .into_iter()
            .filter(|a| !a.trim().is_empty())
            .map(|a| eval_operand(a, scope))
            .collect();
        if result_len_bound(name, &value, &args) > MAX_VALUE_BYTES {
            return Err(ValueTooLarge);
        }
        value = apply_filter(name, value, &args, scope);
        if matches!(&value, Value::String(s) if s.len() > MAX_VALUE_BYTES) {
            return Err(ValueTooLarge);
        }
    }
    Ok(value)
}

/// Evaluates a condition (`if`, `unless`, `elsif`): `or`/`and` chains of comparisons.
pub(crate) fn eval_condition(cond: &str, scope: &Scope) -> bool {
    split_words(cond, " or ").iter().any(|alt| {
        split_words(alt, " and ")
            .iter()
            .all(|c| eval_comparison(c, scope))
    })
}

/// A single comparison, or a value's truthiness (only `nil` and `false` are false in Liquid).
fn eval_comparison(cond: &str, scope: &Scope) -> bool {
    for op in ["==", "!=", "<>", ">=", "<=", ">", "<", " contains "] {
        if let Some((l, r)) = split_once_outside_quotes(cond, op) {
            let (l, r) = (eval_operand(l, scope), eval_operand(r, scope));
            return compare(&l, op.trim(), &r);
        }
    }
    truthy(&eval_operand(cond, scope))
}

/// Applies a comparison operator.
fn compare(l: &Value, op: &str, r: &Value) -> bool {
    let num = |v: &Value| match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse::<f64>().ok(),
        _ => None,
    };
    match op {
        "==" => loose_eq(l, r),
        "!=" | "<>" => !loose_eq(l, r),
        "contains" => match (l, r) {
            (Value::String(s), Value::String(n)) => s.contains(n.as_str()),
            (Value::Array(a), _) => a.iter().any(|x| loose_eq(x, r)),
            _ => false,
        },
        _ => match (num(l), num(r)) {
            (Some(a), Some(b)) => match op {
                ">=" => a >= b,
                "<=" => a <= b,
                ">" => a > b,
                _ => a < b,
            },
            _ => false,
        },
    }
}

/// Equality with Liquid's `empty` and `blank` special values.
fn loose_eq(l: &Value, r: &Value) -> bool {
    let is_empty = |v: &Value| match v {
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Null => true,
        _ => false,
    };
    match (l, r) {
        (v, Value::String(s)) | (Value::String(s), v) if s == "\u{0}empty" => is_empty(v),
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => l == r,
    }
}

/// Liquid truthiness: everything but `nil` and `false` is true.
pub(crate) fn truthy(v: &Value) -> bool {
    !matches!(v, Value::Null | Value::Bool(false))
}

/// Evaluates a literal or a variable path, without filters.
pub(crate) fn eval_operand(s: &str, scope: &Scope) -> Value {
    let s = s.trim();
    if s.len() >= 2
        && (s.starts_with('"') && s.ends_with('"') || s.starts_with('\'') && s.ends_with('\''))
    {
        return Value::String(s[1..s.len() - 1].to_string());
    }
    match s {
        "" | "nil" | "null" => return Value::Null,
        "true" => return Value::Bool(true),
        "false" => return Value::Bool(false),
        "empty" | "blank" => return Value::String("\u{0}empty".into()),
        _ => {}
    }
    if let Ok(i) = s.parse::<i64>() {
        return Value::from(i);
    }
    if let Ok(f) = s.parse::<f64>() {
        return Value::from(f);
    }
    if let Some((a, b)) = range_bounds(s, scope) {
        // The `for` tag checks a range against the loop budget before getting here; any
        // other use is cut at that budget too.
        let last = b.min(a.saturating_add(MAX_LOOP_ITERATIONS as i64 - 1));
        return Value::Array((a..=last).map(Value::from).collect());
    }
    lookup_path(s, scope)
}

/// The bounds of a range literal `(a..b)` (either side a number or a variable).
pub(crate) fn range_bounds(s: &str, scope: &Scope) -> Option<(i64, i64)> {
    let (a, b) = s
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .and_then(|r| r.split_once(".."))?;
    Some((
        eval_operand(a, scope).as_i64()?,
        eval_operand(b, scope).as_i64()?,
    ))
}

/// Follows `a.b[0]["c"].size` from the scope, by reference: only the value found is cloned
/// (a clone of `site` at each step made long loops slow).
fn lookup_path(path: &str, scope: &Scope) -> Value {
    let mut segments = path
        .split(['.', '['])
        .map(|seg| seg.trim_end_matches(']'))
        .peekable();
    let Some(mut value) = scope.lookup(segments.next().unwrap_or_default()) else {
        return Value::Null;
    };
    while let Some(seg) = segments.next() {
        let key = seg.trim_matches(|c| c == '"' || c == '\'');
        let size = match (value, key) {
            (Value::Array(a), "size" | "length") => Some(a.len()),
            (Value::String(s), "size") => Some(s.chars().count()),
            _ => None,
        };
        if let Some(size) = size {
            // A number has no properties: anything after `size` is nil.
            return match segments.peek() {
                None => Value::from(size),
                Some(_) => Value::Null,
            };
        }
        let next = match (value, key) {
            (Value::Array(a), "first") => a.first(),
            (Value::Array(a), "last") => a.last(),
            (Value::Array(a), k) => k.parse::<usize>().ok().and_then(|i| a.get(i)),
            (Value::Object(o), k) => o.get(k),
            _ => None,
        };
        match next {
            Some(v) => value = v,
            None => return Value::Null,
        }
    }
    value.clone()
}

/// Splits on `sep`, ignoring separators inside quotes.
pub(crate) fn split_outside_quotes(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c == sep => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Splits on the first `op` outside quotes.
fn split_once_outside_quotes<'a>(s: &'a str, op: &str) -> Option<(&'a str, &'a str)> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, _) if s[i..].starts_with(op) => return Some((&s[..i], &s[i + op.len()..])),
            _ => {}
        }
    }
    None
}

/// Splits on a keyword like ` and `, outside quotes.
fn split_words<'a>(s: &'a str, word: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some((a, b)) = split_once_outside_quotes(rest, word) {
        out.push(a);
        rest = b;
    }
    out.push(rest);
    out
}

/// The text Liquid prints for a value.
pub(crate) fn to_output(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) if s == "\u{0}empty" => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(to_output).collect(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Object(_) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scope() -> Scope {
        let mut s = Scope::default();
        s.globals.insert(
            "page".into(),
            json!({"title": "Jour 1", "tags": ["a", "b"]}),
        );
        s.globals.insert("site".into(), json!({"baseurl": "/blog"}));
        s
    }

    #[test]
    fn looks_up_nested_paths() {
        assert_eq!(
            to_output(&eval_expr("page.title", &scope()).expect("small")),
            "Jour 1"
        );
        assert_eq!(
            to_output(&eval_expr("page.tags[1]", &scope()).expect("small")),
            "b"
        );
        assert_eq!(
            to_output(&eval_expr("page.tags.size", &scope()).expect("small")),
            "2"
        );
        assert_eq!(
            to_output(&eval_expr("page.nope.deeper", &scope()).expect("small")),
            ""
        );
    }

    #[test]
    fn evaluates_conditions_with_and_or_and_contains() {
        let s = scope();
        assert!(eval_condition("page.title == \"Jour 1\"", &s));
        assert!(eval_condition(
            "page.tags contains \"a\" and page.title",
            &s
        ));
        assert!(eval_condition("page.missing or true", &s));
        assert!(!eval_condition("page.missing", &s));
        assert!(eval_condition("page.missing == empty", &s));
    }

    #[test]
    fn splits_filters_outside_quotes() {
        assert_eq!(
            split_outside_quotes("'a|b' | upcase", '|'),
            vec!["'a|b' ", " upcase"]
        );
    }
}
