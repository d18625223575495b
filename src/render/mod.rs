//! Rendering a post's body to the HTML fragment Jekyll (kramdown, GFM input) would produce,
//! sanitized, with problems (missing `post_url` targets, missing images, Liquid we cannot run)
//! flagged both in the HTML and as a list.

mod context;

pub use context::{PostTarget, SiteContext};

use crate::front_matter::split_front_matter;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Add `data-line="N"` (1-based source line in the whole file) to block elements, for the
    /// editor/preview scroll sync. Off for `lanyard render`.
    pub source_lines: bool,
}

/// What a render found wrong; also marked in the HTML with a `lanyard-*` class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// `{% post_url X %}` where no post is named X (fails a Jekyll build).
    MissingPostUrl,
    /// `{% post_url X %}` where X is not published (fails a Jekyll build).
    UnpublishedPostUrl,
    /// `{% post_url X %}` where X is dated in the future (fails a Jekyll build).
    FuturePostUrl,
    /// A local image (`/assets/...`) that is not in the site.
    MissingImage,
    /// A Liquid tag or output Lanyard cannot run (plugin tag, missing include).
    UnsupportedLiquid,
}

/// One problem, located in the source file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RenderProblem {
    /// 1-based line in the whole file (front matter included).
    pub line: usize,
    /// What kind of problem.
    pub kind: ProblemKind,
    /// A sentence for the user, naming the target.
    pub message: String,
}

/// A rendered post body.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Rendered {
    /// Sanitized HTML fragment.
    pub html: String,
    /// Problems found, in source order.
    pub problems: Vec<RenderProblem>,
}

/// Renders a whole post file's text (front matter included; it is skipped) to HTML.
/// `page` holds the parsed front matter (the `page` Liquid variables).
pub fn render_source(
    source: &str,
    page: &serde_json::Value,
    site: &dyn SiteContext,
    options: &RenderOptions,
) -> Rendered {
    // Placeholder until the kramdown-faithful pipeline lands: plain CommonMark.
    let _ = (page, site, options);
    let split = split_front_matter(source);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(split.body));
    Rendered { html, problems: Vec::new() }
}
