//! Choosing the workspace of a command: `--workspace DIR`, else the site holding the post
//! (walking up to the folder with `_config.*` or `_posts/`), else the current directory.

use std::path::{Path, PathBuf};

use lanyard::site::{find_site_root, Workspace};
use lanyard::Result;

/// The workspace folder to open for a command about `post` (if any).
pub fn workspace_dir(explicit: Option<&Path>, post: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    post.and_then(find_site_root)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Opens the workspace chosen by [`workspace_dir`].
pub fn open_workspace(explicit: Option<&Path>, post: Option<&Path>) -> Result<Workspace> {
    Workspace::open(workspace_dir(explicit, post))
}
