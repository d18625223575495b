//! The app's own data folder (settings, caches, journals). Never inside a blog.

use std::path::PathBuf;

/// The data folder: `$LANYARD_DATA_DIR` when set, else `$XDG_DATA_HOME/lanyard`,
/// else `~/.local/share/lanyard`. The folder is not created here.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("LANYARD_DATA_DIR").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(xdg).join("lanyard");
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    home.join(".local/share/lanyard")
}
