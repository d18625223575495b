//! The site configuration: `_config.yml`, `_config.yaml` or `_config.toml` (the first that
//! exists, as Jekyll 4.3 picks it), read over Jekyll's defaults.

use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use serde_json::{json, Map, Value};

use super::gate::{FileKind, Gate};
use super::image_config::{line_of_key, ImageOutput};
use crate::front_matter::parse_yaml_mapping;
use crate::{Error, Result};

/// Jekyll 4.3's `Configuration::DEFAULT_EXCLUDES`, always added to the site's `exclude:`.
const DEFAULT_EXCLUDES: &[&str] = &[
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

/// The names Jekyll looks for, in its order.
pub const CONFIG_FILE_NAMES: &[&str] = &["_config.yml", "_config.yaml", "_config.toml"];

/// The configuration of a site, with the keys Lanyard uses typed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SiteConfig {
    /// The config file read, if any.
    pub file: Option<PathBuf>,
    /// Every key, over Jekyll's defaults (the `site` Liquid variables).
    pub values: Map<String, Value>,
    /// `baseurl` without its trailing slash; "" when unset.
    pub baseurl: String,
    /// `permalink`: a style (`date`, default) or a template.
    pub permalink: String,
    /// `timezone:` (an IANA name); `None` uses the machine's zone, as Jekyll does.
    pub timezone: Option<String>,
    /// `future: true` publishes posts dated after now.
    pub future: bool,
    /// `unpublished: true` builds posts marked `published: false` too.
    pub unpublished: bool,
    /// `exclude:` plus Jekyll's default excludes.
    pub exclude: Vec<String>,
    /// `include:` (default `.htaccess`): names kept even if excluded or special.
    pub include: Vec<String>,
    /// `lang:` (or `language:`, `locale:`), the site's default language.
    pub lang: Option<String>,
    /// `title:`.
    pub title: Option<String>,
    /// Markdown extensions (`markdown_ext`, default `markdown,mkdown,mkdn,mkd,md`).
    pub markdown_ext: Vec<String>,
    /// `collections_dir` ("" by default): where `_posts/` and `_drafts/` of the root live.
    pub collections_dir: String,
    /// `lanyard: { images: ... }`: how imported photos are written and inserted.
    pub images: ImageOutput,
}

impl SiteConfig {
    /// Reads the config of the site at `root`. A site without config file gets the defaults.
    pub fn load(root: &Path) -> Result<SiteConfig> {
        SiteConfig::load_through(&Gate::new(root)?)
    }

    /// Reads the config of the gate's site, through the gate (a config file that is a link out
    /// of the site, a FIFO or over the cap is an error naming it).
    pub fn load_through(gate: &Gate) -> Result<SiteConfig> {
        let root = gate.site_root();
        // `symlink_metadata` sees a name that exists in any form (a FIFO too): the gate decides.
        let file = CONFIG_FILE_NAMES
            .iter()
            .map(|n| root.join(n))
            .find(|p| p.symlink_metadata().is_ok());
        let (values, text) = match &file {
            Some(path) => read_config_file(gate, path)?,
            None => (Map::new(), String::new()),
        };
        // Strict here, where the file is known: a bad `lanyard:` value names its line.
        let images = ImageOutput::from_config(values.get("lanyard")).map_err(|e| {
            let is_yaml = file
                .as_ref()
                .is_some_and(|f| f.extension().is_none_or(|ext| ext != "toml"));
            let line = is_yaml.then(|| line_of_key(&text, e.key)).flatten();
            Error::Config {
                path: file.clone().unwrap_or_default(),
                message: match line {
                    Some(line) => format!("line {line}: {}", e.message),
                    None => e.message,
                },
            }
        })?;
        let mut config = SiteConfig::from_values(file, values);
        config.images = images;
        Ok(config)
    }

    /// Builds the config from already read `values` (keys over Jekyll's defaults). A bad
    /// `lanyard: images:` block gives the default image settings here ([`SiteConfig::load`]
    /// refuses it, naming the line).
    pub fn from_values(file: Option<PathBuf>, user: Map<String, Value>) -> SiteConfig {
        let mut values = jekyll_defaults();
        values.extend(user);
        let text = |key: &str| match values.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Null) | None => None,
            Some(other) => Some(other.to_string()),
        };
        let list = |key: &str| -> Vec<String> {
            match values.get(key) {
                Some(Value::Array(items)) => items.iter().filter_map(value_text).collect(),
                Some(v) => value_text(v).into_iter().collect(),
                None => Vec::new(),
            }
        };
        let mut exclude = list("exclude");
        for d in DEFAULT_EXCLUDES {
            if !exclude.iter().any(|e| e == d) {
                exclude.push((*d).to_string());
            }
        }
        let markdown_ext = text("markdown_ext")
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        SiteConfig {
            baseurl: text("baseurl")
                .unwrap_or_default()
                .trim_end_matches('/')
                .to_string(),
            permalink: text("permalink").unwrap_or_else(|| "date".into()),
            timezone: text("timezone").filter(|s| !s.trim().is_empty()),
            future: values.get("future").is_some_and(truthy),
            unpublished: values.get("unpublished").is_some_and(truthy),
            include: list("include"),
            lang: super::language_of(&values),
            title: text("title"),
            collections_dir: text("collections_dir").unwrap_or_default(),
            images: ImageOutput::from_config(values.get("lanyard")).unwrap_or_default(),
            exclude,
            markdown_ext,
            file,
            values,
        }
    }

    /// The zone URL date parts and "now" comparisons use: `timezone:` when it names a known
    /// zone, else the machine's (Jekyll sets `TZ` from the config, else inherits it).
    pub fn time_zone(&self) -> TimeZone {
        match &self.timezone {
            Some(name) => TimeZone::get(name).unwrap_or(TimeZone::UTC),
            None => TimeZone::try_system().unwrap_or(TimeZone::UTC),
        }
    }

    /// Whether `ext` (with or without the dot) is a Markdown extension for this site.
    pub fn is_markdown_ext(&self, ext: &str) -> bool {
        let ext = ext.trim_start_matches('.').to_ascii_lowercase();
        self.markdown_ext.contains(&ext)
    }
}

/// Ruby truthiness: everything but `false` and `nil`.
pub fn truthy(value: &Value) -> bool {
    !matches!(value, Value::Bool(false) | Value::Null)
}

fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// The config's keys, and its text (to find the line of a bad value).
fn read_config_file(gate: &Gate, path: &Path) -> Result<(Map<String, Value>, String)> {
    let text = gate.read_text(path, FileKind::Config)?;
    let is_toml = path.extension().is_some_and(|e| e == "toml");
    if is_toml {
        let table: toml::Table = toml::from_str(&text).map_err(|e| Error::Config {
            path: path.to_path_buf(),
            message: e.message().to_string(),
        })?;
        match serde_json::to_value(table) {
            Ok(Value::Object(map)) => Ok((map, text)),
            _ => Err(Error::Config {
                path: path.to_path_buf(),
                message: "is not a table".into(),
            }),
        }
    } else {
        let data = parse_yaml_mapping(&text, 1)
            .map(|p| p.data)
            .map_err(|e| Error::Config {
                path: path.to_path_buf(),
                message: format!("line {}: {}", e.line, e.message),
            })?;
        Ok((data, text))
    }
}

/// The part of Jekyll 4.3's `Configuration::DEFAULTS` a post's Liquid may read.
fn jekyll_defaults() -> Map<String, Value> {
    let defaults = json!({
        "source": ".",
        "destination": "./_site",
        "collections_dir": "",
        "plugins_dir": "_plugins",
        "layouts_dir": "_layouts",
        "data_dir": "_data",
        "includes_dir": "_includes",
        "safe": false,
        "include": [".htaccess"],
        "exclude": [],
        "keep_files": [".git", ".svn"],
        "encoding": "utf-8",
        "markdown_ext": "markdown,mkdown,mkdn,mkd,md",
        "strict_front_matter": false,
        "limit_posts": 0,
        "future": false,
        "unpublished": false,
        "markdown": "kramdown",
        "highlighter": "rouge",
        "excerpt_separator": "\n\n",
        "permalink": "date",
        "paginate_path": "/page:num",
        "timezone": null,
        "baseurl": null,
        "defaults": [],
    });
    match defaults {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml: &str) -> SiteConfig {
        let data = parse_yaml_mapping(yaml, 1).expect("yaml").data;
        SiteConfig::from_values(None, data)
    }

    #[test]
    fn defaults_to_date_permalinks_and_no_baseurl() {
        let c = config("");
        assert_eq!(c.permalink, "date");
        assert_eq!(c.baseurl, "");
        assert!(!c.future);
        assert!(c.is_markdown_ext(".md") && c.is_markdown_ext("markdown"));
        assert!(!c.is_markdown_ext("html"));
    }

    #[test]
    fn strips_the_trailing_slash_of_baseurl() {
        assert_eq!(config("baseurl: /blog/\n").baseurl, "/blog");
    }

    #[test]
    fn adds_jekyll_default_excludes_to_the_site_ones() {
        let c = config("exclude: [README.md]\n");
        assert!(c.exclude.contains(&"README.md".to_string()));
        assert!(c.exclude.contains(&"node_modules".to_string()));
    }

    #[test]
    fn reads_future_as_yaml_1_1() {
        assert!(config("future: yes\n").future);
        assert!(!config("future: False\n").future);
    }

    #[test]
    fn reads_toml_configs() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("_config.toml"),
            "baseurl = \"/b\"\npermalink = \"pretty\"\n",
        )
        .expect("write");
        let c = SiteConfig::load(dir.path()).expect("load");
        assert_eq!(c.baseurl, "/b");
        assert_eq!(c.permalink, "pretty");
    }

    #[test]
    fn prefers_config_yml_over_yaml() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("_config.yml"), "title: yml\n").expect("write");
        std::fs::write(dir.path().join("_config.yaml"), "title: yaml\n").expect("write");
        assert_eq!(
            SiteConfig::load(dir.path()).expect("load").title.as_deref(),
            Some("yml")
        );
    }

    #[test]
    fn reads_the_image_settings_and_names_the_line_of_a_bad_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("_config.yml");
        std::fs::write(
            &config,
            "title: x\nlanyard:\n  images:\n    format: avif\n    widths: [800, 1600]\n",
        )
        .expect("write");
        let c = SiteConfig::load(dir.path()).expect("load");
        assert_eq!(c.images.format, crate::photo_import::OutputFormat::Avif);
        assert_eq!(c.images.widths, vec![800, 1600]);
        std::fs::write(
            &config,
            "title: x\nlanyard:\n  images:\n    format: avif\n    quality: 500\n",
        )
        .expect("write");
        let err = SiteConfig::load(dir.path()).expect_err("bad quality");
        assert_eq!(err.kind(), "config");
        let text = err.to_string();
        assert!(
            text.contains("_config.yml: line 5: `quality: 500`"),
            "{text}"
        );
    }

    #[test]
    fn names_the_config_file_when_it_does_not_parse() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("_config.yml"), "title: [oops\n").expect("write");
        let err = SiteConfig::load(dir.path()).expect_err("bad");
        assert_eq!(err.kind(), "config");
        assert!(err.to_string().contains("_config.yml"));
    }
}
