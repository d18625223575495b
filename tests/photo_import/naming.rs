//! Names in the assets folder: dates, alt text, suffixes, reuse, never overwriting.

use std::fs;
use std::path::Path;

use lanyard::photo_import::{import_photo, ImportSettings, PhotoJob};

use crate::helpers::{fixture, Blog};

fn copy_as(from: &str, to: &Path) {
    fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    fs::copy(fixture(from), to).expect("copy");
}

#[test]
fn two_different_photos_with_the_same_name_both_land_with_a_suffix() {
    let phone = tempfile::tempdir().expect("tempdir");
    let a = phone.path().join("day1/IMG_0001.jpg");
    let b = phone.path().join("day2/IMG_0001.jpg");
    copy_as("orientation/Landscape_1.jpg", &a);
    copy_as("orientation/Portrait_1.jpg", &b);
    let blog = Blog::new();
    let results = blog.import_batch(&[a, b]);
    let mut urls: Vec<String> = results
        .into_iter()
        .map(|r| r.expect("imports").url)
        .collect();
    urls.sort();
    assert_eq!(
        urls,
        [
            "/assets/images/2023-04-19-img-0001-2.jpg",
            "/assets/images/2023-04-19-img-0001.jpg"
        ]
    );
}

#[test]
fn the_same_photo_imported_twice_is_reused_not_duplicated() {
    let blog = Blog::new();
    let source = fixture("orientation/Landscape_1.jpg");
    let first = blog.import(&source).expect("first");
    let second = blog.import(&source).expect("second");
    assert!(!first.reused && second.reused);
    assert_eq!(first.path, second.path);
    assert_eq!(blog.image_names(), ["2023-04-19-landscape-1.jpg"]);
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let blog = Blog::new();
    fs::create_dir_all(blog.images()).expect("mkdir");
    let taken = blog.images().join("2023-04-19-landscape-1.jpg");
    fs::write(&taken, b"the author's own picture").expect("write");
    let out = blog
        .import(&fixture("orientation/Landscape_1.jpg"))
        .expect("imports");
    assert!(
        out.url.ends_with("/2023-04-19-landscape-1-2.jpg"),
        "{}",
        out.url
    );
    assert_eq!(fs::read(&taken).expect("read"), b"the author's own picture");
}

#[test]
fn alt_text_names_the_file_and_cannot_leave_the_folder() {
    let blog = Blog::new();
    let job = PhotoJob {
        source: fixture("orientation/Portrait_1.jpg"),
        alt: Some("../../Kelsey's keynote\n/etc".into()),
    };
    let out = import_photo(&job, &blog.target(), &ImportSettings::default()).expect("imports");
    assert_eq!(
        out.url,
        "/assets/images/2023-04-19-kelsey-s-keynote-etc.jpg"
    );
    assert!(out.path.starts_with(blog.images()));
    assert_eq!(
        out.markdown(),
        "![../../Kelsey's keynote /etc](/assets/images/2023-04-19-kelsey-s-keynote-etc.jpg)"
    );
}

#[test]
fn folder_and_pattern_are_settings() {
    let blog = Blog::new();
    let settings = ImportSettings {
        folder: "images/talks".into(),
        pattern: "{year}/{name}".into(),
        ..ImportSettings::default()
    };
    let source = fixture("orientation/Portrait_1.jpg");
    let err = blog
        .import_with(&source, &settings)
        .expect_err("a / in the pattern");
    assert_eq!(err.kind(), "bad_name");
    let settings = ImportSettings {
        pattern: "{name}-{date}".into(),
        ..settings
    };
    let out = blog.import_with(&source, &settings).expect("imports");
    assert_eq!(out.url, "/images/talks/portrait-1-2023-04-19.jpg");
    let outside = ImportSettings {
        folder: "../elsewhere".into(),
        ..ImportSettings::default()
    };
    assert_eq!(
        blog.import_with(&source, &outside)
            .expect_err("outside")
            .kind(),
        "bad_name"
    );
    assert!(!blog.dir.path().join("../elsewhere").exists());
}
