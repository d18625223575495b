// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { parsePreview, patchChildren } from "./patch_html";

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

describe("patchChildren", () => {
  function preview(html: string) {
    const container = document.createElement("div");
    container.innerHTML = html;
    return container;
  }

  it("replaces only the block that changed", () => {
    const container = preview("<h1>Jour 1</h1><p>un</p><p>trois</p>");
    const [h1, , last] = Array.from(container.children);
    const inserted = patchChildren(container, parsePreview(document, "<h1>Jour 1</h1><p>deux</p><p>trois</p>"));
    expect(inserted).toBe(1);
    expect(container.innerHTML).toBe("<h1>Jour 1</h1><p>deux</p><p>trois</p>");
    expect(container.children[0]).toBe(h1);
    expect(container.children[2]).toBe(last);
  });

  it("handles inserted and removed blocks", () => {
    const container = preview("<p>a</p><p>c</p>");
    patchChildren(container, parsePreview(document, "<p>a</p><p>b</p><p>c</p>"));
    expect(container.innerHTML).toBe("<p>a</p><p>b</p><p>c</p>");
    patchChildren(container, parsePreview(document, "<p>c</p>"));
    expect(container.innerHTML).toBe("<p>c</p>");
    patchChildren(container, parsePreview(document, ""));
    expect(container.innerHTML).toBe("");
  });
});
