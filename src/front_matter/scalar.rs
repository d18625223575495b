//! Plain YAML scalars resolved the way Jekyll reads them: YAML 1.1 as Ruby's Psych and the
//! `safe_yaml` gem (which Jekyll 4.3 loads front matter with) resolve untagged plain scalars.
//!
//! `yes`/`on`/`true` are true and `no`/`off`/`false` false, in any case; `~`, `null` and the
//! empty scalar are null; integers take `_` and `,` separators, `0x`, `0b`, a leading `0`
//! (octal) and base 60 (`1:30:00`); dates and times stay strings (see [`super::dates`] to type
//! them), since JSON has no date type.

use serde_json::{Number, Value};

/// Resolves an untagged plain scalar to a JSON value, as Psych/safe_yaml would type it.
pub fn resolve_plain(text: &str) -> Value {
    if text.is_empty() || text == "~" || text.eq_ignore_ascii_case("null") {
        return Value::Null;
    }
    if let Some(b) = resolve_bool(text) {
        return Value::Bool(b);
    }
    if let Some(i) = resolve_int(text) {
        return Value::Number(i.into());
    }
    if let Some(f) = resolve_float(text) {
        if let Some(n) = Number::from_f64(f) {
            return Value::Number(n);
        }
    }
    Value::String(text.to_string())
}

/// YAML 1.1 booleans, case-insensitively (Psych: `/^(yes|true|on)$/i`, `/^(no|false|off)$/i`).
pub fn resolve_bool(text: &str) -> Option<bool> {
    if text.len() > 5 {
        return None;
    }
    match text.to_ascii_lowercase().as_str() {
        "yes" | "true" | "on" => Some(true),
        "no" | "false" | "off" => Some(false),
        _ => None,
    }
}

/// YAML 1.1 integers: decimal, `0x` hex, `0b` binary, `0` octal, base 60, with `_`/`,`.
pub fn resolve_int(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let value = if let Some(hex) = digits.strip_prefix("0x") {
        parse_radix(hex, 16)?
    } else if let Some(bin) = digits.strip_prefix("0b") {
        parse_radix(bin, 2)?
    } else if digits.len() > 1 && digits.starts_with('0') {
        parse_radix(&digits[1..], 8)?
    } else if digits.contains(':') {
        parse_base60(digits)?
    } else {
        let first = digits.as_bytes().first()?;
        if !first.is_ascii_digit() {
            return None;
        }
        parse_radix(digits, 10)?
    };
    Some(if negative { -value } else { value })
}

fn parse_radix(digits: &str, radix: u32) -> Option<i64> {
    let cleaned: String = digits.chars().filter(|c| *c != '_' && *c != ',').collect();
    if cleaned.is_empty()
        || !digits
            .chars()
            .all(|c| c == '_' || c == ',' || c.is_digit(radix))
    {
        return None;
    }
    i64::from_str_radix(&cleaned, radix).ok()
}

/// Base 60 as Psych reads it (`/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$/`): `1:30` is 5400
/// and `1:02:03` is 3723.
fn parse_base60(digits: &str) -> Option<i64> {
    let parts: Vec<&str> = digits.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let head = parts[0];
    if head.is_empty()
        || !head.starts_with(|c: char| c.is_ascii_digit())
        || !head.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return None;
    }
    let mut total = head.replace('_', "").parse::<i64>().ok()?;
    for part in &parts[1..] {
        if part.is_empty() || part.len() > 2 || !part.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let n: i64 = part.parse().ok()?;
        if part.len() == 2 && n > 59 {
            return None;
        }
        total = total * 60 + n;
    }
    // Psych weighs the parts from 60^2 down (`60 ** (e - 2).abs`), so `1:30` is 1 h 30 min.
    Some(if parts.len() == 2 { total * 60 } else { total })
}

/// YAML 1.1 floats: `1.5`, `.5`, `1.`, `1.0e+3`, `1_000.5` (`.inf`/`.nan` stay strings:
/// JSON cannot hold them).
pub fn resolve_float(text: &str) -> Option<f64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match digits.find(['e', 'E']) {
        Some(i) => (&digits[..i], Some(&digits[i + 1..])),
        None => (digits, None),
    };
    let (int_part, frac_part) = mantissa.split_once('.')?;
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part.is_empty()
        && (!int_part.starts_with(|c: char| c.is_ascii_digit())
            || !int_part
                .chars()
                .all(|c| c.is_ascii_digit() || c == '_' || c == ','))
    {
        return None;
    }
    if !frac_part.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(exp) = exponent {
        // Psych requires a sign on the exponent: `[eE][-+][0-9]+`.
        let unsigned = exp.strip_prefix(['-', '+'])?;
        if unsigned.is_empty() || !unsigned.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let cleaned: String = text.chars().filter(|c| *c != '_' && *c != ',').collect();
    let cleaned = if cleaned.ends_with('.') {
        format!("{cleaned}0")
    } else {
        cleaned
    };
    cleaned
        .replace(".e", ".0e")
        .replace(".E", ".0E")
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn treats_yes_on_true_as_true_in_any_case() {
        for t in ["yes", "Yes", "YES", "on", "On", "true", "True", "TRUE"] {
            assert_eq!(resolve_plain(t), json!(true), "{t}");
        }
    }

    #[test]
    fn treats_no_off_false_as_false() {
        for t in ["no", "No", "off", "OFF", "false", "False"] {
            assert_eq!(resolve_plain(t), json!(false), "{t}");
        }
    }

    #[test]
    fn keeps_y_and_n_as_strings() {
        assert_eq!(resolve_plain("y"), json!("y"));
        assert_eq!(resolve_plain("n"), json!("n"));
        assert_eq!(resolve_plain("yess"), json!("yess"));
    }

    #[test]
    fn reads_nulls() {
        for t in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(resolve_plain(t), Value::Null, "{t}");
        }
    }

    #[test]
    fn reads_yaml_1_1_integers() {
        assert_eq!(resolve_plain("42"), json!(42));
        assert_eq!(resolve_plain("-7"), json!(-7));
        assert_eq!(resolve_plain("1_000"), json!(1000));
        assert_eq!(resolve_plain("0x1F"), json!(31));
        assert_eq!(resolve_plain("0b101"), json!(5));
        assert_eq!(resolve_plain("017"), json!(15));
        assert_eq!(resolve_plain("1:30"), json!(5400));
        assert_eq!(resolve_plain("1:02:03"), json!(3723));
    }

    #[test]
    fn reads_floats() {
        assert_eq!(resolve_plain("1.5"), json!(1.5));
        assert_eq!(resolve_plain(".5"), json!(0.5));
        assert_eq!(resolve_plain("1.0e+3"), json!(1000.0));
        assert_eq!(resolve_plain(".inf"), json!(".inf"));
    }

    #[test]
    fn keeps_dates_versions_and_words_as_strings() {
        assert_eq!(resolve_plain("2023-04-19"), json!("2023-04-19"));
        assert_eq!(
            resolve_plain("2023-04-19 10:00:00 +0200"),
            json!("2023-04-19 10:00:00 +0200")
        );
        assert_eq!(resolve_plain("1.2.3"), json!("1.2.3"));
        assert_eq!(resolve_plain("1:75"), json!("1:75"));
        assert_eq!(resolve_plain("KubeCon"), json!("KubeCon"));
        assert_eq!(resolve_plain("08"), json!("08"));
    }
}
