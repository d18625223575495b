import { describe, expect, it } from "vitest";
import { isThemeFile, styleText } from "./theme_files";

describe("isThemeFile", () => {
  it("redraws the page for layouts, includes, Sass, data, stylesheets and the config", () => {
    for (const rel of ["_layouts/post.html", "_includes/head.html", "_sass/minima/_base.scss", "_data/nav.yml", "assets/main.scss", "css/site.css", "_config.yml"]) {
      expect(isThemeFile(`/blog/${rel}`, "/blog")).toBe(true);
    }
  });

  it("leaves posts, images and other blogs alone", () => {
    for (const path of ["/blog/_posts/2024-01-01-a.md", "/blog/assets/images/a.jpg", "/blog/sub/_config.yml", "/other/_layouts/x.html"]) {
      expect(isThemeFile(path, "/blog")).toBe(false);
    }
  });
});

describe("styleText", () => {
  it("cannot close the style element early", () => {
    expect(styleText('a::after { content: "</style><script>" }')).not.toContain("</style");
  });
});
