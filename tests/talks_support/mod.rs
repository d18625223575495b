//! Shared by the `talks_*` tests: the fixture schedules, and a small French blog holding the
//! first day of the "CloudConf Europe 2024" series whose schedule is `sched.ics`.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use lanyard::talks::{read_schedule, Schedule};

/// A fixture schedule under `tests/fixtures/talks/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/talks")
        .join(name)
}

/// Reads a fixture schedule, which must parse.
pub fn schedule(name: &str) -> Schedule {
    read_schedule(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A temporary blog with Day 1 of the CloudConf series (19 March 2024, French), so its next
/// part is dated 20 March, the first day of `sched.ics`.
pub struct TalkBlog {
    pub dir: tempfile::TempDir,
}

impl TalkBlog {
    pub fn new() -> TalkBlog {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("blog");
        fs::create_dir_all(root.join("_posts")).expect("posts");
        fs::create_dir_all(dir.path().join("data")).expect("data");
        fs::write(root.join("_config.yml"), "title: Blog\nlang: fr\n").expect("config");
        fs::write(
            root.join("_posts/2024-03-19-cloudconf-j1.md"),
            "---\nlayout: post\ntitle: \"CloudConf Europe 2024 - Jour 1\"\n\
             tags: [\"Conférence\"]\nseries: \"CloudConf Europe 2024\"\n---\n\n\
             Arrivée à Amsterdam.\n",
        )
        .expect("day 1");
        TalkBlog { dir }
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("blog")
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}
