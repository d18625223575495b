//! `lanyard publish` on a temporary git repository made from the fixture blog: the draft
//! that is part 4 of a series lands in `_posts/` under the right name, every part links it,
//! one commit holds exactly those files; and every refusal leaves each file's bytes and the
//! history as they were.

mod publish_support;

use publish_support::{make_unwritable, run, BlogRepo, DRAFT, PUBLISHED};

#[test]
fn publishes_part_4_in_one_commit_of_exactly_its_files() {
    let repo = BlogRepo::new();
    let (code, stdout, stderr) = run(&repo, &["publish", DRAFT, "--commit"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!repo.path(DRAFT).exists());
    let post = repo.read(PUBLISHED);
    assert!(!post.contains("published:"), "{post}");
    assert!(post.contains("- __Jour 4__"), "{post}");
    let part3 = repo.read("_posts/2025-06-13-rustnantes-j3.md");
    assert!(
        part3.contains("- [Jour 4]({% post_url 2025-06-14-rustnantes-j4 %})"),
        "{part3}"
    );
    assert!(!part3.contains("\n- Jour 4\n"), "{part3}");
    assert_eq!(repo.commit_count(), 2);
    let mut files: Vec<String> = repo
        .git(&["show", "--no-renames", "--name-only", "--format=", "HEAD"])
        .lines()
        .map(str::to_string)
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "_drafts/rustnantes-j4.md",
            "_posts/2025-06-11-rustnantes-j1.md",
            "_posts/2025-06-12-rustnantes-j2.md",
            "_posts/2025-06-13-rustnantes-j3.md",
            PUBLISHED,
        ]
    );
    assert_eq!(
        repo.git(&["log", "-1", "--format=%an <%ae>|%s"]).trim(),
        "Ana Test <ana@example.org>|Publish: Rust Nantes 2025 - Jour 4"
    );
    assert_eq!(repo.status(), "", "the tree is clean");
    assert!(stdout.contains(PUBLISHED), "{stdout}");
}

#[test]
fn takes_the_commit_message_given() {
    let repo = BlogRepo::new();
    let (code, _, stderr) = run(
        &repo,
        &["publish", DRAFT, "--commit", "--message", "Jour 4 en ligne"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s"]).trim(),
        "Jour 4 en ligne"
    );
}

#[test]
fn dry_run_prints_the_plan_and_writes_nothing() {
    let repo = BlogRepo::new();
    let before = repo.snapshot();
    let (code, stdout, stderr) = run(&repo, &["publish", DRAFT, "--dry-run", "--commit"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!("moved    {DRAFT} -> {PUBLISHED}")),
        "{stdout}"
    );
    assert!(
        stdout.contains("changed  _posts/2025-06-13-rustnantes-j3.md"),
        "{stdout}"
    );
    assert!(stdout.contains("\n-published: false\n"), "{stdout}");
    assert!(
        stdout.contains("\n+- [Jour 4]({% post_url 2025-06-14-rustnantes-j4 %})\n"),
        "{stdout}"
    );
    assert_eq!(repo.snapshot(), before);
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn a_broken_post_url_blocks_with_file_and_line() {
    let repo = BlogRepo::new();
    let draft = repo.read(DRAFT);
    let broken = draft.replace(
        "premier jour]({% post_url 2025-06-11-rustnantes-j1 %})",
        "premier jour]({% post_url 2025-06-01-rustnantes-j0 %})",
    );
    std::fs::write(repo.path(DRAFT), &broken).expect("write");
    let line = broken
        .lines()
        .position(|l| l.contains("rustnantes-j0"))
        .expect("line")
        + 1;
    let before = repo.snapshot();
    let (code, stdout, stderr) = run(&repo, &["publish", DRAFT, "--commit"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{DRAFT}:{line}: error: post_url `2025-06-01-rustnantes-j0`"
        )),
        "{stderr}"
    );
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(repo.snapshot(), before, "no file changed");
    assert_eq!(repo.commit_count(), 1, "no commit");
}

#[test]
fn a_leftover_placeholder_blocks() {
    let repo = BlogRepo::new();
    let draft = repo.read(DRAFT).replace("Hugo Perrin", "⟪speakers⟫");
    std::fs::write(repo.path(DRAFT), &draft).expect("write");
    let before = repo.snapshot();
    let (code, _, stderr) = run(&repo, &["publish", DRAFT]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: placeholder `⟪speakers⟫`"),
        "{stderr}"
    );
    assert_eq!(repo.snapshot(), before);
}

#[test]
fn a_missing_image_blocks() {
    let repo = BlogRepo::new();
    std::fs::remove_file(repo.path("assets/images/2025-06-14-atelier.png")).expect("rm");
    let (code, _, stderr) = run(&repo, &["publish", DRAFT]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{DRAFT}:22: error: missing image `/assets/images/2025-06-14-atelier.png`"
        )),
        "{stderr}"
    );
    assert!(repo.path(DRAFT).exists());
}

#[test]
fn an_oversized_image_is_a_warning_that_force_overrides() {
    let repo = BlogRepo::new();
    let before = repo.snapshot();
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--max-image-kb", "0"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("warning: image `/assets/images/2025-06-14-atelier.png` is"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(repo.snapshot(), before);
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--max-image-kb", "0", "--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(repo.path(PUBLISHED).exists());
}

#[test]
fn refuses_when_other_changes_are_staged() {
    let repo = BlogRepo::new();
    std::fs::write(repo.path("notes.txt"), "à faire\n").expect("write");
    repo.git(&["add", "notes.txt"]);
    let before = repo.snapshot();
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("staged changes to other files (notes.txt)"),
        "{stderr}"
    );
    assert_eq!(repo.snapshot(), before);
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn a_read_only_posts_folder_leaves_every_file_as_it_was() {
    let repo = BlogRepo::new();
    let before = repo.snapshot();
    let Some(_guard) = make_unwritable(&repo.path("_posts")) else {
        eprintln!("skipped: cannot make a folder unwritable here");
        return;
    };
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("_posts"), "{stderr}");
    drop(_guard);
    assert_eq!(repo.snapshot(), before);
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn a_write_failing_midway_puts_back_the_files_already_written() {
    let repo = BlogRepo::new();
    let before = repo.snapshot();
    // The draft's move and part 1 are written before part 2, which cannot be replaced.
    let Some(guard) = make_unwritable(&repo.path("_posts/2025-06-12-rustnantes-j2.md")) else {
        eprintln!("skipped: cannot make a file unreplaceable without root (chattr)");
        return;
    };
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit"]);
    drop(guard);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("2025-06-12-rustnantes-j2.md"), "{stderr}");
    assert_eq!(repo.snapshot(), before);
    assert_eq!(repo.commit_count(), 1);
    assert_eq!(repo.status(), "");
}

#[test]
fn a_commit_failing_after_the_writes_puts_back_every_file() {
    let repo = BlogRepo::new();
    let before = repo.snapshot();
    // Another git holds the index lock: the files are written, then the commit fails.
    let lock = repo.path(".git/index.lock");
    std::fs::write(&lock, "").expect("lock");
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit"]);
    std::fs::remove_file(&lock).expect("unlock");
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("put back"), "{stderr}");
    assert_eq!(repo.snapshot(), before);
    assert_eq!(repo.commit_count(), 1);
    assert_eq!(repo.status(), "");
}

#[test]
fn refuses_a_post_already_published() {
    let repo = BlogRepo::new();
    let (code, _, stderr) = run(&repo, &["publish", "_posts/2025-06-13-rustnantes-j3.md"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("already published"), "{stderr}");
}

#[test]
fn without_commit_leaves_the_changes_for_the_user() {
    let repo = BlogRepo::new();
    let (code, _, stderr) = run(&repo, &["publish", DRAFT]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(repo.commit_count(), 1);
    assert!(repo.status().contains(PUBLISHED), "{}", repo.status());
}

#[test]
fn a_dateless_draft_is_published_today() {
    let repo = BlogRepo::new();
    let draft = repo
        .read(DRAFT)
        .replace("date: 2025-06-14 18:00:00 +0200\n", "");
    std::fs::write(repo.path(DRAFT), draft).expect("write");
    let tz = jiff::tz::TimeZone::get("Europe/Paris").expect("tz");
    let today = tz.to_datetime(jiff::Timestamp::now()).date();
    let (code, stdout, stderr) = run(&repo, &["publish", DRAFT]);
    assert_eq!(code, 0, "{stderr}");
    let name = format!("_posts/{today}-rustnantes-j4.md");
    assert!(stdout.contains(&name), "{stdout}");
    assert!(repo.path(&name).exists());
}

#[test]
fn a_draft_dated_in_the_future_is_a_warning() {
    let repo = BlogRepo::new();
    let draft = repo.read(DRAFT).replace(
        "date: 2025-06-14 18:00:00 +0200",
        "date: 2999-06-14 18:00:00 +0200",
    );
    std::fs::write(repo.path(DRAFT), draft).expect("write");
    let before = repo.snapshot();
    let (code, _, stderr) = run(&repo, &["publish", DRAFT]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{DRAFT}:4: warning: dated 2999-06-14, in the future"
        )),
        "{stderr}"
    );
    assert_eq!(repo.snapshot(), before);
}

#[test]
fn a_post_kept_back_by_published_false_is_published_in_place() {
    let repo = BlogRepo::new();
    let part3 = "_posts/2025-06-13-rustnantes-j3.md";
    let text = repo
        .read(part3)
        .replace("lang: fr\n---", "lang: fr\npublished: false\n---");
    std::fs::write(repo.path(part3), text).expect("write");
    let (code, _, stderr) = run(&repo, &["series", "sync"]);
    assert_eq!(code, 0, "{stderr}");
    let part2 = repo.read("_posts/2025-06-12-rustnantes-j2.md");
    assert!(
        part2.contains("\n- Jour 3\n"),
        "kept back, day 3 is not linked: {part2}"
    );
    repo.git(&["commit", "-qam", "Day 3 kept back"]);
    let (code, stdout, stderr) = run(&repo, &["publish", part3, "--commit"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!repo.read(part3).contains("published:"));
    assert!(stdout.contains(part3), "{stdout}");
    assert!(repo
        .read("_posts/2025-06-12-rustnantes-j2.md")
        .contains("- [Jour 3]({% post_url 2025-06-13-rustnantes-j3 %})"));
    assert!(repo.path(DRAFT).exists(), "the draft is not touched");
    assert_eq!(repo.status(), "");
}

#[test]
fn front_matter_that_does_not_parse_blocks_with_its_line() {
    let repo = BlogRepo::new();
    let draft = repo.read(DRAFT).replace(
        "tags: [\"Conférence\", \"Rust\"]",
        "tags: [\"Conférence\", \"Rust\"",
    );
    std::fs::write(repo.path(DRAFT), draft).expect("write");
    let before = repo.snapshot();
    let (code, _, stderr) = run(&repo, &["publish", DRAFT, "--commit"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{DRAFT}:"))
            && stderr.contains("error: front matter does not parse"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("does not parse").count(), 1, "{stderr}");
    assert_eq!(repo.snapshot(), before);
    assert_eq!(repo.commit_count(), 1);
}
