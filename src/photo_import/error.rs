//! What can go wrong importing one photo. Every variant names the source file, so the CLI can
//! print `file: reason` and the desktop can show the reason next to the photo that failed.

use std::path::{Path, PathBuf};

/// An import of one photo failed; nothing was written for it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PhotoError {
    /// The photo (or the assets folder) could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The photo, or the file of the assets folder that failed.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The photo could not be written into the assets folder (a read-only folder, a file
    /// where the folder should be, a full disk). Nothing was left behind.
    #[error("{}: cannot write {}: {source}", path.display(), target.display())]
    Write {
        /// The photo.
        path: PathBuf,
        /// The file or folder that could not be written.
        target: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The file is not a JPEG, PNG, WebP or HEIC/HEIF image (empty, text, random bytes,
    /// another format).
    #[error("{}: not a JPEG, PNG, WebP or HEIC image{}", path.display(), detail_suffix(detail))]
    UnknownFormat {
        /// The photo.
        path: PathBuf,
        /// What the file looks like instead, when we can tell.
        detail: String,
    },
    /// An image of a known format in a variant that cannot be decoded here (a HEIF codec
    /// without a decoder on this machine, a feature libheif does not know, a CMYK JPEG).
    #[error("{}: {message}", path.display())]
    Unsupported {
        /// The photo.
        path: PathBuf,
        /// What cannot be decoded, and what to do instead.
        message: String,
    },
    /// The read policy refused the file before decoding: not a regular file (a FIFO, a
    /// device, a folder: [`crate::Error::NotRegularFile`]) or over the file size cap
    /// ([`crate::Error::TooLarge`]).
    #[error(transparent)]
    Refused(crate::Error),
    /// Decoding would hold more bytes than the budget (width x height x channels x bytes per
    /// channel, from the header, plus the working copies); refused before decoding.
    #[error(
        "{}: {width}x{height} needs {} MB to decode, over the {} MB budget",
        path.display(),
        bytes / 1_000_000,
        limit / 1_000_000
    )]
    OverBudget {
        /// The photo.
        path: PathBuf,
        /// Width its header claims.
        width: u32,
        /// Height its header claims.
        height: u32,
        /// Bytes the decode would hold.
        bytes: u64,
        /// The budget ([`super::ImportSettings::max_decode_bytes`]).
        limit: u64,
    },
    /// The header claims more pixels than the limit; refused before decoding anything.
    #[error(
        "{}: {width}x{height} is {} megapixels, more than the {} megapixel limit",
        path.display(),
        megapixels(*width, *height),
        limit / 1_000_000
    )]
    TooLarge {
        /// The photo.
        path: PathBuf,
        /// Width its header claims.
        width: u32,
        /// Height its header claims.
        height: u32,
        /// The limit in pixels ([`super::ImportSettings::max_pixels`]).
        limit: u64,
    },
    /// The decoder found the image corrupt or truncated (warnings count: a decoder would
    /// otherwise fill the missing part with grey).
    #[error("{}: the image is corrupt or truncated ({message})", path.display())]
    Corrupt {
        /// The photo.
        path: PathBuf,
        /// The decoder's words.
        message: String,
    },
    /// Encoding, colour conversion or resizing failed (a bug or an exotic input).
    #[error("{}: could not convert the image ({message})", path.display())]
    Convert {
        /// The photo.
        path: PathBuf,
        /// The library's words.
        message: String,
    },
    /// A setting or a name is unusable (absolute folder, `..`, no room for a suffix...):
    /// kind `bad_name`.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The photo or the setting's path.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The batch was cancelled before this photo was imported.
    #[error("{}: cancelled", path.display())]
    Cancelled {
        /// The photo.
        path: PathBuf,
    },
}

impl PhotoError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            PhotoError::Io { path, .. }
            | PhotoError::Write { path, .. }
            | PhotoError::UnknownFormat { path, .. }
            | PhotoError::Unsupported { path, .. }
            | PhotoError::OverBudget { path, .. }
            | PhotoError::TooLarge { path, .. }
            | PhotoError::Corrupt { path, .. }
            | PhotoError::Convert { path, .. }
            | PhotoError::Invalid { path, .. }
            | PhotoError::Cancelled { path } => path,
            PhotoError::Refused(err) => err.path(),
        }
    }

    /// What kind of failure this is, for a caller (and the shell's IPC kind) to match on.
    pub fn error_kind(&self) -> PhotoErrorKind {
        match self {
            PhotoError::Io { path, source } => PhotoErrorKind::Core(
                crate::Error::io(path.clone(), std::io::Error::from(source.kind())).error_kind(),
            ),
            PhotoError::Write { .. } => PhotoErrorKind::Write,
            PhotoError::UnknownFormat { .. } => PhotoErrorKind::UnknownFormat,
            PhotoError::Unsupported { .. } => PhotoErrorKind::Unsupported,
            PhotoError::Refused(err) => PhotoErrorKind::Core(err.error_kind()),
            PhotoError::OverBudget { .. } => PhotoErrorKind::OverBudget,
            PhotoError::TooLarge { .. } => PhotoErrorKind::Core(crate::ErrorKind::TooLarge),
            PhotoError::Corrupt { .. } => PhotoErrorKind::Corrupt,
            PhotoError::Convert { .. } => PhotoErrorKind::Convert,
            PhotoError::Invalid { .. } => PhotoErrorKind::Core(crate::ErrorKind::BadName),
            PhotoError::Cancelled { .. } => PhotoErrorKind::Cancelled,
        }
    }

    /// A short machine-readable kind the UI can branch on (`io`, `not_found`,
    /// `not_regular_file`, `too_large`, `over_budget`, `unsupported`, ...):
    /// [`PhotoError::error_kind`] as text.
    pub fn kind(&self) -> &'static str {
        self.error_kind().as_str()
    }

    /// The reason alone, without the leading `path: ` (for a UI that shows the path apart).
    pub fn reason(&self) -> String {
        let full = self.to_string();
        let prefix = format!("{}: ", self.path().display());
        match full.strip_prefix(&prefix) {
            Some(reason) => reason.to_string(),
            None => full,
        }
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        PhotoError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn convert(path: &Path, message: impl std::fmt::Display) -> Self {
        PhotoError::Convert {
            path: path.to_path_buf(),
            message: message.to_string(),
        }
    }

    pub(crate) fn corrupt(path: &Path, message: impl std::fmt::Display) -> Self {
        PhotoError::Corrupt {
            path: path.to_path_buf(),
            message: message.to_string(),
        }
    }
}

/// Crosses to the UI as `{kind, message, path}` (the shape DESIGN.md asks for), `message`
/// being the reason without the path.
impl serde::Serialize for PhotoError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("PhotoError", 3)?;
        out.serialize_field("kind", self.kind())?;
        out.serialize_field("message", &self.reason())?;
        out.serialize_field("path", self.path())?;
        out.end()
    }
}

impl From<PhotoError> for crate::Error {
    fn from(err: PhotoError) -> Self {
        let message = err.reason();
        match err {
            PhotoError::Io { path, source } => crate::Error::Io { path, source },
            PhotoError::Write { target, source, .. } => crate::Error::Io {
                path: target,
                source,
            },
            PhotoError::Refused(err) => err,
            PhotoError::OverBudget { path, .. } | PhotoError::TooLarge { path, .. } => {
                crate::Error::BudgetExceeded {
                    path,
                    line: 0,
                    message,
                }
            }
            PhotoError::UnknownFormat { path, .. }
            | PhotoError::Unsupported { path, .. }
            | PhotoError::Corrupt { path, .. } => crate::Error::Parse {
                path,
                line: 0,
                message,
            },
            PhotoError::Invalid { path, .. } => crate::Error::BadName { path, message },
            // A library failing, or a cancelled batch: no other kind describes them.
            PhotoError::Convert { path, .. } | PhotoError::Cancelled { path } => {
                crate::Error::Invalid { path, message }
            }
        }
    }
}

/// What kind of failure a [`PhotoError`] is: one of the core's kinds ([`crate::ErrorKind`]:
/// I/O, a file the read policy refused, too many pixels, a bad name) or one of the photo's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhotoErrorKind {
    /// A kind the core's errors share.
    Core(crate::ErrorKind),
    /// The photo could not be written into the blog.
    Write,
    /// No image format Lanyard reads.
    UnknownFormat,
    /// A known format in a variant that cannot be decoded here.
    Unsupported,
    /// Decoding would hold more bytes than the budget.
    OverBudget,
    /// A corrupt or truncated image.
    Corrupt,
    /// Encoding, colour conversion or resizing failed.
    Convert,
    /// The batch was cancelled first.
    Cancelled,
}

impl PhotoErrorKind {
    /// The kind as text (`write`, `over_budget`, or the core kind's own name).
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoErrorKind::Core(kind) => kind.as_str(),
            PhotoErrorKind::Write => "write",
            PhotoErrorKind::UnknownFormat => "unknown_format",
            PhotoErrorKind::Unsupported => "unsupported",
            PhotoErrorKind::OverBudget => "over_budget",
            PhotoErrorKind::Corrupt => "corrupt",
            PhotoErrorKind::Convert => "convert",
            PhotoErrorKind::Cancelled => "cancelled",
        }
    }
}

fn detail_suffix(detail: &str) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        format!(" ({detail})")
    }
}

fn megapixels(width: u32, height: u32) -> u64 {
    u64::from(width) * u64::from(height) / 1_000_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_kind_message_and_path_for_the_ui() {
        let err = PhotoError::Corrupt {
            path: PathBuf::from("/phone/IMG_1.HEIC"),
            message: "no image data".into(),
        };
        let json = serde_json::to_value(&err).expect("serializes");
        assert_eq!(json["kind"], "corrupt");
        assert_eq!(
            json["message"],
            "the image is corrupt or truncated (no image data)"
        );
        assert_eq!(json["path"], "/phone/IMG_1.HEIC");
    }
}
