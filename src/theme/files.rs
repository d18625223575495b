//! Where the theme view looks a file up: the site first, then the gem theme's folder (as
//! Jekyll does, the site's copy overrides the theme's). Reading is the core's file gate's
//! ([`crate::site::gate`]): the theme view reads through [`ThemeFiles::gate`], the site's gate
//! with the theme's folder added as a root, so every layout, include, Sass file, data file and
//! page it opens is inside the site or the theme, a regular file, and under its kind's cap.

use std::path::{Component, Path, PathBuf};

use crate::site::gate::Gate;
use crate::Result;

/// The folders the theme view may read from: the site, then the theme (when there is one).
#[derive(Debug, Clone)]
pub struct ThemeFiles {
    /// The site's gate, with the theme's folder as a further root.
    gate: Gate,
    /// The gem theme's folder, canonical.
    theme: Option<PathBuf>,
}

impl ThemeFiles {
    /// The roots of the site `gate` reads, and the optional theme folder added to them.
    pub fn new(gate: Gate, theme: Option<&Path>) -> Result<ThemeFiles> {
        let (gate, theme) = match theme {
            Some(dir) => {
                let gate = gate.with_theme_root(dir)?;
                let real = dir.canonicalize().map_err(|e| crate::Error::io(dir, e))?;
                (gate, Some(real))
            }
            None => (gate, None),
        };
        Ok(ThemeFiles { gate, theme })
    }

    /// The gate every read of the theme view goes through (site and theme roots).
    pub fn gate(&self) -> &Gate {
        &self.gate
    }

    /// The site root, canonical.
    pub fn site_root(&self) -> &Path {
        self.gate.site_root()
    }

    /// The theme's folder, when the site uses a gem theme that was found.
    pub fn theme_root(&self) -> Option<&Path> {
        self.theme.as_deref()
    }

    /// The first of `site/rel`, `theme/rel` that exists, as Jekyll looks a layout, include or
    /// Sass partial up (the site's copy overrides the theme's). `None` when neither exists.
    pub fn find(&self, rel: &str) -> Option<PathBuf> {
        let rel = clean_relative(rel)?;
        std::iter::once(self.site_root())
            .chain(self.theme.as_deref())
            .map(|root| root.join(rel))
            .find(|p| p.exists())
    }

    /// Whether `path` (links followed) is inside the site or the theme.
    pub fn allows(&self, path: &Path) -> bool {
        path.canonicalize()
            .is_ok_and(|real| self.gate.contains(&real))
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
    use crate::site::gate::FileKind;
    use crate::Error;

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
        let gate = Gate::new(site.path()).expect("gate");
        let files = ThemeFiles::new(gate, Some(theme.path())).expect("files");
        let read = |p: &Path| files.gate().read_text(p, FileKind::Layout);
        let post = files.find("_layouts/post.html").expect("post");
        assert_eq!(read(&post).expect("read"), "site");
        let default = files.find("_layouts/default.html").expect("default");
        assert_eq!(read(&default).expect("read"), "t");
        assert!(files.find("../etc/passwd").is_none());
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_out_of_the_site_and_folders() {
        let site = tempfile::tempdir().expect("site");
        let outside = tempfile::tempdir().expect("outside");
        std::fs::write(outside.path().join("secret.html"), "x").expect("write");
        let link = site.path().join("leak.html");
        std::os::unix::fs::symlink(outside.path().join("secret.html"), &link).expect("link");
        let files = ThemeFiles::new(Gate::new(site.path()).expect("gate"), None).expect("files");
        assert!(!files.allows(&link));
        assert!(matches!(
            files.gate().read_text(&link, FileKind::Layout),
            Err(Error::OutsideSite { .. })
        ));
        let dir = site.path().join("folder");
        std::fs::create_dir(&dir).expect("mkdir");
        assert!(matches!(
            files.gate().read_text(&dir, FileKind::Layout),
            Err(Error::NotRegularFile { .. })
        ));
    }
}
