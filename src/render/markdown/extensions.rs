//! kramdown's extensions (`parser/kramdown/extensions.rb`): `{::comment}...{:/comment}` is
//! dropped, `{::nomarkdown}...{:/nomarkdown}` is passed through raw, `{::options ... /}` is
//! dropped (we do not change options mid-document). Each is replaced in place by as many
//! bytes (spaces, newlines kept, or a stash marker), so offsets do not move.

use std::borrow::Cow;

use super::math::PAD;
use crate::render::liquid::output::stash_marker;

/// Applies the kramdown extensions found in `text`.
pub(crate) fn apply_extensions<'t>(text: &'t str, stash: &mut Vec<String>) -> Cow<'t, str> {
    if !text.contains("{::") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
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
        out.push_str(&text[pos..start]);
        let span = &text[start..end];
        match (name, raw) {
            ("nomarkdown", Some(html)) if span.len() >= 4 => match stash_marker(stash.len()) {
                Some(marker) => {
                    stash.push(html.to_string());
                    out.push(marker);
                    let newlines = span.matches('\n').count();
                    out.push_str(
                        &PAD.to_string()
                            .repeat(span.len() - marker.len_utf8() - newlines),
                    );
                    out.push_str(&"\n".repeat(newlines));
                }
                None => out.push_str(span),
            },
            ("comment" | "options" | "nomarkdown", _) => {
                for c in span.chars() {
                    match c {
                        '\n' => out.push('\n'),
                        c => out.push_str(&" ".repeat(c.len_utf8())),
                    }
                }
            }
            _ => out.push_str(span),
        }
        pos = end;
    }
    out.push_str(&text[pos..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_comments_keeping_length() {
        let src = "a {::comment}secret\nnote{:/comment} b";
        let mut stash = Vec::new();
        let out = apply_extensions(src, &mut stash);
        assert_eq!(out.len(), src.len());
        assert!(!out.contains("secret"));
        assert!(out.starts_with("a ") && out.ends_with(" b"));
    }

    #[test]
    fn passes_nomarkdown_through_raw() {
        let mut stash = Vec::new();
        apply_extensions("{::nomarkdown}<b>*x*</b>{:/nomarkdown}", &mut stash);
        assert_eq!(stash, vec!["<b>*x*</b>".to_string()]);
    }

    #[test]
    fn drops_options() {
        let mut stash = Vec::new();
        assert_eq!(
            apply_extensions("{::options auto_ids=\"false\" /}x", &mut stash).trim(),
            "x"
        );
    }
}
