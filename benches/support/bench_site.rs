//! The site the render and preview benchmarks render against: every `post_url` resolves,
//! every image exists, and `talk.html` is a small include with Markdown inside.

use std::path::PathBuf;

use lanyard::render::{PostTarget, SiteContext};
use lanyard::site::gate::SitePath;

/// A blog where every `post_url` resolves and every image exists.
pub struct BenchSite;

impl SiteContext for BenchSite {
    fn resolve_post_url(&self, name: &str) -> Option<PostTarget> {
        Some(PostTarget {
            url: format!("/blog/{name}.html"),
            path: PathBuf::from(name),
            published: true,
            future: false,
        })
    }
    fn check_site_file(&self, _path: &SitePath) -> lanyard::Result<()> {
        Ok(())
    }
    fn include(&self, _name: &str) -> lanyard::Result<String> {
        Ok("<div class=\"talk\" markdown=\"1\">\n**{{ include.title }}**, {{ include.speaker }}\n</div>\n".into())
    }
    fn site_vars(&self) -> serde_json::Value {
        serde_json::json!({"title": "Carnet", "baseurl": "/blog"})
    }
    fn baseurl(&self) -> String {
        "/blog".into()
    }
}
