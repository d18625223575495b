import { describe, expect, it } from "vitest";
import { stringsFor, uiLanguage } from "./i18n";

describe("stringsFor", () => {
  it("speaks French when the system language is French", () => {
    expect(stringsFor("fr-FR").saved).toBe("Enregistré");
    expect(stringsFor("fr").words(2)).toBe("2 mots");
    expect(uiLanguage("fr-CA")).toBe("fr");
  });
  it("speaks English otherwise", () => {
    expect(stringsFor("en-US").saved).toBe("Saved");
    expect(stringsFor("de-DE").words(1)).toBe("1 word");
    expect(stringsFor(undefined).readingTime(3)).toBe("3 min read");
    expect(uiLanguage("en-GB")).toBe("en");
  });
});
