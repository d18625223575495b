//! WebP, AVIF and responsive widths out (issue 18): the blog's `lanyard: images:` settings
//! drive the import; each output decodes back at the right size and orientation, carries no
//! metadata, and the several widths get the `-<width>` names and the srcset markup.

use std::fs;
use std::path::Path;

use lanyard::photo_import::{prepare_photo, ImageMarkup, ImportSettings, OutputFormat};
use lanyard::site::SiteConfig;

use crate::helpers::{fixture, make_jpeg, Blog, Rgb};

fn settings(format: OutputFormat, widths: &[u32], markup: ImageMarkup) -> ImportSettings {
    ImportSettings {
        photo_format: format,
        widths: widths.to_vec(),
        markup,
        // rav1e's fastest speed: AVIF tests prove the format, not the compression.
        avif_speed: 10,
        ..ImportSettings::default()
    }
}

/// Chunk names of a RIFF (WebP) file.
fn riff_chunks(bytes: &[u8]) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut pos = 12;
    while pos + 8 <= bytes.len() {
        chunks.push(String::from_utf8_lossy(&bytes[pos..pos + 4]).into_owned());
        let len = u32::from_le_bytes([
            bytes[pos + 4],
            bytes[pos + 5],
            bytes[pos + 6],
            bytes[pos + 7],
        ]);
        pos += 8 + len as usize + (len as usize & 1);
    }
    chunks
}

/// An output decoded back through the import's own decoder (libheif for AVIF), as RGB.
fn decode_back(path: &Path) -> Rgb {
    let png = ImportSettings {
        format: Some(OutputFormat::Png),
        max_long_edge: None,
        ..ImportSettings::default()
    };
    let prepared = prepare_photo(path, &png).expect("the output decodes");
    let image = image::load_from_memory(&prepared.bytes)
        .expect("png")
        .into_rgb8();
    Rgb {
        width: image.width(),
        height: image.height(),
        data: image.into_raw(),
    }
}

fn has(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn webp_comes_out_upright_without_metadata() {
    let blog = Blog::new();
    let source = fixture("orientation/Landscape_6.jpg");
    let jpeg = blog.import(&source).expect("jpeg import");
    let webp = blog
        .import_with(
            &source,
            &settings(OutputFormat::Webp, &[], ImageMarkup::Markdown),
        )
        .expect("webp import");
    assert_eq!(webp.format, OutputFormat::Webp);
    assert!(webp.url.ends_with(".webp"), "{}", webp.url);
    assert_eq!(webp.markdown(), format!("![]({})", webp.url));
    let bytes = fs::read(&webp.path).expect("read");
    assert!(bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP");
    let chunks = riff_chunks(&bytes);
    assert!(
        !chunks
            .iter()
            .any(|c| ["EXIF", "XMP ", "ICCP"].contains(&c.as_str())),
        "{chunks:?}"
    );
    let (from_webp, from_jpeg) = (Rgb::read(&webp.path), Rgb::read(&jpeg.path));
    assert_eq!(
        (from_webp.width, from_webp.height),
        (600, 400),
        "turned once"
    );
    let diff = from_webp.mean_diff(&from_jpeg);
    assert!(diff < 6.0, "mean difference {diff:.1} from the JPEG import");
}

#[test]
fn avif_comes_out_upright_without_metadata_or_gps() {
    let blog = Blog::new();
    let source = fixture("orientation/Landscape_6.jpg");
    let jpeg = blog.import(&source).expect("jpeg import");
    let avif = blog
        .import_with(
            &source,
            &settings(OutputFormat::Avif, &[], ImageMarkup::Markdown),
        )
        .expect("avif import");
    assert!(avif.url.ends_with(".avif"), "{}", avif.url);
    let bytes = fs::read(&avif.path).expect("read");
    assert!(&bytes[4..12] == b"ftypavif", "{:?}", &bytes[..12]);
    assert!(
        !has(&bytes, b"Exif") && !has(&bytes, b"mime"),
        "no EXIF or XMP item"
    );
    let back = decode_back(&avif.path);
    assert_eq!((back.width, back.height), (600, 400), "turned once");
    let diff = back.mean_diff(&Rgb::read(&jpeg.path));
    assert!(diff < 8.0, "mean difference {diff:.1} from the JPEG import");

    let gps = blog
        .import_with(
            &fixture("gps-samsung-s7.jpg"),
            // Small: the check is about metadata, and AVIF encoding is slow in debug builds.
            &ImportSettings {
                max_long_edge: Some(320),
                ..settings(OutputFormat::Avif, &[], ImageMarkup::Markdown)
            },
        )
        .expect("imports");
    let bytes = fs::read(&gps.path).expect("read");
    assert!(!has(&bytes, b"Exif") && !has(&bytes, b"GPS"));
}

#[test]
fn several_widths_are_written_never_wider_than_the_photo() {
    let blog = Blog::new();
    let photo = blog
        .import_with(
            &fixture("orientation/Landscape_6.jpg"),
            &settings(OutputFormat::Webp, &[200, 400, 1000], ImageMarkup::Img),
        )
        .expect("imports");
    let sizes: Vec<(u32, u32)> = photo.files.iter().map(|f| (f.width, f.height)).collect();
    assert_eq!(
        sizes,
        [(200, 133), (400, 267)],
        "1000 is wider than the photo"
    );
    for file in &photo.files {
        let name = file.path.file_name().expect("name").to_string_lossy();
        assert!(
            name.ends_with(&format!("-landscape-6-{}.webp", file.width)),
            "{name}"
        );
        let back = Rgb::read(&file.path);
        assert_eq!((back.width, back.height), (file.width, file.height));
    }
    assert_eq!(photo.width, 400, "the widest is the src");
    let url = |w: u32| {
        photo
            .files
            .iter()
            .find(|f| f.width == w)
            .expect("width")
            .url
            .clone()
    };
    assert_eq!(
        photo.markdown(),
        format!(
            "<img src=\"{}\" srcset=\"{} 200w, {} 400w\" sizes=\"100vw\" alt=\"\">",
            url(400),
            url(200),
            url(400)
        )
    );
    assert_eq!(blog.image_names().len(), 2);
}

#[test]
fn a_portrait_photo_gets_its_widths_too() {
    let blog = Blog::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let tall = dir.path().join("tall.jpg");
    fs::write(
        &tall,
        make_jpeg(300, 500, |x, y| [(x % 256) as u8, (y % 256) as u8, 90]),
    )
    .expect("write");
    let photo = blog
        .import_with(
            &tall,
            &settings(OutputFormat::Jpeg, &[100, 250], ImageMarkup::Img),
        )
        .expect("imports");
    let sizes: Vec<(u32, u32)> = photo.files.iter().map(|f| (f.width, f.height)).collect();
    assert_eq!(sizes, [(100, 167), (250, 417)]);
}

#[test]
fn a_picture_gets_the_modern_format_and_a_jpeg_fallback_at_each_width() {
    let blog = Blog::new();
    let photo = blog
        .import_with(
            &fixture("orientation/Landscape_1.jpg"),
            &settings(OutputFormat::Webp, &[300, 600], ImageMarkup::Picture),
        )
        .expect("imports");
    let files: Vec<(OutputFormat, u32)> = photo.files.iter().map(|f| (f.format, f.width)).collect();
    assert_eq!(
        files,
        [
            (OutputFormat::Jpeg, 300),
            (OutputFormat::Jpeg, 600),
            (OutputFormat::Webp, 300),
            (OutputFormat::Webp, 600)
        ]
    );
    assert_eq!(
        photo.format,
        OutputFormat::Jpeg,
        "the <img> fallback is the JPEG"
    );
    assert!(photo.url.ends_with("-landscape-1-600.jpg"), "{}", photo.url);
    let html = photo.markdown();
    assert!(
        html.starts_with("<picture><source type=\"image/webp\" srcset=\""),
        "{html}"
    );
    assert!(html.contains("-landscape-1-300.webp 300w, "), "{html}");
    assert!(html.ends_with("\"></picture>"), "{html}");
    // The same photo again reuses every file: no -2 set.
    let again = blog
        .import_with(
            &fixture("orientation/Landscape_1.jpg"),
            &settings(OutputFormat::Webp, &[300, 600], ImageMarkup::Picture),
        )
        .expect("imports");
    assert!(again.files.iter().all(|f| f.reused));
    assert_eq!(blog.image_names().len(), 4);
}

#[test]
fn screenshots_stay_png_whatever_the_blog_format() {
    let blog = Blog::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("shot.png");
    image::RgbaImage::from_pixel(40, 30, image::Rgba([10, 20, 30, 128]))
        .save(&png)
        .expect("png");
    let photo = blog
        .import_with(
            &png,
            &settings(OutputFormat::Webp, &[], ImageMarkup::Markdown),
        )
        .expect("imports");
    assert_eq!(photo.format, OutputFormat::Png);
}

#[test]
fn the_blog_config_drives_the_import() {
    let blog = Blog::new();
    fs::write(
        blog.dir.path().join("_config.yml"),
        "title: Test\nlanyard:\n  images:\n    format: webp\n    quality: 70\n    widths: [150, 300]\n",
    )
    .expect("config");
    let config = SiteConfig::load(blog.dir.path()).expect("config");
    let settings = ImportSettings::for_blog(&config.images);
    assert_eq!(settings.quality_of(OutputFormat::Webp), 70);
    let photo = blog
        .import_with(&fixture("orientation/Landscape_1.jpg"), &settings)
        .expect("imports");
    let widths: Vec<u32> = photo.files.iter().map(|f| f.width).collect();
    assert_eq!(widths, [150, 300]);
    assert!(
        photo.markdown().starts_with("<img src="),
        "{}",
        photo.markdown()
    );
}
