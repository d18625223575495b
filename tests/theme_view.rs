//! The app's theme view of a post on a gem theme (found through `GEM_HOME`): the page body is
//! sanitized (the theme's script is gone), the post's place is an empty
//! `#lanyard-theme-content`, and the stylesheet is compiled and scoped with its URLs through
//! the asset scheme. One test in this binary: it sets `GEM_HOME` for the whole process.

use std::path::Path;

use lanyard::site::Workspace;
use lanyard::theme::{theme_view, SassCache, CONTENT_ID};

#[test]
fn builds_a_safe_page_around_the_post_with_scoped_css() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::env::set_var("GEM_HOME", fixtures.join("theme-gems"));
    std::env::remove_var("GEM_PATH");
    let ws = Workspace::open(fixtures.join("theme-blog")).expect("open");
    let post = ws.root().join("_posts/2024-05-01-first-day.md");
    let text = std::fs::read_to_string(&post).expect("read");
    let mut cache = SassCache::default();
    let view =
        theme_view(&ws, &post, &text, "lanyard-asset://localhost", &mut cache).expect("view");
    assert!(
        view.body_html
            .contains(&format!("<div id=\"{CONTENT_ID}\"></div>")),
        "{}",
        view.body_html
    );
    assert!(!view.body_html.contains("script"), "{}", view.body_html);
    assert!(view
        .body_html
        .contains("<h1 class=\"post-title\">First day &amp; keynotes</h1>"));
    assert!(
        !view.body_html.contains("Opening words"),
        "the body is patched in by the app"
    );
    assert!(
        view.css.contains(".post-title {\n  color: #c33;"),
        "{}",
        view.css
    );
    assert_eq!(view.lang.as_deref(), Some("en"));
    assert!(view.problems.is_empty(), "{:?}", view.problems);
    // A second view of the same post reuses the compiled stylesheet.
    let again =
        theme_view(&ws, &post, &text, "lanyard-asset://localhost", &mut cache).expect("view");
    assert_eq!(again.css, view.css);
}
