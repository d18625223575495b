//! Rendering a post's body to the HTML fragment Jekyll (kramdown, GFM input) would produce,
//! sanitized, with problems (missing `post_url` targets, missing images, Liquid we cannot run)
//! flagged both in the HTML and as a list.

mod context;
pub mod highlight;
mod html_depth;
mod html_images;
pub(crate) mod liquid;
pub(crate) mod markdown;
mod sanitize;
mod source_map;

pub use context::{PostTarget, SiteContext};
pub use markdown::HeadingId;
pub(crate) use markdown::IdCounter;
pub(crate) use sanitize::sanitize_page_html;

use crate::front_matter::split_front_matter;
use crate::site::gate::SitePath;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Add `data-line="N"` (1-based source line in the whole file) to block elements, for the
    /// editor/preview scroll sync. Off for `lanyard render`.
    pub source_lines: bool,
    /// For the desktop preview: every local image's `src` (Markdown or HTML) points at the
    /// file the gate resolves it to, served by the `lanyard-asset:` scheme
    /// ([`crate::site::gate::SitePath::asset_url`]), and Markdown images keep the URL as
    /// written in `data-site-src`. The UI uses both verbatim. Off for `lanyard render`.
    pub asset_urls: bool,
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
    /// A width of a responsive image (a `srcset` candidate of raw HTML `<img>` or
    /// `<source>`) that is not in the site: `check` reports it as an error, since only some
    /// screens ask for it and nobody previewing notices.
    MissingImageWidth,
    /// A Liquid tag or output Lanyard cannot run (plugin tag, missing include).
    UnsupportedLiquid,
    /// The post hit a rendering budget (Liquid output, loops, nesting or work): rendering
    /// stopped there, and what came before is shown with the error after it.
    BudgetExceeded,
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

/// A local image a post shows (Markdown `![](...)`, and `src`/`srcset` of raw HTML `<img>`
/// and `<source>`, Liquid expanded): the renderer's scan, which `check` and publish use
/// instead of scanning the text again.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LocalImage {
    /// 1-based line in the whole file.
    pub line: usize,
    /// The URL as written (after Liquid).
    pub url: String,
    /// The site file it names, as the gate resolves it (`assets/images/a b.png`).
    #[serde(serialize_with = "serialize_site_path")]
    pub path: SitePath,
}

fn serialize_site_path<S: serde::Serializer>(path: &SitePath, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(path.as_str())
}

/// A rendered post body.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Rendered {
    /// Sanitized HTML fragment.
    pub html: String,
    /// Problems found, in source order.
    pub problems: Vec<RenderProblem>,
    /// Local images of the body, in source order.
    pub images: Vec<LocalImage>,
    /// The ids of the body's Markdown headings, in order (not those inside `markdown="1"`
    /// HTML elements, which are numbered within their element).
    pub headings: Vec<HeadingId>,
}

impl Rendered {
    /// The budget the render ran out of, if any: the HTML is then cut where it stopped.
    pub fn budget_exceeded(&self) -> Option<&RenderProblem> {
        self.problems
            .iter()
            .find(|p| p.kind == ProblemKind::BudgetExceeded)
    }

    /// This render, or an [`crate::Error::BudgetExceeded`] naming `path` and the line when it
    /// ran out of a budget: for callers that must not use a cut render (`lanyard render`).
    pub fn complete(self, path: &std::path::Path) -> crate::Result<Rendered> {
        match self.budget_exceeded() {
            Some(p) => Err(crate::Error::BudgetExceeded {
                path: path.to_path_buf(),
                line: p.line,
                message: p.message.clone(),
            }),
            None => Ok(self),
        }
    }
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
    let stopped = liquid_problems
        .iter()
        .find(|p| p.kind == ProblemKind::BudgetExceeded);
    if stopped.is_some() {
        // A cut render only shows where it stopped: Markdown need not read megabytes first.
        let mut cut = expanded.text.len().min(SHOWN_WHEN_STOPPED);
        while !expanded.text.is_char_boundary(cut) {
            cut -= 1;
        }
        expanded.text.truncate(cut);
    }
    let mut stash = std::mem::take(&mut expanded.stash);
    let line_starts = line_starts(source);
    let line_of = |offset: usize| line_at(&line_starts, offset);
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
        html_depth: 0,
        keep_site_src: options.asset_urls,
    };
    let (mut html, markdown_problems, images, headings) =
        markdown::render_markdown(&expanded.text, &input, &mut stash, &expanded.map);
    // Raw HTML `<img>`/`<source>` are read in Liquid's output; the map takes them to the file.
    let html_images = html_images::scan_html_images(&expanded.text, site, &input.page_dir);
    let mut html_image_problems = Vec::new();
    let mut images: Vec<LocalImage> = images
        .into_iter()
        .map(|i| LocalImage {
            line: line_of(i.offset),
            url: i.url,
            path: i.path,
        })
        .collect();
    for image in html_images {
        let line = line_of(expanded.map.source_offset(image.offset));
        if let Some(message) = image.problem {
            html_image_problems.push(RenderProblem {
                line,
                kind: if image.width {
                    ProblemKind::MissingImageWidth
                } else {
                    ProblemKind::MissingImage
                },
                message,
            });
        }
        images.push(LocalImage {
            line,
            url: image.url,
            path: image.path,
        });
    }
    images.sort_by_key(|i| i.line);
    // A render cut by a budget ends with the reason, where the preview shows it.
    if let Some(stop) = stopped {
        html.push_str(&budget_block(
            line_at(&line_starts, stop.offset),
            &stop.message,
        ));
    }
    let html = if options.asset_urls {
        sanitize::sanitize_preview_html(&html, site.baseurl(), input.page_dir.clone())
    } else {
        sanitize::sanitize_html(&html)
    };
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
        .chain(html_image_problems)
        .collect();
    problems.sort_by_key(|p| p.line);
    Rendered {
        html,
        problems,
        images,
        headings,
    }
}

/// How much of the Liquid output a render cut by a budget still shows, in bytes.
const SHOWN_WHEN_STOPPED: usize = 256 << 10;

/// The error block closing a render cut by a budget.
fn budget_block(line: usize, message: &str) -> String {
    format!(
        "\n<div class=\"lanyard-liquid lanyard-budget\">Line {line}: {}</div>\n",
        markdown::escape_attr(message)
    )
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
