//! The live preview's document: the post's text as the editor has it, kept in step by the
//! editor's change sets, rendered segment by segment so a keystroke re-renders only the
//! segment it touched, and answered as a patch of blocks by id.
//!
//! The assembled HTML always equals [`crate::render::render_source`] of the whole text (the
//! property `tests/preview_incremental.rs` checks on every fixture and corpus post): the
//! segmenter ([`segments`]) only splits where the state is plain, every segment gets the
//! document's definitions, and what cannot be split safely (footnotes, `{:toc}`, Liquid state,
//! repeated heading ids across segments) is rendered whole.

mod render;
mod segments;

use std::path::{Path, PathBuf};

pub use render::{Block, PreviewPatch};

use crate::{Error, Result};

/// One change of the editor's change set: the text between `from` and `to` (UTF-16 code
/// units, as JavaScript counts, in the text before the change set) becomes `insert`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct TextChange {
    /// Start, in UTF-16 code units.
    pub from: usize,
    /// End (exclusive), in UTF-16 code units.
    pub to: usize,
    /// The new text.
    pub insert: String,
}

/// The preview's copy of one open post and what its last render showed.
#[derive(Debug)]
pub struct PreviewDocument {
    path: PathBuf,
    text: String,
    version: u64,
    renders: render::RenderState,
}

impl PreviewDocument {
    /// A document holding `text` at the editor's `version`.
    pub fn new(path: &Path, text: String, version: u64) -> Self {
        PreviewDocument {
            path: path.to_path_buf(),
            text,
            version,
            renders: render::RenderState::default(),
        }
    }

    /// The post this document is the text of.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The post's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The editor's version this text is at.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Replaces the whole text (the editor opened the post, or the versions disagreed).
    pub fn reset(&mut self, text: String, version: u64) {
        self.text = text;
        self.version = version;
    }

    /// Applies the editor's change set, made on version `base`, giving version `version`.
    /// The changes are ascending and do not overlap, in the coordinates of the text before
    /// the set. Fails (changing nothing) when `base` is not this document's version or an
    /// offset is past the end or inside a character: the editor then sends its whole text.
    pub fn apply(&mut self, base: u64, version: u64, changes: &[TextChange]) -> Result<()> {
        if base != self.version {
            return Err(self.out_of_step(format!(
                "changes made on version {base}, the preview has {}",
                self.version
            )));
        }
        let mut ranges = Vec::with_capacity(changes.len());
        let mut previous_end = 0;
        for change in changes {
            if change.from > change.to || change.from < previous_end {
                return Err(self.out_of_step("changes overlap or are not in order".into()));
            }
            previous_end = change.to;
            let (Some(from), Some(to)) = (
                byte_offset(&self.text, change.from),
                byte_offset(&self.text, change.to),
            ) else {
                return Err(self.out_of_step(format!(
                    "offset {} is past the end or inside a character",
                    change.to
                )));
            };
            ranges.push((from, to));
        }
        for (change, (from, to)) in changes.iter().zip(ranges).rev() {
            self.text.replace_range(from..to, &change.insert);
        }
        self.version = version;
        Ok(())
    }

    fn out_of_step(&self, message: String) -> Error {
        Error::PreviewOutOfStep {
            path: self.path.clone(),
            message,
        }
    }
}

/// The byte offset of UTF-16 offset `units` in `text`, `None` past the end or between the
/// two halves of a surrogate pair.
fn byte_offset(text: &str, units: usize) -> Option<usize> {
    let mut counted = 0;
    for (byte, c) in text.char_indices() {
        if counted == units {
            return Some(byte);
        }
        counted += c.len_utf16();
        if counted > units {
            return None;
        }
    }
    (counted == units).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(from: usize, to: usize, insert: &str) -> TextChange {
        TextChange {
            from,
            to,
            insert: insert.into(),
        }
    }

    #[test]
    fn applies_utf16_changes_in_the_coordinates_before_the_set() {
        let mut doc = PreviewDocument::new(Path::new("p.md"), "é😀ab".into(), 1);
        // "é" is 1 unit, "😀" 2: "a" starts at unit 3.
        doc.apply(1, 2, &[change(0, 1, "E"), change(3, 4, "A!")])
            .expect("applies");
        assert_eq!(doc.text(), "E😀A!b");
        assert_eq!(doc.version(), 2);
    }

    #[test]
    fn refuses_another_version_and_offsets_inside_a_character() {
        let mut doc = PreviewDocument::new(Path::new("p.md"), "😀".into(), 1);
        assert!(doc.apply(0, 2, &[change(0, 0, "x")]).is_err());
        assert!(doc.apply(1, 2, &[change(1, 1, "x")]).is_err());
        assert!(doc.apply(1, 2, &[change(0, 3, "x")]).is_err());
        assert_eq!(doc.text(), "😀", "nothing applied");
        doc.apply(1, 2, &[change(2, 2, "x")]).expect("at the end");
        assert_eq!(doc.text(), "😀x");
    }
}
