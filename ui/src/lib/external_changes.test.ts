import { describe, expect, it } from "vitest";
import type { BlogChangeView } from "./bindings/BlogChangeView";
import { decideDiskChange, summarizeChanges } from "./external_changes";

const OPEN = "/blog/_posts/2025-06-10-jour-1.md";
const change = (kind: BlogChangeView["kind"], path: string, from: string | null = null): BlogChangeView => ({
  kind,
  path,
  from,
});

describe("summarizeChanges", () => {
  it("sees the open post changed, deleted or renamed away", () => {
    expect(summarizeChanges([change("changed", OPEN)], OPEN).open).toEqual({ kind: "changed" });
    expect(summarizeChanges([change("created", OPEN)], OPEN).open).toEqual({ kind: "changed" });
    expect(summarizeChanges([change("deleted", OPEN)], OPEN).open).toEqual({ kind: "missing", renamedTo: null });
    expect(summarizeChanges([change("renamed", "/blog/_posts/2025-06-11-x.md", OPEN)], OPEN).open).toEqual({
      kind: "missing",
      renamedTo: "/blog/_posts/2025-06-11-x.md",
    });
  });

  it("leaves the editor alone for other posts but refreshes the sidebar", () => {
    const s = summarizeChanges([change("changed", "/blog/_posts/2025-06-11-jour-2.md")], OPEN);
    expect(s).toEqual({ open: { kind: "none" }, refreshSidebar: true });
  });

  it("does not re-read the blog for a new photo", () => {
    const s = summarizeChanges([change("created", "/blog/assets/images/2025-06-10-arche.jpeg")], OPEN);
    expect(s.refreshSidebar).toBe(false);
  });

  it("a file renamed onto the open post changes it", () => {
    expect(summarizeChanges([change("renamed", OPEN, "/blog/_posts/other.md")], OPEN).open).toEqual({
      kind: "changed",
    });
  });
});

describe("decideDiskChange", () => {
  it("reloads a clean buffer, asks for a dirty one, nothing when in step", () => {
    expect(decideDiskChange("a", "b", false)).toBe("reload");
    expect(decideDiskChange("a", "b", true)).toBe("conflict");
    expect(decideDiskChange("same", "same", true)).toBe("in_step");
    expect(decideDiskChange("a", null, false)).toBe("missing");
  });
});
