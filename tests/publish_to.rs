//! `lanyard publish --to REPO`: the workspace is a separate drafts folder; the post and every
//! image it shows are copied into the blog repository, its series headers are regenerated
//! there, one commit holds exactly those files, and the drafts folder is left as it was.
//! The same checks and the same all-or-nothing rule apply.

mod publish_support;

use std::fs;

use publish_support::{copy_dir, fixture, run, BlogRepo, PUBLISHED};

const IMAGE: &str = "assets/images/2025-06-14-atelier.png";

/// The blog without part 4 nor its image, committed; and a drafts folder holding both.
fn blog_and_drafts() -> (BlogRepo, std::path::PathBuf) {
    let repo = BlogRepo::new();
    repo.git(&["rm", "-q", "_drafts/rustnantes-j4.md", IMAGE]);
    repo.git(&["commit", "-q", "-m", "Drafts live elsewhere"]);
    let drafts = repo.tmp().join("drafts");
    let source = fixture("publish-blog");
    copy_dir(&source.join("_drafts"), &drafts.join("_drafts"));
    fs::create_dir_all(drafts.join("assets/images")).expect("mkdir");
    fs::copy(source.join(IMAGE), drafts.join(IMAGE)).expect("copy image");
    fs::copy(source.join("_config.yml"), drafts.join("_config.yml")).expect("copy config");
    (repo, drafts)
}

#[test]
fn copies_the_post_and_its_image_into_the_blog_in_one_commit() {
    let (repo, drafts) = blog_and_drafts();
    let draft = drafts.join("_drafts/rustnantes-j4.md");
    let draft_text = fs::read(&draft).expect("draft");
    let target = repo.root().display().to_string();
    let (code, _, stderr) = run(
        &repo,
        &[
            "publish",
            &draft.display().to_string(),
            "--to",
            &target,
            "--commit",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        fs::read(&draft).expect("draft"),
        draft_text,
        "the draft is untouched"
    );
    assert_eq!(
        fs::read(repo.path(IMAGE)).expect("image"),
        fs::read(drafts.join(IMAGE)).expect("source image")
    );
    assert!(!repo.read(PUBLISHED).contains("published:"));
    assert!(repo
        .read("_posts/2025-06-13-rustnantes-j3.md")
        .contains("- [Jour 4]({% post_url 2025-06-14-rustnantes-j4 %})"));
    let mut files: Vec<String> = repo
        .git(&["show", "--no-renames", "--name-only", "--format=", "HEAD"])
        .lines()
        .map(str::to_string)
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "_posts/2025-06-11-rustnantes-j1.md",
            "_posts/2025-06-12-rustnantes-j2.md",
            "_posts/2025-06-13-rustnantes-j3.md",
            PUBLISHED,
            IMAGE,
        ]
    );
    assert_eq!(repo.status(), "");
}

#[test]
fn an_image_of_other_content_in_the_target_blocks_everything() {
    let (repo, drafts) = blog_and_drafts();
    fs::write(repo.path(IMAGE), b"another picture").expect("write");
    let before = repo.snapshot();
    let draft = drafts
        .join("_drafts/rustnantes-j4.md")
        .display()
        .to_string();
    let target = repo.root().display().to_string();
    let (code, _, stderr) = run(&repo, &["publish", &draft, "--to", &target, "--commit"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{IMAGE}:1: error: already exists in the target")),
        "{stderr}"
    );
    assert_eq!(repo.snapshot(), before);
    assert_eq!(repo.commit_count(), 2);
}

#[test]
fn a_missing_image_in_the_drafts_folder_blocks() {
    let (repo, drafts) = blog_and_drafts();
    fs::remove_file(drafts.join(IMAGE)).expect("rm");
    let before = repo.snapshot();
    let draft = drafts
        .join("_drafts/rustnantes-j4.md")
        .display()
        .to_string();
    let target = repo.root().display().to_string();
    let (code, _, stderr) = run(&repo, &["publish", &draft, "--to", &target]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("_drafts/rustnantes-j4.md:22: error: missing image"),
        "{stderr}"
    );
    assert_eq!(repo.snapshot(), before);
}

#[test]
fn the_workspace_setting_gives_the_target_when_to_is_not_given() {
    let (repo, drafts) = blog_and_drafts();
    let key = drafts
        .canonicalize()
        .expect("canonical")
        .display()
        .to_string();
    let settings = serde_json::json!({ "targets": { key: repo.root() } });
    fs::write(repo.tmp().join("data/publish.json"), settings.to_string()).expect("settings");
    let draft = drafts
        .join("_drafts/rustnantes-j4.md")
        .display()
        .to_string();
    let (code, _, stderr) = run(&repo, &["publish", &draft, "--commit"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("publishing setting"), "{stderr}");
    assert!(repo.path(PUBLISHED).exists());
    assert!(repo.path(IMAGE).exists());
    assert_eq!(repo.status(), "");
}
