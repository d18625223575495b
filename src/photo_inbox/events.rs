//! What a file-system event in the inbox folder means for the tray: a photo appeared, or one
//! went away. Phone sync tools write a hidden or temporary file first and rename it when it is
//! complete, so only final photo names count.

use std::path::{Path, PathBuf};

use notify_debouncer_full::notify::event::{EventKind, ModifyKind, RenameMode};
use notify_debouncer_full::notify::Event;

/// One change of the inbox, as the tray sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InboxChange {
    /// A photo was added (or rewritten): show it, make its thumbnail.
    Added(PathBuf),
    /// A photo is gone (deleted, or renamed away).
    Removed(PathBuf),
}

/// Extensions the tray shows (HEIC/HEIF and AVIF decode through libheif).
const PHOTO_EXTENSIONS: [&str; 7] = ["jpg", "jpeg", "png", "webp", "heic", "heif", "avif"];

/// Whether `path` names a finished photo: a photo extension, not hidden (`.IMG_1.jpg.tmp`,
/// `.syncthing.*`), not a partial download (`~`, `.part`, `.tmp`, `.crdownload`).
pub fn is_inbox_photo(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if name.starts_with('.') || name.starts_with('~') || name.ends_with('~') {
        return false;
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| PHOTO_EXTENSIONS.iter().any(|p| ext.eq_ignore_ascii_case(p)))
}

/// The inbox changes an event stands for (none for reads, folders, temporary files).
pub fn classify_event(event: &Event) -> Vec<InboxChange> {
    let photos = |paths: &[PathBuf]| -> Vec<PathBuf> {
        paths
            .iter()
            .filter(|p| is_inbox_photo(p))
            .cloned()
            .collect()
    };
    match event.kind {
        EventKind::Create(_) | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any) => {
            photos(&event.paths)
                .into_iter()
                .map(InboxChange::Added)
                .collect()
        }
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => photos(&event.paths)
            .into_iter()
            .map(InboxChange::Added)
            .collect(),
        EventKind::Modify(ModifyKind::Name(RenameMode::From)) | EventKind::Remove(_) => {
            photos(&event.paths)
                .into_iter()
                .map(InboxChange::Removed)
                .collect()
        }
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
            let mut changes = Vec::new();
            if let Some(from) = event.paths.first().filter(|p| is_inbox_photo(p)) {
                changes.push(InboxChange::Removed(from.clone()));
            }
            if let Some(to) = event.paths.get(1).filter(|p| is_inbox_photo(p)) {
                changes.push(InboxChange::Added(to.clone()));
            }
            changes
        }
        // A rename whose side is unknown: whatever exists now is there, the rest is gone.
        EventKind::Modify(ModifyKind::Name(_)) => photos(&event.paths)
            .into_iter()
            .map(|p| {
                if p.exists() {
                    InboxChange::Added(p)
                } else {
                    InboxChange::Removed(p)
                }
            })
            .collect(),
        EventKind::Access(_)
        | EventKind::Modify(ModifyKind::Metadata(_) | ModifyKind::Other)
        | EventKind::Any
        | EventKind::Other => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_debouncer_full::notify::event::{
        AccessKind, CreateKind, DataChange, MetadataKind, RemoveKind,
    };

    fn event(kind: EventKind, paths: &[&str]) -> Event {
        let mut event = Event::new(kind);
        for p in paths {
            event = event.add_path(PathBuf::from(p));
        }
        event
    }

    fn added(p: &str) -> InboxChange {
        InboxChange::Added(PathBuf::from(p))
    }

    fn removed(p: &str) -> InboxChange {
        InboxChange::Removed(PathBuf::from(p))
    }

    #[test]
    fn a_new_or_rewritten_photo_is_added() {
        let create = event(EventKind::Create(CreateKind::File), &["/in/IMG_1.JPG"]);
        assert_eq!(classify_event(&create), vec![added("/in/IMG_1.JPG")]);
        let write = event(
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            &["/in/shot.png"],
        );
        assert_eq!(classify_event(&write), vec![added("/in/shot.png")]);
    }

    #[test]
    fn a_temporary_file_renamed_to_its_final_name_is_added_once() {
        let both = event(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &["/in/.syncthing.IMG_2.jpg.tmp", "/in/IMG_2.jpg"],
        );
        assert_eq!(classify_event(&both), vec![added("/in/IMG_2.jpg")]);
        let to = event(
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            &["/in/IMG_2.jpg"],
        );
        assert_eq!(classify_event(&to), vec![added("/in/IMG_2.jpg")]);
    }

    #[test]
    fn a_deleted_or_renamed_away_photo_is_removed() {
        let remove = event(EventKind::Remove(RemoveKind::File), &["/in/IMG_3.jpeg"]);
        assert_eq!(classify_event(&remove), vec![removed("/in/IMG_3.jpeg")]);
        let both = event(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &["/in/IMG_3.jpg", "/in/IMG_3.jpg~"],
        );
        assert_eq!(classify_event(&both), vec![removed("/in/IMG_3.jpg")]);
    }

    #[test]
    fn reads_metadata_changes_partial_files_and_other_files_are_ignored() {
        let ignored = [
            event(EventKind::Access(AccessKind::Any), &["/in/IMG_1.jpg"]),
            event(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::Permissions)),
                &["/in/IMG_1.jpg"],
            ),
            event(EventKind::Create(CreateKind::File), &["/in/.IMG_1.jpg"]),
            event(EventKind::Create(CreateKind::File), &["/in/IMG_1.jpg.part"]),
            event(EventKind::Create(CreateKind::File), &["/in/IMG_1.jpg~"]),
            event(EventKind::Create(CreateKind::File), &["/in/notes.txt"]),
            event(EventKind::Create(CreateKind::Folder), &["/in/Camera"]),
            event(EventKind::Any, &["/in/IMG_1.jpg"]),
        ];
        for e in ignored {
            assert_eq!(classify_event(&e), Vec::new(), "{e:?}");
        }
    }

    #[test]
    fn photo_names_are_recognised_whatever_the_case() {
        for name in ["a.jpg", "a.JPEG", "a.Png", "a.webp", "IMG_1.HEIC"] {
            assert!(is_inbox_photo(Path::new(name)), "{name}");
        }
        for name in ["a", "a.gif", ".a.jpg", "a.jpg.crdownload", "~a.jpg"] {
            assert!(!is_inbox_photo(Path::new(name)), "{name}");
        }
    }
}
