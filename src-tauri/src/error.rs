//! The shell's error: what a command failure looks like to the UI, `{kind, message, path}`.

use std::path::PathBuf;

use serde::Serialize;

use crate::ipc_types::IpcError;

/// Every way a command can fail. Serializes as [`IpcError`] so the UI can branch on `kind` and
/// show `message`, a sentence naming the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppError {
    /// An error from the core (I/O, front matter, not a Jekyll site...).
    #[error(transparent)]
    Core(#[from] lanyard::Error),
    /// A command that needs an open blog was called before one was opened.
    #[error("no blog is open")]
    NoWorkspace,
    /// A post path that is not a post or draft of the open blog (nothing outside it is touched).
    #[error("{}: not a post of the open blog", .0.display())]
    NotInWorkspace(PathBuf),
    /// Tauri itself failed (window, menu, background task).
    #[error("{0}")]
    Shell(String),
    /// Rendering the post's preview did not end within its deadline (it goes on in the
    /// background; the next keystroke tries again).
    #[error("{}: the preview took more than {seconds} s to render and was left; the editor keeps working and the next change tries again", path.display())]
    RenderTimeout {
        /// The post.
        path: PathBuf,
        /// The deadline, in seconds.
        seconds: u64,
    },
    /// A newer render of the preview was asked for before this one started (nothing to show).
    #[error("{}: a newer preview was asked for", .0.display())]
    RenderSuperseded(PathBuf),
    /// Rendering the post's preview failed inside the renderer (a bug, reported, not a crash).
    #[error("{}: the preview could not be rendered (an internal error of the renderer)", .0.display())]
    RenderFailed(PathBuf),
}

impl From<tauri::Error> for AppError {
    fn from(e: tauri::Error) -> Self {
        AppError::Shell(e.to_string())
    }
}

impl AppError {
    /// The machine-readable kind the UI branches on.
    pub fn kind(&self) -> &'static str {
        match self {
            AppError::Core(e) => e.kind(),
            AppError::NoWorkspace => "no_workspace",
            AppError::NotInWorkspace(_) => "not_in_workspace",
            AppError::Shell(_) => "shell",
            AppError::RenderTimeout { .. } => "render_timeout",
            AppError::RenderSuperseded(_) => "render_superseded",
            AppError::RenderFailed(_) => "render_failed",
        }
    }

    /// What crosses the IPC boundary.
    pub fn to_ipc(&self) -> IpcError {
        let path = match self {
            AppError::Core(e) => Some(e.path().display().to_string()),
            AppError::NotInWorkspace(p)
            | AppError::RenderTimeout { path: p, .. }
            | AppError::RenderSuperseded(p)
            | AppError::RenderFailed(p) => Some(p.display().to_string()),
            AppError::NoWorkspace | AppError::Shell(_) => None,
        };
        IpcError {
            kind: self.kind().to_string(),
            message: self.to_string(),
            path,
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_ipc().serialize(serializer)
    }
}

/// Result of a command.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_kind_message_path() {
        let err = AppError::Core(lanyard::Error::io(
            "/blog/_posts/x.md",
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
        let json = serde_json::to_value(&err).expect("json");
        assert_eq!(json["kind"], "not_found");
        assert_eq!(json["path"], "/blog/_posts/x.md");
        assert!(json["message"]
            .as_str()
            .expect("message")
            .contains("/blog/_posts/x.md"));
    }

    #[test]
    fn errors_without_a_file_have_a_null_path() {
        let json = serde_json::to_value(AppError::NoWorkspace).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"kind": "no_workspace", "message": "no blog is open", "path": null})
        );
    }
}
