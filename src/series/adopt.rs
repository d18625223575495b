//! Hand-written series lists, like the seed's: near the top of a part, an optional sentence
//! directly followed by a list whose items link to parts of the series with `{% post_url %}`
//! (the current part in bold). `series sync --adopt` replaces such a list with the managed
//! header, so the post keeps one list, not two; without `--adopt` it is left as it is.

use std::ops::Range;

use crate::check::find_post_url_tags;
use crate::front_matter::split_front_matter;

/// The byte range (whole lines) of the hand-written series list of `text`: the list and
/// the sentence right above it. `is_part` tells whether a `post_url` argument names a part
/// of the series. Only the top of the body is searched (up to the first heading that is not
/// a banner image); at least one item must link to a part and none to another post.
pub fn find_hand_written_list(text: &str, is_part: &dyn Fn(&str) -> bool) -> Option<Range<usize>> {
    let body_start = split_front_matter(text).body_start;
    let lines = line_ranges(text, body_start);
    let mut i = 0;
    while i < lines.len() {
        let line = text[lines[i].clone()].trim();
        if is_heading(line) && !line.contains("![") {
            return None;
        }
        if !is_list_item(line) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && is_list_item(text[lines[i].clone()].trim()) {
            i += 1;
        }
        let items = &text[lines[start].start..lines[i - 1].end];
        if links_only_to_parts(items, is_part) {
            let sentence = start.checked_sub(1).filter(|&prev| {
                let above = text[lines[prev].clone()].trim();
                !above.is_empty() && !is_heading(above) && !above.starts_with('<')
            });
            // A series list names the current part (in bold) or follows its sentence; a
            // bare "see also" list of links is not one.
            if sentence.is_none() && !has_bold_item(items) {
                continue;
            }
            let first = sentence.unwrap_or(start);
            return Some(lines[first].start..lines[i - 1].end);
        }
    }
    None
}

/// Whether the `post_url` tags of `items` all name parts, and there is at least one.
fn links_only_to_parts(items: &str, is_part: &dyn Fn(&str) -> bool) -> bool {
    let tags = find_post_url_tags(items);
    !tags.is_empty() && tags.iter().all(|t| is_part(&t.name))
}

/// Whether an item of `items` is wholly bold (`- __Jour 1__`, `- **Day 1**`).
fn has_bold_item(items: &str) -> bool {
    items.lines().any(|line| {
        let item = line.trim().get(2..).unwrap_or("").trim();
        ["__", "**"]
            .iter()
            .any(|m| item.len() > 4 && item.starts_with(m) && item.ends_with(m))
    })
}

/// The ranges of the lines of `text` from `from`, line breaks included.
fn line_ranges(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut offset = from;
    for line in text[from..].split_inclusive('\n') {
        ranges.push(offset..offset + line.len());
        offset += line.len();
    }
    ranges
}

fn is_list_item(line: &str) -> bool {
    ["- ", "* ", "+ "].iter().any(|m| line.starts_with(m))
}

fn is_heading(line: &str) -> bool {
    line.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "---\nlayout: post\n---\n\n## ![](/assets/images/x.jpeg)\n\n<br>\n\n\
Cet article est le premier d'une série sur la `KubeCon`\n\
- __Jour 1__\n\
- [Jour 2]({% post_url 2023-04-23-KubeCon-J2 %})\n\
- [Jour 3]({% post_url 2023-04-30-KubeCon-J3 %})\n\
\nGrâce à `Amadeus`...\n\n# Keynotes\n\n- a list\n";

    fn kubecon(name: &str) -> bool {
        name.contains("KubeCon-J")
    }

    #[test]
    fn finds_the_seed_list_with_its_sentence() {
        let range = find_hand_written_list(SEED, &kubecon).expect("found");
        let found = &SEED[range];
        assert!(found.starts_with("Cet article"), "{found}");
        assert!(found.ends_with("KubeCon-J3 %})\n"), "{found}");
    }

    #[test]
    fn leaves_lists_linking_elsewhere_or_below_the_first_heading() {
        assert_eq!(find_hand_written_list(SEED, &|_| false), None);
        let late = "---\n---\n# Title\n\n- [x]({% post_url 2023-04-23-KubeCon-J2 %})\n";
        assert_eq!(find_hand_written_list(late, &kubecon), None);
        let see_also = "---\n---\n\n- [x]({% post_url 2023-04-23-KubeCon-J2 %})\n\nText\n";
        assert_eq!(find_hand_written_list(see_also, &kubecon), None);
        let bold = "---\n---\n\n- **J1**\n- [x]({% post_url 2023-04-23-KubeCon-J2 %})\n";
        assert!(find_hand_written_list(bold, &kubecon).is_some());
    }
}
