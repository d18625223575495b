//! Finding `{% post_url %}` tags in a post's source, with their line, as Liquid sees them
//! (before Markdown: also inside code blocks, but not inside `{% raw %}` or `{% comment %}`).
//! Images are not scanned here: `check` and publish use the renderer's list
//! ([`crate::render::Rendered::images`]), resolved by the gate.

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
}
