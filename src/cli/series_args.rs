//! What the series commands (`new`, `mv`, `series`) share: reading a date argument, loading
//! the series settings, and printing the files a change touched.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use lanyard::changeset::Changeset;
use lanyard::data_dir::data_dir;
use lanyard::series::names::parse_user_date;
use lanyard::series::SettingsStore;
use lanyard::site::Workspace;
use lanyard::Result;

/// Parses a `YYYY-MM-DD` argument (clap value parser).
pub fn parse_date_arg(text: &str) -> Result<Date, String> {
    parse_user_date(text).map_err(|_| format!("`{text}` is not a date written YYYY-MM-DD"))
}

/// The series settings of the app's data folder.
pub fn load_settings() -> Result<SettingsStore> {
    SettingsStore::load(&data_dir())
}

/// Writes `changes` (unless `dry_run`) and prints the files touched, one per line, relative
/// to the workspace root.
pub fn apply_and_print(workspace: &Workspace, changes: &Changeset, dry_run: bool) -> Result<()> {
    let touched: Vec<PathBuf> = if dry_run {
        changes.touched()
    } else {
        changes.apply()?
    };
    for path in touched {
        println!("{}", shown(workspace, &path));
    }
    Ok(())
}

/// `path` as shown to the user: relative to the workspace root.
pub fn shown(workspace: &Workspace, path: &Path) -> String {
    workspace.rel_path(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_real_padded_dates() {
        assert_eq!(
            parse_date_arg("2024-03-21").map(|d| d.to_string()),
            Ok("2024-03-21".to_string())
        );
        for bad in ["2024-3-21", "2024-02-30", "21/03/2024", "2024-03-21x", ""] {
            assert!(parse_date_arg(bad).is_err(), "{bad:?}");
        }
    }
}
