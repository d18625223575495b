// What the editor changed since the preview last heard from it: CodeMirror's change sets,
// composed, sent as `{from, to, insert}` in UTF-16 offsets of the text the preview has
// (src/preview/mod.rs applies them). After a load the whole text goes instead.
import type { ChangeSet } from "@codemirror/state";
import type { EditorChange } from "../bindings/EditorChange";

export class ChangeTracker {
  private pending: ChangeSet | null = null;
  private whole = true;

  /** The text was replaced (a post loaded): the next `take` asks for the whole text. */
  reset() {
    this.pending = null;
    this.whole = true;
  }

  /** An editor transaction changed the text. */
  add(changes: ChangeSet) {
    this.pending = this.pending ? this.pending.compose(changes) : changes;
  }

  /** The changes since the last take, ascending, in the coordinates of the text then; null
   * when the whole text must go (nothing taken since a load). */
  take(): EditorChange[] | null {
    const { pending, whole } = this;
    this.pending = null;
    this.whole = false;
    if (whole) return null;
    const out: EditorChange[] = [];
    pending?.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
      out.push({ from: fromA, to: toA, insert: inserted.toString() });
    });
    return out;
  }
}
