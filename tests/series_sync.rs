//! `lanyard series sync` on the fixture blog: headers inserted and kept in sync, drafts listed
//! as plain text until published, idempotence, hand-written lists adopted only on request,
//! and the demo blog's headers already in the generated format.

mod series_support;

use series_support::{fixture, header_of, SeriesBlog};

const J1: &str = "_posts/2024-03-20-devconf-j1.md";
const J3: &str = "_posts/2024-03-23-devconf-j3.md";
const J2_DRAFT: &str = "_drafts/devconf-j2.md";
const J2: &str = "_posts/2024-03-21-devconf-j2.md";
const EN1: &str = "_posts/en/2024-05-02-rustdays-day1.md";

#[test]
fn inserts_headers_listing_the_draft_part_as_plain_text() {
    let blog = SeriesBlog::new();
    let touched = blog.ok(&["series", "sync"]);
    assert!(touched.contains(&J1.to_string()), "{touched:?}");
    let j1 = blog.read(J1);
    assert_eq!(
        header_of(&j1),
        "<!-- series -->\n\
         Cet article est le premier d'une série sur la `DevConf Lyon 2024`\n\
         - __Jour 1__\n\
         - Jour 2\n\
         - [Jour 3]({% post_url 2024-03-23-devconf-j3 %})\n\
         \n<!-- /series -->"
    );
    // After the banner image, before the first paragraph, with blank lines around.
    assert!(
        j1.contains("jpeg)\n\n<!-- series -->") && j1.contains("<!-- /series -->\n\nPremier jour"),
        "{j1}"
    );
    let draft = blog.read(J2_DRAFT);
    assert!(
        header_of(&draft).contains("le deuxième d'une série"),
        "{draft}"
    );
    assert!(header_of(&draft).contains("- __Jour 2__"), "{draft}");
}

#[test]
fn publishing_part_two_links_it_from_parts_one_and_three_only_then() {
    let blog = SeriesBlog::new();
    blog.ok(&["series", "sync"]);
    for part in [J1, J3] {
        assert!(
            !blog.read(part).contains("devconf-j2"),
            "{part} links a draft"
        );
    }
    blog.publish(J2_DRAFT, J2);
    let touched = blog.ok(&["series", "sync"]);
    assert_eq!(touched, [J1, J3]);
    for part in [J1, J3] {
        let text = blog.read(part);
        assert!(
            header_of(&text).contains("- [Jour 2]({% post_url 2024-03-21-devconf-j2 %})"),
            "{part}: {text}"
        );
    }
    assert!(header_of(&blog.read(J3)).contains("- __Jour 3__"));
}

#[test]
fn a_second_sync_changes_nothing() {
    let blog = SeriesBlog::new();
    blog.ok(&["series", "sync", "--adopt"]);
    let before = blog.snapshot();
    assert!(blog.ok(&["series", "sync", "--adopt"]).is_empty());
    assert!(blog.ok(&["series", "sync"]).is_empty());
    assert_eq!(blog.snapshot(), before);
}

#[test]
fn leaves_a_hand_written_list_alone_without_adopt() {
    let blog = SeriesBlog::new();
    let before = blog.read(EN1);
    let out = blog.lanyard(&["series", "sync"]);
    assert!(out.status.success());
    assert_eq!(blog.read(EN1), before);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(EN1) && stderr.contains("--adopt"),
        "{stderr}"
    );
}

#[test]
fn adopting_a_hand_written_list_leaves_one_list() {
    let blog = SeriesBlog::new();
    let touched = blog.ok(&["series", "sync", "--adopt"]);
    assert!(touched.contains(&EN1.to_string()), "{touched:?}");
    let text = blog.read(EN1);
    assert_eq!(text.matches("This post is the first").count(), 1, "{text}");
    assert_eq!(text.matches("- __Day 1__").count(), 1, "{text}");
    assert_eq!(
        header_of(&text),
        "<!-- series -->\n\
         This post is the first of a series on the `Rust Days 2024`\n\
         - __Day 1__\n\
         - [Day 2]({% post_url en/2024-05-03-rustdays-day2 %})\n\
         \n<!-- /series -->"
    );
    assert!(
        text.contains("<!-- /series -->\n\nA small conference"),
        "{text}"
    );
}

#[test]
fn regenerating_the_demo_blog_headers_changes_nothing() {
    let blog = SeriesBlog::copy_of(&fixture("../../assets/demo-blog"));
    let before = blog.snapshot();
    assert_eq!(
        blog.ok(&["series", "sync", "--adopt"]),
        Vec::<String>::new()
    );
    assert_eq!(blog.snapshot(), before);
}

#[test]
fn uses_the_display_name_and_article_from_the_settings() {
    let blog = SeriesBlog::new();
    blog.ok(&[
        "series",
        "set",
        "DevConf Lyon 2024",
        "--display-name",
        "DevConf",
        "--article",
        "le",
    ]);
    blog.ok(&["series", "sync"]);
    assert!(blog
        .read(J1)
        .contains("Cet article est le premier d'une série sur le `DevConf`"));
}

#[test]
fn drops_the_header_of_a_post_that_left_its_series() {
    let blog = SeriesBlog::new();
    blog.ok(&["series", "sync"]);
    let text = blog.read(J3).replace("series: \"DevConf Lyon 2024\"\n", "");
    std::fs::write(blog.path(J3), text).expect("write");
    let touched = blog.ok(&["series", "sync"]);
    assert!(touched.contains(&J3.to_string()), "{touched:?}");
    assert_eq!(header_of(&blog.read(J3)), "");
    assert!(!blog.read(J1).contains("Jour 3"));
}

#[test]
fn uses_an_edited_template_for_its_language_only() {
    let blog = SeriesBlog::new();
    blog.ok(&[
        "series",
        "template",
        "en",
        "Part {ordinal} of {article}{name}:",
    ]);
    assert_eq!(
        blog.ok(&["series", "template", "en"]),
        ["Part {ordinal} of {article}{name}:"]
    );
    blog.ok(&["series", "sync", "--adopt"]);
    assert!(header_of(&blog.read(EN1)).contains("Part first of the Rust Days 2024:\n"));
    assert!(header_of(&blog.read(J1)).contains("Cet article est le premier"));
}

#[test]
fn leaves_posts_whose_series_is_not_a_string_alone() {
    let blog = SeriesBlog::new();
    let themed = "---\ntitle: A\nseries: [\"a\", \"b\"]\n---\n\nText.\n";
    let numbered = "---\ntitle: B\nseries: 2024\n---\n\nText.\n";
    std::fs::write(blog.path("_posts/2024-06-01-a.md"), themed).expect("write");
    std::fs::write(blog.path("_posts/2024-06-02-b.md"), numbered).expect("write");
    blog.ok(&["series", "sync"]);
    assert_eq!(blog.read("_posts/2024-06-01-a.md"), themed);
    assert_eq!(blog.read("_posts/2024-06-02-b.md"), numbered);
}
