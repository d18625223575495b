//! Local images named by raw HTML in a post: `<img src srcset>` and `<source srcset>` (the
//! responsive markup a photo import writes, or the author's own). The Markdown pass sees
//! only `![](...)`; this scan gives `check` and publish the other files a post shows, each
//! srcset candidate included, so a missing width is an error naming its line and publish
//! copies every variant. The srcset grammar ([`srcset_urls`]) is also what the preview's
//! sanitizer uses to point each candidate at the asset scheme.

use std::collections::HashMap;

use pulldown_cmark::{Event, Options, Parser};

use super::SiteContext;
use crate::site::gate::{resolve_url, SitePath};

/// A local image of raw HTML, found at byte `offset` of the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HtmlImage {
    /// Byte offset of the URL in the scanned text.
    pub offset: usize,
    /// The URL as written.
    pub url: String,
    /// The site file it names.
    pub path: SitePath,
    /// Why the site cannot show it (not there, refused by the gate), if it cannot.
    pub problem: Option<String>,
    /// A candidate of a `srcset`: one width of a responsive image. A missing width is an
    /// error of `check` (the browser picks it on some screens only, so nobody sees it go).
    pub width: bool,
}

/// Scans the raw HTML of `text` (Markdown after Liquid; code spans and blocks are not HTML
/// and are skipped) for local image URLs, checking each against the site.
pub(crate) fn scan_html_images(
    text: &str,
    site: &dyn SiteContext,
    page_dir: &str,
) -> Vec<HtmlImage> {
    if !has_image_tag(text) {
        return Vec::new(); // most posts: no second parse
    }
    let baseurl = site.baseurl();
    let mut images: Vec<HtmlImage> = Vec::new();
    // Only where raw HTML is matters here: the extensions kramdown adds change no code span.
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
    for (event, range) in parser {
        if !matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            continue;
        }
        let Some(html) = text.get(range.clone()) else {
            continue;
        };
        // Index in `images` of each URL of this piece of HTML (a `<picture>` block, a tag):
        // linear however many tags it holds. The same file again in another piece is
        // another finding on its own line, as a Markdown image is, and as the preview finds
        // it when it renders the post segment by segment.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (at, url, width) in image_urls(html) {
            if let Some(&i) = seen.get(url) {
                // The same file twice in one piece (an `<img>`'s src is its largest width):
                // one finding.
                images[i].width |= width;
                continue;
            }
            let Some(path) = resolve_url(url, &baseurl, page_dir) else {
                continue;
            };
            seen.insert(url, images.len());
            images.push(HtmlImage {
                offset: range.start + at,
                url: url.to_string(),
                path,
                problem: None,
                width,
            });
        }
    }
    for image in &mut images {
        let url = &image.url;
        let what = if image.width {
            "width of a responsive image"
        } else {
            "image"
        };
        image.problem = site.check_site_file(&image.path).err().map(|e| {
            if e.kind() == "not_found" {
                format!("{what} `{url}` is not in the site")
            } else {
                format!("{what} `{url}`: {e}")
            }
        });
    }
    images
}

/// Whether `text` has `<img` or `<source` in any case.
fn has_image_tag(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        let rest = text.as_bytes().get(at + 1..).unwrap_or_default();
        let starts =
            |name: &[u8]| rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name);
        starts(b"img") || starts(b"source")
    })
}

/// The image URLs of the `<img>` and `<source>` tags in `html`, with their byte offsets:
/// `src` of `<img>`, every candidate of `srcset` of both (those marked `true`).
fn image_urls(html: &str) -> Vec<(usize, &str, bool)> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find('<') {
        let start = from + found + 1;
        from = start;
        let name_end = lower[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(lower.len(), |e| start + e);
        let name = &lower[start..name_end];
        if name != "img" && name != "source" {
            continue;
        }
        let (attrs, end) = attributes(html, name_end);
        // The next tag starts after this one: a quoted `<` is no tag, and the scan is linear.
        from = end;
        for (attr, value_at, value) in attrs {
            match attr.to_ascii_lowercase().as_str() {
                "src" if name == "img" => out.push((value_at, value.trim(), false)),
                "srcset" => out.extend(
                    srcset_urls(value)
                        .into_iter()
                        .map(|(at, url)| (value_at + at, url, true)),
                ),
                _ => {}
            }
        }
    }
    out
}

/// The attributes of the tag whose name ends at byte `at` of `html`: (name, offset of the
/// value, value), up to the closing `>`; and where the tag ends (after its `>`, or the end of
/// `html` when a quote is never closed: the rest is that attribute's value to a browser).
fn attributes(html: &str, mut at: usize) -> (Vec<(&str, usize, &str)>, usize) {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        if at >= bytes.len() {
            return (out, bytes.len());
        }
        if bytes[at] == b'>' {
            return (out, at + 1);
        }
        let name_start = at;
        while at < bytes.len()
            && !matches!(bytes[at], b'=' | b'>' | b'/')
            && !bytes[at].is_ascii_whitespace()
        {
            at += 1;
        }
        let name = &html[name_start..at];
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if at >= bytes.len() || bytes[at] != b'=' {
            continue; // an attribute without value
        }
        at += 1;
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let (value_start, value_end, next) = match bytes.get(at) {
            Some(&q @ (b'"' | b'\'')) => match html[at + 1..].find(q as char) {
                Some(len) => (at + 1, at + 1 + len, at + 2 + len),
                None => return (out, bytes.len()), // unclosed quote: not a tag a browser reads
            },
            _ => {
                let end = html[at..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map_or(html.len(), |e| at + e);
                (at, end, end)
            }
        };
        out.push((name, value_start, &html[value_start..value_end]));
        at = next;
    }
}

/// The URLs of a `srcset` value, with their byte offsets in it, as the HTML standard splits
/// candidates: a URL runs to the next whitespace (trailing commas are separators), then its
/// descriptors (`800w`, `2x`) run to the next comma.
pub(crate) fn srcset_urls(srcset: &str) -> Vec<(usize, &str)> {
    let bytes = srcset.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b',') {
            at += 1;
        }
        if at >= bytes.len() {
            break;
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let url = srcset[start..at].trim_end_matches(',');
        let ended_by_comma = url.len() < at - start;
        if !url.is_empty() {
            out.push((start, url));
        }
        if !ended_by_comma {
            let mut depth = 0usize;
            while at < bytes.len() {
                match bytes[at] {
                    b'(' => depth += 1,
                    b')' => depth = depth.saturating_sub(1),
                    b',' if depth == 0 => break,
                    _ => {}
                }
                at += 1;
            }
        }
    }
    out
}

/// `srcset` with each URL replaced by `map(url)` (descriptors and separators kept).
pub(crate) fn map_srcset(srcset: &str, map: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut copied = 0;
    for (at, url) in srcset_urls(srcset) {
        if let Some(new) = map(url) {
            out.push_str(&srcset[copied..at]);
            out.push_str(&new);
            copied = at + url.len();
        }
    }
    out.push_str(&srcset[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_srcset_candidates_as_the_standard_does() {
        let urls: Vec<&str> =
            srcset_urls(" a-800.webp 800w,a-1600.webp 1600w , b.jpg, c.jpg 2x,d,e.jpg, f.jpg,")
                .into_iter()
                .map(|(_, u)| u)
                .collect();
        // A comma inside a URL is part of it (`d,e.jpg`); only trailing commas separate.
        assert_eq!(
            urls,
            [
                "a-800.webp",
                "a-1600.webp",
                "b.jpg",
                "c.jpg",
                "d,e.jpg",
                "f.jpg"
            ]
        );
        assert!(srcset_urls(" , ").is_empty());
    }

    #[test]
    fn maps_each_url_and_keeps_descriptors() {
        let out = map_srcset("/a-800.webp 800w, https://x.org/b.jpg 2x, /c.jpg", |u| {
            u.starts_with('/').then(|| format!("X{u}"))
        });
        assert_eq!(out, "X/a-800.webp 800w, https://x.org/b.jpg 2x, X/c.jpg");
    }

    #[test]
    fn reads_a_tag_to_its_end_and_stops_at_an_unclosed_quote() {
        let html =
            "<img alt=\"<img src=/no.jpg>\" src=/a.jpg><img alt=\"x src=/b.jpg><img src=/c.jpg>";
        let urls: Vec<&str> = image_urls(html).iter().map(|&(_, u, _)| u).collect();
        assert_eq!(urls, ["/a.jpg"]);
    }

    #[test]
    fn finds_img_and_source_urls_with_their_offsets() {
        let html = "<picture><SOURCE type=\"image/webp\" srcset=\"/a-800.webp 800w, /a-1600.webp 1600w\"><img src='/a.jpg' alt=x srcset=/a-800.jpg></picture><video><source src=\"v.mp4\"></video>";
        let found = image_urls(html);
        let urls: Vec<(&str, bool)> = found.iter().map(|&(_, u, w)| (u, w)).collect();
        assert_eq!(
            urls,
            [
                ("/a-800.webp", true),
                ("/a-1600.webp", true),
                ("/a.jpg", false),
                ("/a-800.jpg", true)
            ]
        );
        for (at, url, _) in found {
            assert_eq!(&html[at..at + url.len()], url);
        }
    }
}
