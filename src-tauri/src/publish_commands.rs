//! Publish commands: the plan of publishing the open post (checks, files, diffs; nothing
//! written), publishing it (all or nothing, then one commit), and pushing with the user's
//! own `git` (a second, explicit click; after a rejected push, "pull with rebase and push
//! again"). Both run the core's one publishing sequence ([`lanyard::publish::publish_plan`]),
//! whose steps reach the UI as `publish-progress` events. A drafts folder publishes into
//! another repository (`target`), remembered per folder.

use std::path::{Path, PathBuf};

use lanyard::data_dir::data_dir;
use lanyard::publish::{
    change_diff, file_action, plan_publish, publish_plan, push_repository, repository_of,
    FileAction, PublishOptions, PublishPlan, PublishProgress, PublishSettings, PublishStep,
    PushMode, PushRun, PushStatus,
};
use lanyard::series::SettingsStore;
use serde::Serialize;
use tauri::{AppHandle, Emitter};
use ts_rs::TS;

use crate::commands::off_ui_thread;
use crate::error::AppResult;
use crate::ipc_types::{SeverityView, WorkspaceSummary};
use crate::series_commands::ChangedFile;
use crate::session::Session;

/// One problem publishing found, located in a file the app can open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublishFindingView {
    /// An error blocks; a warning blocks unless overridden.
    pub severity: SeverityView,
    /// The file relative to its blog, as shown.
    pub file: String,
    /// The file, absolute (to open it).
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// A sentence for the user.
    pub message: String,
}

/// What publishing does to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileActionView {
    /// A new file.
    Added,
    /// An existing file with a new text.
    Changed,
    /// A file moved (and maybe changed).
    Moved,
    /// An image copied into another repository.
    Copied,
}

impl From<FileAction> for FileActionView {
    fn from(action: FileAction) -> Self {
        match action {
            FileAction::Added => FileActionView::Added,
            FileAction::Changed => FileActionView::Changed,
            FileAction::Moved => FileActionView::Moved,
        }
    }
}

/// One file of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlannedFile {
    /// What happens to the file.
    pub action: FileActionView,
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

/// How a push ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PushStatusView {
    /// The remote has the commits.
    Pushed,
    /// A pull with rebase went through (its push is still to come).
    Pulled,
    /// The remote has commits this repository lacks: pull with rebase, then push again.
    Rejected,
    /// The remote cannot be reached: push later.
    Unreachable,
    /// git did not finish within the timeout and was stopped: push again later.
    TimedOut,
    /// Anything else (no remote, a hook refused it, a rebase that failed).
    Failed,
}

impl From<PushStatus> for PushStatusView {
    fn from(status: PushStatus) -> Self {
        match status {
            PushStatus::Pushed => PushStatusView::Pushed,
            PushStatus::Pulled => PushStatusView::Pulled,
            PushStatus::Rejected => PushStatusView::Rejected,
            PushStatus::Unreachable => PushStatusView::Unreachable,
            PushStatus::TimedOut => PushStatusView::TimedOut,
            PushStatus::Failed => PushStatusView::Failed,
        }
    }
}

/// A step of publishing starting, sent as the `publish-progress` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PublishStepView {
    /// Writing (and committing) the files.
    Write,
    /// `git push`.
    Push,
    /// `git pull --rebase`.
    PullRebase,
    /// `git push` after the pull.
    PushAgain,
}

impl From<PublishStep> for PublishStepView {
    fn from(step: PublishStep) -> Self {
        match step {
            PublishStep::Write => PublishStepView::Write,
            PublishStep::Push => PublishStepView::Push,
            PublishStep::PullRebase => PublishStepView::PullRebase,
            PublishStep::PushAgain => PublishStepView::PushAgain,
        }
    }
}

/// The event each publishing step sends as it starts.
pub const PROGRESS_EVENT: &str = "publish-progress";

/// The event each line git prints sends, while a push or pull runs.
pub const PUSH_PROGRESS_EVENT: &str = "push-progress";

/// Sends each step's start, and each line git prints, to the UI (a lost event only loses a
/// progress label).
fn emit_progress(app: &AppHandle) -> impl FnMut(PublishProgress<'_>) + '_ {
    move |progress| {
        let sent = match progress {
            PublishProgress::Started(step) => app.emit(PROGRESS_EVENT, PublishStepView::from(step)),
            PublishProgress::Line(line) => app.emit(PUSH_PROGRESS_EVENT, line),
            PublishProgress::Written(_) | PublishProgress::Finished(..) => Ok(()),
        };
        if let Err(e) = sent {
            eprintln!("lanyard: publish progress not sent: {e}");
        }
    }
}

/// How a push (with its pull and second push, when asked) went, with git's output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PushResult {
    /// How the last git step ended.
    pub status: PushStatusView,
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
    let progress_app = app.clone();
    off_ui_thread(&app, move |session| {
        let plan = plan_for(session, &path, target.as_deref())?;
        let executed = publish_plan(
            &plan,
            force,
            commit.then_some(message.as_str()),
            PushMode::No,
            &mut emit_progress(&progress_app),
        )?
        .executed;
        remember_target(session, target.as_deref())?;
        let in_blog = plan.root == session.workspace()?.root();
        Ok(PublishApplied {
            workspace: session.reload()?,
            changed: plan
                .changes
                .changes
                .iter()
                .filter(|_| in_blog)
                .map(ChangedFile::from)
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

/// Pushes the repository published into (`target`, else the open blog) with the user's `git`;
/// with `rebase` (after a rejected push), a rejection pulls with rebase and pushes again.
#[tauri::command]
pub async fn push_blog(
    app: AppHandle,
    target: Option<String>,
    rebase: bool,
) -> AppResult<PushResult> {
    let progress_app = app.clone();
    off_ui_thread(&app, move |session| {
        let root = push_root(session, target.as_deref())?;
        let run = push_repository(&root, rebase, &mut emit_progress(&progress_app))?;
        Ok(push_result(run))
    })
    .await
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
            action: file_action(c).into(),
            path: rel(&c.path),
            from: c.renamed_from.as_deref().map(rel),
            diff: change_diff(&plan.root, c),
        })
        .collect();
    files.extend(plan.copies.iter().map(|c| PlannedFile {
        action: FileActionView::Copied,
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
                severity: f.severity.into(),
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

fn push_result(run: PushRun) -> PushResult {
    PushResult {
        status: run.outcome.status.into(),
        remote: run.outcome.remote,
        output: run.output,
        message: run.outcome.message,
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
            binding::<FileActionView>,
            binding::<PlannedFile>,
            binding::<PublishPreview>,
            binding::<CommitView>,
            binding::<PublishApplied>,
            binding::<PushStatusView>,
            binding::<PublishStepView>,
            binding::<PushResult>,
        ]);
    }
}
