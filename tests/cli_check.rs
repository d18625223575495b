//! `lanyard check`: `file:line: severity: message` lines, exit 1 on errors, 0 on warnings only,
//! 2 on an unreadable workspace; `--json` for tools.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn check(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lanyard"))
        .arg("check")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("runs")
}

fn lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn exits_0_with_only_warnings() {
    let out = check(&[], &fixture("site-basic"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        lines(&out),
        [
            "_drafts/LISEZMOI:1: warning: ignored: has no extension, so Jekyll skips it",
            "_posts/2023-04-18-en-route.md:4: warning: duplicate key `title` (first on line 3); Jekyll keeps this last value",
            "_posts/_a-trier.md:1: warning: ignored: starts with `_`, `#` or `~`, so Jekyll skips it",
            "_posts/notes-en-vrac.md:1: warning: ignored: is not named YYYY-MM-DD-slug.ext, so Jekyll skips it",
        ]
    );
}

#[test]
fn reports_every_build_breaker_as_an_error_with_its_line() {
    let ws = fixture("site-broken");
    let out = check(&["--workspace", ws.to_str().expect("utf8")], Path::new("/"));
    assert_eq!(out.status.code(), Some(1));
    let lines = lines(&out);
    let has = |prefix: &str, words: &str| {
        lines
            .iter()
            .any(|l| l.starts_with(prefix) && l.contains(words))
    };
    assert!(
        has("_posts/2023-05-01-liens.md:5: error:", "2023-05-09-fantome"),
        "{lines:#?}"
    );
    assert!(
        has("_posts/2023-05-01-liens.md:6: error:", "not published"),
        "{lines:#?}"
    );
    assert!(
        has("_posts/2023-05-01-liens.md:7: error:", "future"),
        "{lines:#?}"
    );
    assert!(
        has(
            "_posts/2023-05-01-liens.md:9: warning:",
            "/assets/images/perdue.jpg"
        ),
        "{lines:#?}"
    );
    assert!(
        has(
            "_posts/2023-05-04-yaml-casse.md:",
            "front matter does not parse"
        ),
        "{lines:#?}"
    );
    assert!(
        has(
            "_posts/2023-05-06-date-invalide.md:3: error:",
            "pas une date"
        ),
        "{lines:#?}"
    );
    assert!(
        has("_posts/2023-05-05-binaire.md:1: warning:", "binary"),
        "{lines:#?}"
    );
    assert!(
        has(
            "_posts/2023-13-01-mois-impossible.md:1: error:",
            "impossible date"
        ),
        "{lines:#?}"
    );
    // A draft is not built: its broken link is a warning until it is published.
    assert!(
        has("_drafts/idee.md:4: warning:", "2023-05-10-absent"),
        "{lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.contains("2023-05-07-valide`")),
        "{lines:#?}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains(": error:")).count(),
        6,
        "{lines:#?}"
    );
}

#[test]
fn prints_json_with_counts() {
    let out = check(&["--json"], &fixture("site-broken"));
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["errors"], 6);
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    for kind in [
        "post_url",
        "missing_image",
        "front_matter",
        "date",
        "ignored_file",
    ] {
        assert!(kinds.contains(&kind), "no {kind} in {kinds:?}");
    }
    let first = &report["findings"][0];
    for key in ["severity", "kind", "file", "line", "message"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn exits_2_naming_a_missing_workspace() {
    let out = check(&["--workspace", "/no/such/blog"], Path::new("/"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("/no/such/blog"), "{err}");
}

#[test]
fn exits_2_when_the_folder_is_not_a_site() {
    let out = check(&[], &fixture("site-basic/assets"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Jekyll site"));
}
