import { redo, undo } from "@codemirror/commands";
import { syntaxTree } from "@codemirror/language";
import { type Transaction } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { toggleBold } from "./markdown_format";
import { createPostState } from "./setup";

describe("createPostState", () => {
  it("undoes and redoes edits", () => {
    let state = createPostState("Bonjour", "fr", { onSave: () => {}, onChange: () => {} });
    const dispatch = (tr: Transaction) => (state = tr.state);
    dispatch(state.update({ changes: { from: 7, insert: " à tous" }, userEvent: "input.type" }));
    expect(state.doc.toString()).toBe("Bonjour à tous");
    expect(undo({ state, dispatch })).toBe(true);
    expect(state.doc.toString()).toBe("Bonjour");
    expect(redo({ state, dispatch })).toBe(true);
    expect(state.doc.toString()).toBe("Bonjour à tous");
  });

  it("parses markdown, so formatting commands and highlighting apply", () => {
    let state = createPostState("un mot", "fr", { onSave: () => {}, onChange: () => {} });
    state = state.update({ selection: { anchor: 3, head: 6 } }).state;
    toggleBold({ state, dispatch: (tr) => (state = tr.state) });
    expect(state.doc.toString()).toBe("un **mot**");
    const names: string[] = [];
    syntaxTree(state).iterate({ enter: (node) => void names.push(node.name) });
    expect(names).toContain("StrongEmphasis");
  });
});
