// Keeps the open post safe: journals its text (crash safety), autosaves it, brings back what
// the journal held after a crash, and handles changes other programs make to the blog (silent
// reload when clean, a choice when not, save again / close when the file is gone). App.svelte
// owns the editor and the save; it lends them through `BufferHost`.
import { Autosave } from "./autosave";
import type { BufferAlert } from "./buffer_alert";
import { decideDiskChange, summarizeChanges } from "./external_changes";
import { t } from "./i18n";
import * as ipc from "./ipc";
import type { BlogChangeView, PostText, RecoveredPost, WorkspaceSummary } from "./ipc";

/** What the guard needs from the window. */
export interface BufferHost {
  /** The open post's path (null: none). */
  path: () => string | null;
  text: () => string;
  /** Unsaved edits, or a save in flight. */
  isDirty: () => boolean;
  editVersion: () => number;
  /** Replaces the editor's text as one undoable change, keeping cursor and scroll. */
  replaceText: (text: string) => void;
  /** The editor's text is what the file holds (after a reload or taking theirs). */
  markInStep: () => void;
  /** Saves the post (`force`: over a file someone else changed); false when it failed. */
  save: (force: boolean) => Promise<boolean>;
  /** Saves only when there are unsaved edits. */
  saveIfDirty: () => Promise<boolean>;
  setWorkspace: (workspace: WorkspaceSummary) => void;
  /** Closes the post (the editor shows no post). */
  closePost: () => void;
  fail: (e: unknown) => void;
}

/** When each silent reload reached the editor (Date.now()), read by the benchmark. */
export const reloadLog: { path: string; at: number }[] = [];
/** Keystroke-to-journal latencies (ms), read by the benchmark; the last 2000. */
export const journalLatencies: number[] = [];
Object.assign(globalThis, { lanyardReloads: reloadLog, lanyardJournalLatencies: journalLatencies });

export class BufferGuard {
  /** A choice the open post waits for (nothing is written to its file until then). */
  alert = $state<BufferAlert | null>(null);
  /** The compare view is open, on the editor's text as it was then. */
  comparing = $state(false);
  compareMine = $state("");
  /** Titles of the posts recovered from the journal at start. */
  recoveredTitles = $state<string[]>([]);
  /** The autosave delay (ms; null: manual save only). */
  idleMs = $state<number | null>(1500);

  private pending = new Map<string, RecoveredPost>();
  /** The post whose buffer is journaled (closed when another post or blog opens). */
  private current: string | null = null;
  private autosave: Autosave;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private host: BufferHost) {
    this.autosave = new Autosave(
      {
        writeJournal: () => this.writeJournal(),
        save: () => host.saveIfDirty(),
        canSave: () => this.alert === null,
        onJournaled: (ms) => {
          journalLatencies.push(ms);
          if (journalLatencies.length > 2000) journalLatencies.shift();
        },
        onJournalError: (e) => host.fail({ ...ipc.toIpcError(e), message: t.journal.journalFailed(ipc.toIpcError(e).message) }),
      },
      this.idleMs,
    );
  }

  /** Loads the autosave setting. */
  async loadSetting() {
    const ms = await ipc.autosaveSetting().catch(() => 1500);
    this.idleMs = ms;
    this.autosave.setIdle(ms);
  }

  async setIdle(ms: number | null) {
    this.idleMs = ms;
    this.autosave.setIdle(ms);
    await ipc.setAutosaveSetting(ms).catch((e) => this.host.fail(e));
  }

  /** A blog was opened: watches it and reads its journal. Returns the post to reopen (the one
   * last journaled), if any. */
  async attach(): Promise<string | null> {
    this.autosave.cancel();
    if (this.current) await ipc.journalClose(this.current).catch(() => {});
    this.current = null;
    this.alert = null;
    this.recoveredTitles = [];
    await ipc.watchWorkspace().catch((e) => this.host.fail(e));
    const found = await ipc.recoverJournal().catch((e) => (this.host.fail(e), [] as RecoveredPost[]));
    this.pending = new Map(found.filter((f) => f.recovery !== "up_to_date").map((f) => [f.path, f]));
    const newest = [...found].sort((a, b) => a.written_at_ms - b.written_at_ms).pop();
    return newest?.path ?? null;
  }

  /** Reads a post to open: its file, or the recovered text when the file is gone. */
  async read(path: string): Promise<PostText> {
    const r = this.pending.get(path);
    if (r?.recovery === "file_missing") return { path, text: r.text, lang: r.lang };
    return ipc.readPost(path);
  }

  /** The post `loaded` is opening (the previous one was saved): returns the text to show, and
   * whether it is unsaved (text recovered from the journal). */
  async opened(loaded: PostText): Promise<{ text: string; dirty: boolean }> {
    this.autosave.cancel();
    this.alert = null;
    this.comparing = false;
    if (this.current && this.current !== loaded.path) await ipc.journalClose(this.current).catch(() => {});
    this.current = loaded.path;
    const r = this.pending.get(loaded.path);
    this.pending.delete(loaded.path);
    if (!r) {
      await ipc.journalOpen(loaded.path, loaded.text).catch((e) => this.host.fail(e));
      return { text: loaded.text, dirty: false };
    }
    if (r.recovery === "conflict") {
      this.alert = { kind: "conflict", theirs: r.disk_text ?? "", recoveredTitle: r.title };
    } else {
      this.recoveredTitles = [...this.recoveredTitles, r.title];
      if (r.recovery === "file_missing") this.alert = { kind: "missing", renamedTo: null };
    }
    return { text: r.text, dirty: true };
  }

  /** A restored post: autosave it like typed text (the file is the version it started from). */
  restoredShown() {
    if (this.alert === null) this.autosave.edited();
  }

  /** The user typed. */
  edited() {
    this.autosave.edited();
  }

  /** A save went through: any alert is answered. */
  saved() {
    this.alert = null;
    this.comparing = false;
  }

  /** A save was refused because the file changed on disk: look at it and ask. */
  async saveRefused() {
    await this.checkDisk(null);
  }

  /** Writes pending text to the journal now (before the window closes). */
  flush() {
    return this.autosave.flush();
  }

  /** A series operation rewrote (and maybe renamed) the open post to `text`. */
  async rewritten(oldPath: string, newPath: string, text: string) {
    this.current = newPath;
    if (oldPath === newPath) await ipc.journalRebase(newPath, text).catch((e) => this.host.fail(e));
    else {
      await ipc.journalClose(oldPath).catch(() => {});
      await ipc.journalOpen(newPath, text).catch((e) => this.host.fail(e));
    }
  }

  private async writeJournal() {
    const path = this.host.path();
    if (path) await ipc.journalRecord(path, this.host.text(), this.host.editVersion());
  }

  /** Files of the blog changed on disk (the watcher's event). */
  async changed(changes: BlogChangeView[]) {
    const summary = summarizeChanges(changes, this.host.path());
    if (summary.refreshSidebar) this.refreshSoon();
    if (summary.open.kind === "changed") await this.checkDisk(null);
    else if (summary.open.kind === "missing") await this.checkDisk(summary.open.renamedTo);
  }

  private refreshSoon() {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      ipc
        .refreshWorkspace()
        .then((ws) => this.host.setWorkspace(ws))
        .catch((e) => this.host.fail(e));
    }, 150);
  }

  /** Compares the open post's file with the editor and acts. */
  private async checkDisk(renamedTo: string | null) {
    const path = this.host.path();
    if (!path) return;
    const disk = await ipc.diskText(path).catch(() => null);
    if (this.host.path() !== path) return;
    // Decided after the read: a keystroke made meanwhile counts as unsaved.
    const decision = decideDiskChange(this.host.text(), disk, this.host.isDirty());
    if (decision === "missing") this.alert = { kind: "missing", renamedTo };
    else if (decision === "conflict" && disk !== null) {
      const recoveredTitle = this.alert?.kind === "conflict" ? this.alert.recoveredTitle : null;
      this.alert = { kind: "conflict", theirs: disk, recoveredTitle };
    } else if (disk !== null) {
      if (decision === "reload") {
        this.host.replaceText(disk);
        reloadLog.push({ path, at: Date.now() });
      }
      this.host.markInStep();
      this.alert = null;
      await ipc.journalRebase(path, disk).catch((e) => this.host.fail(e));
    }
  }

  /** Conflict: keep the editor's text (saved over the file). */
  async keepMine() {
    if (await this.host.save(true)) this.saved();
  }

  /** Conflict: take the file's text (the editor's text stays one Ctrl+Z away). */
  async takeTheirs() {
    const path = this.host.path();
    if (!path) return;
    const disk = await ipc.diskText(path).catch(() => null);
    if (disk === null) return void (this.alert = { kind: "missing", renamedTo: null });
    this.host.replaceText(disk);
    this.host.markInStep();
    this.alert = null;
    this.comparing = false;
    await ipc.journalRebase(path, disk).catch((e) => this.host.fail(e));
  }

  /** Conflict: show both versions side by side. */
  openCompare() {
    this.compareMine = this.host.text();
    this.comparing = true;
  }

  /** Compare view: keep `text` (the left side, maybe merged). */
  async keepMerged(text: string) {
    if (text !== this.host.text()) this.host.replaceText(text);
    await this.keepMine();
  }

  /** Deleted file: write it again. */
  async saveAgain() {
    await this.keepMine();
  }

  /** Deleted file: close the post (its journal entry goes). */
  async close() {
    const path = this.host.path();
    this.autosave.cancel();
    this.alert = null;
    if (path) await ipc.journalClose(path).catch(() => {});
    this.current = null;
    this.host.closePost();
    this.refreshSoon();
  }
}
