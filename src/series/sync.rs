//! Keeping every series header in sync: each part's header is regenerated from the series as
//! it is (parts, titles, what is published), so running it twice changes nothing. A post
//! that left its series loses its managed header. A hand-written list (see [`super::adopt`])
//! is replaced only with `adopt`; otherwise the part is reported and left alone.

use std::path::{Path, PathBuf};

use super::adopt::find_hand_written_list;
use super::header::render_header;
use super::model::{collect_series, series_string, Series};
use super::placement::{find_header, with_header, without_header};
use super::settings::SettingsStore;
use crate::changeset::Changeset;
use crate::site::{Post, Workspace};
use crate::Result;

/// How to sync.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncOptions {
    /// Replace hand-written series lists with the managed header.
    pub adopt: bool,
}

/// What a sync would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncPlan {
    /// The files to write.
    pub changes: Changeset,
    /// Parts with a hand-written list left alone (sync with `adopt` to replace it).
    pub adoptable: Vec<PathBuf>,
    /// Parts not touched, with the reason (front matter that does not parse, HTML post).
    pub skipped: Vec<(PathBuf, String)>,
}

/// Plans the regeneration of every series header of the workspace (nothing is written).
pub fn plan_sync(
    workspace: &Workspace,
    settings: &SettingsStore,
    options: SyncOptions,
) -> Result<SyncPlan> {
    let mut plan = SyncPlan::default();
    sync_posts(workspace, workspace.posts(), settings, options, &mut plan)?;
    Ok(plan)
}

/// Regenerates the headers of `posts` (the workspace's posts as they will be once the
/// changes already in `plan` are written) on top of those changes.
pub fn sync_posts(
    workspace: &Workspace,
    posts: &[Post],
    settings: &SettingsStore,
    options: SyncOptions,
    plan: &mut SyncPlan,
) -> Result<()> {
    let site_lang = workspace.config().lang.as_deref();
    for series in collect_series(posts, site_lang) {
        for index in 0..series.parts.len() {
            sync_part(workspace, posts, &series, index, settings, options, plan)?;
        }
    }
    for post in posts.iter().filter(|p| series_string(p).is_none()) {
        if post.front_matter_error.is_some() || !post.markdown {
            continue;
        }
        let text = plan.changes.text_of(&post.path)?;
        if let Some(cleared) = without_header(&text) {
            plan.changes.set_text(&post.path, cleared)?;
        }
    }
    Ok(())
}

fn sync_part(
    workspace: &Workspace,
    posts: &[Post],
    series: &Series,
    index: usize,
    settings: &SettingsStore,
    options: SyncOptions,
    plan: &mut SyncPlan,
) -> Result<()> {
    let part = &series.parts[index];
    let Some(post) = posts.iter().find(|p| p.path == part.path) else {
        return Ok(());
    };
    if let Some(reason) = skip_reason(post) {
        plan.skipped.push((part.path.clone(), reason.to_string()));
        return Ok(());
    }
    let text = plan.changes.text_of(&part.path)?;
    let is_part = |name: &str| names_part(workspace, series, name);
    let (existing, managed) = match find_header(&text) {
        Some(range) => (Some(range), true),
        None => (find_hand_written_list(&text, &is_part), false),
    };
    // Without `lang:` anywhere, the language the list is already written in wins over the
    // English fallback (the seed's blog sets no `lang:`).
    let lang = part
        .lang
        .as_deref()
        .or_else(|| {
            let sentence = existing.clone().and_then(|r| sentence_of(&text[r]))?;
            settings.lang_of_sentence(sentence)
        })
        .or_else(|| written_lang(workspace, series, settings, &plan.changes));
    let wording = settings.wording(workspace.root(), &series.name, lang);
    let block = render_header(series, index, &wording);
    let new_text = match existing {
        _ if managed => with_header(&text, &block),
        Some(range) if options.adopt => replace_list(&text, range, &block),
        Some(_) => {
            plan.adoptable.push(part.path.clone());
            return Ok(());
        }
        None => with_header(&text, &block),
    };
    plan.changes.set_text(&part.path, new_text)
}

/// The language the series' existing headers or lists are written in (the first part whose
/// sentence is recognized), for parts without `lang:` in a blog without `lang:`.
pub fn written_lang(
    workspace: &Workspace,
    series: &Series,
    settings: &SettingsStore,
    changes: &Changeset,
) -> Option<&'static str> {
    let is_part = |name: &str| names_part(workspace, series, name);
    series.parts.iter().find_map(|part| {
        let text = changes.text_of(&part.path).ok()?;
        let range = find_header(&text).or_else(|| find_hand_written_list(&text, &is_part))?;
        settings.lang_of_sentence(sentence_of(&text[range])?)
    })
}

/// The sentence of a header or hand-written list: its first line that is neither a marker
/// nor a list item.
fn sentence_of(block: &str) -> Option<&str> {
    block
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("<!--") && !l.starts_with(['-', '*', '+']))
}

fn skip_reason(post: &Post) -> Option<&'static str> {
    if post.front_matter_error.is_some() {
        Some("its front matter does not parse")
    } else if !post.markdown {
        Some("it is not a Markdown post")
    } else {
        None
    }
}

/// Whether the `post_url` argument `name` names a part of `series` (by its new name, or by
/// what the workspace resolves it to).
fn names_part(workspace: &Workspace, series: &Series, name: &str) -> bool {
    let name = name.trim();
    series
        .parts
        .iter()
        .any(|p| p.post_url_name.as_deref() == Some(name))
        || workspace
            .find_post_url_target(name)
            .is_some_and(|t| series.parts.iter().any(|p| p.path == t.path))
}

/// `text` with the lines of `range` replaced by `block`, a blank line after it.
fn replace_list(text: &str, range: std::ops::Range<usize>, block: &str) -> String {
    let crlf = text.contains("\r\n");
    let nl = if crlf { "\r\n" } else { "\n" };
    let block = if crlf {
        block.replace('\n', "\r\n")
    } else {
        block.to_string()
    };
    let after = &text[range.end..];
    let gap = if after.is_empty() || after.starts_with(['\n', '\r']) {
        ""
    } else {
        nl
    };
    format!("{}{block}{gap}{after}", &text[..range.start])
}

/// Whether the file at `path` has a managed series header.
pub fn has_header(path: &Path) -> Result<bool> {
    Ok(find_header(&crate::fs_util::read_text(path)?).is_some())
}
