import { describe, expect, it } from "vitest";
import { countWords, postBody, readingMinutes } from "./text_stats";

describe("countWords", () => {
  it("counts the body's words, not the front matter", () => {
    const post = "---\ntitle: Jour un de la conf\nlang: fr\n---\nBonjour à tous, voici l'article.\n";
    expect(postBody(post)).toBe("Bonjour à tous, voici l'article.\n");
    expect(countWords(post)).toBe(5);
  });

  it("ignores markdown punctuation, Liquid, comments and URLs", () => {
    const body = [
      "# Titre du jour",
      "",
      "- un [lien]({% post_url 2025-06-10-j1 %}) et ![photo](/assets/images/x.jpeg)",
      "<!-- series -->",
      "---",
      "{{ site.title }} fin.",
    ].join("\n");
    // Titre du jour (3), un lien et photo (4), fin (1)
    expect(countWords(body)).toBe(8);
  });

  it("counts nothing in an empty post", () => {
    expect(countWords("---\ntitle: x\n---\n")).toBe(0);
  });
});

describe("readingMinutes", () => {
  it("rounds to whole minutes, at least one", () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1100)).toBe(5);
  });
});
