// Ctrl+S saves the post; the editor only reports the intent, the app does the saving.
import type { Extension } from "@codemirror/state";
import { type EditorView, keymap } from "@codemirror/view";

/** Mod-s calls `onSave` with the editor. */
export function saveKeymap(onSave: (view: EditorView) => void): Extension {
  return keymap.of([
    {
      key: "Mod-s",
      preventDefault: true,
      run: (view) => {
        onSave(view);
        return true;
      },
    },
  ]);
}
