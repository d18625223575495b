//! A post's front matter: splitting it from the body, reading its YAML as Jekyll does, typing
//! the keys Jekyll knows ([`read_post_fields`]), checking it as the user types
//! ([`validate_front_matter`]) and editing one key without touching the rest ([`edit`]).
//! The app's front matter form calls [`read_form`], [`edit_field`] and [`form_choices`].

mod choices;
mod dates;
pub mod edit;
mod fields;
mod form;
mod form_value;
mod libyaml_compat;
mod scalar;
mod split;
mod validate;
mod yaml11;

use std::path::Path;

pub use choices::{form_choices, FormChoices, UsedValue};
pub use dates::{parse_day, parse_post_date, PostDate};
pub use edit::{get_key, parse_value, set_key, unset_key, value_to_yaml, EditError};
pub use fields::{post_fields, read_post_fields, DateField, DateSource, PostFields};
pub use form::{edit_field, read_form, FieldEdit, FormKeys, FormState};
pub use form_value::{form_value_yaml, set_form_value, FormValue};
pub use scalar::resolve_plain;
pub use split::{split_front_matter, Split};
pub use validate::{validate_front_matter, Diagnostic, DiagnosticKind, DiagnosticSeverity};
pub use yaml11::{
    parse_yaml_mapping, FrontMatterWarning, ParsedYaml, YamlError, YamlErrorKind, MAX_ALIAS_NODES,
    MAX_NESTING,
};

use crate::{Error, Result};

/// A post's front matter, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// The mapping (an empty object when the file has no front matter).
    pub data: serde_json::Map<String, serde_json::Value>,
    /// Duplicate keys and the like, with their line in the file.
    pub warnings: Vec<FrontMatterWarning>,
    /// Whether the file has a `---` block at all (a file without one is still a post).
    pub present: bool,
}

/// Reads the front matter of the file at `path` whose text is `source`. Malformed YAML is an
/// [`Error::FrontMatter`], YAML over a budget (aliases, nesting) an [`Error::BudgetExceeded`],
/// both naming the file and the line.
pub fn read_front_matter(path: &Path, source: &str) -> Result<FrontMatter> {
    let split = split_front_matter(source);
    let Some(yaml) = split.yaml else {
        return Ok(FrontMatter::default());
    };
    let parsed = parse_yaml_mapping(yaml, split.yaml_line).map_err(|e| match e.kind {
        YamlErrorKind::Budget => Error::BudgetExceeded {
            path: path.to_path_buf(),
            line: e.line,
            message: e.message,
        },
        YamlErrorKind::Syntax => Error::FrontMatter {
            path: path.to_path_buf(),
            line: e.line,
            message: e.message,
        },
    })?;
    Ok(FrontMatter {
        data: parsed.data,
        warnings: parsed.warnings,
        present: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_without_front_matter_as_an_empty_mapping() {
        let fm = read_front_matter(Path::new("p.md"), "# Hello\n").expect("ok");
        assert!(!fm.present);
        assert!(fm.data.is_empty());
    }

    #[test]
    fn names_file_and_line_of_malformed_yaml() {
        let err = read_front_matter(Path::new("_posts/x.md"), "---\ntitle: [a\n---\nbody\n")
            .expect_err("malformed");
        assert_eq!(err.kind(), "front_matter");
        let text = err.to_string();
        assert!(text.starts_with("_posts/x.md:"), "{text}");
    }
}
