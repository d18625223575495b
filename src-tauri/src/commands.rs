//! The commands the UI invokes (through `ui/src/lib/ipc.ts` only). Each adapts arguments, calls
//! the core or the session, and runs file and CPU work off the UI thread.

use std::path::PathBuf;
use std::sync::Arc;

use tauri::{AppHandle, Manager, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::ipc_types::{PostText, WorkspaceSummary};
use crate::preview_commands::{self, PreviewDocs, PreviewEdit, PreviewUpdate, PreviewWorker};
use crate::render_worker::RENDER_DEADLINE;
use crate::session::Session;
use crate::{menu, workspace_view};

/// Runs `work` on the blocking thread pool with the session, never on the UI thread.
pub(crate) async fn off_ui_thread<T: Send + 'static>(
    app: &AppHandle,
    work: impl FnOnce(&Session) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<Session>()))
        .await
        .map_err(|e| AppError::Shell(e.to_string()))?
}

/// Opens the blog to start with: `DIR`, else the last one, else the demo blog.
#[tauri::command]
pub async fn open_initial_workspace(app: AppHandle) -> AppResult<WorkspaceSummary> {
    let summary = off_ui_thread(&app, Session::open_initial).await?;
    crate::startup_trace::mark("blog opened");
    menu::refresh(&app)?;
    Ok(summary)
}

/// Opens the blog in `dir` (from the recent list).
#[tauri::command]
pub async fn open_workspace(app: AppHandle, dir: PathBuf) -> AppResult<WorkspaceSummary> {
    let summary = off_ui_thread(&app, move |s| s.open(&dir)).await?;
    menu::refresh(&app)?;
    Ok(summary)
}

/// Asks for a folder with the native dialog and opens it; `None` when the user cancels.
#[tauri::command]
pub async fn choose_workspace(app: AppHandle) -> AppResult<Option<WorkspaceSummary>> {
    let dialog = app.dialog().clone();
    let picked = off_ui_thread(&app, move |_| Ok(dialog.file().blocking_pick_folder())).await?;
    let Some(dir) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    open_workspace(app, dir).await.map(Some)
}

/// The recently opened folders, most recent first.
#[tauri::command]
pub fn recent_folders(app: AppHandle) -> Vec<String> {
    app.state::<Session>()
        .recent_folders()
        .iter()
        .map(|p| p.display().to_string())
        .collect()
}

/// The UI tells whether the editor holds unsaved changes (closing the window then waits for a save).
#[tauri::command]
pub fn set_unsaved(app: AppHandle, unsaved: bool) {
    app.state::<Session>().set_unsaved(unsaved);
}

/// Closes the window (after the UI saved, following a `close-requested` event).
#[tauri::command]
pub fn close_window(window: WebviewWindow) -> AppResult<()> {
    Ok(window.destroy()?)
}

/// The system language (`fr` or `en`), for the UI's words.
#[tauri::command]
pub fn system_language() -> &'static str {
    crate::locale::system_language()
}

/// Loads a post of the open blog into the editor (the UI then sets the spell checker to its
/// language, `spellcheck::set_spellcheck_language`).
#[tauri::command]
pub async fn read_post(
    app: AppHandle,
    window: WebviewWindow,
    path: PathBuf,
) -> AppResult<PostText> {
    let post = off_ui_thread(&app, move |s| workspace_view::read_post(s, &path)).await?;
    window.set_title(&format!(
        "{} — Lanyard",
        workspace_view::file_label(&post.path)
    ))?;
    crate::startup_trace::mark("post read");
    Ok(post)
}

/// The live preview: applies the editor's changes to the post's preview document and renders
/// it on the render worker, waiting at most [`RENDER_DEADLINE`] (`render_timeout` past it);
/// answers with the blocks that changed.
#[tauri::command]
pub async fn preview_edit(app: AppHandle, edit: PreviewEdit) -> AppResult<PreviewUpdate> {
    let workspace = app.state::<Session>().workspace()?;
    let worker = Arc::clone(app.state::<PreviewWorker>().inner());
    let app_for_docs = app.clone();
    let preview = tauri::async_runtime::spawn_blocking(move || {
        let docs = app_for_docs.state::<PreviewDocs>();
        preview_commands::preview_edit_on(&worker, &docs, workspace, edit, RENDER_DEADLINE)
    })
    .await
    .map_err(|e| AppError::Shell(e.to_string()))?;
    crate::startup_trace::mark("first render");
    preview
}

/// The post whose preview waits for the user's click: the one left open when the last run
/// ended abnormally (crash-loop guard). Asked once, after the first blog opens.
#[tauri::command]
pub fn paused_preview(app: AppHandle) -> AppResult<Option<String>> {
    let paused = app.state::<Session>().take_paused_preview()?;
    Ok(paused.map(|p| p.display().to_string()))
}
