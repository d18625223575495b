//! The theme view for the app: the page around the post, made safe to show inside the app's
//! own document. The page's `<body>` goes through the preview's sanitizer (no script, no
//! handler, no `javascript:`), with an empty `#lanyard-theme-content` where the post's body
//! goes (the app patches only that while the user types); the page's local stylesheets are
//! compiled ([`super::sass`]) or read, their `url(...)`s made absolute under `asset_prefix`
//! (the shell's asset scheme), and their `html`/`body`/`:root` selectors pointed at the
//! view's own wrappers, since the view lives in a shadow root, not a document of its own.

use std::path::Path;

use super::page::render_shell;
use super::sass::{compile_sass_page, find_sass_page, SassCache};
use super::svg_icons::inline_sprite_icons;
use super::SiteTheme;
use crate::render::sanitize_page_html;
use crate::site::gate::FileKind;
use crate::site::Workspace;
use crate::Result;

/// The id of the element the post's body is patched into.
pub const CONTENT_ID: &str = "lanyard-theme-content";

/// What the app shows around a post in the theme view.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ThemeView {
    /// The sanitized `<body>` of the page, with an empty `#lanyard-theme-content`.
    pub body_html: String,
    /// The page's local stylesheets, compiled and scoped, in page order.
    pub css: String,
    /// The `lang` of the page's `<html>`, if any.
    pub lang: Option<String>,
    /// What could not be done (`file:line: message`): plugin tags, stylesheets not found.
    pub problems: Vec<String>,
}

/// Builds the theme view of the post at `path` whose editor text is `text`. A site whose
/// theme is not installed is [`crate::Error::ThemeNotFound`] (the app says so and stays in the
/// reading view).
pub fn theme_view(
    ws: &Workspace,
    path: &Path,
    text: &str,
    asset_prefix: &str,
    cache: &mut SassCache,
) -> Result<ThemeView> {
    let theme = SiteTheme::for_workspace(ws)?;
    let body = ws.render_text(path, text)?;
    build_view(ws, &theme, path, text, &body.html, asset_prefix, cache)
}

/// The view of the post at `path` (text `text`; `body_html` its rendered body).
fn build_view(
    ws: &Workspace,
    theme: &SiteTheme,
    path: &Path,
    text: &str,
    body_html: &str,
    asset_prefix: &str,
    cache: &mut SassCache,
) -> Result<ThemeView> {
    let shell = render_shell(ws, theme, path, text, body_html)?;
    let page = format!(
        "{}<div id=\"{CONTENT_ID}\"></div>{}",
        shell.before, shell.after
    );
    let mut problems = shell.problems;
    let baseurl = ws.config().baseurl.clone();
    let mut css = String::new();
    for href in stylesheet_hrefs(&page) {
        let Some(site_path) = local_path(&href, &baseurl) else {
            problems.push(format!(
                "stylesheet {href}: not a file of the site; not loaded"
            ));
            continue;
        };
        let sheet = if find_sass_page(theme, &site_path).is_some() {
            compile_sass_page(ws, theme, &site_path, Some(cache))
        } else {
            match theme.files.find(&site_path) {
                Some(file) => theme.files.gate().read_text(&file, FileKind::Asset),
                None => {
                    problems.push(format!(
                        "stylesheet {href}: no such file in the site or theme"
                    ));
                    continue;
                }
            }
        };
        match sheet {
            Ok(sheet) => {
                css.push_str(&scope_css(&sheet, &site_path, asset_prefix));
                css.push('\n');
            }
            Err(e) => problems.push(e.to_string()),
        }
    }
    let page = inline_sprite_icons(&page, theme, &baseurl, &mut problems);
    Ok(ThemeView {
        body_html: sanitize_page_html(inner_body(&page), &baseurl),
        css,
        lang: html_lang(&page),
        problems,
    })
}

/// The `href`s of `<link rel="stylesheet">` tags, in order.
fn stylesheet_hrefs(page: &str) -> Vec<String> {
    let lower = page.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<link").map(|i| i + from) {
        let end = lower[start..].find('>').map_or(lower.len(), |i| start + i);
        let tag = &page[start..end];
        if attr(tag, "rel").is_some_and(|r| {
            r.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("stylesheet"))
        }) {
            if let Some(href) = attr(tag, "href") {
                out.push(href);
            }
        }
        from = end;
    }
    out
}

/// The value of attribute `name` in a start tag's text (quoted or not).
pub(super) fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name).map(|i| i + from) {
        from = i + name.len();
        let before_ok = i > 0 && lower.as_bytes()[i - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("")
                .to_string(),
        });
    }
    None
}

/// A stylesheet URL as a site path (`/blog/assets/main.css` -> `assets/main.css`), `None`
/// for another site's.
fn local_path(href: &str, baseurl: &str) -> Option<String> {
    if href.contains("://") || href.starts_with("//") || href.starts_with("data:") {
        return None;
    }
    let path = href.split(['?', '#']).next().unwrap_or("");
    let path = if !baseurl.is_empty() && path.starts_with(&format!("{baseurl}/")) {
        &path[baseurl.len()..]
    } else {
        path
    };
    let path = path.trim_start_matches('/');
    (!path.is_empty()).then(|| crate::site::percent_decode(path))
}

/// The text inside `<body ...>` and `</body>` (the whole page when it has no body tag).
fn inner_body(page: &str) -> &str {
    let lower = page.to_ascii_lowercase();
    let start = lower
        .find("<body")
        .and_then(|i| lower[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    let end = lower
        .rfind("</body>")
        .filter(|&e| e >= start)
        .unwrap_or(page.len());
    &page[start..end]
}

/// `<html lang="...">`.
fn html_lang(page: &str) -> Option<String> {
    let lower = page.to_ascii_lowercase();
    let start = lower.find("<html")?;
    let end = lower[start..].find('>')? + start;
    attr(&page[start..end], "lang")
}

/// Makes a stylesheet work inside the view: `url(x)` resolved against the sheet's own site
/// path and prefixed with `asset_prefix`; `html`, `body` and `:root` selectors pointed at
/// `.lanyard-theme-html` / `.lanyard-theme-body`.
pub fn scope_css(css: &str, sheet_path: &str, asset_prefix: &str) -> String {
    let dir = sheet_path.rsplit_once('/').map_or("", |(d, _)| d);
    let with_urls = rewrite_urls(css, dir, asset_prefix);
    rewrite_selectors(&with_urls)
}

fn rewrite_urls(css: &str, dir: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("url(") {
        out.push_str(&rest[..i + 4]);
        rest = &rest[i + 4..];
        let Some(close) = rest.find(')') else { break };
        let raw = rest[..close].trim();
        let (quote, inner) = match raw.chars().next() {
            Some(q @ ('"' | '\'')) => (q.to_string(), raw.trim_matches(q)),
            _ => (String::new(), raw),
        };
        let absolute = inner.contains(':') || inner.starts_with("//") || inner.starts_with('#');
        let url = if absolute || inner.is_empty() {
            inner.to_string()
        } else if let Some(site) = inner.strip_prefix('/') {
            format!("{prefix}/{site}")
        } else {
            format!("{prefix}/{}", join_url(dir, inner))
        };
        out.push_str(&format!("{quote}{url}{quote}"));
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// `dir/rel` with `.` and `..` segments resolved (never above the site root).
fn join_url(dir: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn rewrite_selectors(css: &str) -> String {
    let mut out = String::with_capacity(css.len() + 256);
    let mut start = 0;
    for (i, c) in css.char_indices() {
        if c == '{' {
            let boundary = css[start..i]
                .rfind(['}', ';', '{'])
                .map_or(start, |j| start + j + 1);
            out.push_str(&css[start..boundary]);
            let prelude = &css[boundary..i];
            if prelude.trim_start().starts_with('@') {
                out.push_str(prelude);
            } else {
                let parts: Vec<String> = prelude.split(',').map(scope_selector).collect();
                out.push_str(&parts.join(","));
            }
            out.push('{');
            start = i + 1;
        }
    }
    out.push_str(&css[start..]);
    out
}

/// One selector with a leading `html`, `body` or `:root` replaced.
fn scope_selector(sel: &str) -> String {
    let trimmed = sel.trim_start();
    let lead = &sel[..sel.len() - trimmed.len()];
    for (name, class) in [
        ("html", ".lanyard-theme-html"),
        (":root", ".lanyard-theme-html"),
        ("body", ".lanyard-theme-body"),
    ] {
        if let Some(after) = trimmed.strip_prefix(name) {
            if !after.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
                let after = scope_selector_tail(after);
                return format!("{lead}{class}{after}");
            }
        }
    }
    sel.to_string()
}

/// `html body p` -> `.lanyard-theme-html .lanyard-theme-body p`.
fn scope_selector_tail(after: &str) -> String {
    let trimmed = after.trim_start();
    if trimmed.len() < after.len() {
        if let Some(rest) = trimmed.strip_prefix("body") {
            if !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
                return format!(" .lanyard-theme-body{rest}");
            }
        }
    }
    after.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_stylesheets_and_the_body() {
        let page = "<html lang=\"fr\"><head><link rel=\"stylesheet\" href=\"/assets/main.css\"><link rel=alternate href=/feed.xml></head><body class=x><p onclick=\"a()\">hi</p><script>x()</script></body></html>";
        assert_eq!(stylesheet_hrefs(page), ["/assets/main.css"]);
        assert_eq!(
            inner_body(page),
            "<p onclick=\"a()\">hi</p><script>x()</script>"
        );
        assert_eq!(html_lang(page).as_deref(), Some("fr"));
        assert_eq!(
            local_path("/blog/assets/a%20b.css", "/blog").as_deref(),
            Some("assets/a b.css")
        );
        assert_eq!(local_path("https://cdn.example/x.css", ""), None);
    }

    #[test]
    fn scopes_page_selectors_and_resolves_urls() {
        let css = "html, body { margin: 0; }\nbody.dark p { color: red; }\n@media (max-width: 600px) {\n  body { font: x; }\n}\n.bodyish { a: b; }\n@font-face { src: url(\"../fonts/a.woff2\"); }\n.i { background: url(/img/x.png); }\n.d { background: url(data:image/png;base64,AA); }";
        let out = scope_css(css, "assets/css/main.css", "lanyard-asset://localhost");
        assert!(
            out.starts_with(".lanyard-theme-html, .lanyard-theme-body {"),
            "{out}"
        );
        assert!(out.contains(".lanyard-theme-body.dark p {"), "{out}");
        assert!(out.contains("  .lanyard-theme-body {"), "{out}");
        assert!(out.contains(".bodyish {"), "{out}");
        assert!(
            out.contains("url(\"lanyard-asset://localhost/assets/fonts/a.woff2\")"),
            "{out}"
        );
        assert!(
            out.contains("url(lanyard-asset://localhost/img/x.png)"),
            "{out}"
        );
        assert!(out.contains("url(data:image/png;base64,AA)"), "{out}");
    }
}
