//! A fake blog for the renderer's integration tests: no disk, fixed posts, files and includes.

use std::path::PathBuf;

use lanyard::render::{render_source, PostTarget, RenderOptions, Rendered, SiteContext};
use lanyard::site::gate::SitePath;

/// Posts: `2023-04-18-jour-1` and `kubecon/2023-04-19-jour-2` published,
/// `2023-04-21-brouillon` unpublished, `2099-01-01-futur` in the future.
/// Files: `/assets/images/present.jpg`. Includes: `talk.html`, `note.html`.
pub struct FakeSite;

impl SiteContext for FakeSite {
    fn resolve_post_url(&self, name: &str) -> Option<PostTarget> {
        let (url, published, future) = match name {
            "2023-04-18-jour-1" => ("/blog/2023/04/18/jour-1.html", true, false),
            "kubecon/2023-04-19-jour-2" | "2023-04-19-jour-2" => {
                ("/blog/2023/04/19/jour-2.html", true, false)
            }
            "2023-04-21-brouillon" => ("/blog/2023/04/21/brouillon.html", false, false),
            "2099-01-01-futur" => ("/blog/2099/01/01/futur.html", false, true),
            _ => return None,
        };
        Some(PostTarget {
            url: url.into(),
            path: PathBuf::from(format!("_posts/{name}.md")),
            published,
            future,
        })
    }

    fn check_site_file(&self, path: &SitePath) -> lanyard::Result<()> {
        match path.as_str() {
            "assets/images/present.jpg" => Ok(()),
            other => Err(lanyard::Error::io(
                other,
                std::io::ErrorKind::NotFound.into(),
            )),
        }
    }

    fn include(&self, name: &str) -> lanyard::Result<String> {
        match name {
            "talk.html" => Ok(
                "<div class=\"talk\" markdown=\"1\">\n**{{ include.title }}**, {{ include.speaker }}\n</div>\n".into(),
            ),
            "note.html" => Ok("<aside>{% if include.kind %}{{ include.kind }}: {% endif %}{{ include.text }}</aside>\n".into()),
            other => Err(lanyard::Error::io(other, std::io::ErrorKind::NotFound.into())),
        }
    }

    fn site_vars(&self) -> serde_json::Value {
        serde_json::json!({"title": "Carnet", "baseurl": "/blog", "url": "https://carnet.example.org"})
    }

    fn baseurl(&self) -> String {
        "/blog".into()
    }
}

/// Renders a post body (front matter added) with the fake site.
pub fn render(body: &str) -> Rendered {
    render_with(body, &RenderOptions::default())
}

/// Renders with options.
pub fn render_with(body: &str, options: &RenderOptions) -> Rendered {
    let source = format!("---\ntitle: Jour 1\n---\n{body}");
    let page = serde_json::json!({"title": "Jour 1", "tags": ["cloud", "conf"], "url": "/blog/2023/04/18/jour-1.html"});
    render_source(&source, &page, &FakeSite, options)
}
