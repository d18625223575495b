//! What to do with a journal entry at start, after a crash: a pure decision from the entry and
//! the file's current version ([`decide_recovery`]), and the reading of a workspace's entries
//! that feeds it ([`recover_workspace`]).
//!
//! The rule: the journal's text wins only when the file is still the version the buffer started
//! from; if someone changed the file since (a `git pull`, another editor), the user chooses.
//! Nothing is overwritten without asking.

use std::path::Path;

use serde::Serialize;

use crate::file_version::{ContentHash, FileVersion};
use crate::journal::{Journal, JournalEntry};

/// The decision for one journal entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Recovery {
    /// The file already holds the journal's text (it was saved): reopen the post as it is.
    UpToDate,
    /// The file is the version the buffer started from and the journal holds newer text:
    /// restore the journal's text into the editor (unsaved).
    Restore,
    /// The file changed on disk after the buffer's base version: ask (mine / theirs / compare).
    Conflict,
    /// The file is gone (deleted or renamed while the app was down): offer to save it again.
    FileMissing,
}

/// Decides what to do with `entry`, given the version of its file on disk now (`None`: the file
/// does not exist).
pub fn decide_recovery(entry: &JournalEntry, on_disk: Option<&FileVersion>) -> Recovery {
    let Some(disk) = on_disk else {
        return Recovery::FileMissing;
    };
    if disk.hash == ContentHash::of(entry.text.as_bytes()) {
        return Recovery::UpToDate;
    }
    let in_step =
        |version: &Option<FileVersion>| version.as_ref().is_some_and(|v| v.same_content(disk));
    if in_step(&entry.base) || in_step(&entry.saving) {
        Recovery::Restore
    } else {
        Recovery::Conflict
    }
}

/// One journal entry of the workspace, with its decision and the file's text now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// The entry (its text is the buffer's as of the last journal write).
    pub entry: JournalEntry,
    /// What to do with it.
    pub recovery: Recovery,
    /// The file's text on disk now (`None`: missing or not readable as text).
    pub disk_text: Option<String>,
}

/// The journal entries of the blog at `root`, oldest first, each with its decision. Torn and
/// unreadable entries are skipped; entries of other blogs are left for when they are opened.
pub fn recover_workspace(journal: &Journal, root: &Path) -> Vec<Recovered> {
    let (entries, _skipped) = journal.entries();
    entries
        .into_iter()
        .filter(|e| e.workspace == root)
        .map(|entry| {
            let disk = FileVersion::read(&entry.post).ok().flatten();
            let recovery = decide_recovery(&entry, disk.as_ref().map(|(v, _)| v));
            let disk_text = disk.and_then(|(_, bytes)| String::from_utf8(bytes).ok());
            Recovered {
                entry,
                recovery,
                disk_text,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const BASE: &[u8] = b"---\ntitle: Jour 1\n---\nLa keynote.\n";

    fn entry(text: &str, base: Option<&[u8]>) -> JournalEntry {
        JournalEntry {
            workspace: PathBuf::from("/blog"),
            post: PathBuf::from("/blog/_posts/2025-06-10-jour-1.md"),
            text: text.into(),
            base: base.map(|b| FileVersion::of_bytes(b, 1_000)),
            saving: None,
            written_at_ms: 2_000,
        }
    }

    #[test]
    fn restores_a_journal_newer_than_the_unchanged_file() {
        let e = entry(
            "---\ntitle: Jour 1\n---\nLa keynote. Puis un atelier.\n",
            Some(BASE),
        );
        // The same bytes, whatever the mtime (a `touch`, a copy) says.
        let disk = FileVersion::of_bytes(BASE, 9_999);
        assert_eq!(decide_recovery(&e, Some(&disk)), Recovery::Restore);
    }

    #[test]
    fn asks_when_the_file_changed_after_the_journals_base() {
        let e = entry("---\ntitle: Jour 1\n---\nLa keynote. Mine.\n", Some(BASE));
        let disk = FileVersion::of_bytes(b"---\ntitle: Jour 1\n---\nLa keynote. Theirs.\n", 3_000);
        assert_eq!(decide_recovery(&e, Some(&disk)), Recovery::Conflict);
        // A file that did not exist when the buffer started but exists now is someone else's.
        let new = entry("mine", None);
        assert_eq!(decide_recovery(&new, Some(&disk)), Recovery::Conflict);
    }

    #[test]
    fn a_save_interrupted_after_its_rename_is_not_a_conflict() {
        // Typed "abc", saving "ab" when the crash came: the file holds "ab", the journal "abc".
        let mut e = entry("abc", Some(BASE));
        e.saving = Some(FileVersion::of_bytes(b"ab", 0));
        let disk = FileVersion::of_bytes(b"ab", 3_000);
        assert_eq!(decide_recovery(&e, Some(&disk)), Recovery::Restore);
    }

    #[test]
    fn nothing_to_restore_when_the_file_holds_the_journals_text() {
        let text = "---\ntitle: Jour 1\n---\nSaved.\n";
        let e = entry(text, Some(BASE));
        let disk = FileVersion::of_bytes(text.as_bytes(), 3_000);
        assert_eq!(decide_recovery(&e, Some(&disk)), Recovery::UpToDate);
    }

    #[test]
    fn a_missing_file_is_offered_to_be_saved_again() {
        assert_eq!(
            decide_recovery(&entry("x", Some(BASE)), None),
            Recovery::FileMissing
        );
    }

    #[test]
    fn reads_the_workspaces_entries_with_the_files_text_now() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("blog");
        std::fs::create_dir_all(&root).expect("mkdir");
        let restored = root.join("restored.md");
        let changed = root.join("changed.md");
        std::fs::write(&restored, BASE).expect("write");
        std::fs::write(&changed, "theirs").expect("write");
        let journal = Journal::in_data_dir(&dir.path().join("data"));
        for (post, at) in [(&restored, 1), (&changed, 2)] {
            let mut e = entry("mine", Some(BASE));
            e.workspace = root.clone();
            e.post = post.clone();
            e.written_at_ms = at;
            journal.write(&e).expect("journal");
        }
        let mut other = entry("other blog", Some(BASE));
        other.workspace = PathBuf::from("/elsewhere");
        journal.write(&other).expect("journal");

        let found = recover_workspace(&journal, &root);
        let summary: Vec<(&Path, Recovery, Option<&str>)> = found
            .iter()
            .map(|r| (r.entry.post.as_path(), r.recovery, r.disk_text.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    restored.as_path(),
                    Recovery::Restore,
                    std::str::from_utf8(BASE).ok()
                ),
                (changed.as_path(), Recovery::Conflict, Some("theirs")),
            ]
        );
    }
}
