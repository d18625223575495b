// A position in the editor that follows the edits made while a photo import runs (the user
// keeps typing): the photos' lines go where the drop was, not where that offset ends up.
import { StateEffect, StateField } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";

const setMark = StateEffect.define<{ id: number; pos: number } | { id: number; pos: null }>();

/** Marks by id, each mapped through every change. */
const marks = StateField.define<Map<number, number>>({
  create: () => new Map(),
  update(value, tr) {
    let next = value;
    if (!tr.changes.empty && value.size) {
      next = new Map([...value].map(([id, pos]) => [id, tr.changes.mapPos(pos, -1)]));
    }
    for (const effect of tr.effects) {
      if (!effect.is(setMark)) continue;
      next = new Map(next);
      if (effect.value.pos === null) next.delete(effect.value.id);
      else next.set(effect.value.id, effect.value.pos);
    }
    return next;
  },
});

let nextId = 1;

/** Remembers `pos` in the view's current document; returns its id. */
export function placeMark(view: EditorView, pos: number): number {
  const id = nextId++;
  const effects: StateEffect<unknown>[] = [];
  if (view.state.field(marks, false) === undefined) effects.push(StateEffect.appendConfig.of(marks));
  effects.push(setMark.of({ id, pos }));
  view.dispatch({ effects });
  return id;
}

/** Where the mark `id` is now, and forgets it; null when the document was replaced (another
 * post opened) since it was placed. */
export function takeMark(view: EditorView, id: number): number | null {
  const field = view.state.field(marks, false);
  const pos = field?.get(id);
  if (pos === undefined) return null;
  view.dispatch({ effects: setMark.of({ id, pos: null }) });
  return pos;
}
