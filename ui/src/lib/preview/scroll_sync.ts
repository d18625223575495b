// Editor and preview scroll together. The preview's elements carry `data-line` (the source line
// the core's renderer found them at, from pulldown-cmark's offsets, relative to their block's
// first line: see blocks.ts); between two anchors the position is interpolated, so long
// paragraphs and photos track smoothly.

/** A block of the preview: the source line it starts at and its top, in preview pixels. */
export interface Anchor {
  line: number;
  top: number;
}

/** The anchors of `preview`, in document order, with increasing lines; `lineOf` gives an
 * element's file line (the preview's blocks keep `data-line` relative to their first line). */
export function collectAnchors(
  preview: HTMLElement,
  lineOf: (el: HTMLElement) => number = (el) => Number(el.dataset.line),
): Anchor[] {
  const base = preview.getBoundingClientRect().top - preview.scrollTop;
  const anchors: Anchor[] = [];
  for (const el of preview.querySelectorAll<HTMLElement>("[data-line]")) {
    const line = lineOf(el);
    if (!Number.isFinite(line)) continue;
    const top = el.getBoundingClientRect().top - base;
    const last = anchors[anchors.length - 1];
    if (!last || (line > last.line && top >= last.top)) anchors.push({ line, top });
  }
  return anchors;
}

/** Preview scroll position showing source `line` (fractional) at the top. */
export function previewTopForLine(anchors: Anchor[], line: number): number {
  if (anchors.length === 0) return 0;
  const first = anchors[0];
  if (line <= first.line) {
    // Before the first block: from the top (line 1 at 0) to that block.
    return first.line <= 1 ? first.top : (first.top * Math.max(0, line - 1)) / (first.line - 1);
  }
  for (let i = 0; i < anchors.length - 1; i++) {
    const a = anchors[i];
    const b = anchors[i + 1];
    if (line < b.line) return a.top + ((line - a.line) / (b.line - a.line)) * (b.top - a.top);
  }
  return anchors[anchors.length - 1].top;
}

/** Source line (fractional) at preview scroll position `top`; inverse of previewTopForLine. */
export function lineForPreviewTop(anchors: Anchor[], top: number): number {
  if (anchors.length === 0) return 1;
  const first = anchors[0];
  if (top <= first.top) {
    return first.line <= 1 || first.top <= 0 ? first.line : 1 + (Math.max(0, top) / first.top) * (first.line - 1);
  }
  for (let i = 0; i < anchors.length - 1; i++) {
    const a = anchors[i];
    const b = anchors[i + 1];
    if (top < b.top) return a.line + ((top - a.top) / Math.max(1, b.top - a.top)) * (b.line - a.line);
  }
  return anchors[anchors.length - 1].line;
}
