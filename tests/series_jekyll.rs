//! Real Jekyll as the judge: after each series operation on the fixture blog, `jekyll build`
//! succeeds (a `post_url` to a missing or unpublished post would fail it) and every series
//! link of the built pages points to a page that exists. Skipped, saying so, when `jekyll`
//! is not on PATH (`make test` installs it).

mod series_support;

use std::fs;
use std::path::Path;
use std::process::Command;

use series_support::SeriesBlog;

fn jekyll_available() -> bool {
    Command::new("jekyll")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Builds the blog into a fresh folder and checks the series links of every page; returns
/// how many series links were checked.
fn build_and_check_links(blog: &SeriesBlog, step: &str) -> usize {
    let dest = tempfile::tempdir().expect("tempdir");
    let out = Command::new("jekyll")
        .args(["build", "--quiet", "--disable-disk-cache", "--source"])
        .arg(blog.root())
        .arg("--destination")
        .arg(dest.path())
        .output()
        .expect("run jekyll");
    assert!(
        out.status.success(),
        "after {step}: jekyll build failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut checked = 0;
    for page in html_files(dest.path()) {
        let html = fs::read_to_string(&page).expect("read page");
        for href in series_links(&html) {
            let target = dest.path().join(href.trim_start_matches('/'));
            assert!(
                target.is_file(),
                "after {step}: {} links {href}, which was not built",
                page.display()
            );
            checked += 1;
        }
    }
    checked
}

fn html_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("read_dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(html_files(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            files.push(path);
        }
    }
    files
}

/// The `href`s of the list that follows the series sentence in a built page.
fn series_links(html: &str) -> Vec<String> {
    let Some(start) = html
        .find("d’une série sur")
        .or_else(|| html.find("d'une série sur"))
        .or_else(|| html.find("of a series on"))
    else {
        return Vec::new();
    };
    let list_end = html[start..]
        .find("</ul>")
        .map_or(html.len(), |e| start + e);
    html[start..list_end]
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn jekyll_builds_the_blog_after_each_series_operation() {
    if !jekyll_available() {
        eprintln!("skipped: `jekyll` is not on PATH (make test installs Debian's jekyll)");
        return;
    }
    let blog = SeriesBlog::new();
    blog.publish("_drafts/devconf-j2.md", "_posts/2024-03-21-devconf-j2.md");
    blog.ok(&["series", "sync"]);
    // Each French day links the two others (6 links); each English day links the other
    // (day 1 still by its hand-written list).
    assert_eq!(build_and_check_links(&blog, "publish and sync"), 8);

    blog.ok(&["series", "sync", "--adopt"]);
    assert_eq!(build_and_check_links(&blog, "adopt"), 8);

    blog.ok(&[
        "mv",
        "_posts/2024-03-21-devconf-j2.md",
        "--date",
        "2024-03-22",
    ]);
    assert_eq!(build_and_check_links(&blog, "mv --date"), 8);

    blog.ok(&[
        "mv",
        "_posts/en/2024-05-03-rustdays-day2.md",
        "--slug",
        "rust-days-2",
    ]);
    assert_eq!(build_and_check_links(&blog, "mv --slug"), 8);

    blog.ok(&["new", "--series", "DevConf Lyon 2024"]);
    assert!(blog.ok(&["series", "sync", "--adopt"]).is_empty());
    assert_eq!(build_and_check_links(&blog, "new part and sync"), 8);
}
