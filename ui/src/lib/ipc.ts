// The one module that talks to the Rust side: every `invoke` and every backend event goes
// through here, and every failure comes out as an `IpcError` ({kind, message, path}).
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { IpcError } from "./bindings/IpcError";
import type { MovePreview } from "./bindings/MovePreview";
import type { PostText } from "./bindings/PostText";
import type { Preview } from "./bindings/Preview";
import type { SeriesApplied } from "./bindings/SeriesApplied";
import type { SeriesSettingsView } from "./bindings/SeriesSettingsView";
import type { WorkspaceSummary } from "./bindings/WorkspaceSummary";
import type { BlogChangeView } from "./bindings/BlogChangeView";
import type { RecoveredPost } from "./bindings/RecoveredPost";

export type { IpcError, MovePreview, PostText, Preview, SeriesApplied, SeriesSettingsView, WorkspaceSummary };
export type { ChangedFile } from "./bindings/ChangedFile";
export type { PostSummary } from "./bindings/PostSummary";
export type { PreviewProblem } from "./bindings/PreviewProblem";
export type { BlogChangeView, RecoveredPost };

/** Turns whatever a failed invoke threw into an IpcError the UI can show. */
export function toIpcError(raw: unknown): IpcError {
  if (raw && typeof raw === "object" && "kind" in raw && "message" in raw) {
    const e = raw as { kind: unknown; message: unknown; path?: unknown };
    return {
      kind: String(e.kind),
      message: String(e.message),
      path: typeof e.path === "string" ? e.path : null,
    };
  }
  return { kind: "shell", message: String(raw), path: null };
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
export const recentFolders = () => call<string[]>("recent_folders");
export const readPost = (path: string) => call<PostText>("read_post", { path });
export const renderPreview = (path: string, text: string) =>
  call<Preview>("render_preview", { path, text });
export const savePost = (path: string, text: string) =>
  call<WorkspaceSummary>("save_post", { path, text });

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
