//! Watching the open blog for changes made outside Lanyard (`git pull`, another editor, a sync
//! tool).
//!
//! - [`classify`]: a pure function from file-system events to the changes the app acts on
//!   (changed, created, deleted, renamed), ignoring `.git/`, `_site/`, caches, editor swap files
//!   and Lanyard's own writes; tested without a watcher;
//! - [`watcher`]: the thin layer over `notify` and its debouncer that feeds it.

pub mod classify;
pub mod watcher;

pub use classify::{classify_events, BlogChange, ChangeKind, FileFacts};
pub use watcher::{watch_blog, BlogWatcher};
