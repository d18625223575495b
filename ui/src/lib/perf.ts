// Keystroke-to-preview latency, measured inside the app: from the editor transaction that
// changed the text to the first animation frame after the preview was patched with a render of
// that text, and where the time went (waiting for the render before, IPC out, applying the
// changes in the shell, rendering, IPC back, patch, layout, frame). scripts/bench-desktop.mjs reads it through WebDriver
// (`window.lanyardPerf`) and measures from the key's `keydown` with its own listener.
// Also the start-up timeline: the UI's steps (script loaded, mounted, first preview shown) and
// the shell's (src-tauri/src/startup_trace.rs), all in milliseconds since the Unix epoch.
import type { PreviewTiming } from "./bindings/PreviewTiming";
import type { StartupMark } from "./bindings/StartupMark";

const MAX_SAMPLES = 2000;

/** One preview update, in milliseconds; `*At` are `performance.now()` times. */
export interface UpdateBreakdown {
  /** The first edit it shows was made (the editor transaction). */
  editAt: number;
  /** The request left (after any render in flight). */
  sentAt: number;
  ipcOut: number;
  /** In the shell but not rendering: applying the changes, waiting for the worker. */
  shell: number;
  render: number;
  ipcBack: number;
  patch: number;
  layout: number;
  /** The patch and its layout were done. */
  shownAt: number;
  /** The first animation frame after the patch. */
  frameAt: number;
}

export interface PerfLog {
  /** Milliseconds, one per render that reached the preview. */
  latencies: number[];
  /** Milliseconds spent in the render command (IPC round trip included). */
  renders: number[];
  /** One per render that reached the preview. */
  updates: UpdateBreakdown[];
  /** The start, step by step (epoch ms), the shell's steps merged in once the first preview showed. */
  startup: StartupMark[];
}

export const perfLog: PerfLog = { latencies: [], renders: [], updates: [], startup: [] };

/** Records that start-up step `name` happened now (the first time only). */
export function markStartup(name: string) {
  if (perfLog.startup.some((m) => m.name === name)) return;
  perfLog.startup.push({ name, at_ms: performance.timeOrigin + performance.now() });
}

/** Merges `shell`'s steps into the UI's, in time order. */
export function mergeStartup(ui: StartupMark[], shell: StartupMark[]): StartupMark[] {
  const names = new Set(ui.map((m) => m.name));
  return [...ui, ...shell.filter((m) => !names.has(m.name))].sort((a, b) => a.at_ms - b.at_ms);
}

/** The first preview is on screen: the start is over; fetch the shell's steps and merge them. */
export function markFirstPreview(shellMarks: () => Promise<StartupMark[]>) {
  if (perfLog.startup.some((m) => m.name === "first preview shown")) return;
  requestAnimationFrame(() => {
    markStartup("first preview shown");
    shellMarks()
      .then((shell) => (perfLog.startup = mergeStartup(perfLog.startup, shell)))
      .catch(() => {});
  });
}

function push<T>(list: T[], value: T) {
  list.push(value);
  if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES);
}

/** When the last render request left and its answer came back (`performance.now()`). */
let lastCall = { sentAt: 0, gotAt: 0 };

/** Runs an IPC call and remembers when it left and came back. */
export async function timedCall<T>(call: () => Promise<T>): Promise<T> {
  const sentAt = performance.now();
  try {
    return await call();
  } finally {
    lastCall = { sentAt, gotAt: performance.now() };
  }
}

/** Records a preview update for an edit made at `editAt`: `timing` from the shell, the patch
 * and layout durations measured around it. */
export function recordPreviewUpdate(
  editAt: number,
  renderMs: number,
  timing: PreviewTiming,
  patch: number,
  layout: number,
) {
  push(perfLog.renders, renderMs);
  const { sentAt, gotAt } = lastCall;
  const epoch = (t: number) => performance.timeOrigin + t;
  const update = {
    editAt,
    sentAt,
    ipcOut: timing.received_ms - epoch(sentAt),
    shell: timing.replied_ms - timing.received_ms - timing.render_ms,
    render: timing.render_ms,
    ipcBack: epoch(gotAt) - timing.replied_ms,
    patch,
    layout,
    shownAt: performance.now(),
  };
  requestAnimationFrame(() => {
    const frameAt = performance.now();
    push(perfLog.latencies, frameAt - editAt);
    push(perfLog.updates, { ...update, frameAt });
  });
}

(globalThis as unknown as { lanyardPerf: PerfLog }).lanyardPerf = perfLog;
