//! Writing talk sections into posts: "Draft my day" (the next part of a series, with a
//! section per talk of its day) and appending one talk's section to a post
//! (`lanyard talks insert`).

use std::collections::BTreeSet;
use std::path::Path;

use super::model::{Schedule, Talk};
use super::template::render_section;
use crate::fs_util::{atomic_write, read_text};
use crate::series::new_part::talk_skeleton;
use crate::series::{plan_next_part, NewPost, SettingsStore};
use crate::site::Workspace;
use crate::{Error, Result};

/// The talks of a day's post: the day's keynotes (all of them: plenary sessions are the
/// day's common ground), then the starred talks, each group in time order.
pub fn day_sections(
    talks_of_day: &[&Talk],
    starred: &BTreeSet<String>,
    lang: &str,
    template: &str,
) -> String {
    let render = |talks: Vec<&&Talk>| {
        talks
            .into_iter()
            .map(|t| render_section(t, lang, template))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let keynotes: Vec<&&Talk> = talks_of_day.iter().filter(|t| t.keynote).collect();
    let chosen: Vec<&&Talk> = talks_of_day
        .iter()
        .filter(|t| !t.keynote && starred.contains(&t.uid))
        .collect();
    let mut body = String::new();
    if !keynotes.is_empty() {
        body.push_str("# Keynotes\n\n");
        body.push_str(&render(keynotes));
        body.push('\n');
    }
    body.push_str("# Talks\n\n");
    body.push_str(&render(chosen));
    body
}

/// "Draft my day": plans the next part of the series `part` belongs to (as "Next part"
/// does), its skeleton replaced by [`day_sections`] for the new part's day. A schedule with
/// no talk that day is an error naming the schedule and the day.
pub fn plan_draft_day(
    workspace: &Workspace,
    settings: &SettingsStore,
    schedule: &Schedule,
    starred: &BTreeSet<String>,
    template_for: impl Fn(&str) -> String,
    part: &Path,
) -> Result<NewPost> {
    let mut planned = plan_next_part(workspace, settings, part)?;
    let day = crate::front_matter::parse_day(&planned.date).ok_or_else(|| Error::InvalidDate {
        path: planned.path.clone(),
        message: format!("has a date that is not a day: {}", planned.date),
    })?;
    let talks = schedule.talks_on(Some(day));
    if talks.is_empty() {
        return Err(Error::NotFound {
            path: schedule.path.clone(),
            message: format!("has no talk on {day}, the day of the next part"),
        });
    }
    let change = planned
        .changes
        .changes
        .iter_mut()
        .find(|c| c.path == planned.path && c.before.is_none())
        .ok_or_else(|| Error::NotFound {
            path: planned.path.clone(),
            message: "was not planned as a new draft".into(),
        })?;
    let (lang, skeleton) = ["fr", "en"]
        .into_iter()
        .map(|l| (l, talk_skeleton(Some(l))))
        .find(|(_, s)| change.after.contains(s))
        .ok_or_else(|| Error::NotFound {
            path: planned.path.clone(),
            message: "has no talk skeleton to replace".into(),
        })?;
    let body = day_sections(&talks, starred, lang, &template_for(lang));
    change.after = change.after.replacen(skeleton, &body, 1);
    Ok(planned)
}

/// `text` with `section` appended after one blank line.
pub fn append_section(text: &str, section: &str) -> String {
    let trimmed = text.trim_end_matches(['\n', '\r', ' ', '\t']);
    if trimmed.is_empty() {
        return section.to_string();
    }
    format!("{trimmed}\n\n{section}")
}

/// Appends the section of `talk` to the post at `post` (in the post's `lang:`, else the
/// blog's, with the template `template_for` gives), atomically. Returns the section.
pub fn insert_talk(
    workspace: &Workspace,
    post: &Path,
    talk: &Talk,
    template_for: impl Fn(&str) -> String,
) -> Result<String> {
    let text = read_text(post)?;
    let lang = post_lang(workspace, post);
    let section = render_section(talk, &lang, &template_for(&lang));
    atomic_write(post, append_section(&text, &section).as_bytes())?;
    Ok(section)
}

/// The language a post is written in: its `lang:`, else the blog's, else English; as the
/// section templates name them (`fr`, `en`).
pub fn post_lang(workspace: &Workspace, post: &Path) -> String {
    let lang = workspace
        .post_at(post)
        .and_then(|p| p.lang.clone())
        .or_else(|| workspace.config().lang.clone());
    crate::series::settings::header_lang(lang.as_deref()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_after_one_blank_line() {
        assert_eq!(append_section("a\n\n\n", "## t\n"), "a\n\n## t\n");
        assert_eq!(append_section("a", "## t\n"), "a\n\n## t\n");
        assert_eq!(append_section("", "## t\n"), "## t\n");
    }
}
