import { undo } from "@codemirror/commands";
import type { Transaction } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { createPostState } from "../editor/setup";
import { formEditTransaction } from "./apply";

describe("formEditTransaction", () => {
  it("is one undo step of its own, even with typing right before and after it", () => {
    const text = "---\ntitle: A\n---\n";
    let state = createPostState(text, "fr", { onSave: () => {}, onChange: () => {} });
    const dispatch = (tr: Transaction) => (state = tr.state);
    dispatch(state.update({ changes: { from: 12, insert: "B" }, userEvent: "input.type" }));
    // The form sets the title (the core gave this change for "title: AB!").
    dispatch(state.update(formEditTransaction({ from: 13, to: 13, insert: "!" })));
    dispatch(state.update({ changes: { from: 14, insert: "C" }, userEvent: "input.type" }));
    expect(state.doc.toString()).toBe("---\ntitle: AB!C\n---\n");
    undo({ state, dispatch });
    expect(state.doc.toString()).toBe("---\ntitle: AB!\n---\n");
    undo({ state, dispatch });
    expect(state.doc.toString()).toBe("---\ntitle: AB\n---\n");
    undo({ state, dispatch });
    expect(state.doc.toString()).toBe(text);
  });

  it("counts offsets in UTF-16 units, as the core sends them", () => {
    let state = createPostState("---\ntitle: 🎤 é\n---\n", "fr", { onSave: () => {}, onChange: () => {} });
    state = state.update(formEditTransaction({ from: 14, to: 15, insert: "è" })).state;
    expect(state.doc.toString()).toBe("---\ntitle: 🎤 è\n---\n");
  });
});
