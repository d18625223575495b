//! What the front matter form offers to pick from, gathered from the whole blog: tags and
//! categories already used (most used first), the layouts of `_layouts/`, the series and the
//! languages posts already carry.

use std::collections::HashMap;
use std::path::Path;

use crate::site::gate::{EntryKind, Walk};
use crate::site::Workspace;

/// A value used in the blog and how many posts and drafts use it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UsedValue {
    /// The tag, category, series or language.
    pub value: String,
    /// How many posts and drafts carry it.
    pub count: usize,
}

/// The choices of the form's fields for one workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FormChoices {
    /// Every tag used, most used first (then alphabetically).
    pub tags: Vec<UsedValue>,
    /// Every category used (front matter and folders), most used first.
    pub categories: Vec<UsedValue>,
    /// `series:` names, most used first.
    pub series: Vec<UsedValue>,
    /// `lang:` values, most used first.
    pub langs: Vec<UsedValue>,
    /// Layout names from `_layouts/` (file names without extension), sorted; empty when the
    /// blog has no `_layouts/` folder (its theme provides them).
    pub layouts: Vec<String>,
}

/// Gathers the form's choices from every post and draft of `workspace` (reads `_layouts/`).
pub fn form_choices(workspace: &Workspace) -> FormChoices {
    let posts = workspace.posts();
    FormChoices {
        tags: ranked(posts.iter().flat_map(|p| p.tags.iter().cloned())),
        categories: ranked(posts.iter().flat_map(|p| p.categories.iter().cloned())),
        series: ranked(posts.iter().filter_map(|p| p.series.clone())),
        langs: ranked(posts.iter().filter_map(|p| p.lang.clone())),
        layouts: layouts(workspace),
    }
}

/// Counts the values, most used first, ties in alphabetical order.
fn ranked(values: impl Iterator<Item = String>) -> Vec<UsedValue> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for value in values.filter(|v| !v.trim().is_empty()) {
        *counts.entry(value).or_default() += 1;
    }
    let mut out: Vec<UsedValue> = counts
        .into_iter()
        .map(|(value, count)| UsedValue { value, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

/// Layout names of the site's `layouts_dir` (default `_layouts`), listed through the gate's
/// walk: a folder named outside the site, or links out of it, give nothing.
fn layouts(workspace: &Workspace) -> Vec<String> {
    let config = workspace.config();
    let setting = config
        .values
        .get("layouts_dir")
        .and_then(|v| v.as_str())
        .unwrap_or("_layouts");
    let gate = workspace.gate();
    let Ok(dir) = gate.setting_dir(config.file.as_deref(), "layouts_dir", setting) else {
        return Vec::new();
    };
    let Ok(Some(entries)) = Walk::new(gate).list(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .into_iter()
        .filter(|e| e.kind == EntryKind::File)
        .filter_map(|e| {
            let stem = Path::new(&e.name).file_stem()?.to_str()?.to_string();
            (!stem.starts_with('.')).then_some(stem)
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_values_by_use_then_name() {
        let r = ranked(
            ["k8s", "cloud", "k8s", "ai", "cloud", "k8s", " "]
                .into_iter()
                .map(String::from),
        );
        let pairs: Vec<(&str, usize)> = r.iter().map(|u| (u.value.as_str(), u.count)).collect();
        assert_eq!(pairs, [("k8s", 3), ("cloud", 2), ("ai", 1)]);
    }

    #[test]
    fn lists_layouts_without_extensions() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("_config.yml"), "title: t\n").expect("config");
        let ws = Workspace::open(dir.path()).expect("open");
        assert!(layouts(&ws).is_empty());
        std::fs::create_dir(dir.path().join("_layouts")).expect("mkdir");
        for name in ["post.html", "default.html", ".hidden.html"] {
            std::fs::write(dir.path().join("_layouts").join(name), "x").expect("write");
        }
        assert_eq!(layouts(&ws), ["default", "post"]);
    }
}
