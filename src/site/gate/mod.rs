//! The one gate between a blog and the disk: which file a reference of the blog means, and
//! whether Lanyard may read it.
//!
//! - [`resolve`]: references to site paths (image and asset URLs with `baseurl`, relative to
//!   the post's URL, percent-encoded, query and fragment dropped) and folders named by the
//!   config (`includes_dir`, `layouts_dir`, `data_dir`) confined to the site, as Jekyll's safe
//!   mode does; files named inside them (an include, a layout, a data file).
//! - [`read`]: the read policy. After following links the real path must stay inside the site
//!   (or an allowed theme folder); only regular files are opened (checked before opening: a
//!   FIFO would block the open); each [`FileKind`] has a size cap, and no more than the cap is
//!   ever read. Refusals are [`crate::Error::OutsideSite`], [`crate::Error::NotRegularFile`]
//!   and [`crate::Error::TooLarge`], naming the file.
//! - [`walk`]: folder listings that never follow a link out of the site and never loop.
//!
//! `post_url` targets are resolved once too, by [`crate::site::Workspace::post_url_status`].

mod read;
mod resolve;
mod walk;

use std::path::{Path, PathBuf};

pub use read::{read_admitted, Admitted};
pub use resolve::{resolve_url, SitePath};
pub use walk::{EntryKind, Walk, WalkEntry};

use crate::{Error, Result};

/// What a file is for: decides its size cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A post, a draft or a page (Markdown or HTML with front matter).
    Post,
    /// A file of `_includes/`.
    Include,
    /// A file of `_layouts/`.
    Layout,
    /// A file of `_data/`.
    Data,
    /// `_config.yml` and friends.
    Config,
    /// An image a post shows.
    Image,
    /// Any other file the site serves (CSS, Sass, fonts, scripts, media).
    Asset,
}

impl FileKind {
    /// The largest file of this kind Lanyard reads, in bytes. Real posts are a few tens of
    /// kilobytes and phone photos a few megabytes; the caps leave room and keep memory bounded.
    pub fn limit(self) -> u64 {
        const MIB: u64 = 1024 * 1024;
        match self {
            FileKind::Post => 8 * MIB,
            FileKind::Include | FileKind::Layout => 2 * MIB,
            FileKind::Data => 16 * MIB,
            FileKind::Config => MIB,
            FileKind::Image => 64 * MIB,
            FileKind::Asset => 32 * MIB,
        }
    }
}

/// The folders a blog may read from: the site root, then any allowed theme folder. Every
/// root is held canonical (links resolved), so "inside" is a prefix test on real paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gate {
    roots: Vec<PathBuf>,
}

impl Gate {
    /// A gate for the site at `site_root` (which must exist).
    pub fn new(site_root: &Path) -> Result<Gate> {
        let root = site_root
            .canonicalize()
            .map_err(|e| Error::io(site_root, e))?;
        Ok(Gate { roots: vec![root] })
    }

    /// The same gate, also allowing reads inside `theme_root` (a gem theme's folder).
    pub fn with_theme_root(mut self, theme_root: &Path) -> Result<Gate> {
        let root = theme_root
            .canonicalize()
            .map_err(|e| Error::io(theme_root, e))?;
        if !self.roots.contains(&root) {
            self.roots.push(root);
        }
        Ok(self)
    }

    /// The site root, canonical.
    pub fn site_root(&self) -> &Path {
        &self.roots[0]
    }

    /// Every allowed root, the site first.
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// Whether the real path `real` (already canonical) is inside one of the roots.
    pub fn contains(&self, real: &Path) -> bool {
        self.roots.iter().any(|r| real.starts_with(r))
    }

    /// The file a site path names in the site (`assets/a.png` → `<root>/assets/a.png`); not
    /// checked: read it with [`Gate::admit`] or [`Gate::read_bytes`].
    pub fn site_file(&self, path: &SitePath) -> PathBuf {
        self.site_root().join(path.to_rel_path())
    }
}
