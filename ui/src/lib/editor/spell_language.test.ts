import { describe, expect, it } from "vitest";
import { SpellLanguage } from "./spell_language";

function recorder() {
  const sent: string[] = [];
  const spell = new SpellLanguage(async (lang) => {
    sent.push(lang);
  });
  return { sent, spell };
}

describe("SpellLanguage", () => {
  it("holds the language back until the start is over", () => {
    const { sent, spell } = recorder();
    spell.want("fr");
    expect(sent).toEqual([]);
    spell.start();
    expect(sent).toEqual(["fr"]);
  });

  it("passes only the last language wanted before the start", () => {
    const { sent, spell } = recorder();
    spell.want("fr");
    spell.want("en");
    spell.start();
    expect(sent).toEqual(["en"]);
  });

  it("passes a language on once, and again only when it changes", () => {
    const { sent, spell } = recorder();
    spell.start();
    spell.want("fr");
    spell.want("fr");
    spell.want("en");
    spell.start();
    expect(sent).toEqual(["fr", "en"]);
  });

  it("sends nothing when no post is open", () => {
    const { sent, spell } = recorder();
    spell.start();
    expect(sent).toEqual([]);
  });

  it("tries again after a failure", async () => {
    const sent: string[] = [];
    let fail = true;
    const spell = new SpellLanguage(async (lang) => {
      sent.push(lang);
      if (fail) throw new Error("no webview");
    });
    spell.start();
    spell.want("fr");
    await Promise.resolve();
    await Promise.resolve();
    fail = false;
    spell.want("fr");
    expect(sent).toEqual(["fr", "fr"]);
  });
});
