import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { insertSection } from "./insert_section";

function apply(doc: string, cursor: number, section: string): { text: string; cursor: number } {
  const state = EditorState.create({ doc, selection: { anchor: cursor } });
  const next = state.update(insertSection(state, section)).state;
  return { text: next.doc.toString(), cursor: next.selection.main.head };
}

const SECTION = "## Talk\n\nThis talk was given by A from B.\n";

describe("insertSection", () => {
  it("puts the section on its own block after a paragraph's line", () => {
    const r = apply("# Talks\nSome text here\nMore", 12, SECTION);
    expect(r.text).toBe("# Talks\nSome text here\n\n## Talk\n\nThis talk was given by A from B.\n\nMore");
    expect(r.text.slice(r.cursor)).toBe("\nMore");
  });

  it("fills an empty line between blocks without doubling blank lines", () => {
    const r = apply("# Talks\n\n\n## Next\n", 9, SECTION);
    expect(r.text).toBe("# Talks\n\n## Talk\n\nThis talk was given by A from B.\n\n## Next\n");
  });

  it("appends at the end of a text without a final newline", () => {
    const r = apply("intro", 5, SECTION);
    expect(r.text).toBe("intro\n\n## Talk\n\nThis talk was given by A from B.\n");
  });

  it("writes into an empty document as is", () => {
    expect(apply("", 0, SECTION).text).toBe(SECTION);
  });
});
