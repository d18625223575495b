import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { frontMatter, frontMatterEnd, frontMatterField, frontMatterLines, setFrontMatterEnd } from "./front_matter";

function lineClasses(state: EditorState): Map<number, string> {
  const classes = new Map<number, string>();
  state.field(frontMatterField).between(0, state.doc.length, (from, _to, deco) => {
    classes.set(state.doc.lineAt(from).number, String(deco.spec.class));
  });
  return classes;
}

describe("front matter", () => {
  const doc = "---\ntitle: Jour 1\nlang: fr\n---\n# Hello";
  // The core's answer for `doc`: the block ends past the closing fence's line break.
  const end = "---\ntitle: Jour 1\nlang: fr\n---\n".length;

  it("takes the block's lines from the core's end, not from the text", () => {
    let state = EditorState.create({ doc, extensions: frontMatter() });
    expect(frontMatterLines(state)).toBeNull();
    state = state.update({ effects: setFrontMatterEnd.of(end) }).state;
    expect(frontMatterLines(state)).toEqual({ first: 1, last: 4 });
    state = state.update({ effects: setFrontMatterEnd.of(null) }).state;
    expect(frontMatterLines(state)).toBeNull();
  });

  it("carries the end through edits until the core answers again", () => {
    let state = EditorState.create({ doc, extensions: frontMatter() });
    state = state.update({ effects: setFrontMatterEnd.of(end) }).state;
    state = state.update({ changes: { from: 4, insert: "layout: post\n" } }).state;
    expect(frontMatterLines(state)).toEqual({ first: 1, last: 5 });
    // Text typed right after the block is body.
    state = state.update({ changes: { from: state.field(frontMatterEnd) ?? 0, insert: "x\n" } }).state;
    expect(frontMatterLines(state)).toEqual({ first: 1, last: 5 });
    state = state.update({ changes: { from: 0, to: state.field(frontMatterEnd) ?? 0, insert: "" } }).state;
    expect(frontMatterLines(state)).toBeNull();
  });

  it("decorates those lines", () => {
    let state = EditorState.create({ doc: "---\ntitle: x\n---\nbody", extensions: frontMatter() });
    state = state.update({ effects: setFrontMatterEnd.of(17) }).state;
    expect(lineClasses(state)).toEqual(
      new Map([
        [1, "cm-frontmatter cm-frontmatter-fence"],
        [2, "cm-frontmatter"],
        [3, "cm-frontmatter cm-frontmatter-fence"],
      ]),
    );
    state = state.update({ effects: setFrontMatterEnd.of(null) }).state;
    expect(lineClasses(state).size).toBe(0);
  });
});

describe("frontMatterMarkdown", () => {
  it("parses the front matter as one block, not as a setext heading", async () => {
    const { markdown } = await import("@codemirror/lang-markdown");
    const { syntaxTree } = await import("@codemirror/language");
    const { frontMatterMarkdown } = await import("./front_matter");
    const doc = "---\ntitle: x\nlang: fr\n---\n\n# Titre\n";
    const state = EditorState.create({ doc, extensions: markdown({ extensions: [frontMatterMarkdown] }) });
    const names: string[] = [];
    syntaxTree(state).iterate({ enter: (node) => void names.push(node.name) });
    expect(names).toContain("FrontMatter");
    expect(names).toContain("ATXHeading1");
    expect(names.filter((n) => n.startsWith("SetextHeading"))).toEqual([]);
  });
});
