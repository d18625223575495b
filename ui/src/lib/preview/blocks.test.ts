// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import type { PreviewUpdate } from "../bindings/PreviewUpdate";
import { BlockView } from "./blocks";

const timing = { received_ms: 0, replied_ms: 0, render_ms: 0 };

function update(over: Partial<PreviewUpdate>): PreviewUpdate {
  return { generation: 1, reset: false, remove: [], insert: [], before: null, shift: 0, problems: [], timing, ...over };
}

function setup() {
  const container = document.createElement("article");
  const view = new BlockView(() => "Missing image");
  view.apply(
    container,
    update({
      reset: true,
      insert: [
        { id: 1, line: 5, html: '<h2 data-line="1">A</h2>\n' },
        { id: 2, line: 7, html: '<p data-line="1"><img src="x.png"></p>\n' },
        { id: 3, line: 9, html: '<p data-line="1">C</p>\n<p data-line="3">D</p>\n' },
      ],
    }),
  );
  return { container, view };
}

describe("BlockView", () => {
  it("replaces one block by id and leaves the others' nodes (and images) in place", () => {
    const { container, view } = setup();
    const img = container.querySelector("img");
    const c = container.querySelectorAll("p")[1];
    const ok = view.apply(
      container,
      update({ generation: 2, remove: [1], insert: [{ id: 4, line: 5, html: '<h2 data-line="1">A!</h2>\n' }], before: 2 }),
    );
    expect(ok).toBe(true);
    expect(container.querySelector("h2")?.textContent).toBe("A!");
    expect(container.firstElementChild?.tagName).toBe("H2");
    expect(container.querySelector("img")).toBe(img);
    expect(container.querySelectorAll("p")[1]).toBe(c);
    expect(view.generation).toBe(2);
  });

  it("moves the lines of the blocks after a change without touching them", () => {
    const { container, view } = setup();
    view.apply(container, update({ generation: 2, remove: [1], insert: [{ id: 4, line: 5, html: "<h2 data-line=\"1\">A</h2>\n<p data-line=\"3\">new</p>\n" }], before: 2, shift: 2 }));
    const lines = Array.from(container.querySelectorAll<HTMLElement>("[data-line]")).map((el) => view.lineOf(container, el));
    expect(lines).toEqual([5, 7, 9, 11, 13]);
  });

  it("appends at the end, removes, and refuses an update naming an unknown block", () => {
    const { container, view } = setup();
    view.apply(container, update({ generation: 2, remove: [2, 3], insert: [{ id: 5, line: 7, html: "<p>end</p>" }] }));
    expect(container.textContent).toBe("A\nend");
    expect(view.apply(container, update({ generation: 3, remove: [99] }))).toBe(false);
    expect(view.generation).toBeNull();
    expect(container.textContent).toBe("A\nend");
  });

  it("shows missing images as a note and draws every block again into a new container", () => {
    const container = document.createElement("div");
    const view = new BlockView(() => "Image introuvable");
    view.apply(container, update({ reset: true, insert: [{ id: 1, line: 1, html: '<p><img class="lanyard-missing-image" data-site-src="/a.png" src="x"></p>' }] }));
    expect(container.textContent).toBe("Image introuvable: /a.png");
    const other = document.createElement("div");
    view.rebuild(other);
    expect(other.textContent).toBe("Image introuvable: /a.png");
  });
});

describe("BlockView, one block for one", () => {
  it("keeps the nodes of a replaced block that did not change (a post rendered whole)", () => {
    const container = document.createElement("article");
    const view = new BlockView(() => "Missing image");
    view.apply(container, update({ reset: true, insert: [{ id: 1, line: 1, html: '<p><img src="a.png"></p>\n<p data-line="3">x</p>\n' }] }));
    const img = container.querySelector("img");
    view.apply(container, update({ generation: 2, remove: [1], insert: [{ id: 2, line: 1, html: '<p><img src="a.png"></p>\n<p data-line="3">xy</p>\n' }] }));
    expect(container.querySelector("img")).toBe(img);
    expect(container.textContent).toBe("\nxy\n");
    const lines = Array.from(container.querySelectorAll<HTMLElement>("[data-line]")).map((el) => view.lineOf(container, el));
    expect(lines).toEqual([3]);
  });
});
