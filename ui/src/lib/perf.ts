// Keystroke-to-preview latency, measured inside the app: from the editor transaction that
// changed the text to the first animation frame after the preview was patched with a render of
// that text. scripts/bench-desktop.mjs reads it through WebDriver (`window.lanyardPerf`).
// Also the start-up timeline: the UI's steps (script loaded, mounted, first preview shown) and
// the shell's (src-tauri/src/startup_trace.rs), all in milliseconds since the Unix epoch.

import type { StartupMark } from "./bindings/StartupMark";

const MAX_SAMPLES = 2000;

export interface PerfLog {
  /** Milliseconds, one per render that reached the preview. */
  latencies: number[];
  /** Milliseconds spent in the render command (IPC round trip included). */
  renders: number[];
  /** The start, step by step (epoch ms), the shell's steps merged in once the first preview showed. */
  startup: StartupMark[];
}

export const perfLog: PerfLog = { latencies: [], renders: [], startup: [] };

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

function push(list: number[], value: number) {
  list.push(value);
  if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES);
}

/** Records a preview update for an edit made at `editAt` (performance.now()). */
export function recordPreviewLatency(editAt: number, renderMs: number) {
  push(perfLog.renders, renderMs);
  requestAnimationFrame(() => push(perfLog.latencies, performance.now() - editAt));
}

(globalThis as unknown as { lanyardPerf: PerfLog }).lanyardPerf = perfLog;
