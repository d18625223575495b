//! `lanyard mv`: re-dating or renaming a post renames its file, follows `date:`, rewrites
//! every `post_url` to it in the whole blog (subfolder forms too), regenerates the headers,
//! warns that a published post's URL changes, and refuses unsafe names without writing.

mod series_support;

use series_support::{header_of, SeriesBlog};

const J1: &str = "_posts/2024-03-20-devconf-j1.md";
const J2: &str = "_posts/2024-03-21-devconf-j2.md";
const J2_MOVED: &str = "_posts/2024-03-22-devconf-j2.md";
const J3: &str = "_posts/2024-03-23-devconf-j3.md";
const NOTES: &str = "_posts/2024-04-02-notes-de-lecture.md";
const EN1: &str = "_posts/en/2024-05-02-rustdays-day1.md";
const EN2: &str = "_posts/en/2024-05-03-rustdays-day2.md";

/// The fixture with day 2 published and every header in place.
fn published_blog() -> SeriesBlog {
    let blog = SeriesBlog::new();
    blog.publish("_drafts/devconf-j2.md", J2);
    blog.ok(&["series", "sync", "--adopt"]);
    blog
}

#[test]
fn re_dating_part_two_renames_it_and_rewrites_every_link() {
    let blog = published_blog();
    let out = blog.lanyard(&["mv", J2, "--date", "2024-03-22"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let touched = String::from_utf8_lossy(&out.stdout);
    for file in [J1, J2, J2_MOVED, J3, NOTES] {
        assert!(
            touched.lines().any(|l| l == file),
            "{file} not in {touched}"
        );
    }
    assert!(!blog.path(J2).exists());
    let moved = blog.read(J2_MOVED);
    assert!(
        moved.contains("date: 2024-03-22 18:30:00 +0100\n"),
        "{moved}"
    );
    for file in [J1, J3, NOTES] {
        let text = blog.read(file);
        assert!(
            text.contains("{% post_url 2024-03-22-devconf-j2 %}"),
            "{file}: {text}"
        );
        assert!(!text.contains("2024-03-21-devconf-j2"), "{file}: {text}");
    }
    // The other link of the unrelated post is untouched.
    assert!(blog
        .read(NOTES)
        .contains("{% post_url en/2024-05-03-rustdays-day2 %}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/2024/03/21/devconf-j2.html") && stderr.contains("redirect_from"),
        "{stderr}"
    );
}

#[test]
fn sync_after_a_move_changes_nothing() {
    let blog = published_blog();
    blog.ok(&["mv", J2, "--date", "2024-03-22"]);
    let before = blog.snapshot();
    assert!(blog.ok(&["series", "sync", "--adopt"]).is_empty());
    assert_eq!(blog.snapshot(), before);
}

#[test]
fn re_dating_past_another_part_reorders_the_series() {
    let blog = published_blog();
    blog.ok(&["mv", J1, "--date", "2024-03-24"]);
    let moved = blog.read("_posts/2024-03-24-devconf-j1.md");
    assert!(
        header_of(&moved).contains("le troisième d'une série"),
        "{moved}"
    );
    let j2 = blog.read(J2);
    assert!(header_of(&j2).contains("le premier d'une série"), "{j2}");
}

#[test]
fn renaming_keeps_the_subfolder_form_of_links_and_can_add_a_redirect() {
    let blog = published_blog();
    let touched = blog.ok(&["mv", EN2, "--slug", "rust-days-2", "--redirect"]);
    let new_path = "_posts/en/2024-05-03-rust-days-2.md";
    assert!(touched.contains(&new_path.to_string()), "{touched:?}");
    assert!(blog
        .read(EN1)
        .contains("[Day 2]({% post_url en/2024-05-03-rust-days-2 %})"));
    assert!(blog
        .read(NOTES)
        .contains("{% post_url en/2024-05-03-rust-days-2 %}"));
    let moved = blog.read(new_path);
    assert!(
        moved.contains("redirect_from: [\"/2024/05/03/rustdays-day2.html\"]\n"),
        "{moved}"
    );
}

#[test]
fn dry_run_lists_the_files_and_writes_nothing() {
    let blog = published_blog();
    let before = blog.snapshot();
    let touched = blog.ok(&["mv", J2, "--date", "2024-03-22", "--dry-run"]);
    assert!(touched.contains(&J2_MOVED.to_string()), "{touched:?}");
    assert_eq!(blog.snapshot(), before);
}

#[test]
fn refuses_unsafe_slugs_and_existing_targets_without_writing() {
    let blog = published_blog();
    let before = blog.snapshot();
    for slug in ["../escape", "a/b", "bad\nname", ".."] {
        let out = blog.lanyard(&["mv", J2, "--slug", slug]);
        assert_eq!(out.status.code(), Some(2), "{slug:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
    let out = blog.lanyard(&["mv", J2, "--slug", "devconf-j1", "--date", "2024-03-20"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    let out = blog.lanyard(&["mv", J2, "--date", "2024-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(blog.snapshot(), before);
}

#[test]
fn re_dating_a_draft_sets_its_date_and_keeps_its_name() {
    let blog = SeriesBlog::new();
    let draft = "_drafts/devconf-j2.md";
    let touched = blog.ok(&["mv", draft, "--date", "2024-03-22"]);
    assert!(touched.contains(&draft.to_string()), "{touched:?}");
    let text = blog.read(draft);
    assert!(text.contains("date: 2024-03-22 18:30:00 +0100\n"), "{text}");
    assert!(blog.ok(&["series", "sync"]).is_empty());
}

#[test]
fn warns_when_a_new_date_in_the_future_unpublishes_the_post() {
    let blog = published_blog();
    let out = blog.lanyard(&["mv", J2, "--date", "2999-01-01"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("in the future"), "{stderr}");
    // The parts list it as plain text again, so their own build does not break.
    let j1 = blog.read(J1);
    assert!(header_of(&j1).contains("- Jour 2\n"), "{j1}");
}
