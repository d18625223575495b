//! From raw file-system events to the changes the app acts on. Pure: what it needs to know about
//! the disk (does a path exist, is its content Lanyard's own last write) comes through
//! [`FileFacts`], so tests give their own answers.

use std::path::{Component, Path, PathBuf};

use notify_debouncer_full::notify::event::{EventKind, ModifyKind, RenameMode};
use notify_debouncer_full::notify::Event;
use serde::Serialize;

/// What happened to a file of the blog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Its content changed (written in place, or replaced by a rename over it).
    Changed,
    /// It appeared.
    Created,
    /// It is gone.
    Deleted,
    /// It moved to another path of the blog (`path` is the new one, `from` the old one).
    Renamed,
}

/// One change to a file of the blog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlogChange {
    /// What happened.
    pub kind: ChangeKind,
    /// The file (for a rename, its new path).
    pub path: PathBuf,
    /// For a rename, the old path.
    pub from: Option<PathBuf>,
}

impl BlogChange {
    fn new(kind: ChangeKind, path: PathBuf) -> Self {
        BlogChange {
            kind,
            path,
            from: None,
        }
    }
}

/// What the classification needs to know about the disk.
pub trait FileFacts {
    /// Whether `path` exists now.
    fn exists(&self, path: &Path) -> bool;
    /// Whether the state of `path` is Lanyard's own doing (it holds what Lanyard last wrote
    /// there, or Lanyard removed it and it is still absent).
    fn is_own_change(&self, path: &Path) -> bool;
}

/// The real disk, and [`crate::own_writes`].
pub struct DiskFacts;

impl FileFacts for DiskFacts {
    fn exists(&self, path: &Path) -> bool {
        path.exists()
    }
    fn is_own_change(&self, path: &Path) -> bool {
        crate::own_writes::is_own_change(path)
    }
}

/// Folders whose content is never the user's writing: git's, Jekyll's output and caches.
const IGNORED_FOLDERS: &[&str] = &[
    ".git",
    "_site",
    ".jekyll-cache",
    ".sass-cache",
    "node_modules",
];

/// Whether a change to `path` (inside the blog at `root`) is noise: anything under an ignored
/// folder, editor swap and backup files (`.x.swp`, `x~`, `.#x`, `#x#`, vim's `4913` probe),
/// temporary files (Lanyard's own `.lanyard-*.tmp` included), or a path outside the blog.
pub fn is_ignored(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return true;
    };
    let in_ignored_folder = relative.components().any(|c| match c {
        Component::Normal(name) => IGNORED_FOLDERS.iter().any(|f| name == *f),
        _ => false,
    });
    if in_ignored_folder {
        return true;
    }
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swo", ".swx", ".tmp", ".part", ".crdownload"]
            .iter()
            .any(|ext| name.ends_with(ext))
        || name.starts_with(".goutputstream-")
        || name == "4913"
        || name == ".DS_Store"
}

/// The changes that `events` (in the order they happened) made to the blog at `root`, one per
/// path, Lanyard's own writes and ignored files left out.
pub fn classify_events(root: &Path, events: &[Event], facts: &impl FileFacts) -> Vec<BlogChange> {
    let mut changes: Vec<BlogChange> = Vec::new();
    for event in events {
        for change in changes_of(root, event, facts) {
            merge(&mut changes, change);
        }
    }
    changes.retain(|c| !is_own(c, facts));
    changes
}

/// The changes one event stands for, before merging.
fn changes_of(root: &Path, event: &Event, facts: &impl FileFacts) -> Vec<BlogChange> {
    let relevant = |p: &PathBuf| !is_ignored(root, p);
    let each = |kind: ChangeKind| -> Vec<BlogChange> {
        event
            .paths
            .iter()
            .filter(|p| relevant(p))
            .map(|p| BlogChange::new(kind, p.clone()))
            .collect()
    };
    let by_existence = || -> Vec<BlogChange> {
        event
            .paths
            .iter()
            .filter(|p| relevant(p))
            .map(|p| {
                let kind = if facts.exists(p) {
                    ChangeKind::Changed
                } else {
                    ChangeKind::Deleted
                };
                BlogChange::new(kind, p.clone())
            })
            .collect()
    };
    match event.kind {
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => Vec::new(),
        EventKind::Create(_) => each(ChangeKind::Created),
        EventKind::Remove(_) => each(ChangeKind::Deleted),
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => match event.paths.as_slice() {
            [from, to] => rename(root, from, to),
            _ => by_existence(),
        },
        EventKind::Modify(ModifyKind::Name(RenameMode::From)) => each(ChangeKind::Deleted),
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => each(ChangeKind::Created),
        EventKind::Modify(ModifyKind::Name(_)) => by_existence(),
        EventKind::Modify(_) => each(ChangeKind::Changed),
        EventKind::Any | EventKind::Other => by_existence(),
    }
}

/// A rename: between two files of the blog it is a rename; from a temporary or swap file onto a
/// post it is how editors (and Lanyard) save, so the post changed; onto an ignored name, the
/// post is gone.
fn rename(root: &Path, from: &Path, to: &Path) -> Vec<BlogChange> {
    match (is_ignored(root, from), is_ignored(root, to)) {
        (true, true) => Vec::new(),
        (true, false) => vec![BlogChange::new(ChangeKind::Changed, to.to_path_buf())],
        (false, true) => vec![BlogChange::new(ChangeKind::Deleted, from.to_path_buf())],
        (false, false) => vec![BlogChange {
            kind: ChangeKind::Renamed,
            path: to.to_path_buf(),
            from: Some(from.to_path_buf()),
        }],
    }
}

/// Folds `next` into the changes already seen for the same path: a file created then written is
/// created; written then deleted is deleted; deleted then created (a save by replacing) changed;
/// created then deleted never mattered.
fn merge(changes: &mut Vec<BlogChange>, next: BlogChange) {
    use ChangeKind::{Changed, Created, Deleted, Renamed};
    let Some(i) = changes
        .iter()
        .position(|c| c.path == next.path && c.kind != Renamed && next.kind != Renamed)
    else {
        changes.push(next);
        return;
    };
    match (changes[i].kind, next.kind) {
        (Created, Deleted) => {
            changes.remove(i);
        }
        (Created, _) => {}
        (Deleted, Created | Changed) => changes[i].kind = Changed,
        (_, kind) => changes[i].kind = kind,
    }
}

fn is_own(change: &BlogChange, facts: &impl FileFacts) -> bool {
    facts.is_own_change(&change.path)
        && change
            .from
            .as_ref()
            .is_none_or(|from| facts.is_own_change(from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_debouncer_full::notify::event::{CreateKind, DataChange, RemoveKind};
    use std::collections::HashSet;

    const ROOT: &str = "/blog";

    #[derive(Default)]
    struct Facts {
        existing: HashSet<PathBuf>,
        own: HashSet<PathBuf>,
    }

    impl FileFacts for Facts {
        fn exists(&self, path: &Path) -> bool {
            self.existing.contains(path)
        }
        fn is_own_change(&self, path: &Path) -> bool {
            self.own.contains(path)
        }
    }

    fn p(rel: &str) -> PathBuf {
        Path::new(ROOT).join(rel)
    }

    fn event(kind: EventKind, paths: &[&str]) -> Event {
        let mut e = Event::new(kind);
        for path in paths {
            e = e.add_path(p(path));
        }
        e
    }

    fn write(path: &str) -> Event {
        event(
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            &[path],
        )
    }

    fn rename(from: &str, to: &str) -> Event {
        event(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &[from, to],
        )
    }

    fn classify(events: &[Event], facts: &Facts) -> Vec<(ChangeKind, PathBuf)> {
        classify_events(Path::new(ROOT), events, facts)
            .into_iter()
            .map(|c| (c.kind, c.path))
            .collect()
    }

    const POST: &str = "_posts/2025-06-10-jour-1.md";

    #[test]
    fn a_write_in_place_is_a_change() {
        let got = classify(&[write(POST)], &Facts::default());
        assert_eq!(got, [(ChangeKind::Changed, p(POST))]);
    }

    #[test]
    fn an_editor_saving_through_a_temp_file_changes_the_post() {
        let events = [
            event(
                EventKind::Create(CreateKind::File),
                &["_posts/.goutputstream-X1"],
            ),
            write("_posts/.goutputstream-X1"),
            rename("_posts/.goutputstream-X1", POST),
        ];
        assert_eq!(
            classify(&events, &Facts::default()),
            [(ChangeKind::Changed, p(POST))]
        );
    }

    #[test]
    fn vim_backup_dance_is_one_change() {
        // vim: rename post -> post~, write a new post, delete post~ (and its 4913 probe).
        let events = [
            event(EventKind::Create(CreateKind::File), &["_posts/4913"]),
            event(EventKind::Remove(RemoveKind::File), &["_posts/4913"]),
            rename(POST, "_posts/2025-06-10-jour-1.md~"),
            event(EventKind::Create(CreateKind::File), &[POST]),
            write(POST),
            event(
                EventKind::Remove(RemoveKind::File),
                &["_posts/2025-06-10-jour-1.md~"],
            ),
            write("_posts/.2025-06-10-jour-1.md.swp"),
        ];
        assert_eq!(
            classify(&events, &Facts::default()),
            [(ChangeKind::Changed, p(POST))]
        );
    }

    #[test]
    fn deletions_and_renames_between_posts_are_reported() {
        let events = [
            event(EventKind::Remove(RemoveKind::File), &[POST]),
            rename("_drafts/idee.md", "_posts/2025-06-11-idee.md"),
        ];
        let got = classify_events(Path::new(ROOT), &events, &Facts::default());
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].kind, &got[0].path), (ChangeKind::Deleted, &p(POST)));
        assert_eq!(got[1].kind, ChangeKind::Renamed);
        assert_eq!(got[1].path, p("_posts/2025-06-11-idee.md"));
        assert_eq!(got[1].from, Some(p("_drafts/idee.md")));
    }

    #[test]
    fn a_file_created_then_written_is_created_and_a_passing_temp_file_is_nothing() {
        let events = [
            event(EventKind::Create(CreateKind::File), &["_drafts/new.md"]),
            write("_drafts/new.md"),
            event(EventKind::Create(CreateKind::File), &["_drafts/scratch.md"]),
            event(EventKind::Remove(RemoveKind::File), &["_drafts/scratch.md"]),
        ];
        assert_eq!(
            classify(&events, &Facts::default()),
            [(ChangeKind::Created, p("_drafts/new.md"))]
        );
    }

    #[test]
    fn ignores_git_site_caches_swap_files_and_paths_outside_the_blog() {
        let events = [
            write(".git/index"),
            write(".git/refs/heads/main"),
            write("_site/2025/06/10/jour-1.html"),
            write(".jekyll-cache/Jekyll/Cache/x"),
            write("_posts/.jour-1.md.swp"),
            write("_posts/.#jour-1.md"),
            write("_posts/#jour-1.md#"),
            write("_posts/jour-1.md~"),
            write("_posts/.lanyard-abc123.tmp"),
            event(EventKind::Modify(ModifyKind::Data(DataChange::Any)), &[]),
        ];
        let mut outside = Event::new(EventKind::Modify(ModifyKind::Data(DataChange::Any)));
        outside = outside.add_path(PathBuf::from("/elsewhere/_posts/x.md"));
        let mut all = events.to_vec();
        all.push(outside);
        assert_eq!(classify(&all, &Facts::default()), []);
    }

    #[test]
    fn ignores_reads_and_metadata_changes() {
        use notify_debouncer_full::notify::event::{AccessKind, AccessMode, MetadataKind};
        let events = [
            event(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &[POST],
            ),
            event(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
                &[POST],
            ),
        ];
        assert_eq!(classify(&events, &Facts::default()), []);
    }

    #[test]
    fn lanyards_own_writes_and_removals_are_not_reported() {
        let facts = Facts {
            own: [p(POST), p("_posts/2025-06-09-old-name.md")]
                .into_iter()
                .collect(),
            ..Facts::default()
        };
        let events = [
            event(
                EventKind::Create(CreateKind::File),
                &["_posts/.lanyard-x.tmp"],
            ),
            rename("_posts/.lanyard-x.tmp", POST),
            event(
                EventKind::Remove(RemoveKind::File),
                &["_posts/2025-06-09-old-name.md"],
            ),
            write("_posts/2025-06-11-jour-2.md"),
        ];
        assert_eq!(
            classify(&events, &facts),
            [(ChangeKind::Changed, p("_posts/2025-06-11-jour-2.md"))]
        );
    }

    #[test]
    fn an_unpaired_rename_is_told_apart_by_whether_the_file_exists() {
        let facts = Facts {
            existing: [p("_posts/b.md")].into_iter().collect(),
            ..Facts::default()
        };
        let events = [
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Any)),
                &["_posts/a.md"],
            ),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Any)),
                &["_posts/b.md"],
            ),
        ];
        assert_eq!(
            classify(&events, &facts),
            [
                (ChangeKind::Deleted, p("_posts/a.md")),
                (ChangeKind::Changed, p("_posts/b.md"))
            ]
        );
    }

    #[test]
    fn a_file_written_then_deleted_is_deleted() {
        let events = [
            write(POST),
            event(EventKind::Remove(RemoveKind::Any), &[POST]),
        ];
        assert_eq!(
            classify(&events, &Facts::default()),
            [(ChangeKind::Deleted, p(POST))]
        );
    }
}
