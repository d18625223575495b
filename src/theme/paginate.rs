//! A stand-in for jekyll-paginate (1.1): the `paginator` an index page's layout or body
//! reads (`paginator.posts`, `page`, `per_page`, `total_posts`, `total_pages`,
//! `previous_page(_path)`, `next_page(_path)`). Jekyll gives it to one page only, the
//! pagination template: the `index.html` with the longest path among those in the folder of
//! `paginate_path` or above it. Lanyard shows that page's first pager (the other pagers are
//! the same page at `/page2/`, `/page3/`, ...), with each listed post's rendered `content`
//! (index pages print excerpts of it), as Jekyll renders posts before pages.

use std::path::Path;

use serde_json::{json, Map, Value};

use crate::site::gate::FileKind;
use crate::site::{PostKind, Workspace};

/// The `paginator` of the page at site-relative `rel`, `None` (Liquid's nil) when the site
/// does not paginate (no `paginate:` or no jekyll-paginate plugin), when the page is not the
/// pagination template, or when there is no post.
pub(super) fn paginator(ws: &Workspace, site: &Value, rel: &str) -> Option<Value> {
    let config = &ws.config().values;
    let per_page = config.get("paginate").and_then(as_count)?;
    let plugin = ["plugins", "gems"].iter().any(|key| {
        config
            .get(*key)
            .and_then(Value::as_array)
            .is_some_and(|l| l.iter().any(|p| p.as_str() == Some("jekyll-paginate")))
    });
    let format = config
        .get("paginate_path")
        .and_then(Value::as_str)
        .unwrap_or("/page:num");
    if per_page == 0 || !plugin || !is_template(site, rel, format) {
        return None;
    }
    let posts: Vec<&crate::site::Post> = ws
        .posts()
        .iter()
        .rev()
        .filter(|p| p.kind == PostKind::Post && p.published)
        // Ruby truthiness: any `hidden:` but false or null hides the post.
        .filter(|p| !matches!(p.page.get("hidden"), Some(h) if !matches!(h, Value::Null | Value::Bool(false))))
        .collect();
    let total_pages = posts.len().div_ceil(per_page);
    if total_pages == 0 {
        return None;
    }
    let listed: Vec<Value> = posts
        .iter()
        .take(per_page)
        .map(|p| with_content(ws, &p.path, &p.page))
        .collect();
    let (next, next_path) = if total_pages > 1 {
        (json!(2), pager_path(format, 2))
    } else {
        (Value::Null, Value::Null)
    };
    Some(json!({
        "page": 1,
        "per_page": per_page,
        "posts": listed,
        "total_posts": posts.len(),
        "total_pages": total_pages,
        "previous_page": Value::Null,
        "previous_page_path": Value::Null,
        "next_page": next,
        "next_page_path": next_path,
    }))
}

/// `paginate:` as Ruby's `to_i` reads it (a number, or a string of digits).
fn as_count(v: &Value) -> Option<usize> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Whether `rel` is the pagination template: named `index.html`, in the folder of
/// `paginate_path` or one above it, and no such page of the site has a longer path.
fn is_template(site: &Value, rel: &str, format: &str) -> bool {
    let candidate = |path: &str| {
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        name == "index.html" && in_hierarchy(dir, format)
    };
    if !candidate(rel) {
        return false;
    }
    let pages = site.get("pages").and_then(Value::as_array);
    !pages.into_iter().flatten().any(|p| {
        p.get("path")
            .and_then(Value::as_str)
            .is_some_and(|path| candidate(path) && path.len() > rel.len())
    })
}

/// jekyll-paginate's `in_hierarchy`: `dir` (site-relative, `""` for the root) is the folder
/// of `paginate_path` (`/blog/page:num` -> `blog`) or one of the folders above it.
fn in_hierarchy(dir: &str, format: &str) -> bool {
    let mut folder = format.trim_matches('/');
    folder = folder.rsplit_once('/').map_or("", |(d, _)| d);
    loop {
        if folder == dir {
            return true;
        }
        match folder.rsplit_once('/') {
            Some((up, _)) => folder = up,
            None if !folder.is_empty() => folder = "",
            None => return false,
        }
    }
}

/// The URL path of pager `num` (`/page:num` -> `/page2`), with a leading slash.
fn pager_path(format: &str, num: usize) -> Value {
    let path = format.replacen(":num", &num.to_string(), 1);
    Value::String(if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    })
}

/// A post's page variables with `content`: its rendered body (empty when it cannot be read
/// or rendered; the post's own preview says why).
fn with_content(ws: &Workspace, path: &Path, page: &Value) -> Value {
    let mut post: Map<String, Value> = page.as_object().cloned().unwrap_or_default();
    let body = ws
        .gate()
        .read_text(path, FileKind::Post)
        .and_then(|text| ws.render_text(path, &text))
        .map(|r| r.html)
        .unwrap_or_default();
    post.insert("content".into(), Value::String(body));
    Value::Object(post)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_an_index_in_or_above_the_paginate_path() {
        assert!(in_hierarchy("", "/page:num"));
        assert!(in_hierarchy("", "/blog/page:num/"));
        assert!(in_hierarchy("blog", "/blog/page:num/"));
        assert!(!in_hierarchy("other", "/blog/page:num/"));
        assert!(!in_hierarchy("blog/x", "/blog/page:num/"));
        let site = json!({"pages": [{"path": "index.html"}, {"path": "blog/index.html"}]});
        assert!(is_template(&site, "blog/index.html", "/blog/page:num/"));
        assert!(!is_template(&site, "index.html", "/blog/page:num/"));
        assert!(!is_template(&site, "index.md", "/page:num"));
        assert_eq!(pager_path("page/:num", 2), json!("/page/2"));
    }
}
