//! Front matter defaults (`defaults:` in `_config.yml`), applied as Jekyll 4.3's
//! `FrontMatterDefaults#all` does: every set whose scope matches the post's path and type,
//! the more specific scope winning, then the post's own front matter over them.

use serde_json::{Map, Value};

use super::glob::fnmatch;

/// One `defaults:` entry.
#[derive(Debug, Clone)]
struct DefaultSet {
    path: String,
    kind: Option<String>,
    values: Map<String, Value>,
}

/// The site's front matter defaults.
#[derive(Debug, Clone, Default)]
pub struct FrontMatterDefaults {
    sets: Vec<DefaultSet>,
}

impl FrontMatterDefaults {
    /// Reads the `defaults:` list of a config (entries without `values` are skipped).
    pub fn from_config(values: &Map<String, Value>) -> Self {
        let Some(Value::Array(list)) = values.get("defaults") else {
            return Self::default();
        };
        let sets = list
            .iter()
            .filter_map(|entry| {
                let values = entry.get("values")?.as_object()?.clone();
                let scope = entry.get("scope");
                let path = scope
                    .and_then(|s| s.get("path"))
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let kind = scope
                    .and_then(|s| s.get("type"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                Some(DefaultSet {
                    path: sanitize(path).to_string(),
                    kind,
                    values,
                })
            })
            .collect();
        FrontMatterDefaults { sets }
    }

    /// The defaults for a document at `rel_path` (from the site root) of `kind` (`posts`).
    pub fn values_for(&self, rel_path: &str, kind: &str) -> Map<String, Value> {
        let rel_path = sanitize(rel_path);
        let mut merged = Map::new();
        let mut winner: Option<&DefaultSet> = None;
        for set in self.sets.iter().filter(|s| applies(s, rel_path, kind)) {
            if has_precedence(winner, set) {
                deep_merge(&mut merged, &set.values);
                winner = Some(set);
            } else {
                let mut under = set.values.clone();
                deep_merge(&mut under, &merged);
                merged = under;
            }
        }
        merged
    }
}

fn sanitize(path: &str) -> &str {
    path.trim_start_matches('/')
}

fn applies(set: &DefaultSet, rel_path: &str, kind: &str) -> bool {
    let type_ok = set.kind.as_deref().is_none_or(|k| k == kind);
    let path_ok = if set.path.is_empty() {
        true
    } else if set.path.contains('*') {
        fnmatch(&set.path, rel_path) || fnmatch(&format!("{}/*", set.path), rel_path)
    } else {
        rel_path.starts_with(&set.path)
    };
    type_ok && path_ok
}

/// Jekyll's `has_precedence?`: a longer scope path wins; at equal length, a scope with a type.
fn has_precedence(old: Option<&DefaultSet>, new: &DefaultSet) -> bool {
    let Some(old) = old else { return true };
    if new.path.len() != old.path.len() {
        new.path.len() >= old.path.len()
    } else if new.kind.is_some() {
        true
    } else {
        old.kind.is_none()
    }
}

/// Jekyll's `Utils.deep_merge_hashes!`: mappings merge recursively, `nil` keeps the old value,
/// anything else replaces it.
pub fn deep_merge(target: &mut Map<String, Value>, overwrite: &Map<String, Value>) {
    for (key, new) in overwrite {
        if new.is_null() && target.contains_key(key) {
            continue;
        }
        match (target.get_mut(key), new) {
            (Some(Value::Object(old)), Value::Object(new)) => deep_merge(old, new),
            _ => {
                target.insert(key.clone(), new.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse_yaml_mapping;
    use serde_json::json;

    fn defaults(yaml: &str) -> FrontMatterDefaults {
        FrontMatterDefaults::from_config(&parse_yaml_mapping(yaml, 1).expect("yaml").data)
    }

    #[test]
    fn applies_defaults_scoped_to_posts() {
        let d = defaults("defaults:\n  - scope: {path: '', type: posts}\n    values: {layout: post, permalink: /posts/:title/}\n  - scope: {type: pages}\n    values: {layout: page}\n");
        let v = d.values_for("_posts/2023-04-19-x.md", "posts");
        assert_eq!(v["layout"], json!("post"));
        assert_eq!(v["permalink"], json!("/posts/:title/"));
    }

    #[test]
    fn lets_a_longer_scope_path_win() {
        let d = defaults("defaults:\n  - scope: {path: 'blog'}\n    values: {lang: fr}\n  - scope: {path: ''}\n    values: {lang: en, layout: post}\n");
        let v = d.values_for("blog/_posts/2023-04-19-x.md", "posts");
        assert_eq!(v["lang"], json!("fr"));
        assert_eq!(v["layout"], json!("post"));
        assert_eq!(
            d.values_for("_posts/2023-04-19-x.md", "posts")["lang"],
            json!("en")
        );
    }

    #[test]
    fn matches_glob_scopes() {
        let d = defaults(
            "defaults:\n  - scope: {path: '_posts/2023-*'}\n    values: {series: KubeCon}\n",
        );
        assert_eq!(
            d.values_for("_posts/2023-04-19-x.md", "posts")["series"],
            json!("KubeCon")
        );
        assert!(d.values_for("_posts/2022-04-19-x.md", "posts").is_empty());
    }

    #[test]
    fn deep_merges_mappings_and_keeps_old_values_over_nil() {
        let mut a = json!({"author": {"name": "A", "x": 1}, "k": 1})
            .as_object()
            .cloned()
            .expect("obj");
        let b = json!({"author": {"name": "B"}, "k": null})
            .as_object()
            .cloned()
            .expect("obj");
        deep_merge(&mut a, &b);
        assert_eq!(
            Value::Object(a),
            json!({"author": {"name": "B", "x": 1}, "k": 1})
        );
    }
}
