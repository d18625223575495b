//! The one door through which the theme view reads layouts, includes, Sass partials, data
//! files and pages: a file is read only when its real path (links followed) lies inside the
//! site or the theme's folder, it is a regular file, and it is under a size cap. The core's
//! shared file gate will take this function's place; until then every read of this module
//! goes through [`ThemeFiles::read`].

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::{Error, Result};

/// Largest layout, include, stylesheet or data file read (Jekyll sites keep them small; a
/// bigger one is a mistake or an attack, not a template).
pub const MAX_THEME_FILE: u64 = 4 * 1024 * 1024;

/// The folders the theme view may read from: the site, then the theme (when there is one).
#[derive(Debug, Clone)]
pub struct ThemeFiles {
    /// The site root, canonical.
    site: PathBuf,
    /// The gem theme's folder, canonical.
    theme: Option<PathBuf>,
}

impl ThemeFiles {
    /// The roots for a site at `site` (canonical) and its optional theme folder.
    pub fn new(site: &Path, theme: Option<&Path>) -> ThemeFiles {
        let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        ThemeFiles {
            site: canon(site),
            theme: theme.map(canon),
        }
    }

    /// The site root.
    pub fn site_root(&self) -> &Path {
        &self.site
    }

    /// The theme's folder, when the site uses a gem theme that was found.
    pub fn theme_root(&self) -> Option<&Path> {
        self.theme.as_deref()
    }

    /// The first of `site/rel`, `theme/rel` that exists, as Jekyll looks a layout, include or
    /// Sass partial up (the site's copy overrides the theme's). `None` when neither exists.
    pub fn find(&self, rel: &str) -> Option<PathBuf> {
        let rel = clean_relative(rel)?;
        std::iter::once(&self.site)
            .chain(self.theme.as_ref())
            .map(|root| root.join(rel))
            .find(|p| p.exists())
    }

    /// Reads `path` as text under the policy: real path inside the site or the theme,
    /// regular file, at most [`MAX_THEME_FILE`] bytes, UTF-8 without NUL bytes.
    pub fn read(&self, path: &Path) -> Result<String> {
        let bytes = self.read_bytes(path, MAX_THEME_FILE)?;
        if bytes.contains(&0) {
            return Err(Error::Invalid {
                path: path.to_path_buf(),
                message: "is a binary file, not text".into(),
            });
        }
        String::from_utf8(bytes).map_err(|e| Error::Invalid {
            path: path.to_path_buf(),
            message: format!("is not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
        })
    }

    /// Reads `path` as bytes under the same policy, with the size cap `limit`.
    pub fn read_bytes(&self, path: &Path, limit: u64) -> Result<Vec<u8>> {
        let real = self.allowed(path)?;
        // Stat before opening: opening a FIFO would block until a writer comes.
        let meta = std::fs::metadata(&real).map_err(|e| Error::io(path, e))?;
        if !meta.is_file() {
            return Err(Error::NotRegularFile {
                path: path.to_path_buf(),
            });
        }
        if meta.len() > limit {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                size: meta.len(),
                limit,
            });
        }
        let file = std::fs::File::open(&real).map_err(|e| Error::io(path, e))?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        // `take` holds the cap even if the file grows between the stat and the read.
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        if bytes.len() as u64 > limit {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                size: bytes.len() as u64,
                limit,
            });
        }
        Ok(bytes)
    }

    /// The real path of `path` when it lies inside one of the roots.
    pub fn allowed(&self, path: &Path) -> Result<PathBuf> {
        let real = path.canonicalize().map_err(|e| Error::io(path, e))?;
        let inside = real.starts_with(&self.site)
            || self.theme.as_ref().is_some_and(|t| real.starts_with(t));
        if inside {
            Ok(real)
        } else {
            Err(Error::OutsideSite {
                path: path.to_path_buf(),
                target: real,
            })
        }
    }
}

/// `rel` as a relative path that cannot climb out of its base (no `..`, no root).
pub fn clean_relative(rel: &str) -> Option<&Path> {
    let p = Path::new(rel.trim_start_matches('/'));
    let clean = p
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    (clean && !p.as_os_str().is_empty()).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_site_files_and_prefers_them_over_the_theme() {
        let site = tempfile::tempdir().expect("site");
        let theme = tempfile::tempdir().expect("theme");
        for root in [site.path(), theme.path()] {
            std::fs::create_dir_all(root.join("_layouts")).expect("mkdir");
        }
        std::fs::write(site.path().join("_layouts/post.html"), "site").expect("write");
        std::fs::write(theme.path().join("_layouts/post.html"), "theme").expect("write");
        std::fs::write(theme.path().join("_layouts/default.html"), "t").expect("write");
        let files = ThemeFiles::new(site.path(), Some(theme.path()));
        let post = files.find("_layouts/post.html").expect("post");
        assert_eq!(files.read(&post).expect("read"), "site");
        let default = files.find("_layouts/default.html").expect("default");
        assert_eq!(files.read(&default).expect("read"), "t");
        assert!(files.find("../etc/passwd").is_none());
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_out_of_the_site_fifos_and_big_files() {
        let site = tempfile::tempdir().expect("site");
        let outside = tempfile::tempdir().expect("outside");
        std::fs::write(outside.path().join("secret.html"), "x").expect("write");
        let link = site.path().join("leak.html");
        std::os::unix::fs::symlink(outside.path().join("secret.html"), &link).expect("link");
        let files = ThemeFiles::new(site.path(), None);
        assert!(matches!(files.read(&link), Err(Error::OutsideSite { .. })));
        let dir = site.path().join("folder");
        std::fs::create_dir(&dir).expect("mkdir");
        assert!(matches!(
            files.read(&dir),
            Err(Error::NotRegularFile { .. })
        ));
        let big = site.path().join("big.scss");
        std::fs::write(&big, "a".repeat(100)).expect("write");
        assert!(matches!(
            files.read_bytes(&big, 10),
            Err(Error::TooLarge { size: 100, .. })
        ));
    }
}
