// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { localAssetUrl, parsePreview, patchChildren } from "./patch_html";

describe("localAssetUrl", () => {
  it("maps site-relative URLs to the asset scheme, without the baseurl", () => {
    expect(localAssetUrl("/assets/images/a.jpeg", "")).toBe("lanyard-asset://localhost/assets/images/a.jpeg");
    expect(localAssetUrl("/blog/assets/a.png", "/blog")).toBe("lanyard-asset://localhost/assets/a.png");
  });
  it("leaves remote and protocol-relative URLs alone", () => {
    expect(localAssetUrl("https://example.org/a.png", "")).toBeNull();
    expect(localAssetUrl("//cdn.example.org/a.png", "")).toBeNull();
  });
});

describe("parsePreview", () => {
  it("rewrites local images and keeps the original URL", () => {
    const fragment = parsePreview(document, '<p><img src="/assets/images/x.jpeg" alt="x"></p>', "");
    const img = fragment.querySelector("img");
    expect(img?.getAttribute("src")).toBe("lanyard-asset://localhost/assets/images/x.jpeg");
    expect(img?.getAttribute("data-site-src")).toBe("/assets/images/x.jpeg");
  });
});

describe("missing images", () => {
  it("become a visible note naming the file, and are not requested", () => {
    const fragment = parsePreview(
      document,
      '<p><img src="/assets/images/gone.png" alt="" class="lanyard-missing-image"></p>',
      "",
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
    const inserted = patchChildren(container, parsePreview(document, "<h1>Jour 1</h1><p>deux</p><p>trois</p>", ""));
    expect(inserted).toBe(1);
    expect(container.innerHTML).toBe("<h1>Jour 1</h1><p>deux</p><p>trois</p>");
    expect(container.children[0]).toBe(h1);
    expect(container.children[2]).toBe(last);
  });

  it("handles inserted and removed blocks", () => {
    const container = preview("<p>a</p><p>c</p>");
    patchChildren(container, parsePreview(document, "<p>a</p><p>b</p><p>c</p>", ""));
    expect(container.innerHTML).toBe("<p>a</p><p>b</p><p>c</p>");
    patchChildren(container, parsePreview(document, "<p>c</p>", ""));
    expect(container.innerHTML).toBe("<p>c</p>");
    patchChildren(container, parsePreview(document, "", ""));
    expect(container.innerHTML).toBe("");
  });
});
