// When the editor's text goes to the crash-safe journal and when the post itself is saved.
//
// The journal is throttled, not debounced: during continuous typing it is still written at
// least every `journalEveryMs`, so no keystroke waits more than that plus one write before it
// is safe on disk. The post file is saved after `idleMs` without a keystroke (null: manual save
// only). Timers are injected so the tests run on a fake clock.

export interface AutosaveHooks {
  /** Journals the current text (a crash-safe copy, not a save). */
  writeJournal: () => Promise<void>;
  /** Saves the post; resolves false when it failed. */
  save: () => Promise<boolean>;
  /** False while the post must not be written (a conflict or a deleted file awaits a choice). */
  canSave: () => boolean;
  /** A journal write failed (the text is still in the editor). */
  onJournalError?: (e: unknown) => void;
  /** A journal write finished, `latencyMs` after the oldest keystroke it holds. */
  onJournaled?: (latencyMs: number) => void;
}

export interface Clock {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** Journal writes are at most this far apart while typing (the bound is 500 ms). */
export const JOURNAL_EVERY_MS = 200;

export class Autosave {
  /** Milliseconds of idle before the post is saved; null: manual save only. */
  idleMs: number | null;
  private journalTimer: unknown = null;
  private idleTimer: unknown = null;
  private journalPending = false;
  private journalInFlight: Promise<void> | null = null;
  private lastJournalStart = -Infinity;
  /** When the oldest keystroke not yet journaled was made. */
  private oldestPendingEdit: number | null = null;

  constructor(
    private hooks: AutosaveHooks,
    idleMs: number | null,
    private clock: Clock = realClock,
    private journalEveryMs = JOURNAL_EVERY_MS,
  ) {
    this.idleMs = idleMs;
  }

  /** The text changed (a keystroke, a paste, an undo). */
  edited() {
    this.journalPending = true;
    this.oldestPendingEdit ??= this.clock.now();
    this.scheduleJournal();
    this.restartIdle();
  }

  /** Changes the autosave delay (null: manual save only); applies from the next keystroke. */
  setIdle(ms: number | null) {
    this.idleMs = ms;
    if (ms === null && this.idleTimer !== null) {
      this.clock.clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
  }

  /** Writes any pending text to the journal now and waits for it (before closing). */
  async flush() {
    if (this.journalTimer !== null) {
      this.clock.clearTimeout(this.journalTimer);
      this.journalTimer = null;
    }
    if (this.journalInFlight) await this.journalInFlight;
    if (this.journalPending) await this.runJournal();
  }

  /** Forgets pending work (another post is opened; its text was saved or journaled first). */
  cancel() {
    for (const id of [this.journalTimer, this.idleTimer]) if (id !== null) this.clock.clearTimeout(id);
    this.journalTimer = this.idleTimer = null;
    this.journalPending = false;
    this.oldestPendingEdit = null;
  }

  private scheduleJournal() {
    if (this.journalTimer !== null || this.journalInFlight) return;
    const wait = Math.max(0, this.lastJournalStart + this.journalEveryMs - this.clock.now());
    this.journalTimer = this.clock.setTimeout(() => {
      this.journalTimer = null;
      void this.runJournal();
    }, wait);
  }

  private async runJournal() {
    if (!this.journalPending) return;
    this.journalPending = false;
    this.lastJournalStart = this.clock.now();
    const oldest = this.oldestPendingEdit;
    this.oldestPendingEdit = null;
    const write = this.hooks.writeJournal().then(
      () => {
        if (oldest !== null) this.hooks.onJournaled?.(this.clock.now() - oldest);
      },
      (e) => {
        this.journalPending = true; // try again with the next keystroke or flush
        this.oldestPendingEdit ??= oldest;
        this.hooks.onJournalError?.(e);
      },
    );
    this.journalInFlight = write;
    await write;
    this.journalInFlight = null;
    // Edits made during the write go out at the next slot, not at the next keystroke.
    if (this.journalPending) this.scheduleJournal();
  }

  private restartIdle() {
    if (this.idleTimer !== null) this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.idleMs === null) return;
    this.idleTimer = this.clock.setTimeout(() => {
      this.idleTimer = null;
      if (this.hooks.canSave()) void this.hooks.save();
    }, this.idleMs);
  }
}
