//! The photo inbox tray: which folder (chosen with the native dialog, remembered in the data
//! folder), its photos with cached thumbnails (missing ones made in the background and sent
//! as `photo-inbox-thumbnail` events), and a watch that emits `photo-inbox-changed` when a
//! photo arrives or goes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use base64::Engine;
use lanyard::photo_import::ImportSettings;
use lanyard::photo_inbox::{list_inbox, watch_inbox, InboxSettings, InboxWatcher, ThumbnailCache};
use rayon::prelude::*;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::photo_types::{InboxPhotoView, InboxView, PhotoOutputView, ThumbnailReady};
use crate::session::Session;

/// Event: the inbox folder changed (the UI lists it again).
pub const CHANGED_EVENT: &str = "photo-inbox-changed";
/// Event: a thumbnail was made ([`ThumbnailReady`]).
pub const THUMBNAIL_EVENT: &str = "photo-inbox-thumbnail";

/// Managed state: the running watch and the thumbnails being made.
pub struct PhotoInbox {
    data_dir: PathBuf,
    watching: Mutex<Option<(PathBuf, InboxWatcher)>>,
    making: Arc<Mutex<HashSet<PathBuf>>>,
}

impl PhotoInbox {
    /// The inbox state of an app whose data folder is `data_dir`.
    pub fn new(data_dir: PathBuf) -> Self {
        PhotoInbox {
            data_dir,
            watching: Mutex::new(None),
            making: Arc::new(Mutex::new(HashSet::new())),
        }
    }

    /// Watches `folder` (keeps the current watch when it is already that folder).
    fn watch(&self, app: &AppHandle, folder: &Path) -> AppResult<()> {
        let mut watching = self
            .watching
            .lock()
            .map_err(|_| AppError::Shell("state poisoned".into()))?;
        if watching.as_ref().is_some_and(|(dir, _)| dir == folder) {
            return Ok(());
        }
        *watching = None;
        let app = app.clone();
        let watcher = watch_inbox(folder, move |_changes| {
            if let Err(e) = app.emit(CHANGED_EVENT, ()) {
                eprintln!("lanyard: could not tell the UI about the photo inbox: {e}");
            }
        })?;
        *watching = Some((folder.to_path_buf(), watcher));
        Ok(())
    }
}

/// The inbox tray's content (and starts watching the folder).
#[tauri::command]
pub async fn photo_inbox(app: AppHandle) -> AppResult<InboxView> {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || inbox_view(&handle))
        .await
        .map_err(|e| AppError::Shell(e.to_string()))?
}

/// Asks for the inbox folder with the native dialog, remembers it, and returns the tray;
/// `None` when the user cancels.
#[tauri::command]
pub async fn choose_photo_inbox(app: AppHandle) -> AppResult<Option<InboxView>> {
    let dialog = app.dialog().clone();
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.file().blocking_pick_folder())
        .await
        .map_err(|e| AppError::Shell(e.to_string()))?;
    let Some(folder) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let data_dir = app.state::<PhotoInbox>().data_dir.clone();
    InboxSettings {
        folder: Some(folder),
    }
    .save(&data_dir)?;
    photo_inbox(app).await.map(Some)
}

fn inbox_view(app: &AppHandle) -> AppResult<InboxView> {
    let inbox = app.state::<PhotoInbox>();
    let Some(folder) = InboxSettings::load(&inbox.data_dir).folder else {
        return Ok(InboxView {
            folder: None,
            photos: Vec::new(),
            problem: None,
            output: output_view(app),
        });
    };
    let listed = list_inbox(&folder).and_then(|photos| {
        inbox.watch(app, &folder).map_err(|e| match e {
            AppError::Core(core) => core,
            other => lanyard::Error::Invalid {
                path: folder.clone(),
                message: other.to_string(),
            },
        })?;
        Ok(photos)
    });
    let photos = match listed {
        Ok(photos) => photos,
        Err(e) => {
            return Ok(InboxView {
                folder: Some(folder.display().to_string()),
                photos: Vec::new(),
                problem: Some(e.to_string()),
                output: output_view(app),
            })
        }
    };
    let cache = ThumbnailCache::new(&inbox.data_dir);
    let mut missing = Vec::new();
    let views = photos
        .into_iter()
        .map(|photo| {
            let thumbnail = cache.cached(&photo.path).and_then(|f| data_url(&f));
            if thumbnail.is_none() {
                missing.push(photo.path.clone());
            }
            InboxPhotoView {
                name: photo
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default(),
                path: photo.path.display().to_string(),
                taken_at: photo.taken_at,
                thumbnail,
            }
        })
        .collect();
    make_thumbnails(app, cache, inbox.making.clone(), missing);
    Ok(InboxView {
        folder: Some(folder.display().to_string()),
        photos: views,
        problem: None,
        output: output_view(app),
    })
}

/// The open blog's photo output, as the import will apply it.
fn output_view(app: &AppHandle) -> Option<PhotoOutputView> {
    let workspace = app.state::<Session>().workspace().ok()?;
    let images = &workspace.config().images;
    let settings = ImportSettings::for_blog(images);
    Some(PhotoOutputView {
        format: images.format.name().to_string(),
        quality: settings.quality_of(images.format),
        widths: images.widths.clone(),
        markup: images.markup.name().to_string(),
    })
}

/// Makes the missing thumbnails on a background thread (on all cores), each reported as it is
/// done; a photo already being made is not made twice.
fn make_thumbnails(
    app: &AppHandle,
    cache: ThumbnailCache,
    making: Arc<Mutex<HashSet<PathBuf>>>,
    photos: Vec<PathBuf>,
) {
    let photos: Vec<PathBuf> = match making.lock() {
        Ok(mut set) => photos
            .into_iter()
            .filter(|p| set.insert(p.clone()))
            .collect(),
        Err(_) => return,
    };
    if photos.is_empty() {
        return;
    }
    let app = app.clone();
    std::thread::spawn(move || {
        photos.par_iter().for_each(|photo| {
            let made = cache.thumbnail(photo);
            if let Ok(mut set) = making.lock() {
                set.remove(photo);
            }
            let event = match made {
                Ok(file) => ThumbnailReady {
                    path: photo.display().to_string(),
                    thumbnail: data_url(&file),
                    error: None,
                },
                Err(e) => ThumbnailReady {
                    path: photo.display().to_string(),
                    thumbnail: None,
                    error: Some(e.reason()),
                },
            };
            if let Err(e) = app.emit(THUMBNAIL_EVENT, event) {
                eprintln!("lanyard: could not send a thumbnail: {e}");
            }
        });
    });
}

/// A thumbnail file as a `data:image/jpeg` URL (the CSP allows `data:` images).
fn data_url(file: &Path) -> Option<String> {
    let bytes = std::fs::read(file).ok()?;
    Some(format!(
        "data:image/jpeg;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}
