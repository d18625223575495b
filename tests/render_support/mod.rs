//! A fake blog for the renderer's integration tests: no disk, fixed posts, files and includes.

use std::path::PathBuf;

use lanyard::render::{render_source, PostTarget, RenderOptions, Rendered, SiteContext};

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

    fn site_file_exists(&self, url_path: &str) -> bool {
        url_path == "/assets/images/present.jpg"
    }

    fn include(&self, name: &str) -> Option<String> {
        match name {
            "talk.html" => Some(
                "<div class=\"talk\" markdown=\"1\">\n**{{ include.title }}**, {{ include.speaker }}\n</div>\n".into(),
            ),
            "note.html" => Some("<aside>{% if include.kind %}{{ include.kind }}: {% endif %}{{ include.text }}</aside>\n".into()),
            _ => None,
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
