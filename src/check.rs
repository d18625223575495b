//! `lanyard check`: what would break or degrade a Jekyll build of the blog.
//!
//! Errors (a Jekyll build fails): a `{% post_url %}` in a published post whose target is
//! missing, unpublished or in the future; front matter that does not parse. Warnings: the
//! same `post_url` problems in drafts and unpublished posts (they fail once published), a
//! missing local image, a file name Jekyll ignores, a duplicate front matter key.

mod scan;

use std::fmt;

use crate::front_matter::split_front_matter;
use crate::render::{ProblemKind, SiteContext};
use crate::site::{Post, PostKind, Workspace};

pub use scan::{
    find_local_images, find_post_url_spans, find_post_url_tags, LocalImage, PostUrlSpan, PostUrlTag,
};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A Jekyll build would fail (exit 1).
    Error,
    /// Worth fixing; the build works.
    Warning,
}

impl Severity {
    /// `error` or `warning`: the word findings are printed with (and serialized as).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Writes a finding the way `lanyard check` and `lanyard publish` print it:
/// `file:line: severity: message`.
pub(crate) fn write_finding(
    f: &mut fmt::Formatter<'_>,
    file: &str,
    line: usize,
    severity: Severity,
    message: &str,
) -> fmt::Result {
    write!(f, "{file}:{line}: {}: {message}", severity.as_str())
}

/// What a finding is about, for the UI to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Front matter that does not parse.
    FrontMatter,
    /// A `date:` Jekyll cannot read.
    Date,
    /// A key given twice in the front matter.
    DuplicateKey,
    /// A `{% post_url %}` to a missing, unpublished or future post.
    PostUrl,
    /// A local image that is not in the site.
    MissingImage,
    /// A file in `_posts/`/`_drafts/` that Jekyll skips.
    IgnoredFile,
    /// A post whose rendering ran out of a budget (Liquid output, loops, nesting or work).
    Budget,
}

/// One problem, located.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// What it is about.
    pub kind: FindingKind,
    /// The file, relative to the workspace root.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// A sentence for the user.
    pub message: String,
}

impl fmt::Display for Finding {
    /// `file:line: error: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_finding(f, &self.file, self.line, self.severity, &self.message)
    }
}

/// Checks every post and draft of the workspace; findings sorted by file then line.
pub fn check(workspace: &Workspace) -> Vec<Finding> {
    let mut findings: Vec<Finding> = workspace
        .ignored()
        .iter()
        .map(|i| Finding {
            severity: if i.breaks_build {
                Severity::Error
            } else {
                Severity::Warning
            },
            kind: FindingKind::IgnoredFile,
            file: i.rel_path.clone(),
            line: 1,
            message: format!("ignored: {}", i.reason),
        })
        .collect();
    for post in workspace.posts() {
        findings.extend(check_post(workspace, post));
    }
    findings.sort_by(|a, b| (&a.file, a.line, a.severity).cmp(&(&b.file, b.line, b.severity)));
    findings
}

/// Checks one post of the workspace.
pub fn check_post(workspace: &Workspace, post: &Post) -> Vec<Finding> {
    let finding = |kind, severity, line, message| Finding {
        severity,
        kind,
        file: post.rel_path.clone(),
        line,
        message,
    };
    let mut out = Vec::new();
    if let Some(problem) = &post.front_matter_error {
        out.push(finding(
            FindingKind::FrontMatter,
            Severity::Error,
            problem.line,
            format!("front matter does not parse: {}", problem.message),
        ));
    }
    if let Some(message) = &post.date_error {
        // Jekyll reads every post, published or not, and stops on a bad date; drafts are
        // only read with `--drafts`.
        let severity = if post.kind == PostKind::Draft {
            Severity::Warning
        } else {
            Severity::Error
        };
        out.push(finding(
            FindingKind::Date,
            severity,
            key_line(&post.path, "date"),
            message.clone(),
        ));
    }
    for w in &post.warnings {
        out.push(finding(
            FindingKind::DuplicateKey,
            Severity::Warning,
            w.line,
            w.message.clone(),
        ));
    }
    let Ok(source) = crate::fs_util::read_text(&post.path) else {
        return out;
    };
    // A broken post_url only fails the build when the post containing it is built.
    let link_severity = if post.published {
        Severity::Error
    } else {
        Severity::Warning
    };
    for tag in find_post_url_tags(&source) {
        if let Some(message) = post_url_problem(workspace, &tag.name) {
            let message = if post.published {
                message
            } else {
                message.replace(
                    "Jekyll fails the build",
                    "Jekyll will fail the build once this post is published",
                )
            };
            out.push(finding(
                FindingKind::PostUrl,
                link_severity,
                tag.line,
                message,
            ));
        }
    }
    let split = split_front_matter(&source);
    let mut image_lines = Vec::new();
    for image in find_local_images(split.body, split.body_line) {
        if !image_exists(workspace, &image.url) {
            image_lines.push(image.line);
            out.push(finding(
                FindingKind::MissingImage,
                Severity::Warning,
                image.line,
                format!("missing image `{}`", image.url),
            ));
        }
    }
    // The renderer sees images Liquid produces too (`{{ site.baseurl }}/...`).
    if post.front_matter_error.is_none() {
        if let Ok(rendered) = workspace.render_text(&post.path, &source) {
            for p in rendered.problems {
                if p.kind == ProblemKind::BudgetExceeded {
                    out.push(finding(
                        FindingKind::Budget,
                        Severity::Error,
                        p.line,
                        p.message,
                    ));
                } else if p.kind == ProblemKind::MissingImage && !image_lines.contains(&p.line) {
                    out.push(finding(
                        FindingKind::MissingImage,
                        Severity::Warning,
                        p.line,
                        p.message,
                    ));
                }
            }
        }
    }
    out
}

/// Why Jekyll would fail on `{% post_url name %}`, or `None` when it resolves to a built post.
fn post_url_problem(workspace: &Workspace, name: &str) -> Option<String> {
    match workspace.find_post_url_target(name) {
        None if crate::site::parse_post_name(&format!(
            "{}.md",
            name.rsplit('/').next().unwrap_or(name)
        ))
        .is_none() =>
        {
            Some(format!(
                "post_url `{name}` is not a post name (YYYY-MM-DD-slug); Jekyll fails the build"
            ))
        }
        None => Some(format!(
            "post_url `{name}`: no post has that name; Jekyll fails the build"
        )),
        Some(t) if t.published => None,
        Some(t) if t.future && !workspace.config().future => Some(format!(
            "post_url `{name}`: {} is dated in the future ({}); Jekyll fails the build",
            t.rel_path, t.date
        )),
        Some(t) => Some(format!(
            "post_url `{name}`: {} is not published; Jekyll fails the build",
            t.rel_path
        )),
    }
}

/// The line of the top-level `key:` in the post's front matter (1 when not found).
fn key_line(path: &std::path::Path, key: &str) -> usize {
    let Ok(source) = crate::fs_util::read_text(path) else {
        return 1;
    };
    let split = split_front_matter(&source);
    let prefix = format!("{key}:");
    split
        .yaml
        .and_then(|yaml| yaml.lines().position(|l| l.starts_with(&prefix)))
        .map_or(1, |i| split.yaml_line + i)
}

fn image_exists(workspace: &Workspace, url: &str) -> bool {
    let baseurl = workspace.config().baseurl.as_str();
    let path = if !baseurl.is_empty() {
        url.strip_prefix(baseurl).unwrap_or(url)
    } else {
        url
    };
    workspace.site_file_exists(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_findings_as_file_line_message() {
        let f = Finding {
            severity: Severity::Error,
            kind: FindingKind::PostUrl,
            file: "_posts/2023-04-19-a.md".into(),
            line: 7,
            message: "post_url `x`: no post has that name".into(),
        };
        assert_eq!(
            f.to_string(),
            "_posts/2023-04-19-a.md:7: error: post_url `x`: no post has that name"
        );
    }
}
