//! "New series" and "Next part": a new draft `_drafts/<slug>.md` with `date:` set. A next
//! part inherits the previous part's usual front matter (layout, tags, series, language,
//! author, ...; not its title, date, permalink or redirects), is dated the day after it, and
//! takes the next title of its pattern (`... - Jour 2`, `Day 2`, `Part 2`). It opens with
//! a talk-section skeleton, and every part's header is regenerated to list it.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::model::{find_series, series_of_file, Part};
use super::names::{clean_line, clean_slug, slug_from_title, yaml_quoted};
use super::settings::{header_lang, SettingsStore};
use super::sync::{sync_posts, written_lang, SyncOptions, SyncPlan};
use crate::changeset::Changeset;
use crate::front_matter::{parse_day, read_front_matter, split_front_matter};
use crate::site::{Workspace, LANGUAGE_KEYS};
use crate::{Error, Result};

/// What to create. With `series` naming an existing series, the draft is its next part and
/// `title`, `date` and `lang` default from the previous part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewPostRequest {
    /// The title (required unless the draft is the next part of an existing series).
    pub title: Option<String>,
    /// The series: an existing one (next part) or a new one (first part).
    pub series: Option<String>,
    /// The date (default: the day after the previous part, else today in the site's zone).
    pub date: Option<Date>,
    /// `lang:` (default: the previous part's, else none, so the site's).
    pub lang: Option<String>,
    /// The file's slug (default: from the title).
    pub slug: Option<String>,
}

/// The planned draft.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NewPost {
    /// Where the draft goes (`<site>/_drafts/<slug>.md`).
    pub path: PathBuf,
    /// Its title.
    pub title: String,
    /// Its date.
    pub date: String,
    /// The draft's creation and the header updates of the other parts.
    pub changes: Changeset,
}

/// Keys a next part does not inherit: they are the previous post's own.
const NOT_INHERITED: [&str; 14] = [
    "title",
    "date",
    "slug",
    "permalink",
    "redirect_from",
    "redirect_to",
    "published",
    "excerpt",
    "description",
    "image",
    "last_modified_at",
    "id",
    "uuid",
    "summary",
];

/// Plans a new draft (a standalone post, a new series' first part, or a next part).
pub fn plan_new_post(
    workspace: &Workspace,
    settings: &SettingsStore,
    request: &NewPostRequest,
) -> Result<NewPost> {
    let series = match &request.series {
        Some(s) => Some(clean_line("series", s)?),
        None => None,
    };
    let previous = series
        .as_deref()
        .and_then(|s| find_series(workspace, s))
        .map(|s| (s.parts.len(), s.parts.last().cloned()));
    let (count, previous) = previous.unwrap_or((0, None));
    // `lang:` is written only when asked for; otherwise the previous part's entry is copied.
    let explicit_lang = request.lang.as_deref().map(clean_slug).transpose()?;
    let lang = explicit_lang
        .clone()
        .or_else(|| previous.as_ref().and_then(|p| p.lang.clone()));
    let title = match (&request.title, &previous) {
        (Some(t), _) => clean_line("title", t)?,
        (None, Some(prev)) => {
            let title_lang = lang.as_deref().or(workspace.config().lang.as_deref());
            next_title(&prev.title, title_lang, count + 1)
        }
        (None, None) => {
            return Err(Error::NotFound {
                path: PathBuf::from("title"),
                message: "is needed for a post that does not continue a series".into(),
            })
        }
    };
    let date = match (request.date, &previous) {
        (Some(d), _) => d,
        (None, Some(prev)) => next_day(prev)?,
        (None, None) => workspace
            .now()
            .to_zoned_datetime(workspace.config().time_zone())
            .date(),
    };
    let slug = match &request.slug {
        Some(s) => clean_slug(s)?,
        None => clean_slug(&slug_from_title(&title))?,
    };
    let path = workspace.root().join("_drafts").join(format!("{slug}.md"));
    // Written under the blog's own language key (`lang`, `language`, `locale`).
    let key = workspace.language_key();
    let fm_lang = explicit_lang.as_deref();
    let front_matter = match &previous {
        Some(prev) => inherited_front_matter(prev, &title, date, fm_lang, key, series.as_deref())?,
        None => fresh_front_matter(&title, date, fm_lang.map(|l| (key, l)), series.as_deref()),
    };
    let written = series
        .as_deref()
        .and_then(|s| find_series(workspace, s))
        .and_then(|s| written_lang(workspace, &s, settings, &Changeset::default()));
    let lang_for_body = lang
        .or_else(|| workspace.config().lang.clone())
        .or_else(|| written.map(str::to_string));
    let text = format!(
        "---\n{front_matter}---\n\n{}",
        talk_skeleton(lang_for_body.as_deref())
    );
    Ok(NewPost {
        changes: creation_with_headers(workspace, settings, &path, text)?,
        path,
        title,
        date: date.to_string(),
    })
}

/// Creating the draft at `path`, and every series header regenerated to list it.
fn creation_with_headers(
    workspace: &Workspace,
    settings: &SettingsStore,
    path: &Path,
    text: String,
) -> Result<Changeset> {
    let mut plan = SyncPlan::default();
    plan.changes.create(path, text.clone())?;
    let new_post = workspace
        .post_for_text(path, &text)
        .ok_or_else(|| Error::BadName {
            path: path.to_path_buf(),
            message: "is not a name Jekyll reads as a draft".into(),
        })?;
    let mut posts = workspace.posts().to_vec();
    posts.push(new_post);
    sync_posts(
        workspace,
        &posts,
        settings,
        SyncOptions::default(),
        &mut plan,
    )?;
    Ok(plan.changes)
}

/// Plans the next part of the series the file at `part` belongs to ("Next part").
pub fn plan_next_part(
    workspace: &Workspace,
    settings: &SettingsStore,
    part: &Path,
) -> Result<NewPost> {
    let (series, _) = series_of_file(workspace, part).ok_or_else(|| Error::NotFound {
        path: part.to_path_buf(),
        message: "is not part of a series (no `series:` text in its front matter)".into(),
    })?;
    let request = NewPostRequest {
        series: Some(series.name),
        ..NewPostRequest::default()
    };
    plan_new_post(workspace, settings, &request)
}

/// The day after the part's date.
fn next_day(part: &Part) -> Result<Date> {
    part.date
        .get(..10)
        .and_then(parse_day)
        .and_then(|d| d.tomorrow().ok())
        .ok_or_else(|| Error::InvalidDate {
            path: part.path.clone(),
            message: format!("has a date Lanyard cannot continue from: {}", part.date),
        })
}

/// Words before a part number in a title (`Jour 2`, `Day 2`, `Part 2`).
const COUNTER_WORDS: [&str; 14] = [
    "jour", "day", "part", "partie", "épisode", "episode", "semaine", "week", "session",
    "chapitre", "chapter", "j", "n°", "no",
];

/// The title after `previous` in its pattern: a trailing `Jour 2`/`Day 2`/`Part 2` (or `J2`,
/// `#2`) counts up; otherwise `- Jour N`/`- Day N`/`- Part N`
/// is appended, `n` being the new part's number.
pub fn next_title(previous: &str, lang: Option<&str>, n: usize) -> String {
    let trimmed = previous.trim_end();
    let digits = trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits < 6 {
        let (head, number) = trimmed.split_at(trimmed.len() - digits);
        let word = head.trim_end().rsplit([' ', '-']).next().unwrap_or("");
        let counted = COUNTER_WORDS.contains(&word.to_lowercase().as_str())
            || head.ends_with(['J', 'j', '#']);
        if let (true, Ok(k)) = (counted, number.parse::<u32>()) {
            return format!("{head}{}", k + 1);
        }
    }
    let word = match (header_lang(lang), lang.is_some()) {
        ("fr", _) => "Jour",
        ("en", true) if !lang.unwrap_or("").starts_with("en") => "Part",
        _ => "Day",
    };
    format!("{trimmed} - {word} {n}")
}

/// A language to write, under its key.
type KeyedLang<'a> = Option<(&'static str, &'a str)>;

/// The front matter of a first part or standalone post.
fn fresh_front_matter(title: &str, date: Date, lang: KeyedLang, series: Option<&str>) -> String {
    let mut fm = format!(
        "layout: post\ntitle: {}\ndate: {date}\n",
        yaml_quoted(title)
    );
    if let Some(series) = series {
        fm.push_str(&format!("series: {}\n", yaml_quoted(series)));
    }
    if let Some((key, lang)) = lang {
        fm.push_str(&format!("{key}: {lang}\n"));
    }
    fm
}

/// The front matter of a next part: the previous part's entries in their order and their
/// own spelling, minus [`NOT_INHERITED`], with the new title and date (and the language,
/// under the previous part's language key when it has one).
fn inherited_front_matter(
    previous: &Part,
    title: &str,
    date: Date,
    lang: Option<&str>,
    language_key: &'static str,
    series: Option<&str>,
) -> Result<String> {
    let text = crate::fs_util::read_text(&previous.path)?;
    let yaml = split_front_matter(&text).yaml.unwrap_or("");
    let mut out = String::new();
    let has = |key: &str, out: &String| out.lines().any(|l| l.starts_with(&format!("{key}:")));
    let mut language_key = language_key;
    for (key, raw) in top_level_entries(yaml) {
        match key.as_str() {
            "title" => out.push_str(&format!("title: {}\n", yaml_quoted(title))),
            "date" => out.push_str(&format!("date: {date}\n")),
            // The previous part's own language key is the one replaced.
            k if lang.is_some() && LANGUAGE_KEYS.contains(&k) => {
                if let Some(own) = LANGUAGE_KEYS.iter().find(|l| **l == k) {
                    language_key = own;
                }
            }
            k if NOT_INHERITED.contains(&k) => {}
            _ => out.push_str(&raw),
        }
    }
    if !has("title", &out) {
        out.insert_str(0, &format!("title: {}\n", yaml_quoted(title)));
    }
    if !has("date", &out) {
        // Right after the title line.
        let title_end = out
            .split_inclusive('\n')
            .scan(0, |end, line| {
                *end += line.len();
                Some((*end, line))
            })
            .find(|(_, line)| line.starts_with("title:"))
            .map_or(out.len(), |(end, _)| end);
        out.insert_str(title_end, &format!("date: {date}\n"));
    }
    if let (Some(series), false) = (series, has("series", &out)) {
        out.push_str(&format!("series: {}\n", yaml_quoted(series)));
    }
    if let Some(lang) = lang {
        out.push_str(&format!("{language_key}: {lang}\n"));
    }
    let check = format!("---\n{out}---\n");
    if read_front_matter(&previous.path, &check).is_err() {
        // An inherited entry leaned on something left behind (an anchor): start fresh.
        let lang = lang.or(previous.lang.as_deref()).map(|l| (language_key, l));
        return Ok(fresh_front_matter(title, date, lang, series));
    }
    Ok(out)
}

/// The top-level entries of a YAML mapping: each key with its raw lines (nested lines,
/// block lists at column 0, blank lines). Comments at column 0 are dropped.
fn top_level_entries(yaml: &str) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in yaml.split_inclusive('\n') {
        let starts_entry = line
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-')
            && line.contains(':');
        if starts_entry {
            let key = line.split(':').next().unwrap_or("").trim();
            let key = key.trim_matches(['"', '\'']).to_string();
            let mut raw = line.to_string();
            if !raw.ends_with('\n') {
                raw.push('\n');
            }
            entries.push((key, raw));
        } else if line.starts_with('#') {
            continue;
        } else if let Some((_, raw)) = entries.last_mut() {
            raw.push_str(line);
            if !raw.ends_with('\n') {
                raw.push('\n');
            }
        }
    }
    entries
}

/// The body a new part opens with: one talk section to fill in.
pub(crate) fn talk_skeleton(lang: Option<&str>) -> &'static str {
    if header_lang(lang) == "fr" {
        "# Talks\n\n## Titre du talk\n\nCe talk a été donné par Prénom Nom de Entreprise.  \n\
         [Slides et vidéo](https://)\n\nMon avis :\n"
    } else {
        "# Talks\n\n## Talk title\n\nThis talk was given by Name of Company.  \n\
         [Slides and video](https://)\n\nMy take:\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_titles_up_in_their_pattern() {
        assert_eq!(
            next_title("KubeCon 2023 - Jour 1", Some("fr"), 2),
            "KubeCon 2023 - Jour 2"
        );
        assert_eq!(
            next_title("FOSDEM - Day 9", Some("en"), 2),
            "FOSDEM - Day 10"
        );
        assert_eq!(next_title("Notes, Part 2", None, 3), "Notes, Part 3");
        assert_eq!(next_title("KubeCon-J1", Some("fr"), 2), "KubeCon-J2");
        assert_eq!(
            next_title("KubeCon 2023", Some("fr"), 2),
            "KubeCon 2023 - Jour 2"
        );
        assert_eq!(
            next_title("KubeCon 2023", Some("en"), 2),
            "KubeCon 2023 - Day 2"
        );
        assert_eq!(
            next_title("KubeCon 2023", Some("de"), 2),
            "KubeCon 2023 - Part 2"
        );
    }

    #[test]
    fn splits_top_level_entries_with_their_nested_lines() {
        let yaml = "layout: post\ntags:\n- a\n- b\n# note\nauthor:\n  name: X\n";
        let entries = top_level_entries(yaml);
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["layout", "tags", "author"]);
        assert_eq!(entries[1].1, "tags:\n- a\n- b\n");
    }
}
