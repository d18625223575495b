//! The thin layer over `notify` and its debouncer: watches a blog folder recursively and hands
//! each debounced batch, classified by [`classify_events`], to a callback.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use crate::watch::classify::{classify_events, BlogChange, DiskFacts};
use crate::{Error, Result};

/// How long the debouncer waits for a burst of events (a `git checkout`, an editor's save
/// dance) to settle before reporting it.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(60);

/// A running watch of one blog; dropping it stops the watch.
pub struct BlogWatcher {
    root: PathBuf,
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

impl BlogWatcher {
    /// The watched folder.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// Watches the blog at `root` (recursively). `on_changes` runs on the debouncer's thread with
/// each non-empty batch of changes made by others; watcher errors go to `on_error`.
pub fn watch_blog(
    root: &Path,
    debounce: Duration,
    mut on_changes: impl FnMut(Vec<BlogChange>) + Send + 'static,
    mut on_error: impl FnMut(String) + Send + 'static,
) -> Result<BlogWatcher> {
    let watched = root.to_path_buf();
    let handler = move |result: DebounceEventResult| match result {
        Ok(events) => {
            let events: Vec<_> = events.into_iter().map(|e| e.event).collect();
            let changes = classify_events(&watched, &events, &DiskFacts);
            if !changes.is_empty() {
                on_changes(changes);
            }
        }
        Err(errors) => errors.iter().for_each(|e| on_error(e.to_string())),
    };
    let watch_error = |e: notify_debouncer_full::notify::Error| Error::Watch {
        path: root.to_path_buf(),
        message: format!("cannot watch the folder for changes: {e}"),
    };
    let mut debouncer = new_debouncer(debounce, None, handler).map_err(watch_error)?;
    debouncer
        .watch(root, RecursiveMode::Recursive)
        .map_err(watch_error)?;
    Ok(BlogWatcher {
        root: root.to_path_buf(),
        _debouncer: debouncer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::ChangeKind;
    use std::sync::mpsc;

    #[test]
    fn reports_another_programs_write_but_not_lanyards_own() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("canonical");
        let ours = root.join("ours.md");
        let theirs = root.join("theirs.md");
        let (tx, rx) = mpsc::channel();
        let _watch =
            watch_blog(&root, DEFAULT_DEBOUNCE, move |c| drop(tx.send(c)), |_| {}).expect("watch");
        crate::fs_util::atomic_write(&ours, b"written by Lanyard").expect("ours");
        std::fs::write(&theirs, b"written by someone else").expect("theirs");
        let mut seen = Vec::new();
        while let Ok(batch) = rx.recv_timeout(Duration::from_millis(1500)) {
            seen.extend(batch);
        }
        assert!(seen.iter().all(|c| c.path != ours), "{seen:?}");
        assert!(
            seen.iter()
                .any(|c| c.path == theirs && c.kind == ChangeKind::Created),
            "{seen:?}"
        );
    }
}
