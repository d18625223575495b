// What a batch of changes made outside Lanyard means for the window: does it touch the open
// post (changed, or gone), and must the sidebar be re-read. Then, once the file's text is read,
// what to do with the editor. Pure functions; App.svelte acts on their answers.
import type { BlogChangeView } from "./bindings/BlogChangeView";

export type OpenPostChange =
  | { kind: "none" }
  | { kind: "changed" }
  /** Deleted, or renamed to `renamedTo`. */
  | { kind: "missing"; renamedTo: string | null };

export interface ChangeSummary {
  open: OpenPostChange;
  /** A post, draft or the site config changed: titles, tags, series may differ. */
  refreshSidebar: boolean;
}

const INDEXED = /\.(md|markdown|mkd|mkdn|mdown|html|yml|yaml|toml)$/i;

/** Whether a change to `path` can change the sidebar (posts, drafts, config; not photos). */
function affectsIndex(path: string): boolean {
  const name = path.split("/").pop() ?? "";
  return INDEXED.test(name) || !name.includes(".");
}

/** Sorts out a batch of changes for the post open at `openPath`. */
export function summarizeChanges(changes: BlogChangeView[], openPath: string | null): ChangeSummary {
  let open: OpenPostChange = { kind: "none" };
  for (const c of changes) {
    if (openPath !== null && c.from === openPath && c.path !== openPath) {
      open = { kind: "missing", renamedTo: c.path };
    } else if (c.path === openPath) {
      open = c.kind === "deleted" ? { kind: "missing", renamedTo: null } : { kind: "changed" };
    }
  }
  const refreshSidebar = changes.some((c) => affectsIndex(c.path) || (c.from !== null && affectsIndex(c.from)));
  return { open, refreshSidebar };
}

/** What to do with the editor once the file's new text (`null`: gone) is read. */
export type DiskDecision =
  /** The file holds the editor's text: nothing to do (the buffer is in step). */
  | "in_step"
  /** The buffer is clean: reload silently. */
  | "reload"
  /** The buffer has unsaved edits: ask (keep mine / take theirs / compare). */
  | "conflict"
  /** The file is gone: offer save again / close. */
  | "missing";

export function decideDiskChange(editorText: string, diskText: string | null, dirty: boolean): DiskDecision {
  if (diskText === null) return "missing";
  if (diskText === editorText) return "in_step";
  return dirty ? "conflict" : "reload";
}
