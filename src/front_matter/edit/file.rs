//! The edits of [`super`] applied to a file on disk: read, edit in memory, write atomically
//! only when something changed. What the CLI's `fm` commands and the app's form save call.

use std::path::Path;

use serde_json::Value;

use super::{get_key, set_key, unset_key, EditError};
use crate::fs_util::{atomic_write, read_text};
use crate::{Error, Result};

/// Turns an [`EditError`] about `path` into the core's [`Error`]: a parse error is an
/// [`Error::FrontMatter`] naming the file and line, a budget an [`Error::BudgetExceeded`],
/// anything else [`Error::EditRefused`].
pub fn edit_error(path: &Path, error: EditError) -> Error {
    match error {
        EditError::BudgetExceeded { line, message } => Error::BudgetExceeded {
            path: path.to_path_buf(),
            line,
            message,
        },
        EditError::Parse { line, message } => Error::FrontMatter {
            path: path.to_path_buf(),
            line,
            message,
        },
        other => Error::EditRefused {
            path: path.to_path_buf(),
            line: other.line().unwrap_or(0),
            message: other.to_string(),
        },
    }
}

/// The value of `key` in the file at `path`, as Jekyll reads it (`None`: no such key).
pub fn get_key_in_file(path: &Path, key: &str) -> Result<Option<Value>> {
    let source = read_text(path)?;
    get_key(&source, key).map_err(|e| edit_error(path, e))
}

/// Sets `key` to the YAML `value_text` in the file at `path`. Returns whether the file
/// changed; on any error nothing is written.
pub fn set_key_in_file(path: &Path, key: &str, value_text: &str) -> Result<bool> {
    let source = read_text(path)?;
    let edited = set_key(&source, key, value_text).map_err(|e| edit_error(path, e))?;
    write_if_changed(path, &source, &edited)
}

/// Removes `key` from the file at `path`. Returns whether the file changed (`false` when
/// the key was not there); on any error nothing is written.
pub fn unset_key_in_file(path: &Path, key: &str) -> Result<bool> {
    let source = read_text(path)?;
    let edited = unset_key(&source, key).map_err(|e| edit_error(path, e))?;
    write_if_changed(path, &source, &edited)
}

fn write_if_changed(path: &Path, before: &str, after: &str) -> Result<bool> {
    if before == after {
        return Ok(false);
    }
    atomic_write(path, after.as_bytes())?;
    Ok(true)
}
