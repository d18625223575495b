//! Helpers shared by the `fm_*` tests: which lines an edit changed, and whether they are only
//! the edited key's lines.

#![allow(dead_code)]

use lanyard::front_matter::edit::locate_entries;
use lanyard::front_matter::split_front_matter;

/// The lines of `text`, line endings kept.
pub fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The changed region of a line diff: (common prefix length, end of the changed lines in
/// `old`, end in `new`).
pub fn changed_region(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (lines(old), lines(new));
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let max_suffix = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, a.len() - suffix, b.len() - suffix)
}

/// The file lines (0-based, end exclusive) of every occurrence of `key` in `source`.
pub fn key_line_ranges(source: &str, key: &str) -> Vec<(usize, usize)> {
    let split = split_front_matter(source);
    let Some(yaml) = split.yaml else {
        return Vec::new();
    };
    let offset = split.yaml_line - 1;
    locate_entries(yaml)
        .expect("locates")
        .into_iter()
        .filter(|e| e.key == key)
        .map(|e| (offset + e.first_line, offset + e.end_line))
        .collect()
}

/// Panics unless `old` → `new` changed only lines of `key` in `old` (or, for a key `old`
/// lacks, only inserted lines right before the closing fence).
pub fn assert_only_key_lines_changed(old: &str, new: &str, key: &str, what: &str) {
    if old == new {
        return;
    }
    let (prefix, old_end, _) = changed_region(old, new);
    let ranges = key_line_ranges(old, key);
    if old_end <= prefix {
        // Pure insertion: inside the key's own lines (a null value given a block), or a new
        // key at the end of the block.
        if ranges.iter().any(|&(s, e)| s < prefix && prefix <= e) {
            return;
        }
        let split = split_front_matter(old);
        if let Some(yaml) = split.yaml {
            let fence_line = split.yaml_line - 1 + lines(yaml).len();
            // A line diff may slide an insertion over equal lines just before the fence.
            let slid = prefix <= fence_line
                && lines(old)[prefix..fence_line]
                    .iter()
                    .all(|l| new.contains(*l));
            assert!(
                prefix == fence_line || slid,
                "{what}: `{key}` inserted at line {prefix}, not at the end of the block (line {fence_line})\n--- old\n{old}--- new\n{new}"
            );
        }
        return;
    }
    let inside = ranges.iter().any(|&(s, e)| s <= prefix && old_end <= e)
        || (ranges.len() > 1 && prefix >= ranges[0].0 && old_end <= ranges[ranges.len() - 1].1);
    assert!(
        inside,
        "{what}: lines {prefix}..{old_end} changed, but `{key}` is on {ranges:?}\n--- old\n{old}--- new\n{new}"
    );
}
