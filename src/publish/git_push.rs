//! Pushing through the user's own `git` (their remotes, credentials, SSH agent and helpers),
//! never through a library that would need its own. The output is kept for the user; a
//! rejected push (the remote moved on) and an unreachable remote are told apart, and in both
//! cases the local commit stays.

use std::path::Path;
use std::process::Command;

use crate::{Error, Result};

/// How a push ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PushStatus {
    /// The remote has the commits.
    Pushed,
    /// `git pull --rebase` succeeded: the local commits are on top of the remote's, to push.
    Pulled,
    /// The remote has commits the local branch lacks: pull with rebase, then push again.
    Rejected,
    /// The remote could not be reached (offline, wrong address, closed port): push later.
    Unreachable,
    /// Anything else (no remote configured, a hook refused it).
    Failed,
}

/// A push (or pull) and what `git` printed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PushOutcome {
    /// How it ended.
    pub status: PushStatus,
    /// `git`'s stdout and stderr.
    pub output: String,
    /// A sentence for the user.
    pub message: String,
}

/// Pushes the current branch of the repository holding `root`: to its upstream, else to
/// `origin` under the same name.
pub fn push(root: &Path) -> Result<PushOutcome> {
    let (_, remotes) = git(root, &["remote"])?;
    if remotes.trim().is_empty() {
        return Ok(PushOutcome {
            status: PushStatus::Failed,
            output: String::new(),
            message: "the repository has no remote to push to; your commit is kept \
                      (add one with `git remote add origin URL`)"
                .into(),
        });
    }
    let has_upstream = git(
        root,
        &["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"],
    )?
    .0;
    let args: &[&str] = if has_upstream {
        &["push"]
    } else {
        &["push", "origin", "HEAD"]
    };
    let (ok, output) = git(root, args)?;
    let status = if ok {
        PushStatus::Pushed
    } else {
        classify_failure(&output)
    };
    let message = match status {
        PushStatus::Pushed | PushStatus::Pulled => "pushed".to_string(),
        PushStatus::Rejected => "the remote has commits this repository does not have; pull \
                                 them with rebase, then push again (your commit is kept)"
            .to_string(),
        PushStatus::Unreachable => "the remote cannot be reached; your commit is kept and can \
                                    be pushed later"
            .to_string(),
        PushStatus::Failed => "git push failed; your commit is kept (see git's output)".to_string(),
    };
    Ok(PushOutcome {
        status,
        output,
        message,
    })
}

/// `git pull --rebase` in the repository holding `root` (after a rejected push). A failed
/// rebase is aborted, so the branch is as it was.
pub fn pull_rebase(root: &Path) -> Result<PushOutcome> {
    let (ok, output) = git(root, &["pull", "--rebase"])?;
    if ok {
        return Ok(PushOutcome {
            status: PushStatus::Pulled,
            output,
            message: "pulled; your commit is now on top of the remote's".into(),
        });
    }
    let (_, abort) = git(root, &["rebase", "--abort"]).unwrap_or((false, String::new()));
    Ok(PushOutcome {
        status: classify_failure(&output),
        output: format!("{output}{abort}"),
        message: "git pull --rebase failed; the branch is as it was (see git's output)".into(),
    })
}

/// Tells a rejected push from an unreachable remote by git's wording.
fn classify_failure(output: &str) -> PushStatus {
    const REJECTED: &[&str] = &[
        "[rejected]",
        "non-fast-forward",
        "fetch first",
        "Updates were rejected",
    ];
    const UNREACHABLE: &[&str] = &[
        "Could not resolve host",
        "Connection refused",
        "Failed to connect",
        "Could not read from remote",
        "does not appear to be a git repository",
        "unable to access",
        "Network is unreachable",
        "timed out",
        "No route to host",
    ];
    if REJECTED.iter().any(|w| output.contains(w)) {
        PushStatus::Rejected
    } else if UNREACHABLE.iter().any(|w| output.contains(w)) {
        PushStatus::Unreachable
    } else {
        PushStatus::Failed
    }
}

/// Runs `git -C root ARGS` without a terminal prompt; (success, stdout + stderr).
fn git(root: &Path, args: &[&str]) -> Result<(bool, String)> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .output()
        .map_err(|e| {
            Error::io(
                root,
                std::io::Error::new(e.kind(), format!("cannot run git: {e}")),
            )
        })?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    Ok((out.status.success(), text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_rejected_from_unreachable() {
        assert_eq!(
            classify_failure(" ! [rejected]        main -> main (fetch first)\n"),
            PushStatus::Rejected
        );
        assert_eq!(
            classify_failure("fatal: unable to access 'http://127.0.0.1:9/x/': Failed to connect"),
            PushStatus::Unreachable
        );
        assert_eq!(
            classify_failure("fatal: '/tmp/none' does not appear to be a git repository"),
            PushStatus::Unreachable
        );
        assert_eq!(
            classify_failure("remote: hook declined"),
            PushStatus::Failed
        );
    }
}
