import { EditorState, type TransactionSpec } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { placeMark, takeMark } from "./drop_mark";

/** The part of an EditorView the marks use: a state and dispatch. */
function fakeView(doc: string) {
  const view = {
    state: EditorState.create({ doc }),
    dispatch(spec: TransactionSpec) {
      view.state = view.state.update(spec).state;
    },
  };
  return view as unknown as EditorView & { state: EditorState };
}

describe("drop marks", () => {
  it("follow the edits typed while the import runs", () => {
    const view = fakeView("First line.\nSecond line.\n");
    const mark = placeMark(view, 12); // start of the second line
    view.dispatch({ changes: { from: 0, insert: "Typed meanwhile. " } });
    view.dispatch({ changes: { from: view.state.doc.length, insert: "More at the end.\n" } });
    expect(takeMark(view, mark)).toBe(12 + "Typed meanwhile. ".length);
    expect(takeMark(view, mark)).toBeNull(); // taken once
  });

  it("keep several imports apart", () => {
    const view = fakeView("abcdef");
    const a = placeMark(view, 2);
    const b = placeMark(view, 4);
    view.dispatch({ changes: { from: 3, insert: "XY" } });
    expect(takeMark(view, b)).toBe(6);
    expect(takeMark(view, a)).toBe(2);
  });

  it("are gone when another post replaced the document", () => {
    const view = fakeView("abc");
    const mark = placeMark(view, 1);
    view.state = EditorState.create({ doc: "another post" });
    expect(takeMark(view, mark)).toBeNull();
  });
});
