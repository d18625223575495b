//! The core's error type: every variant names the file it is about, so a user can act on it.

use std::path::{Path, PathBuf};

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core. Each variant carries the path it concerns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A post's front matter is not valid YAML (or not a mapping).
    #[error("{}:{line}: front matter does not parse: {message}", path.display())]
    FrontMatter {
        /// The post.
        path: PathBuf,
        /// 1-based line in the file.
        line: usize,
        /// The parser's explanation.
        message: String,
    },
    /// The site configuration file is invalid.
    #[error("{}: {message}", path.display())]
    Config {
        /// The config file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The folder is not a Jekyll site.
    #[error("{}: not a Jekyll site (no _config.yml, _config.yaml or _config.toml, and no _posts/)", path.display())]
    NotASite {
        /// The folder.
        path: PathBuf,
    },
    /// Input the core refuses for a reason no other kind describes (an internal state an
    /// earlier failure poisoned, a value that cannot be serialized).
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The offending file or name.
        path: PathBuf,
        /// Why it is refused.
        message: String,
    },
    /// Something the operation needs is not there: a post of the blog, a series, a talk, a
    /// schedule, a title.
    #[error("{}: {message}", path.display())]
    NotFound {
        /// The file (or name) it was looked for in.
        path: PathBuf,
        /// What is missing.
        message: String,
    },
    /// A name (a file name, a slug, a title, a series name) that Jekyll would not read, or that
    /// is unsafe (`..`, control characters).
    #[error("{}: {message}", path.display())]
    BadName {
        /// The file, or the field the name was given for.
        path: PathBuf,
        /// Why the name is refused.
        message: String,
    },
    /// A date that is not one (or not one the operation can use).
    #[error("{}: {message}", path.display())]
    InvalidDate {
        /// The file, or the field the date was given for.
        path: PathBuf,
        /// The date and what is wrong with it.
        message: String,
    },
    /// A file's text or a schedule that does not parse, at a line (0 when unknown).
    #[error("{}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line, 0 when unknown.
        line: usize,
        /// The parser's explanation.
        message: String,
    },
    /// A file that is not text (binary, or not UTF-8).
    #[error("{}: {message}", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// Why it is not text.
        message: String,
    },
    /// A front matter edit refused (a key Lanyard cannot write, a value that is not YAML, a
    /// shape it does not touch, an edit that would change other keys).
    #[error("{}: {message}", path.display())]
    EditRefused {
        /// The post.
        path: PathBuf,
        /// 1-based line (of the file, or of the value's text), 0 when about no line.
        line: usize,
        /// Why.
        message: String,
    },
    /// The operation would overwrite or undo someone's work: a file that already exists, staged
    /// changes in the index, a file changed since the plan was made, nothing left to do.
    #[error("{}: {message}", path.display())]
    Conflict {
        /// The file or repository.
        path: PathBuf,
        /// What is in the way.
        message: String,
    },
    /// Publishing is blocked by the problems it found (errors, or warnings not overridden).
    #[error("{}: {message}", path.display())]
    Blocked {
        /// The blog (or repository) published into.
        path: PathBuf,
        /// How many problems, and that nothing was changed.
        message: String,
    },
    /// git failed (opening the repository, staging, committing).
    #[error("{}: {message}", path.display())]
    Git {
        /// The file or repository.
        path: PathBuf,
        /// git's explanation.
        message: String,
    },
    /// Watching a folder for changes failed.
    #[error("{}: {message}", path.display())]
    Watch {
        /// The folder.
        path: PathBuf,
        /// The watcher's explanation.
        message: String,
    },
    /// A reference of the blog (link, include, image, theme file) leads outside the site (or its
    /// theme's folder) once links are followed; nothing was read.
    #[error("{}: leads outside the site ({}); not read", path.display(), target.display())]
    OutsideSite {
        /// The file or reference as the blog names it.
        path: PathBuf,
        /// Where it really leads.
        target: PathBuf,
    },
    /// The path is a FIFO, a device, a socket or a folder where a regular file was expected.
    #[error("{}: not a regular file (FIFO, device, socket or folder); not read", path.display())]
    NotRegularFile {
        /// The path.
        path: PathBuf,
    },
    /// A file is over the size cap for its kind.
    #[error("{}: {size} bytes, over the {limit}-byte limit for this kind of file; not read", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The cap in bytes.
        limit: u64,
    },
    /// Untrusted content hit a budget (Liquid output or loops, YAML aliases or depth, Markdown
    /// nesting, decode size): the work stopped there.
    #[error("{}:{line}: {message}", path.display())]
    BudgetExceeded {
        /// The file.
        path: PathBuf,
        /// 1-based line where the budget ran out (0 when unknown).
        line: usize,
        /// Which budget, and its limit.
        message: String,
    },
    /// The site names a gem theme (`theme:` in its config) that is installed nowhere Jekyll
    /// would look (`vendor/bundle`, `GEM_HOME`, `GEM_PATH`, the user's and the system's gems),
    /// or a `remote_theme:` (downloaded by jekyll-remote-theme at build time, never by Lanyard).
    #[error("{}: theme `{theme}` is not installed ({looked})", path.display())]
    ThemeNotFound {
        /// The config file naming the theme.
        path: PathBuf,
        /// The theme's gem name, or the `remote_theme` repository.
        theme: String,
        /// Where Lanyard looked for it (the gem folders), or why it did not.
        looked: String,
    },
    /// A save was refused: the file changed on disk since the editor's text was in step with it
    /// (another program wrote it); the user chooses which version to keep.
    #[error("{}: changed on disk by another program since it was opened; nothing was written", path.display())]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The editor's changes do not apply to the preview's copy of a post (another version, or
    /// offsets past its end): the editor sends its whole text instead.
    #[error("{}: the preview's copy is out of step with the editor ({message})", path.display())]
    PreviewOutOfStep {
        /// The post.
        path: PathBuf,
        /// What did not match.
        message: String,
    },
}

impl Error {
    /// Builds an [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The 1-based line of the file the error is about, when it is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::FrontMatter { line, .. }
            | Error::Parse { line, .. }
            | Error::EditRefused { line, .. }
            | Error::BudgetExceeded { line, .. } => Some(*line).filter(|l| *l > 0),
            _ => None,
        }
    }

    /// The kind of error, for a caller to match on.
    pub fn error_kind(&self) -> ErrorKind {
        match self {
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                ErrorKind::NotFound
            }
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied => {
                ErrorKind::PermissionDenied
            }
            Error::Io { .. } => ErrorKind::Io,
            Error::FrontMatter { .. } => ErrorKind::FrontMatter,
            Error::Config { .. } => ErrorKind::Config,
            Error::NotASite { .. } => ErrorKind::NotASite,
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::BadName { .. } => ErrorKind::BadName,
            Error::InvalidDate { .. } => ErrorKind::InvalidDate,
            Error::Parse { .. } => ErrorKind::Parse,
            Error::NotText { .. } => ErrorKind::NotText,
            Error::EditRefused { .. } => ErrorKind::EditRefused,
            Error::Conflict { .. } => ErrorKind::Conflict,
            Error::Blocked { .. } => ErrorKind::Blocked,
            Error::Git { .. } => ErrorKind::Git,
            Error::Watch { .. } => ErrorKind::Watch,
            Error::ChangedOnDisk { .. } => ErrorKind::ChangedOnDisk,
            Error::PreviewOutOfStep { .. } => ErrorKind::PreviewOutOfStep,
            Error::OutsideSite { .. } => ErrorKind::OutsideSite,
            Error::NotRegularFile { .. } => ErrorKind::NotRegularFile,
            Error::TooLarge { .. } => ErrorKind::TooLarge,
            Error::BudgetExceeded { .. } => ErrorKind::BudgetExceeded,
            Error::ThemeNotFound { .. } => ErrorKind::ThemeNotFound,
        }
    }

    /// A short machine-readable kind, used by the UI to branch (`io`, `front_matter`, ...):
    /// [`Error::error_kind`] as text.
    pub fn kind(&self) -> &'static str {
        self.error_kind().as_str()
    }

    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Error::Io { path, .. }
            | Error::FrontMatter { path, .. }
            | Error::Config { path, .. }
            | Error::NotASite { path }
            | Error::Invalid { path, .. }
            | Error::NotFound { path, .. }
            | Error::BadName { path, .. }
            | Error::InvalidDate { path, .. }
            | Error::Parse { path, .. }
            | Error::NotText { path, .. }
            | Error::EditRefused { path, .. }
            | Error::Conflict { path, .. }
            | Error::Blocked { path, .. }
            | Error::Git { path, .. }
            | Error::Watch { path, .. }
            | Error::ChangedOnDisk { path }
            | Error::PreviewOutOfStep { path, .. }
            | Error::OutsideSite { path, .. }
            | Error::NotRegularFile { path }
            | Error::TooLarge { path, .. }
            | Error::BudgetExceeded { path, .. }
            | Error::ThemeNotFound { path, .. } => path,
        }
    }
}

/// What kind of error an [`Error`] is: what a caller (and the UI) branches on. Several
/// variants can share a kind (a missing file and a missing post are both `NotFound`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The file, post, series, talk or schedule is not there.
    NotFound,
    /// The OS refused access to the file.
    PermissionDenied,
    /// Any other I/O failure.
    Io,
    /// A post's front matter does not parse (with its line).
    FrontMatter,
    /// The site configuration is invalid.
    Config,
    /// The folder is not a Jekyll site.
    NotASite,
    /// A case no other kind describes.
    Invalid,
    /// A name Jekyll would not read, or an unsafe one.
    BadName,
    /// A date that is not one.
    InvalidDate,
    /// A file that does not parse (with its line when known).
    Parse,
    /// A binary or non-UTF-8 file where text was expected.
    NotText,
    /// A front matter edit refused.
    EditRefused,
    /// The operation would overwrite or undo someone's work.
    Conflict,
    /// Publishing blocked by its findings.
    Blocked,
    /// git failed.
    Git,
    /// Watching a folder failed.
    Watch,
    /// The file changed on disk since the editor was in step with it.
    ChangedOnDisk,
    /// A reference leads outside the site.
    OutsideSite,
    /// Not a regular file.
    NotRegularFile,
    /// Over a size cap.
    TooLarge,
    /// Untrusted content hit a budget.
    BudgetExceeded,
    /// The site's gem theme is installed nowhere Jekyll would look.
    ThemeNotFound,
    /// The editor's changes do not apply to the preview's copy (it sends its whole text).
    PreviewOutOfStep,
}

impl ErrorKind {
    /// The kind as the UI and the CLI's JSON name it (`not_found`, `front_matter`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::PermissionDenied => "permission_denied",
            ErrorKind::Io => "io",
            ErrorKind::FrontMatter => "front_matter",
            ErrorKind::Config => "config",
            ErrorKind::NotASite => "not_a_site",
            ErrorKind::Invalid => "invalid",
            ErrorKind::BadName => "bad_name",
            ErrorKind::InvalidDate => "invalid_date",
            ErrorKind::Parse => "parse",
            ErrorKind::NotText => "not_text",
            ErrorKind::EditRefused => "edit_refused",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Blocked => "blocked",
            ErrorKind::Git => "git",
            ErrorKind::Watch => "watch",
            ErrorKind::ChangedOnDisk => "changed_on_disk",
            ErrorKind::OutsideSite => "outside_site",
            ErrorKind::NotRegularFile => "not_regular_file",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::BudgetExceeded => "budget_exceeded",
            ErrorKind::ThemeNotFound => "theme_not_found",
            ErrorKind::PreviewOutOfStep => "preview_out_of_step",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_kind_as_serde_does_and_gives_the_line() {
        let errors = [
            Error::io("a", std::io::Error::from(std::io::ErrorKind::NotFound)),
            Error::FrontMatter {
                path: "p.md".into(),
                line: 3,
                message: "bad".into(),
            },
            Error::InvalidDate {
                path: "date".into(),
                message: "`2023-13-45` is not a date".into(),
            },
            Error::Parse {
                path: "s.ics".into(),
                line: 0,
                message: "no BEGIN:VCALENDAR".into(),
            },
            Error::Conflict {
                path: "x.md".into(),
                message: "already exists".into(),
            },
        ];
        for e in &errors {
            let json = serde_json::to_value(e.error_kind()).expect("json");
            assert_eq!(json, serde_json::Value::from(e.kind()));
        }
        let kinds: Vec<&str> = errors.iter().map(Error::kind).collect();
        assert_eq!(
            kinds,
            [
                "not_found",
                "front_matter",
                "invalid_date",
                "parse",
                "conflict"
            ]
        );
        assert_eq!(errors[1].line(), Some(3));
        assert_eq!(errors[3].line(), None, "line 0 is no line");
        assert_eq!(errors[2].to_string(), "date: `2023-13-45` is not a date");
    }
}
