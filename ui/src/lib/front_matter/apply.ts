// A front matter form edit as an editor transaction: the core's change (UTF-16 offsets, as
// CodeMirror counts), as an undo step of its own even right after typing.
import { isolateHistory } from "@codemirror/commands";
import type { TransactionSpec } from "@codemirror/state";
import type { TextEdit } from "../bindings/TextEdit";

export function formEditTransaction(edit: TextEdit): TransactionSpec {
  return {
    changes: { from: edit.from, to: edit.to, insert: edit.insert },
    userEvent: "input.frontmatter",
    annotations: isolateHistory.of("full"),
  };
}
