// The buffer guard's transitions, one test each: what a change on disk does to a clean or an
// edited buffer, what each answer to a conflict or a deleted file does, and what a journal
// recovery opens with. The IPC layer is replaced by a fake disk and a log of journal calls.
import { beforeEach, describe, expect, it, vi } from "vitest";

const fake = vi.hoisted(() => ({
  disk: new Map<string, string>(),
  calls: [] as string[],
  recovered: [] as RecoveredPost[],
}));

vi.mock("./ipc", () => ({
  toIpcError: (e: unknown) => ({ kind: "shell", message: String(e), path: null, line: null }),
  diskText: async (path: string) => fake.disk.get(path) ?? null,
  journalRebase: async (path: string, text: string) => void fake.calls.push(`rebase ${path} ${text}`),
  journalOpen: async (path: string) => void fake.calls.push(`open ${path}`),
  journalClose: async (path: string) => void fake.calls.push(`close ${path}`),
  journalRecord: async (path: string) => void fake.calls.push(`record ${path}`),
  refreshWorkspace: async () => ({}),
  watchWorkspace: async () => {},
  recoverJournal: async () => fake.recovered,
  autosaveSetting: async () => null,
  setAutosaveSetting: async () => {},
  readPost: async (path: string) => ({ path, text: fake.disk.get(path) ?? "", lang: "en" }),
}));

import type { BlogChangeKind } from "./bindings/BlogChangeKind";
import type { BlogChangeView } from "./bindings/BlogChangeView";
import type { RecoveredPost } from "./bindings/RecoveredPost";
import type { RecoveryKind } from "./bindings/RecoveryKind";
import { BufferGuard, type BufferHost } from "./buffer_guard.svelte";

const PATH = "/blog/_posts/2023-04-19-j1.md";

/** A window holding `text`, `dirty` or not, recording what the guard asks of it. */
function host(text: string, dirty: boolean, saveOk = true) {
  const state = { path: PATH as string | null, text, dirty, inStep: 0, saves: [] as boolean[], closed: false };
  const h: BufferHost = {
    path: () => state.path,
    text: () => state.text,
    isDirty: () => state.dirty,
    editVersion: () => 1,
    replaceText: (next) => void (state.text = next),
    markInStep: () => void ((state.inStep += 1), (state.dirty = false)),
    save: async (force) => (state.saves.push(force), saveOk),
    saveIfDirty: async () => true,
    setWorkspace: () => {},
    closePost: () => void ((state.closed = true), (state.path = null)),
    fail: (e) => {
      throw e;
    },
  };
  return { state, guard: new BufferGuard(h) };
}

const change = (kind: BlogChangeKind, path: string, from: string | null = null): BlogChangeView => ({ kind, path, from });
const changed = [change("changed", PATH)];
const deleted = [change("deleted", PATH)];

beforeEach(() => {
  fake.disk.clear();
  fake.calls.length = 0;
  fake.recovered = [];
});

describe("buffer guard: a change on disk", () => {
  it("reloads a clean buffer silently and rebases the journal on the new text", async () => {
    const { state, guard } = host("mine", false);
    fake.disk.set(PATH, "theirs");
    await guard.changed(changed);
    expect(state.text).toBe("theirs");
    expect(state.inStep).toBe(1);
    expect(guard.alert).toBeNull();
    expect(fake.calls).toEqual([`rebase ${PATH} theirs`]);
  });

  it("raises a conflict over an edited buffer and keeps its text", async () => {
    const { state, guard } = host("mine", true);
    fake.disk.set(PATH, "theirs");
    await guard.changed(changed);
    expect(state.text).toBe("mine");
    expect(guard.alert).toEqual({ kind: "conflict", theirs: "theirs", recoveredTitle: null });
    expect(fake.calls).toEqual([]);
  });

  it("keeps an edited buffer that already holds what the file holds, in step", async () => {
    const { state, guard } = host("same", true);
    fake.disk.set(PATH, "same");
    await guard.changed(changed);
    expect(state.inStep).toBe(1);
    expect(state.dirty).toBe(false);
    expect(guard.alert).toBeNull();
  });

  it("offers save again or close when the file is deleted, or names where it went", async () => {
    const { guard } = host("mine", false);
    await guard.changed(deleted);
    expect(guard.alert).toEqual({ kind: "missing", renamedTo: null });
    const moved = host("mine", false);
    await moved.guard.changed([change("renamed", "/blog/_posts/new.md", PATH)]);
    expect(moved.guard.alert).toEqual({ kind: "missing", renamedTo: "/blog/_posts/new.md" });
  });

  it("looks at the disk when a save was refused", async () => {
    const { guard } = host("mine", true);
    fake.disk.set(PATH, "theirs");
    await guard.saveRefused();
    expect(guard.alert?.kind).toBe("conflict");
  });
});

describe("buffer guard: answers to a conflict", () => {
  async function inConflict(saveOk = true) {
    const h = host("mine", true, saveOk);
    fake.disk.set(PATH, "theirs");
    await h.guard.changed(changed);
    return h;
  }

  it("keep mine saves over the file and answers the alert", async () => {
    const { state, guard } = await inConflict();
    await guard.keepMine();
    expect(state.saves).toEqual([true]);
    expect(guard.alert).toBeNull();
  });

  it("keep mine leaves the alert when the save fails", async () => {
    const { guard } = await inConflict(false);
    await guard.keepMine();
    expect(guard.alert?.kind).toBe("conflict");
  });

  it("take theirs puts the file's text in the editor", async () => {
    const { state, guard } = await inConflict();
    await guard.takeTheirs();
    expect(state.text).toBe("theirs");
    expect(state.saves).toEqual([]);
    expect(guard.alert).toBeNull();
    expect(fake.calls).toContain(`rebase ${PATH} theirs`);
  });

  it("take theirs turns into a deleted-file alert when the file went meanwhile", async () => {
    const { guard } = await inConflict();
    fake.disk.clear();
    await guard.takeTheirs();
    expect(guard.alert).toEqual({ kind: "missing", renamedTo: null });
  });

  it("compare opens on the editor's text, and keeping the merge saves it", async () => {
    const { state, guard } = await inConflict();
    guard.openCompare();
    expect(guard.comparing).toBe(true);
    expect(guard.compareMine).toBe("mine");
    await guard.keepMerged("merged");
    expect(state.text).toBe("merged");
    expect(state.saves).toEqual([true]);
    expect(guard.comparing).toBe(false);
  });
});

describe("buffer guard: a deleted file", () => {
  it("save again writes the buffer back", async () => {
    const { state, guard } = host("mine", true);
    await guard.changed(deleted);
    await guard.saveAgain();
    expect(state.saves).toEqual([true]);
    expect(guard.alert).toBeNull();
  });

  it("close drops the post and its journal entry", async () => {
    const { state, guard } = host("mine", true);
    await guard.changed(deleted);
    await guard.close();
    expect(state.closed).toBe(true);
    expect(guard.alert).toBeNull();
    expect(fake.calls).toContain(`close ${PATH}`);
  });
});

describe("buffer guard: opening a post", () => {
  const recovered = (recovery: RecoveryKind, disk_text: string | null = null): RecoveredPost => ({
    path: PATH,
    title: "Jour 1",
    text: "recovered",
    recovery,
    disk_text,
    lang: "fr",
    written_at_ms: 1,
  });

  it("opens a post without journal entry as the file's text, journaled", async () => {
    const { guard } = host("", false);
    await guard.attach();
    const shown = await guard.opened({ path: PATH, text: "file", lang: "fr" });
    expect(shown).toEqual({ text: "file", dirty: false });
    expect(fake.calls).toContain(`open ${PATH}`);
  });

  it("brings back recovered text as unsaved", async () => {
    fake.recovered = [recovered("restore")];
    const { guard } = host("", false);
    expect(await guard.attach()).toBe(PATH);
    const shown = await guard.opened({ path: PATH, text: "file", lang: "fr" });
    expect(shown).toEqual({ text: "recovered", dirty: true });
    expect(guard.recoveredTitles).toEqual(["Jour 1"]);
    expect(guard.alert).toBeNull();
  });

  it("raises a conflict naming the recovered post when the file changed too", async () => {
    fake.recovered = [recovered("conflict", "disk now")];
    const { guard } = host("", false);
    await guard.attach();
    await guard.opened({ path: PATH, text: "disk now", lang: "fr" });
    expect(guard.alert).toEqual({ kind: "conflict", theirs: "disk now", recoveredTitle: "Jour 1" });
  });

  it("opens recovered text of a deleted file with the deleted-file alert", async () => {
    fake.recovered = [recovered("file_missing")];
    const { guard } = host("", false);
    await guard.attach();
    const loaded = await guard.read(PATH);
    expect(loaded.text).toBe("recovered");
    await guard.opened(loaded);
    expect(guard.alert).toEqual({ kind: "missing", renamedTo: null });
  });
});
