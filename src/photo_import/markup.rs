//! The text inserted into a post for an imported photo: the one home of that markup.
//!
//! - one file: the Markdown line `![alt](/assets/images/2023-04-19-keynote.jpg)`, as before;
//! - several widths (`markup: img`): `<img src srcset sizes alt>`, the largest width as `src`;
//! - WebP or AVIF with a JPEG fallback (`markup: picture`):
//!   `<picture><source type="image/webp" srcset sizes><img src srcset sizes alt></picture>`.
//!
//! The HTML is written on one line, which kramdown passes through as it is (a span of raw
//! HTML in a paragraph). Every URL is a cleaned file name ([`super::naming`]): no space,
//! comma or quote can break a `srcset`.

use super::{ImportedPhoto, OutputFormat};

/// How an imported photo is inserted in the post (`lanyard: images: markup:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageMarkup {
    /// `![alt](url)`: one file.
    Markdown,
    /// `<img src srcset sizes alt>`: several widths of one format.
    Img,
    /// `<picture>` with a WebP/AVIF `<source>` and a JPEG `<img>` fallback.
    Picture,
}

impl ImageMarkup {
    /// The name written in `_config.yml`.
    pub fn name(self) -> &'static str {
        match self {
            ImageMarkup::Markdown => "markdown",
            ImageMarkup::Img => "img",
            ImageMarkup::Picture => "picture",
        }
    }
}

/// The text to insert for `photo` (see the module doc).
pub(crate) fn photo_markup(photo: &ImportedPhoto) -> String {
    let alt = photo
        .alt
        .as_deref()
        .unwrap_or("")
        .replace(['[', ']', '\n', '\r'], " ");
    let alt = alt.trim();
    if photo.files.len() <= 1 || photo.markup == ImageMarkup::Markdown {
        return format!("![{alt}]({})", photo.url);
    }
    let img_format = photo.format;
    let sizes = escape(&photo.sizes);
    let img = format!(
        "<img src=\"{}\" srcset=\"{}\" sizes=\"{sizes}\" alt=\"{}\">",
        escape(&photo.url),
        srcset(photo, img_format),
        escape(alt)
    );
    let sources: Vec<OutputFormat> = photo
        .files
        .iter()
        .map(|f| f.format)
        .filter(|&f| f != img_format)
        .fold(Vec::new(), |mut seen, f| {
            if !seen.contains(&f) {
                seen.push(f);
            }
            seen
        });
    if sources.is_empty() {
        return img;
    }
    let mut out = String::from("<picture>");
    for format in sources {
        out.push_str(&format!(
            "<source type=\"{}\" srcset=\"{}\" sizes=\"{sizes}\">",
            format.mime_type(),
            srcset(photo, format)
        ));
    }
    out.push_str(&img);
    out.push_str("</picture>");
    out
}

/// `url 800w, url 1600w` for the files of `format`, narrowest first.
fn srcset(photo: &ImportedPhoto, format: OutputFormat) -> String {
    let mut files: Vec<_> = photo.files.iter().filter(|f| f.format == format).collect();
    files.sort_by_key(|f| f.width);
    files
        .iter()
        .map(|f| format!("{} {}w", escape(&f.url), f.width))
        .collect::<Vec<_>>()
        .join(", ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::photo_import::ImportedFile;

    fn file(name: &str, format: OutputFormat, width: u32) -> ImportedFile {
        ImportedFile {
            path: PathBuf::from(format!("/blog/assets/images/{name}")),
            url: format!("/assets/images/{name}"),
            width,
            height: width * 3 / 4,
            format,
            bytes: 1,
            reused: false,
        }
    }

    fn photo(files: Vec<ImportedFile>, markup: ImageMarkup) -> ImportedPhoto {
        let main = files.last().cloned().expect("a file");
        ImportedPhoto {
            source: PathBuf::from("IMG_1.jpg"),
            path: main.path,
            url: main.url,
            width: main.width,
            height: main.height,
            format: main.format,
            bytes: 1,
            reused: false,
            alt: Some("Keynote \"AI\" [1]".into()),
            files,
            markup,
            sizes: "100vw".into(),
        }
    }

    #[test]
    fn one_file_is_a_markdown_line() {
        let p = photo(
            vec![file("a.jpg", OutputFormat::Jpeg, 1600)],
            ImageMarkup::Img,
        );
        assert_eq!(
            photo_markup(&p),
            "![Keynote \"AI\"  1](/assets/images/a.jpg)"
        );
    }

    #[test]
    fn several_widths_are_an_img_with_srcset() {
        let p = photo(
            vec![
                file("a-800.webp", OutputFormat::Webp, 800),
                file("a-1600.webp", OutputFormat::Webp, 1600),
            ],
            ImageMarkup::Img,
        );
        assert_eq!(
            photo_markup(&p),
            "<img src=\"/assets/images/a-1600.webp\" srcset=\"/assets/images/a-800.webp 800w, /assets/images/a-1600.webp 1600w\" sizes=\"100vw\" alt=\"Keynote &quot;AI&quot;  1\">"
        );
    }

    #[test]
    fn a_picture_has_the_modern_source_and_the_jpeg_fallback() {
        let p = photo(
            vec![
                file("a-800.avif", OutputFormat::Avif, 800),
                file("a-1600.avif", OutputFormat::Avif, 1600),
                file("a-800.jpg", OutputFormat::Jpeg, 800),
                file("a-1600.jpg", OutputFormat::Jpeg, 1600),
            ],
            ImageMarkup::Picture,
        );
        let html = photo_markup(&p);
        assert!(html.starts_with("<picture><source type=\"image/avif\" srcset=\"/assets/images/a-800.avif 800w, /assets/images/a-1600.avif 1600w\" sizes=\"100vw\"><img src=\"/assets/images/a-1600.jpg\" srcset=\"/assets/images/a-800.jpg 800w, /assets/images/a-1600.jpg 1600w\""), "{html}");
        assert!(html.ends_with("</picture>"), "{html}");
    }
}
