//! Real Jekyll as the judge of publishing: Debian's `jekyll` builds the repository after
//! `lanyard publish` (a `post_url` to a missing or unpublished post would fail the build),
//! and the built pages of the series link the new part. Skipped, saying so, when `jekyll`
//! is not on PATH (`make test` installs it).

mod publish_support;

use std::fs;

use publish_support::{jekyll_available, jekyll_build, run, BlogRepo, DRAFT};

#[test]
fn jekyll_builds_the_published_blog_and_every_part_links_part_4() {
    if !jekyll_available() {
        eprintln!("skipped: `jekyll` is not on PATH (make test installs Debian's jekyll)");
        return;
    }
    let repo = BlogRepo::new();
    let before = tempfile::tempdir().expect("tempdir");
    jekyll_build(&repo.root(), before.path());
    let part4 = "2025/06/14/rustnantes-j4.html";
    assert!(
        !before.path().join(part4).exists(),
        "the draft is not built before publishing"
    );

    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit"]);
    assert_eq!(code, 0, "{stderr}");
    let after = tempfile::tempdir().expect("tempdir");
    jekyll_build(&repo.root(), after.path());
    assert!(after.path().join(part4).is_file(), "part 4 is built");
    for day in [
        "2025/06/11/rustnantes-j1",
        "2025/06/12/rustnantes-j2",
        "2025/06/13/rustnantes-j3",
    ] {
        let html =
            fs::read_to_string(after.path().join(format!("{day}.html"))).expect("built part");
        assert!(
            html.contains(&format!("<a href=\"/{part4}\">Jour 4</a>")),
            "{day} links part 4:\n{html}"
        );
    }
    let html = fs::read_to_string(after.path().join(part4)).expect("part 4");
    for day in [
        "2025/06/11/rustnantes-j1",
        "2025/06/12/rustnantes-j2",
        "2025/06/13/rustnantes-j3",
    ] {
        assert!(
            html.contains(&format!("href=\"/{day}.html\"")),
            "part 4 links {day}:\n{html}"
        );
    }
    assert!(html.contains("<strong>Jour 4</strong>"), "{html}");
    assert!(
        html.contains("src=\"/assets/images/2025-06-14-atelier.png\""),
        "{html}"
    );
}
