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
    /// Input the core refuses (binary file, name with `..`, ...).
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The offending file or name.
        path: PathBuf,
        /// Why it is refused.
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
    /// would look (`vendor/bundle`, `GEM_HOME`, `GEM_PATH`, the user's and the system's gems).
    #[error("{}: theme `{theme}` is not installed (looked in vendor/bundle, GEM_HOME, GEM_PATH, ~/.gem and the system gem folders)", path.display())]
    ThemeNotFound {
        /// The config file naming the theme.
        path: PathBuf,
        /// The theme's gem name.
        theme: String,
    },
    /// A save was refused: the file changed on disk since the editor's text was in step with it
    /// (another program wrote it); the user chooses which version to keep.
    #[error("{}: changed on disk by another program since it was opened; nothing was written", path.display())]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
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

    /// A short machine-readable kind, used by the UI to branch (`io`, `front_matter`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                "not_found"
            }
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied => {
                "permission_denied"
            }
            Error::Io { .. } => "io",
            Error::FrontMatter { .. } => "front_matter",
            Error::Config { .. } => "config",
            Error::NotASite { .. } => "not_a_site",
            Error::Invalid { .. } => "invalid",
            Error::ChangedOnDisk { .. } => "changed_on_disk",
            Error::OutsideSite { .. } => "outside_site",
            Error::NotRegularFile { .. } => "not_regular_file",
            Error::TooLarge { .. } => "too_large",
            Error::BudgetExceeded { .. } => "budget_exceeded",
            Error::ThemeNotFound { .. } => "theme_not_found",
        }
    }

    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Error::Io { path, .. }
            | Error::FrontMatter { path, .. }
            | Error::Config { path, .. }
            | Error::NotASite { path }
            | Error::Invalid { path, .. }
            | Error::ChangedOnDisk { path }
            | Error::OutsideSite { path, .. }
            | Error::NotRegularFile { path }
            | Error::TooLarge { path, .. }
            | Error::BudgetExceeded { path, .. }
            | Error::ThemeNotFound { path, .. } => path,
        }
    }
}
