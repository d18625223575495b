//! The journal folder, `journal/` in the app's data folder: one file per open buffer, named by a
//! hash of the post's path, each replaced atomically (temp file, fsync, rename, fsync of the
//! folder) on every write. A reader finds the previous entry or the new one, never half of one.

use std::fs;
use std::path::{Path, PathBuf};

use crate::file_version::ContentHash;
use crate::fs_util::atomic_write;
use crate::journal::entry::{DecodeError, JournalEntry};
use crate::{Error, Result};

/// The journal of one data folder.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
}

/// A journal file that was skipped when listing entries, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedEntry {
    /// The journal file.
    pub file: PathBuf,
    /// What was wrong with it.
    pub reason: String,
}

const SUFFIX: &str = ".journal";

impl Journal {
    /// The journal kept in `data_dir` (the folder is created on the first write).
    pub fn in_data_dir(data_dir: &Path) -> Journal {
        Journal {
            dir: data_dir.join("journal"),
        }
    }

    /// The journal folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The journal file of `post`.
    pub fn file_for(&self, post: &Path) -> PathBuf {
        let hash = ContentHash::of(post.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{}{SUFFIX}", &hash.as_str()[..24]))
    }

    /// Writes `entry`, replacing the previous entry of the same post.
    pub fn write(&self, entry: &JournalEntry) -> Result<()> {
        fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        atomic_write(&self.file_for(&entry.post), &entry.encode())
    }

    /// Forgets the entry of `post` (its buffer was closed); nothing when there is none.
    pub fn remove(&self, post: &Path) -> Result<()> {
        let file = self.file_for(post);
        match fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&file, e)),
            _ => Ok(()),
        }
    }

    /// Every readable entry, oldest first, and the files skipped (torn, damaged, unreadable).
    /// A missing journal folder is an empty journal.
    pub fn entries(&self) -> (Vec<JournalEntry>, Vec<SkippedEntry>) {
        let mut entries = Vec::new();
        let mut skipped = Vec::new();
        let Ok(listing) = fs::read_dir(&self.dir) else {
            return (entries, skipped);
        };
        for item in listing.flatten() {
            let file = item.path();
            if !file.to_string_lossy().ends_with(SUFFIX) {
                continue; // a temp file of an interrupted write, or something else
            }
            let decoded = fs::read(&file)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    JournalEntry::decode(&bytes).map_err(|e: DecodeError| e.to_string())
                });
            match decoded {
                Ok(entry) => entries.push(entry),
                Err(reason) => skipped.push(SkippedEntry { file, reason }),
            }
        }
        entries.sort_by_key(|e| e.written_at_ms);
        (entries, skipped)
    }

    /// The entry of `post`, if there is a readable one.
    pub fn entry_of(&self, post: &Path) -> Option<JournalEntry> {
        let bytes = fs::read(self.file_for(post)).ok()?;
        JournalEntry::decode(&bytes).ok().filter(|e| e.post == post)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file_version::FileVersion;

    fn entry(post: &str, text: &str, at: i64) -> JournalEntry {
        JournalEntry {
            workspace: PathBuf::from("/blog"),
            post: PathBuf::from(post),
            text: text.into(),
            base: Some(FileVersion::of_bytes(b"base", 0)),
            saving: None,
            written_at_ms: at,
        }
    }

    #[test]
    fn keeps_one_entry_per_post_the_latest() {
        let data = tempfile::tempdir().expect("tempdir");
        let journal = Journal::in_data_dir(data.path());
        journal
            .write(&entry("/blog/a.md", "one", 1))
            .expect("write");
        journal
            .write(&entry("/blog/a.md", "two", 2))
            .expect("write");
        journal.write(&entry("/blog/b.md", "b", 3)).expect("write");
        let (entries, skipped) = journal.entries();
        assert!(skipped.is_empty());
        let texts: Vec<&str> = entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["two", "b"]);
        journal.remove(Path::new("/blog/a.md")).expect("remove");
        journal
            .remove(Path::new("/blog/a.md"))
            .expect("remove twice");
        assert_eq!(journal.entries().0.len(), 1);
        assert_eq!(
            journal.entry_of(Path::new("/blog/b.md")).map(|e| e.text),
            Some("b".into())
        );
    }

    #[test]
    fn ignores_a_torn_entry_and_reads_the_others() {
        let data = tempfile::tempdir().expect("tempdir");
        let journal = Journal::in_data_dir(data.path());
        journal
            .write(&entry("/blog/a.md", "safe", 1))
            .expect("write");
        let torn = entry("/blog/b.md", "half written", 2).encode();
        let file = journal.file_for(Path::new("/blog/b.md"));
        fs::write(&file, &torn[..torn.len() / 2]).expect("write torn");
        // A temp file left by a write interrupted before its rename is not an entry.
        fs::write(journal.dir().join(".lanyard-x.tmp"), b"partial").expect("write tmp");
        let (entries, skipped) = journal.entries();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].text, "safe");
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].file, file);
        assert!(journal.entry_of(Path::new("/blog/b.md")).is_none());
    }

    #[test]
    fn a_missing_journal_folder_is_an_empty_journal() {
        let data = tempfile::tempdir().expect("tempdir");
        let journal = Journal::in_data_dir(&data.path().join("nothing-here"));
        assert_eq!(journal.entries(), (vec![], vec![]));
    }

    #[test]
    fn a_journal_that_cannot_be_written_is_an_error_naming_the_folder() {
        let data = tempfile::tempdir().expect("tempdir");
        fs::write(data.path().join("journal"), b"a file, not a folder").expect("write");
        let journal = Journal::in_data_dir(data.path());
        let err = journal
            .write(&entry("/blog/a.md", "x", 1))
            .expect_err("must fail");
        assert!(err.to_string().contains("journal"), "{err}");
    }
}
