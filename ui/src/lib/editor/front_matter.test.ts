import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { frontMatter, frontMatterField, frontMatterLines } from "./front_matter";

function lineClasses(state: EditorState): Map<number, string> {
  const classes = new Map<number, string>();
  state.field(frontMatterField).between(0, state.doc.length, (from, _to, deco) => {
    classes.set(state.doc.lineAt(from).number, String(deco.spec.class));
  });
  return classes;
}

describe("front matter", () => {
  it("finds the lines between the fences", () => {
    const state = EditorState.create({ doc: "---\ntitle: Jour 1\nlang: fr\n---\n# Hello" });
    expect(frontMatterLines(state)).toEqual({ first: 1, last: 4 });
  });

  it("ignores a document without front matter or without a closing fence", () => {
    expect(frontMatterLines(EditorState.create({ doc: "# Title\n---\n" }))).toBeNull();
    expect(frontMatterLines(EditorState.create({ doc: "---\ntitle: x\n" }))).toBeNull();
  });

  it("decorates those lines and follows edits", () => {
    let state = EditorState.create({ doc: "---\ntitle: x\n---\nbody", extensions: frontMatter() });
    expect(lineClasses(state)).toEqual(
      new Map([
        [1, "cm-frontmatter cm-frontmatter-fence"],
        [2, "cm-frontmatter"],
        [3, "cm-frontmatter cm-frontmatter-fence"],
      ]),
    );
    state = state.update({ changes: { from: 0, to: 4, insert: "" } }).state;
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
