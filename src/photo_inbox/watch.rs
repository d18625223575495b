//! Watching the inbox folder: `notify` with a debouncer (a phone sync writes a file in many
//! small steps), each batch of events classified by [`classify_event`] and handed over when
//! something changed for the tray.

use std::path::Path;
use std::time::Duration;

use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use super::events::{classify_event, InboxChange};
use crate::{Error, Result};

/// How long the debouncer waits for a file to stop changing.
pub const DEBOUNCE: Duration = Duration::from_millis(400);

/// A running watch; dropping it stops watching.
pub struct InboxWatcher {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

impl std::fmt::Debug for InboxWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InboxWatcher")
    }
}

/// Watches `dir` (not its sub-folders) and calls `on_change` from the watcher's thread with
/// the changes of each debounced batch (never with an empty list).
pub fn watch_inbox(
    dir: &Path,
    on_change: impl Fn(Vec<InboxChange>) + Send + 'static,
) -> Result<InboxWatcher> {
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let changes: Vec<InboxChange> = events.iter().flat_map(|e| classify_event(e)).collect();
        if !changes.is_empty() {
            on_change(changes);
        }
    })
    .map_err(|e| watch_error(dir, e))?;
    debouncer
        .watch(dir, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(dir, e))?;
    Ok(InboxWatcher {
        _debouncer: debouncer,
    })
}

fn watch_error(dir: &Path, e: notify_debouncer_full::notify::Error) -> Error {
    Error::Watch {
        path: dir.to_path_buf(),
        message: format!("cannot watch the photo inbox: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn reports_a_photo_copied_into_the_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (tx, rx) = mpsc::channel();
        let _watcher = watch_inbox(dir.path(), move |changes| {
            let _ = tx.send(changes);
        })
        .expect("watch");
        let photo = dir.path().join("IMG_9.jpg");
        std::fs::write(&photo, b"bytes").expect("write");
        let changes = rx.recv_timeout(Duration::from_secs(10)).expect("event");
        assert!(changes.contains(&InboxChange::Added(photo)), "{changes:?}");
    }

    #[test]
    fn a_missing_folder_cannot_be_watched() {
        let err = watch_inbox(Path::new("/nonexistent/inbox"), |_| {}).expect_err("missing");
        assert!(err.to_string().contains("/nonexistent/inbox"));
    }
}
