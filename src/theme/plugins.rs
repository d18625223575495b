//! Stand-ins for the plugin tags theme layouts call, written as the plugins write them:
//! `{% seo %}` (jekyll-seo-tag 2.8's `template.html`: the title and meta tags, and its JSON-LD
//! data block, which the app's sanitizer drops with every other script) and `{% feed_meta %}`
//! (jekyll-feed's `<link rel="alternate">`).

use serde_json::Value;

use crate::render::liquid::{escape_html, format_date, strip_html};

/// What a stand-in needs from the site.
pub struct PluginSite<'a> {
    /// The `site` variables.
    pub site: &'a Value,
    /// The Jekyll version the generator meta names.
    pub jekyll_version: &'a str,
    /// jekyll-paginate's `paginator` of the page (null on all but the pagination template).
    pub paginator: &'a Value,
}

/// The HTML of plugin tag `name`, `None` when it is not one we stand in for.
pub fn plugin_tag_html(
    name: &str,
    args: &str,
    page: &Value,
    ps: &PluginSite<'_>,
) -> Option<String> {
    match name {
        "seo" => Some(seo(args, page, ps)),
        "feed_meta" => Some(feed_meta(ps.site)),
        _ => None,
    }
}

/// A string value, trimmed to `None` when empty.
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// jekyll-seo-tag's `format_string`: tags stripped, whitespace collapsed, escaped once.
fn format_string(s: &str) -> Option<String> {
    let plain = strip_html(s);
    let words: Vec<&str> = plain.split_whitespace().collect();
    (!words.is_empty()).then(|| escape_html(&words.join(" ")))
}

/// `site.url` + `baseurl` + `path`, as Jekyll's `absolute_url` filter.
fn absolute_url(site: &Value, path: &str) -> String {
    let url = text(site.get("url")).unwrap_or_default();
    let base = text(site.get("baseurl")).unwrap_or_default();
    format!(
        "{}{}/{}",
        url.trim_end_matches('/'),
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// `{% seo %}` (and `{% seo title=false %}`).
fn seo(args: &str, page: &Value, ps: &PluginSite<'_>) -> String {
    let site = ps.site;
    let site_title = text(site.get("title"))
        .or_else(|| text(site.get("name")))
        .and_then(|t| format_string(&t));
    let site_description = text(site.get("description")).and_then(|t| format_string(&t));
    let page_title = text(page.get("title"))
        .and_then(|t| format_string(&t))
        .or_else(|| site_title.clone());
    let title = match (&site_title, &page_title) {
        (Some(st), Some(pt)) if pt != st => Some(format!("{pt} | {st}")),
        (Some(st), _) if site_description.is_some() => {
            let tagline = text(site.get("tagline"))
                .and_then(|t| format_string(&t))
                .or_else(|| site_description.clone())
                .unwrap_or_default();
            Some(format!("{st} | {tagline}"))
        }
        _ => page_title.clone().or_else(|| site_title.clone()),
    };
    let description = text(page.get("description"))
        .or_else(|| text(page.get("excerpt")))
        .and_then(|d| format_string(&d))
        .or_else(|| site_description.clone());
    let author = author_name(page, site);
    let lang = text(page.get("lang"))
        .or_else(|| text(site.get("lang")))
        .unwrap_or_else(|| "en_US".into());
    let locale = text(page.get("locale"))
        .or_else(|| text(site.get("locale")))
        .unwrap_or(lang)
        .replace('-', "_");
    let mut lines = vec!["<!-- Begin Jekyll SEO tag v2.8.0 -->".to_string()];
    if let Some(t) = title.filter(|_| !args.to_lowercase().contains("title=false")) {
        lines.push(format!("<title>{t}</title>"));
    }
    lines.push(format!(
        "<meta name=\"generator\" content=\"Jekyll v{}\" />",
        ps.jekyll_version
    ));
    if let Some(t) = &page_title {
        lines.push(format!("<meta property=\"og:title\" content=\"{t}\" />"));
    }
    if let Some(a) = &author {
        lines.push(format!("<meta name=\"author\" content=\"{a}\" />"));
    }
    lines.push(format!(
        "<meta property=\"og:locale\" content=\"{}\" />",
        escape_html(&locale)
    ));
    if let Some(d) = &description {
        lines.push(format!("<meta name=\"description\" content=\"{d}\" />"));
        lines.push(format!(
            "<meta property=\"og:description\" content=\"{d}\" />"
        ));
    }
    let canonical = text(site.get("url")).map(|_| {
        let url = text(page.get("canonical_url")).unwrap_or_else(|| {
            let url = absolute_url(site, &text(page.get("url")).unwrap_or_default());
            url.strip_suffix("/index.html")
                .map_or(url.clone(), |u| format!("{u}/"))
        });
        escape_html(&url)
    });
    if let Some(canonical) = &canonical {
        lines.push(format!("<link rel=\"canonical\" href=\"{canonical}\" />"));
        lines.push(format!(
            "<meta property=\"og:url\" content=\"{canonical}\" />"
        ));
    }
    if let Some(st) = &site_title {
        lines.push(format!(
            "<meta property=\"og:site_name\" content=\"{st}\" />"
        ));
    }
    let image = page
        .get("image")
        .and_then(|i| text(Some(i)).or_else(|| text(i.get("path"))));
    if let Some(img) = &image {
        let path = if img.contains("://") {
            img.clone()
        } else {
            absolute_url(site, img)
        };
        lines.push(format!(
            "<meta property=\"og:image\" content=\"{}\" />",
            escape_html(&path)
        ));
    }
    match page.get("date").and_then(|d| d.as_str()) {
        Some(date) => {
            lines.push("<meta property=\"og:type\" content=\"article\" />".into());
            let iso = format_date(date, "%Y-%m-%dT%H:%M:%S%:z").unwrap_or_else(|| date.to_string());
            lines.push(format!(
                "<meta property=\"article:published_time\" content=\"{iso}\" />"
            ));
        }
        None => lines.push("<meta property=\"og:type\" content=\"website\" />".into()),
    }
    for (rel, key) in [("prev", "previous_page"), ("next", "next_page")] {
        let pager = ps.paginator.get(key).is_some_and(|p| !p.is_null());
        if let Some(path) = text(ps.paginator.get(format!("{key}_path").as_str())).filter(|_| pager)
        {
            let href = escape_html(&absolute_url(site, &path));
            lines.push(format!("<link rel=\"{rel}\" href=\"{href}\" />"));
        }
    }
    lines.push(match image {
        Some(_) => "<meta name=\"twitter:card\" content=\"summary_large_image\" />".into(),
        None => "<meta name=\"twitter:card\" content=\"summary\" />".into(),
    });
    if let Some(t) = &page_title {
        lines.push(format!(
            "<meta property=\"twitter:title\" content=\"{t}\" />"
        ));
    }
    if let Some(user) = site.get("twitter").and_then(|t| text(t.get("username"))) {
        lines.push(format!(
            "<meta name=\"twitter:site\" content=\"@{}\" />",
            escape_html(user.trim_start_matches('@'))
        ));
    }
    let ld = json_ld(
        page,
        page_title.as_deref(),
        description.as_deref(),
        author.as_deref(),
        canonical.as_deref(),
    );
    lines.push(format!(
        "<script type=\"application/ld+json\">\n{ld}</script>"
    ));
    lines.push("<!-- End Jekyll SEO tag -->".into());
    lines.join("\n") + "\n"
}

/// jekyll-seo-tag's JSON-LD (`json_ld_drop.rb`) for a post or a page: keys sorted as its hash
/// is, `</` escaped so the block cannot end early.
fn json_ld(
    page: &Value,
    headline: Option<&str>,
    description: Option<&str>,
    author: Option<&str>,
    url: Option<&str>,
) -> String {
    let date = page
        .get("date")
        .and_then(Value::as_str)
        .and_then(|d| format_date(d, "%Y-%m-%dT%H:%M:%S%:z"));
    let kind = if date.is_some() {
        "BlogPosting"
    } else {
        "WebPage"
    };
    let mut ld = serde_json::Map::new();
    ld.insert("@context".into(), "https://schema.org".into());
    ld.insert("@type".into(), kind.into());
    if let Some(a) = author {
        ld.insert(
            "author".into(),
            serde_json::json!({"@type": "Person", "name": a}),
        );
    }
    if let Some(d) = &date {
        ld.insert("dateModified".into(), d.as_str().into());
        ld.insert("datePublished".into(), d.as_str().into());
    }
    if let Some(d) = description {
        ld.insert("description".into(), d.into());
    }
    if let Some(h) = headline {
        ld.insert("headline".into(), h.into());
    }
    if let Some(u) = url {
        if kind == "BlogPosting" {
            ld.insert(
                "mainEntityOfPage".into(),
                serde_json::json!({"@type": "WebPage", "@id": u}),
            );
        }
        ld.insert("url".into(), u.into());
    }
    Value::Object(ld).to_string().replace("</", "<\\/")
}

/// jekyll-seo-tag's author: `page.author`, else `site.author`; a string, or a hash's `name`.
fn author_name(page: &Value, site: &Value) -> Option<String> {
    let author = page
        .get("author")
        .filter(|a| !a.is_null())
        .or_else(|| site.get("author"))?;
    let name = match author {
        Value::Object(o) => text(o.get("name")),
        Value::Array(a) => text(a.first()),
        other => text(Some(other)),
    }?;
    // A name that keys `site.data.authors` takes that entry's name.
    let from_data = site
        .pointer(&format!(
            "/data/authors/{}",
            name.replace('~', "~0").replace('/', "~1")
        ))
        .and_then(|a| text(a.get("name")));
    format_string(&from_data.unwrap_or(name))
}

/// jekyll-feed's `{% feed_meta %}`.
fn feed_meta(site: &Value) -> String {
    let path = site
        .pointer("/feed/path")
        .and_then(Value::as_str)
        .unwrap_or("feed.xml");
    let href = escape_html(&absolute_url(site, path));
    match text(site.get("title")).or_else(|| text(site.get("name"))) {
        Some(title) => format!(
            "<link type=\"application/atom+xml\" rel=\"alternate\" href=\"{href}\" title=\"{}\" />",
            escape_html(&title)
        ),
        None => format!("<link type=\"application/atom+xml\" rel=\"alternate\" href=\"{href}\" />"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn site() -> Value {
        json!({"title": "Hallway", "description": "Notes", "url": "https://h.org", "baseurl": ""})
    }

    #[test]
    fn writes_the_title_and_canonical_url_of_a_post() {
        let s = site();
        let ps = PluginSite {
            site: &s,
            jekyll_version: "4.3.1",
            paginator: &Value::Null,
        };
        let page = json!({"title": "Day & <b>night</b>", "url": "/2024/a.html", "date": "2024-03-20 00:00:00 +0000"});
        let html = seo("", &page, &ps);
        assert!(
            html.contains("<title>Day &amp; night | Hallway</title>"),
            "{html}"
        );
        assert!(html.contains("<link rel=\"canonical\" href=\"https://h.org/2024/a.html\" />"));
        assert!(html.contains("content=\"2024-03-20T00:00:00+00:00\""));
        assert!(html.contains("<meta name=\"description\" content=\"Notes\" />"));
        assert!(
            html.contains(
                "\"@type\":\"BlogPosting\",\"dateModified\":\"2024-03-20T00:00:00+00:00\""
            ),
            "{html}"
        );
    }

    #[test]
    fn titles_the_home_page_with_the_description() {
        let s = site();
        let ps = PluginSite {
            site: &s,
            jekyll_version: "4.3.1",
            paginator: &Value::Null,
        };
        let html = seo("", &json!({"url": "/index.html"}), &ps);
        assert!(html.contains("<title>Hallway | Notes</title>"));
        assert!(html.contains("href=\"https://h.org/\""));
    }

    #[test]
    fn links_the_feed() {
        assert_eq!(
            feed_meta(&site()),
            "<link type=\"application/atom+xml\" rel=\"alternate\" href=\"https://h.org/feed.xml\" title=\"Hallway\" />"
        );
    }
}
