//! Shared by the `series_*` tests: a private copy of `tests/fixtures/series-blog`, the
//! `lanyard` binary run on it with its own data folder, and real Jekyll as the judge.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary copy of the fixture blog and a data folder for the app's settings.
pub struct SeriesBlog {
    dir: tempfile::TempDir,
}

impl SeriesBlog {
    /// Copies `tests/fixtures/series-blog` into a new temporary folder.
    pub fn new() -> SeriesBlog {
        SeriesBlog::copy_of(&fixture("series-blog"))
    }

    /// Copies any site into a new temporary folder.
    pub fn copy_of(site: &Path) -> SeriesBlog {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_dir(site, &dir.path().join("blog"));
        fs::create_dir_all(dir.path().join("data")).expect("data dir");
        SeriesBlog { dir }
    }

    /// The blog's root.
    pub fn root(&self) -> PathBuf {
        self.dir.path().join("blog")
    }

    /// A path inside the blog.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// The text of a file of the blog.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Runs `lanyard ARGS` in the blog's root with a private data folder.
    pub fn lanyard(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_lanyard"))
            .args(args)
            .current_dir(self.root())
            .env("LANYARD_DATA_DIR", self.dir.path().join("data"))
            .output()
            .expect("run lanyard")
    }

    /// Runs `lanyard ARGS`, asserts it succeeded, and returns its stdout lines.
    pub fn ok(&self, args: &[&str]) -> Vec<String> {
        let out = self.lanyard(args);
        assert!(
            out.status.success(),
            "lanyard {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Moves a draft to `_posts/` under `name` (what publishing does to the file).
    pub fn publish(&self, draft: &str, name: &str) {
        fs::rename(self.path(draft), self.path(name)).expect("publish");
    }

    /// Every file of the blog with its text, to compare states.
    pub fn snapshot(&self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        collect(&self.root(), &self.root(), &mut files);
        files.sort();
        files
    }
}

/// `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            if !path.ends_with("_site") && !path.ends_with(".jekyll-cache") {
                collect(root, &path, out);
            }
        } else {
            let rel = path
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            out.push((rel, fs::read_to_string(&path).unwrap_or_default()));
        }
    }
}

/// The managed header of a post's text (between the markers), or "" when it has none.
pub fn header_of(text: &str) -> &str {
    let Some(start) = text.find("<!-- series -->") else {
        return "";
    };
    let end = text[start..]
        .find("<!-- /series -->")
        .map_or(text.len(), |e| start + e + "<!-- /series -->".len());
    &text[start..end]
}
