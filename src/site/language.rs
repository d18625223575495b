//! Which front matter key holds a post's language. Jekyll gives none a meaning; blogs and
//! themes pick their own: `lang` (jekyll-polyglot, most themes), `language`, or `locale`
//! (Minimal Mistakes). Lanyard reads whichever a post carries and writes the one the blog
//! already uses, so the form never adds a second language key next to the first.

use serde_json::{Map, Value};

use super::text;

/// The keys a post's language may sit under, in the order they are read when a post has
/// more than one.
pub const LANGUAGE_KEYS: [&str; 3] = ["lang", "language", "locale"];

/// The key written when a blog shows no preference.
pub const DEFAULT_LANGUAGE_KEY: &str = "lang";

/// The first language key of `data` that holds a value, with that value as text.
pub fn language_entry(data: &Map<String, Value>) -> Option<(&'static str, String)> {
    LANGUAGE_KEYS
        .iter()
        .find_map(|key| data.get(*key).and_then(text).map(|v| (*key, v)))
}

/// The language `data` (a front matter or the site config) gives, under any language key.
pub fn language_of(data: &Map<String, Value>) -> Option<String> {
    language_entry(data).map(|(_, value)| value)
}

/// The key a blog writes languages under: the one most of its posts use (`posts` gives each
/// post's own front matter), else the one its config uses, else `lang`. Ties go to the
/// earlier key of [`LANGUAGE_KEYS`].
pub fn blog_language_key<'a>(
    posts: impl Iterator<Item = &'a Map<String, Value>>,
    config: &Map<String, Value>,
) -> &'static str {
    let mut counts = [0usize; LANGUAGE_KEYS.len()];
    for data in posts {
        if let Some((key, _)) = language_entry(data) {
            if let Some(i) = LANGUAGE_KEYS.iter().position(|k| *k == key) {
                counts[i] += 1;
            }
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| LANGUAGE_KEYS[i]);
    best.or_else(|| language_entry(config).map(|(key, _)| key))
        .unwrap_or(DEFAULT_LANGUAGE_KEY)
}

/// The key to edit for a post's language: the one the post already has (so setting it
/// changes that line), else the blog's.
pub fn post_language_key(data: &Map<String, Value>, blog_key: &'static str) -> &'static str {
    LANGUAGE_KEYS
        .iter()
        .find(|key| data.contains_key(**key))
        .copied()
        .unwrap_or(blog_key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn reads_the_language_under_any_of_its_keys() {
        assert_eq!(
            language_of(&map(json!({"language": "en"}))).as_deref(),
            Some("en")
        );
        assert_eq!(
            language_of(&map(json!({"locale": "fr-FR"}))).as_deref(),
            Some("fr-FR")
        );
        assert_eq!(
            language_entry(&map(json!({"locale": "de", "lang": "fr"}))),
            Some(("lang", "fr".to_string()))
        );
        assert_eq!(language_of(&map(json!({"title": "x"}))), None);
    }

    #[test]
    fn learns_the_blog_s_key_from_its_posts_then_its_config() {
        let posts = [
            map(json!({"language": "en"})),
            map(json!({"language": "fr"})),
            map(json!({"lang": "en"})),
            map(json!({"title": "none"})),
        ];
        let config = map(json!({"locale": "en"}));
        assert_eq!(blog_language_key(posts.iter(), &config), "language");
        assert_eq!(blog_language_key(posts[3..].iter(), &config), "locale");
        assert_eq!(blog_language_key(posts[3..].iter(), &Map::new()), "lang");
    }

    #[test]
    fn edits_the_post_s_own_key_before_the_blog_s() {
        assert_eq!(
            post_language_key(&map(json!({"locale": "fr"})), "lang"),
            "locale"
        );
        assert_eq!(
            post_language_key(&map(json!({"title": "x"})), "language"),
            "language"
        );
    }
}
