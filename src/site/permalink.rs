//! A post's URL, as Jekyll 4.3 builds it (`Document#url`, `Jekyll::URL`, `Drops::UrlDrop`):
//! the site's `permalink` style or template, or the post's own `permalink:`, with placeholders
//! filled from the post's date (in the site's `timezone:`), slug and categories.

use jiff::ZonedDateTime as Zoned;

use super::slugify::{escape_path, slugify, SlugMode};

/// What a post's URL is made of.
#[derive(Debug, Clone)]
pub struct UrlParts<'a> {
    /// The post's date in the site's time zone.
    pub date: &'a Zoned,
    /// `slug:` from the front matter, else the slug of the file name.
    pub slug: &'a str,
    /// The file name without its extension (`2023-04-19-kubecon-j1`).
    pub basename: &'a str,
    /// The post's categories (front matter, else the folders above `_posts/`).
    pub categories: &'a [String],
    /// `.html` for Markdown posts.
    pub output_ext: &'a str,
    /// The path inside the collection, without extension (`/sub/2023-04-19-x`).
    pub path: &'a str,
}

/// Jekyll's `Utils::style_to_permalink` (for the `posts` collection).
pub fn style_to_template(style: &str) -> String {
    match style {
        "pretty" => "/:categories/:year/:month/:day/:title/".into(),
        "none" => "/:categories/:title:output_ext".into(),
        "date" => "/:categories/:year/:month/:day/:title:output_ext".into(),
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext".into(),
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext".into(),
        other => other.into(),
    }
}

/// The post's URL (without `baseurl`): its own `permalink:` when set, else the site's
/// `permalink` style or template. Jekyll's `URL#to_s`.
pub fn post_url(site_permalink: &str, own_permalink: Option<&str>, parts: &UrlParts<'_>) -> String {
    let template = match own_permalink {
        Some(p) => p.to_string(),
        None => style_to_template(site_permalink),
    };
    sanitize_url(&fill_template(&template, parts))
}

/// Replaces each `:name` (`[a-z_]+`) by its escaped value; unknown names are left as written.
fn fill_template(template: &str, parts: &UrlParts<'_>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(colon) = rest.find(':') {
        out.push_str(&rest[..colon]);
        let after = &rest[colon + 1..];
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
            .count();
        let name = &after[..len];
        // `:title_` reads as `title` followed by `_` when there is no `title_` placeholder.
        let (value, used) = match placeholder(name, parts) {
            Some(v) => (Some(v), len),
            None => match name.strip_suffix('_').and_then(|n| placeholder(n, parts)) {
                Some(v) => (Some(v), len - 1),
                None => (None, 0),
            },
        };
        match value {
            Some(v) => out.push_str(&escape_path(&v)),
            None => out.push(':'),
        }
        rest = &after[used..];
    }
    out.push_str(rest);
    out
}

fn placeholder(name: &str, p: &UrlParts<'_>) -> Option<String> {
    let fmt = |f: &str| p.date.strftime(f).to_string();
    Some(match name {
        "year" => fmt("%Y"),
        "month" => fmt("%m"),
        "day" => fmt("%d"),
        "hour" => fmt("%H"),
        "minute" => fmt("%M"),
        "second" => fmt("%S"),
        "i_day" => fmt("%-d"),
        "i_month" => fmt("%-m"),
        "short_month" => fmt("%b"),
        "long_month" => fmt("%B"),
        "short_year" => fmt("%y"),
        "y_day" => fmt("%j"),
        "week" => fmt("%V"),
        "w_year" => fmt("%G"),
        "w_day" => fmt("%u"),
        "short_day" => fmt("%a"),
        "long_day" => fmt("%A"),
        "title" => slugify(p.slug, SlugMode::Pretty, true),
        "slug" => slugify(p.slug, SlugMode::Default, false),
        "name" => slugify(p.basename, SlugMode::Default, false),
        "categories" => unique(p.categories.iter().map(|c| c.to_lowercase())).join("/"),
        "slugified_categories" => unique(
            p.categories
                .iter()
                .map(|c| slugify(c, SlugMode::Default, false)),
        )
        .join("/"),
        "output_ext" => p.output_ext.to_string(),
        "collection" => "posts".to_string(),
        "path" => p.path.to_string(),
        _ => return None,
    })
}

fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// Jekyll's `URL#sanitize_url`: leading `/`, `..` → `/`, no `./`, no `//`.
fn sanitize_url(url: &str) -> String {
    let url = format!("/{url}").replace("..", "/").replace("./", "");
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c == '/' && out.ends_with('/') {
            continue;
        }
        out.push(c);
    }
    out
}

/// `baseurl` + URL, as Jekyll's `relative_url` filter joins them.
pub fn with_baseurl(baseurl: &str, url: &str) -> String {
    let base = baseurl.trim_end_matches('/');
    if base.is_empty() {
        return url.to_string();
    }
    let base = if base.starts_with('/') {
        base.to_string()
    } else {
        format!("/{base}")
    };
    format!("{base}{url}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use jiff::tz::TimeZone;

    fn url(site: &str, own: Option<&str>, slug: &str, categories: &[&str]) -> String {
        let zoned = date(2023, 4, 9)
            .at(10, 5, 7, 0)
            .to_zoned_datetime(TimeZone::UTC)
            .expect("zoned");
        let categories: Vec<String> = categories.iter().map(|s| s.to_string()).collect();
        let basename = format!("2023-04-09-{slug}");
        let path = format!("/{basename}");
        let parts = UrlParts {
            date: &zoned,
            slug,
            basename: &basename,
            categories: &categories,
            output_ext: ".html",
            path: &path,
        };
        post_url(site, own, &parts)
    }

    #[test]
    fn builds_date_style_urls() {
        assert_eq!(
            url("date", None, "KubeCon-J1", &[]),
            "/2023/04/09/KubeCon-J1.html"
        );
        assert_eq!(
            url("date", None, "x", &["Cloud", "k8s"]),
            "/cloud/k8s/2023/04/09/x.html"
        );
    }

    #[test]
    fn builds_pretty_ordinal_none_and_weekdate_urls() {
        assert_eq!(url("pretty", None, "x", &[]), "/2023/04/09/x/");
        assert_eq!(url("ordinal", None, "x", &[]), "/2023/099/x.html");
        assert_eq!(url("none", None, "x", &["a"]), "/a/x.html");
        assert_eq!(url("weekdate", None, "x", &[]), "/2023/W14/Sun/x.html");
    }

    #[test]
    fn fills_templates_with_every_date_part() {
        let t = "/:short_year/:i_month/:i_day/:hour:minute:second/:slug";
        assert_eq!(
            url(t, None, "Hello World", &[]),
            "/23/4/9/100507/hello-world"
        );
    }

    #[test]
    fn prefers_the_post_permalink() {
        assert_eq!(url("date", Some("/talks/:title/"), "x", &[]), "/talks/x/");
        assert_eq!(url("date", Some("/fixed.html"), "x", &[]), "/fixed.html");
    }

    #[test]
    fn title_keeps_case_while_slug_lowercases() {
        assert_eq!(url(":title/", None, "KubeCon-J1", &[]), "/KubeCon-J1/");
        assert_eq!(url("/:slug/", None, "KubeCon-J1", &[]), "/kubecon-j1/");
    }

    #[test]
    fn leaves_unknown_placeholders_as_written() {
        assert_eq!(url("/:nope/:title", None, "x", &[]), "/:nope/x");
    }

    #[test]
    fn joins_baseurl() {
        assert_eq!(with_baseurl("/blog", "/a.html"), "/blog/a.html");
        assert_eq!(with_baseurl("", "/a.html"), "/a.html");
        assert_eq!(with_baseurl("blog/", "/a.html"), "/blog/a.html");
    }
}
