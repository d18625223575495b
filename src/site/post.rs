//! A post or draft as Jekyll 4.3 reads it (`Document#read`): front matter defaults, then the
//! file's front matter, then date, slug, title, categories, tags and URL derived from both.

use std::path::PathBuf;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime as Zoned};
use serde_json::{Map, Value};

use super::config::{truthy, SiteConfig};
use super::defaults::{deep_merge, FrontMatterDefaults};
use super::permalink::{post_url, with_baseurl, UrlParts};
use super::post_name::{parse_draft_name, parse_post_name, titleize_slug};
use super::scan::{FoundFile, PostKind};
use super::taxonomy::{categories, pluralized, text};
use crate::front_matter::{parse_post_date, FrontMatter, FrontMatterWarning};

/// A post or draft of the workspace, ready to list (it serializes for the UI).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Post {
    /// Absolute path.
    pub path: PathBuf,
    /// Path from the site root (`_posts/2023-04-19-kubecon-j1.md`).
    pub rel_path: String,
    /// Post or draft.
    pub kind: PostKind,
    /// The date Jekyll gives the post, RFC 3339 in the site's zone
    /// (`2023-04-19T00:00:00+02:00`): `date:` if set, else the file name's, else (drafts) the
    /// file's modification time.
    pub date: String,
    /// `slug:` or the slug of the file name.
    pub slug: String,
    /// `title:`, else the titleized slug (as Jekyll does).
    pub title: String,
    /// The URL, with `baseurl` (what `{% post_url %}` gives).
    pub url: String,
    /// Whether Jekyll builds it: in `_posts/`, not `published: false`, not in the future
    /// unless `future: true`.
    pub published: bool,
    /// Dated after now (whatever `future:` says).
    pub future: bool,
    /// Whether the extension is a Markdown one (`.html` posts are built as-is by Jekyll).
    pub markdown: bool,
    /// `tags:`/`tag:`.
    pub tags: Vec<String>,
    /// `categories:`/`category:`, else the folders above `_posts/`.
    pub categories: Vec<String>,
    /// `series:`.
    pub series: Option<String>,
    /// `lang:`, `language:` or `locale:` (after front matter defaults; see
    /// [`super::language_of`]).
    pub lang: Option<String>,
    /// The file's own front matter (without defaults), as Jekyll types it.
    pub front_matter: Value,
    /// Duplicate keys and other front matter oddities.
    pub warnings: Vec<FrontMatterWarning>,
    /// The front matter parse error, when it does not parse (the post is listed anyway).
    pub front_matter_error: Option<FrontMatterProblem>,
    /// `date:` that Jekyll cannot parse (it fails the build).
    pub date_error: Option<String>,
    /// The `page` Liquid variables: defaults, front matter, and what Jekyll adds.
    #[serde(skip)]
    pub page: Value,
    /// The post's instant.
    #[serde(skip)]
    pub timestamp: Timestamp,
    /// The date as written in the file name (`2023-4-9`), "" for dateless drafts.
    #[serde(skip)]
    pub name_date: String,
    /// The slug as written in the file name.
    #[serde(skip)]
    pub name_slug: String,
}

/// Front matter that does not parse, located.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FrontMatterProblem {
    /// 1-based line in the file.
    pub line: usize,
    /// The parser's message.
    pub message: String,
}

/// What building a post needs from the site.
pub struct PostContext<'a> {
    /// The site config.
    pub config: &'a SiteConfig,
    /// `defaults:`.
    pub defaults: &'a FrontMatterDefaults,
    /// The site's zone.
    pub tz: &'a TimeZone,
    /// "Now", for `future`.
    pub now: Timestamp,
}

/// Builds the entry of `file` from its read front matter (`Err` when it did not parse).
/// `mtime` dates dateless drafts. `None` when the file name has no extension.
pub fn build_post(
    ctx: &PostContext<'_>,
    file: &FoundFile,
    front_matter: Result<FrontMatter, FrontMatterProblem>,
    mtime: Option<Timestamp>,
) -> Option<Post> {
    let file_name = file.rel_path.rsplit('/').next().unwrap_or(&file.rel_path);
    let name = match file.kind {
        PostKind::Post => parse_post_name(file_name)?,
        PostKind::Draft => parse_draft_name(file_name)?,
    };
    let (own, warnings, error) = match front_matter {
        Ok(fm) => (fm.data, fm.warnings, None),
        Err(problem) => (Map::new(), Vec::new(), Some(problem)),
    };
    let defaults = ctx.defaults.values_for(&file.rel_path, "posts");
    let mut data = defaults.clone();
    deep_merge(&mut data, &own);
    // Jekyll's `populate_title`: trailing periods are not part of a file name's slug.
    let name_slug = name.slug.trim_end_matches('.').to_string();

    let date_error = data
        .get("date")
        .filter(|d| !d.is_null() && d.as_str().and_then(parse_post_date).is_none())
        .map(|d| {
            format!(
                "date `{}` is not a date Jekyll can read; Jekyll fails the build",
                text(d).unwrap_or_default()
            )
        });
    let zoned = post_zoned(
        ctx.tz,
        data.get("date"),
        name.date,
        mtime.unwrap_or(ctx.now),
    );
    let timestamp = zoned.timestamp();
    let slug = data
        .get("slug")
        .and_then(text)
        .unwrap_or_else(|| name_slug.clone());
    let title = data
        .get("title")
        .and_then(text)
        .unwrap_or_else(|| titleize_slug(&name_slug));
    let categories = categories(&defaults, &own, &data, &file.dir_categories);
    let tags = pluralized(&data, "tag", "tags");
    let markdown = ctx.config.is_markdown_ext(&name.ext);
    let output_ext = if markdown {
        ".html".to_string()
    } else {
        format!(".{}", name.ext)
    };
    let basename = file_name
        .strip_suffix(&format!(".{}", name.ext))
        .unwrap_or(file_name);
    let inner_path = cleaned_relative_path(&file.rel_path, &name.ext);
    let parts = UrlParts {
        date: &zoned,
        slug: &slug,
        basename,
        categories: &categories,
        output_ext: &output_ext,
        path: &inner_path,
    };
    let own_permalink = data
        .get("permalink")
        .and_then(Value::as_str)
        .filter(|p| !p.is_empty());
    let url = post_url(&ctx.config.permalink, own_permalink, &parts);
    let future = timestamp > ctx.now;
    let published = file.kind == PostKind::Post
        // Jekyll: `data.fetch("published", true) || site.unpublished`, so `published:` with
        // no value (nil) hides the post too.
        && (data.get("published").is_none_or(truthy) || ctx.config.unpublished)
        && (!future || ctx.config.future);

    let page = page_vars(&data, &url, &zoned, &slug, &title, &categories, &tags, file);
    Some(Post {
        path: file.path.clone(),
        rel_path: file.rel_path.clone(),
        kind: file.kind,
        date: zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        slug,
        title,
        url: with_baseurl(&ctx.config.baseurl, &url),
        published,
        future,
        markdown,
        series: data.get("series").and_then(text),
        lang: super::language_of(&data),
        tags,
        categories,
        front_matter: Value::Object(own),
        warnings,
        front_matter_error: error,
        date_error,
        page,
        timestamp,
        name_date: name.date_text,
        name_slug,
    })
}

/// Jekyll's `Document#cleaned_relative_path` (the `:path` placeholder): the path without
/// extension, its first `_posts` removed, trailing periods dropped.
fn cleaned_relative_path(rel_path: &str, ext: &str) -> String {
    let without_ext = rel_path
        .strip_suffix(&format!(".{ext}"))
        .unwrap_or(rel_path);
    without_ext
        .replacen("_posts", "", 1)
        .trim_end_matches('.')
        .to_string()
}

/// The post's date in the site zone: `date:` when it parses, else the file name's date at
/// midnight, else `fallback` (a draft's modification time).
fn post_zoned(
    tz: &TimeZone,
    date: Option<&Value>,
    name_date: Option<jiff::civil::Date>,
    fallback: Timestamp,
) -> Zoned {
    let from_front_matter = date
        .and_then(Value::as_str)
        .and_then(parse_post_date)
        .and_then(|d| d.to_timestamp(tz));
    let from_name = name_date.and_then(|d| crate::front_matter::PostDate::Day(d).to_timestamp(tz));
    from_front_matter
        .or(from_name)
        .unwrap_or(fallback)
        .to_zoned_datetime(tz.clone())
}

#[allow(clippy::too_many_arguments)]
fn page_vars(
    data: &Map<String, Value>,
    url: &str,
    zoned: &Zoned,
    slug: &str,
    title: &str,
    categories: &[String],
    tags: &[String],
    file: &FoundFile,
) -> Value {
    let mut page = data.clone();
    let id = format!(
        "{}/{}",
        url.rsplit_once('/').map_or("", |(dir, _)| dir),
        slug
    );
    page.insert("url".into(), Value::from(url));
    page.insert("id".into(), Value::from(id));
    page.insert(
        "date".into(),
        Value::from(zoned.strftime("%Y-%m-%d %H:%M:%S %z").to_string()),
    );
    page.insert("slug".into(), Value::from(slug));
    page.insert("title".into(), Value::from(title));
    page.insert("categories".into(), Value::from(categories.to_vec()));
    page.insert("tags".into(), Value::from(tags.to_vec()));
    page.insert("path".into(), Value::from(file.rel_path.clone()));
    page.insert("collection".into(), Value::from("posts"));
    page.insert("draft".into(), Value::from(file.kind == PostKind::Draft));
    Value::Object(page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse_yaml_mapping;
    use jiff::civil::date;

    fn post_with(config: &str, rel_path: &str, dir_categories: &[&str], yaml: &str) -> Post {
        let config =
            SiteConfig::from_values(None, parse_yaml_mapping(config, 1).expect("config").data);
        let defaults = FrontMatterDefaults::from_config(&config.values);
        let tz = TimeZone::UTC;
        let now = date(2024, 1, 1)
            .to_zoned_datetime(TimeZone::UTC)
            .expect("now")
            .timestamp();
        let ctx = PostContext {
            config: &config,
            defaults: &defaults,
            tz: &tz,
            now,
        };
        let file = FoundFile {
            path: PathBuf::from("/site").join(rel_path),
            rel_path: rel_path.to_string(),
            kind: if rel_path.starts_with("_drafts") {
                PostKind::Draft
            } else {
                PostKind::Post
            },
            dir_categories: dir_categories.iter().map(|s| s.to_string()).collect(),
        };
        let fm = parse_yaml_mapping(yaml, 2).expect("yaml");
        let fm = FrontMatter {
            data: fm.data,
            warnings: fm.warnings,
            present: true,
        };
        build_post(&ctx, &file, Ok(fm), None).expect("a post")
    }

    #[test]
    fn treats_published_no_and_empty_published_as_unpublished() {
        assert!(!post_with("", "_posts/2023-01-01-a.md", &[], "published: no\n").published);
        assert!(!post_with("", "_posts/2023-01-01-a.md", &[], "published:\n").published);
        assert!(post_with("", "_posts/2023-01-01-a.md", &[], "published: 'false'\n").published);
        assert!(
            post_with(
                "unpublished: true",
                "_posts/2023-01-01-a.md",
                &[],
                "published: no\n"
            )
            .published
        );
    }

    #[test]
    fn hides_future_posts_unless_the_site_sets_future() {
        let later = post_with("", "_posts/2030-01-01-a.md", &[], "");
        assert!(later.future && !later.published);
        assert!(post_with("future: true", "_posts/2030-01-01-a.md", &[], "").published);
    }

    #[test]
    fn takes_the_title_from_the_file_slug_without_trailing_periods() {
        let p = post_with("", "_posts/2023-01-01-hello-world...md", &[], "");
        assert_eq!(p.slug, "hello-world");
        assert_eq!(p.title, "Hello World");
        assert_eq!(p.url, "/2023/01/01/hello-world.html");
    }

    #[test]
    fn flags_a_date_jekyll_cannot_read() {
        let p = post_with("", "_posts/2023-01-01-a.md", &[], "date: someday\n");
        assert!(p
            .date_error
            .as_deref()
            .is_some_and(|m| m.contains("someday")));
        assert!(p.date.starts_with("2023-01-01"));
    }

    #[test]
    fn never_publishes_drafts() {
        let p = post_with("", "_drafts/idea.md", &[], "date: 2023-01-01\n");
        assert!(!p.published);
        assert_eq!(p.url, "/2023/01/01/idea.html");
    }
}
