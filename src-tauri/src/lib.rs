//! Lanyard's desktop shell: wires the Tauri builder (state, menu, the `lanyard-asset` scheme,
//! commands). Every rule lives in the `lanyard` core; this crate adapts types and threads.

pub mod asset_protocol;
pub mod commands;
pub mod error;
pub mod front_matter_commands;
pub mod ipc_types;
pub mod journal_commands;
pub mod journal_types;
pub mod locale;
pub mod menu;
pub mod navigation;
pub mod photo_commands;
pub mod photo_inbox_commands;
pub mod photo_types;
pub mod preview_commands;
pub mod publish_commands;
pub mod render_worker;
pub mod series_commands;
pub mod session;
pub mod spellcheck;
pub mod startup_trace;
pub mod talks_commands;
pub mod talks_view;
pub mod theme_commands;
pub mod watcher;
pub mod webview_tuning;
pub mod workspace_view;

use std::path::PathBuf;

use std::sync::Arc;

use tauri::webview::PageLoadEvent;
use tauri::{Emitter, Manager, RunEvent, WebviewWindowBuilder, WindowEvent};

use crate::session::Session;

/// The demo blog shipped with the app: the bundled resource, else (a development build run from
/// the source tree) the repository's copy.
fn bundled_demo(app: &tauri::App) -> PathBuf {
    app.path()
        .resource_dir()
        .map(|dir| dir.join("demo-blog"))
        .ok()
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../assets/demo-blog"))
}

/// Starts the app; `startup_dir` is the `DIR` argument.
pub fn run(startup_dir: Option<PathBuf>) -> tauri::Result<()> {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            startup_trace::mark("setup");
            let session = Session::new(
                startup_dir,
                lanyard::data_dir::data_dir(),
                bundled_demo(app),
            );
            app.manage(session);
            app.manage(photo_commands::PhotoImports::default());
            app.manage(photo_inbox_commands::PhotoInbox::new(
                lanyard::data_dir::data_dir(),
            ));
            app.manage(lanyard::journal::OpenBuffers::new(
                lanyard::journal::Journal::in_data_dir(&lanyard::data_dir::data_dir()),
            ));
            app.manage(watcher::WatchState::default());
            app.manage(theme_commands::ThemeCache::default());
            app.manage(spellcheck::SpellState::default());
            app.manage(preview_commands::PreviewDocs::default());
            let worker: preview_commands::PreviewWorker =
                Arc::new(render_worker::RenderWorker::start()?);
            app.manage(worker);
            app.set_menu(menu::build(app.handle())?)?;
            app.on_menu_event(menu::on_event);
            open_main_window(app)?;
            startup_trace::mark("window built");
            Ok(())
        })
        .on_window_event(|window, event| {
            // The window is gone after the UI saved: a clean end, whoever stops the process next.
            if let WindowEvent::Destroyed = event {
                window.state::<Session>().exit_cleanly();
            }
            // Unsaved changes: hold the close, let the UI save, it then calls close_window.
            if let WindowEvent::CloseRequested { api, .. } = event {
                if window
                    .state::<Session>()
                    .hold_close(std::time::Instant::now())
                {
                    api.prevent_close();
                    if let Err(e) = window.emit("close-requested", ()) {
                        eprintln!("lanyard: could not ask the UI to save: {e}");
                    }
                }
            }
        })
        .register_asynchronous_uri_scheme_protocol(
            asset_protocol::SCHEME,
            |ctx, request, responder| {
                let app = ctx.app_handle().clone();
                std::thread::spawn(move || {
                    let gate = app
                        .state::<Session>()
                        .workspace()
                        .ok()
                        .map(|w| asset_protocol::blog_gate(&w));
                    responder.respond(asset_protocol::respond(gate.as_ref(), &request));
                });
            },
        )
        .invoke_handler(tauri::generate_handler![
            commands::open_initial_workspace,
            commands::open_workspace,
            commands::choose_workspace,
            commands::recent_folders,
            commands::system_language,
            commands::set_unsaved,
            commands::close_window,
            commands::read_post,
            commands::preview_edit,
            commands::paused_preview,
            series_commands::new_series,
            series_commands::next_part,
            series_commands::sync_series,
            series_commands::adoptable_lists,
            series_commands::adopt_series_lists,
            series_commands::preview_move,
            series_commands::move_post,
            series_commands::series_settings,
            series_commands::save_series_settings,
            photo_commands::import_photos,
            photo_commands::import_pasted_photo,
            photo_commands::cancel_photo_import,
            photo_commands::cover_change,
            photo_inbox_commands::photo_inbox,
            photo_inbox_commands::choose_photo_inbox,
            front_matter_commands::read_front_matter_form,
            front_matter_commands::edit_front_matter,
            front_matter_commands::front_matter_choices,
            front_matter_commands::front_matter_panel_open,
            front_matter_commands::set_front_matter_panel_open,
            talks_commands::schedule_view_of,
            talks_commands::choose_schedule,
            talks_commands::set_talk_star,
            talks_commands::talk_section,
            talks_commands::typed_talk_section,
            talks_commands::draft_my_day,
            publish_commands::publish_target,
            publish_commands::preview_publish,
            publish_commands::publish_post,
            publish_commands::push_blog,
            journal_commands::recover_journal,
            journal_commands::journal_open,
            journal_commands::journal_record,
            journal_commands::journal_rebase,
            journal_commands::journal_close,
            journal_commands::save_buffer,
            journal_commands::disk_text,
            journal_commands::refresh_workspace,
            journal_commands::autosave_setting,
            journal_commands::set_autosave_setting,
            watcher::watch_workspace,
            startup_trace::startup_marks,
            spellcheck::set_spellcheck_language,
            theme_commands::theme_view,
        ])
        .build(tauri::generate_context!())?
        .run(|app, event| {
            if let RunEvent::Exit = event {
                app.state::<Session>().exit_cleanly();
            }
        });
    Ok(())
}

/// The main window, as `tauri.conf.json` describes it (`create: false` there), built here so
/// that it refuses to navigate away from the app or to open other windows.
fn open_main_window(app: &tauri::App) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .unwrap_or_default();
    let window = WebviewWindowBuilder::from_config(app.handle(), &config)?
        .on_navigation(navigation::allow_navigation)
        .on_new_window(navigation::refuse_new_window)
        .on_page_load(|_, payload| match payload.event() {
            PageLoadEvent::Started => startup_trace::mark("page load started"),
            PageLoadEvent::Finished => startup_trace::mark("page loaded"),
        })
        .build()?;
    webview_tuning::apply(&window)?;
    Ok(())
}
