//! Schedule pane commands: import a conference schedule for the open post's series (a file
//! dialog; remembered in the data folder), show a day's talks, star them, get a talk's
//! section to insert at the cursor, a section typed by hand ("Talk" snippet), and "Draft my
//! day". Each is a thin adapter over `lanyard::talks`.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use lanyard::data_dir::data_dir;
use lanyard::series::series_of_file;
use lanyard::site::Workspace;
use lanyard::talks::{plan_draft_day, post_lang, read_schedule, render_section, Talk, TalkStore};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::commands::off_ui_thread;
use crate::error::{AppError, AppResult};
use crate::series_commands::{apply_plan, SeriesApplied};
use crate::talks_view::{schedule_view, ManualTalk, ScheduleView};

/// Held while `talks.json` is read, changed and saved: two stars clicked in quick succession
/// run on two threads, and the second save must include the first star.
static STORE_UPDATE: Mutex<()> = Mutex::new(());

/// Loads `talks.json`, applies `change` and saves it, one update at a time.
fn update_store(change: impl FnOnce(&mut TalkStore)) -> AppResult<()> {
    let _guard = STORE_UPDATE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut store = TalkStore::load(&data_dir())?;
    change(&mut store);
    Ok(store.save(&data_dir())?)
}

/// Runs `work` with the open blog on the blocking pool.
async fn with_workspace<T: Send + 'static>(
    app: &AppHandle,
    work: impl FnOnce(&Workspace) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    off_ui_thread(app, move |session| {
        let workspace = session.workspace()?;
        work(&workspace)
    })
    .await
}

/// The series the post at `post` belongs to.
fn series_name(workspace: &Workspace, post: &Path) -> AppResult<String> {
    series_of_file(workspace, post)
        .map(|(series, _)| series.name)
        .ok_or_else(|| {
            AppError::Core(lanyard::Error::NotFound {
                path: post.to_path_buf(),
                message: "is not part of a series (no `series:` in its front matter)".into(),
            })
        })
}

/// The schedule view of the post's series on `day`, from the stored schedule.
fn view_of(workspace: &Workspace, post: &Path, day: Option<&str>) -> AppResult<ScheduleView> {
    let series = series_name(workspace, post)?;
    let entry = TalkStore::load(&data_dir())?.series(workspace.root(), &series);
    match &entry.schedule {
        Some(path) => Ok(schedule_view(&read_schedule(path)?, day, &entry.starred)),
        None => Ok(ScheduleView {
            path: None,
            name: None,
            days: Vec::new(),
            day: None,
            slots: Vec::new(),
            warnings: Vec::new(),
        }),
    }
}

/// The talks of `day` in the schedule of the series of `post` (empty when none imported).
#[tauri::command]
pub async fn schedule_view_of(
    app: AppHandle,
    post: PathBuf,
    day: Option<String>,
) -> AppResult<ScheduleView> {
    with_workspace(&app, move |w| view_of(w, &post, day.as_deref())).await
}

/// "Import schedule…": a file dialog for an `.ics`; the file is read (a bad file is an error
/// and is not remembered), then stored for the series of `post`. Null when cancelled.
#[tauri::command]
pub async fn choose_schedule(
    app: AppHandle,
    post: PathBuf,
    day: Option<String>,
) -> AppResult<Option<ScheduleView>> {
    let dialog = app.dialog().clone();
    let post_for_dir = post.clone();
    // Start where the schedule was found last time, else in the blog.
    let start = with_workspace(&app, move |w| {
        let series = series_name(w, &post_for_dir)?;
        let known = TalkStore::load(&data_dir())?
            .series(w.root(), &series)
            .schedule;
        Ok(known
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .filter(|d| d.is_dir())
            .unwrap_or_else(|| w.root().to_path_buf()))
    })
    .await?;
    let picked = tauri::async_runtime::spawn_blocking(move || {
        dialog
            .file()
            .add_filter("iCalendar", &["ics", "ical", "ICS"])
            .set_directory(start)
            .blocking_pick_file()
    })
    .await
    .map_err(|e| AppError::Shell(e.to_string()))?;
    let Some(file) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    with_workspace(&app, move |w| {
        read_schedule(&file)?;
        let series = series_name(w, &post)?;
        update_store(|store| store.series_mut(w.root(), &series).schedule = Some(file))?;
        view_of(w, &post, day.as_deref()).map(Some)
    })
    .await
}

/// Stars or un-stars the talk `uid` for the series of `post`.
#[tauri::command]
pub async fn set_talk_star(
    app: AppHandle,
    post: PathBuf,
    uid: String,
    starred: bool,
) -> AppResult<()> {
    with_workspace(&app, move |w| {
        let series = series_name(w, &post)?;
        update_store(|store| store.set_star(w.root(), &series, &uid, starred))
    })
    .await
}

/// The section of the talk `uid`, in the language of `post`, to insert at the cursor.
#[tauri::command]
pub async fn talk_section(app: AppHandle, post: PathBuf, uid: String) -> AppResult<String> {
    with_workspace(&app, move |w| {
        let series = series_name(w, &post)?;
        let store = TalkStore::load(&data_dir())?;
        let path = store.series(w.root(), &series).schedule.ok_or_else(|| {
            AppError::Shell(format!("no schedule imported for the series {series}"))
        })?;
        let schedule = read_schedule(&path)?;
        let talk = schedule
            .talk(&uid)
            .ok_or_else(|| lanyard::Error::NotFound {
                path: path.clone(),
                message: format!("has no talk with UID `{uid}`"),
            })?;
        Ok(section_for(w, &store, &post, talk))
    })
    .await
}

/// The section of a talk typed in the "Talk" snippet form, in the language of `post`.
#[tauri::command]
pub async fn typed_talk_section(
    app: AppHandle,
    post: PathBuf,
    talk: ManualTalk,
) -> AppResult<String> {
    with_workspace(&app, move |w| {
        let store = TalkStore::load(&data_dir())?;
        let talk = Talk::typed(&talk.title, &talk.speakers, &talk.company, &talk.url);
        Ok(section_for(w, &store, &post, &talk))
    })
    .await
}

fn section_for(workspace: &Workspace, store: &TalkStore, post: &Path, talk: &Talk) -> String {
    let lang = post_lang(workspace, post);
    render_section(talk, &lang, &store.template(Some(&lang)))
}

/// "Draft my day": the next part of the series of `post`, with the day's keynotes and
/// starred talks; the UI opens it.
#[tauri::command]
pub async fn draft_my_day(app: AppHandle, post: PathBuf) -> AppResult<SeriesApplied> {
    apply_plan(&app, move |w, settings| {
        let (series, _) = series_of_file(w, &post).ok_or_else(|| lanyard::Error::NotFound {
            path: post.clone(),
            message: "is not part of a series (no `series:` in its front matter)".into(),
        })?;
        let store = TalkStore::load(&data_dir())?;
        let entry = store.series(w.root(), &series.name);
        let path = entry.schedule.ok_or_else(|| lanyard::Error::NotFound {
            path: post.clone(),
            message: format!("has no schedule imported for the series {}", series.name),
        })?;
        let schedule = read_schedule(&path)?;
        let template = |lang: &str| store.template(Some(lang));
        plan_draft_day(w, settings, &schedule, &entry.starred, template, &post)
            .map(|n| (n.changes, Some(n.path)))
    })
    .await
}

#[cfg(test)]
mod tests {
    use crate::ipc_types::bindings::{assert_bindings_up_to_date, binding};
    use crate::talks_view::{ManualTalk, ScheduleView, SlotView, TalkView};

    #[test]
    fn talks_bindings_are_up_to_date() {
        assert_bindings_up_to_date(&[
            binding::<TalkView>,
            binding::<SlotView>,
            binding::<ScheduleView>,
            binding::<ManualTalk>,
        ]);
    }
}
