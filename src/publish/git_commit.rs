//! One commit of exactly the plan's files, through libgit2 (`git2`): the files are staged in
//! an in-memory copy of the index, the tree is written from it, the commit is made with the
//! repository's configured author, and only then is the index saved. The commit is refused
//! when the index already holds staged changes to other files (they would go into the
//! commit), or when a merge or rebase is in progress.

use std::path::{Path, PathBuf};

use git2::{Repository, RepositoryState};

use crate::{Error, Result};

/// A commit made.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CommitOutcome {
    /// The commit id (hex).
    pub id: String,
    /// Its message.
    pub message: String,
    /// The files it holds, relative to the repository.
    pub files: Vec<String>,
}

/// Staged changes in the repository holding `root` to files outside `paths` (relative
/// paths, sorted). Also an error when `root` is not in a git repository or the repository
/// is in the middle of a merge or rebase.
pub fn staged_conflicts(root: &Path, paths: &[PathBuf]) -> Result<Vec<String>> {
    let (repo, workdir) = open_repo(root)?;
    if repo.state() != RepositoryState::Clean {
        return Err(git_error(
            &workdir,
            "a merge, rebase or cherry-pick is in progress; finish it before publishing",
        ));
    }
    let wanted = relative_paths(&workdir, paths)?;
    let head_tree = match repo.head() {
        Ok(head) => Some(head.peel_to_tree().map_err(|e| from_git(&workdir, e))?),
        Err(_) => None, // unborn branch: everything staged is new
    };
    let index = repo.index().map_err(|e| from_git(&workdir, e))?;
    let diff = repo
        .diff_tree_to_index(head_tree.as_ref(), Some(&index), None)
        .map_err(|e| from_git(&workdir, e))?;
    let mut others: Vec<String> = diff
        .deltas()
        .flat_map(|d| [d.old_file().path(), d.new_file().path()])
        .flatten()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| !wanted.contains(p))
        .collect();
    others.sort();
    others.dedup();
    Ok(others)
}

/// Commits exactly `paths` (absolute; existing files are staged, missing ones removed from
/// the index) with `message`, on the current branch of the repository holding `root`.
pub fn commit_plan(root: &Path, paths: &[PathBuf], message: &str) -> Result<CommitOutcome> {
    let others = staged_conflicts(root, paths)?;
    let (repo, workdir) = open_repo(root)?;
    if !others.is_empty() {
        return Err(git_error(
            &workdir,
            &format!(
                "the index already holds staged changes to other files ({}); commit or unstage \
                 them first",
                others.join(", ")
            ),
        ));
    }
    let message = message.trim();
    if message.is_empty() {
        return Err(git_error(&workdir, "the commit message is empty"));
    }
    let signature = author(&repo, &workdir)?;
    let files = relative_paths(&workdir, paths)?;
    let mut index = repo.index().map_err(|e| from_git(&workdir, e))?;
    let original: Vec<Option<git2::IndexEntry>> = files
        .iter()
        .map(|rel| index.get_path(Path::new(rel), 0))
        .collect();
    for (rel, abs) in files.iter().zip(paths) {
        let result = if abs.exists() {
            index.add_path(Path::new(rel))
        } else {
            index.remove_path(Path::new(rel))
        };
        result.map_err(|e| from_git(abs, e))?;
    }
    let tree_id = index.write_tree().map_err(|e| from_git(&workdir, e))?;
    // Saving the index first takes git's lock: when another git holds it, nothing is
    // committed. A failed commit then puts the plan's entries back as they were.
    index.write().map_err(|e| from_git(&workdir, e))?;
    let committed = commit_tree(&repo, &workdir, &signature, tree_id, message);
    if committed.is_err() {
        restore_entries(&mut index, &files, &original);
    }
    let id = committed?;
    let mut files = files;
    files.sort();
    Ok(CommitOutcome {
        id: id.to_string(),
        message: message.to_string(),
        files,
    })
}

/// The repository's configured author (`user.name`, `user.email`).
fn author(repo: &Repository, workdir: &Path) -> Result<git2::Signature<'static>> {
    repo.signature().map_err(|e| {
        git_error(
            workdir,
            &format!(
                "git has no author configured ({}); set `git config user.name` and \
                 `git config user.email`",
                e.message()
            ),
        )
    })
}

/// Commits the tree `tree_id` on HEAD.
fn commit_tree(
    repo: &Repository,
    workdir: &Path,
    signature: &git2::Signature<'_>,
    tree_id: git2::Oid,
    message: &str,
) -> Result<git2::Oid> {
    let tree = repo.find_tree(tree_id).map_err(|e| from_git(workdir, e))?;
    let parent = match repo.head() {
        Ok(head) => Some(head.peel_to_commit().map_err(|e| from_git(workdir, e))?),
        Err(_) => None,
    };
    let parents: Vec<&git2::Commit> = parent.iter().collect();
    repo.commit(Some("HEAD"), signature, signature, message, &tree, &parents)
        .map_err(|e| from_git(workdir, e))
}

/// Puts the index entries of `files` back as they were (after a failed commit).
fn restore_entries(
    index: &mut git2::Index,
    files: &[String],
    original: &[Option<git2::IndexEntry>],
) {
    for (rel, entry) in files.iter().zip(original) {
        let _ = match entry {
            Some(entry) => index.add(entry),
            None => index.remove_path(Path::new(rel)),
        };
    }
    let _ = index.write();
}

/// The work tree of the git repository holding `root`, if it is in one.
pub fn repository_of(root: &Path) -> Option<PathBuf> {
    open_repo(root).ok().map(|(_, workdir)| workdir)
}

/// The repository holding `root` and its work tree (canonical).
fn open_repo(root: &Path) -> Result<(Repository, PathBuf)> {
    let repo = Repository::discover(root)
        .map_err(|_| git_error(root, "is not in a git repository; publishing cannot commit"))?;
    let workdir = repo
        .workdir()
        .ok_or_else(|| git_error(root, "is in a bare git repository"))?;
    let workdir = workdir.canonicalize().map_err(|e| Error::io(workdir, e))?;
    Ok((repo, workdir))
}

/// `paths` relative to the work tree, `/`-separated; a path outside it is an error.
fn relative_paths(workdir: &Path, paths: &[PathBuf]) -> Result<Vec<String>> {
    paths
        .iter()
        .map(|p| {
            let canonical = match (p.parent(), p.file_name()) {
                (Some(dir), Some(name)) => dir
                    .canonicalize()
                    .map(|d| d.join(name))
                    .unwrap_or_else(|_| p.clone()),
                _ => p.clone(),
            };
            canonical
                .strip_prefix(workdir)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .map_err(|_| git_error(p, "is outside the git repository"))
        })
        .collect()
}

fn git_error(path: &Path, message: &str) -> Error {
    Error::Git {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

fn from_git(path: &Path, e: git2::Error) -> Error {
    git_error(path, &format!("git: {}", e.message()))
}
