//! Jekyll 4.3's `Utils.slugify` (modes `default`, `pretty`, `raw`, `ascii`; `latin` is read as
//! `ascii` after dropping accents) and `URL.escape_path`, used to build URLs.

/// Slugify modes, as in Jekyll's `slugify` filter and `Utils.slugify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlugMode {
    /// Any run of characters other than letters, marks and digits becomes `-`.
    Default,
    /// Like `Default` but keeps `._~!$&'()+,;=@`.
    Pretty,
    /// Only whitespace runs become `-`.
    Raw,
    /// Anything but ASCII letters and digits becomes `-`.
    Ascii,
}

/// Jekyll's `Utils.slugify(text, mode:, cased:)`.
pub fn slugify(text: &str, mode: SlugMode, cased: bool) -> String {
    let keep = |c: char| match mode {
        SlugMode::Default => c.is_alphanumeric() || is_mark(c),
        SlugMode::Pretty => c.is_alphanumeric() || is_mark(c) || "._~!$&'()+,;=@".contains(c),
        SlugMode::Raw => !c.is_whitespace(),
        SlugMode::Ascii => c.is_ascii_alphanumeric(),
    };
    let mut slug = String::with_capacity(text.len());
    let mut in_run = false;
    for c in text.chars() {
        if keep(c) {
            slug.push(c);
            in_run = false;
        } else if !in_run {
            slug.push('-');
            in_run = true;
        }
    }
    // `slug.gsub!(%r!^-|-$!i, "")`: one leading and one trailing hyphen.
    let slug = slug.strip_prefix('-').unwrap_or(&slug);
    let slug = slug.strip_suffix('-').unwrap_or(slug);
    if cased {
        slug.to_string()
    } else {
        slug.to_lowercase()
    }
}

/// Combining marks (`\p{M}`), for decomposed accents; `char::is_alphanumeric` covers
/// `\p{L}` and more digits than `\p{Nd}`, close enough for file names.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Jekyll's `URL.escape_path`: kept as is when only `[a-zA-Z0-9./-]`, else percent-encoded
/// as `Addressable::URI.encode` does for a path (unreserved, sub-delims, `:@/` kept).
pub fn escape_path(path: &str) -> String {
    if path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/' || b == b'-')
    {
        return path.to_string();
    }
    let mut out = String::with_capacity(path.len() + 8);
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugifies_by_default_to_lowercase_words() {
        assert_eq!(
            slugify("KubeCon J1: the keynote!", SlugMode::Default, false),
            "kubecon-j1-the-keynote"
        );
    }

    #[test]
    fn keeps_unicode_letters() {
        assert_eq!(
            slugify("Jour 1 à Amsterdam", SlugMode::Default, false),
            "jour-1-à-amsterdam"
        );
    }

    #[test]
    fn keeps_case_and_url_safe_punctuation_in_pretty_mode() {
        assert_eq!(
            slugify("KubeCon-J1.v2 (fr)", SlugMode::Pretty, true),
            "KubeCon-J1.v2-(fr)"
        );
    }

    #[test]
    fn replaces_only_whitespace_in_raw_mode() {
        assert_eq!(slugify("a b/c", SlugMode::Raw, false), "a-b/c");
    }

    #[test]
    fn escapes_non_ascii_path_characters() {
        assert_eq!(escape_path("/2023/jour-1.html"), "/2023/jour-1.html");
        assert_eq!(escape_path("été"), "%C3%A9t%C3%A9");
        assert_eq!(escape_path("a b"), "a%20b");
    }
}
