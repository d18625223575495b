//! Jekyll's post file names: `YYYY-MM-DD-slug.ext` (Jekyll 4.3
//! `Document::DATE_FILENAME_MATCHER`: `\d{2,4}-\d{1,2}-\d{1,2}-` then any slug, then the last
//! extension), unpadded dates too; and the dateless names of drafts.

use jiff::civil::Date;

use crate::front_matter::parse_day;

/// A post file name, split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostName {
    /// The date as written (`2023-4-9`).
    pub date_text: String,
    /// The date, `None` when Ruby cannot read it (Jekyll fails the build); a day past the
    /// month's end rolls over as in Ruby (`2023-02-30` is March 2).
    pub date: Option<Date>,
    /// Everything between the date and the extension (`KubeCon-J1`).
    pub slug: String,
    /// The extension without the dot (`md`).
    pub ext: String,
}

/// Splits a dated file name (`2023-04-19-kubecon-j1.md`); `None` when it is not one.
pub fn parse_post_name(file_name: &str) -> Option<PostName> {
    let (stem, ext) = split_ext(file_name)?;
    let mut rest = stem;
    let mut parts = Vec::with_capacity(3);
    for (min, max) in [(2, 4), (1, 2), (1, 2)] {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits < min || digits > max || rest.as_bytes().get(digits) != Some(&b'-') {
            return None;
        }
        parts.push(&rest[..digits]);
        rest = &rest[digits + 1..];
    }
    let date_text = parts.join("-");
    Some(PostName {
        date: parse_day(&date_text),
        date_text,
        slug: rest.to_string(),
        ext: ext.to_string(),
    })
}

/// Splits a draft's file name (`my-draft.md`, or dated like a post) into slug and extension.
pub fn parse_draft_name(file_name: &str) -> Option<PostName> {
    if let Some(dated) = parse_post_name(file_name) {
        return Some(dated);
    }
    let (stem, ext) = split_ext(file_name)?;
    Some(PostName {
        date_text: String::new(),
        date: None,
        slug: stem.to_string(),
        ext: ext.to_string(),
    })
}

/// `name.ext` → (`name`, `ext`): the last extension, which must be non-empty, as in
/// Jekyll's `(\.[^.]+)$`.
fn split_ext(file_name: &str) -> Option<(&str, &str)> {
    let dot = file_name.rfind('.')?;
    let ext = &file_name[dot + 1..];
    if ext.is_empty() {
        return None;
    }
    Some((&file_name[..dot], ext))
}

/// Jekyll's `Utils.titleize_slug`: `kubecon-j1` → `Kubecon J1`, the title of a post
/// without `title:`.
pub fn titleize_slug(slug: &str) -> String {
    slug.split('-')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn splits_a_padded_post_name() {
        let n = parse_post_name("2023-04-19-KubeCon-J1.md").expect("post");
        assert_eq!(n.date, Some(date(2023, 4, 19)));
        assert_eq!(n.slug, "KubeCon-J1");
        assert_eq!(n.ext, "md");
    }

    #[test]
    fn accepts_unpadded_dates() {
        let n = parse_post_name("2023-4-9-day.markdown").expect("post");
        assert_eq!(n.date_text, "2023-4-9");
        assert_eq!(n.date, Some(date(2023, 4, 9)));
        assert_eq!(n.ext, "markdown");
    }

    #[test]
    fn keeps_dots_in_the_slug_and_takes_the_last_extension() {
        let n = parse_post_name("2023-04-19-v1.2-release.md").expect("post");
        assert_eq!(n.slug, "v1.2-release");
    }

    #[test]
    fn refuses_names_without_a_date() {
        assert_eq!(parse_post_name("kubecon.md"), None);
        assert_eq!(parse_post_name("2023-04-kubecon.md"), None);
        assert_eq!(parse_post_name("20230-04-19-x.md"), None);
        assert_eq!(parse_post_name("2023-04-19-x"), None);
        assert_eq!(parse_post_name("2023.04.19-x.md"), None);
    }

    #[test]
    fn flags_impossible_dates() {
        let n = parse_post_name("2023-13-01-x.md").expect("shape");
        assert_eq!(n.date, None);
    }

    #[test]
    fn reads_dateless_draft_names() {
        let n = parse_draft_name("my-draft.md").expect("draft");
        assert_eq!(n.slug, "my-draft");
        assert_eq!(n.date, None);
    }

    #[test]
    fn titleizes_slugs_like_jekyll() {
        assert_eq!(titleize_slug("kubecon-J1"), "Kubecon J1");
    }
}
