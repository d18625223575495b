//! The theme view: the page around the open post (its layouts, header, footer and compiled
//! stylesheets), built by the core once per open and again when a layout, include, Sass file
//! or the config changes. The post's body comes from `preview_edit`, as in the reading view.

use std::path::PathBuf;
use std::sync::Mutex;

use lanyard::theme::SassCache;
use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::asset_protocol::SCHEME;
use crate::commands::off_ui_thread;
use crate::error::{AppError, AppResult};

/// Compiled stylesheets of the open blog, reused until one of their files changes.
#[derive(Debug, Default)]
pub struct ThemeCache(Mutex<SassCache>);

/// The page around a post, ready for the theme view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ThemeViewIpc {
    /// The page's sanitized `<body>`, with an empty `#lanyard-theme-content` for the post.
    pub body_html: String,
    /// The page's stylesheets, compiled, scoped to the view, URLs through the asset scheme.
    pub css: String,
    /// The page's `lang`.
    pub lang: Option<String>,
    /// What the view could not do (`file:line: message`).
    pub problems: Vec<String>,
}

/// The theme view of the post at `path` with the editor's `text`.
#[tauri::command]
pub async fn theme_view(app: AppHandle, path: PathBuf, text: String) -> AppResult<ThemeViewIpc> {
    let handle = app.clone();
    off_ui_thread(&app, move |s| {
        let workspace = s.workspace()?;
        let post = workspace
            .post_at(&path)
            .ok_or_else(|| AppError::NotInWorkspace(path.clone()))?;
        let cache = handle.state::<ThemeCache>();
        let mut cache = cache.0.lock().map_err(|e| AppError::Shell(e.to_string()))?;
        let prefix = format!("{SCHEME}://localhost");
        let view = lanyard::theme::theme_view(&workspace, &post.path, &text, &prefix, &mut cache)?;
        Ok(ThemeViewIpc {
            body_html: view.body_html,
            css: view.css,
            lang: view.lang,
            problems: view.problems,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc_types::bindings::{assert_bindings_up_to_date, binding};

    #[test]
    fn bindings_are_up_to_date() {
        assert_bindings_up_to_date(&[binding::<ThemeViewIpc>]);
    }
}
