//! A throwaway blog for hostile cases, and the guarded run of the `lanyard` binary: a 2 GiB
//! address-space limit (`ulimit -v`, through `sh`, since the crates forbid unsafe code) and a
//! 30 s wall-clock guard that kills the run and fails the test.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The address-space limit of every run, in KiB (2 GiB).
const MEMORY_LIMIT_KIB: u64 = 2 * 1024 * 1024;

/// How long a run may take before it counts as a hang.
const WALL_CLOCK_GUARD: Duration = Duration::from_secs(30);

/// A blog in a temporary folder, and what its files should hold.
pub struct Blog {
    dir: tempfile::TempDir,
    expected: std::cell::RefCell<BTreeMap<PathBuf, Vec<u8>>>,
    posts: std::cell::Cell<usize>,
}

impl Blog {
    /// A blog with a `_config.yml` and one ordinary post.
    pub fn new() -> Blog {
        let blog = Blog {
            dir: tempfile::tempdir().expect("temp dir"),
            expected: Default::default(),
            posts: Default::default(),
        };
        blog.write("_config.yml", "title: Hostile\n");
        blog.write(
            "_posts/2023-01-01-fine.md",
            "---\ntitle: Fine\n---\nHello\n",
        );
        blog
    }

    /// The blog's folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file of the blog (and expects it to stay so).
    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
        self.expected
            .borrow_mut()
            .insert(path.clone(), text.as_bytes().to_vec());
        path
    }

    /// Writes a new post with front matter `fm` (lines 2.. of the file) and `body` (from line
    /// `3 + fm's lines`).
    pub fn post(&self, fm: &str, body: &str) -> PathBuf {
        let n = self.posts.get() + 1;
        self.posts.set(n);
        self.write(
            &format!("_posts/2024-01-{n:02}-hostile.md"),
            &format!("---\n{fm}---\n{body}"),
        )
    }

    /// `lanyard render POST`.
    pub fn render(&self, post: &Path) -> Run {
        self.run(&["render", post.to_str().expect("utf8 path")])
    }

    /// Runs `lanyard ARGS` in the blog's folder, guarded.
    pub fn run(&self, args: &[&str]) -> Run {
        run_guarded(args, self.root())
    }

    /// Fails when any file of the blog differs from what was written, or a file appeared.
    pub fn assert_unchanged(&self) {
        let expected = self.expected.borrow();
        let actual = snapshot(self.root());
        let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(names(&actual), names(&expected), "files of the blog");
        for (path, bytes) in expected.iter() {
            assert!(
                actual.get(path) == Some(bytes),
                "{} changed",
                path.display()
            );
        }
    }
}

/// The file name of `path`.
pub fn post_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every file under `root` and its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

/// How a guarded run ended.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None`: killed by a signal, an abort).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Exit 2, nothing on stdout, and one stderr line naming `file` (and `line` when given)
    /// whose message holds `needle`.
    pub fn assert_error(&self, file: &str, line: Option<usize>, needle: &str) {
        assert_eq!(self.code, Some(2), "{self:?}");
        assert!(self.stdout.is_empty(), "stdout: {}", self.stdout);
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one stderr line: {}", self.stderr);
        let text = lines[0];
        let at = text
            .find(&format!("{file}:"))
            .unwrap_or_else(|| panic!("names {file}: {text}"));
        let after = &text[at + file.len() + 1..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        let found: usize = digits
            .parse()
            .unwrap_or_else(|_| panic!("a line after the file: {text}"));
        if let Some(line) = line {
            assert_eq!(found, line, "{text}");
        }
        assert!(found >= 1, "{text}");
        assert!(text.contains(needle), "`{needle}` in {text}");
    }
}

/// Runs the binary with `args` in `cwd` under the memory limit and the wall-clock guard.
pub fn run_guarded(args: &[&str], cwd: &Path) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_lanyard"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let reader = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = reader(Box::new(child.stdout.take().expect("stdout")));
    let stderr = reader(Box::new(child.stderr.take().expect("stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if started.elapsed() > WALL_CLOCK_GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!("lanyard {args:?} ran past {WALL_CLOCK_GUARD:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: stdout.join().expect("stdout reader"),
        stderr: stderr.join().expect("stderr reader"),
    }
}
