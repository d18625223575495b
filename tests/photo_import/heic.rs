//! HEIC/HEIF photos (issue 18), on the fixtures `scripts/make-heic-fixtures.py` makes from the
//! JPEG fixtures: each comes out oriented like its JPEG original (its rotation box applied
//! once, its EXIF orientation not applied again), with no metadata, in sRGB, named by its
//! capture date; broken ones get one clear error naming the file, before decoding when the
//! header already says too much.

use std::fs;
use std::path::PathBuf;

use lanyard::photo_import::{jpeg_metadata_markers, ImportSettings, OutputFormat};

use crate::helpers::{fixture, with_icc_profile, Blog, Rgb};

fn heic(name: &str) -> PathBuf {
    fixture(&format!("heic/{name}.heic"))
}

/// Mean difference between the import of `heic_name` and the import of the JPEG `jpeg_name`
/// (which the pipeline turns upright from its EXIF orientation).
fn diff_from_jpeg_original(heic_name: &str, jpeg_name: &str) -> f64 {
    let blog = Blog::new();
    let from_heic = blog.import(&heic(heic_name)).expect("the HEIC imports");
    let from_jpeg = blog.import(&fixture(jpeg_name)).expect("the JPEG imports");
    assert_eq!(
        (from_heic.width, from_heic.height),
        (from_jpeg.width, from_jpeg.height),
        "{heic_name}: size"
    );
    Rgb::read(&from_heic.path).mean_diff(&Rgb::read(&from_jpeg.path))
}

#[test]
fn each_heic_comes_out_oriented_like_its_jpeg_original() {
    for (heic_name, jpeg_name) in [
        ("rotation", "orientation/Landscape_8.jpg"),
        ("mirror", "orientation/Landscape_2.jpg"),
        ("exif-orientation-gps", "orientation/Landscape_6.jpg"),
        ("grid", "orientation/Landscape_1.jpg"),
    ] {
        let diff = diff_from_jpeg_original(heic_name, jpeg_name);
        assert!(
            diff < 4.0,
            "{heic_name}: mean difference {diff:.1} from {jpeg_name}"
        );
    }
}

#[test]
fn the_comparison_would_catch_a_turn_or_a_mirror_applied_twice_or_not_at_all() {
    let blog = Blog::new();
    let upright = Rgb::read(&blog.import(&heic("mirror")).expect("imports").path);
    let mut mirrored = Rgb::read(&blog.import(&heic("mirror")).expect("imports").path);
    let row = mirrored.width as usize * 3;
    for line in mirrored.data.chunks_exact_mut(row) {
        let flipped: Vec<u8> = line.chunks_exact(3).rev().flatten().copied().collect();
        line.copy_from_slice(&flipped);
    }
    let mut turned = Rgb::read(&blog.import(&heic("rotation")).expect("imports").path);
    let flipped: Vec<u8> = turned
        .data
        .chunks_exact(3)
        .rev()
        .flatten()
        .copied()
        .collect();
    turned.data = flipped;
    let mirror_diff = upright.mean_diff(&mirrored);
    let turn_diff = upright.mean_diff(&turned);
    assert!(
        mirror_diff > 20.0,
        "a mirrored picture differs by {mirror_diff:.1}"
    );
    assert!(
        turn_diff > 20.0,
        "a turned picture differs by {turn_diff:.1}"
    );
}

#[test]
fn an_iphone_style_heic_is_named_by_its_capture_date_and_carries_no_metadata() {
    let blog = Blog::new();
    let photo = blog.import(&heic("exif-orientation-gps")).expect("imports");
    assert_eq!(
        photo.url,
        "/assets/images/2017-02-09-exif-orientation-gps.jpg"
    );
    assert_eq!(photo.format, OutputFormat::Jpeg);
    assert_eq!(
        (photo.width, photo.height),
        (600, 400),
        "turned once, not twice"
    );
    let bytes = fs::read(&photo.path).expect("output");
    assert!(bytes.starts_with(&[0xFF, 0xD8]));
    assert_eq!(
        jpeg_metadata_markers(&bytes),
        Vec::<u8>::new(),
        "no EXIF, GPS, ICC"
    );
    let rotation = blog.import(&heic("rotation")).expect("imports");
    assert_eq!(
        rotation.url, "/assets/images/2023-04-19-rotation.jpg",
        "no EXIF: the post's date"
    );
}

#[test]
fn a_display_p3_heic_comes_out_srgb() {
    let blog = Blog::new();
    let red = blog.import(&heic("p3-red")).expect("imports");
    let [r, g, b] = Rgb::read(&red.path).pixel(32, 32);
    // P3 (200, 0, 0) is outside sRGB's gamut: its sRGB value is a stronger, clipped red.
    assert!(r >= 212 && g <= 12 && b <= 12, "P3 red became {r},{g},{b}");

    // The landscape tagged P3 by its nclx box matches the same JPEG tagged by an ICC profile.
    let dir = tempfile::tempdir().expect("tempdir");
    let p3 = moxcms::ColorProfile::new_display_p3()
        .encode()
        .expect("icc");
    let jpeg = fs::read(fixture("orientation/Landscape_1.jpg")).expect("fixture");
    let tagged = dir.path().join("p3.jpg");
    fs::write(&tagged, with_icc_profile(&jpeg, &p3)).expect("write");
    let from_heic = Rgb::read(&blog.import(&heic("display-p3")).expect("imports").path);
    let from_jpeg = Rgb::read(&blog.import(&tagged).expect("imports").path);
    let diff = from_heic.mean_diff(&from_jpeg);
    assert!(diff < 4.0, "mean difference {diff:.1} from the P3 JPEG");
}

#[test]
fn broken_heic_files_get_one_clear_error_naming_them() {
    let blog = Blog::new();
    for (name, kind, words) in [
        ("truncated", "corrupt", "the image is corrupt or truncated"),
        (
            "unsupported-codec",
            "unsupported",
            "this HEIF image cannot be decoded here",
        ),
        (
            "huge-grid",
            "too_large",
            "30000x30000 is 900 megapixels, more than the 100 megapixel limit",
        ),
    ] {
        let path = heic(name);
        let err = blog.import(&path).expect_err(name);
        assert_eq!(err.kind(), kind, "{err}");
        assert!(
            err.to_string()
                .starts_with(&format!("{}: {words}", path.display())),
            "{err}"
        );
    }
    assert!(blog.image_names().is_empty(), "nothing written");
}

#[test]
fn a_grid_claiming_a_huge_size_is_refused_by_the_byte_budget_before_decoding() {
    let settings = ImportSettings {
        max_pixels: 1_000_000_000,
        ..ImportSettings::default()
    };
    let err = Blog::new()
        .import_with(&heic("huge-grid"), &settings)
        .expect_err("900 MP at 8 bytes a pixel is over 512 MiB");
    assert_eq!(err.kind(), "over_budget", "{err}");
    assert!(err.to_string().contains("30000x30000 needs "), "{err}");
}

#[test]
fn heic_photos_import_in_a_batch_with_the_others() {
    let blog = Blog::new();
    let results = blog.import_batch(&[
        heic("grid"),
        fixture("orientation/Portrait_1.jpg"),
        heic("truncated"),
    ]);
    assert_eq!(
        results[0].as_ref().expect("grid").url,
        "/assets/images/2023-04-19-grid.jpg"
    );
    assert!(results[1].is_ok());
    assert_eq!(results[2].as_ref().expect_err("cut").kind(), "corrupt");
    assert_eq!(
        blog.image_names(),
        ["2023-04-19-grid.jpg", "2023-04-19-portrait-1.jpg"]
    );
}
