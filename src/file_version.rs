//! Which version of a file a buffer holds: a content hash (SHA-256), the length and the
//! modification time. Two versions are the same file content when their hashes are equal; the
//! length and time are kept for a user-facing account of what changed and when.

use std::fmt;
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// The SHA-256 of a file's bytes, as 64 lowercase hex digits (stable across runs and builds,
/// so a journal written before a crash still compares after an upgrade).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContentHash(String);

impl ContentHash {
    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        let digest = Sha256::digest(bytes);
        let mut hex = String::with_capacity(64);
        for byte in digest {
            hex.push_str(&format!("{byte:02x}"));
        }
        ContentHash(hex)
    }

    /// The hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One version of a file on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileVersion {
    /// SHA-256 of the bytes.
    pub hash: ContentHash,
    /// Length in bytes.
    pub len: u64,
    /// Modification time, milliseconds since the Unix epoch (0 when unknown).
    pub mtime_ms: i64,
}

impl FileVersion {
    /// The version of `bytes` with modification time `mtime_ms`.
    pub fn of_bytes(bytes: &[u8], mtime_ms: i64) -> Self {
        FileVersion {
            hash: ContentHash::of(bytes),
            len: bytes.len() as u64,
            mtime_ms,
        }
    }

    /// Reads `path`: its version and bytes, or `None` when the file does not exist.
    pub fn read(path: &Path) -> Result<Option<(FileVersion, Vec<u8>)>> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        let mtime_ms = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        Ok(Some((FileVersion::of_bytes(&bytes, mtime_ms), bytes)))
    }

    /// Whether `other` holds the same bytes.
    pub fn same_content(&self, other: &FileVersion) -> bool {
        self.hash == other.hash && self.len == other.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_sha256_hex() {
        assert_eq!(
            ContentHash::of(b"abc").as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn reads_a_missing_file_as_none_and_a_present_one_with_its_length() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.md");
        assert!(FileVersion::read(&file).expect("read").is_none());
        std::fs::write(&file, "hello").expect("write");
        let (version, bytes) = FileVersion::read(&file).expect("read").expect("exists");
        assert_eq!(bytes, b"hello");
        assert_eq!(version.len, 5);
        assert!(version.mtime_ms > 0);
        assert!(version.same_content(&FileVersion::of_bytes(b"hello", 0)));
    }
}
