//! Series commands: "New series", "Next part" and "Sync series headers". Each plans a
//! [`Changeset`] with the core, applies it, re-reads the blog and returns every file's new text,
//! so the UI routes the text of a file open in its editor through a CodeMirror transaction.

use std::path::PathBuf;

use lanyard::changeset::Changeset;
use lanyard::data_dir::data_dir;
use lanyard::series::names::parse_user_date;
use lanyard::series::{
    plan_move, plan_new_post, plan_next_part, plan_sync, MoveRequest, NewPostRequest,
    SeriesSettings, SettingsStore, SyncOptions,
};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::error::{AppError, AppResult};
use crate::ipc_types::WorkspaceSummary;
use crate::session::Session;

/// A file a series operation wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChangedFile {
    /// Absolute path of the file after the change.
    pub path: String,
    /// Its previous path, when it was renamed.
    pub renamed_from: Option<String>,
    /// Its text now on disk.
    pub after: String,
}

/// What a series operation did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SeriesApplied {
    /// The blog re-read after the writes.
    pub workspace: WorkspaceSummary,
    /// Every file written, with its new text.
    pub changed: Vec<ChangedFile>,
    /// The post to open (the new draft), if any.
    pub open_post: Option<String>,
}

/// What renaming / re-dating a post would do (nothing written yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MovePreview {
    /// The post's path after the move.
    pub to: String,
    /// Every file the move writes (the post itself, the parts linking to it).
    pub files: Vec<String>,
    /// The URL of a published post before and after, when it changes.
    pub old_url: Option<String>,
    /// The URL after the move, when it changes.
    pub new_url: Option<String>,
    /// The post is published now and would not be after the move (dated in the future).
    pub unpublished_by_move: bool,
}

/// The settings of one series of the open blog (unset: the defaults).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeriesSettingsView {
    /// The name shown in the header (unset: the `series:` string).
    pub display_name: Option<String>,
    /// The article before the name (`la`, `le`, `l'`, `the`; "" for none; unset: the
    /// language's default).
    pub article: Option<String>,
}

/// Plans with the open blog and the series settings, applies, and re-reads the blog.
pub(crate) async fn apply_plan(
    app: &AppHandle,
    plan: impl FnOnce(
            &lanyard::site::Workspace,
            &SettingsStore,
        ) -> lanyard::Result<(Changeset, Option<PathBuf>)>
        + Send
        + 'static,
) -> AppResult<SeriesApplied> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || -> AppResult<SeriesApplied> {
        let session = app.state::<Session>();
        let settings = SettingsStore::load(&data_dir())?;
        let workspace = session.workspace()?;
        let (changes, open) = plan(&workspace, &settings)?;
        changes.apply()?;
        Ok(SeriesApplied {
            workspace: session.reload()?,
            changed: changes.changes.iter().map(ChangedFile::from).collect(),
            open_post: open.map(|p| p.display().to_string()),
        })
    })
    .await
    .map_err(|e| AppError::Shell(e.to_string()))?
}

impl From<&lanyard::changeset::FileChange> for ChangedFile {
    fn from(c: &lanyard::changeset::FileChange) -> Self {
        ChangedFile {
            path: c.path.display().to_string(),
            renamed_from: c.renamed_from.as_ref().map(|p| p.display().to_string()),
            after: c.after.clone(),
        }
    }
}

/// "New series": the first part of series `series` as a draft, which the UI then opens.
#[tauri::command]
pub async fn new_series(
    app: AppHandle,
    title: String,
    series: String,
    date: Option<String>,
    lang: Option<String>,
) -> AppResult<SeriesApplied> {
    let date = date
        .filter(|d| !d.trim().is_empty())
        .map(|d| parse_user_date(&d))
        .transpose()?;
    let lang = lang.filter(|l| !l.trim().is_empty());
    let request = NewPostRequest {
        title: Some(title),
        series: Some(series),
        date,
        lang,
        slug: None,
    };
    apply_plan(&app, move |w, s| {
        plan_new_post(w, s, &request).map(|n| (n.changes, Some(n.path)))
    })
    .await
}

/// "Next part" of the series the post at `path` belongs to.
#[tauri::command]
pub async fn next_part(app: AppHandle, path: PathBuf) -> AppResult<SeriesApplied> {
    apply_plan(&app, move |w, s| {
        plan_next_part(w, s, &path).map(|n| (n.changes, Some(n.path)))
    })
    .await
}

/// "Sync series headers": every part's header regenerated (hand-written lists left alone).
#[tauri::command]
pub async fn sync_series(app: AppHandle) -> AppResult<SeriesApplied> {
    apply_plan(&app, |w, s| {
        plan_sync(w, s, SyncOptions::default()).map(|p| (p.changes, None))
    })
    .await
}

/// The parts whose hand-written `post_url` list "Sync series headers" leaves alone (adoptable).
#[tauri::command]
pub async fn adoptable_lists(app: AppHandle) -> AppResult<Vec<String>> {
    tauri::async_runtime::spawn_blocking(move || -> AppResult<Vec<String>> {
        let settings = SettingsStore::load(&data_dir())?;
        let workspace = app.state::<Session>().workspace()?;
        let plan = plan_sync(&workspace, &settings, SyncOptions::default())?;
        Ok(plan
            .adoptable
            .iter()
            .map(|p| p.display().to_string())
            .collect())
    })
    .await
    .map_err(|e| AppError::Shell(e.to_string()))?
}

/// "Replace the hand-written list with a managed header": sync with `adopt`.
#[tauri::command]
pub async fn adopt_series_lists(app: AppHandle) -> AppResult<SeriesApplied> {
    apply_plan(&app, |w, s| {
        plan_sync(w, s, SyncOptions { adopt: true }).map(|p| (p.changes, None))
    })
    .await
}

fn move_request(
    date: Option<String>,
    slug: Option<String>,
    redirect: bool,
) -> AppResult<MoveRequest> {
    let date = date
        .filter(|d| !d.trim().is_empty())
        .map(|d| parse_user_date(&d))
        .transpose()?;
    let slug = slug.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(MoveRequest {
        date,
        slug,
        redirect,
    })
}

/// What "Rename / re-date" of the post at `path` would touch.
#[tauri::command]
pub async fn preview_move(
    app: AppHandle,
    path: PathBuf,
    date: Option<String>,
    slug: Option<String>,
) -> AppResult<MovePreview> {
    let request = move_request(date, slug, false)?;
    tauri::async_runtime::spawn_blocking(move || -> AppResult<MovePreview> {
        let settings = SettingsStore::load(&data_dir())?;
        let workspace = app.state::<Session>().workspace()?;
        let plan = plan_move(&workspace, &settings, &path, &request)?;
        let files = plan
            .changes
            .changes
            .iter()
            .map(|c| c.path.display().to_string());
        Ok(MovePreview {
            to: plan.to.display().to_string(),
            files: files.collect(),
            old_url: plan.url_change.as_ref().map(|u| u.old_url.clone()),
            new_url: plan.url_change.map(|u| u.new_url),
            unpublished_by_move: plan.unpublished_by_move,
        })
    })
    .await
    .map_err(|e| AppError::Shell(e.to_string()))?
}

/// "Rename / re-date": moves the post at `path`, rewrites the links to it and the headers.
#[tauri::command]
pub async fn move_post(
    app: AppHandle,
    path: PathBuf,
    date: Option<String>,
    slug: Option<String>,
    redirect: bool,
) -> AppResult<SeriesApplied> {
    let request = move_request(date, slug, redirect)?;
    apply_plan(&app, move |w, s| {
        plan_move(w, s, &path, &request).map(|p| (p.changes, None))
    })
    .await
}

/// The settings of `series` in the open blog.
#[tauri::command]
pub fn series_settings(app: AppHandle, series: String) -> AppResult<SeriesSettingsView> {
    let root = app.state::<Session>().workspace()?.root().to_path_buf();
    let settings = SettingsStore::load(&data_dir())?.series(&root, &series);
    Ok(SeriesSettingsView {
        display_name: settings.display_name,
        article: settings.article,
    })
}

/// Saves the settings of `series` in the open blog, then syncs every series header.
#[tauri::command]
pub async fn save_series_settings(
    app: AppHandle,
    series: String,
    settings: SeriesSettingsView,
) -> AppResult<SeriesApplied> {
    let root = app.state::<Session>().workspace()?.root().to_path_buf();
    let mut store = SettingsStore::load(&data_dir())?;
    let settings = SeriesSettings {
        display_name: settings.display_name.filter(|n| !n.trim().is_empty()),
        article: settings.article,
    };
    store.set_series(&root, &series, settings);
    store.save(&data_dir())?;
    sync_series(app).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc_types::bindings::{assert_bindings_up_to_date, binding};

    #[test]
    fn series_bindings_are_up_to_date() {
        assert_bindings_up_to_date(&[
            binding::<ChangedFile>,
            binding::<SeriesApplied>,
            binding::<MovePreview>,
            binding::<SeriesSettingsView>,
        ]);
    }
}
