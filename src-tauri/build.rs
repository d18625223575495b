//! Tauri's build step, with the app's own commands declared so that the capability in
//! `capabilities/main.json` can grant exactly those (`allow-<command>`), nothing more.

const COMMANDS: &[&str] = &[
    "open_initial_workspace",
    "open_workspace",
    "choose_workspace",
    "recent_folders",
    "system_language",
    "set_unsaved",
    "close_window",
    "read_post",
    "render_preview",
    "save_post",
    "new_series",
    "next_part",
    "sync_series",
    "adoptable_lists",
    "adopt_series_lists",
    "preview_move",
    "move_post",
    "series_settings",
    "save_series_settings",
    "recover_journal",
    "journal_open",
    "journal_record",
    "journal_rebase",
    "journal_close",
    "save_buffer",
    "disk_text",
    "refresh_workspace",
    "autosave_setting",
    "set_autosave_setting",
    "watch_workspace",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        println!("cargo:warning=tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
