import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { setSpellcheckLanguage, spellcheck } from "./spellcheck";

function attributes(state: EditorState) {
  return Object.assign({}, ...state.facet(EditorView.contentAttributes).filter((a) => typeof a === "object"));
}

describe("spellcheck", () => {
  it("marks the content as spell-checked in the post's language", () => {
    const state = EditorState.create({ extensions: spellcheck("fr") });
    expect(attributes(state)).toMatchObject({ spellcheck: "true", lang: "fr" });
  });

  it("switches language when another post opens", () => {
    let state = EditorState.create({ extensions: spellcheck("fr") });
    state = state.update({ effects: setSpellcheckLanguage("en") }).state;
    expect(attributes(state).lang).toBe("en");
  });
});
