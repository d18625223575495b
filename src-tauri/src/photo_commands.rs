//! The photo commands: import dropped files (a batch on all cores, off the UI thread, with
//! `photo-import-progress` events and a cancel), import a pasted image, and the "Use as cover"
//! change of the post's `image:` front matter.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use lanyard::front_matter::edit::edit_error;
use lanyard::front_matter::{set_form_value, FormValue};
use lanyard::fs_util::read_text;
use lanyard::photo_import::post::post_date;
use lanyard::photo_import::{
    import_photos as import_batch, ImportSettings, ImportTarget, PhotoError, PhotoJob,
};
use tauri::{AppHandle, Emitter, Manager};

use crate::error::{AppError, AppResult};
use crate::ipc_types::{IpcError, IpcErrorKind};
use crate::photo_types::{EditorChange, ImportProgressEvent, ImportedPhotoView, PhotoOutcome};
use crate::session::Session;

/// Managed state: the cancel flag of the batch running now.
#[derive(Default)]
pub struct PhotoImports {
    cancel: Mutex<Arc<AtomicBool>>,
}

impl PhotoImports {
    /// A fresh flag for a new batch (the previous batch's flag is left as it was).
    fn start(&self) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        if let Ok(mut current) = self.cancel.lock() {
            *current = flag.clone();
        }
        flag
    }

    fn cancel(&self) {
        if let Ok(current) = self.cancel.lock() {
            current.store(true, Ordering::SeqCst);
        }
    }
}

/// Event name of the progress of a batch.
pub const PROGRESS_EVENT: &str = "photo-import-progress";

/// Imports `files` into the open blog's assets folder for the post at `post` (whose editor
/// text is `text`: it gives the date for photos without one). One outcome per file, in
/// order; a failed photo never stops the others.
#[tauri::command]
pub async fn import_photos(
    app: AppHandle,
    post: PathBuf,
    text: String,
    files: Vec<PathBuf>,
    alt: Option<String>,
) -> AppResult<Vec<PhotoOutcome>> {
    let jobs = files
        .into_iter()
        .map(|source| PhotoJob {
            source,
            alt: alt.clone().filter(|a| !a.trim().is_empty()),
        })
        .collect();
    run_batch(app, &post, &text, jobs).await
}

/// Imports an image pasted from the clipboard: the request body is its bytes, the `x-post`
/// header the post's path (percent-encoded). Named "pasted" (the alt text can rename the line).
#[tauri::command]
pub async fn import_pasted_photo(
    app: AppHandle,
    request: tauri::ipc::Request<'_>,
) -> AppResult<Vec<PhotoOutcome>> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(AppError::Shell(
            "the pasted image did not arrive as bytes".into(),
        ));
    };
    let post = request
        .headers()
        .get("x-post")
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .to_string()
        })
        .ok_or_else(|| AppError::Shell("the pasted image came without its post".into()))?;
    let post = PathBuf::from(post);
    let staging = tempfile::tempdir().map_err(|e| AppError::Shell(e.to_string()))?;
    let source = staging
        .path()
        .join(format!("pasted.{}", sniff_extension(bytes)));
    std::fs::write(&source, bytes).map_err(|e| lanyard::Error::io(&source, e))?;
    let text = read_text(&post).unwrap_or_default();
    let outcomes = run_batch(app, &post, &text, vec![PhotoJob::new(source)]).await;
    drop(staging);
    outcomes
}

/// Stops the running batch: photos not yet written end as `cancelled` and leave no file.
#[tauri::command]
pub fn cancel_photo_import(app: AppHandle) {
    app.state::<PhotoImports>().cancel();
}

/// "Use as cover": the change that sets the post's `image:` front matter to `url` in `text`
/// (the editor's text of the post at `path`), touching only that key's line.
#[tauri::command]
pub fn cover_change(path: PathBuf, text: String, url: String) -> AppResult<EditorChange> {
    let edit = set_form_value(&text, "image", Some(&FormValue::Text(url)))
        .map_err(|e| AppError::Core(edit_error(&path, e)))?;
    Ok(EditorChange {
        from: edit.change.from_utf16 as u32,
        to: edit.change.to_utf16 as u32,
        insert: edit.change.insert,
    })
}

/// The batch, on the blocking pool (rayon then uses every core), reporting progress.
async fn run_batch(
    app: AppHandle,
    post: &Path,
    text: &str,
    jobs: Vec<PhotoJob>,
) -> AppResult<Vec<PhotoOutcome>> {
    let workspace = app.state::<Session>().workspace()?;
    let root = workspace.root().to_path_buf();
    // The blog's `lanyard: images:` settings: format, quality, widths, markup.
    let settings = ImportSettings::for_blog(&workspace.config().images);
    let target = ImportTarget {
        workspace: root,
        post_date: post_date(post, text).unwrap_or_else(|| jiff::ZonedDateTime::now().date()),
    };
    let cancel = app.state::<PhotoImports>().start();
    let emitter = app.clone();
    let results = tauri::async_runtime::spawn_blocking(move || {
        let on_progress = |p: lanyard::photo_import::ImportProgress<'_>| {
            let event = ImportProgressEvent {
                done: p.done as u32,
                total: p.total as u32,
                source: p.source.display().to_string(),
            };
            if let Err(e) = emitter.emit(PROGRESS_EVENT, event) {
                eprintln!("lanyard: could not report import progress: {e}");
            }
        };
        let results = import_batch(&jobs, &target, &settings, &on_progress, &cancel);
        jobs.into_iter().zip(results).map(outcome).collect()
    })
    .await
    .map_err(|e| AppError::Shell(e.to_string()))?;
    Ok(results)
}

fn outcome(
    (job, result): (
        PhotoJob,
        Result<lanyard::photo_import::ImportedPhoto, PhotoError>,
    ),
) -> PhotoOutcome {
    let source = job.source.display().to_string();
    match result {
        Ok(photo) => PhotoOutcome {
            source: source.clone(),
            photo: Some(ImportedPhotoView {
                source,
                markdown: photo.markdown(),
                url: photo.url,
            }),
            error: None,
        },
        Err(err) => PhotoOutcome {
            source,
            photo: None,
            error: Some(IpcError {
                kind: IpcErrorKind::of_photo(err.error_kind()),
                message: err.reason(),
                path: Some(err.path().display().to_string()),
                line: None,
            }),
        },
    }
}

/// The extension the bytes' signature calls for (the import sniffs again; this only names
/// the staged file).
fn sniff_extension(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\x89PNG") {
        "png"
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        "jpg"
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        "webp"
    } else if bytes.len() > 12 && &bytes[4..8] == b"ftyp" {
        "heic"
    } else {
        "img"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "---\ntitle: \"Jour 1\"\ntags: [kubecon]\n---\n\nTexte.\n";

    #[test]
    fn the_cover_change_adds_the_image_line_only() {
        let change = cover_change(
            PathBuf::from("/blog/_posts/2023-04-19-j1.md"),
            POST.into(),
            "/assets/images/2023-04-19-arc.jpg".into(),
        )
        .expect("change");
        let mut text = POST.to_string();
        text.replace_range(change.from as usize..change.to as usize, &change.insert);
        assert_eq!(
            text,
            "---\ntitle: \"Jour 1\"\ntags: [kubecon]\nimage: /assets/images/2023-04-19-arc.jpg\n---\n\nTexte.\n"
        );
    }

    #[test]
    fn a_url_with_odd_characters_is_quoted_and_broken_front_matter_refused() {
        let quoted = cover_change(
            PathBuf::from("/blog/_posts/x.md"),
            POST.into(),
            "/a b: c.jpg".into(),
        )
        .expect("change");
        assert_eq!(quoted.insert, "image: \"/a b: c.jpg\"\n");
        let err = cover_change(
            PathBuf::from("/blog/_posts/x.md"),
            "---\ntitle: a: b\n---\n".into(),
            "/a.jpg".into(),
        )
        .expect_err("broken");
        assert!(err.to_string().contains("/blog/_posts/x.md"), "{err}");
    }

    #[test]
    fn pasted_bytes_are_named_by_their_signature() {
        assert_eq!(sniff_extension(b"\x89PNG\r\n\x1a\n"), "png");
        assert_eq!(sniff_extension(&[0xFF, 0xD8, 0xFF]), "jpg");
        assert_eq!(sniff_extension(b"RIFF\0\0\0\0WEBPVP8 "), "webp");
        assert_eq!(sniff_extension(b"\0\0\0\x18ftypheic\0\0\0\0"), "heic");
        assert_eq!(sniff_extension(b"hello"), "img");
    }
}
