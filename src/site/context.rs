//! The workspace as the renderer sees it ([`SiteContext`]): `{% post_url %}` resolution exactly
//! as Jekyll 4.3's `PostUrl` tag and `PostComparer` do, and the one status check of a
//! `post_url` target ([`PostUrlStatus`]) that render, check, publish and series share; site
//! files and includes through the workspace's [`super::gate::Gate`]; `site` variables.

use super::gate::{FileKind, SitePath};
use super::post::Post;
use super::scan::PostKind;
use super::workspace::Workspace;
use crate::front_matter::parse_day;
use crate::render::{PostTarget, SiteContext};

/// A `post_url` argument split as Jekyll's `PostComparer::MATCHER` (`^(.+/)*(\d+-\d+-\d+)-(.*)$`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct PostRef<'a> {
    /// `sub/` or "".
    path: &'a str,
    date: &'a str,
    slug: &'a str,
}

fn parse_post_ref(name: &str) -> Option<PostRef<'_>> {
    let name = name.trim().strip_prefix('/').unwrap_or(name.trim());
    // `(.+/)*` is greedy: the longest folder prefix after which a date follows wins.
    let splits = name
        .match_indices('/')
        .map(|(i, _)| i + 1)
        .rev()
        .chain(std::iter::once(0));
    for at in splits {
        if let Some((date, slug)) = split_date_slug(&name[at..]) {
            return Some(PostRef {
                path: &name[..at],
                date,
                slug,
            });
        }
    }
    None
}

/// `2023-04-19-slug` → (`2023-04-19`, `slug`), with `\d+-\d+-\d+-`.
fn split_date_slug(text: &str) -> Option<(&str, &str)> {
    let mut end = 0;
    for part in 0..3 {
        let digits = text[end..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || text.as_bytes().get(end + digits) != Some(&b'-') {
            return None;
        }
        end += digits + 1;
        if part == 2 {
            return Some((&text[..end - 1], &text[end..]));
        }
    }
    None
}

impl PostRef<'_> {
    /// Jekyll's `@name_regex`: `^_posts/PATH DATE-SLUG\.[^.]+` or `^PATH_posts/?DATE-SLUG\.[^.]+`.
    fn matches_name(&self, rel_path: &str) -> bool {
        let tail = |rest: &str| -> bool {
            let Some(after) = rest
                .strip_prefix(self.date)
                .and_then(|r| r.strip_prefix('-'))
            else {
                return false;
            };
            let Some(ext) = after
                .strip_prefix(self.slug)
                .and_then(|r| r.strip_prefix('.'))
            else {
                return false;
            };
            ext.chars().next().is_some_and(|c| c != '.')
        };
        let first = rel_path
            .strip_prefix("_posts/")
            .and_then(|r| r.strip_prefix(self.path))
            .is_some_and(tail);
        let second = rel_path
            .strip_prefix(self.path)
            .and_then(|r| r.strip_prefix("_posts"))
            .is_some_and(|r| tail(r.strip_prefix('/').unwrap_or(r)));
        first || second
    }

    /// Jekyll's deprecated match: same slug (`slug:` or the name's) and same calendar day.
    fn matches_old_way(&self, post: &Post) -> bool {
        let Some(day) = parse_day(self.date) else {
            return false;
        };
        let post_day = post.date.get(..10).unwrap_or("");
        self.slug == post.slug && post_day == day.to_string()
    }
}

impl Workspace {
    /// Resolves a `{% post_url %}` argument to the post Jekyll would link, published or not
    /// (`None` when no post of the workspace has that name).
    pub fn find_post_url_target(&self, name: &str) -> Option<&Post> {
        let wanted = parse_post_ref(name)?;
        let posts = || self.posts.iter().filter(|p| p.kind == PostKind::Post);
        // Jekyll only sees published posts; try those first, with the new then the old rule.
        posts()
            .filter(|p| p.published)
            .find(|p| wanted.matches_name(&p.rel_path))
            .or_else(|| {
                posts()
                    .filter(|p| p.published)
                    .find(|p| wanted.matches_old_way(p))
            })
            .or_else(|| posts().find(|p| wanted.matches_name(&p.rel_path)))
            .or_else(|| posts().find(|p| wanted.matches_old_way(p)))
    }
}

/// What a `{% post_url %}` argument leads to in a Jekyll build of the workspace.
#[derive(Debug, Clone, Copy)]
pub enum PostUrlStatus<'a> {
    /// A built post: the tag gives its URL.
    Linked(&'a Post),
    /// The argument is not a post name (`YYYY-MM-DD-slug`): Jekyll fails the build.
    NotAPostName,
    /// No post has that name: Jekyll fails the build.
    Missing,
    /// The post is dated after now and the site does not set `future: true`.
    Future(&'a Post),
    /// The post is not built (`published: false`, or not in `_posts/`).
    Unpublished(&'a Post),
}

impl PostUrlStatus<'_> {
    /// Why Jekyll fails on the tag, without the consequence (`post_url `x`: no post has that
    /// name`); `None` when it links a built post. Callers add how it matters to them.
    pub fn problem(&self, name: &str) -> Option<String> {
        match self {
            PostUrlStatus::Linked(_) => None,
            PostUrlStatus::NotAPostName => Some(format!(
                "post_url `{name}` is not a post name (YYYY-MM-DD-slug)"
            )),
            PostUrlStatus::Missing => Some(format!("post_url `{name}`: no post has that name")),
            PostUrlStatus::Future(t) => Some(format!(
                "post_url `{name}`: {} is dated in the future ({})",
                t.rel_path,
                t.date.get(..10).unwrap_or(&t.date)
            )),
            PostUrlStatus::Unpublished(t) => Some(format!(
                "post_url `{name}`: {} is not published",
                t.rel_path
            )),
        }
    }
}

impl Workspace {
    /// The status of `{% post_url name %}` in this workspace: the one check render, `check`,
    /// publish and the series share.
    pub fn post_url_status(&self, name: &str) -> PostUrlStatus<'_> {
        match self.find_post_url_target(name) {
            None if super::parse_post_name(&format!(
                "{}.md",
                name.rsplit('/').next().unwrap_or(name)
            ))
            .is_none() =>
            {
                PostUrlStatus::NotAPostName
            }
            None => PostUrlStatus::Missing,
            Some(t) if t.published => PostUrlStatus::Linked(t),
            Some(t) if t.future && !self.config.future => PostUrlStatus::Future(t),
            Some(t) => PostUrlStatus::Unpublished(t),
        }
    }
}

impl SiteContext for Workspace {
    fn resolve_post_url(&self, name: &str) -> Option<PostTarget> {
        let status = self.post_url_status(name);
        let post = match status {
            PostUrlStatus::Linked(p) | PostUrlStatus::Future(p) | PostUrlStatus::Unpublished(p) => {
                p
            }
            PostUrlStatus::NotAPostName | PostUrlStatus::Missing => return None,
        };
        Some(PostTarget {
            url: post.url.clone(),
            path: post.path.clone(),
            published: matches!(status, PostUrlStatus::Linked(_)),
            future: matches!(status, PostUrlStatus::Future(_)),
        })
    }

    fn check_site_file(&self, path: &SitePath) -> crate::Result<()> {
        self.gate
            .admit(&self.gate.site_file(path), FileKind::Image)
            .map(|_| ())
    }

    fn include(&self, name: &str) -> crate::Result<String> {
        let setting = self
            .config
            .values
            .get("includes_dir")
            .and_then(|v| v.as_str())
            .unwrap_or("_includes");
        let dir = self
            .gate
            .setting_dir(self.config.file.as_deref(), "includes_dir", setting)?;
        self.gate.read_named(&dir, name.trim(), FileKind::Include)
    }

    fn site_vars(&self) -> serde_json::Value {
        serde_json::Value::Object(self.config.values.clone())
    }

    fn baseurl(&self) -> String {
        self.config.baseurl.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_post_url_arguments_like_jekyll() {
        let r = parse_post_ref("2023-04-19-KubeCon-J1").expect("ref");
        assert_eq!((r.path, r.date, r.slug), ("", "2023-04-19", "KubeCon-J1"));
        let r = parse_post_ref("/kubecon/2023-4-9-day").expect("ref");
        assert_eq!((r.path, r.date, r.slug), ("kubecon/", "2023-4-9", "day"));
        assert_eq!(parse_post_ref("kubecon-day"), None);
    }

    #[test]
    fn matches_names_in_posts_subfolders_and_dir_posts() {
        let r = parse_post_ref("sub/2023-04-19-x").expect("ref");
        assert!(r.matches_name("_posts/sub/2023-04-19-x.md"));
        assert!(r.matches_name("sub/_posts/2023-04-19-x.md"));
        assert!(!r.matches_name("_posts/2023-04-19-x.md"));
        let r = parse_post_ref("2023-04-19-x").expect("ref");
        assert!(r.matches_name("_posts/2023-04-19-x.markdown"));
        assert!(!r.matches_name("_posts/2023-04-19-xy.md"));
        assert!(!r.matches_name("_posts/2023-4-19-x.md"));
    }

    #[test]
    fn a_stray_percent_before_an_accented_letter_is_a_missing_file_not_a_panic() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("_config.yml"), "title: t\n").expect("write config");
        let site = Workspace::open(dir.path()).expect("open");
        let path = super::super::gate::resolve_url("/%aé.png", "", "/").expect("path");
        let err = site.check_site_file(&path).expect_err("missing");
        assert_eq!(err.kind(), "not_found");
    }

    #[test]
    fn refuses_an_includes_dir_outside_the_site() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("_config.yml"), "includes_dir: /etc\n").expect("write");
        let site = Workspace::open(dir.path()).expect("open");
        let err = site.include("passwd").expect_err("outside");
        assert!(err.to_string().contains("includes_dir: /etc"), "{err}");
        assert!(err.to_string().contains("_config.yml"), "{err}");
    }
}
