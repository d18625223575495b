//! Watches the open blog and tells the UI what other programs changed, as `blog-changed`
//! events (a list of [`BlogChangeView`]). The rules live in `lanyard::watch`; this only starts
//! and replaces the watch and forwards its batches.

use std::sync::Mutex;

use lanyard::watch::watcher::DEFAULT_DEBOUNCE;
use lanyard::watch::{watch_blog, BlogWatcher};
use tauri::{AppHandle, Emitter, Manager};

use crate::error::{AppError, AppResult};
use crate::journal_types::BlogChangeView;
use crate::session::Session;

/// The event the UI listens to.
pub const BLOG_CHANGED: &str = "blog-changed";

/// Managed state: the running watch, if any.
#[derive(Default)]
pub struct WatchState(Mutex<Option<BlogWatcher>>);

/// Watches the open blog (replacing the watch of a previous one). Off the UI thread: a
/// recursive watch registers every folder of the blog (`.git`, `_site` and all), which on a real
/// blog takes long enough to hold up the window's event loop at start.
#[tauri::command]
pub async fn watch_workspace(app: AppHandle) -> AppResult<()> {
    tauri::async_runtime::spawn_blocking(move || watch(&app))
        .await
        .map_err(|e| AppError::Shell(e.to_string()))?
}

fn watch(app: &AppHandle) -> AppResult<()> {
    let root = app.state::<Session>().workspace()?.root().to_path_buf();
    let state = app.state::<WatchState>();
    let mut current = state
        .0
        .lock()
        .map_err(|_| AppError::Shell("watch state poisoned".into()))?;
    if current.as_ref().is_some_and(|w| w.root() == root) {
        return Ok(());
    }
    *current = None; // stop the old watch first
    let emitter = app.clone();
    let watcher = watch_blog(
        &root,
        DEFAULT_DEBOUNCE,
        move |changes| {
            let views: Vec<BlogChangeView> = changes.into_iter().map(Into::into).collect();
            if let Err(e) = emitter.emit(BLOG_CHANGED, views) {
                eprintln!("lanyard: could not tell the UI about changes on disk: {e}");
            }
        },
        |message| eprintln!("lanyard: watching the blog: {message}"),
    )?;
    *current = Some(watcher);
    crate::startup_trace::mark("blog watched");
    Ok(())
}
