//! Per-series settings, kept in the app's data folder (never in the blog): for each blog and
//! series, the name to display and the article of the wording ("sur **la** KubeCon", "sur
//! **le** FOSDEM", "sur **l'**Open Source Summit"); and the header templates, editable per
//! language. Stored as `series.json` in [`crate::data_dir::data_dir`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fs_util::{read_json_or_default, write_json};
use crate::Result;

/// The French template: the seed's sentence.
pub const FRENCH_TEMPLATE: &str = "Cet article est le {ordinal} d'une série sur {article}`{name}`";
/// The English template (also used for languages without a template).
pub const ENGLISH_TEMPLATE: &str = "This post is the {ordinal} of a series on {article}`{name}`";

/// What the user set for one series of one blog. Unset fields take the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesSettings {
    /// The name shown in the header (default: the `series:` string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The article before the name: `la`, `le`, `l'`, `the`, or "" for none (default: `la`
    /// in French, `the` in English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
}

/// Every series setting and template, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsStore {
    /// Blog root (absolute path) → series name → settings.
    #[serde(default)]
    pub blogs: BTreeMap<String, BTreeMap<String, SeriesSettings>>,
    /// Language (`fr`, `en`, ...) → header sentence template, with the placeholders
    /// `{ordinal}`, `{article}` and `{name}`. Unset languages use the built-in ones.
    #[serde(default)]
    pub templates: BTreeMap<String, String>,
}

/// The wording of one part's header, all settings applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    /// `fr` or `en` (other languages fall back to English).
    pub lang: String,
    /// The sentence template.
    pub template: String,
    /// The name shown.
    pub name: String,
    /// The article, as set (`la`, `l'`, "").
    pub article: String,
}

impl SettingsStore {
    /// The settings file inside `data_dir`.
    pub fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("series.json")
    }

    /// Loads the settings of `data_dir`: empty when the file does not exist; a corrupt file
    /// is an error naming it (ignoring it would silently reword every header).
    pub fn load(data_dir: &Path) -> Result<SettingsStore> {
        read_json_or_default(&Self::file(data_dir), "is not valid series settings")
    }

    /// Saves the settings into `data_dir` (created if needed), atomically.
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        write_json(&Self::file(data_dir), self)
    }

    /// The settings of `series` in the blog at `blog_root` (defaults when unset).
    pub fn series(&self, blog_root: &Path, series: &str) -> SeriesSettings {
        self.blogs
            .get(&blog_key(blog_root))
            .and_then(|b| b.get(series))
            .cloned()
            .unwrap_or_default()
    }

    /// Sets the settings of `series` in the blog at `blog_root`.
    pub fn set_series(&mut self, blog_root: &Path, series: &str, settings: SeriesSettings) {
        self.blogs
            .entry(blog_key(blog_root))
            .or_default()
            .insert(series.to_string(), settings);
    }

    /// The wording of a header of `series` in the blog at `blog_root`, for a part in `lang`.
    pub fn wording(&self, blog_root: &Path, series: &str, lang: Option<&str>) -> Wording {
        let lang = header_lang(lang);
        let settings = self.series(blog_root, series);
        let template = self
            .templates
            .get(lang)
            .cloned()
            .unwrap_or_else(|| default_template(lang).to_string());
        let article = settings
            .article
            .unwrap_or_else(|| default_article(lang).to_string());
        Wording {
            lang: lang.to_string(),
            template,
            name: settings.display_name.unwrap_or_else(|| series.to_string()),
            article,
        }
    }
}

impl SettingsStore {
    /// The language whose template `sentence` was written with (`Cet article est le ...`
    /// is French): the template's text before its first placeholder starts the sentence.
    pub fn lang_of_sentence(&self, sentence: &str) -> Option<&'static str> {
        ["fr", "en"].into_iter().find(|lang| {
            let template = self
                .templates
                .get(*lang)
                .map_or(default_template(lang), String::as_str);
            let fixed = template.split('{').next().unwrap_or("").trim();
            !fixed.is_empty() && sentence.trim().starts_with(fixed)
        })
    }
}

/// The header language for a post's `lang:`: `fr` for any French (`fr`, `fr-FR`, `fr_CA`),
/// else `en`.
pub fn header_lang(lang: Option<&str>) -> &'static str {
    let primary = lang
        .unwrap_or("")
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if primary == "fr" {
        "fr"
    } else {
        "en"
    }
}

fn default_template(lang: &str) -> &'static str {
    if lang == "fr" {
        FRENCH_TEMPLATE
    } else {
        ENGLISH_TEMPLATE
    }
}

fn default_article(lang: &str) -> &'static str {
    if lang == "fr" {
        "la"
    } else {
        "the"
    }
}

/// Blogs are keyed by their absolute root path.
fn blog_key(root: &Path) -> String {
    root.to_string_lossy().into_owned()
}

impl Wording {
    /// The sentence for the part at 0-based `index`: the template with its placeholders
    /// filled. An article ending in an apostrophe (`l'`) is glued to the name.
    pub fn sentence(&self, ordinal: &str) -> String {
        let article = self.article.trim();
        let article = if article.is_empty() {
            String::new()
        } else if article.ends_with(['\'', '’']) {
            article.to_string()
        } else {
            format!("{article} ")
        };
        self.template
            .replace("{ordinal}", ordinal)
            .replace("{article}", &article)
            .replace("{name}", &self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn defaults_to_the_seed_wording_in_french() {
        let store = SettingsStore::default();
        let w = store.wording(Path::new("/blog"), "KubeCon 2023", Some("fr-FR"));
        assert_eq!(
            w.sentence("premier"),
            "Cet article est le premier d'une série sur la `KubeCon 2023`"
        );
    }

    #[test]
    fn applies_display_name_and_elided_article() {
        let mut store = SettingsStore::default();
        let settings = SeriesSettings {
            display_name: Some("Open Source Summit".into()),
            article: Some("l'".into()),
        };
        store.set_series(Path::new("/blog"), "oss", settings);
        let w = store.wording(Path::new("/blog"), "oss", Some("fr"));
        assert!(w
            .sentence("deuxième")
            .ends_with("sur l'`Open Source Summit`"));
        let other = store.wording(Path::new("/other"), "oss", Some("de"));
        assert_eq!(other.lang, "en");
        assert_eq!(other.name, "oss");
    }

    #[test]
    fn recognizes_the_language_of_a_written_sentence() {
        let store = SettingsStore::default();
        let fr = "Cet article est le deuxième d'une série sur la `KubeCon`";
        assert_eq!(store.lang_of_sentence(fr), Some("fr"));
        assert_eq!(
            store.lang_of_sentence("This post is the first of"),
            Some("en")
        );
        assert_eq!(store.lang_of_sentence("Ceci est une liste"), None);
    }

    #[test]
    fn round_trips_through_the_data_folder_and_rejects_corrupt_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = SettingsStore::default();
        store
            .templates
            .insert("en".into(), "Part {ordinal}: {name}".into());
        store.save(dir.path()).expect("save");
        assert_eq!(SettingsStore::load(dir.path()).expect("load"), store);
        fs::write(SettingsStore::file(dir.path()), b"{oops").expect("write");
        let err = SettingsStore::load(dir.path()).expect_err("corrupt");
        assert!(err.to_string().contains("series.json"), "{err}");
    }
}
