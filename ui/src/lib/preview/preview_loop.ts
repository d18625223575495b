// The live preview's loop: one render in flight, edits made meanwhile rendered right after it
// (coalesced into one request), slow renders spaced by their own duration, and a post whose
// preview is paused (the crash-loop guard) rendered only when the user asks. A failed render
// never stops the loop: the next edit tries again. The render itself runs in the shell's render
// worker with a deadline (src-tauri/src/render_worker.rs); what goes to it (the editor's
// changes) is preview_sync.ts's business.
import type { IpcError } from "../ipc";

/** What the loop needs from the window; `R` is what a render returns. */
export interface PreviewHost<R> {
  /** The open post (null: none). */
  path: () => string | null;
  /** Renders the editor's current text of `path`. */
  render: (path: string) => Promise<R>;
  /** A render of `path` came back; `editAt` is when the first edit it shows was made. */
  show: (path: string, preview: R, editAt: number | null, renderMs: number) => void;
  /** A render of `path` failed (a deadline passed, a budget ran out, the text does not parse). */
  failed: (path: string, error: IpcError) => void;
}

/** Timers, replaceable in tests. */
export interface LoopClock {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

const realClock: LoopClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** Renders faster than this follow every keystroke; slower ones are spaced by their duration. */
const FAST_MS = 30;
/** The longest wait between a keystroke and the render of a slow post. */
const MAX_SPACING_MS = 400;

function toError(raw: unknown): IpcError {
  if (raw && typeof raw === "object" && "kind" in raw && "message" in raw) return raw as IpcError;
  return { kind: "shell", message: String(raw), path: null, line: null };
}

export class PreviewLoop<R> {
  private inFlight = false;
  private queued = false;
  private lastRenderMs = 0;
  private firstUnrenderedEditAt: number | null = null;
  private throttle: unknown = undefined;
  /** The post whose renders wait for `resume` (null: none). */
  private pausedPath: string | null = null;

  constructor(
    private host: PreviewHost<R>,
    private clock: LoopClock = realClock,
  ) {}

  /** Whether the open post's preview is paused. */
  get paused(): boolean {
    return this.pausedPath !== null && this.pausedPath === this.host.path();
  }

  /** Renders of `path` wait for `resume()` (the post the last run left open when it crashed). */
  pause(path: string) {
    this.pausedPath = path;
  }

  /** The user asked for the paused post's preview: render it now, and as usual from then on. */
  resume() {
    this.pausedPath = null;
    this.request();
  }

  /** The text changed: render soon (at once when renders are fast). */
  edited() {
    this.firstUnrenderedEditAt ??= this.clock.now();
    if (this.lastRenderMs <= FAST_MS) this.request();
    else if (this.throttle === undefined) {
      this.throttle = this.clock.setTimeout(
        () => {
          this.throttle = undefined;
          this.request();
        },
        Math.min(MAX_SPACING_MS, this.lastRenderMs),
      );
    }
  }

  /** Renders the editor's text as soon as no render is in flight. */
  request() {
    if (this.paused) return;
    if (this.inFlight) {
      this.queued = true;
      return;
    }
    void this.run();
  }

  private async run() {
    const path = this.host.path();
    if (!path || this.paused) return;
    this.inFlight = true;
    const editAt = this.firstUnrenderedEditAt;
    this.firstUnrenderedEditAt = null;
    const started = this.clock.now();
    try {
      const result = await this.host.render(path);
      this.lastRenderMs = this.clock.now() - started;
      if (this.host.path() === path) this.host.show(path, result, editAt, this.lastRenderMs);
    } catch (raw) {
      const error = toError(raw);
      this.lastRenderMs = this.clock.now() - started;
      // A newer request took this one's place in the worker: nothing to say.
      if (error.kind !== "render_superseded" && this.host.path() === path) this.host.failed(path, error);
    } finally {
      this.inFlight = false;
      if (this.queued) {
        this.queued = false;
        this.request();
      }
    }
  }
}
