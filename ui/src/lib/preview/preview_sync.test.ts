import { describe, expect, it } from "vitest";
import type { EditorChange } from "../bindings/EditorChange";
import type { PreviewEdit } from "../bindings/PreviewEdit";
import type { PreviewUpdate } from "../bindings/PreviewUpdate";
import { PreviewSync } from "./preview_sync";

const ok: PreviewUpdate = {
  generation: 1,
  reset: true,
  remove: [],
  insert: [],
  before: null,
  shift: 0,
  problems: [],
  timing: { received_ms: 0, replied_ms: 0, render_ms: 0 },
};

function setup(fail: (edit: PreviewEdit) => string | null) {
  const sent: PreviewEdit[] = [];
  let changes: EditorChange[] | null = null;
  const sync = new PreviewSync({
    takeChanges: () => changes,
    text: () => "TEXT",
    shown: () => 7,
    send: async (edit) => {
      sent.push(edit);
      const kind = fail(edit);
      if (kind) throw { kind, message: kind, path: null, line: null };
      return ok;
    },
  });
  return { sent, sync, setChanges: (c: EditorChange[] | null) => (changes = c) };
}

describe("PreviewSync", () => {
  it("sends the text first, then the changes with the version they apply to", async () => {
    const { sent, sync, setChanges } = setup(() => null);
    await sync.render("/p.md");
    setChanges([{ from: 0, to: 0, insert: "a" }]);
    await sync.render("/p.md");
    expect(sent.map((e) => [e.base, e.version, e.text, e.changes.length, e.shown])).toEqual([
      [0, 1, "TEXT", 0, 7],
      [1, 2, null, 1, 7],
    ]);
  });

  it("retries with the text when the shell is out of step, and sends it after other failures", async () => {
    let failures: (string | null)[] = ["preview_out_of_step", null, "render_timeout", "front_matter"];
    const { sent, sync, setChanges } = setup(() => failures.shift() ?? null);
    setChanges([]);
    await sync.render("/p.md"); // text (first), out of step, then text again
    expect(sent.map((e) => e.text)).toEqual(["TEXT", "TEXT"]);
    await expect(sync.render("/p.md")).rejects.toMatchObject({ kind: "render_timeout" });
    await expect(sync.render("/p.md")).rejects.toMatchObject({ kind: "front_matter" });
    failures = [];
    await sync.render("/p.md");
    expect(sent.map((e) => e.text)).toEqual(["TEXT", "TEXT", null, null, "TEXT"]);
    await sync.render("/q.md");
    expect(sent[sent.length - 1].text).toBe("TEXT");
  });
});
