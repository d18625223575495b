//! The shell's error: what a command failure looks like to the UI, `{kind, message, path}`.

use std::path::PathBuf;

use serde::Serialize;

use crate::ipc_types::{IpcError, IpcErrorKind};

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
    /// The kind the UI branches on.
    pub fn error_kind(&self) -> IpcErrorKind {
        match self {
            AppError::Core(e) => e.error_kind().into(),
            AppError::NoWorkspace => IpcErrorKind::NoWorkspace,
            AppError::NotInWorkspace(_) => IpcErrorKind::NotInWorkspace,
            AppError::Shell(_) => IpcErrorKind::Shell,
            AppError::RenderTimeout { .. } => IpcErrorKind::RenderTimeout,
            AppError::RenderSuperseded(_) => IpcErrorKind::RenderSuperseded,
            AppError::RenderFailed(_) => IpcErrorKind::RenderFailed,
        }
    }

    /// The kind as text (`not_found`, `front_matter`, `no_workspace`...).
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
        let line = match self {
            AppError::Core(e) => e.line().map(|l| u32::try_from(l).unwrap_or(u32::MAX)),
            _ => None,
        };
        IpcError {
            kind: self.error_kind(),
            message: self.to_string(),
            path,
            line,
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
            serde_json::json!({"kind": "no_workspace", "message": "no blog is open", "path": null, "line": null})
        );
    }

    #[test]
    fn carries_the_line_and_the_same_kind_as_text() {
        let err = AppError::Core(lanyard::Error::FrontMatter {
            path: "/blog/_posts/x.md".into(),
            line: 4,
            message: "did not find expected key".into(),
        });
        let json = serde_json::to_value(&err).expect("json");
        assert_eq!(json["kind"], "front_matter");
        assert_eq!(json["line"], 4);
        for err in [
            err,
            AppError::NoWorkspace,
            AppError::Shell("x".into()),
            AppError::NotInWorkspace("/x".into()),
            AppError::Core(lanyard::Error::Git {
                path: "/blog".into(),
                message: "git: locked".into(),
            }),
        ] {
            let json = serde_json::to_value(err.error_kind()).expect("json");
            assert_eq!(json, serde_json::Value::from(err.kind()));
        }
    }
}
