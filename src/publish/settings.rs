//! Publishing settings, kept in the app's data folder (never in the blog), as `publish.json`:
//! per workspace, the blog repository to publish into when the workspace is a separate drafts
//! folder (what `--to` gives on the command line), and the image size over which publishing
//! warns.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::plan::DEFAULT_MAX_IMAGE_BYTES;
use crate::fs_util::{read_json_or_default, write_json};
use crate::Result;

/// Everything `publish.json` holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishSettings {
    /// Per workspace root (absolute path as text): the repository to publish into.
    #[serde(default)]
    pub targets: BTreeMap<String, PathBuf>,
    /// Images over this many KiB are a warning (unset: 2048).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_image_kb: Option<u64>,
}

impl PublishSettings {
    /// The settings file in `data_dir`.
    pub fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("publish.json")
    }

    /// Reads the settings (the defaults when there is no file yet); a corrupt file is an error
    /// naming it.
    pub fn load(data_dir: &Path) -> Result<PublishSettings> {
        read_json_or_default(&Self::file(data_dir), "is not valid publishing settings")
    }

    /// Writes the settings atomically.
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        write_json(&Self::file(data_dir), self)
    }

    /// The repository the workspace at `root` publishes into (`None`: itself).
    pub fn target(&self, root: &Path) -> Option<&Path> {
        self.targets.get(&key(root)).map(PathBuf::as_path)
    }

    /// Sets (or, with `None`, clears) the repository the workspace at `root` publishes into.
    pub fn set_target(&mut self, root: &Path, target: Option<PathBuf>) {
        match target {
            Some(t) => self.targets.insert(key(root), t),
            None => self.targets.remove(&key(root)),
        };
    }

    /// The image size over which publishing warns, in bytes.
    pub fn max_image_bytes(&self) -> u64 {
        self.max_image_kb
            .map_or(DEFAULT_MAX_IMAGE_BYTES, |kb| kb.saturating_mul(1024))
    }
}

fn key(root: &Path) -> String {
    root.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn remembers_a_target_per_workspace() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut settings = PublishSettings::load(dir.path()).expect("defaults");
        assert_eq!(settings.target(Path::new("/drafts")), None);
        assert_eq!(settings.max_image_bytes(), DEFAULT_MAX_IMAGE_BYTES);
        settings.set_target(Path::new("/drafts"), Some(PathBuf::from("/blog")));
        settings.save(dir.path()).expect("save");
        let read = PublishSettings::load(dir.path()).expect("load");
        assert_eq!(read.target(Path::new("/drafts")), Some(Path::new("/blog")));
        assert_eq!(read.target(Path::new("/other")), None);
    }

    #[test]
    fn a_corrupt_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(PublishSettings::file(dir.path()), "{ nope").expect("write");
        let err = PublishSettings::load(dir.path()).expect_err("corrupt");
        assert!(err.to_string().contains("publish.json"), "{err}");
    }
}
