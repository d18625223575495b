//! One journal entry and its on-disk form: a header line `lanyard-journal 1 <len> <sha256>`
//! followed by `len` bytes of JSON. A file whose length or checksum does not match (a write torn
//! by a power loss on a file system that reorders, a truncated copy) decodes as
//! [`DecodeError`], and the journal ignores it rather than restoring garbage.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::file_version::{ContentHash, FileVersion};

const MAGIC: &str = "lanyard-journal 1";

/// The text of one open buffer, as it was at `written_at_ms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The blog the post belongs to (its root folder).
    pub workspace: PathBuf,
    /// The post's file.
    pub post: PathBuf,
    /// The buffer's whole text.
    pub text: String,
    /// The version of the file the buffer was last in step with (loaded, reloaded or saved);
    /// `None` when the file did not exist then.
    pub base: Option<FileVersion>,
    /// A save of this version was under way when the entry was written: if the file holds it,
    /// the save completed and the buffer is in step with it (a crash between the save and the
    /// next journal write must not look like someone else's change).
    #[serde(default)]
    pub saving: Option<FileVersion>,
    /// When the entry was written, milliseconds since the Unix epoch.
    pub written_at_ms: i64,
}

/// Why journal bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No `lanyard-journal 1` header line.
    #[error("not a Lanyard journal entry")]
    NotAJournal,
    /// Fewer or more bytes than the header announces, or a checksum mismatch.
    #[error("torn or damaged journal entry (length or checksum mismatch)")]
    Torn,
    /// The checksum matched but the JSON does not describe an entry (another version).
    #[error("unreadable journal entry: {0}")]
    Unreadable(String),
}

impl JournalEntry {
    /// The entry's bytes on disk: header line, then JSON.
    pub fn encode(&self) -> Vec<u8> {
        // Serializing plain strings, paths and numbers cannot fail.
        let body = serde_json::to_vec(self).unwrap_or_default();
        let mut out = format!("{MAGIC} {} {}\n", body.len(), ContentHash::of(&body)).into_bytes();
        out.extend_from_slice(&body);
        out
    }

    /// Reads bytes written by [`JournalEntry::encode`], refusing any torn or damaged entry.
    pub fn decode(bytes: &[u8]) -> Result<JournalEntry, DecodeError> {
        let newline = bytes
            .iter()
            .position(|&b| b == b'\n')
            .ok_or(DecodeError::NotAJournal)?;
        let header =
            std::str::from_utf8(&bytes[..newline]).map_err(|_| DecodeError::NotAJournal)?;
        let rest = header
            .strip_prefix(MAGIC)
            .and_then(|r| r.strip_prefix(' '))
            .ok_or(DecodeError::NotAJournal)?;
        let (len, hash) = rest.split_once(' ').ok_or(DecodeError::Torn)?;
        let len: usize = len.parse().map_err(|_| DecodeError::Torn)?;
        let body = &bytes[newline + 1..];
        if body.len() != len || ContentHash::of(body).as_str() != hash {
            return Err(DecodeError::Torn);
        }
        serde_json::from_slice(body).map_err(|e| DecodeError::Unreadable(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> JournalEntry {
        JournalEntry {
            workspace: PathBuf::from("/blog"),
            post: PathBuf::from("/blog/_posts/2025-06-10-jour-1.md"),
            text: "---\ntitle: Jour 1\n---\nLa keynote était très bien. 🎤\n".into(),
            base: Some(FileVersion::of_bytes(
                b"---\ntitle: Jour 1\n---\n",
                1_750_000_000_000,
            )),
            saving: None,
            written_at_ms: 1_750_000_001_000,
        }
    }

    #[test]
    fn round_trips_an_entry() {
        let e = entry();
        assert_eq!(JournalEntry::decode(&e.encode()), Ok(e));
    }

    #[test]
    fn refuses_every_truncation_of_an_entry() {
        let bytes = entry().encode();
        for cut in 0..bytes.len() {
            assert!(
                JournalEntry::decode(&bytes[..cut]).is_err(),
                "a write torn at byte {cut} was accepted"
            );
        }
    }

    #[test]
    fn refuses_a_flipped_byte_or_a_zero_filled_tail() {
        let bytes = entry().encode();
        let header_end = bytes.iter().position(|&b| b == b'\n').expect("header") + 1;
        let mut flipped = bytes.clone();
        flipped[header_end + 10] ^= 0x20;
        assert_eq!(JournalEntry::decode(&flipped), Err(DecodeError::Torn));
        // What ext4 can leave after a crash: the right length, but zeros instead of the data.
        let mut zeroed = bytes.clone();
        for b in &mut zeroed[header_end + 5..] {
            *b = 0;
        }
        assert_eq!(JournalEntry::decode(&zeroed), Err(DecodeError::Torn));
    }

    #[test]
    fn refuses_a_file_that_is_not_a_journal() {
        assert_eq!(
            JournalEntry::decode(b"{\"text\": \"hi\"}\n"),
            Err(DecodeError::NotAJournal)
        );
        assert_eq!(JournalEntry::decode(b""), Err(DecodeError::NotAJournal));
    }
}
