//! Talks from the conference schedule: an `.ics` export (sched.com, pretalx, Sessionize)
//! read into talks, and talk sections written from them.
//!
//! - [`ics`] and [`ics_time`]: reading the file ([`read_schedule`]), warnings per skipped event;
//! - [`speakers`]: where each export puts the speakers;
//! - [`model`]: talks, one day's talks, time slots, keynotes;
//! - [`template`]: the section of a talk, per language, with `⟪…⟫` placeholders for what the
//!   schedule does not say;
//! - [`store`]: the schedule and stars of each series, and the edited templates, in the app's
//!   data folder;
//! - [`placeholders`]: the `⟪…⟫` left in a post, for the publish checks;
//! - [`draft`]: "Draft my day" ([`plan_draft_day`]) and appending a section to a post.

pub mod draft;
pub mod ics;
pub mod ics_time;
pub mod model;
pub mod placeholders;
pub mod speakers;
pub mod store;
pub mod template;

pub use draft::{append_section, day_sections, insert_talk, plan_draft_day, post_lang};
pub use ics::{parse_schedule, read_schedule};
pub use model::{group_by_slot, Schedule, Speaker, Talk, TalkTime, TimeSlot};
pub use placeholders::{placeholders_in, LeftPlaceholder};
pub use store::{SeriesTalks, TalkStore};
pub use template::{placeholder, render_section, PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN};
