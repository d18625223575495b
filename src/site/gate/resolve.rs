//! References of a blog to paths of the site: image and asset URLs, and folders and files
//! named by the config or by tags (`includes_dir`, `{% include note.html %}`).

use std::path::{Path, PathBuf};

use super::{FileKind, Gate};
use crate::site::percent_decode;
use crate::{Error, Result};

/// A path inside the site, as a URL names it: decoded, `/`-separated, without `.`, `..` or a
/// leading slash (`assets/images/a b.png`). It never leaves the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SitePath(String);

impl SitePath {
    /// A path from segments written as a URL path (decoded already), `.` and `..` applied;
    /// `None` when it climbs above the root, is empty, or holds a backslash, NUL or control
    /// character (never a name on a web server).
    pub fn from_decoded(path: &str) -> Option<SitePath> {
        let mut segments: Vec<&str> = Vec::new();
        for segment in path.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    segments.pop()?;
                }
                s if s.contains('\\') || s.chars().any(char::is_control) => return None,
                s => segments.push(s),
            }
        }
        (!segments.is_empty()).then(|| SitePath(segments.join("/")))
    }

    /// `assets/images/a b.png`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path relative to the site root.
    pub fn to_rel_path(&self) -> PathBuf {
        PathBuf::from(&self.0)
    }

    /// The URL path without `baseurl`: `/assets/images/a b.png` (not encoded).
    pub fn url_path(&self) -> String {
        format!("/{}", self.0)
    }

    /// The URL the desktop app's `lanyard-asset:` scheme serves this file at
    /// (`lanyard-asset://localhost/assets/images/a%20b.png`, WebKitGTK's form of a custom
    /// scheme URL); every byte but unreserved ones is percent-encoded.
    pub fn asset_url(&self) -> String {
        let mut url = String::from("lanyard-asset://localhost");
        for segment in self.0.split('/') {
            url.push('/');
            for b in segment.bytes() {
                if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                    url.push(char::from(b));
                } else {
                    url.push_str(&format!("%{b:02X}"));
                }
            }
        }
        url
    }
}

/// The site path an image or asset URL of a post names, or `None` when it names no local
/// file (a remote `https:` or `//cdn` URL, `data:`, a bare fragment, Liquid left unexpanded,
/// or a path climbing above the site). Query and fragment are dropped; `baseurl` is stripped
/// from a site-absolute URL; a relative URL is resolved against `page_dir`, the folder of
/// the post's URL (`/2023/04/19/` for `/2023/04/19/kubecon-j1.html`); `%XX` escapes are
/// decoded before `.` and `..` are applied.
pub fn resolve_url(url: &str, baseurl: &str, page_dir: &str) -> Option<SitePath> {
    let url = url.split(['?', '#']).next().unwrap_or("").trim();
    let scheme = url
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'));
    if url.is_empty() || scheme || url.starts_with("//") || url.contains("{{") {
        return None;
    }
    let path = if url.starts_with('/') {
        let baseurl = baseurl.trim_end_matches('/');
        match url.strip_prefix(baseurl) {
            Some(rest) if !baseurl.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
                rest.to_string()
            }
            _ => url.to_string(),
        }
    } else {
        format!("{}/{url}", page_dir.trim_end_matches('/'))
    };
    SitePath::from_decoded(&percent_decode(&path))
}

impl Gate {
    /// The folder a config `setting` names (`includes_dir: _includes`), inside the site: an
    /// absolute path or one that climbs out of the site is refused with an
    /// [`Error::Config`] naming the setting (Jekyll's safe mode never reads outside the site).
    pub fn setting_dir(
        &self,
        config_file: Option<&Path>,
        setting: &str,
        value: &str,
    ) -> Result<PathBuf> {
        let refused = || Error::Config {
            path: config_file.map_or_else(|| self.site_root().to_path_buf(), Path::to_path_buf),
            message: format!(
                "`{setting}: {value}` leads outside the site; Lanyard reads it only from a \
                 folder inside the site, as Jekyll's safe mode does"
            ),
        };
        if value.starts_with('/') || value.starts_with('\\') || Path::new(value).is_absolute() {
            return Err(refused());
        }
        match SitePath::from_decoded(value) {
            Some(rel) => Ok(self.site_file(&rel)),
            None if value.trim_matches(['/', '.']).is_empty() => Ok(self.site_root().to_path_buf()),
            None => Err(refused()),
        }
    }

    /// Reads the file `name` (`note.html`, `sub/card.html`) of `dir` (an includes or layouts
    /// folder of the site or a theme) as a `kind` text file: a name that climbs out of `dir`
    /// is [`Error::OutsideSite`]; the file then goes through [`Gate::read_text`].
    pub fn read_named(&self, dir: &Path, name: &str, kind: FileKind) -> Result<String> {
        let path = dir.join(name);
        let Some(rel) = SitePath::from_decoded(name).filter(|_| !name.starts_with('/')) else {
            return Err(Error::OutsideSite {
                target: path.clone(),
                path,
            });
        };
        self.read_text(&dir.join(rel.to_rel_path()), kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(url: &str, baseurl: &str, page_dir: &str) -> Option<String> {
        resolve_url(url, baseurl, page_dir).map(|p| p.as_str().to_string())
    }

    #[test]
    fn resolves_site_absolute_urls_without_baseurl() {
        assert_eq!(
            resolved("/assets/a.png", "", "/"),
            Some("assets/a.png".into())
        );
        assert_eq!(
            resolved("/blog/assets/a.png", "/blog", "/"),
            Some("assets/a.png".into())
        );
        assert_eq!(
            resolved("/blogroll/a.png", "/blog", "/"),
            Some("blogroll/a.png".into())
        );
        assert_eq!(
            resolved("/assets/a.png?v=2#top", "", "/"),
            Some("assets/a.png".into())
        );
    }

    #[test]
    fn resolves_relative_urls_against_the_post_url() {
        let dir = "/2023/04/19/";
        assert_eq!(
            resolved("img.png", "", dir),
            Some("2023/04/19/img.png".into())
        );
        assert_eq!(
            resolved("./img.png", "", dir),
            Some("2023/04/19/img.png".into())
        );
        assert_eq!(
            resolved("../../../assets/x.png", "", dir),
            Some("assets/x.png".into())
        );
        assert_eq!(
            resolved("a%20b%C3%A9.png", "", "/"),
            Some("a bé.png".into())
        );
    }

    #[test]
    fn names_no_file_for_remote_data_or_escaping_urls() {
        for url in [
            "https://x.org/a.png",
            "//cdn/a.png",
            "data:image/png;base64,xx",
            "#top",
            "",
            "{{ site.baseurl }}/a.png",
            "/../etc/passwd",
            "/assets/%2e%2e/%2e%2e/etc/passwd",
            "../../../../etc/passwd",
            "/a%00b.png",
        ] {
            assert_eq!(resolved(url, "", "/2023/04/19/"), None, "{url}");
        }
    }

    #[test]
    fn encodes_asset_urls() {
        let path = resolve_url("/assets/a%20b%C3%A9.png", "", "/").expect("path");
        assert_eq!(
            path.asset_url(),
            "lanyard-asset://localhost/assets/a%20b%C3%A9.png"
        );
        assert_eq!(path.url_path(), "/assets/a bé.png");
    }

    #[test]
    fn confines_setting_folders_to_the_site() {
        let dir = tempfile::tempdir().expect("tempdir");
        let gate = Gate::new(dir.path()).expect("gate");
        let root = gate.site_root().to_path_buf();
        assert_eq!(
            gate.setting_dir(None, "includes_dir", "_inc").expect("in"),
            root.join("_inc")
        );
        for bad in ["/etc", "../outside", "_inc/../../x"] {
            let err = gate.setting_dir(None, "includes_dir", bad).expect_err(bad);
            assert!(err.to_string().contains("includes_dir"), "{err}");
        }
        let err = gate
            .read_named(
                &root.join("_includes"),
                "../../etc/passwd",
                FileKind::Include,
            )
            .expect_err("climbs");
        assert_eq!(err.kind(), "outside_site");
    }
}
