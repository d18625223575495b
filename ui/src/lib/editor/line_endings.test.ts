import { describe, expect, it } from "vitest";
import { docChange, isCrlf, toDocText, toFileText } from "./line_endings";

describe("line endings", () => {
  it("recognises a file whose every break is CRLF", () => {
    expect(isCrlf("---\r\ntitle: A\r\n---\r\nBody\r\n")).toBe(true);
    expect(isCrlf("a\nb\n")).toBe(false);
    expect(isCrlf("a\r\nb\nc")).toBe(false);
    expect(isCrlf("a\r\nb\rc")).toBe(false);
    expect(isCrlf("one line")).toBe(false);
  });

  it("writes the editor's text back with the file's breaks", () => {
    const file = "---\r\ntitle: A\r\n---\r\n";
    expect(toFileText(toDocText(file, true), true)).toBe(file);
    expect(toDocText("a\r\nb", false)).toBe("a\r\nb");
  });

  it("maps a change of the file text to the editor's positions", () => {
    const before = "---\r\ntitle: A\r\ntags: [a]\r\n---\r\n";
    const after = "---\r\ntitle: A\r\ntags: [a, b]\r\n---\r\n";
    // In the editor, "tags: [a" ends at 21 (breaks count one).
    expect(docChange(before, after, true)).toEqual({ from: 21, to: 21, insert: ", b" });
    expect(docChange(before, before.replace("---\r\n", "---\r\nx: 1\r\n"), true)).toEqual({ from: 4, to: 4, insert: "x: 1\n" });
  });
});
