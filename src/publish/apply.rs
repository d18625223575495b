//! Writing a publish plan all or nothing, and taking it back.
//!
//! Images are copied first (new files only), then the texts go through
//! [`Changeset::apply`](crate::changeset::Changeset::apply), which checks that no file changed
//! since the plan was made and puts back what it wrote when a write fails; a failure there
//! removes the copied images too. [`undo_plan`] reverses an applied plan when a later step
//! (the commit) fails, so the workspace is byte for byte as it was.

use std::fs;
use std::path::{Path, PathBuf};

use super::plan::{FileCopy, PublishPlan};
use crate::fs_util::atomic_write;
use crate::site::gate::{read_admitted, FileKind, Gate};
use crate::{Error, Result};

/// Writes the plan: every file or none. Returns the paths touched.
pub fn apply_plan(plan: &PublishPlan) -> Result<Vec<PathBuf>> {
    let mut created_dirs = Vec::new();
    let mut copied: Vec<&FileCopy> = Vec::new();
    let gate = Gate::new(&plan.root)?;
    for copy in &plan.copies {
        // Checked again now: the plan may be older than a link put in the target since.
        if let Err(e) = gate.check_write_target(&copy.to) {
            remove_copies(&copied, &created_dirs);
            return Err(e);
        }
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
        return Err(Error::Conflict {
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
    // The source was admitted by the blog's gate when planned; read it refusing a link or a
    // FIFO swapped in since, and no more than an image's cap.
    let bytes = read_admitted(&copy.from, FileKind::Image)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changeset::Changeset;

    fn plan_in(root: &Path, changes: Changeset, copies: Vec<FileCopy>) -> PublishPlan {
        PublishPlan {
            root: root.to_path_buf(),
            posts: Vec::new(),
            changes,
            copies,
            findings: Vec::new(),
            message: "Publish: x".into(),
        }
    }

    #[test]
    fn removes_copied_images_and_their_folders_when_a_text_write_fails() {
        let dir = tempfile::tempdir().expect("tempdir");
        let image = dir.path().join("src.png");
        fs::write(&image, b"png").expect("write");
        let a = dir.path().join("a.md");
        fs::write(&a, "A").expect("write");
        let mut changes = Changeset::default();
        changes.set_text(&a, "A2".into()).expect("edit");
        fs::write(&a, "changed elsewhere").expect("write");
        let copy = FileCopy {
            from: image,
            to: dir.path().join("assets/images/x.png"),
            bytes: 3,
        };
        let plan = plan_in(dir.path(), changes, vec![copy]);
        assert!(apply_plan(&plan).is_err());
        assert!(!dir.path().join("assets").exists());
        assert_eq!(fs::read_to_string(&a).expect("a"), "changed elsewhere");
    }

    #[test]
    fn undo_puts_back_moved_changed_and_copied_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (draft, post, part) = (
            dir.path().join("draft.md"),
            dir.path().join("post.md"),
            dir.path().join("part.md"),
        );
        fs::write(&draft, "D").expect("write");
        fs::write(&part, "P").expect("write");
        let image = dir.path().join("src.png");
        fs::write(&image, b"png").expect("write");
        let mut changes = Changeset::default();
        changes.rename(&draft, &post, "D2".into()).expect("move");
        changes.set_text(&part, "P2".into()).expect("edit");
        let copy = FileCopy {
            from: image,
            to: dir.path().join("copy.png"),
            bytes: 3,
        };
        let plan = plan_in(dir.path(), changes, vec![copy]);
        apply_plan(&plan).expect("apply");
        assert_eq!(fs::read_to_string(&post).expect("post"), "D2");
        undo_plan(&plan).expect("undo");
        assert_eq!(fs::read_to_string(&draft).expect("draft"), "D");
        assert_eq!(fs::read_to_string(&part).expect("part"), "P");
        assert!(!post.exists());
        assert!(!dir.path().join("copy.png").exists());
    }
}
