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
use publish_support::{
    copy_dir, fixture, jekyll_available, jekyll_build, run, BlogRepo, PUBLISHED,
};

const CONFIG: &str =
    "lanyard:\n  images:\n    format: webp\n    widths: [300, 600]\n    markup: picture\n";

fn photo(name: &str) -> PathBuf {
    fixture("photos").join(name)
}

/// Imports `source` into the blog at `root` with the blog's settings, returning the text
/// inserted and the site paths of the files written.
fn import_into(root: &Path, source: &Path, day: jiff::civil::Date) -> (String, Vec<String>) {
    let config = SiteConfig::load(root).expect("config");
    let settings = ImportSettings {
        // rav1e's fastest speed: the tests are about the files and markup, not compression.
        avif_speed: 10,
        ..ImportSettings::for_blog(&config.images)
    };
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

    // `check` of the drafts folder reports it as an error; `publish` refuses it.
    let (code, stdout) = check(&drafts);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.lines().any(|l| l
            == format!(
                "_drafts/rustnantes-j4.md:{line}: error: width of a responsive image `/{gone}` is not in the site"
            )),
        "{stdout}"
    );
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

/// `lanyard check --workspace blog`: exit code and standard output.
fn check(blog: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lanyard"))
        .args(["check", "--workspace"])
        .arg(blog)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_missing_width_of_a_post_is_a_check_error_naming_post_line_and_file() {
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
    let (code, stdout) = check(blog);
    assert_eq!(code, Some(0), "every width is there: {stdout}");
    assert_eq!(stdout.trim(), "", "no finding");

    // The smaller width: only small screens ask for it, so `check` must say it is gone.
    let gone = files
        .iter()
        .find(|f| f.ends_with("-200.jpg"))
        .expect("a 200 px JPEG");
    fs::remove_file(blog.join(gone)).expect("rm");
    let (code, stdout) = check(blog);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.lines().any(|l| l
            == format!(
                "_posts/2026-11-12-keynote.md:7: error: width of a responsive image `/{gone}` is not in the site"
            )),
        "{stdout}"
    );

    // The largest width, which is also the `<img>`'s src: still a width, still an error.
    fs::write(blog.join(gone), b"").expect("put back");
    let largest = files
        .iter()
        .find(|f| f.ends_with("-400.jpg"))
        .expect("a 400 px JPEG");
    fs::remove_file(blog.join(largest)).expect("rm");
    let (code, stdout) = check(blog);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.lines().any(|l| l
            .starts_with("_posts/2026-11-12-keynote.md:7: error: width of a responsive image `/")
            && l.contains(largest.as_str())),
        "{stdout}"
    );
}

#[test]
fn a_missing_plain_html_image_stays_a_check_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blog = dir.path();
    fs::create_dir_all(blog.join("_posts")).expect("mkdir");
    fs::write(blog.join("_config.yml"), "title: Carnet\n").expect("config");
    let post = "---\ntitle: Keynote\n---\n\n<img src=\"/assets/gone.jpg\" alt=\"x\">\n";
    fs::write(blog.join("_posts/2026-11-12-keynote.md"), post).expect("post");
    let (code, stdout) = check(blog);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        stdout.lines().any(|l| l
            == "_posts/2026-11-12-keynote.md:5: warning: image `/assets/gone.jpg` is not in the site"),
        "{stdout}"
    );
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

    let (code, stdout) = check(&blog);
    assert_eq!(code, Some(0), "{stdout}");

    let site = dir.path().join("site");
    jekyll_build(&blog, &site);
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
    // Every image URL of the built page names a file of the built site.
    let urls = image_urls_of(&html);
    assert_eq!(urls.len(), files.len(), "{urls:?} against {files:?}");
    for url in urls {
        let file = site.join(url.trim_start_matches('/'));
        assert!(
            file.is_file(),
            "`{url}` of the built page is not in {site:?}"
        );
    }
}

/// The distinct URLs of the `src` and `srcset` attributes of `html` (Jekyll's output, every
/// value double-quoted).
fn image_urls_of(html: &str) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    for attr in [" src=\"", " srcset=\""] {
        for value in html.split(attr).skip(1) {
            let value = value.split('"').next().unwrap_or_default();
            for candidate in value.split(',') {
                let url = candidate.split_whitespace().next().unwrap_or_default();
                if !url.is_empty() && !urls.iter().any(|u| u == url) {
                    urls.push(url.to_string());
                }
            }
        }
    }
    urls
}
