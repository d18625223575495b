import { describe, expect, it } from "vitest";
import { journalEn, journalFr } from "./journal_strings";

describe("journal strings", () => {
  it("exist in French for every English one", () => {
    expect(Object.keys(journalFr).sort()).toEqual(Object.keys(journalEn).sort());
    for (const [key, value] of Object.entries(journalFr)) {
      const text = typeof value === "function" ? (value as (...a: unknown[]) => string)(["x"]) : value;
      expect(text, key).not.toBe("");
      expect(text, key).not.toBe((journalEn as Record<string, unknown>)[key]);
    }
  });

  it("name the recovered posts and the autosave delay in the user's words", () => {
    expect(journalFr.recovered(["Jour 1", "Jour 2"])).toContain("Jour 1, Jour 2");
    expect(journalFr.autosaveAfter(1.5)).toBe("après 1,5 s");
    expect(journalEn.autosaveAfter(1.5)).toBe("after 1.5 s");
  });
});
