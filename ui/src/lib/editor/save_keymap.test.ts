import { EditorState } from "@codemirror/state";
import { type EditorView, keymap } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { saveKeymap } from "./save_keymap";

describe("saveKeymap", () => {
  it("binds Mod-s to the save callback", () => {
    const saved: string[] = [];
    const state = EditorState.create({
      doc: "texte",
      extensions: saveKeymap((view) => saved.push(view.state.doc.toString())),
    });
    const binding = state.facet(keymap).flat().find((b) => b.key === "Mod-s");
    expect(binding?.preventDefault).toBe(true);
    expect(binding?.run?.({ state } as EditorView)).toBe(true);
    expect(saved).toEqual(["texte"]);
  });
});
