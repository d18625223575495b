//! Series: a conference written up as several posts whose headers Lanyard keeps linked.
//!
//! - [`model`]: which posts form a series and in what order;
//! - [`header`] and [`placement`]: the generated header and where it sits in a post;
//! - [`adopt`]: hand-written lists like the seed's, replaced on request;
//! - [`sync`]: regenerating every header ([`plan_sync`]);
//! - [`new_part`]: a new series or its next part as a draft ([`plan_new_post`]);
//! - [`rename`]: renaming or re-dating a post and every `post_url` to it ([`plan_move`]);
//! - [`settings`]: per-series display name, article and templates, in the app data folder;
//! - [`links`] and [`fm_edit`]: the `post_url`s and front matter keys a move rewrites;
//!
//! Every operation is a `plan_*` function that reads the blog and returns a [`Changeset`]
//! ([`crate::changeset`])
//! (new texts, renames, new files); nothing is written until [`Changeset::apply`], so the
//! desktop can show the files that will change and route open files through their editor.

pub mod adopt;
pub mod fm_edit;
pub mod header;
pub mod links;
pub mod model;
pub mod names;
pub mod new_part;
pub mod placement;
pub mod rename;
pub mod settings;
pub mod sync;

pub use model::{find_series, series_of_file, workspace_series, Part, Series};
pub use new_part::{plan_new_post, plan_next_part, NewPost, NewPostRequest};
pub use rename::{plan_move, MovePlan, MoveRequest};
pub use settings::{SeriesSettings, SettingsStore, Wording};
pub use sync::{plan_sync, SyncOptions, SyncPlan};
