//! `lanyard render`: the HTML on stdout, the workspace found from the post, exit 2 with one
//! stderr line naming the file for anything unreadable.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn lanyard(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lanyard"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn prints_the_body_with_post_url_links_resolved() {
    let post = fixture("site-basic/_posts/2023-04-19-kubecon-jour-1.md");
    let out = lanyard(&["render", post.to_str().expect("utf8")], Path::new("/"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(
        html.contains("href=\"/carnet/2023/04/21/kubecon-jour-2.html\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"/carnet/conf/2023/04/21/kubecon-jour-3.html\""),
        "{html}"
    );
    assert!(html.contains("Keynote"), "{html}");
    assert!(!html.contains("title: "), "front matter leaked: {html}");
}

#[test]
fn finds_the_workspace_from_a_relative_post_path() {
    let out = lanyard(
        &["render", "_posts/kubecon/2023-04-21-kubecon-jour-3.md"],
        &fixture("site-basic"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("sous-dossier"));
}

#[test]
fn resolves_links_against_an_explicit_workspace() {
    let post = fixture("site-basic/_posts/2023-4-20-kubecon-jour-2.md");
    let ws = fixture("site-basic");
    let out = lanyard(
        &[
            "render",
            post.to_str().expect("utf8"),
            "--workspace",
            ws.to_str().expect("utf8"),
        ],
        Path::new("/"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("href=\"/carnet/2023/04/19/kubecon-jour-1.html\""));
}

#[test]
fn renders_a_post_without_front_matter() {
    let out = lanyard(
        &["render", "_posts/2023-04-23-sans-front-matter.md"],
        &fixture("site-basic"),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("quand même un billet"));
}

#[test]
fn exits_2_naming_the_file_on_malformed_yaml() {
    let out = lanyard(
        &["render", "_posts/2023-05-04-yaml-casse.md"],
        &fixture("site-broken"),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("2023-05-04-yaml-casse.md:"), "{err}");
    assert!(err.contains("front matter"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn exits_2_on_a_binary_file() {
    let out = lanyard(
        &["render", "_posts/2023-05-05-binaire.md"],
        &fixture("site-broken"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("2023-05-05-binaire.md"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("binary"));
}

#[test]
fn exits_2_on_a_missing_post() {
    let out = lanyard(
        &["render", "_posts/2023-01-01-nope.md"],
        &fixture("site-basic"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2023-01-01-nope.md"));
}

#[test]
fn exits_2_on_a_missing_workspace() {
    let post = fixture("site-basic/_posts/2023-04-18-en-route.md");
    let out = lanyard(
        &[
            "render",
            post.to_str().expect("utf8"),
            "--workspace",
            "/no/such/blog",
        ],
        Path::new("/"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/blog"));
}

#[test]
fn exits_2_on_bad_usage() {
    assert_eq!(lanyard(&["render"], Path::new("/")).status.code(), Some(2));
    assert_eq!(
        lanyard(&["frobnicate"], Path::new("/")).status.code(),
        Some(2)
    );
}
