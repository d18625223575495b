//! Publish commands: the plan of publishing the open post (checks, files, diffs; nothing
//! written), publishing it (all or nothing, then one commit), and pushing with the user's
//! own `git` (a second, explicit click), or pulling with rebase after a rejected push. A
//! drafts folder publishes into another repository (`target`), remembered per folder.

use std::path::{Path, PathBuf};

use lanyard::data_dir::data_dir;
use lanyard::publish::{
    change_diff, execute_plan, file_action, git_timeout, plan_publish, pull_rebase_with, push_with,
    repository_of, FileAction, GitRunOptions, PublishOptions, PublishPlan, PublishSettings,
    PushOutcome, PushStatus,
};
use lanyard::series::SettingsStore;
use serde::Serialize;
use tauri::{AppHandle, Emitter};
use ts_rs::TS;

use crate::commands::off_ui_thread;
use crate::error::AppResult;
use crate::ipc_types::WorkspaceSummary;
use crate::series_commands::ChangedFile;
use crate::session::Session;

/// One problem publishing found, located in a file the app can open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublishFindingView {
    /// `error` (blocks) or `warning` (blocks unless overridden).
    pub severity: String,
    /// The file relative to its blog, as shown.
    pub file: String,
    /// The file, absolute (to open it).
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// A sentence for the user.
    pub message: String,
}

/// One file of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlannedFile {
    /// `added`, `changed`, `moved` or `copied` (an image).
    pub action: String,
    /// The path after publishing, relative to the blog.
    pub path: String,
    /// The path before, for a moved file.
    pub from: Option<String>,
    /// The unified diff of a text file ("" for a copied image).
    pub diff: String,
}

/// What publishing the open post would do; nothing is written yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublishPreview {
    /// The files added, changed, moved and copied.
    pub files: Vec<PlannedFile>,
    /// Problems, errors first.
    pub findings: Vec<PublishFindingView>,
    /// How many findings are errors.
    pub errors: u32,
    /// How many findings are warnings.
    pub warnings: u32,
    /// The default commit message.
    pub message: String,
    /// Whether the blog is in a git repository (else publishing cannot commit).
    pub in_git: bool,
}

/// A commit made by publishing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CommitView {
    /// Its id (hex).
    pub id: String,
    /// Its message.
    pub message: String,
    /// Its files, relative to the repository.
    pub files: Vec<String>,
}

/// What publishing did (same shape as a series operation, plus the commit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublishApplied {
    /// The blog re-read after the writes.
    pub workspace: WorkspaceSummary,
    /// Every file written, with its new text.
    pub changed: Vec<ChangedFile>,
    /// The published post, to open.
    pub open_post: Option<String>,
    /// The commit, when one was asked for.
    pub commit: Option<CommitView>,
}

/// How a push (or a pull with rebase) went, with git's output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PushResult {
    /// `pushed`, `pulled` (after a pull with rebase: push again), `rejected` (pull with
    /// rebase, then push again), `unreachable` (push later), `timed_out` (stopped after
    /// the push timeout, 120 s by default; push later), `failed`.
    pub status: String,
    /// The remote, as the repository names it (`origin`).
    pub remote: String,
    /// What git printed.
    pub output: String,
    /// A sentence for the user.
    pub message: String,
}

/// The repository to publish into: `target` when it is given and is not the open blog.
fn target_of(
    session: &Session,
    target: Option<&str>,
) -> AppResult<Option<lanyard::site::Workspace>> {
    let workspace = session.workspace()?;
    let Some(dir) = target.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let other = lanyard::site::Workspace::open(dir)?;
    Ok((other.root() != workspace.root()).then_some(other))
}

/// Plans publishing `path` of the open blog, into `target` (another repository) if given.
fn plan_for(session: &Session, path: &Path, target: Option<&str>) -> AppResult<PublishPlan> {
    let settings = SettingsStore::load(&data_dir())?;
    let publish_settings = PublishSettings::load(&data_dir())?;
    let workspace = session.workspace()?;
    let target = target_of(session, target)?;
    let options = PublishOptions {
        max_image_bytes: publish_settings.max_image_bytes(),
        today: None,
    };
    Ok(plan_publish(
        &workspace,
        target.as_ref(),
        &settings,
        &[path.to_path_buf()],
        &options,
    )?)
}

/// Remembers `target` as the repository the open blog publishes into (cleared when empty).
fn remember_target(session: &Session, target: Option<&str>) -> AppResult<()> {
    let root = session.workspace()?.root().to_path_buf();
    let target = target_of(session, target)?.map(|t| t.root().to_path_buf());
    let mut settings = PublishSettings::load(&data_dir())?;
    if settings.target(&root) != target.as_deref() {
        settings.set_target(&root, target);
        settings.save(&data_dir())?;
    }
    Ok(())
}

/// The folder pushes go from: the target repository, else the open blog.
fn push_root(session: &Session, target: Option<&str>) -> AppResult<PathBuf> {
    Ok(match target_of(session, target)? {
        Some(t) => t.root().to_path_buf(),
        None => session.workspace()?.root().to_path_buf(),
    })
}

/// The repository the open blog publishes into, when it is a separate drafts folder.
#[tauri::command]
pub async fn publish_target(app: AppHandle) -> AppResult<Option<String>> {
    off_ui_thread(&app, |session| {
        let root = session.workspace()?.root().to_path_buf();
        let settings = PublishSettings::load(&data_dir())?;
        Ok(settings.target(&root).map(|t| t.display().to_string()))
    })
    .await
}

/// The plan of publishing the post at `path` (into `target`, if given): checks, files, diffs.
#[tauri::command]
pub async fn preview_publish(
    app: AppHandle,
    path: PathBuf,
    target: Option<String>,
) -> AppResult<PublishPreview> {
    off_ui_thread(&app, move |session| {
        let plan = plan_for(session, &path, target.as_deref())?;
        Ok(preview_of(&plan))
    })
    .await
}

/// Publishes the post at `path` (into `target`, if given, which is then remembered; warnings
/// overridden with `force`) and, with `commit`, commits exactly its files with `message`.
#[tauri::command]
pub async fn publish_post(
    app: AppHandle,
    path: PathBuf,
    message: String,
    force: bool,
    commit: bool,
    target: Option<String>,
) -> AppResult<PublishApplied> {
    off_ui_thread(&app, move |session| {
        let plan = plan_for(session, &path, target.as_deref())?;
        let executed = execute_plan(&plan, force, commit.then_some(message.as_str()))?;
        remember_target(session, target.as_deref())?;
        let in_blog = plan.root == session.workspace()?.root();
        Ok(PublishApplied {
            workspace: session.reload()?,
            changed: plan
                .changes
                .changes
                .iter()
                .filter(|_| in_blog)
                .map(changed_file)
                .collect(),
            open_post: plan
                .posts
                .first()
                .filter(|_| in_blog)
                .map(|p| p.to.display().to_string()),
            commit: executed.commit.map(|c| CommitView {
                id: c.id,
                message: c.message,
                files: c.files,
            }),
        })
    })
    .await
}

/// Pushes the repository published into (`target`, else the open blog) with the user's `git`,
/// each line git prints sent as a `push-progress` event, stopped after [`git_timeout`].
#[tauri::command]
pub async fn push_blog(app: AppHandle, target: Option<String>) -> AppResult<PushResult> {
    let events = app.clone();
    off_ui_thread(&app, move |session| {
        let root = push_root(session, target.as_deref())?;
        let on_line = &mut progress_to(&events);
        let options = GitRunOptions {
            timeout: git_timeout(),
            on_line,
        };
        Ok(push_result(push_with(&root, options)?))
    })
    .await
}

/// `git pull --rebase` in that repository, after a rejected push (progress as for a push).
#[tauri::command]
pub async fn pull_rebase_blog(app: AppHandle, target: Option<String>) -> AppResult<PushResult> {
    let events = app.clone();
    off_ui_thread(&app, move |session| {
        let root = push_root(session, target.as_deref())?;
        let on_line = &mut progress_to(&events);
        let options = GitRunOptions {
            timeout: git_timeout(),
            on_line,
        };
        Ok(push_result(pull_rebase_with(&root, options)?))
    })
    .await
}

/// Sends each line git prints to the UI as a `push-progress` event.
fn progress_to(app: &AppHandle) -> impl FnMut(&str) {
    let app = app.clone();
    move |line: &str| {
        if let Err(e) = app.emit("push-progress", line) {
            eprintln!("lanyard: push progress not shown: {e}");
        }
    }
}

fn preview_of(plan: &PublishPlan) -> PublishPreview {
    let rel = |p: &Path| {
        p.strip_prefix(&plan.root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let mut files: Vec<PlannedFile> = plan
        .changes
        .changes
        .iter()
        .map(|c| PlannedFile {
            action: match file_action(c) {
                FileAction::Added => "added",
                FileAction::Changed => "changed",
                FileAction::Moved => "moved",
            }
            .into(),
            path: rel(&c.path),
            from: c.renamed_from.as_deref().map(rel),
            diff: change_diff(&plan.root, c),
        })
        .collect();
    files.extend(plan.copies.iter().map(|c| PlannedFile {
        action: "copied".into(),
        path: rel(&c.to),
        from: None,
        diff: String::new(),
    }));
    PublishPreview {
        files,
        findings: plan
            .findings
            .iter()
            .map(|f| PublishFindingView {
                severity: f.severity.as_str().into(),
                file: f.file.clone(),
                path: f.path.display().to_string(),
                line: u32::try_from(f.line).unwrap_or(u32::MAX),
                message: f.message.clone(),
            })
            .collect(),
        errors: u32::try_from(plan.error_count()).unwrap_or(u32::MAX),
        warnings: u32::try_from(plan.warning_count()).unwrap_or(u32::MAX),
        message: plan.message.clone(),
        in_git: repository_of(&plan.root).is_some(),
    }
}

fn changed_file(c: &lanyard::series::FileChange) -> ChangedFile {
    ChangedFile {
        path: c.path.display().to_string(),
        renamed_from: c.renamed_from.as_ref().map(|p| p.display().to_string()),
        after: c.after.clone(),
    }
}

fn push_result(outcome: PushOutcome) -> PushResult {
    PushResult {
        status: match outcome.status {
            PushStatus::Pushed => "pushed",
            PushStatus::Pulled => "pulled",
            PushStatus::Rejected => "rejected",
            PushStatus::Unreachable => "unreachable",
            PushStatus::TimedOut => "timed_out",
            PushStatus::Failed => "failed",
        }
        .into(),
        remote: outcome.remote,
        output: outcome.output,
        message: outcome.message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc_types::bindings::{assert_bindings_up_to_date, binding};

    #[test]
    fn publish_bindings_are_up_to_date() {
        assert_bindings_up_to_date(&[
            binding::<PublishFindingView>,
            binding::<PlannedFile>,
            binding::<PublishPreview>,
            binding::<CommitView>,
            binding::<PublishApplied>,
            binding::<PushResult>,
        ]);
    }
}
