//! Finding what `check` looks at in a post's source, with its line: `{% post_url %}` tags (as
//! Liquid sees them, before Markdown: also inside code blocks, but not inside `{% raw %}` or
//! `{% comment %}`), and local images of the Markdown body.

use pulldown_cmark::{Event, Parser, Tag};

/// A `{% post_url NAME %}` tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostUrlTag {
    /// 1-based line in the file.
    pub line: usize,
    /// The argument, trimmed.
    pub name: String,
}

/// Every `{% post_url %}` Liquid would run in `source`.
pub fn find_post_url_tags(source: &str) -> Vec<PostUrlTag> {
    find_post_url_spans(source)
        .into_iter()
        .map(|span| PostUrlTag {
            line: span.line,
            name: source[span.name].to_string(),
        })
        .collect()
}

/// A `{% post_url NAME %}` tag located by bytes, for rewriting its argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostUrlSpan {
    /// 1-based line in the file.
    pub line: usize,
    /// Byte range of the argument (trimmed) in the source.
    pub name: std::ops::Range<usize>,
}

/// [`find_post_url_tags`] with the byte range of each argument.
pub fn find_post_url_spans(source: &str) -> Vec<PostUrlSpan> {
    let mut found = Vec::new();
    let mut skip_until: Option<&str> = None;
    let mut rest = 0;
    while let Some(open) = source[rest..].find("{%") {
        let start = rest + open;
        let Some(close) = source[start + 2..].find("%}") else {
            break;
        };
        let end = start + 2 + close + 2;
        let inner =
            source[start + 2..end - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let (tag, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        rest = end;
        if let Some(closing) = skip_until {
            if tag == closing {
                skip_until = None;
            }
            continue;
        }
        match tag {
            "raw" => skip_until = Some("endraw"),
            "comment" => skip_until = Some("endcomment"),
            "post_url" => {
                let arg = args.trim();
                // `args` and `arg` borrow from `source`: their offsets are pointer distances.
                let from = arg.as_ptr() as usize - source.as_ptr() as usize;
                found.push(PostUrlSpan {
                    line: line_of(source, start),
                    name: from..from + arg.len(),
                });
            }
            _ => {}
        }
    }
    found
}

/// A Markdown image whose URL is a site path (`/assets/x.jpg`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalImage {
    /// 1-based line in the file.
    pub line: usize,
    /// The URL as written.
    pub url: String,
}

/// Images of the Markdown `body` (starting at line `body_line`) that point into the site.
pub fn find_local_images(body: &str, body_line: usize) -> Vec<LocalImage> {
    Parser::new(body)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Image { dest_url, .. }) if is_site_path(&dest_url) => {
                Some(LocalImage {
                    line: body_line + body[..range.start].matches('\n').count(),
                    url: dest_url.to_string(),
                })
            }
            _ => None,
        })
        .collect()
}

/// `/assets/x.png` is a site path; `//cdn/x.png`, `https://...`, `data:` and Liquid are not.
fn is_site_path(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//") && !url.contains("{{")
}

fn line_of(source: &str, offset: usize) -> usize {
    1 + source[..offset].matches('\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_post_url_tags_with_lines_even_in_code_blocks() {
        let src = "---\n---\nSee {% post_url 2023-04-19-a %}.\n```\n{%- post_url sub/2023-04-20-b -%}\n```\n";
        let tags = find_post_url_tags(src);
        assert_eq!(
            tags,
            [
                PostUrlTag {
                    line: 3,
                    name: "2023-04-19-a".into()
                },
                PostUrlTag {
                    line: 5,
                    name: "sub/2023-04-20-b".into()
                },
            ]
        );
    }

    #[test]
    fn skips_post_url_inside_raw_and_comment() {
        let src =
            "{% raw %}{% post_url x %}{% endraw %}\n{% comment %}{% post_url y %}{% endcomment %}";
        assert!(find_post_url_tags(src).is_empty());
    }

    #[test]
    fn finds_local_images_only() {
        let body = "![a](/assets/a.png)\n\n![b](https://x.org/b.png)\n\n![c](//cdn/c.png)\n";
        let images = find_local_images(body, 4);
        assert_eq!(
            images,
            [LocalImage {
                line: 4,
                url: "/assets/a.png".into()
            }]
        );
    }
}
