//! Reading the photo file under the read policy: a regular file only, checked before it is
//! opened (a FIFO named `IMG_1.jpg` would otherwise block the import forever), opened without
//! blocking and checked again on the open handle (the name may have been swapped meanwhile),
//! and never more than [`super::ImportSettings::max_file_bytes`] read.

use std::fs::{self, File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::PhotoError;

/// The bytes of the photo at `path`, or [`crate::Error::NotRegularFile`] for a folder, FIFO,
/// device or socket (before opening it), or [`crate::Error::TooLarge`] past `max_bytes`.
pub(crate) fn read_photo_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, PhotoError> {
    let meta = fs::metadata(path).map_err(|e| PhotoError::io(path, e))?;
    check_regular(path, &meta, max_bytes)?;
    let file = open_without_blocking(path)?;
    let meta = file.metadata().map_err(|e| PhotoError::io(path, e))?;
    check_regular(path, &meta, max_bytes)?;
    let mut data = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take` bounds the read even when the file grows after the check (a sync in progress).
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| PhotoError::io(path, e))?;
    if data.len() as u64 > max_bytes {
        return Err(too_large(path, data.len() as u64, max_bytes));
    }
    Ok(data)
}

fn check_regular(path: &Path, meta: &fs::Metadata, max_bytes: u64) -> Result<(), PhotoError> {
    if !meta.is_file() {
        return Err(PhotoError::Refused(crate::Error::NotRegularFile {
            path: path.to_path_buf(),
        }));
    }
    if meta.len() > max_bytes {
        return Err(too_large(path, meta.len(), max_bytes));
    }
    Ok(())
}

/// `O_NONBLOCK`: opening a FIFO that was swapped in after the check returns at once instead
/// of waiting for a writer; the check on the handle then refuses it.
fn open_without_blocking(path: &Path) -> Result<File, PhotoError> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| PhotoError::io(path, e))
}

fn too_large(path: &Path, size: u64, limit: u64) -> PhotoError {
    PhotoError::Refused(crate::Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_refused_as_not_a_regular_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = read_photo_file(dir.path(), 1 << 20).expect_err("a folder");
        assert_eq!(err.kind(), "not_regular_file");
        assert_eq!(err.path(), dir.path());
    }

    #[test]
    fn a_file_over_the_cap_is_refused_before_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.jpg");
        fs::write(&path, vec![0u8; 2048]).expect("write");
        let err = read_photo_file(&path, 1024).expect_err("too big");
        assert_eq!(err.kind(), "too_large");
        assert!(err.to_string().contains("2048 bytes"), "{err}");
        assert_eq!(read_photo_file(&path, 4096).expect("fits").len(), 2048);
    }
}
