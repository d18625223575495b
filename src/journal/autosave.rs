//! The autosave setting: how long after the last keystroke the post file itself is saved, or
//! "manual save only". Kept as `autosave.json` in the app's data folder. (The journal is written
//! whatever this says: it is what makes a crash harmless.)

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fs_util::{read_json_or_default, write_json};
use crate::Result;

/// The delay used when nothing was chosen: short enough that a closed laptop lid loses nothing
/// saved, long enough not to write the file on every word.
pub const DEFAULT_IDLE_MS: u32 = 1500;

/// The autosave setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutosaveSettings {
    /// Milliseconds of idle typing before the post is saved; `None`: manual save only (Ctrl+S).
    pub idle_ms: Option<u32>,
}

impl Default for AutosaveSettings {
    fn default() -> Self {
        AutosaveSettings {
            idle_ms: Some(DEFAULT_IDLE_MS),
        }
    }
}

impl AutosaveSettings {
    fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("autosave.json")
    }

    /// The setting saved in `data_dir`; the default when missing or unreadable.
    pub fn load(data_dir: &Path) -> AutosaveSettings {
        read_json_or_default(&Self::file(data_dir), "is not valid autosave settings")
            .unwrap_or_default()
    }

    /// Saves the setting into `data_dir`, atomically. A delay under 200 ms is raised to 200 ms.
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        let clamped = AutosaveSettings {
            idle_ms: self.idle_ms.map(|ms| ms.max(200)),
        };
        write_json(&Self::file(data_dir), &clamped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_autosave_and_remembers_manual_save_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(
            AutosaveSettings::load(dir.path()),
            AutosaveSettings::default()
        );
        let manual = AutosaveSettings { idle_ms: None };
        manual.save(dir.path()).expect("save");
        assert_eq!(AutosaveSettings::load(dir.path()), manual);
        AutosaveSettings { idle_ms: Some(5) }
            .save(dir.path())
            .expect("save");
        assert_eq!(AutosaveSettings::load(dir.path()).idle_ms, Some(200));
    }
}
