// A choice the open post waits for before anything is written to its file.

export type BufferAlert =
  /** The file changed on disk while the editor held unsaved edits; `theirs` is its text now.
   * `recoveredTitle`: the edits were recovered from the journal at start. */
  | { kind: "conflict"; theirs: string; recoveredTitle: string | null }
  /** The file was deleted, or renamed to `renamedTo`. */
  | { kind: "missing"; renamedTo: string | null };
