//! Pushing through the user's own `git` (their remotes, credentials, SSH agent and helpers),
//! never through a library that would need its own. The output is kept for the user and
//! streamed line by line while git runs (its progress included); a push that does not end
//! within its timeout is stopped. A rejected push (the remote moved on), an unreachable remote
//! and a timeout are told apart, each message names the remote, and in every case the local
//! commit stays, ready to push again.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::{Error, Result};

/// How long a push or a pull may run before it is stopped: a remote that never answers, or a
/// credential helper waiting for a prompt nobody sees, must not hold the app forever.
pub const DEFAULT_GIT_TIMEOUT: Duration = Duration::from_secs(120);

/// The environment variable that sets the push and pull timeout, in whole seconds.
pub const GIT_TIMEOUT_VAR: &str = "LANYARD_GIT_TIMEOUT_SECS";

/// The push and pull timeout: [`GIT_TIMEOUT_VAR`] when it holds a number of seconds (at least
/// 1), else [`DEFAULT_GIT_TIMEOUT`].
pub fn git_timeout() -> Duration {
    timeout_from(std::env::var(GIT_TIMEOUT_VAR).ok().as_deref())
}

/// The timeout a setting's text asks for; the default for no setting or one that is not a
/// positive whole number of seconds.
fn timeout_from(setting: Option<&str>) -> Duration {
    setting
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|&secs| secs > 0)
        .map_or(DEFAULT_GIT_TIMEOUT, Duration::from_secs)
}

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
    /// git did not finish within the timeout and was stopped: push again later.
    TimedOut,
    /// Anything else (no remote configured, a hook refused it).
    Failed,
}

/// A push (or pull) and what `git` printed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PushOutcome {
    /// How it ended.
    pub status: PushStatus,
    /// `git`'s stdout and stderr (progress updates left out).
    pub output: String,
    /// A sentence for the user, naming the remote.
    pub message: String,
    /// The remote pushed to (or pulled from), as the repository names it (`origin`); empty when
    /// the repository has none.
    pub remote: String,
}

/// How a push or pull runs: its timeout, and who sees git's lines as they come.
pub struct GitRunOptions<'a> {
    /// Stop git after this long ([`DEFAULT_GIT_TIMEOUT`] by default).
    pub timeout: Duration,
    /// Called with each line git prints (progress updates included), while it runs.
    pub on_line: &'a mut dyn FnMut(&str),
}

/// Pushes the current branch of the repository holding `root` (see [`push_with`]), with the
/// configured timeout ([`git_timeout`]) and no progress shown.
pub fn push(root: &Path) -> Result<PushOutcome> {
    push_with(
        root,
        GitRunOptions {
            timeout: git_timeout(),
            on_line: &mut |_: &str| {},
        },
    )
}

/// `git pull --rebase` (see [`pull_rebase_with`]), with the configured timeout.
pub fn pull_rebase(root: &Path) -> Result<PushOutcome> {
    pull_rebase_with(
        root,
        GitRunOptions {
            timeout: git_timeout(),
            on_line: &mut |_: &str| {},
        },
    )
}

/// Pushes the current branch of the repository holding `root`: to its upstream, else to
/// `origin` under the same name, with `--progress` so git reports while it sends.
pub fn push_with(root: &Path, options: GitRunOptions<'_>) -> Result<PushOutcome> {
    let (_, remotes) = git(root, &["remote"])?;
    let Some(first_remote) = remotes.lines().map(str::trim).find(|r| !r.is_empty()) else {
        return Ok(PushOutcome {
            status: PushStatus::Failed,
            output: String::new(),
            message: "the repository has no remote to push to; your commit stays local \
                      (add one with `git remote add origin URL`)"
                .into(),
            remote: String::new(),
        });
    };
    let (has_upstream, upstream) = git(
        root,
        &["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"],
    )?;
    let remote = if has_upstream {
        // `origin/main`: the remote's name is what comes before the first slash.
        upstream.trim().split('/').next().unwrap_or(first_remote)
    } else {
        "origin"
    }
    .to_string();
    let args: &[&str] = if has_upstream {
        &["push", "--progress"]
    } else {
        &["push", "--progress", "origin", "HEAD"]
    };
    let run = git_streamed(root, args, options)?;
    let status = if run.timed_out {
        PushStatus::TimedOut
    } else if run.ok {
        PushStatus::Pushed
    } else {
        classify_failure(&run.output)
    };
    let shown = remote_shown(root, &remote);
    let message = match status {
        PushStatus::Pushed | PushStatus::Pulled => format!("pushed to {shown}"),
        PushStatus::Rejected => format!(
            "{shown} has commits this repository does not have; pull them with rebase, then \
             push again (your commit stays local)"
        ),
        PushStatus::Unreachable => {
            format!("{shown} cannot be reached; your commit stays local and can be pushed later")
        }
        PushStatus::TimedOut => format!(
            "git push to {shown} did not finish within {} s and was stopped; your commit stays \
             local and can be pushed later",
            run.timeout.as_secs()
        ),
        PushStatus::Failed => format!(
            "git push to {shown} failed; your commit stays local, ready to push again (see \
             git's output)"
        ),
    };
    Ok(PushOutcome {
        status,
        output: run.output,
        message,
        remote,
    })
}

/// `git pull --rebase` in the repository holding `root` (after a rejected push). A failed
/// rebase is aborted, so the branch is as it was.
pub fn pull_rebase_with(root: &Path, options: GitRunOptions<'_>) -> Result<PushOutcome> {
    let remote = git(root, &["remote"])?
        .1
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    let run = git_streamed(root, &["pull", "--rebase", "--progress"], options)?;
    if run.ok && !run.timed_out {
        return Ok(PushOutcome {
            status: PushStatus::Pulled,
            output: run.output,
            message: "pulled; your commit is now on top of the remote's".into(),
            remote,
        });
    }
    let (_, abort) = git(root, &["rebase", "--abort"]).unwrap_or((false, String::new()));
    let status = if run.timed_out {
        PushStatus::TimedOut
    } else {
        classify_failure(&run.output)
    };
    Ok(PushOutcome {
        status,
        output: format!("{}{abort}", run.output),
        message: format!(
            "git pull --rebase from {} failed; the branch is as it was (see git's output)",
            remote_shown(root, &remote)
        ),
        remote,
    })
}

/// `origin (git@example.org:blog.git)`: the remote's name and where it points, for messages.
fn remote_shown(root: &Path, remote: &str) -> String {
    match git(root, &["remote", "get-url", remote]) {
        Ok((true, url)) if !url.trim().is_empty() => format!("{remote} ({})", url.trim()),
        _ => remote.to_string(),
    }
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

/// The `git` command for `root`: never a terminal prompt (there is no terminal to answer it),
/// messages in English (the wording is classified).
fn git_command(root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .stdin(Stdio::null());
    command
}

fn cannot_run(root: &Path, e: &std::io::Error) -> Error {
    Error::io(
        root,
        std::io::Error::new(e.kind(), format!("cannot run git: {e}")),
    )
}

/// Runs a quick local `git -C root ARGS`; (success, stdout + stderr).
fn git(root: &Path, args: &[&str]) -> Result<(bool, String)> {
    let out = git_command(root, args)
        .output()
        .map_err(|e| cannot_run(root, &e))?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    Ok((out.status.success(), text))
}

/// How a streamed git run ended.
struct GitRun {
    ok: bool,
    timed_out: bool,
    output: String,
    timeout: Duration,
}

/// One piece of git's output: a line, and whether it ended with `\r` (a progress update that
/// the next one overwrites, shown live but not kept).
type Piece = (String, bool);

/// Runs a git command that talks to a remote: each line goes to `on_line` as it comes, and the
/// whole process group (git and the ssh or https helper it started) is stopped at the timeout.
fn git_streamed(root: &Path, args: &[&str], options: GitRunOptions<'_>) -> Result<GitRun> {
    let mut command = git_command(root, args);
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|e| cannot_run(root, &e))?;
    let (tx, rx) = mpsc::channel::<Piece>();
    if let Some(out) = child.stdout.take() {
        forward_pieces(out, tx.clone());
    }
    if let Some(err) = child.stderr.take() {
        forward_pieces(err, tx);
    }
    let deadline = Instant::now() + options.timeout;
    let mut output = String::new();
    let mut timed_out = false;
    loop {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok((line, progress)) => {
                (options.on_line)(&line);
                if !progress {
                    output.push_str(&line);
                    output.push('\n');
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                timed_out = true;
                break;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    // Both pipes are closed (or time is up): wait for the exit, within what is left of the time.
    let ok = loop {
        match child.try_wait().map_err(|e| Error::io(root, e))? {
            Some(status) => break status.success(),
            None if timed_out || Instant::now() >= deadline => {
                timed_out = true;
                stop(&mut child);
                break false;
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    Ok(GitRun {
        ok,
        timed_out,
        output,
        timeout: options.timeout,
    })
}

/// Reads `pipe` on its own thread and sends its pieces, split at `\n` and `\r`.
fn forward_pieces(mut pipe: impl Read + Send + 'static, tx: mpsc::Sender<Piece>) {
    std::thread::spawn(move || {
        let mut pending = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            for &byte in &buf[..n] {
                if byte == b'\n' || byte == b'\r' {
                    let line = String::from_utf8_lossy(&pending).trim_end().to_string();
                    pending.clear();
                    if !line.is_empty() && tx.send((line, byte == b'\r')).is_err() {
                        return;
                    }
                } else {
                    pending.push(byte);
                }
            }
        }
        let rest = String::from_utf8_lossy(&pending).trim_end().to_string();
        if !rest.is_empty() {
            let _ = tx.send((rest, false));
        }
    });
}

/// Stops git and every helper it started (they share its process group).
fn stop(child: &mut Child) {
    #[cfg(unix)]
    {
        // No `unsafe` (and no libc) in this crate: `kill` the group through the system's command.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
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

    #[test]
    fn the_timeout_is_a_positive_number_of_seconds_else_the_default() {
        assert_eq!(timeout_from(Some("30")), Duration::from_secs(30));
        assert_eq!(timeout_from(Some(" 5 ")), Duration::from_secs(5));
        for bad in [
            None,
            Some(""),
            Some("0"),
            Some("-3"),
            Some("2m"),
            Some("1.5"),
        ] {
            assert_eq!(timeout_from(bad), DEFAULT_GIT_TIMEOUT, "{bad:?}");
        }
    }

    /// A repository with one commit whose `origin` is `url`.
    fn repo_with_remote(url: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        let run = |args: &[&str]| {
            let (ok, out) = git(dir.path(), args).expect("git");
            assert!(ok, "git {args:?}: {out}");
        };
        run(&["init", "-q", "-b", "main"]);
        run(&[
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "one",
        ]);
        run(&["remote", "add", "origin", url]);
        dir
    }

    #[test]
    fn stops_a_push_that_does_not_end_and_keeps_the_commit() {
        // A transport that never answers: git's `ext::` remote runs this command as the server.
        let repo = repo_with_remote("ext::sh -c sleep% 600");
        let (ok, _) = git(repo.path(), &["config", "protocol.ext.allow", "always"]).expect("git");
        assert!(ok);
        let outcome = push_with(
            repo.path(),
            GitRunOptions {
                timeout: Duration::from_millis(500),
                on_line: &mut |_: &str| {},
            },
        )
        .expect("push");
        assert_eq!(outcome.status, PushStatus::TimedOut);
        assert_eq!(outcome.remote, "origin");
        assert!(
            outcome.message.contains("origin (ext::sh"),
            "{}",
            outcome.message
        );
        assert!(
            outcome.message.contains("stays local"),
            "{}",
            outcome.message
        );
        let (_, count) = git(repo.path(), &["rev-list", "--count", "HEAD"]).expect("git");
        assert_eq!(count.trim(), "1");
    }

    #[test]
    fn streams_gits_lines_and_names_the_remote_when_it_is_unreachable() {
        let missing = tempfile::tempdir().expect("tempdir");
        let url = missing.path().join("none.git").display().to_string();
        let repo = repo_with_remote(&url);
        let mut lines = Vec::new();
        let outcome = push_with(
            repo.path(),
            GitRunOptions {
                timeout: DEFAULT_GIT_TIMEOUT,
                on_line: &mut |line: &str| lines.push(line.to_string()),
            },
        )
        .expect("push");
        assert_eq!(outcome.status, PushStatus::Unreachable);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("does not appear to be a git repository")),
            "{lines:?}"
        );
        assert!(
            outcome.message.contains(&format!("origin ({url})")),
            "{}",
            outcome.message
        );
        assert!(
            outcome.message.contains("can be pushed later"),
            "{}",
            outcome.message
        );
    }

    #[test]
    fn pushes_to_a_bare_remote_with_progress_lines() {
        let remote = tempfile::tempdir().expect("tempdir");
        let (ok, out) = git(remote.path(), &["init", "-q", "--bare"]).expect("git");
        assert!(ok, "{out}");
        let repo = repo_with_remote(&remote.path().display().to_string());
        let mut lines = Vec::new();
        let outcome = push_with(
            repo.path(),
            GitRunOptions {
                timeout: DEFAULT_GIT_TIMEOUT,
                on_line: &mut |line: &str| lines.push(line.to_string()),
            },
        )
        .expect("push");
        assert_eq!(outcome.status, PushStatus::Pushed, "{}", outcome.output);
        assert!(lines.iter().any(|l| l.contains("-> main")), "{lines:?}");
    }
}
