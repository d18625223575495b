//! Adapts the core's workspace to what crosses the IPC boundary, and the three post operations
//! the editor needs (read, render, save), refusing any file that is not a post of the open blog.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use lanyard::app_state::AppState;
use lanyard::render::{RenderOptions, Rendered};
use lanyard::site::{Post, PostKind, Workspace};

use crate::error::{AppError, AppResult};
use crate::ipc_types::{PostSummary, PostText, Preview, PreviewProblem, WorkspaceSummary};
use crate::render_worker::{Outcome, RenderWorker};
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

/// The managed render worker of the live preview.
pub type PreviewWorker = Arc<RenderWorker<AppResult<Preview>>>;

/// Renders the editor's text of `path` for the live preview on `worker`, waiting at most
/// `deadline`; a render that panics or takes longer is an error naming the post.
pub fn render_preview_on(
    worker: &PreviewWorker,
    workspace: Arc<Workspace>,
    path: PathBuf,
    text: String,
    deadline: Duration,
) -> AppResult<Preview> {
    let post = path.clone();
    match worker.run(move || render_preview(&workspace, &post, &text), deadline) {
        Outcome::Done(result) => result,
        Outcome::TimedOut => Err(AppError::RenderTimeout {
            path,
            seconds: deadline.as_secs(),
        }),
        Outcome::Superseded => Err(AppError::RenderSuperseded(path)),
        Outcome::Panicked => Err(AppError::RenderFailed(path)),
    }
}

/// Renders the editor's text of `path` with source lines, for the live preview; local images
/// already point at the `lanyard-asset:` scheme (the core's resolver decides which file).
pub fn render_preview(workspace: &Workspace, path: &Path, text: &str) -> AppResult<Preview> {
    let post = entry(workspace, path)?;
    let options = RenderOptions {
        source_lines: true,
        asset_urls: true,
    };
    let rendered = workspace.render_text_with(&post.path, text, &options)?;
    Ok(preview_of(rendered))
}

fn preview_of(rendered: Rendered) -> Preview {
    let problems = rendered
        .problems
        .into_iter()
        .map(|p| PreviewProblem {
            line: u32::try_from(p.line).unwrap_or(u32::MAX),
            kind: p.kind.into(),
            message: p.message,
        })
        .collect();
    Preview {
        html: rendered.html,
        problems,
    }
}

/// A short label for the window title: the file name.
pub fn file_label(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}
