//! The app's session: the blog open in the window, where the data folder is, and opening a blog
//! (from the command line, the last run, the demo, a dialog or the recent list).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use lanyard::app_state::{ensure_demo_blog, AppState};
use lanyard::crash_guard::{preview_to_pause, OpenMarker};
use lanyard::site::Workspace;

use crate::error::{AppError, AppResult};
use crate::ipc_types::WorkspaceSummary;
use crate::workspace_view::summarize;

/// Managed Tauri state, shared by every command.
pub struct Session {
    /// The open blog; `None` until the UI asks for the first one.
    workspace: RwLock<Option<Arc<Workspace>>>,
    /// The `DIR` argument, used once by the first open.
    startup_dir: Mutex<Option<PathBuf>>,
    /// Where the app keeps its state (`LANYARD_DATA_DIR` honoured).
    data_dir: PathBuf,
    /// The demo blog shipped with the app (copied to the data folder before use).
    bundled_demo: PathBuf,
    /// Whether the editor holds changes not yet saved (the UI keeps it current).
    unsaved: AtomicBool,
    /// When a close of the window was last held back to let the UI save.
    close_held_at: Mutex<Option<Instant>>,
    /// The post the last run left open when it ended abnormally (read once, at start).
    left_open: Mutex<Option<OpenMarker>>,
}

/// A second close request within this delay closes the window even with unsaved changes, so
/// that a UI that cannot save never traps the user.
pub const FORCE_CLOSE_WITHIN: Duration = Duration::from_secs(5);

impl Session {
    /// A session with nothing open yet.
    pub fn new(startup_dir: Option<PathBuf>, data_dir: PathBuf, bundled_demo: PathBuf) -> Self {
        Session {
            workspace: RwLock::new(None),
            startup_dir: Mutex::new(startup_dir),
            bundled_demo,
            unsaved: AtomicBool::new(false),
            close_held_at: Mutex::new(None),
            left_open: Mutex::new(OpenMarker::load(&data_dir)),
            data_dir,
        }
    }

    /// Records whether the editor has unsaved changes.
    pub fn set_unsaved(&self, unsaved: bool) {
        self.unsaved.store(unsaved, Ordering::SeqCst);
    }

    /// Whether a close request should be held back so the UI saves first: there are unsaved
    /// changes and no close was held in the last [`FORCE_CLOSE_WITHIN`].
    pub fn hold_close(&self, now: Instant) -> bool {
        if !self.unsaved.load(Ordering::SeqCst) {
            return false;
        }
        let Ok(mut held) = self.close_held_at.lock() else {
            return false;
        };
        if held.is_some_and(|at| now.duration_since(at) < FORCE_CLOSE_WITHIN) {
            return false;
        }
        *held = Some(now);
        true
    }

    /// The open blog.
    pub fn workspace(&self) -> AppResult<Arc<Workspace>> {
        let guard = self
            .workspace
            .read()
            .map_err(|_| AppError::Shell("state poisoned".into()))?;
        guard.clone().ok_or(AppError::NoWorkspace)
    }

    /// The blog to open at start: `DIR`, else the last workspace (if it still exists), else
    /// the demo blog, copied to the data folder on first use.
    pub fn open_initial(&self) -> AppResult<WorkspaceSummary> {
        let from_args = self.startup_dir.lock().ok().and_then(|mut dir| dir.take());
        let last = AppState::load(&self.data_dir)
            .last_workspace()
            .filter(|p| p.is_dir())
            .map(Path::to_path_buf);
        let dir = match from_args.or(last) {
            Some(dir) => dir,
            None => ensure_demo_blog(&self.bundled_demo, &self.data_dir)?,
        };
        self.open(&dir)
    }

    /// Opens `dir` as the current blog and remembers it in the recent list.
    pub fn open(&self, dir: &Path) -> AppResult<WorkspaceSummary> {
        let dir = dir.canonicalize().map_err(|e| lanyard::Error::io(dir, e))?;
        let workspace = Arc::new(Workspace::open(&dir)?);
        let mut state = AppState::load(&self.data_dir);
        state.record_workspace(&dir);
        state.save(&self.data_dir)?;
        let summary = summarize(&workspace, &state);
        *self
            .workspace
            .write()
            .map_err(|_| AppError::Shell("state poisoned".into()))? = Some(workspace);
        Ok(summary)
    }

    /// Re-reads the open blog from disk (after a save changed a title, a date...).
    pub fn reload(&self) -> AppResult<WorkspaceSummary> {
        let root = self.workspace()?.root().to_path_buf();
        let workspace = Arc::new(Workspace::open(&root)?);
        let summary = summarize(&workspace, &AppState::load(&self.data_dir));
        *self
            .workspace
            .write()
            .map_err(|_| AppError::Shell("state poisoned".into()))? = Some(workspace);
        Ok(summary)
    }

    /// Remembers `post` as the one last opened in the current blog, and marks it open until a
    /// clean exit ([`OpenMarker`]), before it is ever rendered.
    pub fn record_post(&self, post: &Path) -> AppResult<()> {
        let root = self.workspace()?.root().to_path_buf();
        OpenMarker::record(&self.data_dir, &root, post)?;
        let mut state = AppState::load(&self.data_dir);
        state.record_post(&root, post);
        Ok(state.save(&self.data_dir)?)
    }

    /// The post of the open blog whose preview must wait for the user: the one left open when
    /// the last run ended abnormally. Answered once; later calls (another blog) get `None`.
    pub fn take_paused_preview(&self) -> AppResult<Option<PathBuf>> {
        let root = self.workspace()?.root().to_path_buf();
        let left_open = self.left_open.lock().ok().and_then(|mut m| m.take());
        Ok(preview_to_pause(left_open.as_ref(), &root))
    }

    /// A clean exit: no post is left open.
    pub fn exit_cleanly(&self) {
        if let Err(e) = OpenMarker::clear(&self.data_dir) {
            eprintln!("lanyard: {e}");
        }
    }

    /// The recently opened folders, most recent first, that still exist.
    pub fn recent_folders(&self) -> Vec<PathBuf> {
        AppState::load(&self.data_dir)
            .recent
            .into_iter()
            .filter(|p| p.is_dir())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new(
            None,
            PathBuf::from("/nonexistent"),
            PathBuf::from("/nonexistent"),
        )
    }

    #[test]
    fn closes_at_once_without_unsaved_changes() {
        assert!(!session().hold_close(Instant::now()));
    }

    #[test]
    fn holds_the_first_close_with_unsaved_changes_but_not_a_second_one_soon_after() {
        let session = session();
        session.set_unsaved(true);
        let t0 = Instant::now();
        assert!(session.hold_close(t0));
        assert!(!session.hold_close(t0 + Duration::from_secs(1)));
        assert!(session.hold_close(t0 + FORCE_CLOSE_WITHIN + Duration::from_secs(1)));
        session.set_unsaved(false);
        assert!(!session.hold_close(t0 + 3 * FORCE_CLOSE_WITHIN));
    }
}
