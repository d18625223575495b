//! The two front matter edits a move needs, `date:` and `redirect_from:`, made through the
//! lossless front matter editor (only the key's lines change; the body is untouched).

use std::path::Path;

use jiff::civil::Date;
use serde_json::Value;

use super::names::yaml_quoted;
use crate::site::{Post, PostKind};
use crate::{Error, Result};

/// `text` with `date:` moved to `date`, keeping its time and zone (`2025-06-11 22:10:00
/// +0200` → `2025-06-14 22:10:00 +0200`). A post without `date:` is unchanged (its name
/// carries the date); a draft without one gets `date: YYYY-MM-DD`.
pub fn set_date(path: &Path, text: &str, post: &Post, date: Date) -> Result<String> {
    let own = post.front_matter.get("date");
    let value = match own.and_then(Value::as_str) {
        Some(old) => match old
            .get(..10)
            .filter(|d| crate::front_matter::parse_day(d).is_some())
        {
            Some(_) => format!("{date}{}", &old[10..]),
            None => date.to_string(),
        },
        None if own.is_some() => date.to_string(),
        None if post.kind == PostKind::Post => return Ok(text.to_string()),
        None => date.to_string(),
    };
    set_key(path, text, "date", &value)
}

/// `text` with `url` added to `redirect_from:` (kept as a list with the URLs it had).
pub fn with_redirect_from(path: &Path, text: &str, url: &str) -> Result<String> {
    let mut urls: Vec<String> = match read_own(path, text)?.get("redirect_from") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    if urls.iter().any(|u| u == url) {
        return Ok(text.to_string());
    }
    urls.push(url.to_string());
    let list: Vec<String> = urls.iter().map(|u| yaml_quoted(u)).collect();
    set_key(
        path,
        text,
        "redirect_from",
        &format!("[{}]", list.join(", ")),
    )
}

fn read_own(path: &Path, text: &str) -> Result<serde_json::Map<String, Value>> {
    Ok(crate::front_matter::read_front_matter(path, text)?.data)
}

/// Sets one key with the front matter editor; its refusal becomes an error naming the file.
fn set_key(path: &Path, text: &str, key: &str, value_text: &str) -> Result<String> {
    crate::front_matter::edit::set_key(text, key, value_text).map_err(|e| Error::EditRefused {
        path: path.to_path_buf(),
        line: e.line().unwrap_or(0),
        message: format!("cannot set `{key}:` in its front matter: {e}"),
    })
}
