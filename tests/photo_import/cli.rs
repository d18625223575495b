//! `lanyard photos import`: output lines, stderr lines, exit codes, and an untouched post.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::helpers::{fixture, Blog};

fn lanyard(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lanyard"))
        .args(args)
        .output()
        .expect("run lanyard")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn prints_one_image_line_per_photo_in_order_and_leaves_the_post_alone() {
    let blog = Blog::new();
    let post_before = fs::read(blog.post()).expect("post");
    let args = [
        Path::new("photos"),
        Path::new("import"),
        Path::new("--post"),
        &blog.post(),
        &fixture("iphone4s-orient6.jpg"),
        &fixture("orientation/Landscape_3.jpg"),
    ];
    let out = lanyard(&args);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "![](/assets/images/2012-08-26-iphone4s-orient6.jpg)\n\
         ![](/assets/images/2023-04-19-landscape-3.jpg)\n"
    );
    assert_eq!(text(&out.stderr), "");
    assert_eq!(
        fs::read(blog.post()).expect("post"),
        post_before,
        "the post is not changed"
    );
    assert_eq!(
        blog.image_names(),
        [
            "2012-08-26-iphone4s-orient6.jpg",
            "2023-04-19-landscape-3.jpg"
        ]
    );
}

#[test]
fn a_failed_photo_is_reported_on_stderr_and_the_others_go_on_with_exit_1() {
    let blog = Blog::new();
    let bad = blog.dir.path().join("notes.jpg");
    fs::write(&bad, "not a photo").expect("write");
    let good = fixture("orientation/Portrait_1.jpg");
    let out = lanyard(&[
        Path::new("photos"),
        Path::new("import"),
        Path::new("--post"),
        &blog.post(),
        &bad,
        &good,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "![](/assets/images/2023-04-19-portrait-1.jpg)\n"
    );
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("{}: not a JPEG", bad.display())),
        "{stderr}"
    );
}

#[test]
fn bad_usage_exits_2() {
    let blog = Blog::new();
    let photo = fixture("orientation/Portrait_1.jpg");
    let no_post = lanyard(&[Path::new("photos"), Path::new("import"), &photo]);
    assert_eq!(no_post.status.code(), Some(2));
    let no_files = lanyard(&[
        Path::new("photos"),
        Path::new("import"),
        Path::new("--post"),
        &blog.post(),
    ]);
    assert_eq!(no_files.status.code(), Some(2));
    let missing = blog.dir.path().join("_posts/2023-04-20-nope.md");
    let out = lanyard(&[
        Path::new("photos"),
        Path::new("import"),
        Path::new("--post"),
        &missing,
        &photo,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("2023-04-20-nope.md"),
        "{}",
        text(&out.stderr)
    );
    assert!(blog.image_names().is_empty());
}
