//! The publishing sequence in one place: write the plan and commit it ([`execute_plan`]), then
//! push; when the remote moved on and the caller allows it, `git pull --rebase` and push again.
//! The CLI (`lanyard publish --commit --push --rebase`) and the app (the publish dialog's
//! Publish, Push, and "Pull and push" buttons) both run it, each step reported through a
//! progress callback as it starts and ends.

use std::path::Path;

use super::execute::{execute_plan, Executed};
use super::git_push::{
    git_timeout, pull_rebase_with, push_with, GitRunOptions, PushOutcome, PushStatus,
};
use super::plan::PublishPlan;
use crate::Result;

/// One step of the sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishStep {
    /// Writing the plan's files (and committing them, when asked).
    Write,
    /// `git push`.
    Push,
    /// `git pull --rebase`, after a rejected push.
    PullRebase,
    /// `git push` again, after the pull.
    PushAgain,
}

/// What the progress callback hears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishProgress<'a> {
    /// A step starts.
    Started(PublishStep),
    /// The files are written (and committed, when asked).
    Written(&'a Executed),
    /// A line git printed while a step runs (its progress included).
    Line(&'a str),
    /// A git step ended, with what git printed.
    Finished(PublishStep, &'a PushOutcome),
}

/// How to push after writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushMode {
    /// Do not push.
    No,
    /// Push once; a rejection is reported.
    Push,
    /// Push; when rejected, pull with rebase and push again.
    PushOrRebase,
}

/// What the sequence did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The files written and the commit.
    pub executed: Executed,
    /// How the push ended (`None`: not asked for).
    pub push: Option<PushRun>,
}

/// A push, with the pull and second push it may have needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushRun {
    /// The last git step's outcome: the push, or a failed pull.
    pub outcome: PushOutcome,
    /// Every git step's output, in order.
    pub output: String,
}

impl PushRun {
    /// Whether the remote has the commits.
    pub fn pushed(&self) -> bool {
        self.outcome.status == PushStatus::Pushed
    }
}

/// Writes `plan` (refused when blocked, see [`execute_plan`]), commits it with
/// `commit_message`, then pushes as `mode` says. A failed push leaves the commit in place: it
/// is reported in [`Published::push`], not as an error.
pub fn publish_plan(
    plan: &PublishPlan,
    force: bool,
    commit_message: Option<&str>,
    mode: PushMode,
    progress: &mut dyn FnMut(PublishProgress<'_>),
) -> Result<Published> {
    progress(PublishProgress::Started(PublishStep::Write));
    let executed = execute_plan(plan, force, commit_message)?;
    progress(PublishProgress::Written(&executed));
    let push = match mode {
        PushMode::No => None,
        PushMode::Push => Some(push_repository(&plan.root, false, progress)?),
        PushMode::PushOrRebase => Some(push_repository(&plan.root, true, progress)?),
    };
    Ok(Published { executed, push })
}

/// Pushes the repository holding `root`; when the push is rejected and `rebase` is set, pulls
/// with rebase and pushes again (a failed rebase is aborted, the branch as it was). Each git
/// step stops after [`git_timeout`], its lines reported as [`PublishProgress::Line`].
pub fn push_repository(
    root: &Path,
    rebase: bool,
    progress: &mut dyn FnMut(PublishProgress<'_>),
) -> Result<PushRun> {
    let mut output = String::new();
    let first = run_step(root, PublishStep::Push, push_with, progress, &mut output)?;
    if first.status != PushStatus::Rejected || !rebase {
        return Ok(PushRun {
            outcome: first,
            output,
        });
    }
    let pulled = run_step(
        root,
        PublishStep::PullRebase,
        pull_rebase_with,
        progress,
        &mut output,
    )?;
    if pulled.status != PushStatus::Pulled {
        return Ok(PushRun {
            outcome: pulled,
            output,
        });
    }
    let again = run_step(
        root,
        PublishStep::PushAgain,
        push_with,
        progress,
        &mut output,
    )?;
    Ok(PushRun {
        outcome: again,
        output,
    })
}

/// One git step: announced, run with the timeout and its lines reported, then its output kept.
fn run_step(
    root: &Path,
    step: PublishStep,
    git: fn(&Path, GitRunOptions<'_>) -> Result<PushOutcome>,
    progress: &mut dyn FnMut(PublishProgress<'_>),
    output: &mut String,
) -> Result<PushOutcome> {
    progress(PublishProgress::Started(step));
    let mut on_line = |line: &str| progress(PublishProgress::Line(line));
    let outcome = git(
        root,
        GitRunOptions {
            timeout: git_timeout(),
            on_line: &mut on_line,
        },
    )?;
    output.push_str(&outcome.output);
    progress(PublishProgress::Finished(step, &outcome));
    Ok(outcome)
}
