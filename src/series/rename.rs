//! Renaming or re-dating a post (`lanyard mv POST [--date D] [--slug S]`): the file gets its
//! new name, its `date:` follows a new date, every `{% post_url %}` in the blog that pointed
//! at the old name is rewritten (keeping a subfolder form `sub/2023-...`), and every series
//! header is regenerated. A published post's URL changes: the plan says so, and can add the
//! old URL to `redirect_from` (the jekyll-redirect-from plugin).

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::fm_edit::{set_date, with_redirect_from};
use super::links::{blog_text_files, rewrite_post_urls};
use super::model::post_url_name;
use super::names::clean_slug;
use super::settings::SettingsStore;
use super::sync::{sync_posts, SyncOptions, SyncPlan};
use crate::changeset::Changeset;
use crate::site::{parse_draft_name, parse_post_name, Post, PostKind, Workspace};
use crate::{Error, Result};

/// What to change in the post's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MoveRequest {
    /// The new date (name and `date:`), if any.
    pub date: Option<Date>,
    /// The new slug, if any.
    pub slug: Option<String>,
    /// Add the old URL to `redirect_from` when a published post's URL changes.
    pub redirect: bool,
}

/// A published post's URL before and after the move.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UrlChange {
    /// The URL readers and search engines know.
    pub old_url: String,
    /// The URL after the move.
    pub new_url: String,
}

/// The planned move.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MovePlan {
    /// The post's path before.
    pub from: PathBuf,
    /// The post's path after.
    pub to: PathBuf,
    /// The rename, the rewritten links and the regenerated headers.
    pub changes: Changeset,
    /// Set when a published post's URL changes (links from outside the blog break).
    pub url_change: Option<UrlChange>,
    /// Whether the old URL was added to `redirect_from`.
    pub redirect_added: bool,
    /// Set when a published post stops being published (dated in the future): Jekyll will
    /// not build it, and the `post_url`s to it outside its series fail the build.
    pub unpublished_by_move: bool,
}

/// Plans renaming and/or re-dating the post or draft at `post` (nothing is written).
pub fn plan_move(
    workspace: &Workspace,
    settings: &SettingsStore,
    post: &Path,
    request: &MoveRequest,
) -> Result<MovePlan> {
    let entry = workspace.post_at(post).ok_or_else(|| Error::NotFound {
        path: post.to_path_buf(),
        message: "is not a post or draft of the blog".into(),
    })?;
    let to = new_path(entry, request)?;
    let old_text = crate::fs_util::read_text(&entry.path)?;
    let mut text = old_text.clone();
    if let Some(date) = request.date {
        text = set_date(&entry.path, &text, entry, date)?;
    }
    if to == entry.path && text == old_text {
        return Err(Error::Conflict {
            path: entry.path.clone(),
            message: "already has that name and date; nothing to do".into(),
        });
    }
    let mut moved = workspace
        .post_for_text(&to, &text)
        .ok_or_else(|| Error::BadName {
            path: to.clone(),
            message: "is not a name Jekyll reads as a post".into(),
        })?;
    let url_change = (entry.published && moved.url != entry.url).then(|| UrlChange {
        old_url: entry.url.clone(),
        new_url: moved.url.clone(),
    });
    let redirect_added = request.redirect && url_change.is_some();
    if redirect_added {
        text = with_redirect_from(&entry.path, &text, &entry.url)?;
        moved = workspace.post_for_text(&to, &text).unwrap_or(moved);
    }
    let mut plan = SyncPlan::default();
    let new_name = post_url_name(&moved.rel_path);
    if let (PostKind::Post, Some(new_name)) = (entry.kind, &new_name) {
        text = rewrite_post_urls(workspace, &text, &entry.path, new_name);
        for file in blog_text_files(workspace.gate()) {
            if file == entry.path {
                continue;
            }
            let Ok(other) = plan.changes.text_of(&file) else {
                continue;
            };
            let rewritten = rewrite_post_urls(workspace, &other, &entry.path, new_name);
            if rewritten != other {
                plan.changes.set_text(&file, rewritten)?;
            }
        }
    }
    move_in(&mut plan.changes, &entry.path, &to, text)?;
    let posts: Vec<Post> = workspace
        .posts()
        .iter()
        .map(|p| {
            if p.path == entry.path {
                moved.clone()
            } else {
                p.clone()
            }
        })
        .collect();
    sync_posts(
        workspace,
        &posts,
        settings,
        SyncOptions::default(),
        &mut plan,
    )?;
    Ok(MovePlan {
        from: entry.path.clone(),
        to,
        changes: plan.changes,
        url_change,
        redirect_added,
        unpublished_by_move: entry.published && !moved.published,
    })
}

/// Records the moved file: a rename, or an edit when only `date:` changed.
fn move_in(changes: &mut Changeset, from: &Path, to: &Path, text: String) -> Result<()> {
    if from == to {
        changes.set_text(from, text)
    } else {
        changes.rename(from, to, text)
    }
}

/// The post's path after the move: same folder, new date and/or slug in the name. A draft
/// keeps a dateless name (its date lives in `date:`).
fn new_path(entry: &Post, request: &MoveRequest) -> Result<PathBuf> {
    let file_name = entry
        .path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let name = match entry.kind {
        PostKind::Post => parse_post_name(file_name),
        PostKind::Draft => parse_draft_name(file_name),
    }
    .ok_or_else(|| Error::BadName {
        path: entry.path.clone(),
        message: "does not have a post's name".into(),
    })?;
    let slug = match &request.slug {
        Some(s) => clean_slug(s)?,
        None => name.slug.clone(),
    };
    let date_text = match (request.date, name.date_text.is_empty()) {
        (_, true) => None,
        (Some(d), false) => Some(d.to_string()),
        (None, false) => Some(name.date_text.clone()),
    };
    let new_name = match date_text {
        Some(d) => format!("{d}-{slug}.{}", name.ext),
        None => format!("{slug}.{}", name.ext),
    };
    let dir = entry.path.parent().unwrap_or(Path::new("."));
    Ok(dir.join(new_name))
}
