//! Post URLs for every permalink style and the placeholders of templates. Each expectation is
//! what `{% post_url %}` printed in a Jekyll 4.3 build of the same four posts.

use std::fs;
use std::path::Path;

use lanyard::site::Workspace;

/// A site with `permalink: <style>` and four posts: categories with a space, a `slug:` in a
/// subfolder of `_posts`, a post in `Tech/_posts`, and a post with its own `permalink:`.
fn urls_for(permalink: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    };
    write(
        "_config.yml",
        &format!("permalink: \"{permalink}\"\ntimezone: UTC\n"),
    );
    write(
        "_posts/2023-04-09-KubeCon Day.One!.md",
        "---\ntitle: A\ndate: 2023-04-09 14:05:07\ncategories: [Cloud Native, k8s]\n---\nx\n",
    );
    write(
        "_posts/sub/2023-12-31-autre.md",
        "---\nslug: Mon Slug\n---\nx\n",
    );
    write("Tech/_posts/2023-01-02-dirpost.md", "---\n---\nx\n");
    write(
        "_posts/2023-06-15-own.md",
        "---\npermalink: /fixe/:title.html\n---\nx\n",
    );
    let ws = Workspace::open(dir.path()).expect("opens");
    let url = |rel: &str| {
        ws.posts()
            .iter()
            .find(|p| p.rel_path == rel)
            .expect(rel)
            .url
            .clone()
    };
    vec![
        url("_posts/2023-04-09-KubeCon Day.One!.md"),
        url("_posts/sub/2023-12-31-autre.md"),
        url("Tech/_posts/2023-01-02-dirpost.md"),
        url("_posts/2023-06-15-own.md"),
    ]
}

fn assert_urls(permalink: &str, expected: [&str; 3]) {
    let urls = urls_for(permalink);
    assert_eq!(urls[..3], expected, "permalink: {permalink}");
    assert_eq!(
        urls[3], "/fixe/own.html",
        "a post's own permalink wins over {permalink}"
    );
}

#[test]
fn builds_pretty_urls() {
    assert_urls(
        "pretty",
        [
            "/cloud%20native/k8s/2023/04/09/KubeCon-Day.One!/",
            "/2023/12/31/Mon-Slug/",
            "/tech/2023/01/02/dirpost/",
        ],
    );
}

#[test]
fn builds_ordinal_urls() {
    assert_urls(
        "ordinal",
        [
            "/cloud%20native/k8s/2023/099/KubeCon-Day.One!.html",
            "/2023/365/Mon-Slug.html",
            "/tech/2023/002/dirpost.html",
        ],
    );
}

#[test]
fn builds_none_urls() {
    assert_urls(
        "none",
        [
            "/cloud%20native/k8s/KubeCon-Day.One!.html",
            "/Mon-Slug.html",
            "/tech/dirpost.html",
        ],
    );
}

#[test]
fn builds_weekdate_urls() {
    assert_urls(
        "weekdate",
        [
            "/cloud%20native/k8s/2023/W14/Sun/KubeCon-Day.One!.html",
            "/2023/W52/Sun/Mon-Slug.html",
            "/tech/2023/W01/Mon/dirpost.html",
        ],
    );
}

#[test]
fn fills_time_and_unpadded_placeholders_and_lowercases_slug() {
    assert_urls(
        "/:categories/:short_year/:i_month/:i_day/:hour:minute:second/:slug",
        [
            "/cloud%20native/k8s/23/4/9/140507/kubecon-day-one",
            "/23/12/31/000000/mon-slug",
            "/tech/23/1/2/000000/dirpost",
        ],
    );
}

#[test]
fn builds_title_templates_without_categories() {
    assert_urls(
        "/blog/:year/:month/:title/",
        [
            "/blog/2023/04/KubeCon-Day.One!/",
            "/blog/2023/12/Mon-Slug/",
            "/blog/2023/01/dirpost/",
        ],
    );
    assert_urls(":title/", ["/KubeCon-Day.One!/", "/Mon-Slug/", "/dirpost/"]);
}

#[test]
fn slugifies_categories_and_names() {
    assert_urls(
        "/:slugified_categories/:name/",
        [
            "/cloud-native/k8s/2023-04-09-kubecon-day-one/",
            "/2023-12-31-autre/",
            "/tech/2023-01-02-dirpost/",
        ],
    );
}

#[test]
fn uses_the_path_inside_the_collection() {
    assert_urls(
        "/:path/",
        [
            "/2023-04-09-KubeCon%20Day.One!/",
            "/sub/2023-12-31-autre/",
            "/Tech/2023-01-02-dirpost/",
        ],
    );
}

#[test]
fn applies_front_matter_defaults_permalinks() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("_posts")).expect("mkdir");
    fs::write(
        dir.path().join("_config.yaml"),
        "permalink: date\ndefaults:\n  - scope: {path: '', type: posts}\n    values: {permalink: '/posts/:title/'}\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("_posts/2023-04-19-jour-1.md"),
        "---\n---\nx\n",
    )
    .expect("write");
    let ws = Workspace::open(dir.path()).expect("opens");
    assert_eq!(ws.posts()[0].url, "/posts/jour-1/");
    assert!(Path::new(&ws.posts()[0].path).ends_with("_posts/2023-04-19-jour-1.md"));
}
