// Keeps the shell's copy of the open post in step with the editor: each render request carries
// the editor's changes since the last one and the version they apply to, or the whole text on
// a new post, after a failure, or when the shell says the versions disagree
// (`preview_out_of_step`, then retried at once with the text).
import type { EditorChange } from "../bindings/EditorChange";
import type { PreviewEdit } from "../bindings/PreviewEdit";
import type { PreviewUpdate } from "../bindings/PreviewUpdate";
import type { IpcError } from "../ipc";

export interface SyncHost {
  /** The editor's changes since the last call (null: send the whole text). */
  takeChanges: () => EditorChange[] | null;
  text: () => string;
  /** The render the preview shows (null: none). */
  shown: () => number | null;
  send: (edit: PreviewEdit) => Promise<PreviewUpdate>;
}

/** Failures after which the shell has the changes (they applied before the render was queued). */
const APPLIED = new Set(["render_timeout", "render_superseded"]);

export class PreviewSync {
  private version = 0;
  private path: string | null = null;
  private whole = true;

  constructor(private host: SyncHost) {}

  /** Sends the editor's changes to `path` (or its text) and returns the shell's update. */
  async render(path: string): Promise<PreviewUpdate> {
    try {
      return await this.send(path);
    } catch (raw) {
      if ((raw as IpcError | null)?.kind !== "preview_out_of_step") throw raw;
      this.whole = true;
      return await this.send(path);
    }
  }

  private async send(path: string): Promise<PreviewUpdate> {
    const changes = this.host.takeChanges();
    const whole = this.whole || changes === null || path !== this.path;
    const base = this.version;
    this.version += 1;
    this.whole = false;
    this.path = path;
    const edit: PreviewEdit = {
      path,
      base,
      version: this.version,
      changes: whole ? [] : (changes ?? []),
      text: whole ? this.host.text() : null,
      shown: this.host.shown(),
    };
    try {
      return await this.host.send(edit);
    } catch (raw) {
      if (!APPLIED.has((raw as IpcError | null)?.kind ?? "")) this.whole = true;
      throw raw;
    }
  }
}
