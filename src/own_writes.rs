//! Lanyard's own writes, remembered so that the file watcher does not report them as changes
//! made by someone else. [`crate::fs_util::atomic_write`] records every file it writes (the path
//! and a hash of the bytes) and removals made by Lanyard are recorded too; the watcher asks
//! [`is_own_change`] before raising a change.
//!
//! The registry is process-wide because every writer (save, series sync, rename, publish) goes
//! through the same function and may run on any thread.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::file_version::ContentHash;

/// What Lanyard last did to a path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum OwnWrite {
    /// Wrote these bytes.
    Wrote(ContentHash),
    /// Removed the file (a rename's old path).
    Removed,
}

/// Entries older than this are forgotten once the registry grows past [`PRUNE_ABOVE`].
const FORGET_AFTER: Duration = Duration::from_secs(600);
const PRUNE_ABOVE: usize = 512;

fn registry() -> &'static Mutex<HashMap<PathBuf, (OwnWrite, Instant)>> {
    static REGISTRY: OnceLock<Mutex<HashMap<PathBuf, (OwnWrite, Instant)>>> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(HashMap::new()))
}

fn remember(path: &Path, what: OwnWrite) {
    let Ok(mut map) = registry().lock() else {
        return;
    };
    let now = Instant::now();
    if map.len() > PRUNE_ABOVE {
        map.retain(|_, (_, at)| now.duration_since(*at) < FORGET_AFTER);
    }
    map.insert(path.to_path_buf(), (what, now));
}

/// Records that Lanyard is writing `contents` to `path` (called before the rename, so that the
/// watcher can never see the file before the record exists).
pub fn record_write(path: &Path, contents: &[u8]) {
    remember(path, OwnWrite::Wrote(ContentHash::of(contents)));
}

/// Records that Lanyard removed `path`.
pub fn record_removal(path: &Path) {
    remember(path, OwnWrite::Removed);
}

/// Whether the file at `path` now holds exactly what Lanyard last wrote there, or is absent
/// after Lanyard removed it: a watcher event for it is Lanyard's own doing. A file changed by
/// someone else after our write has other bytes, so it is reported.
pub fn is_own_change(path: &Path) -> bool {
    let recorded = registry()
        .lock()
        .ok()
        .and_then(|map| map.get(path).map(|(what, _)| what.clone()));
    match recorded {
        None => false,
        Some(OwnWrite::Removed) => !path.exists(),
        Some(OwnWrite::Wrote(hash)) => std::fs::read(path)
            .map(|bytes| ContentHash::of(&bytes) == hash)
            .unwrap_or(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_holding_what_we_wrote_is_our_own_change_until_someone_else_writes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("post.md");
        crate::fs_util::atomic_write(&file, b"ours").expect("write");
        assert!(is_own_change(&file));
        std::fs::write(&file, b"theirs").expect("write");
        assert!(!is_own_change(&file));
        assert!(!is_own_change(&dir.path().join("never-written.md")));
    }

    #[test]
    fn a_removal_we_made_is_ours_only_while_the_file_is_absent() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("old.md");
        record_removal(&file);
        assert!(is_own_change(&file));
        std::fs::write(&file, b"recreated by someone").expect("write");
        assert!(!is_own_change(&file));
    }
}
