//! The types that cross the IPC boundary. The UI's TypeScript declarations in
//! `ui/src/lib/bindings/` are generated from these by ts-rs (the `bindings_are_up_to_date`
//! test checks them; `UPDATE_BINDINGS=1 cargo test -p lanyard-desktop bindings` rewrites them).

use lanyard::photo_import::PhotoErrorKind;
use serde::Serialize;
use ts_rs::TS;

/// What kind of failure a command met: the core's kinds ([`lanyard::ErrorKind`]) and the
/// shell's own (`no_workspace`, `not_in_workspace`, `shell`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IpcErrorKind {
    NotFound,
    PermissionDenied,
    Io,
    FrontMatter,
    Config,
    NotASite,
    Invalid,
    BadName,
    InvalidDate,
    Parse,
    NotText,
    EditRefused,
    Conflict,
    Blocked,
    Git,
    Watch,
    ChangedOnDisk,
    OutsideSite,
    NotRegularFile,
    TooLarge,
    BudgetExceeded,
    /// The blog's gem theme is not installed (the theme view stays in the reading view).
    ThemeNotFound,
    /// The editor's changes do not apply to the preview's copy: send the whole text.
    PreviewOutOfStep,
    /// A command that needs an open blog ran before one was opened.
    NoWorkspace,
    /// A path that is not a post or draft of the open blog.
    NotInWorkspace,
    /// Tauri itself failed (window, menu, background task).
    Shell,
    /// The preview's render did not end within its deadline.
    RenderTimeout,
    /// A newer render request replaced this one before it ran.
    RenderSuperseded,
    /// The renderer failed (a bug, caught and reported).
    RenderFailed,
    /// A photo could not be written to the blog.
    Write,
    /// A file that is no image format Lanyard reads.
    UnknownFormat,
    /// An image in a variant that cannot be decoded here (a HEIF codec without a decoder, a
    /// CMYK JPEG).
    Unsupported,
    /// A damaged image.
    Corrupt,
    /// An image that could not be converted.
    Convert,
    /// An import the user cancelled.
    Cancelled,
}

impl IpcErrorKind {
    /// The kind of a photo import failure ([`lanyard::photo_import::PhotoError::error_kind`]):
    /// a refused file keeps the core's kind, a photo over the decode budget is
    /// `budget_exceeded`.
    pub fn of_photo(kind: PhotoErrorKind) -> IpcErrorKind {
        match kind {
            PhotoErrorKind::Core(kind) => kind.into(),
            PhotoErrorKind::Write => IpcErrorKind::Write,
            PhotoErrorKind::UnknownFormat => IpcErrorKind::UnknownFormat,
            PhotoErrorKind::Unsupported => IpcErrorKind::Unsupported,
            PhotoErrorKind::OverBudget => IpcErrorKind::BudgetExceeded,
            PhotoErrorKind::Corrupt => IpcErrorKind::Corrupt,
            PhotoErrorKind::Convert => IpcErrorKind::Convert,
            PhotoErrorKind::Cancelled => IpcErrorKind::Cancelled,
        }
    }
}

impl From<lanyard::ErrorKind> for IpcErrorKind {
    fn from(kind: lanyard::ErrorKind) -> Self {
        use lanyard::ErrorKind as K;
        match kind {
            K::NotFound => IpcErrorKind::NotFound,
            K::PermissionDenied => IpcErrorKind::PermissionDenied,
            K::Io => IpcErrorKind::Io,
            K::FrontMatter => IpcErrorKind::FrontMatter,
            K::Config => IpcErrorKind::Config,
            K::NotASite => IpcErrorKind::NotASite,
            K::Invalid => IpcErrorKind::Invalid,
            K::BadName => IpcErrorKind::BadName,
            K::InvalidDate => IpcErrorKind::InvalidDate,
            K::Parse => IpcErrorKind::Parse,
            K::NotText => IpcErrorKind::NotText,
            K::EditRefused => IpcErrorKind::EditRefused,
            K::Conflict => IpcErrorKind::Conflict,
            K::Blocked => IpcErrorKind::Blocked,
            K::Git => IpcErrorKind::Git,
            K::Watch => IpcErrorKind::Watch,
            K::ChangedOnDisk => IpcErrorKind::ChangedOnDisk,
            K::PreviewOutOfStep => IpcErrorKind::PreviewOutOfStep,
            K::OutsideSite => IpcErrorKind::OutsideSite,
            K::NotRegularFile => IpcErrorKind::NotRegularFile,
            K::TooLarge => IpcErrorKind::TooLarge,
            K::BudgetExceeded => IpcErrorKind::BudgetExceeded,
            K::ThemeNotFound => IpcErrorKind::ThemeNotFound,
        }
    }
}

/// A failed command: what the UI branches on (`kind`, a union of [`IpcErrorKind`]) and shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    /// What kind of failure.
    pub kind: IpcErrorKind,
    /// A sentence for the user, naming the file (and line).
    pub message: String,
    /// The file or folder concerned, when there is one.
    pub path: Option<String>,
    /// The 1-based line of that file, when the error is about one.
    pub line: Option<u32>,
}

/// One post or draft, as the sidebar lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PostSummary {
    /// Absolute path of the file; the post's identity in every command.
    pub path: String,
    /// The front matter `title`, else a title derived from the file name.
    pub title: String,
    /// `YYYY-MM-DD`, when the post has a date (drafts may not).
    pub date: Option<String>,
    /// The URL Jekyll gives the post (with `baseurl`); drafts have none.
    pub url: Option<String>,
    /// The `series:` name, when the post is part of one.
    pub series: Option<String>,
    /// Front matter tags.
    pub tags: Vec<String>,
    /// Whether Jekyll would build it.
    pub published: bool,
}

/// An open blog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WorkspaceSummary {
    /// The blog's folder, absolute.
    pub root: String,
    /// The site `title`, else the folder name.
    pub title: String,
    /// The site's `baseurl` ("" when unset), to recognise local links and images.
    pub baseurl: String,
    /// Posts in `_posts/`, newest first.
    pub posts: Vec<PostSummary>,
    /// Drafts in `_drafts/`.
    pub drafts: Vec<PostSummary>,
    /// The post to show first: the one last edited here, else the newest.
    pub open_post: Option<String>,
}

/// A post's text, as the editor loads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PostText {
    /// Absolute path of the file.
    pub path: String,
    /// The whole file, front matter included.
    pub text: String,
    /// The post's language (`lang:`, else the blog's, else `en`), for spell checking.
    pub lang: String,
}

/// How bad a problem is (publish findings, front matter diagnostics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SeverityView {
    /// Blocks (a Jekyll build fails, or the form cannot write).
    Error,
    /// Worth fixing; blocks publishing unless overridden.
    Warning,
}

impl From<lanyard::check::Severity> for SeverityView {
    fn from(severity: lanyard::check::Severity) -> Self {
        match severity {
            lanyard::check::Severity::Error => SeverityView::Error,
            lanyard::check::Severity::Warning => SeverityView::Warning,
        }
    }
}

impl From<lanyard::front_matter::DiagnosticSeverity> for SeverityView {
    fn from(severity: lanyard::front_matter::DiagnosticSeverity) -> Self {
        match severity {
            lanyard::front_matter::DiagnosticSeverity::Error => SeverityView::Error,
            lanyard::front_matter::DiagnosticSeverity::Warning => SeverityView::Warning,
        }
    }
}

/// What a render found wrong ([`lanyard::render::ProblemKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PreviewProblemKind {
    MissingPostUrl,
    UnpublishedPostUrl,
    FuturePostUrl,
    MissingImage,
    MissingImageWidth,
    UnsupportedLiquid,
    BudgetExceeded,
}

impl From<lanyard::render::ProblemKind> for PreviewProblemKind {
    fn from(kind: lanyard::render::ProblemKind) -> Self {
        use lanyard::render::ProblemKind as K;
        match kind {
            K::MissingPostUrl => PreviewProblemKind::MissingPostUrl,
            K::UnpublishedPostUrl => PreviewProblemKind::UnpublishedPostUrl,
            K::FuturePostUrl => PreviewProblemKind::FuturePostUrl,
            K::MissingImage => PreviewProblemKind::MissingImage,
            K::MissingImageWidth => PreviewProblemKind::MissingImageWidth,
            K::UnsupportedLiquid => PreviewProblemKind::UnsupportedLiquid,
            K::BudgetExceeded => PreviewProblemKind::BudgetExceeded,
        }
    }
}

/// A render problem, located in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreviewProblem {
    /// 1-based line in the file.
    pub line: u32,
    /// What kind of problem.
    pub kind: PreviewProblemKind,
    /// A sentence naming the target.
    pub message: String,
}

/// The one check behind every module's `*_bindings_are_up_to_date` test.
#[cfg(test)]
pub(crate) mod bindings {
    use std::path::PathBuf;
    use ts_rs::TS;

    /// How to export one type: its file stem and its TypeScript text.
    pub(crate) type Binding = fn(&ts_rs::Config) -> (String, String);

    /// The [`Binding`] of `T`, for [`assert_bindings_up_to_date`]'s list.
    pub(crate) fn binding<T: TS + 'static>(cfg: &ts_rs::Config) -> (String, String) {
        let text = T::export_to_string(cfg).expect("ts-rs export");
        (T::ident(cfg), text)
    }

    /// Fails naming every file in `ui/src/lib/bindings/` that differs from what ts-rs
    /// generates for `types`; with `UPDATE_BINDINGS` set, rewrites those files instead.
    pub(crate) fn assert_bindings_up_to_date(types: &[Binding]) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings");
        let cfg = ts_rs::Config::new();
        let update = std::env::var_os("UPDATE_BINDINGS").is_some();
        let mut stale = Vec::new();
        for export in types {
            let (name, text) = export(&cfg);
            let file = dir.join(format!("{name}.ts"));
            if update {
                std::fs::create_dir_all(&dir).expect("mkdir bindings");
                std::fs::write(&file, &text).expect("write binding");
            } else if std::fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
                stale.push(file.display().to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "stale TypeScript bindings (run UPDATE_BINDINGS=1 cargo test -p lanyard-desktop bindings): {stale:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::bindings::{assert_bindings_up_to_date, binding};
    use super::*;

    #[test]
    fn bindings_are_up_to_date() {
        assert_bindings_up_to_date(&[
            binding::<IpcErrorKind>,
            binding::<IpcError>,
            binding::<PostSummary>,
            binding::<WorkspaceSummary>,
            binding::<PostText>,
            binding::<SeverityView>,
            binding::<PreviewProblemKind>,
            binding::<PreviewProblem>,
        ]);
    }

    /// Every photo kind but the decode budget crosses under its own name (a refused file
    /// under the core's kind), none as `invalid`.
    #[test]
    fn photo_kinds_cross_under_their_own_names() {
        use lanyard::ErrorKind as K;
        for kind in [
            PhotoErrorKind::Core(K::Io),
            PhotoErrorKind::Core(K::NotFound),
            PhotoErrorKind::Core(K::NotRegularFile),
            PhotoErrorKind::Core(K::TooLarge),
            PhotoErrorKind::Core(K::BadName),
            PhotoErrorKind::Write,
            PhotoErrorKind::UnknownFormat,
            PhotoErrorKind::Unsupported,
            PhotoErrorKind::Corrupt,
            PhotoErrorKind::Convert,
            PhotoErrorKind::Cancelled,
        ] {
            let json = serde_json::to_value(IpcErrorKind::of_photo(kind)).expect("json");
            assert_eq!(json, serde_json::Value::from(kind.as_str()), "{kind:?}");
        }
        assert_eq!(
            IpcErrorKind::of_photo(PhotoErrorKind::OverBudget),
            IpcErrorKind::BudgetExceeded
        );
    }
}
