//! `lanyard check`: what would break or degrade a Jekyll build of the blog.
//!
//! Errors (a Jekyll build fails, or a reader would get a broken page): a `{% post_url %}` in a
//! published post whose target is missing, unpublished or in the future; front matter that
//! does not parse; a missing width of a responsive image (a `srcset` file: only some screens
//! ask for it, so the preview does not show it gone). Warnings: the same `post_url` problems
//! in drafts and unpublished posts (they fail once published), a missing local image, a file
//! name Jekyll ignores, a duplicate front matter key.

mod scan;

use std::fmt;

use crate::front_matter::split_front_matter;
use crate::render::ProblemKind;
use crate::site::{Post, PostKind, Workspace};

pub use scan::{find_post_url_spans, find_post_url_tags, PostUrlSpan, PostUrlTag};

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
    /// A post the gate refuses to read (a link out of the site, a FIFO, over the size cap).
    Unreadable,
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
            key_line(workspace, &post.path, "date"),
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
    let source = match workspace.read_post_text(&post.path) {
        Ok(source) => source,
        Err(e) => {
            out.push(finding(
                FindingKind::Unreadable,
                Severity::Error,
                1,
                e.to_string(),
            ));
            return out;
        }
    };
    // A broken post_url only fails the build when the post containing it is built.
    let link_severity = if post.published {
        Severity::Error
    } else {
        Severity::Warning
    };
    let consequence = if post.published {
        "Jekyll fails the build"
    } else {
        "Jekyll will fail the build once this post is published"
    };
    for tag in find_post_url_tags(&source) {
        if let Some(problem) = workspace.post_url_status(&tag.name).problem(&tag.name) {
            out.push(finding(
                FindingKind::PostUrl,
                link_severity,
                tag.line,
                format!("{problem}; {consequence}"),
            ));
        }
    }
    // Images as the renderer resolves them (relative to the post's URL, `baseurl`, Liquid
    // such as `{{ site.baseurl }}` expanded), checked through the gate.
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
                } else if p.kind == ProblemKind::MissingImage {
                    out.push(finding(
                        FindingKind::MissingImage,
                        Severity::Warning,
                        p.line,
                        p.message,
                    ));
                } else if p.kind == ProblemKind::MissingImageWidth {
                    out.push(finding(
                        FindingKind::MissingImage,
                        Severity::Error,
                        p.line,
                        p.message,
                    ));
                }
            }
        }
    }
    out
}

/// The line of the top-level `key:` in the post's front matter (1 when not found).
fn key_line(workspace: &Workspace, path: &std::path::Path, key: &str) -> usize {
    let Ok(source) = workspace.read_post_text(path) else {
        return 1;
    };
    let split = split_front_matter(&source);
    let prefix = format!("{key}:");
    split
        .yaml
        .and_then(|yaml| yaml.lines().position(|l| l.starts_with(&prefix)))
        .map_or(1, |i| split.yaml_line + i)
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
