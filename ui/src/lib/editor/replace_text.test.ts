import { EditorState } from "@codemirror/state";
import { history, undo } from "@codemirror/commands";
import { describe, expect, it } from "vitest";
import { minimalChange } from "./replace_text";

describe("minimalChange", () => {
  it("is null for equal texts", () => {
    expect(minimalChange("abc", "abc")).toBeNull();
  });

  it("covers only the region that differs", () => {
    const before = "---\ntitle: x\n---\n\nIntro\n";
    const after = "---\ntitle: x\n---\n\n<!-- series -->\n- __x__\n<!-- /series -->\n\nIntro\n";
    expect(minimalChange(before, after)).toEqual({
      from: 18,
      to: 18,
      insert: "<!-- series -->\n- __x__\n<!-- /series -->\n\n",
    });
  });

  it("gives the new text as one transaction that undo reverts", () => {
    const before = "a\n- [Jour 2](x)\nb\n";
    const after = "a\n- [Jour 2](x)\n- Jour 3\nb\n";
    let state = EditorState.create({ doc: before, extensions: [history()] });
    state = state.update({ changes: minimalChange(before, after)! }).state;
    expect(state.doc.toString()).toBe(after);
    undo({ state, dispatch: (tr) => (state = tr.state) });
    expect(state.doc.toString()).toBe(before);
  });

  it("handles repeated characters at the edges", () => {
    const change = minimalChange("aaa", "aaaa")!;
    const state = EditorState.create({ doc: "aaa" }).update({ changes: change }).state;
    expect(state.doc.toString()).toBe("aaaa");
  });
});
