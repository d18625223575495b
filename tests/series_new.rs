//! `lanyard new`: a new series' first part, and next parts that inherit the previous part's
//! front matter, date and title pattern, open with a talk skeleton and appear in every
//! part's header.

mod series_support;

use series_support::{header_of, SeriesBlog};

#[test]
fn writes_the_next_part_as_a_draft_dated_the_day_after() {
    let blog = SeriesBlog::new();
    let out = blog.ok(&["new", "--series", "Rust Days 2024"]);
    assert_eq!(out, ["_drafts/rust-days-2024-day-3.md"]);
    let text = blog.read("_drafts/rust-days-2024-day-3.md");
    assert!(
        text.starts_with(
            "---\nlayout: post\ntitle: \"Rust Days 2024 - Day 3\"\ndate: 2024-05-04\n\
         series: \"Rust Days 2024\"\nlang: en\n---\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("This post is the third of a series"),
        "{text}"
    );
    assert!(text.contains("## Talk title"), "{text}");
    let day2 = blog.read("_posts/en/2024-05-03-rustdays-day2.md");
    assert!(header_of(&day2).contains("- Day 3\n"), "{day2}");
}

#[test]
fn a_next_part_inherits_tags_but_not_the_previous_date_or_title() {
    let blog = SeriesBlog::new();
    blog.publish("_drafts/devconf-j2.md", "_posts/2024-03-21-devconf-j2.md");
    let out = blog.ok(&[
        "new",
        "--series",
        "DevConf Lyon 2024",
        "--slug",
        "devconf-j4",
    ]);
    assert_eq!(out, ["_drafts/devconf-j4.md"]);
    let text = blog.read("_drafts/devconf-j4.md");
    assert!(
        text.contains("title: \"DevConf Lyon 2024 - Jour 4\"\n"),
        "{text}"
    );
    assert!(text.contains("date: 2024-03-24\n"), "{text}");
    assert!(text.contains("tags: [\"Conférence\"]\n"), "{text}");
    assert!(text.contains("Ce talk a été donné par"), "{text}");
    assert!(header_of(&text).contains("le quatrième"), "{text}");
}

#[test]
fn starts_a_new_series_with_the_given_title_date_and_language() {
    let blog = SeriesBlog::new();
    let out = blog.ok(&[
        "new",
        "--title",
        "FOSDEM 2025 - Jour 1",
        "--series",
        "FOSDEM 2025",
        "--date",
        "2025-02-01",
        "--lang",
        "fr",
    ]);
    assert_eq!(out, ["_drafts/fosdem-2025-jour-1.md"]);
    let text = blog.read("_drafts/fosdem-2025-jour-1.md");
    assert!(
        text.starts_with(
            "---\nlayout: post\ntitle: \"FOSDEM 2025 - Jour 1\"\ndate: 2025-02-01\n\
         series: \"FOSDEM 2025\"\nlang: fr\n---\n"
        ),
        "{text}"
    );
    assert!(header_of(&text).contains("- __Jour 1__"), "{text}");
    let next = blog.ok(&["new", "--series", "FOSDEM 2025"]);
    assert_eq!(next, ["_drafts/fosdem-2025-jour-2.md"]);
    assert!(blog
        .read("_drafts/fosdem-2025-jour-2.md")
        .contains("date: 2025-02-02\n"));
}

#[test]
fn refuses_bad_names_and_never_overwrites() {
    let blog = SeriesBlog::new();
    let before = blog.snapshot();
    for args in [
        &["new", "--title", "X", "--slug", "../x"][..],
        &["new", "--title", "X", "--slug", "a/b"],
        &["new", "--title", "line\nbreak"],
        &["new", "--title", "X", "--slug", "devconf-j2"],
        &["new", "--title", "X", "--date", "2024-02-30"],
        &["new"],
    ] {
        let out = blog.lanyard(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert_eq!(blog.snapshot(), before);
}

/// The fixture blog with every `lang:` written `language:` (as a held-out blog of 88 posts
/// writes it), in its posts and its config.
fn blog_writing_language() -> SeriesBlog {
    let blog = SeriesBlog::new();
    for rel in [
        "_config.yml",
        "_drafts/devconf-j2.md",
        "_posts/2024-03-20-devconf-j1.md",
        "_posts/2024-03-23-devconf-j3.md",
        "_posts/2024-04-02-notes-de-lecture.md",
        "_posts/en/2024-05-02-rustdays-day1.md",
        "_posts/en/2024-05-03-rustdays-day2.md",
    ] {
        let text = blog.read(rel).replace("\nlang:", "\nlanguage:");
        std::fs::write(blog.path(rel), text).expect("write");
    }
    blog
}

#[test]
fn writes_the_language_under_the_blog_s_own_key() {
    let blog = blog_writing_language();
    blog.ok(&["new", "--series", "Rust Days 2024"]);
    let next = blog.read("_drafts/rust-days-2024-day-3.md");
    assert!(next.contains("\nlanguage: en\n"), "{next}");
    assert!(!next.contains("\nlang:"), "{next}");
    // The wording follows `language:` (English here, where the blog's default is French).
    assert!(
        next.contains("This post is the third of a series"),
        "{next}"
    );
    blog.ok(&[
        "new",
        "--title",
        "FOSDEM 2025 - Jour 1",
        "--lang",
        "fr",
        "--slug",
        "fosdem-j1",
    ]);
    let fresh = blog.read("_drafts/fosdem-j1.md");
    assert!(fresh.contains("\nlanguage: fr\n"), "{fresh}");
    assert!(!fresh.contains("\nlang:"), "{fresh}");
}
