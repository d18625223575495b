// Ctrl+B and Ctrl+I: wrap the selection in `**` or `_`, or unwrap it when it is already
// wrapped; with nothing selected, insert the pair and put the cursor between.
import { EditorSelection, type StateCommand, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";

/** A command toggling `marker` around every selection range. */
export function toggleMarkup(marker: string): StateCommand {
  return ({ state, dispatch }) => {
    const n = marker.length;
    const tr = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - n, range.from);
      const after = state.sliceDoc(range.to, range.to + n);
      if (before === marker && after === marker) {
        return {
          changes: [
            { from: range.from - n, to: range.from, insert: "" },
            { from: range.to, to: range.to + n, insert: "" },
          ],
          range: EditorSelection.range(range.from - n, range.to - n),
        };
      }
      const inner = state.sliceDoc(range.from, range.to);
      if (inner.length >= 2 * n && inner.startsWith(marker) && inner.endsWith(marker)) {
        return {
          changes: { from: range.from, to: range.to, insert: inner.slice(n, inner.length - n) },
          range: EditorSelection.range(range.from, range.to - 2 * n),
        };
      }
      return {
        changes: [
          { from: range.from, insert: marker },
          { from: range.to, insert: marker },
        ],
        range: EditorSelection.range(range.from + n, range.to + n),
      };
    });
    dispatch(state.update(tr, { scrollIntoView: true, userEvent: "input.format" }));
    return true;
  };
}

export const toggleBold = toggleMarkup("**");
export const toggleItalic = toggleMarkup("_");

/** Mod-b and Mod-i. */
export function markdownFormatKeymap(): Extension {
  return keymap.of([
    { key: "Mod-b", run: toggleBold, preventDefault: true },
    { key: "Mod-i", run: toggleItalic, preventDefault: true },
  ]);
}
