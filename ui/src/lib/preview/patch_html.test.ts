// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { parsePreview } from "./patch_html";

describe("parsePreview", () => {
  it("uses the image URLs the core wrote, verbatim", () => {
    const html =
      '<p><img src="lanyard-asset://localhost/2023/04/19/img.png" data-site-src="img.png" alt="x">' +
      '<img src="https://example.org/a.png" alt="y"></p>';
    const imgs = parsePreview(document, html).querySelectorAll("img");
    expect(imgs[0]?.getAttribute("src")).toBe("lanyard-asset://localhost/2023/04/19/img.png");
    expect(imgs[0]?.getAttribute("data-site-src")).toBe("img.png");
    expect(imgs[1]?.getAttribute("src")).toBe("https://example.org/a.png");
  });
});

describe("missing images", () => {
  it("become a visible note naming the file, and are not requested", () => {
    const fragment = parsePreview(
      document,
      '<p><img src="lanyard-asset://localhost/assets/images/gone.png" data-site-src="/assets/images/gone.png" alt="" class="lanyard-missing-image"></p>',
      "Image introuvable",
    );
    expect(fragment.querySelector("img")).toBeNull();
    const note = fragment.querySelector(".lanyard-missing-image");
    expect(note?.tagName).toBe("SPAN");
    expect(note?.textContent).toBe("Image introuvable: /assets/images/gone.png");
  });
});
