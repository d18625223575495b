//! Fuzzes splitting and editing front matter: never a panic, and every edit that succeeds
//! keeps the other keys' values, and set-then-unset of a new key gives the input back.
//!
//! The input's first byte picks the edit, the rest is the file text.

#![no_main]

use lanyard::front_matter::edit::{raw_entries, text_change};
use lanyard::front_matter::{
    read_front_matter, set_key, split_front_matter, unset_key, validate_front_matter,
};
use libfuzzer_sys::fuzz_target;

const KEYS: &[&str] = &["title", "tags", "date", "lang", "lanyard_probe"];
const VALUES: &[&str] = &["x", "\"a: b\"", "[a, b]", "- a\n- b", "k: v", ">\n  f", ""];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let split = split_front_matter(text);
    if let Some(yaml) = split.yaml {
        assert_eq!(&text[split.yaml_start..split.yaml_start + yaml.len()], yaml);
    }
    assert_eq!(&text[split.body_start..], split.body);
    let _ = validate_front_matter(text);
    let key = KEYS[usize::from(pick) % KEYS.len()];
    let value = VALUES[usize::from(pick / 8) % VALUES.len()];
    let path = std::path::Path::new("fuzz.md");
    let Ok(before) = read_front_matter(path, text) else {
        return;
    };
    let edited = if pick & 0x80 != 0 {
        unset_key(text, key)
    } else {
        set_key(text, key, value)
    };
    if let Ok(out) = edited {
        let change = text_change(text, &out);
        let mut applied = text.to_string();
        applied.replace_range(change.from..change.to, &change.insert);
        assert_eq!(applied, out, "text_change applies");
        let after = read_front_matter(path, &out).expect("an edit leaves front matter that parses");
        for (other, v) in &before.data {
            if other != key {
                assert_eq!(after.data.get(other), Some(v), "`{other}` changed");
            }
        }
    }
    if let Ok(entries) = raw_entries(text) {
        // The last occurrence is the one `set_key` edits (and Jekyll reads).
        if let Some(entry) = entries.iter().rev().find(|e| e.key == key) {
            if let Ok(again) = set_key(text, key, &entry.value_yaml) {
                let reread = read_front_matter(path, &again).expect("re-set parses");
                assert_eq!(
                    reread.data.get(key),
                    before.data.get(key),
                    "raw value of `{key}`"
                );
            }
        }
    }
    if before.present && !before.data.contains_key("lanyard_probe") {
        if let Ok(added) = set_key(text, "lanyard_probe", value) {
            let back = unset_key(&added, "lanyard_probe").expect("unset after set");
            assert_eq!(back, text, "set then unset of a new key");
        }
    }
});
