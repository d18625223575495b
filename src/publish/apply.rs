//! Writing a publish plan all or nothing, and taking it back.
//!
//! Images are copied first (new files only), then the texts go through
//! [`Changeset::apply`](crate::series::Changeset::apply), which checks that no file changed
//! since the plan was made and puts back what it wrote when a write fails; a failure there
//! removes the copied images too. [`undo_plan`] reverses an applied plan when a later step
//! (the commit) fails, so the workspace is byte for byte as it was.

use std::fs;
use std::path::{Path, PathBuf};

use super::plan::{FileCopy, PublishPlan};
use crate::fs_util::atomic_write;
use crate::{Error, Result};

/// Writes the plan: every file or none. Returns the paths touched.
pub fn apply_plan(plan: &PublishPlan) -> Result<Vec<PathBuf>> {
    let mut created_dirs = Vec::new();
    let mut copied: Vec<&FileCopy> = Vec::new();
    for copy in &plan.copies {
        if let Err(e) = copy_file(copy, &mut created_dirs) {
            remove_copies(&copied, &created_dirs);
            return Err(e);
        }
        copied.push(copy);
    }
    if let Err(e) = plan.changes.apply() {
        remove_copies(&copied, &created_dirs);
        return Err(e);
    }
    Ok(plan.touched())
}

/// Reverses an applied plan: old texts back at their old paths, new files and copies removed.
/// Every step is tried; the first failure is returned.
pub fn undo_plan(plan: &PublishPlan) -> Result<()> {
    let mut first_error = None;
    let mut keep = |r: Result<()>| {
        if let Err(e) = r {
            first_error.get_or_insert(e);
        }
    };
    for change in plan.changes.changes.iter().rev() {
        match (&change.before, &change.renamed_from) {
            (Some(before), Some(from)) => {
                keep(atomic_write(from, before.as_bytes()));
                keep(remove(&change.path));
            }
            (Some(before), None) => keep(atomic_write(&change.path, before.as_bytes())),
            (None, _) => keep(remove(&change.path)),
        }
    }
    for copy in &plan.copies {
        keep(remove(&copy.to));
    }
    first_error.map_or(Ok(()), Err)
}

/// Copies one image to a path that must not exist, creating its folders (remembered, to be
/// removed again on failure).
fn copy_file(copy: &FileCopy, created_dirs: &mut Vec<PathBuf>) -> Result<()> {
    if copy.to.exists() {
        return Err(Error::Invalid {
            path: copy.to.clone(),
            message: "already exists; Lanyard will not overwrite it".into(),
        });
    }
    if let Some(dir) = copy.to.parent() {
        let mut missing: Vec<PathBuf> = dir
            .ancestors()
            .take_while(|d| !d.exists())
            .map(Path::to_path_buf)
            .collect();
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        missing.reverse();
        created_dirs.extend(missing);
    }
    let bytes = fs::read(&copy.from).map_err(|e| Error::io(&copy.from, e))?;
    atomic_write(&copy.to, &bytes)
}

fn remove_copies(copied: &[&FileCopy], created_dirs: &[PathBuf]) {
    for copy in copied {
        let _ = fs::remove_file(&copy.to);
    }
    for dir in created_dirs.iter().rev() {
        let _ = fs::remove_dir(dir);
    }
}

fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}
