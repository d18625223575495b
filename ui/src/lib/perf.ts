// Keystroke-to-preview latency, measured inside the app: from the editor transaction that
// changed the text to the first animation frame after the preview was patched with a render of
// that text. scripts/bench-desktop.mjs reads it through WebDriver (`window.lanyardPerf`).

const MAX_SAMPLES = 2000;

export interface PerfLog {
  /** Milliseconds, one per render that reached the preview. */
  latencies: number[];
  /** Milliseconds spent in the render command (IPC round trip included). */
  renders: number[];
}

export const perfLog: PerfLog = { latencies: [], renders: [] };

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
