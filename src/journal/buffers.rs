//! The open buffers of the app and the order of their writes: each buffer knows the file
//! version it is in step with (its base), journals its text on request, and saves through a
//! sequence that a crash at any point leaves recoverable:
//!
//! 1. journal entry with `saving` = the version about to be written;
//! 2. the file, atomically (refused when the file changed on disk since the base, unless the
//!    user chose to keep their text);
//! 3. journal entry with the new base.
//!
//! Journal writes carry the editor's edit number, so a write that arrives late (commands run in
//! parallel) never replaces newer text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::file_version::FileVersion;
use crate::fs_util::atomic_write;
use crate::journal::{Journal, JournalEntry};
use crate::{Error, Result};

/// One open buffer.
#[derive(Debug, Clone)]
struct Buffer {
    workspace: PathBuf,
    base: Option<FileVersion>,
    /// The newest text journaled, and its edit number.
    text: String,
    version: u64,
}

/// Every open buffer, with the journal they are kept in.
#[derive(Debug)]
pub struct OpenBuffers {
    journal: Journal,
    buffers: Mutex<HashMap<PathBuf, Arc<Mutex<Buffer>>>>,
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn poisoned(path: &Path) -> Error {
    Error::Invalid {
        path: path.to_path_buf(),
        message: "internal state poisoned by an earlier failure".into(),
    }
}

fn not_open(path: &Path) -> Error {
    Error::NotFound {
        path: path.to_path_buf(),
        message: "is not open in the editor".into(),
    }
}

/// The version of `text` as the file at `post` would hold it (its mtime when the file holds it).
fn version_of(post: &Path, text: &str) -> FileVersion {
    let mut version = FileVersion::of_bytes(text.as_bytes(), 0);
    if let Ok(Some((disk, _))) = FileVersion::read(post) {
        if disk.same_content(&version) {
            version = disk;
        }
    }
    version
}

impl OpenBuffers {
    /// No buffer open yet; entries go to `journal`.
    pub fn new(journal: Journal) -> Self {
        OpenBuffers {
            journal,
            buffers: Mutex::new(HashMap::new()),
        }
    }

    /// The journal.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    fn buffer(&self, post: &Path) -> Result<Arc<Mutex<Buffer>>> {
        let map = self.buffers.lock().map_err(|_| poisoned(post))?;
        map.get(post).cloned().ok_or_else(|| not_open(post))
    }

    fn insert(&self, post: &Path, buffer: Buffer) -> Result<()> {
        let mut map = self.buffers.lock().map_err(|_| poisoned(post))?;
        map.insert(post.to_path_buf(), Arc::new(Mutex::new(buffer)));
        Ok(())
    }

    fn write_entry(&self, post: &Path, b: &Buffer, saving: Option<FileVersion>) -> Result<()> {
        self.journal.write(&JournalEntry {
            workspace: b.workspace.clone(),
            post: post.to_path_buf(),
            text: b.text.clone(),
            base: b.base.clone(),
            saving,
            written_at_ms: now_ms(),
        })
    }

    /// Opens a buffer on `post` of the blog at `workspace`, whose `text` was just read from the
    /// file (its base), and journals it. The buffer is open even when the journal cannot be
    /// written (the error is returned): saving the post must never depend on the journal.
    pub fn open(&self, workspace: &Path, post: &Path, text: &str) -> Result<()> {
        let buffer = Buffer {
            workspace: workspace.to_path_buf(),
            base: Some(version_of(post, text)),
            text: text.to_string(),
            version: 0,
        };
        self.insert(post, buffer.clone())?;
        self.write_entry(post, &buffer, None)
    }

    /// Opens a buffer from a journal entry found at start (its text and base as they were), and
    /// journals it again.
    pub fn resume(&self, entry: &JournalEntry) -> Result<()> {
        let buffer = Buffer {
            workspace: entry.workspace.clone(),
            base: entry.base.clone(),
            text: entry.text.clone(),
            version: 0,
        };
        self.insert(&entry.post, buffer.clone())?;
        self.write_entry(&entry.post, &buffer, None)
    }

    /// The buffer of `post` is now in step with the file holding `text` (the user took the
    /// version on disk, or the editor reloaded it); `None`: with no file.
    pub fn rebase(&self, post: &Path, text: Option<&str>) -> Result<()> {
        let buffer = self.buffer(post)?;
        let mut b = buffer.lock().map_err(|_| poisoned(post))?;
        b.base = text.map(|t| version_of(post, t));
        self.write_entry(post, &b, None)
    }

    /// Journals the editor's `text` at edit number `version`; an older edit than the one already
    /// journaled is ignored.
    pub fn record(&self, post: &Path, text: &str, version: u64) -> Result<()> {
        let buffer = self.buffer(post)?;
        let mut b = buffer.lock().map_err(|_| poisoned(post))?;
        if version < b.version {
            return Ok(());
        }
        b.version = version;
        b.text = text.to_string();
        self.write_entry(post, &b, None)
    }

    /// Saves `text` (edit number `version`) to the post's file. Unless `force`, refuses with
    /// [`Error::ChangedOnDisk`] when the file no longer is the buffer's base. The journal writes
    /// around the save are best effort: a full or read-only data folder never stops a save.
    pub fn save(&self, post: &Path, text: &str, version: u64, force: bool) -> Result<()> {
        let buffer = self.buffer(post)?;
        let mut b = buffer.lock().map_err(|_| poisoned(post))?;
        if !force {
            let disk = FileVersion::read(post)?.map(|(v, _)| v);
            let in_step = match (&disk, &b.base) {
                (None, None) => true,
                (Some(d), Some(base)) => d.same_content(base),
                _ => false,
            };
            if !in_step {
                return Err(Error::ChangedOnDisk {
                    path: post.to_path_buf(),
                });
            }
        }
        if version >= b.version {
            b.version = version;
            b.text = text.to_string();
        }
        let saving = FileVersion::of_bytes(text.as_bytes(), 0);
        let _ = self.write_entry(post, &b, Some(saving));
        atomic_write(post, text.as_bytes())?;
        b.base = Some(version_of(post, text));
        let _ = self.write_entry(post, &b, None);
        Ok(())
    }

    /// The file's text now (`None`: it does not exist), for an open buffer only.
    pub fn disk_text(&self, post: &Path) -> Result<Option<String>> {
        self.buffer(post)?;
        match FileVersion::read(post)? {
            None => Ok(None),
            Some((_, bytes)) => String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| Error::NotText {
                    path: post.to_path_buf(),
                    message: "is not valid UTF-8".into(),
                }),
        }
    }

    /// Whether `post` is open.
    pub fn is_open(&self, post: &Path) -> bool {
        self.buffer(post).is_ok()
    }

    /// Closes the buffer of `post` and forgets its journal entry.
    pub fn close(&self, post: &Path) -> Result<()> {
        if let Ok(mut map) = self.buffers.lock() {
            map.remove(post);
        }
        self.journal.remove(post)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{decide_recovery, recover_workspace, Recovery};
    use std::fs;

    struct Setup {
        _dir: tempfile::TempDir,
        root: PathBuf,
        post: PathBuf,
        buffers: OpenBuffers,
    }

    fn setup(text: &str) -> Setup {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("blog");
        fs::create_dir_all(root.join("_posts")).expect("mkdir");
        let post = root.join("_posts/2025-06-10-jour-1.md");
        fs::write(&post, text).expect("write");
        let buffers = OpenBuffers::new(Journal::in_data_dir(&dir.path().join("data")));
        buffers.open(&root, &post, text).expect("open");
        Setup {
            _dir: dir,
            root,
            post,
            buffers,
        }
    }

    fn recovery(s: &Setup) -> Vec<(Recovery, String)> {
        recover_workspace(s.buffers.journal(), &s.root)
            .into_iter()
            .map(|r| (r.recovery, r.entry.text))
            .collect()
    }

    #[test]
    fn journaled_text_is_restored_over_the_unchanged_file() {
        let s = setup("Jour 1\n");
        s.buffers
            .record(&s.post, "Jour 1\nLa keynote.\n", 3)
            .expect("record");
        assert_eq!(
            recovery(&s),
            [(Recovery::Restore, "Jour 1\nLa keynote.\n".into())]
        );
    }

    #[test]
    fn a_late_journal_write_never_replaces_newer_text() {
        let s = setup("a");
        s.buffers.record(&s.post, "abc", 3).expect("record");
        s.buffers.record(&s.post, "ab", 2).expect("late record");
        assert_eq!(recovery(&s), [(Recovery::Restore, "abc".into())]);
    }

    #[test]
    fn a_save_moves_the_base_and_keeps_newer_journaled_text() {
        let s = setup("a");
        s.buffers.record(&s.post, "abc", 3).expect("record");
        s.buffers.save(&s.post, "ab", 2, false).expect("save");
        assert_eq!(fs::read_to_string(&s.post).expect("read"), "ab");
        assert_eq!(recovery(&s), [(Recovery::Restore, "abc".into())]);
        s.buffers.save(&s.post, "abc", 3, false).expect("save");
        assert_eq!(recovery(&s), [(Recovery::UpToDate, "abc".into())]);
    }

    #[test]
    fn refuses_to_save_over_a_file_changed_by_someone_else_until_forced() {
        let s = setup("mine");
        s.buffers
            .record(&s.post, "mine, edited", 1)
            .expect("record");
        fs::write(&s.post, "theirs").expect("external write");
        let err = s
            .buffers
            .save(&s.post, "mine, edited", 1, false)
            .expect_err("conflict");
        assert_eq!(err.kind(), "changed_on_disk");
        assert_eq!(fs::read_to_string(&s.post).expect("read"), "theirs");
        assert_eq!(recovery(&s), [(Recovery::Conflict, "mine, edited".into())]);
        assert_eq!(
            s.buffers.disk_text(&s.post).expect("disk"),
            Some("theirs".into())
        );
        s.buffers
            .save(&s.post, "mine, edited", 1, true)
            .expect("keep mine");
        assert_eq!(fs::read_to_string(&s.post).expect("read"), "mine, edited");
    }

    #[test]
    fn taking_their_version_rebases_the_buffer() {
        let s = setup("mine");
        fs::write(&s.post, "theirs").expect("external write");
        s.buffers.rebase(&s.post, Some("theirs")).expect("rebase");
        s.buffers
            .record(&s.post, "theirs, edited", 1)
            .expect("record");
        s.buffers
            .save(&s.post, "theirs, edited", 1, false)
            .expect("save");
        assert_eq!(fs::read_to_string(&s.post).expect("read"), "theirs, edited");
    }

    #[test]
    fn a_failed_save_keeps_the_text_in_the_journal() {
        let s = setup("original");
        let mut perms = fs::metadata(&s.post).expect("meta").permissions();
        perms.set_readonly(true);
        fs::set_permissions(&s.post, perms).expect("chmod");
        s.buffers
            .record(&s.post, "original + new words", 1)
            .expect("record");
        let err = s
            .buffers
            .save(&s.post, "original + new words", 1, false)
            .expect_err("read-only");
        assert_eq!(err.kind(), "permission_denied");
        let entries = s.buffers.journal().entries().0;
        assert_eq!(entries[0].text, "original + new words");
        assert_eq!(
            decide_recovery(
                &entries[0],
                FileVersion::read(&s.post)
                    .expect("read")
                    .map(|v| v.0)
                    .as_ref()
            ),
            Recovery::Restore
        );
    }

    #[test]
    fn saves_even_when_the_journal_cannot_be_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let post = dir.path().join("post.md");
        fs::write(&post, "a").expect("write");
        // The data folder's `journal` is a file: every journal write fails.
        fs::write(dir.path().join("journal"), "not a folder").expect("write");
        let buffers = OpenBuffers::new(Journal::in_data_dir(dir.path()));
        assert!(buffers.open(dir.path(), &post, "a").is_err());
        assert!(buffers.record(&post, "ab", 1).is_err());
        buffers
            .save(&post, "ab", 1, false)
            .expect("the save itself works");
        assert_eq!(fs::read_to_string(&post).expect("read"), "ab");
    }

    #[test]
    fn closing_forgets_the_entry_and_unknown_buffers_are_refused() {
        let s = setup("x");
        s.buffers.close(&s.post).expect("close");
        assert!(recovery(&s).is_empty());
        assert!(!s.buffers.is_open(&s.post));
        assert!(s.buffers.record(&s.post, "y", 1).is_err());
        assert!(s.buffers.disk_text(Path::new("/etc/passwd")).is_err());
    }

    #[test]
    fn a_resumed_buffer_keeps_its_old_base() {
        let s = setup("base");
        s.buffers
            .record(&s.post, "base + typed", 1)
            .expect("record");
        let entry = s.buffers.journal().entries().0.remove(0);
        let again = OpenBuffers::new(s.buffers.journal().clone());
        again.resume(&entry).expect("resume");
        again
            .save(&s.post, "base + typed", 1, false)
            .expect("save in step");
        assert_eq!(fs::read_to_string(&s.post).expect("read"), "base + typed");
    }
}
