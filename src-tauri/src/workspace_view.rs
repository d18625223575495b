//! Adapts the core's workspace to what crosses the IPC boundary, and the post operations the
//! editor needs (read, save; the preview renders in `preview_commands`), refusing any file
//! that is not a post of the open blog.

use std::path::Path;

use lanyard::app_state::AppState;
use lanyard::site::{Post, PostKind, Workspace};

use crate::error::{AppError, AppResult};
use crate::ipc_types::{PostSummary, PostText, WorkspaceSummary};
use crate::session::Session;

/// The sidebar's view of a post.
fn summarize_post(post: &Post) -> PostSummary {
    PostSummary {
        path: post.path.display().to_string(),
        title: post.title.clone(),
        date: Some(post.date.chars().take(10).collect()),
        url: (post.kind == PostKind::Post).then(|| post.url.clone()),
        series: post.series.clone(),
        tags: post.tags.clone(),
        published: post.published,
    }
}

/// The UI's view of a workspace, with the post to open first.
pub fn summarize(workspace: &Workspace, state: &AppState) -> WorkspaceSummary {
    let (drafts, mut posts): (Vec<&Post>, Vec<&Post>) = workspace
        .posts()
        .iter()
        .partition(|p| p.kind == PostKind::Draft);
    posts.reverse(); // the core sorts oldest first
    let candidates = workspace
        .posts()
        .iter()
        .map(|p| (p.path.as_path(), Some(p.date.as_str())));
    let open_post = state
        .post_to_open(
            workspace.root(),
            candidates.filter(|(p, _)| is_post(workspace, p)),
        )
        .or_else(|| drafts.first().map(|d| d.path.clone()));
    let config = workspace.config();
    let folder = workspace
        .root()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    WorkspaceSummary {
        root: workspace.root().display().to_string(),
        title: config.title.clone().or(folder).unwrap_or_default(),
        baseurl: config.baseurl.trim_end_matches('/').to_string(),
        posts: posts.into_iter().map(summarize_post).collect(),
        drafts: drafts.into_iter().map(summarize_post).collect(),
        open_post: open_post.map(|p| p.display().to_string()),
    }
}

fn is_post(workspace: &Workspace, path: &Path) -> bool {
    workspace
        .post_at(path)
        .is_some_and(|p| p.kind == PostKind::Post)
}

/// The entry of `path` in the open blog; an error for any other file.
fn entry<'w>(workspace: &'w Workspace, path: &Path) -> AppResult<&'w Post> {
    workspace
        .post_at(path)
        .ok_or_else(|| AppError::NotInWorkspace(path.to_path_buf()))
}

/// Loads a post for the editor and remembers it as the last one opened.
pub fn read_post(session: &Session, path: &Path) -> AppResult<PostText> {
    let workspace = session.workspace()?;
    let post = entry(&workspace, path)?;
    let text = workspace.read_post_text(&post.path)?;
    session.record_post(&post.path)?;
    let lang = post
        .lang
        .clone()
        .or_else(|| workspace.config().lang.clone());
    Ok(PostText {
        path: post.path.display().to_string(),
        text,
        lang: lang.unwrap_or_else(|| "en".into()),
    })
}

/// A short label for the window title: the file name.
pub fn file_label(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}
