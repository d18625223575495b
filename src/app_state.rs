//! What the app remembers between runs: the last workspace, the post last edited in each
//! workspace, the recently opened folders. Kept as `state.json` in the data folder
//! ([`crate::data_dir::data_dir`]), never inside a blog. Also the first-run copy of the demo blog.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fs_util::{read_json_or_default, write_json};
use crate::{Error, Result};

/// How many folders "Open Recent" lists.
pub const MAX_RECENT: usize = 8;

/// The remembered state. Missing or unreadable `state.json` gives the default (nothing
/// remembered): losing it must never stop the app from starting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppState {
    /// Recently opened workspaces, most recent first, at most [`MAX_RECENT`].
    #[serde(default)]
    pub recent: Vec<PathBuf>,
    /// For each workspace root, the post last opened there.
    #[serde(default)]
    pub last_post: BTreeMap<PathBuf, PathBuf>,
}

impl AppState {
    /// The state file inside `data_dir`.
    pub fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("state.json")
    }

    /// Loads the state from `data_dir`; the default when the file is missing or corrupt.
    pub fn load(data_dir: &Path) -> AppState {
        read_json_or_default(&Self::file(data_dir), "is not valid app state").unwrap_or_default()
    }

    /// Saves the state into `data_dir` (created if needed), atomically.
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        write_json(&Self::file(data_dir), self)
    }

    /// The workspace opened last, if any.
    pub fn last_workspace(&self) -> Option<&Path> {
        self.recent.first().map(PathBuf::as_path)
    }

    /// Records that `root` was opened: it moves to the front of [`AppState::recent`].
    pub fn record_workspace(&mut self, root: &Path) {
        self.recent.retain(|p| p != root);
        self.recent.insert(0, root.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    /// Records that `post` was opened in the workspace `root`.
    pub fn record_post(&mut self, root: &Path, post: &Path) {
        self.last_post
            .insert(root.to_path_buf(), post.to_path_buf());
    }

    /// The post to open in `root`: the one last opened there when `candidates` still holds it,
    /// else the newest of `candidates` (by date, then by path; undated last).
    pub fn post_to_open<'a>(
        &self,
        root: &Path,
        candidates: impl IntoIterator<Item = (&'a Path, Option<&'a str>)>,
    ) -> Option<PathBuf> {
        let candidates: Vec<(&Path, Option<&str>)> = candidates.into_iter().collect();
        if let Some(last) = self.last_post.get(root) {
            if candidates.iter().any(|(p, _)| *p == last.as_path()) {
                return Some(last.clone());
            }
        }
        candidates
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(b.0)))
            .map(|(p, _)| p.to_path_buf())
    }
}

/// The writable copy of the demo blog inside `data_dir`, made from `bundled` on first use (the
/// bundled copy is never modified). An existing copy is kept as the user left it.
pub fn ensure_demo_blog(bundled: &Path, data_dir: &Path) -> Result<PathBuf> {
    let target = data_dir.join("demo-blog");
    if target.is_dir() {
        return Ok(target);
    }
    // Copy into a sibling folder, then rename, so a crash never leaves half a blog behind.
    let staging = data_dir.join(".demo-blog.partial");
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    }
    copy_dir(bundled, &staging)?;
    fs::rename(&staging, &target).map_err(|e| Error::io(&target, e))?;
    Ok(target)
}

/// Copies the folder `from` into `to` (created), recursively; symlinks are skipped.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    for entry in fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let kind = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
        let dest = to.join(entry.file_name());
        if kind.is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else if kind.is_file() {
            fs::copy(entry.path(), &dest).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_recent_folders_most_recent_first_without_duplicates() {
        let mut state = AppState::default();
        state.record_workspace(Path::new("/a"));
        state.record_workspace(Path::new("/b"));
        state.record_workspace(Path::new("/a"));
        assert_eq!(state.recent, vec![PathBuf::from("/a"), PathBuf::from("/b")]);
        assert_eq!(state.last_workspace(), Some(Path::new("/a")));
        for i in 0..20 {
            state.record_workspace(&PathBuf::from(format!("/w{i}")));
        }
        assert_eq!(state.recent.len(), MAX_RECENT);
    }

    #[test]
    fn saves_and_loads_through_the_data_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut state = AppState::default();
        state.record_workspace(Path::new("/blog"));
        state.record_post(
            Path::new("/blog"),
            Path::new("/blog/_posts/2025-06-10-a.md"),
        );
        state.save(dir.path()).expect("save");
        assert_eq!(AppState::load(dir.path()), state);
    }

    #[test]
    fn a_corrupt_state_file_loads_as_nothing_remembered() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(AppState::file(dir.path()), b"{not json").expect("write");
        assert_eq!(AppState::load(dir.path()), AppState::default());
    }

    #[test]
    fn opens_the_last_post_else_the_newest() {
        let root = Path::new("/blog");
        let old = Path::new("/blog/_posts/2025-06-10-a.md");
        let new = Path::new("/blog/_posts/2025-06-12-c.md");
        let draft = Path::new("/blog/_drafts/d.md");
        let candidates = [
            (old, Some("2025-06-10")),
            (new, Some("2025-06-12")),
            (draft, None),
        ];
        let mut state = AppState::default();
        assert_eq!(
            state.post_to_open(root, candidates),
            Some(new.to_path_buf())
        );
        state.record_post(root, old);
        assert_eq!(
            state.post_to_open(root, candidates),
            Some(old.to_path_buf())
        );
        state.record_post(root, Path::new("/blog/_posts/deleted.md"));
        assert_eq!(
            state.post_to_open(root, candidates),
            Some(new.to_path_buf())
        );
    }

    #[test]
    fn copies_the_demo_blog_once_and_keeps_the_users_edits() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bundled = dir.path().join("bundled");
        fs::create_dir_all(bundled.join("_posts")).expect("mkdir");
        fs::write(bundled.join("_posts/2025-06-10-a.md"), "original").expect("write");
        let data = dir.path().join("data");
        let copy = ensure_demo_blog(&bundled, &data).expect("copy");
        let post = copy.join("_posts/2025-06-10-a.md");
        assert_eq!(fs::read_to_string(&post).expect("read"), "original");
        fs::write(&post, "edited").expect("edit");
        assert_eq!(ensure_demo_blog(&bundled, &data).expect("again"), copy);
        assert_eq!(fs::read_to_string(&post).expect("read"), "edited");
        assert_eq!(
            fs::read_to_string(bundled.join("_posts/2025-06-10-a.md")).expect("read"),
            "original"
        );
    }
}
