//! The IPC types of the journal, recovery and external changes. The UI's TypeScript
//! declarations in `ui/src/lib/bindings/` are generated from these by ts-rs
//! (`UPDATE_BINDINGS=1 cargo test -p lanyard-desktop bindings` rewrites them).

use lanyard::journal::Recovery;
use lanyard::watch::{BlogChange, ChangeKind};
use serde::Serialize;
use ts_rs::TS;

/// What the start of the app found in the journal for a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecoveryKind {
    /// The file already holds the journal's text.
    UpToDate,
    /// The journal's text is newer than the unchanged file: it goes back into the editor.
    Restore,
    /// The file changed on disk after the journal's base: the user chooses.
    Conflict,
    /// The file is gone: offer to save it again.
    FileMissing,
}

impl From<Recovery> for RecoveryKind {
    fn from(r: Recovery) -> Self {
        match r {
            Recovery::UpToDate => RecoveryKind::UpToDate,
            Recovery::Restore => RecoveryKind::Restore,
            Recovery::Conflict => RecoveryKind::Conflict,
            Recovery::FileMissing => RecoveryKind::FileMissing,
        }
    }
}

/// A post found in the journal at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RecoveredPost {
    /// Absolute path of the post.
    pub path: String,
    /// Its title (front matter), else its file name, to tell the user what was recovered.
    pub title: String,
    /// The buffer's text as last journaled.
    pub text: String,
    /// What to do with it.
    pub recovery: RecoveryKind,
    /// The file's text now (`null`: missing).
    pub disk_text: Option<String>,
    /// The post's language, for spell checking.
    pub lang: String,
    /// When the journal entry was written (ms since the Unix epoch); the newest is reopened.
    #[ts(type = "number")]
    pub written_at_ms: i64,
}

/// What happened to a file of the blog, changed by another program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BlogChangeKind {
    /// Its content changed.
    Changed,
    /// It appeared.
    Created,
    /// It is gone.
    Deleted,
    /// It moved (`path` is the new path, `from` the old one).
    Renamed,
}

/// One change to a file of the open blog (the `blog-changed` event carries a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BlogChangeView {
    /// What happened.
    pub kind: BlogChangeKind,
    /// The file (a rename's new path).
    pub path: String,
    /// A rename's old path.
    pub from: Option<String>,
}

impl From<BlogChange> for BlogChangeView {
    fn from(c: BlogChange) -> Self {
        BlogChangeView {
            kind: match c.kind {
                ChangeKind::Changed => BlogChangeKind::Changed,
                ChangeKind::Created => BlogChangeKind::Created,
                ChangeKind::Deleted => BlogChangeKind::Deleted,
                ChangeKind::Renamed => BlogChangeKind::Renamed,
            },
            path: c.path.display().to_string(),
            from: c.from.map(|p| p.display().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc_types::bindings::{assert_bindings_up_to_date, binding};
    use std::path::PathBuf;

    #[test]
    fn journal_bindings_are_up_to_date() {
        assert_bindings_up_to_date(&[
            binding::<RecoveryKind>,
            binding::<RecoveredPost>,
            binding::<BlogChangeKind>,
            binding::<BlogChangeView>,
        ]);
    }

    #[test]
    fn a_change_serializes_with_snake_case_kind_and_string_paths() {
        let view = BlogChangeView::from(BlogChange {
            kind: ChangeKind::Renamed,
            path: PathBuf::from("/blog/_posts/b.md"),
            from: Some(PathBuf::from("/blog/_drafts/b.md")),
        });
        assert_eq!(
            serde_json::to_value(view).expect("json"),
            serde_json::json!({"kind": "renamed", "path": "/blog/_posts/b.md", "from": "/blog/_drafts/b.md"})
        );
    }
}
