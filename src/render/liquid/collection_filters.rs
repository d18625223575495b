//! The filters theme layouts use on lists and numbers: Liquid's `map`, `sort`, `uniq`,
//! `reverse`, `concat`, `compact`, `slice`, arithmetic, and Jekyll's `where`, `group_by`,
//! `number_of_words`, `array_to_sentence_string`, `normalize_whitespace` (Jekyll's
//! `filters.rb`). An unknown filter returns its input, as Liquid's lax mode does.

use std::cmp::Ordering;

use serde_json::{Map, Value};

use super::expr::to_output;

/// Applies the list or number filter `name`; unknown names pass `value` through.
pub(crate) fn apply_collection_filter(name: &str, value: Value, args: &[Value]) -> Value {
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Null);
    match name {
        "map" => Value::Array(
            as_list(&value)
                .iter()
                .map(|item| property(item, &to_output(&arg(0))))
                .collect(),
        ),
        "where" => {
            let (key, wanted) = (to_output(&arg(0)), arg(1));
            Value::Array(
                as_list(&value)
                    .into_iter()
                    .filter(|item| matches_where(&property(item, &key), &wanted))
                    .collect(),
            )
        }
        "group_by" => group_by(&value, &to_output(&arg(0))),
        "sort" | "sort_natural" => {
            let key = args.first().map(to_output);
            let natural = name == "sort_natural";
            let mut list = as_list(&value);
            list.sort_by(|a, b| match &key {
                Some(k) => compare(&property(a, k), &property(b, k), natural),
                None => compare(a, b, natural),
            });
            Value::Array(list)
        }
        "uniq" => {
            let mut seen: Vec<Value> = Vec::new();
            for item in as_list(&value) {
                if !seen.contains(&item) {
                    seen.push(item);
                }
            }
            Value::Array(seen)
        }
        "reverse" => Value::Array(as_list(&value).into_iter().rev().collect()),
        "concat" => Value::Array(
            as_list(&value)
                .into_iter()
                .chain(as_list(&arg(0)))
                .collect(),
        ),
        "push" => Value::Array(as_list(&value).into_iter().chain([arg(0)]).collect()),
        "unshift" => Value::Array([arg(0)].into_iter().chain(as_list(&value)).collect()),
        "pop" => Value::Array(trimmed(as_list(&value), 0, 1)),
        "shift" => Value::Array(trimmed(as_list(&value), 1, 0)),
        "compact" => Value::Array(
            as_list(&value)
                .into_iter()
                .filter(|v| !v.is_null())
                .collect(),
        ),
        "slice" => slice(&value, number(&arg(0)) as i64, args.get(1).map(number)),
        "plus" | "minus" | "times" | "divided_by" | "modulo" | "at_least" | "at_most" => {
            arithmetic(name, &value, &arg(0))
        }
        "abs" => num_value(number(&value).abs()),
        "ceil" => num_value(number(&value).ceil()),
        "floor" => num_value(number(&value).floor()),
        "round" => {
            let places = args.first().map_or(0, |a| number(a) as i32);
            let factor = 10f64.powi(places);
            num_value((number(&value) * factor).round() / factor)
        }
        "to_integer" => Value::from(number(&value) as i64),
        "number_of_words" => Value::from(to_output(&value).split_whitespace().count()),
        "normalize_whitespace" => Value::String(
            to_output(&value)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        "array_to_sentence_string" => {
            let connector = args.first().map_or("and".to_string(), to_output);
            Value::String(sentence(&as_list(&value), &connector))
        }
        "inspect" => Value::String(value.to_string()),
        _ => value,
    }
}

/// A value as a list: arrays as they are, `nil` as empty, a hash as `[key, value]` pairs.
fn as_list(value: &Value) -> Vec<Value> {
    match value {
        Value::Array(a) => a.clone(),
        Value::Null => Vec::new(),
        Value::Object(o) => o
            .iter()
            .map(|(k, v)| Value::Array(vec![Value::String(k.clone()), v.clone()]))
            .collect(),
        other => vec![other.clone()],
    }
}

/// `item.key` (dotted keys walk down), `nil` when absent.
fn property(item: &Value, key: &str) -> Value {
    key.split('.')
        .try_fold(item, |v, k| v.get(k))
        .cloned()
        .unwrap_or(Value::Null)
}

/// Jekyll's `where`: equal as strings, or the property is a list containing the value.
fn matches_where(found: &Value, wanted: &Value) -> bool {
    match found {
        Value::Array(items) => items.iter().any(|i| to_output(i) == to_output(wanted)),
        _ => to_output(found) == to_output(wanted),
    }
}

/// Jekyll's `group_by`: `[{name, items, size}]` in first-seen order.
fn group_by(value: &Value, key: &str) -> Value {
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for item in as_list(value) {
        let name = to_output(&property(&item, key));
        match groups.iter_mut().find(|(n, _)| *n == name) {
            Some((_, items)) => items.push(item),
            None => groups.push((name, vec![item])),
        }
    }
    Value::Array(
        groups
            .into_iter()
            .map(|(name, items)| {
                let mut g = Map::new();
                g.insert("size".into(), Value::from(items.len()));
                g.insert("name".into(), Value::String(name));
                g.insert("items".into(), Value::Array(items));
                Value::Object(g)
            })
            .collect(),
    )
}

/// Liquid's sort order: numbers by value, the rest as strings; `nil` last.
fn compare(a: &Value, b: &Value, natural: bool) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Greater,
        (_, Value::Null) => Ordering::Less,
        (Value::Number(x), Value::Number(y)) => number(&Value::Number(x.clone()))
            .partial_cmp(&number(&Value::Number(y.clone())))
            .unwrap_or(Ordering::Equal),
        _ if natural => to_output(a)
            .to_lowercase()
            .cmp(&to_output(b).to_lowercase()),
        _ => to_output(a).cmp(&to_output(b)),
    }
}

/// A value as a number (strings parsed; anything else 0), as Liquid's `Utils.to_number`.
fn number(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap_or(0.0),
        Value::String(s) => s.trim().parse().unwrap_or(0.0),
        _ => 0.0,
    }
}

/// A result as an integer when it is one, else a float.
fn num_value(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9e15 {
        Value::from(n as i64)
    } else {
        Value::from(n)
    }
}

/// `plus`, `minus`, ... with Liquid's integer division when both sides are integers.
fn arithmetic(name: &str, a: &Value, b: &Value) -> Value {
    let (x, y) = (number(a), number(b));
    let ints = x.fract() == 0.0 && y.fract() == 0.0;
    let r = match name {
        "plus" => x + y,
        "minus" => x - y,
        "times" => x * y,
        "divided_by" if y == 0.0 => return Value::Null,
        "divided_by" if ints => (x / y).floor(),
        "divided_by" => x / y,
        "modulo" if y == 0.0 => return Value::Null,
        "modulo" => x.rem_euclid(y),
        "at_least" => x.max(y),
        _ => x.min(y),
    };
    num_value(r)
}

/// Drops `front` items at the start and `back` at the end.
fn trimmed(list: Vec<Value>, front: usize, back: usize) -> Vec<Value> {
    let end = list.len().saturating_sub(back);
    list.into_iter().take(end).skip(front).collect()
}

/// Liquid's `slice` on a string or a list (negative start counts from the end).
fn slice(value: &Value, start: i64, len: Option<f64>) -> Value {
    let len = len.map_or(1, |l| l.max(0.0) as usize);
    let pick = |n: usize| -> usize {
        if start < 0 {
            n.saturating_sub(start.unsigned_abs() as usize)
        } else {
            (start as usize).min(n)
        }
    };
    match value {
        Value::Array(a) => Value::Array(a.iter().skip(pick(a.len())).take(len).cloned().collect()),
        other => {
            let chars: Vec<char> = to_output(other).chars().collect();
            Value::String(chars.iter().skip(pick(chars.len())).take(len).collect())
        }
    }
}

/// Jekyll's `array_to_sentence_string`: `a, b, and c`.
fn sentence(items: &[Value], connector: &str) -> String {
    let words: Vec<String> = items.iter().map(to_output).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} {connector} {b}"),
        [init @ .., last] => format!("{}, {connector} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn maps_filters_and_groups_pages() {
        let pages = json!([{"path": "about.md", "title": "About", "c": "x"},
                           {"path": "index.md", "c": "x"}, {"path": "b.md", "c": "y"}]);
        assert_eq!(
            apply_collection_filter("map", pages.clone(), &[json!("path")]),
            json!(["about.md", "index.md", "b.md"])
        );
        let found =
            apply_collection_filter("where", pages.clone(), &[json!("path"), json!("about.md")]);
        assert_eq!(found[0]["title"], "About");
        let groups = apply_collection_filter("group_by", pages, &[json!("c")]);
        assert_eq!(groups[0]["size"], 2);
        assert_eq!(groups[1]["name"], "y");
    }

    #[test]
    fn sorts_and_does_arithmetic_like_liquid() {
        assert_eq!(
            apply_collection_filter("sort", json!(["b", "a", null]), &[]),
            json!(["a", "b", null])
        );
        assert_eq!(
            apply_collection_filter("divided_by", json!(7), &[json!(2)]),
            json!(3)
        );
        assert_eq!(
            apply_collection_filter("plus", json!("2"), &[json!(3)]),
            json!(5)
        );
        assert_eq!(
            apply_collection_filter("array_to_sentence_string", json!(["a", "b", "c"]), &[]),
            json!("a, b, and c")
        );
    }
}
