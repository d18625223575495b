//! Publishing a plan in one go: refuse what is blocked, write every file or none, commit,
//! and take the files back when the commit fails. The CLI and the app both call this.

use std::path::PathBuf;

use super::apply::{apply_plan, undo_plan};
use super::git_commit::{commit_plan, staged_conflicts, CommitOutcome};
use super::plan::PublishPlan;
use crate::{Error, Result};

/// What publishing did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Executed {
    /// The paths written or removed (absolute).
    pub touched: Vec<PathBuf>,
    /// The commit, when one was asked for.
    pub commit: Option<CommitOutcome>,
}

/// Applies `plan` (refused when it has errors, or warnings without `force`) and, with a
/// `commit_message`, commits exactly its files. On any failure the files are as they were
/// and no commit is made.
pub fn execute_plan(
    plan: &PublishPlan,
    force: bool,
    commit_message: Option<&str>,
) -> Result<Executed> {
    if !plan.may_apply(force) {
        let (errors, warnings) = (plan.error_count(), plan.warning_count());
        let message = if errors > 0 {
            format!("publishing is blocked by {errors} error(s); nothing was changed")
        } else {
            format!(
                "publishing is blocked by {warnings} warning(s) (force it to publish anyway); \
                 nothing was changed"
            )
        };
        return Err(Error::Blocked {
            path: plan.root.clone(),
            message,
        });
    }
    let paths = plan.touched();
    if commit_message.is_some() {
        let others = staged_conflicts(&plan.root, &paths)?;
        if !others.is_empty() {
            return Err(Error::Conflict {
                path: plan.root.clone(),
                message: format!(
                    "the index already holds staged changes to other files ({}); commit or \
                     unstage them first; nothing was changed",
                    others.join(", ")
                ),
            });
        }
    }
    let touched = apply_plan(plan)?;
    let commit = match commit_message {
        Some(message) => match commit_plan(&plan.root, &paths, message) {
            Ok(outcome) => Some(outcome),
            Err(e) => {
                let undone = undo_plan(plan);
                return Err(match undone {
                    Ok(()) => {
                        commit_failed(plan, format!("{e}; the files were put back as they were"))
                    }
                    Err(u) => {
                        commit_failed(plan, format!("{e}; putting the files back failed too: {u}"))
                    }
                });
            }
        },
        None => None,
    };
    Ok(Executed { touched, commit })
}

/// The commit failed (and the files were put back, or not: the message says).
fn commit_failed(plan: &PublishPlan, message: String) -> Error {
    Error::Git {
        path: plan.root.clone(),
        message,
    }
}
