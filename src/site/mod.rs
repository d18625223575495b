//! The blog as Jekyll sees it: configuration, posts and drafts, URLs, what is published.
//!
//! [`Workspace::open`] reads a site (never writing anything); its [`Post`] entries serialize for
//! the UI; it implements [`crate::render::SiteContext`] so its posts render with working
//! `{% post_url %}` links.

mod config;
mod context;
mod defaults;
pub mod gate;
mod glob;
mod image_config;
mod language;
mod percent;
mod permalink;
mod post;
mod post_name;
mod scan;
mod slugify;
mod taxonomy;
mod workspace;

pub use config::{truthy, SiteConfig, CONFIG_FILE_NAMES};
pub use context::PostUrlStatus;
pub use defaults::{deep_merge, FrontMatterDefaults};
pub use image_config::ImageOutput;
pub use language::{
    blog_language_key, language_entry, language_of, post_language_key, DEFAULT_LANGUAGE_KEY,
    LANGUAGE_KEYS,
};
pub(crate) use percent::percent_decode;
pub use permalink::{post_url, style_to_template, with_baseurl, UrlParts};
pub use post::{FrontMatterProblem, Post};
pub use post_name::{parse_draft_name, parse_post_name, titleize_slug, PostName};
pub(crate) use scan::skips_entry;
pub use scan::{IgnoredFile, PostKind};
pub use slugify::{escape_path, slugify, SlugMode};
pub use taxonomy::{pluralized, pluralized_key, text};
pub use workspace::{find_site_root, is_site_root, Workspace};
