//! Which folder is the photo inbox, kept as `photo_inbox.json` in the app's data folder (next
//! to `state.json`, never inside a blog).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fs_util::{read_json_or_default, write_json};
use crate::Result;

/// The inbox settings. A missing or unreadable file means no inbox chosen yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxSettings {
    /// The watched folder (where the phone syncs its photos).
    #[serde(default)]
    pub folder: Option<PathBuf>,
}

impl InboxSettings {
    /// The settings file inside `data_dir`.
    pub fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("photo_inbox.json")
    }

    /// Loads the settings; the default (no folder) when the file is missing or corrupt.
    pub fn load(data_dir: &Path) -> InboxSettings {
        read_json_or_default(&Self::file(data_dir), "is not valid photo inbox settings")
            .unwrap_or_default()
    }

    /// Saves the settings atomically into `data_dir` (created if needed).
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        write_json(&Self::file(data_dir), self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn saves_loads_and_survives_a_corrupt_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(InboxSettings::load(dir.path()), InboxSettings::default());
        let settings = InboxSettings {
            folder: Some(PathBuf::from("/home/me/Phone")),
        };
        settings.save(dir.path()).expect("save");
        assert_eq!(InboxSettings::load(dir.path()), settings);
        fs::write(InboxSettings::file(dir.path()), "{oops").expect("write");
        assert_eq!(InboxSettings::load(dir.path()), InboxSettings::default());
    }
}
