//! Responsive photo output (issue 18) end to end: a photo imported as WebP or AVIF in
//! several widths is inserted as `<img srcset>` or `<picture>` HTML, and then `check` knows
//! every file it names (a missing width is an error naming the post, its line and the file),
//! `publish --to` copies every width and format, and real Jekyll builds the post with the
//! markup as it is.

mod publish_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use lanyard::photo_import::{import_photo, ImportSettings, ImportTarget, PhotoJob};
use lanyard::site::SiteConfig;
use publish_support::{copy_dir, fixture, run, BlogRepo, PUBLISHED};

const CONFIG: &str =
    "lanyard:\n  images:\n    format: webp\n    widths: [300, 600]\n    markup: picture\n";

fn photo(name: &str) -> PathBuf {
    fixture("photos").join(name)
}

/// Imports `source` into the blog at `root` with the blog's settings, returning the text
/// inserted and the site paths of the files written.
fn import_into(root: &Path, source: &Path, day: jiff::civil::Date) -> (String, Vec<String>) {
    let config = SiteConfig::load(root).expect("config");
    let settings = ImportSettings::for_blog(&config.images);
    let target = ImportTarget {
        workspace: root.to_path_buf(),
        post_date: day,
    };
    let job = PhotoJob {
        source: source.to_path_buf(),
        alt: Some("Atelier".into()),
    };
    let photo = import_photo(&job, &target, &settings).expect("imports");
    let files = photo
        .files
        .iter()
        .map(|f| f.url.trim_start_matches('/').to_string())
        .collect();
    (photo.markdown(), files)
}

/// The blog without part 4, and a drafts folder holding it with a responsive photo appended
/// (on the returned line); the files of that photo.
fn drafts_with_a_picture() -> (BlogRepo, PathBuf, usize, Vec<String>) {
    let repo = BlogRepo::new();
    repo.git(&[
        "rm",
        "-q",
        "_drafts/rustnantes-j4.md",
        "assets/images/2025-06-14-atelier.png",
    ]);
    repo.git(&["commit", "-q", "-m", "Drafts live elsewhere"]);
    let drafts = repo.tmp().join("drafts");
    let source = fixture("publish-blog");
    copy_dir(&source.join("_drafts"), &drafts.join("_drafts"));
    let config = fs::read_to_string(source.join("_config.yml")).expect("config");
    fs::write(drafts.join("_config.yml"), format!("{config}{CONFIG}")).expect("config");
    let (markup, files) = import_into(
        &drafts,
        &photo("orientation/Landscape_1.jpg"),
        jiff::civil::date(2025, 6, 14),
    );
    let draft = drafts.join("_drafts/rustnantes-j4.md");
    let text = fs::read_to_string(&draft)
        .expect("draft")
        .replace("![](/assets/images/2025-06-14-atelier.png)", &markup);
    let line = text
        .lines()
        .position(|l| l.starts_with("<picture>"))
        .expect("inserted")
        + 1;
    fs::write(&draft, text).expect("write");
    (repo, drafts, line, files)
}

#[test]
fn publish_copies_every_width_and_format_of_a_picture() {
    let (repo, drafts, _, files) = drafts_with_a_picture();
    assert_eq!(files.len(), 4, "{files:?}");
    let draft = drafts
        .join("_drafts/rustnantes-j4.md")
        .display()
        .to_string();
    let target = repo.root().display().to_string();
    let (code, _, stderr) = run(&repo, &["publish", &draft, "--to", &target, "--commit"]);
    assert_eq!(code, 0, "{stderr}");
    let committed = repo.git(&["show", "--no-renames", "--name-only", "--format=", "HEAD"]);
    for file in &files {
        assert!(
            committed.lines().any(|l| l == file),
            "{file} in {committed}"
        );
        assert_eq!(
            fs::read(repo.path(file)).expect("copied"),
            fs::read(drafts.join(file)).expect("source")
        );
    }
    assert!(repo
        .read(PUBLISHED)
        .contains("<picture><source type=\"image/webp\""));
}

#[test]
fn a_missing_width_blocks_publish_naming_post_line_and_file() {
    let (repo, drafts, line, files) = drafts_with_a_picture();
    let gone = files
        .iter()
        .find(|f| f.ends_with("-300.webp"))
        .expect("a 300 px WebP");
    fs::remove_file(drafts.join(gone)).expect("rm");

    // In a draft the finding is a warning of `check`; `publish` refuses it.
    let before = repo.snapshot();
    let draft = drafts
        .join("_drafts/rustnantes-j4.md")
        .display()
        .to_string();
    let target = repo.root().display().to_string();
    let (code, _, stderr) = run(&repo, &["publish", &draft, "--to", &target]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "_drafts/rustnantes-j4.md:{line}: error: missing image `/{gone}`"
        )),
        "{stderr}"
    );
    assert_eq!(repo.snapshot(), before, "nothing written");
}

#[test]
fn a_missing_width_of_a_post_is_a_check_finding_naming_post_line_and_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blog = dir.path();
    fs::create_dir_all(blog.join("_posts")).expect("mkdir");
    fs::write(
        blog.join("_config.yml"),
        "title: Carnet\nlanyard:\n  images:\n    widths: [200, 400]\n",
    )
    .expect("config");
    let day = jiff::civil::date(2026, 11, 12);
    let (img, files) = import_into(blog, &photo("orientation/Landscape_1.jpg"), day);
    assert!(img.starts_with("<img src="), "{img}");
    let post = format!("---\ntitle: Keynote\n---\n\nLa salle :\n\n{img}\n");
    fs::write(blog.join("_posts/2026-11-12-keynote.md"), post).expect("post");
    let check = |blog: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_lanyard"))
            .args(["check", "--workspace"])
            .arg(blog)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, stdout) = check(blog);
    assert_eq!(code, Some(0), "every width is there: {stdout}");

    let gone = files
        .iter()
        .find(|f| f.ends_with("-200.jpg"))
        .expect("a 200 px JPEG");
    fs::remove_file(blog.join(gone)).expect("rm");
    let (code, stdout) = check(blog);
    // `check` reports a missing image as a warning (Jekyll still builds the page, as for a
    // missing `![](...)`); `publish` refuses it (the test above).
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        stdout.lines().any(
            |l| l.starts_with("_posts/2026-11-12-keynote.md:7: warning: image `/")
                && l.contains(gone.as_str())
        ),
        "{stdout}"
    );
}

fn jekyll_available() -> bool {
    Command::new("jekyll")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn jekyll_builds_srcset_and_picture_markup_as_it_is() {
    if !jekyll_available() {
        eprintln!("skipped: `jekyll` is not on PATH (make test installs Debian's jekyll)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let blog = dir.path().join("blog");
    fs::create_dir_all(blog.join("_posts")).expect("mkdir");
    let day = jiff::civil::date(2026, 11, 12);
    let write_config = |images: &str| {
        fs::write(
            blog.join("_config.yml"),
            format!("title: Carnet\nmarkdown: kramdown\npermalink: /:year/:month/:day/:title.html\nlanyard:\n  images:\n{images}"),
        )
        .expect("config");
    };
    write_config("    format: webp\n    widths: [300, 600]\n    markup: picture\n");
    let (picture, mut files) = import_into(&blog, &photo("orientation/Landscape_1.jpg"), day);
    write_config("    format: avif\n    widths: [200, 400]\n");
    let (img, more) = import_into(&blog, &photo("orientation/Landscape_3.jpg"), day);
    files.extend(more);
    let post = format!(
        "---\ntitle: Keynote\n---\n\nLa salle, avant la keynote :\n\n{picture}\n\nEt la scène.\n\n{img}\n"
    );
    fs::write(blog.join("_posts/2026-11-12-keynote.md"), post).expect("post");

    let check = Command::new(env!("CARGO_BIN_EXE_lanyard"))
        .args(["check", "--workspace"])
        .arg(&blog)
        .output()
        .expect("runs");
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    let site = dir.path().join("site");
    let out = Command::new("jekyll")
        .args(["build", "--quiet", "--disable-disk-cache", "--source"])
        .arg(&blog)
        .arg("--destination")
        .arg(&site)
        .output()
        .expect("run jekyll");
    assert!(
        out.status.success(),
        "jekyll build failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let html = fs::read_to_string(site.join("2026/11/12/keynote.html")).expect("built page");
    // kramdown writes the void elements back XHTML style (`<img ... />`), nothing else changes.
    let as_kramdown = |markup: &str| markup.replace("\">", "\" />");
    assert!(
        html.contains(&as_kramdown(&picture)),
        "kramdown kept the <picture>:\n{html}"
    );
    assert!(
        html.contains(&as_kramdown(&img)),
        "kramdown kept the <img srcset>:\n{html}"
    );
    for file in &files {
        assert!(site.join(file).is_file(), "{file} is in the built site");
    }
}
