//! Lanyard's core: everything Lanyard knows about a Jekyll blog, with no window attached.
//!
//! The desktop shell (`src-tauri/`) and the `lanyard` CLI are thin faces over these modules:
//! - [`site`]: the workspace (config, posts, drafts, URLs, what is published);
//! - [`front_matter`]: splitting and reading a post's YAML front matter as Jekyll does;
//! - [`render`]: a post's HTML body as Jekyll's kramdown would produce it, sanitized;
//! - [`check`]: problems a Jekyll build would trip on;
//! - [`series`]: conference series whose headers Lanyard keeps linked;
//! - [`talks`]: conference schedules (`.ics`) turned into talk sections and "Draft my day";
//! - [`publish`]: one click from a draft to a checked, committed post (and a push);
//! - [`photo_import`]: phone photos made small, oriented, sRGB and metadata-free in `assets/images/`;
//! - [`photo_inbox`]: the watched folder where the phone syncs, with cached thumbnails;
//! - [`changeset`]: file edits computed in full, then applied all or nothing (series, `mv`,
//!   publish);
//! - [`fs_util`] and [`data_dir`]: safe file writes and the app's own data folder;
//! - [`app_state`]: what the app remembers between runs (recent folders, last post);
//! - [`crash_guard`]: the post left open by a run that ended abnormally, not rendered again by itself;
//! - [`journal`], [`file_version`] and [`own_writes`]: the crash-safe journal of open buffers,
//!   which file version a buffer holds, and Lanyard's own writes (never a conflict);
//! - [`watch`]: changes made to the blog by other programs;
//! - [`theme`]: the post inside its blog's own page (layouts, includes, gem themes, Sass).

pub mod app_state;
pub mod changeset;
pub mod check;
pub mod crash_guard;
pub mod data_dir;
pub mod error;
pub mod file_version;
pub mod front_matter;
pub mod fs_util;
pub mod journal;
pub mod own_writes;
pub mod photo_import;
pub mod photo_inbox;
pub mod preview;
pub mod publish;
pub mod render;
pub mod series;
pub mod site;
pub mod talks;
pub mod theme;
pub mod watch;

pub use error::{Error, ErrorKind, Result};
