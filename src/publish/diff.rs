//! The plan as text: the posts published, the files added, changed and moved, each text
//! file's unified diff (what `--dry-run` prints and the app's plan dialog shows).

use std::fmt::Write as _;
use std::path::Path;

use similar::TextDiff;

use super::plan::PublishPlan;
use crate::changeset::FileChange;

/// What happens to one file, for the dialog's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileAction {
    /// A new file.
    Added,
    /// An existing file with a new text.
    Changed,
    /// A file moved (and maybe changed).
    Moved,
}

/// The action of a change.
pub fn file_action(change: &FileChange) -> FileAction {
    match (&change.before, &change.renamed_from) {
        (_, Some(_)) => FileAction::Moved,
        (None, None) => FileAction::Added,
        (Some(_), None) => FileAction::Changed,
    }
}

/// The unified diff (3 lines of context) from `before` to `after`, headed `--- a/old`,
/// `+++ b/new` (`/dev/null` for a new file).
pub fn unified_diff(old_name: Option<&str>, new_name: &str, before: &str, after: &str) -> String {
    let old_header = old_name.map_or_else(|| "/dev/null".to_string(), |n| format!("a/{n}"));
    TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&old_header, &format!("b/{new_name}"))
        .to_string()
}

/// The diff of one change, paths shown relative to `root`.
pub fn change_diff(root: &Path, change: &FileChange) -> String {
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let old = change.before.as_ref().map(|_| rel(change.source_path()));
    unified_diff(
        old.as_deref(),
        &rel(&change.path),
        change.before.as_deref().unwrap_or(""),
        &change.after,
    )
}

/// The whole plan as text: a summary line per file, then the diffs.
pub fn render_plan(plan: &PublishPlan) -> String {
    let root = plan.root.as_path();
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let mut out = String::new();
    for change in &plan.changes.changes {
        let line = match file_action(change) {
            FileAction::Moved => format!(
                "moved    {} -> {}",
                rel(change.source_path()),
                rel(&change.path)
            ),
            FileAction::Added => format!("added    {}", rel(&change.path)),
            FileAction::Changed => format!("changed  {}", rel(&change.path)),
        };
        let _ = writeln!(out, "{line}");
    }
    for copy in &plan.copies {
        let _ = writeln!(out, "copied   {} ({} bytes)", rel(&copy.to), copy.bytes);
    }
    for change in &plan.changes.changes {
        let _ = write!(out, "\n{}", change_diff(root, change));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_with_headers_and_context() {
        let diff = unified_diff(
            Some("_drafts/j4.md"),
            "_posts/2025-06-14-j4.md",
            "a\nb\npublished: false\nc\n",
            "a\nb\nc\n",
        );
        assert!(
            diff.starts_with("--- a/_drafts/j4.md\n+++ b/_posts/2025-06-14-j4.md\n"),
            "{diff}"
        );
        assert!(diff.contains("\n-published: false\n"), "{diff}");
        assert!(diff.contains("\n c\n"), "{diff}");
    }

    #[test]
    fn a_new_file_comes_from_dev_null() {
        let diff = unified_diff(None, "_posts/x.md", "", "hello\n");
        assert!(
            diff.starts_with("--- /dev/null\n+++ b/_posts/x.md\n"),
            "{diff}"
        );
        assert!(diff.contains("+hello"), "{diff}");
    }
}
