//! Thumbnails of inbox photos: small JPEGs made once by the import pipeline (oriented, sRGB,
//! no metadata) and cached in the data folder under a key of the photo's path, size and
//! modification time, so a changed photo gets a new thumbnail.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use sha2::{Digest, Sha256};

use crate::fs_util::atomic_write;
use crate::photo_import::{prepare_photo, ImportSettings, OutputFormat, PhotoError};

/// Long edge of a thumbnail, in pixels (twice the tray's size, for HiDPI screens).
pub const THUMBNAIL_EDGE: u32 = 240;

/// What a thumbnail is: the import pipeline (oriented, sRGB, no metadata) at
/// [`THUMBNAIL_EDGE`], JPEG quality 75 (JPEG decodes at 1/8 DCT scale for it).
pub fn thumbnail_settings() -> ImportSettings {
    ImportSettings {
        max_long_edge: Some(THUMBNAIL_EDGE),
        jpeg_quality: 75,
        format: Some(OutputFormat::Jpeg),
        ..ImportSettings::default()
    }
}

/// The cache folder (`<data>/thumbnails`).
#[derive(Debug, Clone)]
pub struct ThumbnailCache {
    dir: PathBuf,
}

impl ThumbnailCache {
    /// The cache inside the app's data folder.
    pub fn new(data_dir: &Path) -> Self {
        ThumbnailCache {
            dir: data_dir.join("thumbnails"),
        }
    }

    /// Where the thumbnail of `photo` (in its current state) is or would be; `None` when the
    /// photo cannot be read.
    pub fn file_for(&self, photo: &Path) -> Option<PathBuf> {
        let meta = fs::metadata(photo).ok()?;
        let mtime = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let mut hash = Sha256::new();
        hash.update(photo.as_os_str().as_encoded_bytes());
        hash.update([0]);
        hash.update(meta.len().to_le_bytes());
        hash.update(mtime.to_le_bytes());
        let key: String = hash
            .finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect();
        Some(self.dir.join(format!("{key}.jpg")))
    }

    /// The cached thumbnail of `photo`, if it was made already.
    pub fn cached(&self, photo: &Path) -> Option<PathBuf> {
        self.file_for(photo).filter(|f| f.is_file())
    }

    /// The thumbnail of `photo`: the cached one, else made now and cached.
    pub fn thumbnail(&self, photo: &Path) -> Result<PathBuf, PhotoError> {
        let file = self.file_for(photo).ok_or_else(|| PhotoError::Io {
            path: photo.to_path_buf(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        })?;
        if file.is_file() {
            return Ok(file);
        }
        let prepared = prepare_photo(photo, &thumbnail_settings())?;
        fs::create_dir_all(&self.dir).map_err(|e| PhotoError::Write {
            path: photo.to_path_buf(),
            target: self.dir.clone(),
            source: e,
        })?;
        atomic_write(&file, &prepared.bytes).map_err(|e| PhotoError::Write {
            path: photo.to_path_buf(),
            target: file.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos/iphone4s-orient6.jpg")
    }

    #[test]
    fn makes_a_small_oriented_thumbnail_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let photo = dir.path().join("IMG_1.jpg");
        fs::copy(fixture(), &photo).expect("copy");
        let cache = ThumbnailCache::new(&dir.path().join("data"));
        assert_eq!(cache.cached(&photo), None);
        let thumb = cache.thumbnail(&photo).expect("thumbnail");
        let header = turbojpeg::read_header(&fs::read(&thumb).expect("read")).expect("jpeg");
        // 640x480 with orientation 6: portrait once rotated.
        assert_eq!(
            (header.width, header.height),
            (180, THUMBNAIL_EDGE as usize)
        );
        assert_eq!(cache.cached(&photo), Some(thumb.clone()));
        let made_at = fs::metadata(&thumb)
            .expect("meta")
            .modified()
            .expect("mtime");
        assert_eq!(cache.thumbnail(&photo).expect("again"), thumb);
        assert_eq!(
            fs::metadata(&thumb)
                .expect("meta")
                .modified()
                .expect("mtime"),
            made_at
        );
    }

    #[test]
    fn a_changed_photo_gets_a_new_key_and_a_broken_one_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let photo = dir.path().join("IMG_2.jpg");
        fs::copy(fixture(), &photo).expect("copy");
        let cache = ThumbnailCache::new(dir.path());
        let before = cache.file_for(&photo).expect("key");
        fs::write(&photo, b"truncated").expect("write");
        assert_ne!(cache.file_for(&photo).expect("key"), before);
        let err = cache.thumbnail(&photo).expect_err("not a photo");
        assert_eq!(err.path(), photo.as_path());
        assert_eq!(cache.cached(&photo), None);
    }
}
