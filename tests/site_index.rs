//! Indexing fixture blogs: which files are posts, their URLs (checked against Jekyll 4.3 builds
//! of the same fixtures), what is published, what is ignored and why.

use std::path::{Path, PathBuf};

use lanyard::site::{find_site_root, PostKind, Workspace};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn open(name: &str) -> Workspace {
    Workspace::open(fixture(name)).expect("fixture opens")
}

fn url_of(ws: &Workspace, rel: &str) -> String {
    ws.posts()
        .iter()
        .find(|p| p.rel_path == rel)
        .map(|p| p.url.clone())
        .unwrap_or_else(|| panic!("no post {rel}"))
}

#[test]
fn gives_posts_the_urls_jekyll_builds() {
    let ws = open("site-basic");
    let expected = [
        (
            "_posts/2023-04-18-en-route.md",
            "/carnet/2023/04/18/en-route.html",
        ),
        (
            "_posts/2023-04-19-kubecon-jour-1.md",
            "/carnet/2023/04/19/kubecon-jour-1.html",
        ),
        // `date: 2023-04-20 23:30:00 +0000` is already the 21st in `timezone: Europe/Paris`.
        (
            "_posts/2023-4-20-kubecon-jour-2.md",
            "/carnet/2023/04/21/kubecon-jour-2.html",
        ),
        (
            "_posts/kubecon/2023-04-21-kubecon-jour-3.md",
            "/carnet/conf/2023/04/21/kubecon-jour-3.html",
        ),
        (
            "_posts/2023-04-23-sans-front-matter.md",
            "/carnet/2023/04/23/sans-front-matter.html",
        ),
        (
            "talks/_posts/2023-04-24-notes-de-talk.md",
            "/carnet/talks/2023/04/24/notes-de-talk.html",
        ),
    ];
    for (rel, url) in expected {
        assert_eq!(url_of(&ws, rel), url, "{rel}");
    }
}

#[test]
fn publishes_exactly_what_jekyll_builds() {
    let ws = open("site-basic");
    let mut published: Vec<&str> = ws
        .posts()
        .iter()
        .filter(|p| p.published)
        .map(|p| p.rel_path.as_str())
        .collect();
    published.sort();
    assert_eq!(
        published,
        [
            "_posts/2023-04-17-programme.html",
            "_posts/2023-04-18-en-route.md",
            "_posts/2023-04-19-kubecon-jour-1.md",
            "_posts/2023-04-23-sans-front-matter.md",
            "_posts/2023-4-20-kubecon-jour-2.md",
            "_posts/kubecon/2023-04-21-kubecon-jour-3.md",
            "talks/_posts/2023-04-24-notes-de-talk.md",
        ]
    );
}

#[test]
fn keeps_unpublished_future_and_draft_entries_listed_but_unpublished() {
    let ws = open("site-basic");
    let find = |rel: &str| ws.posts().iter().find(|p| p.rel_path == rel).expect(rel);
    let hidden = find("_posts/2023-04-22-brouillon-oublie.md");
    assert!(!hidden.published && !hidden.future);
    let future = find("_posts/2099-01-01-dans-le-futur.md");
    assert!(!future.published && future.future);
    let draft = find("_drafts/jour-4.md");
    assert_eq!(draft.kind, PostKind::Draft);
    assert!(!draft.published);
    assert_eq!(draft.slug, "jour-4");
}

#[test]
fn indexes_html_posts_as_jekyll_builds_them() {
    let ws = open("site-basic");
    let html = ws
        .posts()
        .iter()
        .find(|p| p.slug == "programme")
        .expect("html post");
    assert!(!html.markdown);
    assert!(html.published);
}

#[test]
fn skips_posts_of_excluded_folders() {
    let ws = open("site-basic");
    assert!(ws
        .posts()
        .iter()
        .all(|p| !p.rel_path.starts_with("archive/")));
}

#[test]
fn lists_ignored_names_with_a_reason() {
    let ws = open("site-basic");
    let ignored: Vec<(&str, &str)> = ws
        .ignored()
        .iter()
        .map(|i| (i.rel_path.as_str(), i.reason.as_str()))
        .collect();
    assert_eq!(ignored.len(), 3, "{ignored:?}");
    assert!(ignored
        .iter()
        .any(|(p, r)| *p == "_drafts/LISEZMOI" && r.contains("extension")));
    assert!(ignored
        .iter()
        .any(|(p, r)| *p == "_posts/_a-trier.md" && r.contains('_')));
    assert!(ignored
        .iter()
        .any(|(p, r)| *p == "_posts/notes-en-vrac.md" && r.contains("YYYY-MM-DD")));
}

#[test]
fn reads_series_tags_lang_and_duplicate_keys() {
    let ws = open("site-basic");
    let find = |rel: &str| ws.posts().iter().find(|p| p.rel_path == rel).expect(rel);
    let day1 = find("_posts/2023-04-19-kubecon-jour-1.md");
    assert_eq!(day1.series.as_deref(), Some("KubeCon Europe 2023"));
    assert_eq!(day1.tags, ["kubecon", "cloud"]);
    assert_eq!(day1.lang.as_deref(), Some("fr"));
    assert_eq!(day1.front_matter["published"], serde_json::json!(true));
    let dup = find("_posts/2023-04-18-en-route.md");
    assert_eq!(dup.title, "En route vers Amsterdam");
    assert_eq!(dup.warnings.len(), 1);
    assert_eq!(dup.warnings[0].line, 4);
    let bare = find("_posts/2023-04-23-sans-front-matter.md");
    assert_eq!(bare.title, "Sans Front Matter");
}

#[test]
fn dates_posts_in_the_site_time_zone() {
    let ws = open("site-basic");
    let day2 = ws
        .posts()
        .iter()
        .find(|p| p.slug == "kubecon-jour-2")
        .expect("day 2");
    assert_eq!(day2.date, "2023-04-21T01:30:00+02:00");
}

#[test]
fn serializes_entries_for_the_ui() {
    let ws = open("site-basic");
    let json = serde_json::to_value(&ws.posts()[0]).expect("serializes");
    for key in [
        "path",
        "rel_path",
        "kind",
        "date",
        "slug",
        "title",
        "url",
        "published",
        "tags",
        "categories",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn finds_the_site_root_above_a_post_even_in_dir_posts() {
    let root = fixture("site-basic");
    for post in [
        "talks/_posts/2023-04-24-notes-de-talk.md",
        "_posts/kubecon/2023-04-21-kubecon-jour-3.md",
    ] {
        assert_eq!(
            find_site_root(&root.join(post)).as_deref(),
            Some(root.as_path()),
            "{post}"
        );
    }
}

#[test]
fn refuses_a_folder_that_is_not_a_site() {
    let err = Workspace::open(fixture("site-basic/assets")).expect_err("not a site");
    assert_eq!(err.kind(), "not_a_site");
}

#[test]
fn names_a_missing_workspace() {
    let err = Workspace::open(fixture("no-such-blog")).expect_err("missing");
    assert_eq!(err.kind(), "not_found");
    assert!(err.to_string().contains("no-such-blog"));
}

#[test]
fn opening_writes_nothing_into_the_blog() {
    let before = snapshot(&fixture("site-basic"));
    let ws = open("site-basic");
    for post in ws.posts() {
        let _ = ws.render_file(&post.path);
    }
    let _ = lanyard::check::check(&ws);
    assert_eq!(snapshot(&fixture("site-basic")), before);
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("ls").flatten() {
            let meta = entry.metadata().expect("meta");
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                out.push((entry.path(), meta.len()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn finds_a_post_by_a_path_written_with_dots() {
    let ws = open("site-basic");
    let roundabout = fixture("site-basic/talks/../_posts/./2023-04-18-en-route.md");
    let post = ws.post_at(&roundabout).expect("found through `..` and `.`");
    assert_eq!(post.rel_path, "_posts/2023-04-18-en-route.md");
    assert_eq!(ws.rel_path(&roundabout), "_posts/2023-04-18-en-route.md");
}

#[test]
fn rolls_over_or_replaces_impossible_file_name_dates_as_jekyll_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("_posts")).expect("mkdir");
    std::fs::write(dir.path().join("_config.yml"), "timezone: UTC\n").expect("config");
    std::fs::write(
        dir.path().join("_posts/2023-13-01-sauve.md"),
        "---\ndate: 2023-05-01\n---\nx\n",
    )
    .expect("post");
    std::fs::write(
        dir.path().join("_posts/2023-02-30-bascule.md"),
        "---\n---\nx\n",
    )
    .expect("post");
    let ws = Workspace::open(dir.path()).expect("opens");
    let urls: Vec<&str> = ws.posts().iter().map(|p| p.url.as_str()).collect();
    assert_eq!(urls, ["/2023/03/02/bascule.html", "/2023/05/01/sauve.html"]);
    assert!(ws.ignored().is_empty());
}

#[test]
fn opens_the_demo_blog_with_no_check_error() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-blog");
    let ws = Workspace::open(&demo).expect("the demo blog opens");
    assert!(ws.posts().iter().any(|p| p.published && p.series.is_some()));
    let errors: Vec<String> = lanyard::check::check(&ws)
        .into_iter()
        .filter(|f| f.severity == lanyard::check::Severity::Error)
        .map(|f| f.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
