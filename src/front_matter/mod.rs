//! A post's front matter: splitting it from the body, and reading its YAML as Jekyll does.

mod split;

pub use split::{split_front_matter, Split};
