//! The front matter keys Jekyll and Lanyard give a meaning to, typed as Jekyll reads them:
//! what the app's front matter form shows.
//!
//! `tags`/`categories` are a list or a space-separated string (`tag`/`category` win, as in
//! Jekyll's `Utils.pluralized_array_from_hash`); `published` is true unless `false`/`no`/null;
//! `date` is read with or without time and zone, and falls back to the file name's date.

use std::path::Path;

use serde_json::{Map, Value};

use super::{parse_post_date, read_front_matter, PostDate};
use crate::site::{language_of, parse_draft_name, pluralized, text, truthy};
use crate::Result;

/// The typed keys of one post's front matter (its own keys, without site defaults).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PostFields {
    /// `title:` (`None` when absent; Jekyll then titleizes the file name's slug).
    pub title: Option<String>,
    /// `date:`, else the file name's date.
    pub date: Option<DateField>,
    /// `layout:`.
    pub layout: Option<String>,
    /// `tag:`/`tags:`, in order.
    pub tags: Vec<String>,
    /// `category:`/`categories:` of the front matter (folders above `_posts/` not included).
    pub categories: Vec<String>,
    /// `series:`.
    pub series: Option<String>,
    /// `lang:`, `language:` or `locale:` ([`crate::site::language_of`]).
    pub lang: Option<String>,
    /// `published:`; true when absent.
    pub published: bool,
    /// `permalink:`.
    pub permalink: Option<String>,
    /// `image:`, or `image.path` when it is a mapping (jekyll-seo-tag's form).
    pub image: Option<String>,
    /// `description:`.
    pub description: Option<String>,
}

/// Where a post's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The `date:` key.
    FrontMatter,
    /// The `YYYY-MM-DD-` of the file name (no `date:` key).
    FileName,
}

/// A date as the form shows it: its parts as text, ready for a date picker.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DateField {
    /// Where it comes from.
    pub source: DateSource,
    /// The text as written (`2023-04-19 10:00:00 +0200`, or the file name's `2023-4-19`).
    pub written: String,
    /// `YYYY-MM-DD`; `None` when Jekyll cannot read the date (it fails the build).
    pub day: Option<String>,
    /// `HH:MM:SS` when a time is given.
    pub time: Option<String>,
    /// `+HH:MM` when a zone is given (else the site's `timezone:` applies).
    pub offset: Option<String>,
}

impl DateField {
    /// Reads `written` (a `date:` value or a file name's date).
    pub fn parse(written: &str, source: DateSource) -> Self {
        let parsed = parse_post_date(written);
        let (day, time, offset) = match parsed {
            None => (None, None, None),
            Some(PostDate::Day(d)) => (Some(d.to_string()), None, None),
            Some(PostDate::Local(dt)) => (Some(dt.date().to_string()), Some(hms(dt)), None),
            Some(PostDate::Exact(dt, off)) => (
                Some(dt.date().to_string()),
                Some(hms(dt)),
                Some(offset_text(off)),
            ),
        };
        DateField {
            source,
            written: written.to_string(),
            day,
            time,
            offset,
        }
    }
}

fn hms(dt: jiff::civil::DateTime) -> String {
    dt.strftime("%H:%M:%S").to_string()
}

fn offset_text(offset: jiff::tz::Offset) -> String {
    let secs = offset.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    format!("{sign}{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
}

/// Reads the typed fields of the post at `path` whose text is `source` (the path gives the
/// file name's date). Malformed YAML is an [`crate::Error::FrontMatter`].
pub fn read_post_fields(path: &Path, source: &str) -> Result<PostFields> {
    let fm = read_front_matter(path, source)?;
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    Ok(post_fields(&fm.data, file_name))
}

/// The typed fields of a front matter mapping, for a file named `file_name`.
pub fn post_fields(data: &Map<String, Value>, file_name: &str) -> PostFields {
    let get = |key: &str| data.get(key).and_then(text);
    let date = match data.get("date") {
        Some(v) if !v.is_null() => Some(DateField::parse(
            &text(v).unwrap_or_else(|| v.to_string()),
            DateSource::FrontMatter,
        )),
        _ => parse_draft_name(file_name)
            .filter(|n| !n.date_text.is_empty())
            .map(|n| DateField::parse(&n.date_text, DateSource::FileName)),
    };
    let image = match data.get("image") {
        Some(Value::Object(m)) => m.get("path").and_then(text),
        Some(v) => text(v),
        None => None,
    };
    PostFields {
        title: get("title"),
        date,
        layout: get("layout"),
        tags: pluralized(data, "tag", "tags"),
        categories: pluralized(data, "category", "categories"),
        series: get("series"),
        lang: language_of(data),
        published: data.get("published").is_none_or(truthy),
        permalink: get("permalink"),
        image,
        description: get("description"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(yaml: &str, file: &str) -> PostFields {
        let src = format!("---\n{yaml}---\n");
        read_post_fields(Path::new(file), &src).expect("parses")
    }

    #[test]
    fn reads_tags_and_categories_as_lists_or_spaced_strings() {
        let f = fields("tags: kubecon cloud\ncategories: [conf, k8s]\n", "p.md");
        assert_eq!(f.tags, ["kubecon", "cloud"]);
        assert_eq!(f.categories, ["conf", "k8s"]);
        let f = fields("category: solo\ncategories: a b\n", "p.md");
        assert_eq!(f.categories, ["solo"]);
    }

    #[test]
    fn reads_dates_with_time_and_zone() {
        let f = fields("date: 2023-04-19 10:00:00 +0200\n", "2023-01-01-x.md");
        let d = f.date.expect("date");
        assert_eq!(d.source, DateSource::FrontMatter);
        assert_eq!(d.day.as_deref(), Some("2023-04-19"));
        assert_eq!(d.time.as_deref(), Some("10:00:00"));
        assert_eq!(d.offset.as_deref(), Some("+02:00"));
    }

    #[test]
    fn falls_back_to_the_file_name_date() {
        let d = fields("title: x\n", "2023-4-9-x.md").date.expect("date");
        assert_eq!(d.source, DateSource::FileName);
        assert_eq!(d.day.as_deref(), Some("2023-04-09"));
        assert_eq!(fields("title: x\n", "draft.md").date, None);
    }

    #[test]
    fn flags_a_date_jekyll_cannot_read_by_leaving_day_empty() {
        let d = fields("date: someday\n", "p.md").date.expect("date");
        assert_eq!(d.day, None);
        assert_eq!(d.written, "someday");
    }

    #[test]
    fn reads_published_image_and_plain_keys() {
        let f = fields(
            "published: no\nimage:\n  path: /a.jpg\ntitle: T\nlang: fr\nseries: S\n",
            "p.md",
        );
        assert!(!f.published);
        assert_eq!(f.image.as_deref(), Some("/a.jpg"));
        assert_eq!(f.title.as_deref(), Some("T"));
        assert_eq!(f.lang.as_deref(), Some("fr"));
        assert_eq!(f.series.as_deref(), Some("S"));
        assert!(fields("", "p.md").published);
    }
}
