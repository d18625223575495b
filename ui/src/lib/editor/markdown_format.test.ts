import { EditorSelection, EditorState, type Transaction } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { toggleBold, toggleItalic } from "./markdown_format";

function run(doc: string, from: number, to: number, command: typeof toggleBold) {
  let state = EditorState.create({ doc, selection: EditorSelection.single(from, to) });
  command({ state, dispatch: (tr: Transaction) => (state = tr.state) });
  const { from: f, to: t } = state.selection.main;
  return { doc: state.doc.toString(), selected: state.sliceDoc(f, t), from: f };
}

describe("toggleMarkup", () => {
  it("wraps the selection in bold and keeps it selected", () => {
    expect(run("un mot ici", 3, 6, toggleBold)).toEqual({ doc: "un **mot** ici", selected: "mot", from: 5 });
  });

  it("unwraps a selection that is already bold", () => {
    expect(run("un **mot** ici", 5, 8, toggleBold)).toEqual({ doc: "un mot ici", selected: "mot", from: 3 });
    expect(run("un **mot** ici", 3, 10, toggleBold)).toEqual({ doc: "un mot ici", selected: "mot", from: 3 });
  });

  it("inserts an empty pair with the cursor inside when nothing is selected", () => {
    const result = run("ab", 1, 1, toggleItalic);
    expect(result.doc).toBe("a__b");
    expect(result.from).toBe(2);
  });

  it("is undone by a second toggle", () => {
    let state = EditorState.create({ doc: "x mot y", selection: EditorSelection.single(2, 5) });
    const dispatch = (tr: Transaction) => (state = tr.state);
    toggleItalic({ state, dispatch });
    toggleItalic({ state, dispatch });
    expect(state.doc.toString()).toBe("x mot y");
  });
});
