//! File I/O that names the path in every error, and the one atomic write everything uses.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::{Error, Result};

/// Reads a UTF-8 text file. A binary file (a NUL byte) or invalid UTF-8 is an
/// [`Error::NotText`] naming the file, never a panic.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    text_from_bytes(path, bytes)
}

/// `bytes` read from `path` as UTF-8 text: a NUL byte (a binary file) or invalid UTF-8 is an
/// [`Error::Invalid`] naming the file.
pub fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String> {
    if bytes.contains(&0) {
        return Err(Error::NotText {
            path: path.to_path_buf(),
            message: "is a binary file, not text".into(),
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: path.to_path_buf(),
        message: format!("is not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
    })
}

/// `EINVAL`: what fsync says on a folder of a file system that cannot sync folders.
const EINVAL: i32 = 22;

/// Writes `contents` to `path` atomically: a temporary file in the same folder, fsync,
/// rename over the target, fsync of the folder. A reader sees the old or the new file,
/// never half of one; on error the old file is untouched. Every write is recorded in
/// [`crate::own_writes`], so the file watcher never mistakes it for someone else's change.
pub fn atomic_write(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let existing = fs::metadata(path).ok();
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        // A rename would replace a read-only file in a writable folder: refuse, as an editor must.
        let denied = std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only",
        );
        return Err(Error::io(path, denied));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".lanyard-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, e))?;
    tmp.write_all(contents).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    if let Some(meta) = existing {
        // Keep the permissions of the file we replace (a tempfile is 0600).
        let _ = fs::set_permissions(tmp.path(), meta.permissions());
    }
    crate::own_writes::record_write(path, contents);
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    // The rename is durable only once the folder's entry is on disk (ext4 and others). Some
    // file systems (FUSE, network mounts) cannot fsync a folder and say so: that is not a failure.
    match fs::File::open(dir).and_then(|d| d.sync_all()) {
        Err(e) if e.raw_os_error() != Some(EINVAL) => Err(Error::io(dir, e)),
        _ => Ok(()),
    }
}

/// Reads `file` as JSON (the app's own state and settings files in the data folder): the
/// default when the file does not exist. Any other read failure is an I/O error naming the
/// file; JSON that does not fit `T` is an [`Error::Parse`] naming it and the line, its message starting
/// with `invalid` (`"is not valid series settings"`). Stores that must never fail to load call
/// `.unwrap_or_default()` on the result.
pub fn read_json_or_default<T: serde::de::DeserializeOwned + Default>(
    file: &Path,
    invalid: &str,
) -> Result<T> {
    match fs::read(file) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| Error::Parse {
            path: file.to_path_buf(),
            line: e.line(),
            message: format!("{invalid}: {e}"),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(Error::io(file, e)),
    }
}

/// Writes `value` as pretty JSON to `file` atomically, creating its folder first (the app's
/// own state and settings files in the data folder).
pub fn write_json<T: serde::Serialize>(file: &Path, value: &T) -> Result<()> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let json = serde_json::to_vec_pretty(value).map_err(|e| Error::Invalid {
        path: file.to_path_buf(),
        message: e.to_string(),
    })?;
    atomic_write(file, &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("post.md");
        atomic_write(&file, b"one").expect("first write");
        atomic_write(&file, b"two").expect("second write");
        assert_eq!(fs::read_to_string(&file).expect("read"), "two");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn atomic_write_into_missing_folder_names_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("nope/post.md");
        let err = atomic_write(&file, b"x").expect_err("must fail");
        assert!(err.to_string().contains("nope/post.md"), "{err}");
    }

    #[test]
    fn atomic_write_refuses_a_read_only_file_and_leaves_it_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("post.md");
        fs::write(&file, "original").expect("write");
        let mut perms = fs::metadata(&file).expect("meta").permissions();
        perms.set_readonly(true);
        fs::set_permissions(&file, perms).expect("chmod");
        let err = atomic_write(&file, b"new").expect_err("read-only");
        assert_eq!(err.kind(), "permission_denied");
        assert!(
            err.to_string().contains("post.md: the file is read-only"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&file).expect("read"), "original");
    }

    #[test]
    fn read_json_or_default_defaults_only_when_the_file_is_missing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("state.json");
        let missing: Vec<u32> = read_json_or_default(&file, "is not a list").expect("missing");
        assert!(missing.is_empty());
        write_json(&file, &vec![1u32, 2]).expect("write");
        let read: Vec<u32> = read_json_or_default(&file, "is not a list").expect("read");
        assert_eq!(read, [1, 2]);
        fs::write(&file, "{oops").expect("corrupt");
        let err = read_json_or_default::<Vec<u32>>(&file, "is not a list").expect_err("corrupt");
        assert_eq!((err.kind(), err.line()), ("parse", Some(1)));
        assert!(
            err.to_string().contains("state.json: is not a list: "),
            "{err}"
        );
    }

    #[test]
    fn read_text_refuses_binary_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("photo.md");
        fs::write(&file, b"\x89PNG\0\0").expect("write");
        let err = read_text(&file).expect_err("binary");
        assert_eq!(err.kind(), "not_text");
        assert!(err.to_string().contains("photo.md"));
    }
}
