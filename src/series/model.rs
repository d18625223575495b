//! The series model: a series is the set of posts and drafts whose `series:` is the same
//! string (a non-string `series:`, as some themes use, is not a series for Lanyard); its parts
//! are ordered by date, then by file name.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::site::{Post, PostKind, Workspace};

/// One series of the blog, its parts in reading order.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Series {
    /// The `series:` string shared by the parts.
    pub name: String,
    /// The parts, ordered by date then file name.
    pub parts: Vec<Part>,
}

/// A part of a series: what the header needs to know about it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Part {
    /// Absolute path of the file.
    pub path: PathBuf,
    /// Path from the site root (`_posts/2023-04-19-kubecon-j1.md`).
    pub rel_path: String,
    /// The post's title (`title:`, else the titleized slug).
    pub title: String,
    /// Whether Jekyll builds it (only published parts are linked).
    pub published: bool,
    /// Post or draft.
    pub kind: PostKind,
    /// The `{% post_url %}` argument naming it (`2023-04-19-kubecon-j1`, `sub/2023-...`), for
    /// files in a `_posts/` folder; `None` for drafts.
    pub post_url_name: Option<String>,
    /// The part's language (`lang:` after defaults, else the site's `lang:`), if any.
    pub lang: Option<String>,
    /// The date Jekyll gives it, RFC 3339.
    pub date: String,
    /// The instant of [`Part::date`], for ordering.
    #[serde(skip)]
    pub timestamp: Timestamp,
}

impl Part {
    /// The part built from a workspace entry; `site_lang` is the site's `lang:`.
    pub fn from_post(post: &Post, site_lang: Option<&str>) -> Part {
        Part {
            path: post.path.clone(),
            rel_path: post.rel_path.clone(),
            title: post.title.clone(),
            published: post.published,
            kind: post.kind,
            post_url_name: post_url_name(&post.rel_path),
            lang: post.lang.clone().or_else(|| site_lang.map(str::to_string)),
            date: post.date.clone(),
            timestamp: post.timestamp,
        }
    }

    /// The file name, the tie-breaker of the order.
    pub fn file_name(&self) -> &str {
        self.rel_path.rsplit('/').next().unwrap_or(&self.rel_path)
    }
}

/// The `post_url` argument of the post at `rel_path`: its path from the `_posts/` folder
/// without extension, with the folder above `_posts/` in front (`blog/_posts/x.md` is
/// `blog/x`), as Jekyll's `PostComparer` matches it. `None` outside `_posts/`.
pub fn post_url_name(rel_path: &str) -> Option<String> {
    let (above, below) = if let Some(below) = rel_path.strip_prefix("_posts/") {
        ("", below)
    } else {
        let (above, below) = rel_path.split_once("/_posts/")?;
        (above, below)
    };
    let stem = match below.rsplit_once('.') {
        Some((stem, _)) if !stem.ends_with('/') && !stem.is_empty() => stem,
        _ => below,
    };
    Some(if above.is_empty() {
        stem.to_string()
    } else {
        format!("{above}/{stem}")
    })
}

/// Every series of `posts`, sorted by name; parts by date then file name. Posts whose
/// `series:` is not a string (or is empty) belong to none.
pub fn collect_series(posts: &[Post], site_lang: Option<&str>) -> Vec<Series> {
    let mut by_name: std::collections::BTreeMap<&str, Vec<Part>> = Default::default();
    for post in posts {
        let Some(name) = series_string(post) else {
            continue;
        };
        by_name
            .entry(name)
            .or_default()
            .push(Part::from_post(post, site_lang));
    }
    by_name
        .into_iter()
        .map(|(name, mut parts)| {
            parts.sort_by(|a, b| {
                (a.timestamp, a.file_name(), &a.rel_path).cmp(&(
                    b.timestamp,
                    b.file_name(),
                    &b.rel_path,
                ))
            });
            Series {
                name: name.to_string(),
                parts,
            }
        })
        .collect()
}

/// The post's `series:` when it is a non-empty string (after front matter defaults).
/// `Post::series` also holds numbers written as text, so the typed value decides.
pub fn series_string(post: &Post) -> Option<&str> {
    let value = post
        .page
        .get("series")
        .or_else(|| post.front_matter.get("series"))?;
    value.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// Every series of the workspace.
pub fn workspace_series(workspace: &Workspace) -> Vec<Series> {
    collect_series(workspace.posts(), workspace.config().lang.as_deref())
}

/// The series named `name`, if the workspace has one.
pub fn find_series(workspace: &Workspace, name: &str) -> Option<Series> {
    workspace_series(workspace)
        .into_iter()
        .find(|s| s.name == name)
}

/// The series the file at `path` is a part of, and its index in it.
pub fn series_of_file(workspace: &Workspace, path: &std::path::Path) -> Option<(Series, usize)> {
    let post = workspace.post_at(path)?;
    let name = series_string(post)?;
    let series = find_series(workspace, name)?;
    let index = series.parts.iter().position(|p| p.path == post.path)?;
    Some((series, index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_posts_for_post_url_with_their_folders() {
        assert_eq!(
            post_url_name("_posts/2023-04-19-a.md").as_deref(),
            Some("2023-04-19-a")
        );
        assert_eq!(
            post_url_name("_posts/en/2023-04-19-a.md").as_deref(),
            Some("en/2023-04-19-a")
        );
        assert_eq!(
            post_url_name("blog/_posts/2023-04-19-a.md").as_deref(),
            Some("blog/2023-04-19-a")
        );
        assert_eq!(post_url_name("_drafts/a.md"), None);
    }
}
