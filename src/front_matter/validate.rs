//! Checking front matter as the user types: what the form shows at a key and the editor in
//! its gutter. Never fails: every problem is a [`Diagnostic`] with its file line.
//!
//! Errors: YAML that does not parse (an unquoted title holding `: `), front matter that is
//! not `key: value` lines, a `date:` Jekyll cannot read (it fails the build). Warnings: a
//! duplicate key (Jekyll keeps the last value).

use super::edit::locate_entries;
use super::{parse_post_date, parse_yaml_mapping, split_front_matter};
use crate::site::text;

/// How bad a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticSeverity {
    /// Jekyll fails (or Lanyard cannot save the form).
    Error,
    /// Jekyll builds, but probably not as meant.
    Warning,
}

/// What kind of problem a [`Diagnostic`] is, for the UI to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// The YAML does not parse, or is not a mapping.
    Syntax,
    /// `date:` is not a date Jekyll can read.
    BadDate,
    /// A key appears twice.
    DuplicateKey,
}

/// One problem, located: `line` for the gutter, `key` for the form field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// 1-based line in the whole file.
    pub line: usize,
    /// The top-level key the line belongs to, when known.
    pub key: Option<String>,
    /// Error or warning.
    pub severity: DiagnosticSeverity,
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// A sentence for the user.
    pub message: String,
}

/// Every problem in the front matter of `source` (a whole file, or the editor's buffer).
/// Empty when it is fine, or when there is no front matter.
pub fn validate_front_matter(source: &str) -> Vec<Diagnostic> {
    let split = split_front_matter(source);
    let Some(yaml) = split.yaml else {
        return Vec::new();
    };
    let first = split.yaml_line;
    let parsed = match parse_yaml_mapping(yaml, first) {
        Ok(p) => p,
        Err(e) => {
            return vec![Diagnostic {
                line: e.line,
                key: key_above(yaml, (e.line + 1).saturating_sub(first)),
                severity: DiagnosticSeverity::Error,
                kind: DiagnosticKind::Syntax,
                message: e.message,
            }]
        }
    };
    let entries = locate_entries(yaml).unwrap_or_default();
    let key_at = |file_line: usize| {
        let line = file_line.saturating_sub(first);
        entries
            .iter()
            .find(|e| e.first_line <= line && line < e.end_line.max(e.first_line + 1))
            .map(|e| e.key.clone())
    };
    let mut out: Vec<Diagnostic> = parsed
        .warnings
        .iter()
        .map(|w| Diagnostic {
            line: w.line,
            key: key_at(w.line),
            severity: DiagnosticSeverity::Warning,
            kind: DiagnosticKind::DuplicateKey,
            message: w.message.clone(),
        })
        .collect();
    if let Some(date) = parsed.data.get("date").filter(|d| !d.is_null()) {
        if date.as_str().and_then(parse_post_date).is_none() {
            let line = entries
                .iter()
                .rev()
                .find(|e| e.key == "date")
                .map_or(first, |e| first + e.first_line);
            out.push(Diagnostic {
                line,
                key: Some("date".into()),
                severity: DiagnosticSeverity::Error,
                kind: DiagnosticKind::BadDate,
                message: format!(
                    "`{}` is not a date Jekyll can read (write YYYY-MM-DD, optionally HH:MM:SS and a zone like +0200); Jekyll fails the build",
                    text(date).unwrap_or_else(|| date.to_string())
                ),
            });
        }
    }
    out.sort_by_key(|d| d.line);
    out
}

/// The nearest `key:` at the left margin at or above `line` (1-based in `yaml`): a guess
/// at the key a parse error belongs to, since a broken block cannot be located exactly.
fn key_above(yaml: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = yaml.lines().take(line.max(1)).collect();
    lines.iter().rev().find_map(|l| {
        let first = l.chars().next()?;
        if first.is_whitespace() || first == '#' || first == '-' {
            return None;
        }
        let (key, _) = l.split_once(':')?;
        Some(key.trim().trim_matches(['"', '\'']).to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_an_unquoted_colon_in_a_title() {
        let d = validate_front_matter("---\nlayout: post\ntitle: Jour 1: keynotes\n---\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DiagnosticKind::Syntax);
        assert_eq!(d[0].line, 3);
        assert_eq!(d[0].key.as_deref(), Some("title"));
    }

    #[test]
    fn flags_a_date_jekyll_cannot_read_at_its_key() {
        let d = validate_front_matter("---\ntitle: A\ndate: 2023-13-45\n---\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DiagnosticKind::BadDate);
        assert_eq!((d[0].line, d[0].key.as_deref()), (3, Some("date")));
        assert_eq!(d[0].severity, DiagnosticSeverity::Error);
    }

    #[test]
    fn warns_on_duplicate_keys_at_the_second_one() {
        let d = validate_front_matter("---\ntags: [a]\ntitle: A\ntags:\n  - b\n---\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, DiagnosticSeverity::Warning);
        assert_eq!((d[0].line, d[0].key.as_deref()), (4, Some("tags")));
    }

    #[test]
    fn finds_nothing_wrong_in_good_or_missing_front_matter() {
        assert!(validate_front_matter("---\ndate: 2023-04-19 10:00 +02:00\n---\n").is_empty());
        assert!(validate_front_matter("no front matter\n").is_empty());
    }
}
