//! What publishing changes, computed in full before anything is written.
//!
//! In the blog itself, a draft `_drafts/slug.md` moves to `_posts/YYYY-MM-DD-slug.md` (the
//! date of its front matter, else of its name, else today), a post kept back by
//! `published: false` loses that line, and the header of every part of its series is
//! regenerated so the new part is linked. With a target repository (`--to REPO`, the
//! workspace being a separate drafts folder), the post is created in the target's `_posts/`
//! instead, every local image it shows is copied there, and the target's series headers are
//! regenerated; the drafts folder is left as it is.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde_json::Value;

use super::checks::check_plan;
use super::checks::PublishFinding;
use crate::changeset::Changeset;
use crate::check::Severity;
use crate::front_matter::{get_key, unset_key};
use crate::series::model::series_string;
use crate::series::settings::SettingsStore;
use crate::series::sync::{sync_posts, SyncOptions, SyncPlan};
use crate::site::gate::{FileKind, Gate};
use crate::site::{Post, PostKind, Workspace};
use crate::{Error, Result};

/// The default largest image a published post may show without a warning (2 MiB).
pub const DEFAULT_MAX_IMAGE_BYTES: u64 = 2 * 1024 * 1024;

/// How to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishOptions {
    /// Images larger than this many bytes are a warning.
    pub max_image_bytes: u64,
    /// The day a dateless draft is published on (default: today in the site's time zone).
    pub today: Option<Date>,
}

impl Default for PublishOptions {
    fn default() -> Self {
        PublishOptions {
            max_image_bytes: DEFAULT_MAX_IMAGE_BYTES,
            today: None,
        }
    }
}

/// One post being published.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublishedPost {
    /// Where it is now (absolute).
    pub from: PathBuf,
    /// Where it will be (absolute; the same file when it is already in `_posts/`).
    pub to: PathBuf,
    /// Its title.
    pub title: String,
    /// Its URL once published.
    pub url: String,
}

/// A binary file copied into the target repository (an image the post shows).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileCopy {
    /// The file in the workspace.
    pub from: PathBuf,
    /// Where it goes in the target (absolute; must not exist).
    pub to: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
}

/// Everything publishing would do, and what the checks found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublishPlan {
    /// The repository written to: the workspace, or the `--to` target (absolute).
    pub root: PathBuf,
    /// The posts published.
    pub posts: Vec<PublishedPost>,
    /// Text files added, changed and moved.
    pub changes: Changeset,
    /// Images copied into the target (only with a target repository).
    pub copies: Vec<FileCopy>,
    /// Problems found in the planned files, errors first.
    pub findings: Vec<PublishFinding>,
    /// The default commit message: `Publish: <title>`.
    pub message: String,
}

impl PublishPlan {
    /// How many findings are errors.
    pub fn error_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// How many findings are warnings.
    pub fn warning_count(&self) -> usize {
        self.findings.len() - self.error_count()
    }

    /// Whether the plan may be applied: no error, and no warning unless `force`.
    pub fn may_apply(&self, force: bool) -> bool {
        self.error_count() == 0 && (force || self.warning_count() == 0)
    }

    /// Every path the plan writes or removes (absolute): texts, old paths of moves, copies.
    pub fn touched(&self) -> Vec<PathBuf> {
        let mut paths = self.changes.touched();
        paths.extend(self.copies.iter().map(|c| c.to.clone()));
        paths
    }
}

/// Plans publishing `posts` (drafts or unpublished posts of `workspace`) into `target`
/// (another repository) or, when `None`, into the workspace itself.
pub fn plan_publish(
    workspace: &Workspace,
    target: Option<&Workspace>,
    settings: &SettingsStore,
    posts: &[PathBuf],
    options: &PublishOptions,
) -> Result<PublishPlan> {
    let dest = target.unwrap_or(workspace);
    let today = options
        .today
        .unwrap_or_else(|| dest.config().time_zone().to_datetime(dest.now()).date());
    let mut sync = SyncPlan::default();
    let mut published = Vec::new();
    let mut new_posts = Vec::new();
    for path in posts {
        let entry = workspace.post_at(path).ok_or_else(|| Error::NotFound {
            path: path.clone(),
            message: "is not a post or draft of the blog".into(),
        })?;
        if target.is_none() && entry.kind == PostKind::Post && entry.published {
            return Err(Error::Conflict {
                path: entry.path.clone(),
                message: "is already published; nothing to publish".into(),
            });
        }
        let text = published_text(workspace, entry)?;
        let to = destination(entry, dest, target.is_some(), today)?;
        if target.is_some() {
            sync.changes.create(&to, text.clone())?;
        } else if to == entry.path {
            sync.changes.set_text(&to, text.clone())?;
        } else {
            sync.changes.rename(&entry.path, &to, text.clone())?;
        }
        let moved = dest
            .post_for_text(&to, &text)
            .ok_or_else(|| Error::BadName {
                path: to.clone(),
                message: "is not a name Jekyll reads as a post".into(),
            })?;
        published.push(PublishedPost {
            from: entry.path.clone(),
            to: to.clone(),
            title: moved.title.clone(),
            url: moved.url.clone(),
        });
        new_posts.push((entry.path.clone(), moved));
    }
    let planned = planned_posts(dest, &new_posts);
    let series: Vec<&str> = new_posts
        .iter()
        .filter_map(|(_, p)| series_string(p))
        .collect();
    let in_series: Vec<Post> = planned
        .iter()
        .filter(|p| series_string(p).is_some_and(|s| series.contains(&s)))
        .cloned()
        .collect();
    sync_posts(
        dest,
        &in_series,
        settings,
        SyncOptions::default(),
        &mut sync,
    )?;
    let planned_ws = dest.with_posts(planned);
    let copies = match target {
        Some(_) => plan_copies(workspace, dest, &sync.changes)?,
        None => Vec::new(),
    };
    let image_gates: Vec<&Gate> = match target {
        Some(t) => vec![workspace.gate(), t.gate()],
        None => vec![workspace.gate()],
    };
    let mut findings = check_plan(
        &planned_ws,
        &sync.changes,
        &published,
        options,
        &image_gates,
    );
    findings.extend(copy_conflicts(dest, &copies));
    findings.sort_by(|a, b| (a.severity, &a.file, a.line).cmp(&(b.severity, &b.file, b.line)));
    let message = format!(
        "Publish: {}",
        published
            .iter()
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(PublishPlan {
        root: dest.root().to_path_buf(),
        posts: published,
        changes: sync.changes,
        copies,
        findings,
        message,
    })
}

/// The post's text once published: without `published: false`.
fn published_text(workspace: &Workspace, entry: &Post) -> Result<String> {
    let text = workspace.read_post_text(&entry.path)?;
    let edit_error = |e| crate::front_matter::edit::edit_error(&entry.path, e);
    // Front matter that does not parse is left as it is: the checks report it, located.
    match get_key(&text, "published") {
        Ok(Some(Value::Bool(false))) => unset_key(&text, "published").map_err(edit_error),
        _ => Ok(text),
    }
}

/// Where the published post goes: `_posts/YYYY-MM-DD-slug.ext` for a draft (or any post
/// copied to a target), the same file for a post already in the blog's `_posts/`.
fn destination(entry: &Post, dest: &Workspace, copy: bool, today: Date) -> Result<PathBuf> {
    if entry.kind == PostKind::Post {
        if !copy {
            return Ok(entry.path.clone());
        }
        let rel = entry
            .rel_path
            .split_once("_posts/")
            .map_or(entry.rel_path.as_str(), |(_, rest)| rest);
        return Ok(dest.root().join("_posts").join(rel));
    }
    let ext = entry
        .path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("md");
    let date = publish_date(entry).unwrap_or(today);
    let slug = if entry.name_slug.is_empty() {
        &entry.slug
    } else {
        &entry.name_slug
    };
    Ok(dest
        .root()
        .join("_posts")
        .join(format!("{date}-{slug}.{ext}")))
}

/// The day of the draft's own `date:`, else of its file name.
fn publish_date(entry: &Post) -> Option<Date> {
    if entry.front_matter.get("date").is_some() && entry.date_error.is_none() {
        if let Some(day) = entry
            .date
            .get(..10)
            .and_then(crate::front_matter::parse_day)
        {
            return Some(day);
        }
    }
    crate::front_matter::parse_day(&entry.name_date)
}

/// The target's posts as they will be: each published source replaced by (or joined by) its
/// new entry.
fn planned_posts(dest: &Workspace, new_posts: &[(PathBuf, Post)]) -> Vec<Post> {
    let mut posts: Vec<Post> = dest
        .posts()
        .iter()
        .filter(|p| !new_posts.iter().any(|(from, _)| *from == p.path))
        .cloned()
        .collect();
    posts.extend(new_posts.iter().map(|(_, p)| p.clone()));
    posts
}

/// The local images the new posts show (as the renderer resolves them in the target), to
/// copy into the target; those already there with the same bytes are skipped. Each source
/// goes through the workspace's gate: an image that is a link out of the blog (or a FIFO, or
/// over the image cap) stops the plan with that error, before anything is written; a
/// destination whose folder leads out of the target does too.
fn plan_copies(source: &Workspace, dest: &Workspace, changes: &Changeset) -> Result<Vec<FileCopy>> {
    let mut copies: Vec<FileCopy> = Vec::new();
    for change in changes.changes.iter().filter(|c| c.before.is_none()) {
        let Ok(rendered) = dest.render_text(&change.path, &change.after) else {
            continue; // front matter that does not parse: reported by the checks
        };
        for image in rendered.images {
            let file = source.gate().site_file(&image.path);
            let admitted = match source.gate().admit(&file, FileKind::Image) {
                Ok(admitted) => admitted,
                Err(e) if e.kind() == "not_found" => continue, // a missing image: a finding
                Err(e) => return Err(e),
            };
            let to = dest.gate().site_file(&image.path);
            dest.gate().check_write_target(&to)?;
            if copies.iter().any(|c| c.to == to) || same_bytes(dest.gate(), &admitted.real, &to) {
                continue;
            }
            copies.push(FileCopy {
                from: admitted.real,
                to,
                bytes: admitted.size,
            });
        }
    }
    Ok(copies)
}

/// Copies whose destination already exists with other bytes: publishing would overwrite a
/// file of the target.
fn copy_conflicts(dest: &Workspace, copies: &[FileCopy]) -> Vec<PublishFinding> {
    copies
        .iter()
        .filter(|c| c.to.exists())
        .map(|c| PublishFinding {
            severity: Severity::Error,
            kind: super::checks::PublishCheck::TargetExists,
            file: dest.rel_path(&c.to),
            path: c.to.clone(),
            line: 1,
            message: "already exists in the target with other content; Lanyard will not \
                      overwrite it"
                .into(),
        })
        .collect()
}

/// Whether the target already holds `to` with the bytes of `from` (both read through the
/// gate's policy, so neither read is unbounded).
fn same_bytes(dest: &Gate, from: &Path, to: &Path) -> bool {
    if std::fs::symlink_metadata(to).is_err() {
        return false;
    }
    match (
        crate::site::gate::read_admitted(from, FileKind::Image),
        dest.read_bytes(to, FileKind::Image),
    ) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
