// The one module that talks to the Rust side: every `invoke` and every backend event goes
// through here, and every failure comes out as an `IpcError` ({kind, message, path, line}; `kind`
// is a union the UI can switch on).
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { FieldChange } from "./bindings/FieldChange";
import type { FormChoices } from "./bindings/FormChoices";
import type { FormView } from "./bindings/FormView";
import type { IpcError } from "./bindings/IpcError";
import type { IpcErrorKind } from "./bindings/IpcErrorKind";
import type { TextEdit } from "./bindings/TextEdit";
import type { MovePreview } from "./bindings/MovePreview";
import type { PostText } from "./bindings/PostText";
import type { PublishApplied } from "./bindings/PublishApplied";
import type { PublishPreview } from "./bindings/PublishPreview";
import type { PublishStepView } from "./bindings/PublishStepView";
import type { PushResult } from "./bindings/PushResult";
import type { PreviewEdit } from "./bindings/PreviewEdit";
import type { PreviewUpdate } from "./bindings/PreviewUpdate";
import type { SeriesApplied } from "./bindings/SeriesApplied";
import type { SeriesSettingsView } from "./bindings/SeriesSettingsView";
import type { WorkspaceSummary } from "./bindings/WorkspaceSummary";
import type { ManualTalk } from "./bindings/ManualTalk";
import type { ScheduleView } from "./bindings/ScheduleView";
import type { BlogChangeView } from "./bindings/BlogChangeView";
import type { RecoveredPost } from "./bindings/RecoveredPost";
import type { ThemeViewIpc } from "./bindings/ThemeViewIpc";
import type { StartupMark } from "./bindings/StartupMark";

export type { IpcError, MovePreview, PostText, PreviewEdit, PreviewUpdate, SeriesApplied, SeriesSettingsView, ThemeViewIpc, WorkspaceSummary };
export type { ChangedFile } from "./bindings/ChangedFile";
export type { FieldChange, FormChoices, FormView, TextEdit };
export type { PostSummary } from "./bindings/PostSummary";
export type { PreviewProblem } from "./bindings/PreviewProblem";
export type { ManualTalk, ScheduleView };
export type { SlotView } from "./bindings/SlotView";
export type { TalkView } from "./bindings/TalkView";
export type { PublishApplied, PublishPreview, PublishStepView, PushResult };
export type { PlannedFile } from "./bindings/PlannedFile";
export type { PublishFindingView } from "./bindings/PublishFindingView";
export type { BlogChangeView, RecoveredPost, StartupMark };

/** Turns whatever a failed invoke threw into an IpcError the UI can show. */
export function toIpcError(raw: unknown): IpcError {
  if (raw && typeof raw === "object" && "kind" in raw && "message" in raw) {
    const e = raw as { kind: unknown; message: unknown; path?: unknown; line?: unknown };
    return {
      // The shell serializes an IpcErrorKind; anything else thrown here is the shell's own.
      kind: typeof e.kind === "string" ? (e.kind as IpcErrorKind) : "shell",
      message: String(e.message),
      path: typeof e.path === "string" ? e.path : null,
      line: typeof e.line === "number" ? e.line : null,
    };
  }
  return { kind: "shell", message: String(raw), path: null, line: null };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toIpcError(raw);
  }
}

export const openInitialWorkspace = () => call<WorkspaceSummary>("open_initial_workspace");
export const openWorkspace = (dir: string) => call<WorkspaceSummary>("open_workspace", { dir });
export const chooseWorkspace = () => call<WorkspaceSummary | null>("choose_workspace");
export const systemLanguage = () => call<string>("system_language");
/** The shell's start-up timeline (epoch milliseconds), merged with the UI's in lib/perf.ts. */
export const startupMarks = () => call<StartupMark[]>("startup_marks");
export const recentFolders = () => call<string[]>("recent_folders");
export const readPost = (path: string) => call<PostText>("read_post", { path });
/** Checks spelling in `lang` (`fr`, `en`, `pt-BR`...) in the editor from now on. */
export const setSpellcheckLanguage = (lang: string) => call<void>("set_spellcheck_language", { lang });
/** The live preview: the editor's changes (or text) go to the shell's copy of the post; the
 * blocks that changed come back (preview/preview_sync.ts, preview/blocks.ts). */
export const previewEdit = (edit: PreviewEdit) => call<PreviewUpdate>("preview_edit", { edit });
/** The page around the post in its blog's theme (layouts, compiled stylesheets); the body
 * itself comes from previewEdit. Fails with kind `theme_not_found` when the theme is not
 * installed. */
export const themeView = (path: string, text: string) => call<ThemeViewIpc>("theme_view", { path, text });
/** The post whose preview waits for a click: the one the last run left open when it ended
 * abnormally (null: none). Answered once per run. */
export const pausedPreview = () => call<string | null>("paused_preview");

/** "New series": writes its first part as a draft; `date` YYYY-MM-DD and `lang` optional. */
export const newSeries = (title: string, series: string, date: string | null, lang: string | null) =>
  call<SeriesApplied>("new_series", { title, series, date, lang });
/** "Next part" of the series the post at `path` belongs to. */
export const nextPart = (path: string) => call<SeriesApplied>("next_part", { path });
/** Regenerates every series header of the blog. */
export const syncSeries = () => call<SeriesApplied>("sync_series");
/** The parts whose hand-written series list the sync leaves alone. */
export const adoptableLists = () => call<string[]>("adoptable_lists");
/** Sync that also replaces hand-written series lists with the managed header. */
export const adoptSeriesLists = () => call<SeriesApplied>("adopt_series_lists");
/** What renaming / re-dating the post at `path` would write (null: unchanged). */
export const previewMove = (path: string, date: string | null, slug: string | null) =>
  call<MovePreview>("preview_move", { path, date, slug });
/** Renames / re-dates the post at `path`; `redirect` adds its old URL to `redirect_from`. */
export const movePost = (path: string, date: string | null, slug: string | null, redirect: boolean) =>
  call<SeriesApplied>("move_post", { path, date, slug, redirect });
/** The display name and article of `series` in the open blog (null: the defaults). */
export const seriesSettings = (series: string) => call<SeriesSettingsView>("series_settings", { series });
/** Saves them, then syncs every series header. */
export const saveSeriesSettings = (series: string, settings: SeriesSettingsView) =>
  call<SeriesApplied>("save_series_settings", { series, settings });

/** The front matter form for the editor's `text` of the post at `path`. */
export const readFrontMatterForm = (path: string, text: string) =>
  call<FormView>("read_front_matter_form", { path, text });
/** The change to `text` giving `key` its new value (null: nothing changes); refused while the
 * front matter does not parse. */
export const editFrontMatter = (path: string, text: string, key: string, change: FieldChange) =>
  call<TextEdit | null>("edit_front_matter", { path, text, key, change });
/** The open blog's tags, categories, series, languages and layouts, most used first. */
export const frontMatterChoices = () => call<FormChoices>("front_matter_choices");
/** Whether the front matter panel is open (remembered between runs). */
export const frontMatterPanelOpen = () => call<boolean>("front_matter_panel_open");
export const setFrontMatterPanelOpen = (open: boolean) => call<void>("set_front_matter_panel_open", { open });
/** The talks of `day` in the schedule of the series of `post` (path null: none imported). */
export const scheduleView = (post: string, day: string | null) =>
  call<ScheduleView>("schedule_view_of", { post, day });
/** "Import schedule…": a file dialog; the schedule is remembered for the series (null: cancelled). */
export const chooseSchedule = (post: string, day: string | null) =>
  call<ScheduleView | null>("choose_schedule", { post, day });
/** Stars or un-stars a talk for the series of `post`. */
export const setTalkStar = (post: string, uid: string, starred: boolean) =>
  call<void>("set_talk_star", { post, uid, starred });
/** The section of talk `uid` in the language of `post`. */
export const talkSection = (post: string, uid: string) => call<string>("talk_section", { post, uid });
/** The section of a talk typed in the "Talk" snippet form. */
export const typedTalkSection = (post: string, talk: ManualTalk) =>
  call<string>("typed_talk_section", { post, talk });
/** "Draft my day": the next part with the day's keynotes and starred talks. */
export const draftMyDay = (post: string) => call<SeriesApplied>("draft_my_day", { post });
/** The repository the open blog publishes into when it is a drafts folder (null: itself). */
export const publishTarget = () => call<string | null>("publish_target");
/** What publishing the post at `path` (into `target`) would do: checks, files, diffs. */
export const previewPublish = (path: string, target: string | null) =>
  call<PublishPreview>("preview_publish", { path, target });
/** Publishes the post at `path` all or nothing; `commit` commits exactly its files. */
export const publishPost = (path: string, message: string, force: boolean, commit: boolean, target: string | null) =>
  call<PublishApplied>("publish_post", { path, message, force, commit, target });
/** `git push` of the repository published into, with the user's git; with `rebase` (after a
 * rejected push), a rejection pulls with rebase and pushes again. */
export const pushBlog = (target: string | null, rebase: boolean) => call<PushResult>("push_blog", { target, rebase });
/** Each publishing step as it starts (write, push, pull with rebase, push again). */
export const onPublishProgress = (handler: (step: PublishStepView) => void): Promise<UnlistenFn> =>
  listen<PublishStepView>("publish-progress", (event) => handler(event.payload));
/** Each line git prints while a push or pull runs (its progress included). */
export const onPushProgress = (handler: (line: string) => void): Promise<UnlistenFn> =>
  listen<string>("push-progress", (event) => handler(event.payload));

export const setUnsaved = (unsaved: boolean) => call<void>("set_unsaved", { unsaved });
export const closeWindow = () => call<void>("close_window");

/** The window is closing with unsaved changes: save, then closeWindow(). */
export const onCloseRequested = (handler: () => void): Promise<UnlistenFn> =>
  listen("close-requested", () => handler());

/** File > Open Folder… was chosen in the menu. */
export const onMenuOpenFolder = (handler: () => void): Promise<UnlistenFn> =>
  listen("menu-open-folder", () => handler());

/** A folder of File > Open Recent was chosen in the menu. */
export const onMenuOpenRecent = (handler: (dir: string) => void): Promise<UnlistenFn> =>
  listen<string>("menu-open-recent", (event) => handler(event.payload));

// ---- photos: import (drop, paste), progress, cancel, cover, inbox tray ----
export type { EditorChange } from "./bindings/EditorChange";
export type { ImportProgressEvent } from "./bindings/ImportProgressEvent";
export type { InboxPhotoView } from "./bindings/InboxPhotoView";
export type { InboxView } from "./bindings/InboxView";
export type { PhotoOutcome } from "./bindings/PhotoOutcome";
export type { ThumbnailReady } from "./bindings/ThumbnailReady";
import type { EditorChange } from "./bindings/EditorChange";
import type { ImportProgressEvent } from "./bindings/ImportProgressEvent";
import type { InboxView } from "./bindings/InboxView";
import type { PhotoOutcome } from "./bindings/PhotoOutcome";
import type { ThumbnailReady } from "./bindings/ThumbnailReady";
import { getCurrentWebview } from "@tauri-apps/api/webview";

/** Imports photo files into the open blog for the post at `post` (its editor text gives the date). */
export const importPhotos = (post: string, text: string, files: string[], alt: string | null) =>
  call<PhotoOutcome[]>("import_photos", { post, text, files, alt });
/** Imports an image pasted from the clipboard (its bytes) for the post at `post`. */
export async function importPastedPhoto(post: string, bytes: Uint8Array): Promise<PhotoOutcome[]> {
  try {
    return await invoke<PhotoOutcome[]>("import_pasted_photo", bytes, {
      headers: { "x-post": encodeURIComponent(post) },
    });
  } catch (raw) {
    throw toIpcError(raw);
  }
}
/** Stops the running photo import. */
export const cancelPhotoImport = () => call<void>("cancel_photo_import");
/** The change that sets the post's `image:` front matter to `url` (UTF-16 offsets in `text`). */
export const coverChange = (path: string, text: string, url: string) =>
  call<EditorChange>("cover_change", { path, text, url });
/** The photo inbox tray (and starts watching its folder). */
export const photoInbox = () => call<InboxView>("photo_inbox");
/** Chooses the inbox folder with the native dialog (null: cancelled). */
export const choosePhotoInbox = () => call<InboxView | null>("choose_photo_inbox");

/** Progress of a photo import, after each photo. */
export const onPhotoImportProgress = (handler: (p: ImportProgressEvent) => void): Promise<UnlistenFn> =>
  listen<ImportProgressEvent>("photo-import-progress", (event) => handler(event.payload));
/** The inbox folder changed: list it again. */
export const onPhotoInboxChanged = (handler: () => void): Promise<UnlistenFn> =>
  listen("photo-inbox-changed", () => handler());
/** A thumbnail of the inbox was made. */
export const onPhotoInboxThumbnail = (handler: (t: ThumbnailReady) => void): Promise<UnlistenFn> =>
  listen<ThumbnailReady>("photo-inbox-thumbnail", (event) => handler(event.payload));

/** Files dropped from the file manager onto the window: their paths and the drop point (CSS px). */
export const onFilesDropped = (
  handler: (paths: string[], at: { x: number; y: number }) => void,
  onHover?: (over: boolean) => void,
): Promise<UnlistenFn> =>
  getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "drop") {
      onHover?.(false);
      const ratio = window.devicePixelRatio || 1;
      handler(p.paths, { x: p.position.x / ratio, y: p.position.y / ratio });
    } else if (p.type === "enter" || p.type === "over") onHover?.(true);
    else onHover?.(false);
  });
// Journal, autosave and changes made outside Lanyard (see journal_commands.rs, watcher.rs).
/** The journal entries of the open blog at start, each with what to do with it. */
export const recoverJournal = () => call<RecoveredPost[]>("recover_journal");
/** The editor opened `path` with `text`, just read from its file. */
export const journalOpen = (path: string, text: string) => call<void>("journal_open", { path, text });
/** Journals the editor's text at edit number `version` (crash safety; not a save). */
export const journalRecord = (path: string, text: string, version: number) =>
  call<void>("journal_record", { path, text, version });
/** The editor is now in step with the file holding `text` (null: no file). */
export const journalRebase = (path: string, text: string | null) => call<void>("journal_rebase", { path, text });
/** The editor closed `path`. */
export const journalClose = (path: string) => call<void>("journal_close", { path });
/** Saves an open post; refused (kind `changed_on_disk`) over someone else's change unless `force`. */
export const saveBuffer = (path: string, text: string, version: number, force: boolean) =>
  call<WorkspaceSummary>("save_buffer", { path, text, version, force });
/** The open post's file text now (null: gone). */
export const diskText = (path: string) => call<string | null>("disk_text", { path });
/** Re-reads the open blog. */
export const refreshWorkspace = () => call<WorkspaceSummary>("refresh_workspace");
/** The autosave delay in ms (null: manual save only). */
export const autosaveSetting = () => call<number | null>("autosave_setting");
export const setAutosaveSetting = (idleMs: number | null) => call<void>("set_autosave_setting", { idleMs });
/** Starts watching the open blog for changes made by other programs. */
export const watchWorkspace = () => call<void>("watch_workspace");

/** Files of the open blog changed by another program. */
export const onBlogChanged = (handler: (changes: BlogChangeView[]) => void): Promise<UnlistenFn> =>
  listen<BlogChangeView[]>("blog-changed", (event) => handler(event.payload));
