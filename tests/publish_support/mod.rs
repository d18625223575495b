//! Shared by the `publish_*` tests: a temporary git repository made from
//! `tests/fixtures/publish-blog` (three published parts of a series, the fourth a draft),
//! the `lanyard` binary run in it with its own data folder, and helpers to read git's state
//! and every file's bytes; real Jekyll ([`jekyll_available`], [`jekyll_build`]).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The draft of the fixture: part 4 of "Rust Nantes 2025".
pub const DRAFT: &str = "_drafts/rustnantes-j4.md";
/// Where publishing puts it.
pub const PUBLISHED: &str = "_posts/2025-06-14-rustnantes-j4.md";

/// A temporary git repository holding a copy of the fixture blog, one commit deep.
pub struct BlogRepo {
    dir: tempfile::TempDir,
    name: String,
}

impl BlogRepo {
    /// The fixture blog committed in a new repository (author "Ana Test").
    pub fn new() -> BlogRepo {
        let repo = BlogRepo::empty_site("blog");
        copy_dir(&fixture("publish-blog"), &repo.root());
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "Blog"]);
        repo
    }

    /// A new repository at `<tmp>/<name>` with nothing committed.
    pub fn empty_site(name: &str) -> BlogRepo {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join(name);
        fs::create_dir_all(&root).expect("root");
        fs::create_dir_all(dir.path().join("data")).expect("data dir");
        let repo = BlogRepo {
            dir,
            name: name.to_string(),
        };
        repo.git_in(&root, &["init", "-q", "-b", "main"]);
        repo.git_in(&root, &["config", "user.name", "Ana Test"]);
        repo.git_in(&root, &["config", "user.email", "ana@example.org"]);
        repo.git_in(&root, &["config", "commit.gpgsign", "false"]);
        repo
    }

    /// The blog's root.
    pub fn root(&self) -> PathBuf {
        self.dir.path().join(&self.name)
    }

    /// The temporary folder holding the blog (for remotes and other clones).
    pub fn tmp(&self) -> &Path {
        self.dir.path()
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
            .env("GIT_CONFIG_NOSYSTEM", "1")
            // Never through a proxy: the push tests must only ever reach 127.0.0.1.
            .env_remove("http_proxy")
            .env_remove("https_proxy")
            .env_remove("all_proxy")
            .env_remove("HTTP_PROXY")
            .env_remove("HTTPS_PROXY")
            .env_remove("ALL_PROXY")
            .output()
            .expect("run lanyard")
    }

    /// Runs `git ARGS` in the blog, asserting success; returns stdout.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.root(), args)
    }

    /// Runs `git ARGS` in `dir`, asserting success; returns stdout.
    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("run git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// How many commits HEAD has.
    pub fn commit_count(&self) -> usize {
        self.git(&["rev-list", "--count", "HEAD"])
            .trim()
            .parse()
            .expect("count")
    }

    /// `git status --porcelain` (empty when the tree is clean).
    pub fn status(&self) -> String {
        self.git(&["status", "--porcelain"])
    }

    /// Every file of the blog (outside `.git`) with its bytes.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        collect(&self.root(), &self.root(), &mut files);
        files
    }
}

/// Runs `lanyard` and returns (exit code, stdout, stderr).
pub fn run(repo: &BlogRepo, args: &[&str]) -> (i32, String, String) {
    let out = repo.lanyard(args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fixture folder.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).expect("read dir").flatten() {
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            fs::copy(&path, &dest).expect("copy");
        }
    }
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            files.insert(rel, fs::read(&path).expect("read"));
        }
    }
}

/// Makes `path` unwritable even for root (`chattr +i`), or with `chmod` for other users;
/// `None` when neither works here (the caller skips, saying so). Undone on drop.
pub fn make_unwritable(path: &Path) -> Option<Unwritable> {
    use std::os::unix::fs::PermissionsExt;
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if is_root {
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        return ok.then(|| Unwritable {
            path: path.to_path_buf(),
            chattr: true,
        });
    }
    if !path.is_dir() {
        return None;
    }
    fs::set_permissions(path, fs::Permissions::from_mode(0o555)).ok()?;
    Some(Unwritable {
        path: path.to_path_buf(),
        chattr: false,
    })
}

/// A path made unwritable; writable again when dropped.
pub struct Unwritable {
    path: PathBuf,
    chattr: bool,
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.chattr {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
        } else {
            let _ = fs::set_permissions(&self.path, fs::Permissions::from_mode(0o755));
        }
    }
}

/// Whether Debian's `jekyll` is on PATH; the Jekyll tests skip, saying so, without it
/// (`make test` installs it, CI has it).
pub fn jekyll_available() -> bool {
    Command::new("jekyll")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `jekyll build` of `site` into `dest`, failing the test with Jekyll's output if it fails.
pub fn jekyll_build(site: &Path, dest: &Path) {
    let out = Command::new("jekyll")
        .args(["build", "--quiet", "--disable-disk-cache", "--source"])
        .arg(site)
        .arg("--destination")
        .arg(dest)
        .output()
        .expect("run jekyll");
    assert!(
        out.status.success(),
        "jekyll build failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
