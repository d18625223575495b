//! `lanyard fm get|set|unset`: on a copy of our fixtures, outside any blog; exit 0 ok, 1 for a
//! missing key on `get`, 2 (file and line on stderr, nothing written) for front matter that
//! does not parse, a bad value or an unreadable file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn copy_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fm")
        .join(name);
    let to = dir.path().join(name);
    std::fs::copy(&from, &to).expect("copy");
    (dir, to)
}

fn fm(args: &[&str], post: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lanyard"));
    cmd.arg("fm").arg(args[0]).arg(post).args(&args[1..]);
    cmd.output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn get_prints_values_as_yaml() {
    let (_dir, post) = copy_fixture("comments.md");
    let out = fm(&["get", "title"], &post);
    assert_eq!(
        (out.status.code(), stdout(&out).as_str()),
        (Some(0), "Jour 3\n")
    );
    let out = fm(&["get", "tags"], &post);
    assert_eq!(stdout(&out), "- kubecon\n- wasm\n");
    let out = fm(&["get", "published"], &post);
    assert_eq!(stdout(&out), "false\n");
}

#[test]
fn get_exits_1_on_a_missing_key() {
    let (_dir, post) = copy_fixture("comments.md");
    let out = fm(&["get", "series"], &post);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("comments.md"), "{}", stderr(&out));
}

#[test]
fn set_and_unset_change_only_that_key() {
    let (_dir, post) = copy_fixture("aligned.md");
    let original = std::fs::read_to_string(&post).expect("read");
    let out = fm(&["set", "title", "\"Jour 1 : keynotes\""], &post);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let edited = std::fs::read_to_string(&post).expect("read");
    assert_eq!(
        edited,
        original.replace("\"KubeCon Europe 2023 : Jour 1\"", "\"Jour 1 : keynotes\"")
    );
    assert_eq!(
        fm(&["set", "series", "- KubeCon"], &post).status.code(),
        Some(0)
    );
    assert_eq!(fm(&["unset", "series"], &post).status.code(), Some(0));
    assert_eq!(fm(&["unset", "series"], &post).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&post).expect("read"), edited);
}

#[test]
fn exits_2_naming_file_and_line_and_writes_nothing_when_front_matter_is_broken() {
    let (_dir, post) = copy_fixture("broken.md");
    let before = std::fs::read(&post).expect("read");
    for args in [
        &["set", "lang", "fr"][..],
        &["unset", "title"],
        &["get", "layout"],
    ] {
        let out = fm(args, &post);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("broken.md:3:"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read(&post).expect("read"), before);
}

#[test]
fn exits_2_on_an_invalid_value_or_a_missing_file() {
    let (dir, post) = copy_fixture("lists.md");
    let before = std::fs::read(&post).expect("read");
    let out = fm(&["set", "title", "a: b"], &post);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("lists.md"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&post).expect("read"), before);
    let out = fm(&["get", "title"], &dir.path().join("nope.md"));
    assert_eq!(out.status.code(), Some(2));
    let leftovers = std::fs::read_dir(dir.path()).expect("ls").count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}
