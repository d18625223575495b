import { describe, expect, it } from "vitest";
import { stringsFor } from "./i18n";

describe("stringsFor", () => {
  it("speaks French when the system language is French", () => {
    expect(stringsFor("fr-FR").saved).toBe("Enregistré");
    expect(stringsFor("fr").words(2)).toBe("2 mots");
  });
  it("speaks English otherwise", () => {
    expect(stringsFor("en-US").saved).toBe("Saved");
    expect(stringsFor("de-DE").words(1)).toBe("1 word");
    expect(stringsFor(undefined).readingTime(3)).toBe("3 min read");
  });
});

describe("setUiLanguage", () => {
  it("switches the live strings", async () => {
    const i18n = await import("./i18n");
    i18n.setUiLanguage("fr");
    expect(i18n.t.saved).toBe("Enregistré");
    i18n.setUiLanguage("en");
    expect(i18n.t.saved).toBe("Saved");
  });
});
