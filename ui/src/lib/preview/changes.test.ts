import { ChangeSet, Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { ChangeTracker } from "./changes";

describe("ChangeTracker", () => {
  it("asks for the whole text after a load, then sends composed changes in the old coordinates", () => {
    const tracker = new ChangeTracker();
    expect(tracker.take()).toBeNull();
    const doc = Text.of(["héllo world"]);
    const first = ChangeSet.of({ from: 0, to: 1, insert: "H" }, doc.length);
    const second = ChangeSet.of({ from: 11, insert: "!" }, first.newLength);
    tracker.add(first);
    tracker.add(second);
    expect(tracker.take()).toEqual([
      { from: 0, to: 1, insert: "H" },
      { from: 11, to: 11, insert: "!" },
    ]);
    expect(tracker.take()).toEqual([]);
    tracker.reset();
    expect(tracker.take()).toBeNull();
  });
});
