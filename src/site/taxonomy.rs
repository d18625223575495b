//! Tags and categories as Jekyll 4.3 reads them from front matter, defaults and folders
//! (`Document#merge_categories!`, `#populate_categories`, `#populate_tags`,
//! `Utils.pluralized_array_from_hash`).

use serde_json::{Map, Value};

/// A scalar front matter value as text (`None` for null, lists and mappings).
pub fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        Value::Array(_) | Value::Object(_) => None,
        other => Some(other.to_string()),
    }
}

/// Jekyll's `Utils.pluralized_array_from_hash`: the singular key, else the plural one (a
/// string is split on whitespace).
pub fn pluralized(data: &Map<String, Value>, singular: &str, plural: &str) -> Vec<String> {
    let value = match data.get(singular) {
        Some(v) if !v.is_null() => v,
        _ => match data.get(plural) {
            Some(Value::String(s)) => return s.split_whitespace().map(str::to_string).collect(),
            Some(v) => v,
            None => return Vec::new(),
        },
    };
    flatten(value)
}

/// The key [`pluralized`] reads a list from: the singular key when it holds a value (it wins
/// even when the plural one exists too), else the plural one. The key a form must edit.
pub fn pluralized_key<'k>(
    data: &Map<String, Value>,
    singular: &'k str,
    plural: &'k str,
) -> &'k str {
    match data.get(singular) {
        Some(v) if !v.is_null() => singular,
        _ => plural,
    }
}

fn flatten(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(flatten).collect(),
        Value::Null => Vec::new(),
        other => text(other).into_iter().collect(),
    }
}

/// Jekyll's categories: the folders above `_posts/`, united with `categories:` of the
/// defaults and of the front matter (`merge_categories!`, a string is split on whitespace),
/// then `category:` (or the categories again) appended (`populate_categories`); unique.
pub fn categories(
    defaults: &Map<String, Value>,
    own: &Map<String, Value>,
    merged: &Map<String, Value>,
    dir_categories: &[String],
) -> Vec<String> {
    let mut united: Vec<String> = Vec::new();
    push_unique(&mut united, dir_categories.iter().cloned());
    for source in [defaults, own] {
        match source.get("categories") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                push_unique(&mut united, s.split_whitespace().map(str::to_string))
            }
            Some(other) => push_unique(&mut united, flatten(other).into_iter()),
        }
    }
    let extra = match merged.get("category") {
        Some(v) if !v.is_null() => flatten(v),
        _ => united.clone(),
    };
    push_unique(&mut united, extra.into_iter());
    united
}

fn push_unique(list: &mut Vec<String>, items: impl Iterator<Item = String>) {
    for item in items {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().expect("object")
    }

    #[test]
    fn unites_folder_defaults_and_front_matter_categories() {
        let defaults = map(json!({"categories": ["Conf"]}));
        let own = map(json!({"categories": "Cloud k8s", "category": "Extra"}));
        let mut merged = defaults.clone();
        merged.extend(own.clone());
        let cats = categories(&defaults, &own, &merged, &["blog".to_string()]);
        assert_eq!(cats, ["blog", "Conf", "Cloud", "k8s", "Extra"]);
    }

    #[test]
    fn keeps_folder_categories_when_front_matter_has_none() {
        let empty = Map::new();
        assert_eq!(
            categories(&empty, &empty, &empty, &["talks".to_string()]),
            ["talks"]
        );
    }

    #[test]
    fn prefers_the_singular_tag_and_splits_plural_strings() {
        assert_eq!(
            pluralized(&map(json!({"tag": "solo", "tags": "a b"})), "tag", "tags"),
            ["solo"]
        );
        assert_eq!(
            pluralized(&map(json!({"tags": "a b"})), "tag", "tags"),
            ["a", "b"]
        );
        assert_eq!(
            pluralized(&map(json!({"tags": ["a", 2, null]})), "tag", "tags"),
            ["a", "2"]
        );
    }

    #[test]
    fn names_the_key_jekyll_reads_the_list_from() {
        let both = map(json!({"tag": "solo", "tags": "a b"}));
        assert_eq!(pluralized_key(&both, "tag", "tags"), "tag");
        assert_eq!(
            pluralized_key(&map(json!({"tags": "a"})), "tag", "tags"),
            "tags"
        );
        assert_eq!(
            pluralized_key(&map(json!({"tag": null, "tags": "a"})), "tag", "tags"),
            "tags"
        );
        assert_eq!(
            pluralized_key(&Map::new(), "category", "categories"),
            "categories"
        );
    }
}
