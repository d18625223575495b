//! Names of imported photos, like the seed blog's: `YYYY-MM-DD-<name>.<ext>` in
//! `assets/images/`. `<name>` comes from the alt text or the original file name and is cleaned
//! to a lowercase ASCII slug, so no user text can climb out of the folder (`..`, `/`) or carry
//! control characters.

use std::path::{Component, Path};

use jiff::civil::Date;

/// Longest `<name>` part kept, in characters (cut at a dash when possible).
const MAX_NAME_LEN: usize = 60;

/// Cleans `text` into a slug: lowercase ASCII letters and digits separated by single dashes,
/// French and other Latin accents folded (`é` → `e`, `œ` → `oe`). Empty when nothing is left.
pub fn clean_name(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold_accent(c) {
            Some(folded) => slug.push_str(folded),
            None if c.is_ascii_alphanumeric() => slug.push(c),
            None if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            None => {}
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > MAX_NAME_LEN {
        let cut = slug[..MAX_NAME_LEN]
            .rfind('-')
            .filter(|&i| i > MAX_NAME_LEN / 2);
        slug.truncate(cut.unwrap_or(MAX_NAME_LEN));
    }
    slug
}

/// The `<name>` of a photo: the cleaned alt text when it has any letters or digits, else the
/// cleaned file name without its extension, else `photo`.
pub fn photo_name(alt: Option<&str>, source: &Path) -> String {
    let from_alt = alt.map(clean_name).unwrap_or_default();
    if !from_alt.is_empty() {
        return from_alt;
    }
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let from_file = clean_name(&stem);
    if from_file.is_empty() {
        "photo".to_string()
    } else {
        from_file
    }
}

/// Fills the file name `pattern` (setting; default `{date}-{name}`): `{date}` is
/// `YYYY-MM-DD`, `{year}`, `{month}`, `{day}` its parts, `{name}` the cleaned name.
/// The extension is not part of the pattern.
pub fn fill_pattern(pattern: &str, date: Date, name: &str) -> String {
    pattern
        .replace("{date}", &date.strftime("%Y-%m-%d").to_string())
        .replace("{year}", &format!("{:04}", date.year()))
        .replace("{month}", &format!("{:02}", date.month()))
        .replace("{day}", &format!("{:02}", date.day()))
        .replace("{name}", name)
}

/// The n-th candidate for a base name: `base` first, then `base-2`, `base-3`...
pub fn with_suffix(base: &str, n: u32) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}-{n}")
    }
}

/// Why a filled pattern cannot be a file name, if it cannot (a `/`, `..`, a control
/// character, or nothing at all).
pub fn file_name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() || name.starts_with('.') {
        Some("the file name pattern gives an empty or hidden name")
    } else if name.contains(['/', '\\']) || name.contains("..") {
        Some("the file name pattern must not contain `/`, `\\` or `..`")
    } else if name.chars().any(char::is_control) {
        Some("the file name pattern must not contain control characters")
    } else {
        None
    }
}

/// True when the assets folder setting stays inside the workspace: relative, no `..`.
pub fn is_safe_folder(folder: &Path) -> bool {
    !folder.as_os_str().is_empty()
        && folder
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_alt_text_into_a_slug() {
        assert_eq!(
            clean_name("Keynote: l'Œuvre de Kélsey!"),
            "keynote-l-oeuvre-de-kelsey"
        );
        assert_eq!(clean_name("../../etc/passwd"), "etc-passwd");
        assert_eq!(clean_name("a\u{0}b\nc\u{202e}d"), "a-b-c-d");
        assert_eq!(clean_name("IMG_2041"), "img-2041");
        assert_eq!(clean_name("日本"), "");
    }

    #[test]
    fn cuts_long_names_at_a_dash() {
        let long = "word ".repeat(30);
        let slug = clean_name(&long);
        assert!(slug.len() <= MAX_NAME_LEN && !slug.ends_with('-'), "{slug}");
    }

    #[test]
    fn names_from_alt_text_else_the_file_name() {
        let src = Path::new("/phone/DCIM/IMG_2041.JPG");
        assert_eq!(photo_name(Some("Scène 1"), src), "scene-1");
        assert_eq!(photo_name(Some("  "), src), "img-2041");
        assert_eq!(photo_name(None, Path::new("/x/日本.jpg")), "photo");
    }

    #[test]
    fn fills_the_pattern_and_adds_suffixes() {
        let day = jiff::civil::date(2023, 4, 19);
        let base = fill_pattern("{date}-{name}", day, "keynote");
        assert_eq!(base, "2023-04-19-keynote");
        assert_eq!(
            fill_pattern("{year}{month}{day}_{name}", day, "k"),
            "20230419_k"
        );
        assert_eq!(with_suffix(&base, 1), "2023-04-19-keynote");
        assert_eq!(with_suffix(&base, 3), "2023-04-19-keynote-3");
    }

    #[test]
    fn refuses_patterns_and_folders_that_leave_the_workspace() {
        assert!(file_name_problem("../x").is_some());
        assert!(file_name_problem("a/b").is_some());
        assert!(file_name_problem("").is_some());
        assert!(file_name_problem("2023-04-19-ok").is_none());
        assert!(is_safe_folder(Path::new("assets/images")));
        assert!(!is_safe_folder(Path::new("/tmp")));
        assert!(!is_safe_folder(Path::new("assets/../../x")));
    }
}
