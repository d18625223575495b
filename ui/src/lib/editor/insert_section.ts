// Putting a talk section into the text at the cursor as its own block: a section typed in the
// middle of a paragraph would glue its `## title` to the text around it, so the insertion
// starts after the cursor's line and keeps one blank line on each side.
import type { EditorState, TransactionSpec } from "@codemirror/state";

/** The transaction inserting `section` (ending with a newline) at the main cursor. */
export function insertSection(state: EditorState, section: string): TransactionSpec {
  const doc = state.doc;
  const line = doc.lineAt(state.selection.main.head);
  // Mid-line: the block goes after the whole line.
  const at = line.text.trim() === "" ? line.from : line.to;
  const before = doc.sliceString(0, at);
  const after = doc.sliceString(at);
  const body = section.replace(/\n+$/, "") + "\n";
  let lead = "";
  if (before.length > 0 && !before.endsWith("\n\n")) lead = before.endsWith("\n") ? "\n" : "\n\n";
  let trail = "";
  const rest = after.replace(/^[ \t]*\n?/, "");
  if (rest.length > 0 && !rest.startsWith("\n")) trail = "\n";
  const insert = lead + body + trail;
  const replaceTo = at + (after.length - rest.length);
  return {
    changes: { from: at, to: replaceTo, insert },
    selection: { anchor: at + lead.length + body.length },
    scrollIntoView: true,
    userEvent: "input.talk",
  };
}
