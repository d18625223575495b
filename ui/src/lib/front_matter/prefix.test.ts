import { describe, expect, it } from "vitest";
import { frontMatterPrefix } from "./prefix";

describe("frontMatterPrefix", () => {
  it("keeps the block with both fences and nothing of the body", () => {
    const text = "---\ntitle: A\n---\n# Body\n---\n";
    expect(frontMatterPrefix(text)).toBe("---\ntitle: A\n---\n");
  });

  it("accepts CRLF, spaces after the fences, a `...` closing line and a BOM", () => {
    expect(frontMatterPrefix("---  \r\na: 1\r\n...\t\r\nbody")).toBe("---  \r\na: 1\r\n...\t\r\n");
    expect(frontMatterPrefix("\uFEFF---\na: 1\n---")).toBe("\uFEFF---\na: 1\n---");
  });

  it("is empty without an opening or a closing fence", () => {
    expect(frontMatterPrefix("# Title\n---\n")).toBe("");
    expect(frontMatterPrefix("---\ntitle: A\n")).toBe("");
    expect(frontMatterPrefix("----\na: 1\n---\n")).toBe("");
    expect(frontMatterPrefix("---\n---x\na\n")).toBe("");
  });
});
