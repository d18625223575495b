//! Finding a site's post and draft files as Jekyll 4.3's `Reader` does: `_posts/` and
//! `_drafts/` at the root and in every folder Jekyll walks (no segment starting with `_`, `.`,
//! `#` or `~`, not in `exclude:`), their files at any depth. Files Jekyll would skip are listed
//! with a reason rather than dropped silently; hidden files are skipped silently, as in Jekyll.

use std::path::{Path, PathBuf};

use super::config::SiteConfig;
use super::gate::{EntryKind, Gate, Walk};
use super::glob::fnmatch;
use crate::Result;

/// Whether a file is a post (in `_posts/`) or a draft (in `_drafts/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PostKind {
    /// In a `_posts/` folder.
    Post,
    /// In a `_drafts/` folder.
    Draft,
}

/// A file found in a `_posts/` or `_drafts/` folder.
#[derive(Debug, Clone)]
pub struct FoundFile {
    /// Absolute path.
    pub path: PathBuf,
    /// Path from the site root, `/`-separated (`blog/_posts/sub/2023-04-19-x.md`).
    pub rel_path: String,
    /// Post or draft.
    pub kind: PostKind,
    /// The folders above `_posts/` (`blog` for `blog/_posts/...`): Jekyll's path categories.
    pub dir_categories: Vec<String>,
}

/// A file in `_posts/` or `_drafts/` that Jekyll would not build, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IgnoredFile {
    /// Absolute path.
    pub path: PathBuf,
    /// Path from the site root.
    pub rel_path: String,
    /// Why Jekyll skips it, in words.
    pub reason: String,
    /// Whether Jekyll stops the build on it instead of skipping it (an impossible date).
    pub breaks_build: bool,
}

/// Everything found under the site's `_posts/` and `_drafts/` folders.
#[derive(Debug, Default)]
pub struct ScanResult {
    /// Candidate post and draft files, in walk order.
    pub files: Vec<FoundFile>,
    /// Files skipped, with a reason.
    pub ignored: Vec<IgnoredFile>,
}

/// Deeper than this is a symlink loop, not a blog.
const MAX_DEPTH: usize = 24;

/// Walks the site of `gate` through the gate's [`Walk`]: links are followed only inside the
/// site and no folder is listed twice, so a link loop or a link to `/` ends the walk there.
/// An unreadable folder is an error naming it.
pub fn scan_site(gate: &Gate, config: &SiteConfig) -> Result<ScanResult> {
    let mut scan = Scanner {
        root: gate.site_root(),
        config,
        walk: Walk::new(gate),
        result: ScanResult::default(),
    };
    scan.walk_site_dir("", 0)?;
    Ok(scan.result)
}

/// Whether Jekyll's reader skips the folder or file `name` at `rel` (excluded, a special
/// `_`, `.` or `#` name, an editor backup `~`), unless `include:` keeps it.
pub(crate) fn skips_entry(gate: &Gate, config: &SiteConfig, rel: &str, name: &str) -> bool {
    Scanner {
        root: gate.site_root(),
        config,
        walk: Walk::new(gate),
        result: ScanResult::default(),
    }
    .is_filtered(rel, name)
}

struct Scanner<'a> {
    root: &'a Path,
    config: &'a SiteConfig,
    walk: Walk<'a>,
    result: ScanResult,
}

impl Scanner<'_> {
    /// Jekyll's `read_directories`: this folder's `_posts`/`_drafts`, then its subfolders.
    fn walk_site_dir(&mut self, rel: &str, depth: usize) -> Result<()> {
        let dir = self.root.join(rel);
        let in_collections_dir = self.config.collections_dir.is_empty()
            || rel == self.config.collections_dir
            || rel.starts_with(&format!("{}/", self.config.collections_dir));
        if in_collections_dir {
            for (magic, kind) in [("_posts", PostKind::Post), ("_drafts", PostKind::Draft)] {
                let magic_rel = join(rel, magic);
                if self.root.join(&magic_rel).is_dir() {
                    let cats = categories_above(rel, &self.config.collections_dir);
                    self.walk_magic_dir(&magic_rel, "", kind, &cats, depth)?;
                }
            }
        }
        if depth >= MAX_DEPTH {
            return Ok(());
        }
        let Some(entries) = self.walk.list(&dir)? else {
            return Ok(()); // listed already: a link loop
        };
        for entry in entries {
            let name = entry.name;
            let child = join(rel, &name);
            if entry.kind == EntryKind::Dir && !self.is_filtered(&child, &name) {
                self.walk_site_dir(&child, depth + 1)?;
            }
        }
        Ok(())
    }

    /// Every file under a `_posts`/`_drafts` folder (Jekyll's `get_entries`: `Dir["**/*"]`).
    fn walk_magic_dir(
        &mut self,
        magic_rel: &str,
        inner: &str,
        kind: PostKind,
        cats: &[String],
        depth: usize,
    ) -> Result<()> {
        let dir = self.root.join(magic_rel).join(inner);
        let Some(entries) = self.walk.list(&dir)? else {
            return Ok(()); // listed already (a link loop) or outside the site
        };
        for entry in entries {
            let name = entry.name;
            if name.starts_with('.') {
                continue; // Ruby's Dir glob does not see hidden entries.
            }
            let inner_child = join(inner, &name);
            let rel_path = join(magic_rel, &inner_child);
            if entry.kind == EntryKind::Dir {
                if depth < MAX_DEPTH {
                    self.walk_magic_dir(magic_rel, &inner_child, kind, cats, depth + 1)?;
                }
                continue;
            }
            let path = self.root.join(&rel_path);
            let refused = match &entry.kind {
                EntryKind::Outside(target) => Some(format!(
                    "is a link leading outside the site ({}), so Lanyard does not read it",
                    target.display()
                )),
                EntryKind::Special => Some(
                    "is not a regular file (FIFO, device or socket), so Lanyard does not read it"
                        .into(),
                ),
                _ => None,
            };
            if let Some(reason) =
                refused.or_else(|| self.skip_reason(&rel_path, &inner_child, &name))
            {
                self.result.ignored.push(IgnoredFile {
                    path,
                    rel_path,
                    reason,
                    breaks_build: false,
                });
                continue;
            }
            self.result.files.push(FoundFile {
                path,
                rel_path,
                kind,
                dir_categories: cats.to_vec(),
            });
        }
        Ok(())
    }

    /// Jekyll's `EntryFilter#filter` for an entry of a magic folder.
    fn skip_reason(&self, rel_path: &str, inner: &str, name: &str) -> Option<String> {
        if name.ends_with('.') {
            return Some("ends with a period, so Jekyll skips it".into());
        }
        if self.is_included(inner) || self.is_included(name) {
            return None;
        }
        if self.is_excluded(rel_path) {
            return Some("excluded by `exclude:` in the site config".into());
        }
        if is_special(inner) || is_special(name) {
            return Some("starts with `_`, `#` or `~`, so Jekyll skips it".into());
        }
        if name.ends_with('~') {
            return Some("is a backup file (ends with `~`), so Jekyll skips it".into());
        }
        None
    }

    fn is_filtered(&self, rel: &str, name: &str) -> bool {
        if self.is_included(name) {
            return false;
        }
        self.is_excluded(rel) || is_special(name) || name.ends_with('~')
    }

    /// Jekyll's `included?`: `include:` patterns match the entry as listed in its folder
    /// (or its file name), not its path from the site root.
    fn is_included(&self, entry: &str) -> bool {
        matches_any(&self.config.include, entry)
    }

    fn is_excluded(&self, rel: &str) -> bool {
        let patterns: Vec<String> = self
            .config
            .exclude
            .iter()
            .filter(|e| !self.config.include.contains(e))
            .cloned()
            .collect();
        matches_any(&patterns, rel)
    }
}

/// Jekyll's `glob_include?`: a pattern matches the path as a glob, as a prefix, or as the
/// folder itself written with a trailing `/`.
fn matches_any(patterns: &[String], rel: &str) -> bool {
    patterns.iter().any(|p| {
        let p = p.trim_start_matches("./").trim_start_matches('/');
        !p.is_empty() && (fnmatch(p, rel) || rel.starts_with(p) || p.trim_end_matches('/') == rel)
    })
}

fn is_special(name: &str) -> bool {
    name.starts_with(['.', '_', '#', '~'])
}

/// Jekyll's `categories_from_path`: the folders between the collections dir and `_posts`.
fn categories_above(rel: &str, collections_dir: &str) -> Vec<String> {
    let rel = rel.strip_prefix(collections_dir).unwrap_or(rel);
    rel.split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else if b.is_empty() {
        a.to_string()
    } else {
        format!("{a}/{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse_yaml_mapping;

    use std::fs;

    fn site(files: &[&str], config: &str) -> (tempfile::TempDir, ScanResult) {
        let dir = tempfile::tempdir().expect("tempdir");
        for f in files {
            let p = dir.path().join(f);
            fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            fs::write(&p, "---\n---\n").expect("write");
        }
        let cfg = SiteConfig::from_values(None, parse_yaml_mapping(config, 1).expect("yaml").data);
        let gate = Gate::new(dir.path()).expect("gate");
        let result = scan_site(&gate, &cfg).expect("scan");
        (dir, result)
    }

    fn rels(r: &ScanResult) -> Vec<&str> {
        r.files.iter().map(|f| f.rel_path.as_str()).collect()
    }

    #[test]
    fn finds_posts_in_subfolders_and_in_dir_posts() {
        let (_d, r) = site(
            &[
                "_posts/a/2023-01-01-x.md",
                "blog/news/_posts/2023-01-02-y.md",
            ],
            "",
        );
        assert_eq!(
            rels(&r),
            [
                "_posts/a/2023-01-01-x.md",
                "blog/news/_posts/2023-01-02-y.md"
            ]
        );
        assert!(r.files[0].dir_categories.is_empty());
        assert_eq!(r.files[1].dir_categories, ["blog", "news"]);
    }

    #[test]
    fn skips_posts_under_special_or_excluded_folders() {
        let (_d, r) = site(
            &[
                "_hidden/_posts/2023-01-01-a.md",
                ".git/_posts/2023-01-01-b.md",
                "old/_posts/2023-01-01-c.md",
            ],
            "exclude: [old]\n",
        );
        assert!(r.files.is_empty(), "{:?}", rels(&r));
    }

    #[test]
    fn lists_special_backup_and_excluded_files_with_a_reason() {
        let (_d, r) = site(
            &[
                "_posts/_wip.md",
                "_posts/2023-01-01-a.md~",
                "_posts/2023-01-01-b.md",
                "_posts/.keep",
            ],
            "exclude: ['_posts/2023-01-01-b.md']\n",
        );
        assert!(r.files.is_empty());
        let reasons: Vec<&str> = r.ignored.iter().map(|i| i.reason.as_str()).collect();
        assert_eq!(r.ignored.len(), 3, "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("exclude")));
        assert!(reasons.iter().any(|r| r.contains("backup")));
    }

    #[test]
    fn keeps_special_names_listed_in_include() {
        let (_d, r) = site(
            &["_posts/_kept.md", "_posts/_dropped.md"],
            "include: [_kept.md]\n",
        );
        assert_eq!(rels(&r), ["_posts/_kept.md"]);
        assert_eq!(r.ignored.len(), 1);
    }

    #[test]
    fn finds_drafts() {
        let (_d, r) = site(&["_drafts/idea.md"], "");
        assert_eq!(r.files[0].kind, PostKind::Draft);
    }

    #[test]
    fn errors_on_a_missing_root() {
        let err = Gate::new(Path::new("/nonexistent/lanyard-site")).expect_err("missing");
        assert!(err.to_string().contains("/nonexistent/lanyard-site"));
    }

    #[cfg(unix)]
    #[test]
    fn ends_on_a_link_loop_in_posts_and_lists_links_out_as_ignored() {
        let (dir, _) = site(&["_posts/2023-01-01-a.md"], "");
        std::os::unix::fs::symlink(".", dir.path().join("_posts/loop")).expect("loop");
        std::os::unix::fs::symlink("/", dir.path().join("root")).expect("root");
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("_posts/2023-01-02-b.md"))
            .expect("leak");
        let cfg = SiteConfig::from_values(None, serde_json::Map::new());
        let r = scan_site(&Gate::new(dir.path()).expect("gate"), &cfg).expect("scan");
        assert_eq!(rels(&r), ["_posts/2023-01-01-a.md"]);
        assert_eq!(r.ignored.len(), 1, "{:?}", r.ignored);
        assert!(r.ignored[0].reason.contains("outside the site"));
    }
}
