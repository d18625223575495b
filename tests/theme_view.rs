//! The app's theme view of a post on a gem theme (found through `GEM_HOME`): the page body is
//! sanitized (the theme's script is gone), the post's place is an empty
//! `#lanyard-theme-content`, and the stylesheet is compiled and scoped with its URLs through
//! the asset scheme. Only the first test sets `GEM_HOME` (to the same value every time); the
//! others use Debian's minima, found in the system gem folder whatever `GEM_HOME` says, or a
//! theme installed nowhere.

use std::path::Path;

use lanyard::site::Workspace;
use lanyard::theme::{theme_view, SassCache, CONTENT_ID};
use lanyard::{Error, ErrorKind};

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

fn fixture_post(blog: &str, post: &str) -> (Workspace, std::path::PathBuf, String) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let ws = Workspace::open(fixtures.join(blog)).expect("open");
    let path = ws.root().join("_posts").join(post);
    let text = std::fs::read_to_string(&path).expect("read");
    (ws, path, text)
}

#[test]
fn draws_minimas_social_icons_from_its_sprite() {
    let (ws, post, text) = fixture_post("minima-blog", "2024-03-20-day-one.md");
    let mut cache = SassCache::default();
    let view =
        theme_view(&ws, &post, &text, "lanyard-asset://localhost", &mut cache).expect("view");
    // The footer's GitHub link keeps its icon: the sprite's `github` symbol drawn in place
    // of the `<use>` (another origin's `<use>` would stay blank in the app).
    let footer = &view.body_html[view.body_html.find("social-media-list").expect("social")..];
    let github = &footer[footer
        .find("https://github.com/hallwaytrack")
        .expect("github")..];
    let icon = &github[..github.find("</svg>").expect("icon")];
    assert!(icon.contains("<svg class=\"svg-icon\"><g "), "{icon}");
    assert!(icon.contains("<path d=\"M8 0C3.58 0 0 3.582"), "{icon}");
    assert!(!view.body_html.contains("<use"), "{}", view.body_html);
    assert!(view.problems.is_empty(), "{:?}", view.problems);
}

#[test]
fn a_theme_installed_nowhere_is_named_with_where_lanyard_looked() {
    let (ws, post, text) = fixture_post("theme-missing-blog", "2024-06-01-hello.md");
    let err = theme_view(
        &ws,
        &post,
        &text,
        "lanyard-asset://localhost",
        &mut SassCache::default(),
    )
    .expect_err("no theme");
    assert!(matches!(err, Error::ThemeNotFound { ref theme, .. } if theme == "not-there"));
    assert_eq!(err.error_kind(), ErrorKind::ThemeNotFound);
    let message = err.to_string();
    assert!(
        message.contains("_config.yml: theme `not-there` is not installed"),
        "{message}"
    );
    assert!(
        message.contains("looked for not-there-<version> in ")
            && message.contains("/usr/share/rubygems-integration/all/gems"),
        "{message}"
    );
    // The reading view of the same post still renders.
    let body = ws.render_text(&post, &text).expect("reading view");
    assert!(body.html.contains("<strong>this</strong>"), "{}", body.html);
}
