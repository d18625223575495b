//! The preview is untrusted: whatever a post contains, the HTML we hand out has no script,
//! no event handler, no `javascript:` URL, no iframe, object or SVG (ammonia's allowlist).
//! What the preview needs survives: ids and classes (heading anchors, footnotes, rouge's
//! wrappers and its token `<span class="k">`s, the `lanyard-*` flags), `data-line`, footnote
//! `rel`/`role`, table alignment, comments (`<!--more-->`), responsive images (`<picture>`,
//! `srcset`, `sizes`). For the preview, local image URLs are pointed at the desktop's asset
//! scheme here, on every `<img>` whether Markdown or HTML wrote it, and on each candidate of
//! the `srcset` of `<img>` and `<source>`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use super::html_depth::{limit_html_depth, MAX_HTML_DEPTH};
use super::html_images::map_srcset;
use crate::site::gate::resolve_url;

/// Sanitizes an HTML fragment (nested no deeper than [`MAX_HTML_DEPTH`], so that parsing it
/// stays linear).
pub(crate) fn sanitize_html(html: &str) -> String {
    builder()
        .clean(&limit_html_depth(html, MAX_HTML_DEPTH))
        .to_string()
}

/// Sanitizes an HTML fragment for the preview: each `<img src>` naming a file of the site (as
/// the gate's [`resolve_url`] reads it, with the site's `baseurl` and the post's URL folder
/// `page_dir`) becomes that file's `lanyard-asset:` URL; other URLs are left as they are.
pub(crate) fn sanitize_preview_html(html: &str, baseurl: String, page_dir: String) -> String {
    let mut b = ammonia::Builder::default();
    configure(&mut b).attribute_filter(move |element, attribute, value| {
        if element == "img" && attribute == "src" {
            if let Some(path) = resolve_url(value, &baseurl, &page_dir) {
                return Some(Cow::Owned(path.asset_url()));
            }
        }
        if matches!(element, "img" | "source") && attribute == "srcset" {
            let mapped = map_srcset(value, |url| {
                resolve_url(url, &baseurl, &page_dir).map(|path| path.asset_url())
            });
            return Some(Cow::Owned(mapped));
        }
        Some(Cow::Borrowed(value))
    });
    b.clean(&limit_html_depth(html, MAX_HTML_DEPTH)).to_string()
}

/// Sanitizes the body of a theme's page (header, navigation, footer around the post) with
/// the same rules, plus the page-level tags and attributes themes write (`main`, `label`,
/// microdata, `aria-label`, `hidden`).
pub(crate) fn sanitize_page_html(html: &str) -> String {
    static PAGE: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    PAGE.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        configure(&mut b)
            .add_tags(["main", "label"])
            .add_generic_attributes(["aria-label", "hidden", "itemprop", "itemscope", "itemtype"])
            .add_tag_attributes("time", ["datetime"])
            .add_tag_attributes("label", ["for"]);
        b
    })
    .clean(&limit_html_depth(html, MAX_HTML_DEPTH))
    .to_string()
}

/// The sanitizer, built once.
fn builder() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        configure(&mut b);
        b
    })
}

/// The allowlist both sanitizers share.
fn configure<'b, 'a>(b: &'b mut ammonia::Builder<'a>) -> &'b mut ammonia::Builder<'a> {
    b.add_generic_attributes(["id", "class", "data-line", "role", "title", "lang", "dir"])
        .add_tag_attributes("a", ["rel", "target", "name"])
        .add_tag_attributes("img", ["loading", "data-site-src", "srcset", "sizes"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("code", ["data-lang"])
        .add_tag_attributes("ol", ["start", "type"])
        .add_tags(["input", "source", "video", "audio", "picture"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("video", ["src", "controls", "width", "height", "poster"])
        .add_tag_attributes("audio", ["src", "controls"])
        .add_tag_attributes("source", ["src", "type", "srcset", "sizes"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .link_rel(None)
        .strip_comments(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_local_images_of_the_preview_at_the_asset_scheme() {
        let out = sanitize_preview_html(
            "<p><img src=\"img%20a.png\"><img src=\"/blog/assets/b.png?v=1\"><img src=\"https://x.org/c.png\"></p>",
            "/blog".into(),
            "/2023/04/19/".into(),
        );
        assert!(
            out.contains("src=\"lanyard-asset://localhost/2023/04/19/img%20a.png\""),
            "{out}"
        );
        assert!(
            out.contains("src=\"lanyard-asset://localhost/assets/b.png\""),
            "{out}"
        );
        assert!(out.contains("src=\"https://x.org/c.png\""), "{out}");
    }

    #[test]
    fn points_each_srcset_candidate_of_the_preview_at_the_asset_scheme() {
        let out = sanitize_preview_html(
            "<picture><source type=\"image/webp\" srcset=\"/assets/a-800.webp 800w, /blog/assets/a-1600.webp 1600w\" sizes=\"100vw\"><img src=\"/assets/a-1600.jpg\" srcset=\"/assets/a-800.jpg 800w, https://x.org/b.jpg 1600w\" sizes=\"100vw\" alt=\"a\"></picture>",
            "/blog".into(),
            "/".into(),
        );
        assert!(out.starts_with("<picture><source type=\"image/webp\" srcset=\"lanyard-asset://localhost/assets/a-800.webp 800w, lanyard-asset://localhost/assets/a-1600.webp 1600w\" sizes=\"100vw\">"), "{out}");
        assert!(
            out.contains("srcset=\"lanyard-asset://localhost/assets/a-800.jpg 800w, https://x.org/b.jpg 1600w\""),
            "{out}"
        );
    }

    #[test]
    fn removes_scripts_and_event_handlers() {
        let out = sanitize_html(
            "<p onclick=\"x()\">a<script>alert(1)</script></p><img src=x onerror=alert(1)>",
        );
        assert!(!out.contains("script") && !out.contains("onclick") && !out.contains("onerror"));
    }

    #[test]
    fn page_bodies_keep_landmarks_and_lose_scripts() {
        let out = sanitize_page_html(
            "<main class=\"page\" aria-label=\"Content\"><a href=\"/about/\" onclick=\"x()\">About</a><script>x()</script></main>",
        );
        assert_eq!(
            out,
            "<main class=\"page\" aria-label=\"Content\"><a href=\"/about/\">About</a></main>"
        );
    }

    #[test]
    fn removes_javascript_urls() {
        let out = sanitize_html(
            "<a href=\"javascript:alert(1)\">x</a><a href=\"JaVaScRiPt:alert(1)\">y</a>",
        );
        assert!(!out.to_lowercase().contains("javascript"));
    }

    #[test]
    fn keeps_footnote_attributes_ids_and_data_lines() {
        let html = "<p data-line=\"3\"><sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup></p>";
        assert_eq!(sanitize_html(html), html);
    }

    #[test]
    fn keeps_text_alignment_only() {
        let out = sanitize_html("<table><tbody><tr><td style=\"text-align: right; background: url(x)\">1</td></tr></tbody></table>");
        assert!(
            out.contains("text-align:right") && !out.contains("background"),
            "{out}"
        );
    }

    #[test]
    fn keeps_rouge_token_spans() {
        let html = "<div class=\"language-yaml highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"na\">a</span><span class=\"pi\">:</span> <span class=\"s\">b</span>\n</code></pre></div></div>";
        assert_eq!(sanitize_html(html), html);
    }

    #[test]
    fn keeps_the_more_comment() {
        assert_eq!(
            sanitize_html("<p>a</p><!--more--><p>b</p>"),
            "<p>a</p><!--more--><p>b</p>"
        );
    }
}
