//! `lanyard render --page` and `lanyard sass` on a blog whose gem theme is found through
//! `GEM_HOME` (tests/fixtures/theme-gems): the layout chain, the site's overrides of the
//! theme's includes and Sass partials, the plugin tags' stand-ins, and the errors that name
//! what is missing. Real Jekyll judges minima itself: scripts/theme_fidelity.py.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Runs lanyard with the fixture gem folder as the only gem home.
fn lanyard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lanyard"))
        .args(args)
        .env("GEM_HOME", fixture("theme-gems"))
        .env_remove("GEM_PATH")
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn page_of(post: &str) -> String {
    let post = fixture("theme-blog/_posts").join(post);
    let out = lanyard(&["render", "--page", post.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn renders_the_post_in_its_theme_layout_chain() {
    let html = page_of("2024-05-01-first-day.md");
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\"><head>"),
        "{html}"
    );
    assert!(
        html.contains("<title>First day &amp; keynotes | Theme Test Blog</title>"),
        "{html}"
    );
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/blog/assets/style.css\">"));
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://theme.example.org/blog/2024/05/01/first-day.html\" />"
    ));
    assert!(
        html.contains("href=\"https://theme.example.org/blog/feed.xml\" title=\"Theme Test Blog\"")
    );
    assert!(html.contains("<h1 class=\"post-title\">First day &amp; keynotes</h1>"));
    assert!(
        html.contains("<p class=\"meta\">May 1, 2024 · kubecon, cloud</p>"),
        "{html}"
    );
    assert!(html.contains("<strong>first day</strong>"));
    assert!(html.contains("href=\"/blog/2024/05/02/second-day.html\""));
    assert!(html.contains("<a class=\"tag\" href=\"/blog/tags/kubecon\">kubecon</a>"));
    // The layout's own variables, and the site's: posts, data, pages.
    assert!(
        html.contains("Theme Test Blog · 2 posts · from the post layout"),
        "{html}"
    );
    // The site's _includes/nav.html overrides the theme's.
    assert!(!html.contains("the theme's own nav"));
    assert!(
        html.contains("<a href=\"/blog/\">Home</a><a href=\"/blog/talks/\">Talks</a>"),
        "{html}"
    );
    assert!(
        html.contains("<a class=\"about\" href=\"/blog/about/\">About</a>"),
        "{html}"
    );
}

#[test]
fn a_post_asking_for_the_post_layout_itself_renders_the_same_chain() {
    let html = page_of("2024-05-02-second-day.md");
    assert!(html.contains("<title>Second day | Theme Test Blog</title>"));
    assert!(html.contains("<main class=\"page\">"));
    assert!(html.contains("<p>Quieter day.</p>"));
}

#[test]
fn compiles_the_themes_sass_page_with_the_sites_partials_first() {
    let site = fixture("theme-blog");
    for page in ["assets/style.scss", "assets/style.css"] {
        let out = lanyard(&["sass", page, "--workspace", site.to_str().expect("utf8")]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let css = text(&out.stdout);
        // The site's _sass/variables.scss wins over the theme's; Liquid ran first.
        assert!(
            css.contains(".post-title {\n  color: #c33;\n  margin: 0.5em 0;\n}"),
            "{css}"
        );
        assert!(css.contains("/* Theme Test Blog */"), "{css}");
        assert!(css.contains(".page {\n  max-width: 40em;\n}"), "{css}");
    }
}

#[test]
fn names_a_missing_theme_and_a_missing_sass_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("_posts")).expect("mkdir");
    std::fs::write(dir.path().join("_config.yml"), "theme: no-such-theme\n").expect("config");
    let post = dir.path().join("_posts/2024-01-01-a.md");
    std::fs::write(&post, "---\ntitle: A\n---\nhi\n").expect("post");
    let out = lanyard(&["render", "--page", post.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("_config.yml") && err.contains("theme `no-such-theme` is not installed"),
        "{err}"
    );

    let site = fixture("theme-blog");
    let out = lanyard(&[
        "sass",
        "assets/nope.scss",
        "--workspace",
        site.to_str().expect("utf8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("assets/nope.scss"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_missing_theme_is_one_error_naming_it_and_the_gem_folders() {
    let post = fixture("theme-missing-blog/_posts/2024-06-01-hello.md");
    let out = lanyard(&["render", "--page", post.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing half-written");
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    let gems = fixture("theme-gems/gems");
    assert!(
        err.contains("theme-missing-blog/_config.yml: theme `not-there` is not installed (looked for not-there-<version> in ")
            && err.contains(gems.to_str().expect("utf8")),
        "{err}"
    );
    // Without --page the post still renders (the reading view).
    let out = lanyard(&["render", post.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("<strong>this</strong>"));
}

#[test]
fn a_remote_theme_is_named_and_not_downloaded() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("_posts")).expect("mkdir");
    std::fs::write(
        dir.path().join("_config.yml"),
        "remote_theme: mmistakes/minimal-mistakes@4.24.0\nplugins: [jekyll-remote-theme]\n",
    )
    .expect("config");
    let post = dir.path().join("_posts/2024-01-01-a.md");
    std::fs::write(&post, "---\ntitle: A\n---\nhi\n").expect("post");
    let out = lanyard(&["render", "--page", post.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("_config.yml: theme `mmistakes/minimal-mistakes@4.24.0` is not installed (a `remote_theme` is downloaded"),
        "{err}"
    );
}

/// The shared corpus (when `LANYARD_CORPUS` names it): a post of each gem-themed blog renders
/// in its theme when the theme is installed (minima, Debian's), and otherwise fails with the
/// one error that names the theme (chirpy and minimal-mistakes are not packaged).
#[test]
fn corpus_gem_themed_blogs_render_or_name_their_theme() {
    let Some(corpus) = std::env::var_os("LANYARD_CORPUS").map(PathBuf::from) else {
        return;
    };
    let mut seen = 0;
    for entry in std::fs::read_dir(&corpus).expect("corpus").flatten() {
        let blog = entry.path();
        let Ok(config) = std::fs::read_to_string(blog.join("_config.yml")) else {
            continue;
        };
        let value = |key: &str| {
            config.lines().find_map(|l| {
                let v = l.strip_prefix(key)?.split('#').next()?.trim();
                let v = v.trim_matches(['"', '\'']);
                (!v.is_empty()).then(|| v.to_string())
            })
        };
        let (theme, remote) = match (value("theme:"), value("remote_theme:")) {
            (Some(gem), _) => (gem, false),
            (None, Some(repo)) => (repo, true),
            (None, None) => continue,
        };
        let mut posts: Vec<PathBuf> = std::fs::read_dir(blog.join("_posts"))
            .expect("posts")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        posts.sort();
        let post = posts.first().expect("a post");
        let out = Command::new(env!("CARGO_BIN_EXE_lanyard"))
            .args(["render", "--page", post.to_str().expect("utf8")])
            .output()
            .expect("runs");
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        if theme == "minima" {
            assert_eq!(out.status.code(), Some(0), "{}: {stderr}", blog.display());
            assert!(stdout.contains("<title>") && stdout.contains("class=\"site-header\""));
            assert!(stdout.contains("assets/main.css"), "{stdout}");
        } else {
            assert_eq!(out.status.code(), Some(2), "{}: {stdout}", blog.display());
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            let why = if remote {
                "a `remote_theme` is downloaded".to_string()
            } else {
                format!("looked for {theme}-<version> in ")
            };
            assert!(
                stderr.contains(&format!(
                    "_config.yml: theme `{theme}` is not installed ({why}"
                )),
                "{stderr}"
            );
        }
        seen += 1;
    }
    assert!(seen >= 3, "the corpus holds {seen} gem-themed blogs");
}

#[test]
fn minimas_home_page_lists_the_first_pager_of_jekyll_paginate() {
    let page = fixture("minima-blog/index.html");
    let out = lanyard(&["render", "--page", page.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    // One post a page: the newest, an excerpt of its rendered content, the next pager; and
    // jekyll-seo-tag's rel=next link in the head.
    assert!(html.contains("<li><a href=\"/2024/03/21/day-two.html\">Day two, the hallway track</a>: Most of the second day happened between the...</li>\n</ul>"), "{html}");
    assert!(
        !html.contains("<li><a href=\"/2024/03/20/day-one.html\">"),
        "{html}"
    );
    assert!(
        html.contains(
            "<p class=\"pager\">Page 1 of 2 (2 posts, 1 a page) <a href=\"/page2\">Older</a></p>"
        ),
        "{html}"
    );
    assert!(html.contains("<link rel=\"next\" href=\"https://hallway.example.org/page2\" />"));
}
