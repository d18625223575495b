//! The generated series header of a part, in the part's language, in the seed's style:
//!
//! ```text
//! <!-- series -->
//! Cet article est le deuxième d'une série sur la `KubeCon Europe 2023`
//! - [Jour 1]({% post_url 2023-04-19-kubecon-j1 %})
//! - __Jour 2__
//! - Jour 3
//!
//! <!-- /series -->
//! ```
//!
//! The current part is in bold, published parts are `post_url` links (Jekyll fails a build
//! on a link to an unpublished post), the others are plain text. The blank line before the
//! closing marker keeps kramdown from folding the marker into the last list item.

use super::model::Series;
use super::settings::Wording;

/// The line opening a managed header.
pub const OPEN_MARKER: &str = "<!-- series -->";
/// The line closing a managed header.
pub const CLOSE_MARKER: &str = "<!-- /series -->";

const FRENCH_ORDINALS: [&str; 20] = [
    "premier",
    "deuxième",
    "troisième",
    "quatrième",
    "cinquième",
    "sixième",
    "septième",
    "huitième",
    "neuvième",
    "dixième",
    "onzième",
    "douzième",
    "treizième",
    "quatorzième",
    "quinzième",
    "seizième",
    "dix-septième",
    "dix-huitième",
    "dix-neuvième",
    "vingtième",
];

const ENGLISH_ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// The ordinal of the 1-based `n` in `lang` (`fr`, else English): words up to twenty, then
/// `21e` / `21st`.
pub fn ordinal(lang: &str, n: usize) -> String {
    let words = if lang == "fr" {
        &FRENCH_ORDINALS
    } else {
        &ENGLISH_ORDINALS
    };
    if let Some(word) = n.checked_sub(1).and_then(|i| words.get(i)) {
        return (*word).to_string();
    }
    if lang == "fr" {
        return format!("{n}e");
    }
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Separators between a series prefix and a part's own name (`KubeCon 2023 - Jour 1`).
const SEPARATORS: [&str; 5] = [" - ", " – ", " — ", " | ", ": "];

/// The labels of the parts in the list: each title without the prefix all titles share
/// up to a separator (`KubeCon 2023 - Jour 1` → `Jour 1`); a title that shares nothing
/// keeps only what follows its last separator when that looks like `Jour 2`/`Day 2`.
pub fn part_labels(titles: &[&str]) -> Vec<String> {
    let prefix = shared_prefix(titles);
    titles
        .iter()
        .map(|title| match prefix {
            Some(p) => title[p..].trim().to_string(),
            None => numbered_tail(title).unwrap_or(title).trim().to_string(),
        })
        .collect()
}

/// Length of the prefix every title shares, cut after its last separator; `None` when there
/// is none or it would leave a title empty.
fn shared_prefix(titles: &[&str]) -> Option<usize> {
    let (first, rest) = titles.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let mut len = first.len();
    for t in rest {
        len = first
            .char_indices()
            .zip(t.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(len);
    }
    let common = &first[..len];
    let cut = SEPARATORS
        .iter()
        .filter_map(|s| common.rfind(s).map(|i| i + s.len()))
        .max()?;
    let all_keep_text = titles.iter().all(|t| !t[cut..].trim().is_empty());
    all_keep_text.then_some(cut)
}

/// `X - Jour 2` → `Jour 2`: the text after the last separator, when it is a word and a number.
fn numbered_tail(title: &str) -> Option<&str> {
    let cut = SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|i| i + s.len()))
        .max()?;
    let tail = title[cut..].trim();
    let mut words = tail.split_whitespace();
    let (word, number) = (words.next()?, words.next()?);
    let ok = words.next().is_none()
        && word.chars().all(char::is_alphabetic)
        && number.chars().all(|c| c.is_ascii_digit());
    ok.then_some(tail)
}

/// Backslash-escapes what Markdown would read as markup in a label.
fn escape_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        if matches!(c, '\\' | '[' | ']' | '*' | '_' | '`' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The header block of the part at 0-based `index` of `series`, from the opening marker to
/// the closing marker and its line break.
pub fn render_header(series: &Series, index: usize, wording: &Wording) -> String {
    let titles: Vec<&str> = series.parts.iter().map(|p| p.title.as_str()).collect();
    let labels = part_labels(&titles);
    let mut out = String::new();
    out.push_str(OPEN_MARKER);
    out.push('\n');
    out.push_str(&wording.sentence(&ordinal(&wording.lang, index + 1)));
    out.push('\n');
    for (i, (part, label)) in series.parts.iter().zip(&labels).enumerate() {
        let label = escape_label(label);
        let item = match (&part.post_url_name, part.published) {
            _ if i == index => format!("__{label}__"),
            (Some(name), true) => format!("[{label}]({{% post_url {name} %}})"),
            _ => label,
        };
        out.push_str("- ");
        out.push_str(&item);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(CLOSE_MARKER);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spells_ordinals_in_french_and_english() {
        assert_eq!(ordinal("fr", 1), "premier");
        assert_eq!(ordinal("fr", 4), "quatrième");
        assert_eq!(ordinal("fr", 21), "21e");
        assert_eq!(ordinal("en", 2), "second");
        assert_eq!(ordinal("en", 21), "21st");
        assert_eq!(ordinal("en", 112), "112th");
    }

    #[test]
    fn labels_parts_without_their_shared_prefix() {
        let labels = part_labels(&[
            "KubeCon 2023 - Jour 1",
            "KubeCon 2023 - Jour 2",
            "KubeCon 2023 - Bilan",
        ]);
        assert_eq!(labels, ["Jour 1", "Jour 2", "Bilan"]);
        assert_eq!(part_labels(&["KubeCon 2023 - Jour 1"]), ["Jour 1"]);
        assert_eq!(part_labels(&["Notes", "Notes 2"]), ["Notes", "Notes 2"]);
    }

    #[test]
    fn escapes_markdown_in_labels() {
        assert_eq!(escape_label("a_b [c]"), "a\\_b \\[c\\]");
    }
}
