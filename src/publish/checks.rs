//! The checks publishing runs on every file of the plan, as the files will be: front matter
//! that parses with a title and a readable date; no `post_url` to a missing, unpublished or
//! future post; no missing local image; no image over the size limit; no placeholder left
//! from a talk skeleton. Errors block publishing; warnings block it unless forced.
//!
//! Findings name the file the user can open now (the draft, not the `_posts/` name it will
//! get) and the line in that file, mapped back through the plan's diff.

use std::fmt;
use std::path::PathBuf;

use similar::{DiffTag, TextDiff};

use super::plan::{PublishOptions, PublishedPost};
use crate::changeset::{Changeset, FileChange};
use crate::check::{find_post_url_tags, write_finding, Severity};
use crate::front_matter::split_front_matter;
use crate::site::gate::{Admitted, FileKind, Gate};
use crate::site::{Post, Workspace};
use crate::talks::placeholders_in;

/// What a finding is about, for the UI to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishCheck {
    /// Front matter that does not parse, or a date Jekyll cannot read.
    FrontMatter,
    /// No `title:`.
    MissingTitle,
    /// A `{% post_url %}` to a missing, unpublished or future post.
    PostUrl,
    /// A local image that is not in the site.
    MissingImage,
    /// An image over the size limit.
    OversizedImage,
    /// A `⟪…⟫` placeholder left from a talk skeleton.
    Placeholder,
    /// A published post dated in the future (Jekyll skips it until then).
    FutureDate,
    /// A file the plan would create already exists in the target.
    TargetExists,
}

/// One problem of the plan, located in a file the user can open.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublishFinding {
    /// Error (blocks) or warning (blocks unless forced).
    pub severity: Severity,
    /// What it is about.
    pub kind: PublishCheck,
    /// The file, relative to the root of the site holding it.
    pub file: String,
    /// The file, absolute (what the app opens).
    pub path: PathBuf,
    /// 1-based line in that file.
    pub line: usize,
    /// A sentence for the user.
    pub message: String,
}

impl fmt::Display for PublishFinding {
    /// `file:line: error: message`, as `lanyard check` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_finding(f, &self.file, self.line, self.severity, &self.message)
    }
}

/// Checks every file of `changes` against `planned` (the site as it will be).
pub fn check_plan(
    planned: &Workspace,
    changes: &Changeset,
    published: &[PublishedPost],
    options: &PublishOptions,
    image_gates: &[&Gate],
) -> Vec<PublishFinding> {
    let mut out = Vec::new();
    for change in &changes.changes {
        let Some(post) = planned.post_at(&change.path) else {
            continue;
        };
        let source = source_of(change, published);
        let before = match &change.before {
            Some(text) => text.clone(),
            None => crate::fs_util::read_text(&source).unwrap_or_default(),
        };
        let lines = LineMap::new(&before, &change.after);
        let root = crate::site::find_site_root(&source).unwrap_or_else(|| planned.root().into());
        let file = source
            .strip_prefix(&root)
            .unwrap_or(&source)
            .to_string_lossy()
            .replace('\\', "/");
        let mut push = |severity, kind, line: usize, message: String| {
            out.push(PublishFinding {
                severity,
                kind,
                file: file.clone(),
                path: source.clone(),
                line: lines.old_line(line),
                message,
            })
        };
        for (severity, kind, line, message) in
            check_text(planned, post, &change.after, options, image_gates)
        {
            push(severity, kind, line, message);
        }
        if published.iter().any(|p| p.to == change.path) && !post.published && post.future {
            push(
                Severity::Warning,
                PublishCheck::FutureDate,
                key_line(&change.after, "date"),
                format!(
                    "dated {}, in the future: Jekyll will not build it before then, and the \
                     other parts list it without a link",
                    post.date.get(..10).unwrap_or(&post.date)
                ),
            );
        }
    }
    out
}

type Problem = (Severity, PublishCheck, usize, String);

/// The problems of one planned text (lines in that text).
fn check_text(
    planned: &Workspace,
    post: &Post,
    text: &str,
    options: &PublishOptions,
    image_gates: &[&Gate],
) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    if post.front_matter_error.is_some() {
        let (line, message) = match crate::front_matter::read_front_matter(&post.path, text) {
            Err(crate::Error::FrontMatter { line, message, .. }) => (line, message),
            Err(e) => (1, e.to_string()),
            Ok(_) => (1, "unreadable".to_string()),
        };
        out.push((
            Severity::Error,
            PublishCheck::FrontMatter,
            line,
            format!("front matter does not parse: {message}"),
        ));
        return out;
    }
    let title_ok = post
        .front_matter
        .get("title")
        .and_then(|t| t.as_str())
        .is_some_and(|t| !t.trim().is_empty());
    if !title_ok {
        out.push((
            Severity::Error,
            PublishCheck::MissingTitle,
            1,
            "no `title:` in the front matter".into(),
        ));
    }
    if let Some(message) = &post.date_error {
        out.push((
            Severity::Error,
            PublishCheck::FrontMatter,
            key_line(text, "date"),
            message.clone(),
        ));
    }
    for tag in find_post_url_tags(text) {
        if let Some(problem) = planned.post_url_status(&tag.name).problem(&tag.name) {
            let message = format!("{problem}; Jekyll would fail the build");
            out.push((Severity::Error, PublishCheck::PostUrl, tag.line, message));
        }
    }
    let images = planned
        .render_text(&post.path, text)
        .map(|r| r.images)
        .unwrap_or_default();
    for image in images {
        match find_image(image_gates, &image.path) {
            Ok(None) => out.push((
                Severity::Error,
                PublishCheck::MissingImage,
                image.line,
                format!("missing image `{}`", image.url),
            )),
            Err(e) => out.push((
                Severity::Error,
                PublishCheck::MissingImage,
                image.line,
                format!("image `{}`: {e}", image.url),
            )),
            Ok(Some(found)) if found.size > options.max_image_bytes => out.push((
                Severity::Warning,
                PublishCheck::OversizedImage,
                image.line,
                format!(
                    "image `{}` is {}, over the {} limit",
                    image.url,
                    human_size(found.size),
                    human_size(options.max_image_bytes)
                ),
            )),
            Ok(Some(_)) => {}
        }
    }
    for placeholder in placeholders_in(text) {
        out.push((
            Severity::Error,
            PublishCheck::Placeholder,
            placeholder.line,
            format!("placeholder `{}` still to fill in", placeholder.text),
        ));
    }
    out
}

/// The image `path` in the first of `gates` that has it; `Ok(None)` when none has it, the
/// gate's refusal (a link out of the blog, a FIFO, over the cap) when one refuses it.
fn find_image(
    gates: &[&Gate],
    path: &crate::site::gate::SitePath,
) -> crate::Result<Option<Admitted>> {
    for gate in gates {
        match gate.admit(&gate.site_file(path), FileKind::Image) {
            Ok(found) => return Ok(Some(found)),
            Err(e) if e.kind() == "not_found" => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

/// The file a change comes from: the draft of a published post, else the file itself.
fn source_of(change: &FileChange, published: &[PublishedPost]) -> PathBuf {
    published
        .iter()
        .find(|p| p.to == change.path)
        .map_or_else(|| change.source_path().to_path_buf(), |p| p.from.clone())
}

/// The line of the top-level `key:` of the front matter (1 when absent).
fn key_line(text: &str, key: &str) -> usize {
    let split = split_front_matter(text);
    let prefix = format!("{key}:");
    split
        .yaml
        .and_then(|yaml| yaml.lines().position(|l| l.starts_with(&prefix)))
        .map_or(1, |i| split.yaml_line + i)
}

/// `1536 KB`, `3.2 MB`.
fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Lines of the planned text mapped back to the file as it is now.
struct LineMap {
    /// (new range start, new len, old start, equal).
    ops: Vec<(usize, usize, usize, bool)>,
}

impl LineMap {
    fn new(before: &str, after: &str) -> LineMap {
        let diff = TextDiff::from_lines(before, after);
        let ops = diff
            .ops()
            .iter()
            .map(|op| {
                let (old, new) = (op.old_range(), op.new_range());
                (new.start, new.len(), old.start, op.tag() == DiffTag::Equal)
            })
            .collect();
        LineMap { ops }
    }

    /// The 1-based line of the current file that planned line `line` comes from (for an
    /// inserted line, the line where it is inserted).
    fn old_line(&self, line: usize) -> usize {
        let index = line.saturating_sub(1);
        for &(start, len, old_start, equal) in &self.ops {
            if index >= start && index < start + len.max(1) {
                return 1 + if equal {
                    old_start + index - start
                } else {
                    old_start
                };
            }
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_planned_lines_back_to_the_current_file() {
        let before = "---\ntitle: a\npublished: false\n---\nbody\nlink\n";
        let after = "---\ntitle: a\n---\n<!-- series -->\nheader\n<!-- /series -->\nbody\nlink\n";
        let map = LineMap::new(before, after);
        assert_eq!(map.old_line(2), 2);
        assert_eq!(map.old_line(8), 6);
        assert_eq!(map.old_line(7), 5);
    }

    #[test]
    fn prints_as_file_line_severity_message() {
        let f = PublishFinding {
            severity: Severity::Error,
            kind: PublishCheck::Placeholder,
            file: "_drafts/j4.md".into(),
            path: PathBuf::from("/b/_drafts/j4.md"),
            line: 12,
            message: "placeholder `⟪speakers⟫` still to fill in".into(),
        };
        assert_eq!(
            f.to_string(),
            "_drafts/j4.md:12: error: placeholder `⟪speakers⟫` still to fill in"
        );
    }
}
