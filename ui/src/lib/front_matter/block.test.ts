import { describe, expect, it } from "vitest";
import { blockOf, sameBlock } from "./block";

const POST = "---\ntitle: Été 🎉\n---\nBody\n";
// The core's answer for POST: the block with its fences, in UTF-16 units (🎉 counts two).
const END = "---\ntitle: Été 🎉\n---\n".length;

describe("front matter block", () => {
  it("cuts the block where the core says it ends", () => {
    expect(blockOf(POST, END)).toBe("---\ntitle: Été 🎉\n---\n");
    expect(blockOf(POST, null)).toBeNull();
  });

  it("sees the block unchanged when only the body changes", () => {
    const block = blockOf(POST, END);
    expect(sameBlock(POST + "more text\n", block)).toBe(true);
    expect(sameBlock("---\ntitle: Été 🎉\n---\n---\n", block)).toBe(true);
  });

  it("sees the block changed when a key or a fence changes", () => {
    const block = blockOf(POST, END);
    expect(sameBlock(POST.replace("Été", "Hiver"), block)).toBe(false);
    expect(sameBlock(POST.replace("\n---\nBody", "\nlang: fr\n---\nBody"), block)).toBe(false);
    expect(sameBlock(POST.slice(1), block)).toBe(false);
    // A closing fence at the very end of the file stops being one when its line goes on.
    expect(sameBlock("---\na: 1\n---", "---\na: 1\n---")).toBe(true);
    expect(sameBlock("---\na: 1\n---x", "---\na: 1\n---")).toBe(false);
  });

  it("never sees a text without a block read as unchanged", () => {
    expect(sameBlock("# no front matter\n", null)).toBe(false);
  });
});
