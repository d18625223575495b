//! Pushing after publishing, through the user's own `git`, never to a real host: a missing
//! `file://` remote and a closed port on 127.0.0.1 fail cleanly and keep the commit; a
//! remote that moved on rejects the push, and `--rebase` pulls and pushes again; the core's
//! sequence reports each of those steps.

mod publish_support;

use publish_support::{run, BlogRepo, DRAFT};

#[test]
fn a_missing_file_remote_keeps_the_commit() {
    let repo = BlogRepo::new();
    let missing = repo.tmp().join("nowhere.git");
    repo.git(&[
        "remote",
        "add",
        "origin",
        &format!("file://{}", missing.display()),
    ]);
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit", "--push"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("does not appear to be a git repository"),
        "git's own output: {stderr}"
    );
    assert!(stderr.contains("can be pushed later"), "{stderr}");
    assert_eq!(repo.commit_count(), 2, "the commit is kept");
    assert_eq!(repo.status(), "");
}

#[test]
fn a_closed_port_keeps_the_commit() {
    let repo = BlogRepo::new();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    repo.git(&[
        "remote",
        "add",
        "origin",
        &format!("http://127.0.0.1:{port}/blog.git"),
    ]);
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit", "--push"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("can be pushed later"), "{stderr}");
    assert_eq!(repo.commit_count(), 2, "the commit is kept");
}

#[test]
fn no_remote_at_all_says_so_and_keeps_the_commit() {
    let repo = BlogRepo::new();
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit", "--push"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no remote"), "{stderr}");
    assert_eq!(repo.commit_count(), 2);
}

/// A bare remote holding the blog, and a second clone that pushed a commit since.
fn remote_that_moved_on(repo: &BlogRepo) {
    let remote = repo.tmp().join("remote.git");
    repo.git_in(
        repo.tmp(),
        &["init", "-q", "--bare", "-b", "main", "remote.git"],
    );
    let url = format!("file://{}", remote.display());
    repo.git(&["remote", "add", "origin", &url]);
    repo.git(&["push", "-q", "-u", "origin", "main"]);
    repo.git_in(repo.tmp(), &["clone", "-q", &url, "other"]);
    let other = repo.tmp().join("other");
    std::fs::write(
        other.join("about.md"),
        "---\ntitle: À propos\n---\nBonjour.\n",
    )
    .expect("write");
    repo.git_in(&other, &["add", "about.md"]);
    repo.git_in(
        &other,
        &[
            "-c",
            "user.name=Bo",
            "-c",
            "user.email=bo@example.org",
            "commit",
            "-q",
            "-m",
            "About",
        ],
    );
    repo.git_in(&other, &["push", "-q"]);
}

#[test]
fn a_rejected_push_says_to_pull_with_rebase() {
    let repo = BlogRepo::new();
    remote_that_moved_on(&repo);
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit", "--push"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("[rejected]"), "git's own output: {stderr}");
    assert!(stderr.contains("--rebase"), "{stderr}");
    assert_eq!(repo.commit_count(), 2, "the commit is kept");
}

#[test]
fn rebase_pulls_then_pushes_again() {
    let repo = BlogRepo::new();
    remote_that_moved_on(&repo);
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit", "--push", "--rebase"]);
    assert_eq!(code, 0, "{stderr}");
    let remote = repo.tmp().join("remote.git");
    let log = repo.git_in(&remote, &["log", "--format=%s", "main"]);
    assert_eq!(
        log.lines().collect::<Vec<_>>(),
        ["Publish: Rust Nantes 2025 - Jour 4", "About", "Blog"]
    );
    assert!(repo.path("about.md").exists());
    assert_eq!(repo.status(), "");
}

#[test]
fn the_sequence_reports_each_step_and_pushes_after_the_pull() {
    use lanyard::publish::{push_repository, PublishProgress, PushStatus};
    let repo = BlogRepo::new();
    remote_that_moved_on(&repo);
    std::fs::write(repo.path("notes.md"), "---\ntitle: Notes\n---\nx\n").expect("write");
    repo.git(&["add", "notes.md"]);
    repo.git(&[
        "-c",
        "user.name=Al",
        "-c",
        "user.email=al@example.org",
        "commit",
        "-q",
        "-m",
        "Notes",
    ]);
    let mut seen = Vec::new();
    let mut lines = Vec::new();
    let run = push_repository(&repo.root(), true, &mut |p| match p {
        PublishProgress::Line(line) => lines.push(line.to_string()),
        PublishProgress::Started(step) => seen.push(format!("start {step:?}")),
        PublishProgress::Finished(step, outcome) => {
            seen.push(format!("end {step:?} {:?}", outcome.status))
        }
        PublishProgress::Written(_) => seen.push("written".into()),
    })
    .expect("runs git");
    assert!(run.pushed(), "{}", run.output);
    // git's lines reach the caller while it runs (the rejection among them).
    assert!(lines.iter().any(|l| l.contains("[rejected]")), "{lines:?}");
    assert_eq!(
        seen,
        [
            "start Push",
            "end Push Rejected",
            "start PullRebase",
            "end PullRebase Pulled",
            "start PushAgain",
            "end PushAgain Pushed",
        ]
    );
    assert!(
        run.output.contains("[rejected]"),
        "every step's output: {}",
        run.output
    );
    // Without `rebase`, the rejection is the answer.
    let again = BlogRepo::new();
    remote_that_moved_on(&again);
    std::fs::write(again.path("notes.md"), "n\n").expect("write");
    again.git(&["add", "notes.md"]);
    again.git(&[
        "-c",
        "user.name=Al",
        "-c",
        "user.email=al@example.org",
        "commit",
        "-q",
        "-m",
        "N",
    ]);
    let run = push_repository(&again.root(), false, &mut |_| {}).expect("runs git");
    assert_eq!(run.outcome.status, PushStatus::Rejected);
}
