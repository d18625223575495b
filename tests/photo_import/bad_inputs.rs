//! Bad inputs: each gets one error naming its file, nothing is written for it, and the rest of
//! the batch goes on.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use lanyard::photo_import::{import_photos, ImportSettings, PhotoError, PhotoJob};

use crate::helpers::{fixture, Blog};

/// A PNG signature and an IHDR chunk claiming `width` x `height`, and nothing else.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&[0, 0, 0, 0]); // CRC, never reached
    png
}

/// Writes each bad input into `dir` and returns (path, expected error kind).
fn bad_inputs(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let good = fs::read(fixture("orientation/Landscape_1.jpg")).expect("fixture");
    let random: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let random_tail = random[..512].to_vec();
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.jpg", Vec::new(), "unknown_format"),
        (
            "truncated.jpg",
            good[..good.len() * 6 / 10].to_vec(),
            "corrupt",
        ),
        (
            "notes.jpg",
            b"Talk notes, not a photo\n".to_vec(),
            "unknown_format",
        ),
        ("noise.png", random, "unknown_format"),
        ("huge.png", png_header(100_000, 100_000), "too_large"),
        (
            "broken.png",
            [png_header(10, 10), random_tail].concat(),
            "corrupt",
        ),
        (
            "IMG_0042.HEIC",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
            "corrupt",
        ),
    ];
    let mut out = Vec::new();
    for (name, bytes, kind) in files {
        let path = dir.join(name);
        fs::write(&path, bytes).expect("write bad input");
        out.push((path, kind));
    }
    // A folder cannot be read as a file: the unreadable input that works even as root.
    let folder = dir.join("folder.jpg");
    fs::create_dir(&folder).expect("mkdir");
    out.push((folder, "not_regular_file"));
    out
}

#[test]
fn each_bad_input_gets_its_own_error_and_the_batch_goes_on() {
    let inputs = tempfile::tempdir().expect("tempdir");
    let mut cases = bad_inputs(inputs.path());
    cases.insert(3, (fixture("orientation/Landscape_1.jpg"), "ok"));
    let blog = Blog::new();
    let sources: Vec<PathBuf> = cases.iter().map(|(p, _)| p.clone()).collect();
    let results = blog.import_batch(&sources);
    assert_eq!(results.len(), cases.len());
    for ((path, kind), result) in cases.iter().zip(&results) {
        match result {
            Ok(photo) => assert_eq!(*kind, "ok", "{} imported as {}", path.display(), photo.url),
            Err(err) => {
                assert_eq!(err.kind(), *kind, "{}: {err}", path.display());
                assert_eq!(err.path(), path.as_path());
                let name = path.file_name().expect("name").to_string_lossy();
                assert!(err.to_string().contains(name.as_ref()), "{err}");
            }
        }
    }
    assert_eq!(
        blog.image_names(),
        ["2023-04-19-landscape-1.jpg"],
        "only the good photo"
    );
}

#[test]
fn error_messages_say_what_to_do() {
    let inputs = tempfile::tempdir().expect("tempdir");
    let blog = Blog::new();
    let messages: Vec<String> = bad_inputs(inputs.path())
        .iter()
        .map(|(path, _)| blog.import(path).expect_err("bad input").to_string())
        .collect();
    let all = messages.join("\n");
    assert!(
        all.contains("IMG_0042.HEIC: the image is corrupt or truncated ("),
        "{all}"
    );
    assert!(
        all.contains("empty.jpg: not a JPEG, PNG, WebP or HEIC image (the file is empty)"),
        "{all}"
    );
    assert!(
        all.contains("notes.jpg: not a JPEG, PNG, WebP or HEIC image (a text file)"),
        "{all}"
    );
    assert!(
        all.contains(
            "huge.png: 100000x100000 is 10000 megapixels, more than the 100 megapixel limit"
        ),
        "{all}"
    );
    assert!(
        all.contains("truncated.jpg: the image is corrupt or truncated (Premature end"),
        "{all}"
    );
    assert!(
        all.contains("folder.jpg: not a regular file (FIFO, device, socket or folder); not read"),
        "{all}"
    );
}

#[test]
fn a_photo_over_the_pixel_limit_is_refused_before_decoding() {
    let settings = ImportSettings {
        max_pixels: 100_000,
        ..ImportSettings::default()
    };
    let err = Blog::new()
        .import_with(&fixture("orientation/Landscape_1.jpg"), &settings)
        .expect_err("600x400 is over 0.1 MP");
    assert!(
        matches!(
            err,
            PhotoError::TooLarge {
                width: 600,
                height: 400,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = dir.path().join("locked.jpg");
    fs::copy(fixture("orientation/Landscape_1.jpg"), &locked).expect("copy");
    set_mode(&locked, 0o000);
    if fs::read(&locked).is_ok() {
        // Root reads anything: the folder-as-photo case above covers unreadable input then.
        eprintln!("skipped: running as root, permissions are not enforced");
        return;
    }
    let err = Blog::new().import(&locked).expect_err("unreadable");
    assert_eq!(err.kind(), "io");
    assert!(
        err.to_string()
            .starts_with(&format!("{}: ", locked.display())),
        "{err}"
    );
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

#[test]
fn an_unwritable_assets_folder_fails_every_photo_and_writes_nothing() {
    // Root ignores permissions, so a file where the `images` folder should be stands in for
    // a read-only folder: creating anything inside it fails for everyone.
    let blog = Blog::new();
    fs::create_dir_all(blog.dir.path().join("assets")).expect("mkdir");
    fs::write(blog.images(), b"not a folder").expect("blocker");
    let sources = [
        fixture("orientation/Landscape_1.jpg"),
        fixture("iphone4s-orient6.jpg"),
    ];
    for (source, result) in sources.iter().zip(blog.import_batch(&sources)) {
        let err = result.expect_err("cannot write");
        assert_eq!(err.kind(), "write");
        assert!(err
            .to_string()
            .starts_with(&format!("{}: cannot write ", source.display())));
    }
    assert_eq!(fs::read(blog.images()).expect("blocker"), b"not a folder");
    let assets: Vec<_> = fs::read_dir(blog.dir.path().join("assets"))
        .expect("ls")
        .collect();
    assert_eq!(assets.len(), 1, "no temp file next to the blocker");
}

#[test]
fn a_read_only_assets_folder_is_an_error_naming_the_photo() {
    let blog = Blog::new();
    fs::create_dir_all(blog.images()).expect("mkdir");
    set_mode(&blog.images(), 0o555);
    let probe = blog.images().join("probe");
    if fs::write(&probe, b"x").is_ok() {
        // Root writes anywhere: the file-instead-of-folder test above stands in for this.
        eprintln!("skipped: running as root, permissions are not enforced");
        return;
    }
    let source = fixture("orientation/Landscape_1.jpg");
    let err = blog.import(&source).expect_err("read-only folder");
    assert_eq!(err.kind(), "write");
    assert!(err
        .to_string()
        .starts_with(&format!("{}: cannot write ", source.display())));
    set_mode(&blog.images(), 0o755);
    assert!(blog.image_names().is_empty(), "no photo and no temp file");
}

#[test]
fn a_cancelled_batch_writes_nothing_more_and_reports_every_photo() {
    let blog = Blog::new();
    let jobs: Vec<PhotoJob> = ["Landscape_1", "Landscape_2", "Portrait_1"]
        .iter()
        .map(|n| PhotoJob::new(fixture(&format!("orientation/{n}.jpg"))))
        .collect();
    let cancel = AtomicBool::new(true);
    let calls = AtomicUsize::new(0);
    let on_progress = |p: lanyard::photo_import::ImportProgress<'_>| {
        calls.fetch_add(1, Ordering::SeqCst);
        assert_eq!(p.total, 3);
        assert!(p.done >= 1 && p.done <= 3);
    };
    let results = import_photos(
        &jobs,
        &blog.target(),
        &ImportSettings::default(),
        &on_progress,
        &cancel,
    );
    assert!(results
        .iter()
        .all(|r| matches!(r, Err(PhotoError::Cancelled { .. }))));
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert!(blog.image_names().is_empty());
}

#[test]
fn progress_counts_every_photo_up_to_the_total() {
    let blog = Blog::new();
    let jobs: Vec<PhotoJob> = (1..=4)
        .map(|n| PhotoJob::new(fixture(&format!("orientation/Portrait_{n}.jpg"))))
        .collect();
    let highest = AtomicUsize::new(0);
    let on_progress = |p: lanyard::photo_import::ImportProgress<'_>| {
        assert!(p.result.is_ok(), "{:?}", p.result);
        highest.fetch_max(p.done, Ordering::SeqCst);
    };
    let cancel = AtomicBool::new(false);
    let results = import_photos(
        &jobs,
        &blog.target(),
        &ImportSettings::default(),
        &on_progress,
        &cancel,
    );
    assert_eq!(highest.load(Ordering::SeqCst), 4);
    let urls: Vec<_> = results.into_iter().map(|r| r.expect("ok").url).collect();
    assert_eq!(
        urls[0], "/assets/images/2023-04-19-portrait-1.jpg",
        "results in job order"
    );
    assert_eq!(blog.image_names().len(), 4);
}
