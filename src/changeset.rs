//! A set of file changes computed in full before anything is written: new texts, renames and
//! new files. The desktop shows it ("the files that will change"), routes the texts of open
//! files through their editors, and applies the rest; the CLI applies it all with
//! [`Changeset::apply`], which leaves every file as it was when one write fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::fs_util::{atomic_write, read_text};
use crate::{Error, Result};

/// One file's change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileChange {
    /// The file's path after the change (absolute).
    pub path: PathBuf,
    /// The file's previous path, when it is renamed.
    pub renamed_from: Option<PathBuf>,
    /// The text on disk when the change was computed; `None` for a new file.
    pub before: Option<String>,
    /// The text to write.
    pub after: String,
}

impl FileChange {
    /// The path the file had before the change.
    pub fn source_path(&self) -> &Path {
        self.renamed_from.as_deref().unwrap_or(&self.path)
    }
}

/// Changes to several files, at most one per file, in the order they were first made.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Changeset {
    /// The changes.
    pub changes: Vec<FileChange>,
}

impl Changeset {
    /// Whether nothing changes.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The paths touched: new paths, and the old paths of renamed files.
    pub fn touched(&self) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        for c in &self.changes {
            if let Some(from) = &c.renamed_from {
                paths.push(from.clone());
            }
            paths.push(c.path.clone());
        }
        paths
    }

    /// The change of the file now or formerly at `path`.
    fn index_of(&self, path: &Path) -> Option<usize> {
        self.changes
            .iter()
            .position(|c| c.path == path || c.renamed_from.as_deref() == Some(path))
    }

    /// The current text of the file at `path` (after the changes so far), read from disk
    /// when unchanged.
    pub fn text_of(&self, path: &Path) -> Result<String> {
        match self.changes.iter().find(|c| c.path == path) {
            Some(c) => Ok(c.after.clone()),
            None => read_text(path),
        }
    }

    /// Sets the text of the file at `path` (after earlier changes); a text equal to the
    /// original drops the change.
    pub fn set_text(&mut self, path: &Path, after: String) -> Result<()> {
        if let Some(i) = self.changes.iter().position(|c| c.path == path) {
            let c = &mut self.changes[i];
            c.after = after;
            if c.renamed_from.is_none() && c.before.as_deref() == Some(c.after.as_str()) {
                self.changes.remove(i);
            }
            return Ok(());
        }
        let before = read_text(path)?;
        if before != after {
            self.changes.push(FileChange {
                path: path.to_path_buf(),
                renamed_from: None,
                before: Some(before),
                after,
            });
        }
        Ok(())
    }

    /// Moves the file at `from` to `to` (which must not exist), with `after` as its text.
    pub fn rename(&mut self, from: &Path, to: &Path, after: String) -> Result<()> {
        refuse_existing(to)?;
        let before = match self.index_of(from) {
            Some(i) => self.changes.remove(i).before,
            None => Some(read_text(from)?),
        };
        self.changes.push(FileChange {
            path: to.to_path_buf(),
            renamed_from: Some(from.to_path_buf()),
            before,
            after,
        });
        Ok(())
    }

    /// Creates the file `path` (which must not exist) with `text`.
    pub fn create(&mut self, path: &Path, text: String) -> Result<()> {
        refuse_existing(path)?;
        self.changes.push(FileChange {
            path: path.to_path_buf(),
            renamed_from: None,
            before: None,
            after: text,
        });
        Ok(())
    }

    /// Writes every change: first checks that no file changed on disk since it was read and
    /// that no new path exists, then writes each file atomically, then removes the old paths
    /// of renamed files. When a write fails, the files already written are put back.
    /// Returns the paths touched.
    pub fn apply(&self) -> Result<Vec<PathBuf>> {
        self.check_unchanged_on_disk()?;
        let mut done: Vec<&FileChange> = Vec::new();
        for change in &self.changes {
            if let Err(e) = write_change(change) {
                roll_back(&done);
                return Err(e);
            }
            done.push(change);
        }
        for change in &self.changes {
            if let Some(from) = &change.renamed_from {
                crate::own_writes::record_removal(from);
                if let Err(e) = std::fs::remove_file(from) {
                    roll_back(&done);
                    return Err(Error::io(from, e));
                }
            }
        }
        Ok(self.touched())
    }

    fn check_unchanged_on_disk(&self) -> Result<()> {
        let mut targets: BTreeMap<&Path, ()> = BTreeMap::new();
        for change in &self.changes {
            if targets.insert(&change.path, ()).is_some() {
                return Err(conflict(&change.path, "would be written twice"));
            }
            match &change.before {
                Some(before) => {
                    if read_text(change.source_path())? != *before {
                        return Err(conflict(
                            change.source_path(),
                            "changed on disk since the change was prepared; nothing was written",
                        ));
                    }
                }
                None => refuse_existing(&change.path)?,
            }
            if change.renamed_from.is_some() {
                refuse_existing(&change.path)?;
            }
        }
        Ok(())
    }
}

/// Writes one change's new text, creating the folder of a new or moved file.
fn write_change(change: &FileChange) -> Result<()> {
    if change.before.is_none() || change.renamed_from.is_some() {
        if let Some(dir) = change.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
    }
    atomic_write(&change.path, change.after.as_bytes())
}

/// Puts back the files of `done`: old texts restored (a renamed file at its old path, if it
/// was already removed), new paths removed.
fn roll_back(done: &[&FileChange]) {
    for change in done.iter().rev() {
        match (&change.before, &change.renamed_from) {
            (Some(before), None) => {
                let _ = atomic_write(&change.path, before.as_bytes());
            }
            (before, from) => {
                if let (Some(before), Some(from)) = (before, from) {
                    if !from.exists() {
                        let _ = atomic_write(from, before.as_bytes());
                    }
                }
                let _ = std::fs::remove_file(&change.path);
            }
        }
    }
}

fn refuse_existing(path: &Path) -> Result<()> {
    if path.exists() {
        return Err(conflict(
            path,
            "already exists; Lanyard will not overwrite it",
        ));
    }
    Ok(())
}

fn conflict(path: &Path, message: &str) -> Error {
    Error::Conflict {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn applies_renames_and_edits_together() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b, c) = (
            dir.path().join("a.md"),
            dir.path().join("b.md"),
            dir.path().join("c.md"),
        );
        fs::write(&a, "A").expect("write");
        fs::write(&b, "B").expect("write");
        let mut set = Changeset::default();
        set.set_text(&a, "A2".into()).expect("edit");
        set.rename(&b, &c, "C".into()).expect("rename");
        let touched = set.apply().expect("apply");
        assert_eq!(touched.len(), 3);
        assert_eq!(fs::read_to_string(&a).expect("a"), "A2");
        assert!(!b.exists());
        assert_eq!(fs::read_to_string(&c).expect("c"), "C");
    }

    #[test]
    fn writes_nothing_when_a_file_changed_since() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
        fs::write(&a, "A").expect("write");
        fs::write(&b, "B").expect("write");
        let mut set = Changeset::default();
        set.set_text(&a, "A2".into()).expect("edit");
        set.set_text(&b, "B2".into()).expect("edit");
        fs::write(&b, "edited elsewhere").expect("write");
        let err = set.apply().expect_err("conflict");
        assert!(err.to_string().contains("b.md"), "{err}");
        assert_eq!(fs::read_to_string(&a).expect("a"), "A");
    }

    #[test]
    fn rolls_back_when_a_write_fails() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.md");
        fs::write(&a, "A").expect("write");
        let mut set = Changeset::default();
        set.set_text(&a, "A2".into()).expect("edit");
        // A new file whose folder is a file: its write fails after `a.md` was written.
        let blocker = dir.path().join("blocker");
        fs::write(&blocker, "x").expect("write");
        set.create(&blocker.join("new.md"), "N".into())
            .expect("create");
        assert!(set.apply().is_err());
        assert_eq!(fs::read_to_string(&a).expect("a"), "A");
    }

    #[test]
    fn dropping_back_to_the_original_text_removes_the_change() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.md");
        fs::write(&a, "A").expect("write");
        let mut set = Changeset::default();
        set.set_text(&a, "A2".into()).expect("edit");
        set.set_text(&a, "A".into()).expect("edit back");
        assert!(set.is_empty());
    }
}
