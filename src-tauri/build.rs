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
    "preview_edit",
    "paused_preview",
    "new_series",
    "next_part",
    "sync_series",
    "adoptable_lists",
    "adopt_series_lists",
    "preview_move",
    "move_post",
    "series_settings",
    "save_series_settings",
    "import_photos",
    "import_pasted_photo",
    "cancel_photo_import",
    "cover_change",
    "photo_inbox",
    "choose_photo_inbox",
    "read_front_matter_form",
    "edit_front_matter",
    "front_matter_choices",
    "front_matter_panel_open",
    "set_front_matter_panel_open",
    "schedule_view_of",
    "choose_schedule",
    "set_talk_star",
    "talk_section",
    "typed_talk_section",
    "draft_my_day",
    "publish_target",
    "preview_publish",
    "publish_post",
    "push_blog",
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
    "theme_view",
    "startup_marks",
    "set_spellcheck_language",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        println!("cargo:warning=tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
