//! The blog's image output settings: the `lanyard: { images: ... }` block of `_config.yml`
//! (Jekyll ignores keys it does not know), so everyone who writes on the blog gets the same
//! photos. Read once with the rest of the config ([`super::SiteConfig::images`]):
//!
//! ```yaml
//! lanyard:
//!   images:
//!     format: webp        # jpeg (default), webp or avif; PNG input stays PNG
//!     quality: 80         # 1-100; default 82 for JPEG, 80 for WebP, 60 for AVIF
//!     widths: [800, 1600] # default: one file, long edge 1600 px (as before)
//!     markup: picture     # markdown (one width), img (srcset) or picture (+ JPEG fallback)
//!     sizes: "(max-width: 900px) 100vw, 900px"   # the `sizes` attribute, default 100vw
//! ```
//!
//! A bad value is one error naming the config file and the line of the key.

use serde_json::{Map, Value};

use crate::photo_import::{ImageMarkup, OutputFormat};

/// Widths outside this range are refused (a typo such as `16000` would write huge files).
const WIDTH_RANGE: std::ops::RangeInclusive<u64> = 16..=8192;
/// At most this many widths: each is a file per photo.
const MAX_WIDTHS: usize = 8;

/// How imported photos are written and inserted, as the blog's `_config.yml` says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImageOutput {
    /// Format of photos (`jpeg`, `webp`, `avif`). Screenshots and transparent pictures stay
    /// PNG whatever this says.
    pub format: OutputFormat,
    /// Encoder quality 1-100; `None` takes the format's default.
    pub quality: Option<u8>,
    /// Output widths in pixels, ascending; empty keeps one file with its long edge at
    /// 1600 px (the behaviour before these settings).
    pub widths: Vec<u32>,
    /// How the photo is inserted in the post.
    pub markup: ImageMarkup,
    /// The `sizes` attribute of the HTML markup.
    pub sizes: String,
}

impl Default for ImageOutput {
    fn default() -> Self {
        ImageOutput {
            format: OutputFormat::Jpeg,
            quality: None,
            widths: Vec::new(),
            markup: ImageMarkup::Markdown,
            sizes: "100vw".into(),
        }
    }
}

/// A bad `lanyard:` value: what is wrong, and the key it is under (to find its line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImageConfigError {
    /// The innermost key whose value is wrong (`quality`, `widths`...).
    pub key: &'static str,
    /// A sentence for the user.
    pub message: String,
}

impl ImageOutput {
    /// Reads the `lanyard:` value of the config (`None`: not there, the defaults).
    pub(crate) fn from_config(lanyard: Option<&Value>) -> Result<ImageOutput, ImageConfigError> {
        let images = match lanyard {
            None | Some(Value::Null) => return Ok(ImageOutput::default()),
            Some(Value::Object(map)) => map.get("images"),
            Some(_) => return Err(bad("lanyard", "`lanyard:` must be a mapping")),
        };
        let map = match images {
            None | Some(Value::Null) => return Ok(ImageOutput::default()),
            Some(Value::Object(map)) => map,
            Some(_) => return Err(bad("images", "`lanyard: images:` must be a mapping")),
        };
        read_images(map)
    }
}

fn read_images(map: &Map<String, Value>) -> Result<ImageOutput, ImageConfigError> {
    if let Some(unknown) = map
        .keys()
        .find(|k| !["format", "quality", "widths", "markup", "sizes"].contains(&k.as_str()))
    {
        return Err(ImageConfigError {
            key: "images",
            message: format!(
                "unknown key `{unknown}` under `lanyard: images:` (known: format, quality, widths, markup, sizes)"
            ),
        });
    }
    let format = match map.get("format") {
        None | Some(Value::Null) => OutputFormat::Jpeg,
        Some(Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "jpeg" | "jpg" => OutputFormat::Jpeg,
            "webp" => OutputFormat::Webp,
            "avif" => OutputFormat::Avif,
            _ => return Err(bad_format(s)),
        },
        Some(other) => return Err(bad_format(&other.to_string())),
    };
    let quality = match map.get("quality") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => match n.as_u64() {
            Some(q @ 1..=100) => Some(q as u8),
            _ => return Err(bad_quality(&n.to_string())),
        },
        Some(other) => return Err(bad_quality(&other.to_string())),
    };
    let widths = read_widths(map.get("widths"))?;
    let markup = match map.get("markup") {
        None | Some(Value::Null) if widths.len() > 1 => ImageMarkup::Img,
        None | Some(Value::Null) => ImageMarkup::Markdown,
        Some(Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "markdown" => ImageMarkup::Markdown,
            "img" => ImageMarkup::Img,
            "picture" => ImageMarkup::Picture,
            _ => return Err(bad_markup(s)),
        },
        Some(other) => return Err(bad_markup(&other.to_string())),
    };
    if markup == ImageMarkup::Markdown && widths.len() > 1 {
        return Err(bad(
            "markup",
            "`markup: markdown` writes one image: with several `widths` use `img` or `picture`",
        ));
    }
    if markup == ImageMarkup::Picture && format == OutputFormat::Jpeg {
        return Err(bad(
            "markup",
            "`markup: picture` adds a JPEG fallback to WebP or AVIF: set `format: webp` or `avif`, or use `img`",
        ));
    }
    let sizes = match map.get("sizes") {
        None | Some(Value::Null) => "100vw".to_string(),
        Some(Value::String(s)) if !s.trim().is_empty() && !s.contains(['"', '<', '>']) => {
            s.trim().to_string()
        }
        Some(_) => {
            return Err(bad(
                "sizes",
                "`sizes:` must be the text of an HTML `sizes` attribute, such as `100vw`",
            ))
        }
    };
    Ok(ImageOutput {
        format,
        quality,
        widths,
        markup,
        sizes,
    })
}

fn read_widths(value: Option<&Value>) -> Result<Vec<u32>, ImageConfigError> {
    let items: Vec<&Value> = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::Number(_)) => vec![one],
        Some(_) => {
            return Err(bad_widths(
                "must be a list of widths in pixels, such as [800, 1600]",
            ))
        }
    };
    let mut widths = Vec::new();
    for item in items {
        match item.as_u64() {
            Some(w) if WIDTH_RANGE.contains(&w) => widths.push(w as u32),
            _ => {
                return Err(bad_widths(&format!(
                    "`{item}` is not a width from {} to {} pixels",
                    WIDTH_RANGE.start(),
                    WIDTH_RANGE.end()
                )))
            }
        }
    }
    widths.sort_unstable();
    widths.dedup();
    if widths.is_empty() || widths.len() > MAX_WIDTHS {
        return Err(bad_widths(&format!("must list 1 to {MAX_WIDTHS} widths")));
    }
    Ok(widths)
}

fn bad(key: &'static str, message: &str) -> ImageConfigError {
    ImageConfigError {
        key,
        message: message.to_string(),
    }
}

fn bad_format(value: &str) -> ImageConfigError {
    ImageConfigError {
        key: "format",
        message: format!("`format: {value}` must be jpeg, webp or avif"),
    }
}

fn bad_quality(value: &str) -> ImageConfigError {
    ImageConfigError {
        key: "quality",
        message: format!("`quality: {value}` must be a whole number from 1 to 100"),
    }
}

fn bad_markup(value: &str) -> ImageConfigError {
    ImageConfigError {
        key: "markup",
        message: format!("`markup: {value}` must be markdown, img or picture"),
    }
}

fn bad_widths(message: &str) -> ImageConfigError {
    ImageConfigError {
        key: "widths",
        message: format!("`widths:` {message}"),
    }
}

/// The 1-based line of `key` inside the top-level `lanyard:` entry of the config `text`
/// (the `lanyard:` line itself when the key is not found on its own line, as in a flow
/// mapping written on one line).
pub(crate) fn line_of_key(text: &str, key: &str) -> Option<usize> {
    let entries = crate::front_matter::edit::locate_entries(text).ok()?;
    let entry = entries.iter().rev().find(|e| e.key == "lanyard")?;
    let lines: Vec<&str> = text.lines().collect();
    let found = (entry.first_line..entry.end_line.min(lines.len())).find(|&i| {
        let line = lines[i].split('#').next().unwrap_or("");
        line.match_indices(key).any(|(at, _)| {
            let before = line[..at].chars().next_back();
            let after = line[at + key.len()..].trim_start();
            before.is_none_or(|c| !c.is_alphanumeric() && c != '_') && after.starts_with(':')
        })
    });
    Some(found.unwrap_or(entry.first_line) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse_yaml_mapping;

    fn read(yaml: &str) -> Result<ImageOutput, ImageConfigError> {
        let data = parse_yaml_mapping(yaml, 1).expect("yaml").data;
        ImageOutput::from_config(data.get("lanyard"))
    }

    #[test]
    fn no_block_keeps_todays_jpeg_in_one_size() {
        assert_eq!(read("title: x\n"), Ok(ImageOutput::default()));
        assert_eq!(read("lanyard:\n  other: 1\n"), Ok(ImageOutput::default()));
        assert_eq!(ImageOutput::default().format, OutputFormat::Jpeg);
    }

    #[test]
    fn reads_a_full_block() {
        let out = read(
            "lanyard:\n  images:\n    format: WebP\n    quality: 75\n    widths: [1600, 800, 800]\n    markup: picture\n    sizes: \"(max-width: 900px) 100vw, 900px\"\n",
        )
        .expect("reads");
        assert_eq!(out.format, OutputFormat::Webp);
        assert_eq!(out.quality, Some(75));
        assert_eq!(out.widths, vec![800, 1600]);
        assert_eq!(out.markup, ImageMarkup::Picture);
        assert_eq!(out.sizes, "(max-width: 900px) 100vw, 900px");
    }

    #[test]
    fn several_widths_default_to_img_srcset() {
        let out = read("lanyard: { images: { widths: [800, 1600] } }\n").expect("reads");
        assert_eq!(out.markup, ImageMarkup::Img);
        assert_eq!(out.format, OutputFormat::Jpeg);
    }

    #[test]
    fn refuses_bad_values_naming_the_key() {
        let cases = [
            ("format: gif", "format"),
            ("format: png", "format"),
            ("quality: 0", "quality"),
            ("quality: 101", "quality"),
            ("quality: high", "quality"),
            ("widths: [800, big]", "widths"),
            ("widths: [99999]", "widths"),
            ("widths: []", "widths"),
            ("markup: figure", "markup"),
            ("widths: [800, 1600]\n    markup: markdown", "markup"),
            ("markup: picture", "markup"),
            ("sizes: '\"><script>'", "sizes"),
            ("qualty: 80", "images"),
        ];
        for (yaml, key) in cases {
            let err = read(&format!("lanyard:\n  images:\n    {yaml}\n")).expect_err(yaml);
            assert_eq!(err.key, key, "{yaml}: {}", err.message);
        }
    }

    #[test]
    fn finds_the_line_of_a_key_in_the_lanyard_block() {
        let text = "title: x\nquality: 3\nlanyard:\n  images:\n    format: webp\n    quality: 0\n";
        assert_eq!(line_of_key(text, "quality"), Some(6));
        assert_eq!(line_of_key(text, "format"), Some(5));
        let flow = "title: x\nlanyard: { images: { quality: 0 } }\n";
        assert_eq!(line_of_key(flow, "quality"), Some(2));
        assert_eq!(line_of_key(flow, "widths"), Some(2));
        assert_eq!(line_of_key("title: x\n", "widths"), None);
    }
}
