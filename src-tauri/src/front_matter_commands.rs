//! The front matter panel's commands: read the editor's text into the form, turn one field's
//! edit into one text change for CodeMirror (so Ctrl+Z undoes it), the blog's choices (tags,
//! categories, layouts, series, languages), and whether the panel is open.

use std::path::{Path, PathBuf};

use lanyard::data_dir::data_dir;
use lanyard::front_matter::{self as fm, edit::edit_error, DateSource, DiagnosticKind, FormValue};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::error::{AppError, AppResult};
use crate::ipc_types::SeverityView;
use crate::session::Session;

/// A date as the form's date picker shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormDate {
    /// True when the post has no `date:` and the file name's date applies.
    pub from_file_name: bool,
    /// The text as written.
    pub written: String,
    /// `YYYY-MM-DD`; null when Jekyll cannot read the date.
    pub day: Option<String>,
    /// `HH:MM:SS`, when given (kept when the day changes).
    pub time: Option<String>,
    /// `+HH:MM`, when given (kept when the day changes).
    pub offset: Option<String>,
}

/// The typed fields the form shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormFields {
    pub title: Option<String>,
    pub date: Option<FormDate>,
    pub layout: Option<String>,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    pub series: Option<String>,
    pub lang: Option<String>,
    pub published: bool,
}

/// One top-level key with its value as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormEntry {
    pub key: String,
    /// 1-based file line of the key.
    pub line: u32,
    /// 1-based file line of the value's last line.
    pub end_line: u32,
    /// The value's YAML text, as written.
    pub value_yaml: String,
}

/// What is wrong in the front matter ([`lanyard::front_matter::DiagnosticKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FormDiagnosticKind {
    /// The YAML does not parse, or is not a mapping.
    Syntax,
    /// `date:` is not a date Jekyll can read.
    BadDate,
    /// A key appears twice.
    DuplicateKey,
}

impl From<DiagnosticKind> for FormDiagnosticKind {
    fn from(kind: DiagnosticKind) -> Self {
        match kind {
            DiagnosticKind::Syntax => FormDiagnosticKind::Syntax,
            DiagnosticKind::BadDate => FormDiagnosticKind::BadDate,
            DiagnosticKind::DuplicateKey => FormDiagnosticKind::DuplicateKey,
        }
    }
}

/// A problem at a line (and key) of the front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormDiagnostic {
    /// 1-based file line.
    pub line: u32,
    /// The key the line belongs to, when known.
    pub key: Option<String>,
    /// An error stops the form from writing; a warning does not.
    pub severity: SeverityView,
    /// What is wrong.
    pub kind: FormDiagnosticKind,
    pub message: String,
}

/// The keys the form's list and language fields write in this post (chosen by the core:
/// `tag` when Jekyll reads it over `tags`, the blog's own language key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormKeysView {
    /// `tag` or `tags`.
    pub tags: String,
    /// `category` or `categories`.
    pub categories: String,
    /// `lang`, `language` or `locale`.
    pub lang: String,
}

/// What the form shows for the editor's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormView {
    /// Whether the text has a front matter block.
    pub present: bool,
    /// Null while the front matter does not parse (the form does not write then).
    pub fields: Option<FormFields>,
    pub entries: Vec<FormEntry>,
    pub diagnostics: Vec<FormDiagnostic>,
    /// The keys the tags, categories and language fields write.
    pub keys: FormKeysView,
    /// Where the front matter block ends in the text read (UTF-16 units, fences and closing
    /// line break included); null without a block. The form compares this part of the text
    /// to know whether the block changed.
    pub block_end: Option<u32>,
}

/// A form field's new value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldChange {
    Text { value: String },
    List { values: Vec<String> },
    Bool { value: bool },
    Day { value: String },
    Yaml { value: String },
    Remove,
}

/// One replacement in the editor's text, in UTF-16 offsets (CodeMirror's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TextEdit {
    pub from: u32,
    pub to: u32,
    pub insert: String,
}

/// A tag, category, series or language and how many posts use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UsedChoice {
    pub value: String,
    pub count: u32,
}

/// What the form's fields offer, from the whole blog (most used first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct FormChoices {
    pub tags: Vec<UsedChoice>,
    pub categories: Vec<UsedChoice>,
    pub series: Vec<UsedChoice>,
    pub langs: Vec<UsedChoice>,
    /// From `_layouts/` (empty when the theme provides them).
    pub layouts: Vec<String>,
}

fn n32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The form for `text`, the editor's text of the file at `path`, in a blog writing
/// languages under `language_key`.
pub fn form_view(path: &Path, text: &str, language_key: &'static str) -> FormView {
    let state = fm::read_form(path, text, language_key);
    FormView {
        block_end: state.block_end_utf16.map(n32),
        keys: FormKeysView {
            tags: state.keys.tags.to_string(),
            categories: state.keys.categories.to_string(),
            lang: state.keys.lang.to_string(),
        },
        present: state.present,
        fields: state.fields.map(|f| FormFields {
            title: f.title,
            date: f.date.map(|d| FormDate {
                from_file_name: d.source == DateSource::FileName,
                written: d.written,
                day: d.day,
                time: d.time,
                offset: d.offset,
            }),
            layout: f.layout,
            tags: f.tags,
            categories: f.categories,
            series: f.series,
            lang: f.lang,
            published: f.published,
        }),
        entries: state
            .entries
            .into_iter()
            .map(|e| FormEntry {
                key: e.key,
                line: n32(e.line),
                end_line: n32(e.end_line),
                value_yaml: e.value_yaml,
            })
            .collect(),
        diagnostics: state
            .diagnostics
            .into_iter()
            .map(|d| FormDiagnostic {
                line: n32(d.line),
                key: d.key,
                severity: d.severity.into(),
                kind: d.kind.into(),
                message: d.message,
            })
            .collect(),
    }
}

/// The change to `text` that gives `key` its new value (`None`: nothing changes). Refused,
/// with the file and line, while the front matter does not parse.
pub fn field_edit(
    path: &Path,
    text: &str,
    key: &str,
    change: &FieldChange,
) -> lanyard::Result<Option<TextEdit>> {
    let value = match change {
        FieldChange::Text { value } => Some(FormValue::Text(value.clone())),
        FieldChange::List { values } => Some(FormValue::List(values.clone())),
        FieldChange::Bool { value } => Some(FormValue::Bool(*value)),
        FieldChange::Day { value } => Some(FormValue::Day(value.clone())),
        FieldChange::Yaml { value } => Some(FormValue::Yaml(value.clone())),
        FieldChange::Remove => None,
    };
    let edit = fm::set_form_value(text, key, value.as_ref()).map_err(|e| edit_error(path, e))?;
    Ok((edit.text != text).then(|| TextEdit {
        from: n32(edit.change.from_utf16),
        to: n32(edit.change.to_utf16),
        insert: edit.change.insert,
    }))
}

fn used(values: Vec<fm::UsedValue>) -> Vec<UsedChoice> {
    values
        .into_iter()
        .map(|u| UsedChoice {
            value: u.value,
            count: n32(u.count),
        })
        .collect()
}

/// Reads the editor's `text` of the post at `path` into the form.
#[tauri::command]
pub async fn read_front_matter_form(app: AppHandle, path: PathBuf, text: String) -> FormView {
    let language_key = app
        .state::<Session>()
        .workspace()
        .map_or(lanyard::site::DEFAULT_LANGUAGE_KEY, |w| w.language_key());
    form_view(&path, &text, language_key)
}

/// Gives `key` its new value in the editor's `text`: the change for the editor to apply.
#[tauri::command]
pub async fn edit_front_matter(
    path: PathBuf,
    text: String,
    key: String,
    change: FieldChange,
) -> AppResult<Option<TextEdit>> {
    Ok(field_edit(&path, &text, &key, &change)?)
}

/// The tags, categories, series, languages and layouts of the open blog.
#[tauri::command]
pub async fn front_matter_choices(app: AppHandle) -> AppResult<FormChoices> {
    tauri::async_runtime::spawn_blocking(move || -> AppResult<FormChoices> {
        let workspace = app.state::<Session>().workspace()?;
        let c = fm::form_choices(&workspace);
        Ok(FormChoices {
            tags: used(c.tags),
            categories: used(c.categories),
            series: used(c.series),
            langs: used(c.langs),
            layouts: c.layouts,
        })
    })
    .await
    .map_err(|e| AppError::Shell(e.to_string()))?
}

/// The panel's remembered state, in the data folder.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct PanelState {
    open: bool,
}

impl Default for PanelState {
    /// Open: how the panel starts the first time.
    fn default() -> Self {
        PanelState { open: true }
    }
}

fn panel_file(dir: &Path) -> PathBuf {
    dir.join("front_matter_panel.json")
}

/// Whether the panel was open last time (open the first time, or when the file is unreadable).
pub fn panel_open_in(dir: &Path) -> bool {
    lanyard::fs_util::read_json_or_default::<PanelState>(
        &panel_file(dir),
        "is not valid panel state",
    )
    .unwrap_or_default()
    .open
}

/// Remembers whether the panel is open.
pub fn set_panel_open_in(dir: &Path, open: bool) -> lanyard::Result<()> {
    lanyard::fs_util::write_json(&panel_file(dir), &PanelState { open })
}

/// Whether the front matter panel is open (remembered between runs).
#[tauri::command]
pub async fn front_matter_panel_open() -> bool {
    panel_open_in(&data_dir())
}

/// Remembers that the front matter panel is open or collapsed.
#[tauri::command]
pub async fn set_front_matter_panel_open(open: bool) -> AppResult<()> {
    Ok(set_panel_open_in(&data_dir(), open)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc_types::bindings::{assert_bindings_up_to_date, binding};

    const POST: &str = "---\ntitle: \"Jour 1\"  # le titre\ndate: 2025-06-10 19:30:00 +0200\ntags: [\"K8s\"]\n---\nCorps\n";

    fn apply(text: &str, edit: &TextEdit) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut out: Vec<u16> = units[..edit.from as usize].to_vec();
        out.extend(edit.insert.encode_utf16());
        out.extend(&units[edit.to as usize..]);
        String::from_utf16(&out).expect("utf16")
    }

    #[test]
    fn a_field_edit_changes_only_its_line_in_the_key_s_style() {
        let path = Path::new("2025-06-10-j1.md");
        let change = FieldChange::Text {
            value: "Jour 1 : l'arrivée".into(),
        };
        let edit = field_edit(path, POST, "title", &change)
            .expect("edit")
            .expect("changed");
        let after = apply(POST, &edit);
        assert_eq!(after, POST.replace("\"Jour 1\"", "\"Jour 1 : l'arrivée\""));
        let tags = FieldChange::List {
            values: vec!["K8s".into(), "Sécurité".into()],
        };
        let edit = field_edit(path, &after, "tags", &tags)
            .expect("edit")
            .expect("changed");
        assert_eq!(edit.insert, ", \"Sécurité\"");
        let day = FieldChange::Day {
            value: "2025-06-11".into(),
        };
        let edit = field_edit(path, POST, "date", &day)
            .expect("edit")
            .expect("changed");
        assert!(apply(POST, &edit).contains("date: 2025-06-11 19:30:00 +0200\n"));
        assert_eq!(
            field_edit(
                path,
                POST,
                "title",
                &FieldChange::Text {
                    value: "Jour 1".into()
                }
            )
            .expect("edit"),
            None
        );
    }

    #[test]
    fn refuses_to_edit_front_matter_that_does_not_parse() {
        let broken = "---\ntitle: a: b\n---\n";
        let err = field_edit(
            Path::new("/blog/_posts/x.md"),
            broken,
            "tags",
            &FieldChange::List {
                values: vec!["a".into()],
            },
        )
        .expect_err("refused");
        assert_eq!(err.kind(), "front_matter");
        assert!(err.to_string().starts_with("/blog/_posts/x.md:2:"), "{err}");
        let view = form_view(Path::new("x.md"), broken, "lang");
        assert!(view.fields.is_none());
        assert_eq!(view.diagnostics[0].line, 2);
        assert_eq!(view.diagnostics[0].key.as_deref(), Some("title"));
        assert_eq!(view.diagnostics[0].severity, SeverityView::Error);
    }

    #[test]
    fn reads_fields_and_warns_about_duplicates() {
        let view = form_view(
            Path::new("2025-06-10-j1.md"),
            "---\ntitle: A\ntitle: B\n---\n",
            "lang",
        );
        let fields = view.fields.expect("parses");
        assert_eq!(fields.title.as_deref(), Some("B"));
        assert!(fields.date.expect("file date").from_file_name);
        assert_eq!(view.diagnostics[0].kind, FormDiagnosticKind::DuplicateKey);
        assert_eq!(view.diagnostics[0].severity, SeverityView::Warning);
    }

    #[test]
    fn remembers_whether_the_panel_is_open() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(panel_open_in(dir.path()));
        set_panel_open_in(dir.path(), false).expect("save");
        assert!(!panel_open_in(dir.path()));
        std::fs::write(panel_file(dir.path()), "{oops").expect("corrupt");
        assert!(panel_open_in(dir.path()));
    }

    #[test]
    fn front_matter_bindings_are_up_to_date() {
        assert_bindings_up_to_date(&[
            binding::<FormDate>,
            binding::<FormFields>,
            binding::<FormEntry>,
            binding::<FormDiagnosticKind>,
            binding::<FormDiagnostic>,
            binding::<FormKeysView>,
            binding::<FormView>,
            binding::<FieldChange>,
            binding::<TextEdit>,
            binding::<UsedChoice>,
            binding::<FormChoices>,
        ]);
    }
}
