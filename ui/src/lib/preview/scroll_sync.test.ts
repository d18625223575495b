import { describe, expect, it } from "vitest";
import { lineForPreviewTop, previewTopForLine } from "./scroll_sync";

const anchors = [
  { line: 5, top: 0 },
  { line: 9, top: 100 },
  { line: 10, top: 500 }, // a photo between line 9 and 10
  { line: 20, top: 700 },
];

describe("scroll sync", () => {
  it("puts a block's line at its top", () => {
    expect(previewTopForLine(anchors, 9)).toBe(100);
    expect(previewTopForLine(anchors, 20)).toBe(700);
  });

  it("interpolates between anchors", () => {
    expect(previewTopForLine(anchors, 7)).toBe(50);
    expect(previewTopForLine(anchors, 9.5)).toBe(300);
  });

  it("stays in range before the first and after the last anchor", () => {
    expect(previewTopForLine(anchors, 1)).toBe(0);
    expect(previewTopForLine(anchors, 400)).toBe(700);
  });

  it("maps preview positions back to lines", () => {
    for (const line of [5, 6, 9, 9.5, 15, 20]) {
      expect(lineForPreviewTop(anchors, previewTopForLine(anchors, line))).toBeCloseTo(line);
    }
  });

  it("maps line 1 to a header above the first block", () => {
    const withHeader = [{ line: 1, top: -120 }, ...anchors];
    expect(previewTopForLine(withHeader, 1)).toBe(-120);
    expect(previewTopForLine(withHeader, 3)).toBe(-60);
    expect(lineForPreviewTop(withHeader, -120)).toBe(1);
    expect(lineForPreviewTop(withHeader, -60)).toBe(3);
  });

  it("copes with a preview without anchors", () => {
    expect(previewTopForLine([], 12)).toBe(0);
    expect(lineForPreviewTop([], 300)).toBe(1);
  });
});
