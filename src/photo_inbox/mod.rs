//! The photo inbox: a folder where the phone syncs its photos (chosen in the app, remembered in
//! the data folder). The app watches it and shows its photos as thumbnails in a tray; a click
//! or a drag imports one into the post through [`crate::photo_import`].
//!
//! One module per job:
//! - [`settings`]: which folder, kept as `photo_inbox.json` in the data folder;
//! - [`events`]: what a file-system event means for the tray (a pure function, tested alone);
//! - [`watch`]: the `notify` watcher with a debouncer, calling back with those changes;
//! - [`listing`]: the photos of the folder with the time each was taken;
//! - [`thumbnail`]: small JPEG thumbnails, made once and cached in the data folder.

pub mod events;
pub mod listing;
pub mod settings;
pub mod thumbnail;
pub mod watch;

pub use events::{classify_event, is_inbox_photo, InboxChange};
pub use listing::{list_inbox, InboxPhoto};
pub use settings::InboxSettings;
pub use thumbnail::ThumbnailCache;
pub use watch::{watch_inbox, InboxWatcher};
