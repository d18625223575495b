//! The crash-safe journal: the text of every open buffer, kept in the app's data folder (never in
//! the blog) so that a crash, a power loss or a `kill -9` loses nothing typed more than a moment
//! before.
//!
//! - [`entry`]: one buffer's record (post, text, the file version it started from) and its
//!   on-disk form, with a checksum so that a torn write is detected and ignored;
//! - [`store`]: the journal folder (one file per buffer, each written atomically);
//! - [`buffers`]: the open buffers, their base versions, and the crash-safe order of a save;
//! - [`recovery`]: what to do with an entry at the next start, as a pure function of the entry
//!   and the file on disk (restore, ask, or nothing to do);
//! - [`autosave`]: the autosave setting (idle delay, or manual save only).

pub mod autosave;
pub mod buffers;
pub mod entry;
pub mod recovery;
pub mod store;

pub use buffers::OpenBuffers;
pub use entry::JournalEntry;
pub use recovery::{decide_recovery, recover_workspace, Recovered, Recovery};
pub use store::Journal;
