//! What Lanyard remembers about schedules, in the app's data folder (never in the blog), as
//! `talks.json`: for each blog and series, the schedule file imported and the talks starred;
//! and the talk section templates, editable per language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::template::default_section_template;
use crate::fs_util::{read_json_or_default, write_json};
use crate::series::settings::header_lang;
use crate::Result;

/// The schedule and stars of one series.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesTalks {
    /// The `.ics` file imported for the series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<PathBuf>,
    /// The UIDs of the talks starred.
    #[serde(default)]
    pub starred: BTreeSet<String>,
}

/// Every series' schedule and stars, and the section templates, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkStore {
    /// Blog root (absolute path) → series name → schedule and stars.
    #[serde(default)]
    pub blogs: BTreeMap<String, BTreeMap<String, SeriesTalks>>,
    /// Language (`fr`, `en`) → section template (see [`super::template`]); unset languages
    /// use the built-in ones.
    #[serde(default)]
    pub templates: BTreeMap<String, String>,
}

impl TalkStore {
    /// The file inside `data_dir`.
    pub fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("talks.json")
    }

    /// Loads the store of `data_dir`: empty when the file does not exist; a corrupt file is
    /// an error naming it (ignoring it would lose every star at the next save).
    pub fn load(data_dir: &Path) -> Result<TalkStore> {
        read_json_or_default(&Self::file(data_dir), "is not a valid talks file")
    }

    /// Saves the store into `data_dir` (created if needed), atomically.
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        write_json(&Self::file(data_dir), self)
    }

    /// The schedule and stars of `series` in the blog at `blog_root`.
    pub fn series(&self, blog_root: &Path, series: &str) -> SeriesTalks {
        self.blogs
            .get(&blog_key(blog_root))
            .and_then(|b| b.get(series))
            .cloned()
            .unwrap_or_default()
    }

    /// The entry of `series` in the blog at `blog_root`, to change.
    pub fn series_mut(&mut self, blog_root: &Path, series: &str) -> &mut SeriesTalks {
        self.blogs
            .entry(blog_key(blog_root))
            .or_default()
            .entry(series.to_string())
            .or_default()
    }

    /// Stars (`on`) or un-stars the talk `uid` of `series`.
    pub fn set_star(&mut self, blog_root: &Path, series: &str, uid: &str, on: bool) {
        let entry = self.series_mut(blog_root, series);
        if on {
            entry.starred.insert(uid.to_string());
        } else {
            entry.starred.remove(uid);
        }
    }

    /// The section template for a post in `lang` (`fr-FR` uses `fr`; other languages `en`).
    pub fn template(&self, lang: Option<&str>) -> String {
        let lang = header_lang(lang);
        self.templates
            .get(lang)
            .cloned()
            .unwrap_or_else(|| default_section_template(lang).to_string())
    }
}

fn blog_key(root: &Path) -> String {
    root.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn keeps_stars_per_blog_and_series_and_round_trips() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = TalkStore::default();
        store.set_star(Path::new("/blog"), "Conf", "a", true);
        store.set_star(Path::new("/blog"), "Conf", "b", true);
        store.set_star(Path::new("/blog"), "Conf", "a", false);
        store.series_mut(Path::new("/blog"), "Conf").schedule = Some("/s.ics".into());
        store.save(dir.path()).expect("save");
        let loaded = TalkStore::load(dir.path()).expect("load");
        let conf = loaded.series(Path::new("/blog"), "Conf");
        assert_eq!(conf.starred.iter().collect::<Vec<_>>(), ["b"]);
        assert_eq!(conf.schedule, Some(PathBuf::from("/s.ics")));
        assert!(loaded
            .series(Path::new("/other"), "Conf")
            .starred
            .is_empty());
    }

    #[test]
    fn uses_edited_templates_and_rejects_corrupt_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = TalkStore::default();
        assert!(store
            .template(Some("fr-FR"))
            .contains("Ce talk a été donné par"));
        store.templates.insert("en".into(), "### {title}\n".into());
        assert_eq!(store.template(Some("de")), "### {title}\n");
        fs::write(TalkStore::file(dir.path()), b"[1,").expect("write");
        let err = TalkStore::load(dir.path()).expect_err("corrupt");
        assert!(err.to_string().contains("talks.json"), "{err}");
    }
}
