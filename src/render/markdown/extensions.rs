//! kramdown's extensions (`parser/kramdown/extensions.rb`): `{::comment}...{:/comment}` is
//! dropped, `{::nomarkdown}...{:/nomarkdown}` is passed through raw, `{::options ... /}` is
//! dropped (we do not change options mid-document). Dropped ones are blanked in place (spaces,
//! newlines kept), so offsets do not move; raw ones become a stash marker, recorded in the
//! pass's [`SourceMap`].

use std::borrow::Cow;

use crate::render::liquid::output::stash_marker;
use crate::render::source_map::{Rewriter, SourceMap};

/// Applies the kramdown extensions found in `text`.
pub(crate) fn apply_extensions<'t>(
    text: &'t str,
    stash: &mut Vec<String>,
    map: &mut SourceMap,
) -> Cow<'t, str> {
    if !text.contains("{::") {
        return Cow::Borrowed(text);
    }
    let mut out = Rewriter::new(text);
    let mut pos = 0;
    while let Some(rel) = text[pos..].find("{::") {
        let start = pos + rel;
        let Some(tag_len) = text[start..].find('}') else {
            break;
        };
        let tag = &text[start + 3..start + tag_len];
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let self_closing = tag.trim_end().ends_with('/');
        let tag_end = start + tag_len + 1;
        let closer = format!("{{:/{name}}}");
        let (end, raw) = if self_closing {
            (tag_end, None)
        } else {
            match text[tag_end..]
                .find(&closer)
                .or_else(|| text[tag_end..].find("{:/}"))
            {
                Some(rel_end) => {
                    let close_len = if text[tag_end + rel_end..].starts_with(&closer) {
                        closer.len()
                    } else {
                        4
                    };
                    (
                        tag_end + rel_end + close_len,
                        Some(&text[tag_end..tag_end + rel_end]),
                    )
                }
                None => (tag_end, None),
            }
        };
        out.copy_to(start);
        let span = &text[start..end];
        match (name, raw) {
            ("nomarkdown", Some(html)) if span.len() >= 4 => match stash_marker(stash.len()) {
                Some(marker) => {
                    stash.push(html.to_string());
                    let newlines = "\n".repeat(span.matches('\n').count());
                    out.replace_to(end, &format!("{marker}{newlines}"));
                }
                None => out.copy_to(end),
            },
            ("comment" | "options" | "nomarkdown", _) => out.blank_to(end),
            _ => out.copy_to(end),
        }
        pos = end;
    }
    out.finish(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_comments_keeping_length() {
        let src = "a {::comment}secret\nnote{:/comment} b";
        let mut stash = Vec::new();
        let out = apply_extensions(src, &mut stash, &mut SourceMap::default());
        assert_eq!(out.len(), src.len());
        assert!(!out.contains("secret"));
        assert!(out.starts_with("a ") && out.ends_with(" b"));
    }

    #[test]
    fn passes_nomarkdown_through_raw() {
        let mut stash = Vec::new();
        apply_extensions(
            "{::nomarkdown}<b>*x*</b>{:/nomarkdown}",
            &mut stash,
            &mut SourceMap::default(),
        );
        assert_eq!(stash, vec!["<b>*x*</b>".to_string()]);
    }

    #[test]
    fn drops_options() {
        let mut stash = Vec::new();
        assert_eq!(
            apply_extensions(
                "{::options auto_ids=\"false\" /}x",
                &mut stash,
                &mut SourceMap::default()
            )
            .trim(),
            "x"
        );
    }
}
