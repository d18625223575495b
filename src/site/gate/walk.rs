//! Folder walks that stay in the site: a link is followed only when its real target is inside
//! a root of the gate, and a folder already listed (a link back to `.` or to an ancestor) is
//! not listed again, so a walk always ends.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::Gate;
use crate::{Error, Result};

/// What a listed entry is, links followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// A folder (or a link to one inside the site).
    Dir,
    /// A regular file (or a link to one inside the site).
    File,
    /// A FIFO, device or socket: never opened.
    Special,
    /// A link whose target is outside the site (the real target), or does not exist.
    Outside(PathBuf),
}

/// One entry of a listed folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkEntry {
    /// File name (names that are not UTF-8 are left out of listings).
    pub name: String,
    /// The path under the listed folder (not the link's target).
    pub path: PathBuf,
    /// What it is.
    pub kind: EntryKind,
    /// Whether the entry itself is a symbolic link (its kind is its target's).
    pub is_link: bool,
}

/// A walk over folders of a site: remembers every folder listed (by real path).
#[derive(Debug)]
pub struct Walk<'g> {
    gate: &'g Gate,
    seen: HashSet<PathBuf>,
}

impl<'g> Walk<'g> {
    /// A new walk under `gate`.
    pub fn new(gate: &'g Gate) -> Walk<'g> {
        Walk {
            gate,
            seen: HashSet::new(),
        }
    }

    /// The entries of `dir`, sorted by name; `None` when `dir` was listed already in this walk
    /// (a loop) or leads outside the gate's roots. An unreadable folder is an error naming it.
    pub fn list(&mut self, dir: &Path) -> Result<Option<Vec<WalkEntry>>> {
        let real = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
        if !self.gate.contains(&real) || !self.seen.insert(real) {
            return Ok(None);
        }
        let mut out = Vec::new();
        for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let entry = entry.map_err(|e| Error::io(dir, e))?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let kind = if file_type.is_symlink() {
                self.link_kind(&path)
            } else {
                kind_of(&file_type)
            };
            out.push(WalkEntry {
                name,
                path,
                kind,
                is_link: file_type.is_symlink(),
            });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Some(out))
    }

    /// Where a link leads: its target's kind when inside the site, else [`EntryKind::Outside`].
    fn link_kind(&self, link: &Path) -> EntryKind {
        let Ok(real) = link.canonicalize() else {
            return EntryKind::Outside(link.to_path_buf());
        };
        if !self.gate.contains(&real) {
            return EntryKind::Outside(real);
        }
        match fs::metadata(&real) {
            Ok(meta) => kind_of(&meta.file_type()),
            Err(_) => EntryKind::Outside(real),
        }
    }
}

fn kind_of(file_type: &fs::FileType) -> EntryKind {
    if file_type.is_dir() {
        EntryKind::Dir
    } else if file_type.is_file() {
        EntryKind::File
    } else {
        EntryKind::Special
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// Every file under `dir`, depth first, as the scanners walk.
    fn all_files(walk: &mut Walk<'_>, dir: &Path, out: &mut Vec<String>) {
        let Some(entries) = walk.list(dir).expect("list") else {
            return;
        };
        for e in entries {
            match e.kind {
                EntryKind::Dir => all_files(walk, &e.path, out),
                EntryKind::File => out.push(e.name),
                _ => {}
            }
        }
    }

    #[test]
    fn ends_on_links_to_itself_and_never_leaves_the_site() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("blog");
        fs::create_dir_all(root.join("_posts/sub")).expect("mkdir");
        fs::write(root.join("_posts/sub/2023-01-01-a.md"), "x").expect("write");
        fs::write(dir.path().join("outside.md"), "x").expect("write");
        symlink(".", root.join("_posts/loop")).expect("loop");
        symlink("..", root.join("_posts/sub/up")).expect("up");
        symlink("/", root.join("root")).expect("root");
        symlink(dir.path().join("outside.md"), root.join("_posts/leak.md")).expect("leak");
        let gate = Gate::new(&root).expect("gate");
        let mut walk = Walk::new(&gate);
        let mut files = Vec::new();
        all_files(&mut walk, &root, &mut files);
        assert_eq!(files, ["2023-01-01-a.md"]);
        let entries = Walk::new(&gate)
            .list(&root.join("_posts"))
            .expect("list")
            .expect("first time");
        let leak = entries.iter().find(|e| e.name == "leak.md").expect("leak");
        assert!(matches!(leak.kind, EntryKind::Outside(_)), "{leak:?}");
    }
}
