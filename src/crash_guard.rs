//! The crash-loop guard: a post whose preview takes the whole app down (a Liquid bomb that runs
//! out of memory before any budget catches it) must not take it down again at every start,
//! since the app reopens the post that was open.
//!
//! While a post is open, the data folder holds `session.json` naming it ([`OpenMarker`]); a
//! clean exit removes the file. A marker found at start therefore means the last run ended
//! abnormally with that post open, and [`preview_to_pause`] decides, as a pure function, which
//! post opens without being rendered. The journal's recovery is a separate matter and still runs.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fs_util::{read_json_or_default, write_json};
use crate::{Error, Result};

/// The post open in the app, as recorded in the data folder while it is open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenMarker {
    /// The blog's root folder.
    pub workspace: PathBuf,
    /// The post open in the editor.
    pub post: PathBuf,
}

impl OpenMarker {
    /// The marker file inside `data_dir`.
    pub fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("session.json")
    }

    /// Records that `post` of the blog at `workspace` is open (written atomically, before the
    /// post is rendered, so a crash while rendering it leaves the marker behind).
    pub fn record(data_dir: &Path, workspace: &Path, post: &Path) -> Result<()> {
        let marker = OpenMarker {
            workspace: workspace.to_path_buf(),
            post: post.to_path_buf(),
        };
        write_json(&Self::file(data_dir), &marker)
    }

    /// The marker left in `data_dir`, if any: the last run did not end cleanly. A marker that
    /// does not parse (torn by the crash itself) counts as none: it cannot name a post.
    pub fn load(data_dir: &Path) -> Option<OpenMarker> {
        let file = Self::file(data_dir);
        if !file.is_file() {
            return None;
        }
        read_json_or_default::<OpenMarker>(&file, "is not a valid session marker")
            .ok()
            .filter(|m| !m.post.as_os_str().is_empty())
    }

    /// Removes the marker on a clean exit (no marker is fine).
    pub fn clear(data_dir: &Path) -> Result<()> {
        let file = Self::file(data_dir);
        match fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&file, e)),
            _ => Ok(()),
        }
    }
}

/// The post whose preview must not render by itself at start: the one left open by a run that
/// ended abnormally (`left_open`), when the blog being opened (`root`) is the blog it belongs
/// to. `None`: render as usual.
pub fn preview_to_pause(left_open: Option<&OpenMarker>, root: &Path) -> Option<PathBuf> {
    left_open
        .filter(|m| m.workspace == root)
        .map(|m| m.post.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(workspace: &str, post: &str) -> OpenMarker {
        OpenMarker {
            workspace: PathBuf::from(workspace),
            post: PathBuf::from(post),
        }
    }

    #[test]
    fn renders_as_usual_after_a_clean_exit() {
        assert_eq!(preview_to_pause(None, Path::new("/blog")), None);
    }

    #[test]
    fn pauses_the_post_left_open_by_a_crash_in_the_same_blog() {
        let left = marker("/blog", "/blog/_posts/2025-06-10-bomb.md");
        assert_eq!(
            preview_to_pause(Some(&left), Path::new("/blog")),
            Some(PathBuf::from("/blog/_posts/2025-06-10-bomb.md"))
        );
    }

    #[test]
    fn does_not_pause_anything_in_another_blog() {
        let left = marker("/other", "/other/_posts/2025-06-10-bomb.md");
        assert_eq!(preview_to_pause(Some(&left), Path::new("/blog")), None);
    }

    #[test]
    fn a_marker_is_left_until_a_clean_exit_clears_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        assert_eq!(OpenMarker::load(&data), None);
        OpenMarker::record(&data, Path::new("/blog"), Path::new("/blog/_posts/a.md"))
            .expect("record");
        OpenMarker::record(&data, Path::new("/blog"), Path::new("/blog/_posts/b.md"))
            .expect("record again");
        assert_eq!(
            OpenMarker::load(&data),
            Some(marker("/blog", "/blog/_posts/b.md"))
        );
        OpenMarker::clear(&data).expect("clear");
        assert_eq!(OpenMarker::load(&data), None);
        OpenMarker::clear(&data).expect("clearing twice is fine");
    }

    #[test]
    fn a_torn_marker_names_no_post() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(OpenMarker::file(dir.path()), b"{\"workspace\": \"/bl").expect("write");
        assert_eq!(OpenMarker::load(dir.path()), None);
    }
}
