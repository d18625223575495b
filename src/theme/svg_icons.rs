//! Sprite icons drawn inline. Themes draw icons as `<svg><use xlink:href="/assets/icons.svg#github">`
//! (minima's social links). In the app, the page lives in the app's own document, and a
//! browser only follows a `<use>` into a file of the same origin: the asset scheme is another
//! origin, so such an icon would stay blank. The theme view therefore copies the named
//! `<symbol>` out of the sprite file (read through the theme's gate, like every theme file)
//! in place of the `<use>`; the sanitizer then keeps only the icon subset of SVG.

use std::collections::HashMap;

use super::view::attr;
use super::SiteTheme;
use crate::site::gate::{resolve_url, FileKind};

/// At most this many bytes of symbols are copied into one page: a page repeating a large
/// symbol many times keeps its remaining `<use>`s (blank icons) instead of growing unbounded.
const MAX_INLINED: usize = 1 << 20;

/// `page` with each `<use>` that names a symbol of an SVG file of the site or theme replaced
/// by that symbol's drawing. What cannot be resolved is left as it is (the sanitizer decides
/// about it); a sprite that cannot be read is noted in `problems` once.
pub(super) fn inline_sprite_icons(
    page: &str,
    theme: &SiteTheme,
    baseurl: &str,
    problems: &mut Vec<String>,
) -> String {
    let lower = page.to_ascii_lowercase();
    let mut sprites: HashMap<String, Option<String>> = HashMap::new();
    let mut out = String::with_capacity(page.len());
    let mut budget = MAX_INLINED;
    let mut from = 0;
    while let Some(start) = lower[from..].find("<use").map(|i| i + from) {
        let Some(end) = lower[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let tag = &page[start..end];
        let is_use =
            tag[4..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/');
        let drawing = if is_use {
            attr(tag, "xlink:href")
                .or_else(|| attr(tag, "href"))
                .and_then(|href| symbol_for(&href, theme, baseurl, &mut sprites, problems))
        } else {
            None
        };
        match drawing {
            Some(drawing) if drawing.len() <= budget => {
                budget -= drawing.len();
                out.push_str(&page[from..start]);
                out.push_str(&drawing);
                from = if lower[end..].starts_with("</use>") {
                    end + "</use>".len()
                } else {
                    end
                };
            }
            _ => {
                out.push_str(&page[from..end]);
                from = end;
            }
        }
    }
    out.push_str(&page[from..]);
    out
}

/// The drawing of the symbol `href` names (`/assets/icons.svg#github`), from the sprite file
/// of the site or theme; `None` when it is not such a reference or the symbol is missing.
fn symbol_for(
    href: &str,
    theme: &SiteTheme,
    baseurl: &str,
    sprites: &mut HashMap<String, Option<String>>,
    problems: &mut Vec<String>,
) -> Option<String> {
    let (file, id) = href.split_once('#')?;
    let path = resolve_url(file, baseurl, "/")?;
    let rel = path.as_str().to_string();
    if !rel.to_ascii_lowercase().ends_with(".svg") || id.is_empty() {
        return None;
    }
    let sprite = sprites.entry(rel.clone()).or_insert_with(|| {
        let found = theme.files.find(&rel)?;
        match theme.files.gate().read_text(&found, FileKind::Asset) {
            Ok(text) => Some(text),
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        }
    });
    symbol_drawing(sprite.as_deref()?, id)
}

/// The `<symbol id="id">` of `sprite` as SVG to put where the `<use>` was: its children in a
/// `<g>` carrying its paint attributes, or in a nested `<svg viewBox>` when it has one.
fn symbol_drawing(sprite: &str, id: &str) -> Option<String> {
    let lower = sprite.to_ascii_lowercase();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<symbol").map(|i| i + from) {
        let open_end = lower[start..].find('>').map(|i| start + i + 1)?;
        let open = &sprite[start..open_end];
        from = open_end;
        if attr(open, "id").as_deref() != Some(id) {
            continue;
        }
        let close = lower[open_end..].find("</symbol>").map(|i| open_end + i)?;
        let inner = &sprite[open_end..close];
        let attrs = open["<symbol".len()..open.len() - 1].trim_end_matches('/');
        let attrs = drop_attr(attrs, "id");
        return Some(if attr(open, "viewbox").is_some() {
            format!("<svg{attrs}>{inner}</svg>")
        } else {
            format!("<g{attrs}>{inner}</g>")
        });
    }
    None
}

/// `attrs` (a start tag's attribute text) without attribute `name`.
fn drop_attr(attrs: &str, name: &str) -> String {
    let Some(value) = attr(&format!("<x{attrs}>"), name) else {
        return attrs.to_string();
    };
    let lower = attrs.to_ascii_lowercase();
    for quoted in [format!("{name}=\"{value}\""), format!("{name}='{value}'")] {
        if let Some(i) = lower.find(&quoted.to_ascii_lowercase()) {
            return format!("{}{}", attrs[..i].trim_end(), &attrs[i + quoted.len()..]);
        }
    }
    attrs.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPRITE: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<symbol id=\"rss\" fill-rule=\"evenodd\"><path d=\"M1 1\"/></symbol>\n<symbol id=\"github\" viewBox=\"0 0 16 16\"><path d=\"M8 0\"/></symbol></svg>";

    #[test]
    fn a_symbol_keeps_its_paint_and_view_box() {
        assert_eq!(
            symbol_drawing(SPRITE, "rss").as_deref(),
            Some("<g fill-rule=\"evenodd\"><path d=\"M1 1\"/></g>")
        );
        assert_eq!(
            symbol_drawing(SPRITE, "github").as_deref(),
            Some("<svg viewBox=\"0 0 16 16\"><path d=\"M8 0\"/></svg>")
        );
        assert_eq!(symbol_drawing(SPRITE, "nope"), None);
        assert_eq!(symbol_drawing("<symbol id=\"x\"><path/>", "x"), None);
    }
}
