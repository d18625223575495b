// A front matter form edit as an editor transaction: the core's change (UTF-16 offsets, as
// CodeMirror counts; see line_endings.ts for CRLF posts), as an undo step of its own even right
// after typing.
import { isolateHistory } from "@codemirror/commands";
import type { ChangeSpec, TransactionSpec } from "@codemirror/state";

export function formEditTransaction(change: ChangeSpec): TransactionSpec {
  return {
    changes: change,
    userEvent: "input.frontmatter",
    annotations: isolateHistory.of("full"),
  };
}
