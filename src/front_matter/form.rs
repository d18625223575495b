//! The front matter form's two calls, for the desktop shell to wrap as commands: read the
//! editor's text into what the form shows ([`read_form`]), and turn one field's edit into
//! one text change for the editor ([`edit_field`]), so the form and the text stay in sync
//! and the edit lands in the editor's undo history.

use std::path::Path;

use super::edit::{raw_entries, set_key, text_change, unset_key, EditError, RawEntry, TextChange};
use super::{
    post_fields, read_front_matter, split_front_matter, validate_front_matter, Diagnostic,
    PostFields,
};
use crate::site::{pluralized_key, post_language_key};

/// The keys the form's fields write in one post: the ones Jekyll reads (`tag` over `tags`
/// when both exist) and the blog's own language key, so an edit never adds a second key
/// that Jekyll or the theme would ignore.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct FormKeys {
    /// `tag` or `tags`.
    pub tags: &'static str,
    /// `category` or `categories`.
    pub categories: &'static str,
    /// `lang`, `language` or `locale`.
    pub lang: &'static str,
}

impl FormKeys {
    /// The keys for a front matter mapping `data`, in a blog writing languages under
    /// `blog_language_key` ([`crate::site::Workspace::language_key`]).
    pub fn for_data(
        data: &serde_json::Map<String, serde_json::Value>,
        blog_language_key: &'static str,
    ) -> FormKeys {
        FormKeys {
            tags: pluralized_key(data, "tag", "tags"),
            categories: pluralized_key(data, "category", "categories"),
            lang: post_language_key(data, blog_language_key),
        }
    }
}

/// What the form shows for the editor's current text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FormState {
    /// Whether the text has a front matter block at all.
    pub present: bool,
    /// The typed fields; `None` while the front matter does not parse (the form then shows
    /// the last good values read-only and does not write).
    pub fields: Option<PostFields>,
    /// Every key with its value's YAML as written (the "other keys" part of the form).
    pub entries: Vec<RawEntry>,
    /// Parse errors, bad dates and duplicate keys, at their line and key.
    pub diagnostics: Vec<Diagnostic>,
    /// The keys the list and language fields write.
    pub keys: FormKeys,
    /// Where the front matter block ends (fences and the closing line break included), in
    /// UTF-16 code units as a JavaScript editor counts; `None` without a block. The form uses
    /// it to tell whether the block changed, instead of finding the block itself.
    pub block_end_utf16: Option<usize>,
}

/// Reads `source` (the editor's text of the file at `path`; the path gives the file name's
/// date) in a blog writing languages under `blog_language_key`. Never fails: problems are
/// diagnostics.
pub fn read_form(path: &Path, source: &str, blog_language_key: &'static str) -> FormState {
    let diagnostics = validate_front_matter(source);
    let split = split_front_matter(source);
    let block_end_utf16 = split
        .yaml
        .map(|_| source[..split.body_start].encode_utf16().count());
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    match read_front_matter(path, source) {
        Ok(fm) => FormState {
            present: fm.present,
            fields: Some(post_fields(&fm.data, file_name)),
            entries: raw_entries(source).unwrap_or_default(),
            diagnostics,
            keys: FormKeys::for_data(&fm.data, blog_language_key),
            block_end_utf16,
        },
        Err(_) => FormState {
            present: true,
            fields: None,
            entries: Vec::new(),
            diagnostics,
            keys: FormKeys::for_data(&serde_json::Map::new(), blog_language_key),
            block_end_utf16,
        },
    }
}

/// One field's edit, ready for the editor.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldEdit {
    /// The whole new text.
    pub text: String,
    /// The same edit as one replacement of the old text (empty when nothing changes).
    pub change: TextChange,
}

/// Sets `key` to the YAML `value_yaml` in `source`, or removes it when `value_yaml` is
/// `None`. Only that key's lines change; refused (nothing to apply) when the front matter or
/// the value does not parse.
pub fn edit_field(
    source: &str,
    key: &str,
    value_yaml: Option<&str>,
) -> Result<FieldEdit, EditError> {
    let text = match value_yaml {
        Some(value) => set_key(source, key, value)?,
        None => unset_key(source, key)?,
    };
    Ok(FieldEdit {
        change: text_change(source, &text),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "---\ntitle: Jour 1\ntags: [kubecon]\n---\nBody\n";

    #[test]
    fn reads_fields_entries_and_problems() {
        let form = read_form(Path::new("2023-04-19-j1.md"), POST, "lang");
        let fields = form.fields.expect("parses");
        assert_eq!(fields.title.as_deref(), Some("Jour 1"));
        assert_eq!(form.entries.len(), 2);
        assert!(form.diagnostics.is_empty());
        let broken = read_form(Path::new("p.md"), "---\ntitle: a: b\n---\n", "lang");
        assert!(broken.fields.is_none());
        assert_eq!(broken.diagnostics.len(), 1);
    }

    #[test]
    fn turns_a_field_edit_into_one_small_change() {
        let edit = edit_field(POST, "tags", Some("[kubecon, cloud]")).expect("edit");
        assert_eq!(edit.change.insert, ", cloud");
        let removed = edit_field(&edit.text, "tags", None).expect("remove");
        assert_eq!(removed.text, "---\ntitle: Jour 1\n---\nBody\n");
        assert!(edit_field(POST, "title", Some("a: b")).is_err());
    }

    #[test]
    fn edits_the_keys_jekyll_and_the_blog_read() {
        let both = "---\ntag: solo\ntags: [a, b]\nlanguage: en\n---\n";
        let form = read_form(Path::new("p.md"), both, "lang");
        assert_eq!(form.keys.tags, "tag");
        assert_eq!(form.keys.lang, "language");
        assert_eq!(form.fields.expect("parses").lang.as_deref(), Some("en"));
        let plain = read_form(Path::new("p.md"), POST, "locale");
        assert_eq!(
            (plain.keys.tags, plain.keys.categories),
            ("tags", "categories")
        );
        assert_eq!(plain.keys.lang, "locale");
    }

    #[test]
    fn gives_the_end_of_the_block_in_utf16_units() {
        let src = "---\ntitle: Été 🎉\n---\nBody\n";
        let form = read_form(Path::new("p.md"), src, "lang");
        let end = "---\ntitle: Été 🎉\n---\n".encode_utf16().count();
        assert_eq!(form.block_end_utf16, Some(end));
        let none = read_form(Path::new("p.md"), "# no block\n---\n", "lang");
        assert_eq!(none.block_end_utf16, None);
        let unclosed = read_form(Path::new("p.md"), "---\ntitle: x\n", "lang");
        assert_eq!(unclosed.block_end_utf16, None);
    }
}
