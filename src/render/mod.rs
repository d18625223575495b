//! Rendering a post's body to the HTML fragment Jekyll (kramdown, GFM input) would produce,
//! sanitized, with problems (missing `post_url` targets, missing images, Liquid we cannot run)
//! flagged both in the HTML and as a list.

mod context;
pub(crate) mod liquid;
pub(crate) mod markdown;
mod sanitize;

pub use context::{PostTarget, SiteContext};
pub(crate) use sanitize::sanitize_page_html;

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
///
/// The pipeline is Jekyll's: Liquid first ([`liquid`]), then Markdown shaped like kramdown's
/// output ([`markdown`]), then sanitizing ([`sanitize`]). It never fails: what it cannot do is
/// shown in the HTML and listed in [`Rendered::problems`].
pub fn render_source(
    source: &str,
    page: &serde_json::Value,
    site: &dyn SiteContext,
    options: &RenderOptions,
) -> Rendered {
    let split = split_front_matter(source);
    let (mut expanded, liquid_problems) =
        liquid::expand_liquid(split.body, split.body_start, page, site);
    let mut stash = std::mem::take(&mut expanded.stash);
    let line_starts = line_starts(source);
    let line_of = |offset: usize| line_at(&line_starts, expanded.source_offset(offset));
    let site_vars = site.site_vars();
    let kramdown = site_vars.get("kramdown");
    let input = markdown::MarkdownInput {
        site,
        page_dir: page_dir(page),
        line_of: options
            .source_lines
            .then_some(&line_of as &dyn Fn(usize) -> usize),
        code_line_numbers: kramdown
            .and_then(|k| k.pointer("/syntax_highlighter_opts/block/line_numbers"))
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false),
        footnote_backlink: kramdown
            .and_then(|k| k.get("footnote_backlink"))
            .and_then(serde_json::Value::as_str)
            .unwrap_or("&#8617;")
            .to_string(),
        inside_html: false,
    };
    let (html, markdown_problems) = markdown::render_markdown(&expanded.text, &input, &mut stash);
    let html = sanitize::sanitize_html(&liquid::unstash(&html, &stash));
    let mut problems: Vec<RenderProblem> = liquid_problems
        .into_iter()
        .map(|p| RenderProblem {
            line: line_at(&line_starts, p.offset),
            kind: p.kind,
            message: p.message,
        })
        .chain(markdown_problems.into_iter().map(|p| RenderProblem {
            line: line_of(p.offset),
            kind: p.kind,
            message: p.message,
        }))
        .collect();
    problems.sort_by_key(|p| p.line);
    Rendered { html, problems }
}

/// Byte offsets where each line of `source` starts.
fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The 1-based line holding byte `offset`.
fn line_at(line_starts: &[usize], offset: usize) -> usize {
    line_starts.partition_point(|&start| start <= offset).max(1)
}

/// The directory of the page's URL (`/2023/04/19/` for `/2023/04/19/x.html`), `/` if unknown.
fn page_dir(page: &serde_json::Value) -> String {
    match page.get("url").and_then(serde_json::Value::as_str) {
        Some(url) => url
            .rsplit_once('/')
            .map_or("/".to_string(), |(dir, _)| format!("{dir}/")),
        None => "/".to_string(),
    }
}
