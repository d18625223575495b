//! The window's menu: File > Open Folder…, Open Recent, Quit, in the system language. Menu
//! items only tell the UI (events `menu-open-folder`, `menu-open-recent`), which saves the
//! current post first and then calls the same commands as its own buttons.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Wry};

use crate::session::Session;

const OPEN_FOLDER: &str = "open_folder";
const RECENT_PREFIX: &str = "recent:";

/// Menu labels in the system language.
struct Labels {
    file: &'static str,
    open_folder: &'static str,
    open_recent: &'static str,
    no_recent: &'static str,
    quit: &'static str,
}

fn labels() -> Labels {
    if crate::locale::system_language() == "fr" {
        Labels {
            file: "Fichier",
            open_folder: "Ouvrir un dossier…",
            open_recent: "Dossiers récents",
            no_recent: "Aucun dossier récent",
            quit: "Quitter",
        }
    } else {
        Labels {
            file: "File",
            open_folder: "Open Folder…",
            open_recent: "Open Recent",
            no_recent: "No recent folders",
            quit: "Quit",
        }
    }
}

/// Builds the menu bar with the current recent folders.
pub fn build(app: &AppHandle) -> tauri::Result<Menu<Wry>> {
    let text = labels();
    let mut recent = SubmenuBuilder::new(app, text.open_recent);
    let folders = app.state::<Session>().recent_folders();
    if folders.is_empty() {
        recent = recent.item(
            &MenuItemBuilder::new(text.no_recent)
                .enabled(false)
                .build(app)?,
        );
    }
    for (i, folder) in folders.iter().enumerate() {
        let item =
            MenuItemBuilder::with_id(format!("{RECENT_PREFIX}{i}"), folder.display().to_string());
        recent = recent.item(&item.build(app)?);
    }
    let open = MenuItemBuilder::with_id(OPEN_FOLDER, text.open_folder).accelerator("CmdOrCtrl+O");
    let file = SubmenuBuilder::new(app, text.file)
        .item(&open.build(app)?)
        .item(&recent.build()?)
        .separator()
        .quit_with_text(text.quit)
        .build()?;
    MenuBuilder::new(app).item(&file).build()
}

/// Rebuilds the menu after the recent list changed.
pub fn refresh(app: &AppHandle) -> tauri::Result<()> {
    app.set_menu(build(app)?)?;
    Ok(())
}

/// Forwards menu clicks to the UI.
pub fn on_event(app: &AppHandle, event: MenuEvent) {
    let id = event.id().as_ref();
    let sent = if id == OPEN_FOLDER {
        app.emit("menu-open-folder", ())
    } else if let Some(index) = id
        .strip_prefix(RECENT_PREFIX)
        .and_then(|i| i.parse::<usize>().ok())
    {
        match app.state::<Session>().recent_folders().get(index) {
            Some(folder) => app.emit("menu-open-recent", folder.display().to_string()),
            None => Ok(()),
        }
    } else {
        Ok(())
    };
    if let Err(e) = sent {
        eprintln!("lanyard: menu event not delivered: {e}");
    }
}
