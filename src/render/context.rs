//! What the renderer needs to know about the blog around a post, as a trait so that the
//! renderer can be tested without a workspace on disk. [`crate::site::Workspace`] implements it.

use std::path::PathBuf;

use crate::site::gate::SitePath;

/// A post that a `{% post_url %}` tag can point to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostTarget {
    /// The URL Jekyll gives the post (with `baseurl`), e.g. `/2023/04/19/kubecon-j1.html`.
    pub url: String,
    /// The post file, absolute.
    pub path: PathBuf,
    /// Whether Jekyll would build the post (in `_posts/`, not `published: false`, not in the
    /// future unless `future: true`). A `post_url` to an unpublished post fails a Jekyll build.
    pub published: bool,
    /// Whether the post is dated after now (and the site does not set `future: true`).
    pub future: bool,
}

/// The blog as seen from the post being rendered.
pub trait SiteContext {
    /// Resolves a `post_url` argument as Jekyll 4.3 does: `2023-04-19-kubecon-j1`, or with a
    /// subfolder path `sub/2023-04-19-kubecon-j1`; `None` when no post has that name.
    fn resolve_post_url(&self, name: &str) -> Option<PostTarget>;
    /// Whether the site file a post's image names may be shown: `Ok` when the gate lets it
    /// through (inside the site after links, a regular file within the image cap); else the
    /// error (`not_found` for a missing file, a refusal naming the file otherwise).
    fn check_site_file(&self, path: &SitePath) -> crate::Result<()>;
    /// The text of `<includes_dir>/<name>`, read through the gate; a missing file is a
    /// `not_found` error, an `includes_dir` outside the site a config error naming it.
    fn include(&self, name: &str) -> crate::Result<String>;
    /// The `site` Liquid variables: the config merged over Jekyll's defaults.
    fn site_vars(&self) -> serde_json::Value;
    /// The site's `baseurl` ("" when unset), without a trailing slash.
    fn baseurl(&self) -> String;
    /// The HTML of a plugin tag this site can stand in for (`{% seo %}`, `{% feed_meta %}`
    /// in a theme's layouts), given the `page` variables; `None` shows it as a placeholder.
    fn plugin_tag(&self, _name: &str, _args: &str, _page: &serde_json::Value) -> Option<String> {
        None
    }
}

/// A small in-memory blog for the renderer's unit tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::{PostTarget, SiteContext};
    use crate::site::gate::SitePath;
    use std::path::PathBuf;

    /// Posts `2023-04-18-day-one` (and `sub/2023-04-19-day-two`) published,
    /// `2023-04-20-draft` unpublished, `2099-01-01-future` in the future; the image
    /// `/assets/images/present.jpg`; the include `note.html`.
    #[derive(Debug, Default)]
    pub(crate) struct FakeSite;

    impl SiteContext for FakeSite {
        fn resolve_post_url(&self, name: &str) -> Option<PostTarget> {
            let (url, published, future) = match name {
                "2023-04-18-day-one" => ("/2023/04/18/day-one.html", true, false),
                "sub/2023-04-19-day-two" | "2023-04-19-day-two" => {
                    ("/2023/04/19/day-two.html", true, false)
                }
                "2023-04-20-draft" => ("/2023/04/20/draft.html", false, false),
                "2099-01-01-future" => ("/2099/01/01/future.html", false, true),
                _ => return None,
            };
            Some(PostTarget {
                url: url.into(),
                path: PathBuf::from(name),
                published,
                future,
            })
        }
        fn check_site_file(&self, path: &SitePath) -> crate::Result<()> {
            match path.as_str() {
                "assets/images/present.jpg" => Ok(()),
                other => Err(crate::Error::io(other, std::io::ErrorKind::NotFound.into())),
            }
        }
        fn include(&self, name: &str) -> crate::Result<String> {
            match name {
                "note.html" => Ok("<aside>{{ include.text }}</aside>\n".to_string()),
                other => Err(crate::Error::io(other, std::io::ErrorKind::NotFound.into())),
            }
        }
        fn site_vars(&self) -> serde_json::Value {
            serde_json::json!({"title": "Blog", "baseurl": "", "url": "https://example.org"})
        }
        fn baseurl(&self) -> String {
            String::new()
        }
        fn plugin_tag(&self, name: &str, _args: &str, page: &serde_json::Value) -> Option<String> {
            if name != "seo" {
                return None;
            }
            Some(format!("<title>{}</title>", page["title"].as_str()?))
        }
    }
}
