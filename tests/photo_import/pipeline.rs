//! The pipeline on good inputs: orientation, metadata stripping, sRGB, resizing, formats.

use std::fs;
use std::io::Cursor;

use image::ImageEncoder;
use lanyard::photo_import::{jpeg_metadata_markers, ImportSettings, OutputFormat};

use crate::helpers::{fixture, make_jpeg, png_chunks, with_icc_profile, Blog, Rgb};

const ORIENTATIONS: [u8; 9] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

fn assert_orientation_set_matches(settings: &ImportSettings) {
    for set in ["Landscape", "Portrait"] {
        let blog = Blog::new();
        let reference = blog
            .import_with(&fixture(&format!("orientation/{set}_1.jpg")), settings)
            .expect("reference imports");
        let reference = Rgb::read(&reference.path);
        for n in ORIENTATIONS {
            let source = fixture(&format!("orientation/{set}_{n}.jpg"));
            let out = blog.import_with(&source, settings).expect("imports");
            let diff = Rgb::read(&out.path).mean_diff(&reference);
            assert!(
                diff < 4.0,
                "{set}_{n}: mean difference {diff:.1} from {set}_1"
            );
        }
    }
}

#[test]
fn all_eighteen_orientation_files_come_out_like_orientation_1() {
    assert_orientation_set_matches(&ImportSettings::default());
}

#[test]
fn orientation_is_right_when_resizing_too() {
    let settings = ImportSettings {
        max_long_edge: Some(300),
        ..ImportSettings::default()
    };
    assert_orientation_set_matches(&settings);
}

#[test]
fn the_orientation_comparison_would_catch_an_unrotated_photo() {
    // Without orientation applied, _3 (stored upside down) is far from _1: the tolerance
    // above is tight enough to notice.
    let one = Rgb::read(&fixture("orientation/Landscape_1.jpg"));
    let three = Rgb::read(&fixture("orientation/Landscape_3.jpg"));
    assert!(one.mean_diff(&three) > 15.0);
}

#[test]
fn a_gps_photo_comes_out_with_no_metadata_at_all() {
    let source = fixture("gps-samsung-s7.jpg");
    let input = fs::read(&source).expect("fixture");
    let exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(&input))
        .expect("exif");
    assert!(
        exif.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY)
            .is_some(),
        "fixture GPS"
    );
    assert!(!jpeg_metadata_markers(&input).is_empty());

    let blog = Blog::new();
    let out = blog.import(&source).expect("imports");
    let output = fs::read(&out.path).expect("output");
    assert_eq!(
        jpeg_metadata_markers(&output),
        Vec::<u8>::new(),
        "APP1-15 or COM left"
    );
    assert!(exif::Reader::new()
        .read_from_container(&mut Cursor::new(&output))
        .is_err());
    assert!(
        !output.windows(4).any(|w| w == b"Exif" || w == b"http"),
        "EXIF or XMP bytes"
    );
    assert_eq!((out.width, out.height), (1600, 1200));
    assert_eq!(out.format, OutputFormat::Jpeg);
}

#[test]
fn a_phone_photo_is_named_by_the_day_it_was_taken_and_turned_upright() {
    let blog = Blog::new();
    let out = blog
        .import(&fixture("iphone4s-orient6.jpg"))
        .expect("imports");
    assert_eq!(out.url, "/assets/images/2012-08-26-iphone4s-orient6.jpg");
    assert_eq!((out.width, out.height), (480, 640));
    assert_eq!(
        out.markdown(),
        "![](/assets/images/2012-08-26-iphone4s-orient6.jpg)"
    );
}

#[test]
fn a_display_p3_photo_comes_out_srgb() {
    let dir = tempfile::tempdir().expect("tempdir");
    let red = make_jpeg(64, 64, |_, _| [200, 0, 0]);
    let p3 = moxcms::ColorProfile::new_display_p3()
        .encode()
        .expect("icc");
    let tagged = dir.path().join("p3.jpg");
    let untagged = dir.path().join("plain.jpg");
    fs::write(&tagged, with_icc_profile(&red, &p3)).expect("write");
    fs::write(&untagged, &red).expect("write");

    let blog = Blog::new();
    let out = blog.import(&tagged).expect("imports");
    let output = fs::read(&out.path).expect("output");
    assert!(
        !jpeg_metadata_markers(&output).contains(&0xE2),
        "no ICC profile in the output"
    );
    let [r, g, b] = Rgb::read(&out.path).pixel(32, 32);
    // P3 (200, 0, 0) is outside sRGB's gamut: its sRGB value is a stronger, clipped red.
    assert!(r >= 212 && g <= 12 && b <= 12, "P3 red became {r},{g},{b}");
    let plain = blog.import(&untagged).expect("imports");
    let [r, g, b] = Rgb::read(&plain.path).pixel(32, 32);
    assert!(
        r.abs_diff(200) <= 4 && g <= 6 && b <= 6,
        "untagged red became {r},{g},{b}"
    );
}

#[test]
fn a_big_jpeg_is_scaled_down_to_1600_with_its_content_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = dir.path().join("wide.jpg");
    // Left half dark, right half light: at 1/2 DCT scale plus Lanczos the halves must survive.
    let jpeg = make_jpeg(3400, 2200, |x, _| {
        if x < 1700 {
            [30, 60, 90]
        } else {
            [220, 200, 180]
        }
    });
    fs::write(&source, jpeg).expect("write");
    let blog = Blog::new();
    let out = blog.import(&source).expect("imports");
    assert_eq!((out.width, out.height), (1600, 1035));
    let rgb = Rgb::read(&out.path);
    let near = |p: [u8; 3], q: [u8; 3]| p.iter().zip(q).all(|(a, b)| a.abs_diff(b) <= 4);
    assert!(
        near(rgb.pixel(100, 500), [30, 60, 90]),
        "{:?}",
        rgb.pixel(100, 500)
    );
    assert!(
        near(rgb.pixel(1500, 500), [220, 200, 180]),
        "{:?}",
        rgb.pixel(1500, 500)
    );
}

#[test]
fn a_transparent_png_stays_a_png_with_its_alpha_and_no_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = dir.path().join("Logo.png");
    let mut rgba = image::RgbaImage::new(40, 20);
    for (x, _, p) in rgba.enumerate_pixels_mut() {
        *p = image::Rgba([255, 0, 0, if x < 20 { 0 } else { 255 }]);
    }
    rgba.save(&source).expect("save png");
    let blog = Blog::new();
    let out = blog.import(&source).expect("imports");
    assert_eq!(out.format, OutputFormat::Png);
    assert!(out.url.ends_with("/2023-04-19-logo.png"), "{}", out.url);
    let bytes = fs::read(&out.path).expect("output");
    let chunks = png_chunks(&bytes);
    assert!(
        chunks
            .iter()
            .all(|c| ["IHDR", "IDAT", "IEND"].contains(&c.as_str())),
        "{chunks:?}"
    );
    let back = image::load_from_memory(&bytes).expect("png").into_rgba8();
    assert_eq!(back.get_pixel(5, 5).0[3], 0);
    assert_eq!(back.get_pixel(35, 5).0, [255, 0, 0, 255]);
}

#[test]
fn a_webp_photo_becomes_a_jpeg() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = dir.path().join("stage.webp");
    let rgb = image::RgbImage::from_pixel(30, 20, image::Rgb([10, 120, 240]));
    let mut webp = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .write_image(rgb.as_raw(), 30, 20, image::ExtendedColorType::Rgb8)
        .expect("webp");
    fs::write(&source, webp).expect("write");
    let blog = Blog::new();
    let out = blog.import(&source).expect("imports");
    assert_eq!(
        (out.format, out.width, out.height),
        (OutputFormat::Jpeg, 30, 20)
    );
    let [r, g, b] = Rgb::read(&out.path).pixel(15, 10);
    assert!(r.abs_diff(10) <= 6 && g.abs_diff(120) <= 6 && b.abs_diff(240) <= 6);
}
