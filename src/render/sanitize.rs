//! The preview is untrusted: whatever a post contains, the HTML we hand out has no script,
//! no event handler, no `javascript:` URL, no iframe or object, and no SVG but the icon
//! subset a theme's page may draw (ammonia's allowlist).
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
/// microdata, `aria-label`, `hidden`) and the inline SVG icons themes draw (see
/// [`allow_svg_icons`]). A `<use>` pointing at a file of the site or theme (as the gate's
/// [`resolve_url`] reads it under `baseurl`) is pointed at the asset scheme; a same-document
/// `#id` stays; any other reference is dropped.
pub(crate) fn sanitize_page_html(html: &str, baseurl: &str) -> String {
    let baseurl = baseurl.to_string();
    let mut b = ammonia::Builder::default();
    configure(&mut b)
        .add_tags(["main", "label"])
        .add_generic_attributes(["aria-label", "hidden", "itemprop", "itemscope", "itemtype"])
        .add_tag_attributes("time", ["datetime"])
        .add_tag_attributes("label", ["for"]);
    allow_svg_icons(&mut b).attribute_filter(move |element, attribute, value| {
        if element == "use" && attribute == "href" {
            return svg_use_href(value, &baseurl).map(Cow::Owned);
        }
        Some(Cow::Borrowed(value))
    });
    b.clean(&limit_html_depth(html, MAX_HTML_DEPTH)).to_string()
}

/// The SVG subset of icons: `svg`, `g`, `path`, `title` and `use`, with geometry and paint
/// attributes only. No `script`, `foreignObject`, `style`, animation or event handler is on
/// the list, so ammonia drops them; `use`'s reference is filtered by [`svg_use_href`].
fn allow_svg_icons<'b, 'a>(b: &'b mut ammonia::Builder<'a>) -> &'b mut ammonia::Builder<'a> {
    const PAINT: [&str; 10] = [
        "fill",
        "fill-rule",
        "clip-rule",
        "fill-opacity",
        "stroke",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "opacity",
    ];
    b.add_tags(["svg", "g", "path", "title", "use"])
        .add_tag_attributes(
            "svg",
            [
                "viewbox",
                "viewBox",
                "width",
                "height",
                "aria-hidden",
                "focusable",
            ],
        )
        .add_tag_attributes("svg", PAINT)
        .add_tag_attributes("g", PAINT)
        .add_tag_attributes("g", ["transform"])
        .add_tag_attributes("path", PAINT)
        .add_tag_attributes("path", ["d", "transform"])
        .add_tag_attributes("use", ["href", "x", "y", "width", "height"])
}

/// Where a theme's `<use href>` may point: `#id` in the page itself, or a file of the site
/// (and theme) under `baseurl`, as its asset-scheme URL with the fragment kept. Another
/// site's file, a `data:` URL or anything unresolvable is `None` (the attribute is dropped).
fn svg_use_href(value: &str, baseurl: &str) -> Option<String> {
    let value = value.trim();
    if let Some(id) = value.strip_prefix('#') {
        return (!id.is_empty()).then(|| value.to_string());
    }
    let path = resolve_url(value, baseurl, "/")?;
    let fragment = value.split_once('#').map_or("", |(_, f)| f);
    let id: String = fragment
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    Some(if id.is_empty() {
        path.asset_url()
    } else {
        format!("{}#{id}", path.asset_url())
    })
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
            "",
        );
        assert_eq!(
            out,
            "<main class=\"page\" aria-label=\"Content\"><a href=\"/about/\">About</a></main>"
        );
    }

    #[test]
    fn page_bodies_keep_svg_icons_with_site_references_on_the_asset_scheme() {
        let icon = "<a href=\"https://github.com/x\"><svg class=\"svg-icon\" viewBox=\"0 0 16 16\"><title>GitHub</title><use xlink:href=\"/blog/assets/minima-social-icons.svg#github\"></use><g fill-rule=\"evenodd\"><path d=\"M8 0C3.58 0 0 3.58 0 8\"></path></g><use href=\"#local\"></use></svg></a>";
        let out = sanitize_page_html(icon, "/blog");
        assert_eq!(
            out,
            "<a href=\"https://github.com/x\"><svg class=\"svg-icon\" viewBox=\"0 0 16 16\"><title>GitHub</title><use xlink:href=\"lanyard-asset://localhost/assets/minima-social-icons.svg#github\"></use><g fill-rule=\"evenodd\"><path d=\"M8 0C3.58 0 0 3.58 0 8\"></path></g><use href=\"#local\"></use></svg></a>"
        );
    }

    #[test]
    fn page_bodies_clean_hostile_svg() {
        let hostile = "<svg onload=\"alert(1)\" class=\"svg-icon\"><script>alert(2)</script>\
            <foreignObject><iframe src=\"https://evil.example\"></iframe><p onclick=\"x()\">f</p></foreignObject>\
            <use xlink:href=\"https://evil.example/sprite.svg#a\"></use>\
            <use href=\"javascript:alert(3)\"></use>\
            <use href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x\"></use>\
            <use href=\"//evil.example/s.svg#b\"></use>\
            <a xlink:href=\"javascript:alert(4)\"><path d=\"M0 0\" onmouseover=\"alert(5)\" style=\"fill:url(https://evil.example/)\"></path></a>\
            <animate attributeName=\"href\" to=\"javascript:alert(6)\"></animate><set attributeName=\"onclick\" to=\"alert(7)\"></set>\
            <image href=\"https://evil.example/i.png\"></image><style>*{background:url(https://evil.example)}</style></svg>";
        let out = sanitize_page_html(hostile, "");
        let lower = out.to_lowercase();
        for banned in [
            "script",
            "alert",
            "onload",
            "onclick",
            "onmouseover",
            "foreignobject",
            "iframe",
            "evil",
            "javascript",
            "data:",
            "animate",
            "<set",
            "<image",
            "<style",
            "style=",
        ] {
            assert!(!lower.contains(banned), "{banned} survived: {out}");
        }
        assert!(out.contains("<svg class=\"svg-icon\">"), "{out}");
        assert!(out.contains("<path d=\"M0 0\"></path>"), "{out}");
    }

    #[test]
    fn the_post_preview_still_drops_svg() {
        let out = sanitize_preview_html(
            "<svg><use href=\"/a.svg#x\"></use><path d=\"M0 0\"></path></svg>",
            String::new(),
            "/".into(),
        );
        assert!(!out.contains("svg") && !out.contains("path"), "{out}");
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
