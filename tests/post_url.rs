//! `{% post_url %}` resolution through the workspace's `SiteContext`, as Jekyll 4.3's `PostUrl`
//! tag resolves it (each case checked with a Jekyll build of the site-basic fixture).

use std::path::Path;

use lanyard::render::SiteContext;
use lanyard::site::gate::resolve_url;
use lanyard::site::Workspace;

fn workspace() -> Workspace {
    Workspace::open(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site-basic"))
        .expect("opens")
}

fn url(ws: &Workspace, name: &str) -> Option<String> {
    ws.resolve_post_url(name).map(|t| t.url)
}

#[test]
fn resolves_a_name_as_written_in_the_file_name() {
    let ws = workspace();
    assert_eq!(
        url(&ws, "2023-04-19-kubecon-jour-1").as_deref(),
        Some("/carnet/2023/04/19/kubecon-jour-1.html")
    );
    assert_eq!(
        url(&ws, "2023-4-20-kubecon-jour-2").as_deref(),
        Some("/carnet/2023/04/21/kubecon-jour-2.html")
    );
}

#[test]
fn resolves_subfolder_and_dir_posts_forms() {
    let ws = workspace();
    let day3 = Some("/carnet/conf/2023/04/21/kubecon-jour-3.html");
    assert_eq!(
        url(&ws, "kubecon/2023-04-21-kubecon-jour-3").as_deref(),
        day3
    );
    assert_eq!(
        url(&ws, "/kubecon/2023-04-21-kubecon-jour-3").as_deref(),
        day3
    );
    assert_eq!(
        url(&ws, "talks/2023-04-24-notes-de-talk").as_deref(),
        Some("/carnet/talks/2023/04/24/notes-de-talk.html")
    );
}

#[test]
fn falls_back_to_the_deprecated_slug_and_day_match() {
    let ws = workspace();
    // No subfolder given: Jekyll still finds it by slug and day, with a deprecation warning.
    assert_eq!(
        url(&ws, "2023-04-21-kubecon-jour-3").as_deref(),
        Some("/carnet/conf/2023/04/21/kubecon-jour-3.html")
    );
    // Day 2 is dated the 21st in Paris: neither the name nor the day matches.
    assert_eq!(url(&ws, "2023-04-20-kubecon-jour-2"), None);
}

#[test]
fn does_not_resolve_names_with_an_extension_or_without_a_date() {
    let ws = workspace();
    assert_eq!(url(&ws, "2023-04-19-kubecon-jour-1.md"), None);
    assert_eq!(url(&ws, "kubecon-jour-1"), None);
}

#[test]
fn reports_unpublished_and_future_targets() {
    let ws = workspace();
    let hidden = ws
        .resolve_post_url("2023-04-22-brouillon-oublie")
        .expect("known");
    assert!(!hidden.published && !hidden.future);
    let later = ws
        .resolve_post_url("2099-01-01-dans-le-futur")
        .expect("known");
    assert!(!later.published && later.future);
    let day1 = ws
        .resolve_post_url("2023-04-19-kubecon-jour-1")
        .expect("known");
    assert!(day1.published && day1.path.ends_with("_posts/2023-04-19-kubecon-jour-1.md"));
}

#[test]
fn finds_site_files_and_includes_but_nothing_outside() {
    let ws = workspace();
    let exists =
        |url: &str| resolve_url(url, "", "/").is_some_and(|path| ws.check_site_file(&path).is_ok());
    assert!(exists("/assets/images/2023-04-19-stand.jpg"));
    assert!(!exists("/assets/images/absente.jpg"));
    assert!(!exists("/../site-broken/_config.yml"));
    assert!(ws
        .include("note.html")
        .expect("include")
        .contains("include.text"));
    let err = ws
        .include("../_config.yml")
        .expect_err("outside the includes folder");
    assert_eq!(err.kind(), "outside_site");
    assert_eq!(ws.baseurl(), "/carnet");
    assert_eq!(ws.site_vars()["title"], "Carnet de conférences");
}
