//! The theme view: a post inside its blog's own page, as Jekyll writes it. The layouts chain
//! (`post` -> `default`), includes, `site`/`page`/`layout`/`content` variables and the plugin
//! tags themes call ([`plugins`]) are run by the core's Liquid; the theme is the blog's own
//! `_layouts`/`_includes`/`_sass`, over a gem theme found where Jekyll would find it
//! ([`locate`]); Sass pages compile with grass ([`sass`]). Every file is read through
//! [`files::ThemeFiles`]: inside the site or the theme's folder, regular, size-capped.

pub mod files;
pub mod locate;
mod page;
mod paginate;
mod plugins;
pub mod sass;
mod site_vars;
mod svg_icons;
#[cfg(test)]
mod test_support;
mod view;

use std::path::PathBuf;

pub use files::ThemeFiles;
pub use page::{render_page, render_shell, PageShell, ThemePage};
pub use sass::{compile_sass_page, SassCache};
pub use site_vars::page_url;
pub use view::{theme_view, ThemeView, CONTENT_ID};

use crate::site::Workspace;
use crate::{Error, Result};

/// The files a site's pages are drawn from: the site, and its gem theme when it names one.
#[derive(Debug, Clone)]
pub struct SiteTheme {
    /// `theme:` from the config, when set.
    pub name: Option<String>,
    /// The readable roots (site, then theme folder).
    pub files: ThemeFiles,
}

impl SiteTheme {
    /// The theme of `ws`: its `theme:` gem looked up in the gem folders
    /// ([`locate::gem_roots`]). A theme that is named but not installed, or a `remote_theme:`
    /// (which jekyll-remote-theme downloads when the site builds), is
    /// [`Error::ThemeNotFound`] naming the theme and where Lanyard looked: the caller says so
    /// and shows the reading view.
    pub fn for_workspace(ws: &Workspace) -> Result<SiteTheme> {
        let name = config_string(ws, "theme");
        let folder = match &name {
            Some(gem) => {
                let roots = locate::gem_roots(ws.root());
                let found = locate::find_gem(gem, &roots);
                Some(found.ok_or_else(|| Error::ThemeNotFound {
                    path: config_path(ws),
                    theme: gem.clone(),
                    looked: looked_in(gem, &roots),
                })?)
            }
            None => {
                if let Some(remote) = config_string(ws, "remote_theme") {
                    return Err(Error::ThemeNotFound {
                        path: config_path(ws),
                        theme: remote,
                        looked: "a `remote_theme` is downloaded from GitHub by \
                                 jekyll-remote-theme when the site builds; Lanyard does not \
                                 download themes"
                            .into(),
                    });
                }
                None
            }
        };
        Ok(SiteTheme {
            name,
            files: ThemeFiles::new(ws.gate().clone(), folder.as_deref())?,
        })
    }
}

/// A non-empty string value of the config's `key`.
fn config_string(ws: &Workspace, key: &str) -> Option<String> {
    ws.config()
        .values
        .get(key)
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

/// The gem folders searched for `gem`, for the error that says it is not installed.
fn looked_in(gem: &str, roots: &[PathBuf]) -> String {
    let folders: Vec<String> = roots
        .iter()
        .map(|r| r.join("gems").display().to_string())
        .collect();
    format!("looked for {gem}-<version> in {}", folders.join(", "))
}

/// The config file (for errors about its keys), else the site root.
fn config_path(ws: &Workspace) -> PathBuf {
    ws.config()
        .file
        .clone()
        .unwrap_or_else(|| ws.root().to_path_buf())
}
