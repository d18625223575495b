//! Rendering a post's body to the HTML fragment Jekyll (kramdown, GFM input) would produce,
//! sanitized, with problems (missing `post_url` targets, missing images, Liquid we cannot run)
//! flagged both in the HTML and as a list.

mod context;

pub use context::{PostTarget, SiteContext};
