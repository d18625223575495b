//! Names that come from users (titles, slugs, series names), cleaned before they reach a file
//! name or a YAML value: no `..`, no path separators, no control characters.

use std::path::Path;

use jiff::civil::Date;

use crate::front_matter::parse_day;
use crate::site::{slugify, SlugMode};
use crate::{Error, Result};

/// The longest slug accepted (file names stay well under the 255-byte limit).
pub const MAX_SLUG_LEN: usize = 120;

/// A slug given by the user, checked: not empty, no `/`, `\`, `..`, leading `.`, control
/// character or whitespace. Errors name the slug.
pub fn clean_slug(slug: &str) -> Result<String> {
    let slug = slug.trim();
    let bad = slug.is_empty()
        || slug.len() > MAX_SLUG_LEN
        || slug.contains("..")
        || slug.starts_with('.')
        || slug
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control() || c.is_whitespace());
    if bad {
        return Err(Error::BadName {
            path: Path::new(slug).to_path_buf(),
            message: format!(
                "is not a usable slug (letters, digits and dashes, at most {MAX_SLUG_LEN} \
                 bytes; no `/`, `..`, spaces or control characters)"
            ),
        });
    }
    Ok(slug.to_string())
}

/// The slug of a title for a file name: accents dropped, lowercase, dashes between words
/// (`Conf'Nuage 2025 - Jour 2` → `conf-nuage-2025-jour-2`); other scripts are kept.
pub fn slug_from_title(title: &str) -> String {
    let folded: String = title.chars().map(fold_accent).collect();
    // A title in another script keeps its letters (`東京 2025` → `東京-2025`).
    let other_script = folded.chars().any(|c| !c.is_ascii() && c.is_alphanumeric());
    let mode = if other_script {
        SlugMode::Default
    } else {
        SlugMode::Ascii
    };
    let slug = slugify(&folded, mode, false);
    let mut cut = slug.len().min(MAX_SLUG_LEN);
    while !slug.is_char_boundary(cut) {
        cut -= 1;
    }
    slug[..cut].trim_end_matches('-').to_string()
}

/// A one-line text given by the user (a title, a series name), trimmed; control characters
/// (line breaks included) are refused. `what` names the field in the error.
pub fn clean_line(what: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_control) {
        return Err(Error::BadName {
            path: Path::new(what).to_path_buf(),
            message: "must be one non-empty line without control characters".into(),
        });
    }
    Ok(text.to_string())
}

/// A date typed by the user, `YYYY-MM-DD` exactly (no roll-over: `2024-02-30` is refused).
pub fn parse_user_date(text: &str) -> Result<Date> {
    let text = text.trim();
    let padded = text.len() == 10 && text.as_bytes().get(4) == Some(&b'-');
    parse_day(text)
        .filter(|d| padded && d.to_string() == text)
        .ok_or_else(|| Error::InvalidDate {
            path: Path::new("date").to_path_buf(),
            message: format!("`{text}` is not a date written YYYY-MM-DD"),
        })
}

/// `text` as a double-quoted YAML scalar (`"Conf'Nuage 2025 - Jour 2"`).
pub fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Latin letters with accents → their base letters (`é` → `e`, `œ` → `oe`).
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ÿ' | 'ý' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_slugs_that_escape_the_folder() {
        for bad in ["../x", "a/b", "..", ".hidden", "a\nb", "", "a b", "a\\b"] {
            assert!(clean_slug(bad).is_err(), "{bad:?}");
        }
        assert_eq!(clean_slug(" kubecon-j2 ").expect("ok"), "kubecon-j2");
    }

    #[test]
    fn slugs_titles_without_accents() {
        assert_eq!(
            slug_from_title("Conf'Nuage 2025 - Journée 2"),
            "conf-nuage-2025-journee-2"
        );
        assert_eq!(slug_from_title("東京 2025"), "東京-2025");
    }

    #[test]
    fn quotes_yaml_strings() {
        assert_eq!(yaml_quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert!(clean_line("title", "a\nb").is_err());
    }
}
