//! The commands of the crash-safe journal, autosave and external changes: open buffers are
//! journaled ([`lanyard::journal::OpenBuffers`]), saved in a crash-safe order and never over a
//! file someone else changed unless the user chose to; at start, the journal is read back.

use std::path::PathBuf;

use lanyard::journal::autosave::AutosaveSettings;
use lanyard::journal::{recover_workspace, OpenBuffers, Recovery};
use tauri::{AppHandle, Manager};

use crate::error::{AppError, AppResult};
use crate::ipc_types::WorkspaceSummary;
use crate::journal_types::RecoveredPost;
use crate::session::Session;
use crate::workspace_view::file_label;

/// Runs `work` with the session and the open buffers on the blocking thread pool.
async fn off_ui_thread<T: Send + 'static>(
    app: &AppHandle,
    work: impl FnOnce(&Session, &OpenBuffers) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        work(&app.state::<Session>(), &app.state::<OpenBuffers>())
    })
    .await
    .map_err(|e| AppError::Shell(e.to_string()))?
}

/// The journal entries of the open blog, each with what to do with it. Entries with text to
/// restore or a choice to make are resumed as open buffers (with the base they had).
#[tauri::command]
pub async fn recover_journal(app: AppHandle) -> AppResult<Vec<RecoveredPost>> {
    off_ui_thread(&app, |session, buffers| {
        let workspace = session.workspace()?;
        let mut found = Vec::new();
        for r in recover_workspace(buffers.journal(), workspace.root()) {
            if r.recovery != Recovery::UpToDate {
                buffers.resume(&r.entry)?;
            }
            let post = workspace.post_at(&r.entry.post);
            let path = r.entry.post.display().to_string();
            found.push(RecoveredPost {
                title: post.map_or_else(|| file_label(&path), |p| p.title.clone()),
                lang: post
                    .and_then(|p| p.lang.clone())
                    .or_else(|| workspace.config().lang.clone())
                    .unwrap_or_else(|| "en".into()),
                path,
                text: r.entry.text,
                recovery: r.recovery.into(),
                disk_text: r.disk_text,
                written_at_ms: r.entry.written_at_ms,
            });
        }
        Ok(found)
    })
    .await
}

/// The editor opened `path` (a post of the open blog) with `text`, just read from its file.
#[tauri::command]
pub async fn journal_open(app: AppHandle, path: PathBuf, text: String) -> AppResult<()> {
    off_ui_thread(&app, move |session, buffers| {
        let workspace = session.workspace()?;
        let post = workspace
            .post_at(&path)
            .ok_or_else(|| AppError::NotInWorkspace(path.clone()))?;
        Ok(buffers.open(workspace.root(), &post.path, &text)?)
    })
    .await
}

/// Journals the editor's text of an open post at edit number `version`.
#[tauri::command]
pub async fn journal_record(
    app: AppHandle,
    path: PathBuf,
    text: String,
    version: u64,
) -> AppResult<()> {
    off_ui_thread(&app, move |_, buffers| {
        Ok(buffers.record(&path, &text, version)?)
    })
    .await
}

/// The editor is now in step with the file holding `text` (`null`: no file).
#[tauri::command]
pub async fn journal_rebase(app: AppHandle, path: PathBuf, text: Option<String>) -> AppResult<()> {
    off_ui_thread(&app, move |_, buffers| {
        Ok(buffers.rebase(&path, text.as_deref())?)
    })
    .await
}

/// The editor closed the post: its journal entry is forgotten.
#[tauri::command]
pub async fn journal_close(app: AppHandle, path: PathBuf) -> AppResult<()> {
    off_ui_thread(&app, move |_, buffers| Ok(buffers.close(&path)?)).await
}

/// Saves an open post (edit number `version`) and returns the blog re-read. Refused with
/// `changed_on_disk` when another program changed the file, unless `force` (keep mine).
#[tauri::command]
pub async fn save_buffer(
    app: AppHandle,
    path: PathBuf,
    text: String,
    version: u64,
    force: bool,
) -> AppResult<WorkspaceSummary> {
    off_ui_thread(&app, move |session, buffers| {
        buffers.save(&path, &text, version, force)?;
        session.reload()
    })
    .await
}

/// The file's text now, for an open post (`null`: the file is gone).
#[tauri::command]
pub async fn disk_text(app: AppHandle, path: PathBuf) -> AppResult<Option<String>> {
    off_ui_thread(&app, move |_, buffers| Ok(buffers.disk_text(&path)?)).await
}

/// Re-reads the open blog (other posts changed on disk: titles, tags, series).
#[tauri::command]
pub async fn refresh_workspace(app: AppHandle) -> AppResult<WorkspaceSummary> {
    off_ui_thread(&app, |session, _| session.reload()).await
}

/// The autosave delay in milliseconds (`null`: manual save only).
#[tauri::command]
pub fn autosave_setting() -> Option<u32> {
    AutosaveSettings::load(&lanyard::data_dir::data_dir()).idle_ms
}

/// Sets the autosave delay (`null`: manual save only).
#[tauri::command]
pub fn set_autosave_setting(idle_ms: Option<u32>) -> AppResult<()> {
    Ok(AutosaveSettings { idle_ms }.save(&lanyard::data_dir::data_dir())?)
}
