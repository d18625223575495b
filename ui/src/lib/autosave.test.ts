import { describe, expect, it } from "vitest";
import { Autosave, type Clock } from "./autosave";

/** A fake clock: timers run when `advance` passes their time. */
class FakeClock implements Clock {
  t = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers.delete(id as number);
  };
  async advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = Math.max(this.t, due[1].at);
      due[1].fn();
      await Promise.resolve();
      await Promise.resolve();
    }
    this.t = end;
  }
}

function setup(idleMs: number | null, canSave = () => true) {
  const clock = new FakeClock();
  const journaled: number[] = [];
  const saved: number[] = [];
  const autosave = new Autosave(
    {
      writeJournal: async () => void journaled.push(clock.t),
      save: async () => (saved.push(clock.t), true),
      canSave,
    },
    idleMs,
    clock,
    250,
  );
  return { clock, journaled, saved, autosave };
}

describe("Autosave", () => {
  it("journals during continuous typing, never more than 250 ms after a keystroke", async () => {
    const { clock, journaled, autosave } = setup(1500);
    // A keystroke every 40 ms for 3 seconds: a debounce would never fire.
    const keystrokes: number[] = [];
    for (let i = 0; i < 75; i++) {
      keystrokes.push(clock.t);
      autosave.edited();
      await clock.advance(40);
    }
    await clock.advance(300);
    expect(journaled.length).toBeGreaterThanOrEqual(11);
    for (const k of keystrokes) {
      const after = journaled.find((j) => j >= k);
      expect(after, `keystroke at ${k}`).toBeDefined();
      expect((after ?? Infinity) - k).toBeLessThanOrEqual(250);
    }
  });

  it("reports each write's latency from the oldest keystroke it holds", async () => {
    const clock = new FakeClock();
    const latencies: number[] = [];
    const autosave = new Autosave(
      { writeJournal: async () => {}, save: async () => true, canSave: () => true, onJournaled: (ms) => latencies.push(ms) },
      null,
      clock,
      250,
    );
    autosave.edited(); // journaled at once
    await clock.advance(100);
    autosave.edited(); // waits for the 250 ms slot
    await clock.advance(50);
    autosave.edited();
    await clock.advance(500);
    expect(latencies).toEqual([0, 150]);
  });

  it("saves the post once typing pauses for the idle delay", async () => {
    const { clock, saved, autosave } = setup(1500);
    for (let i = 0; i < 10; i++) {
      autosave.edited();
      await clock.advance(100);
    }
    expect(saved).toEqual([]);
    await clock.advance(1500);
    expect(saved).toEqual([900 + 1500]);
  });

  it("never saves with manual save only, but still journals", async () => {
    const { clock, saved, journaled, autosave } = setup(null);
    autosave.edited();
    await clock.advance(10_000);
    expect(saved).toEqual([]);
    expect(journaled).toEqual([0]);
  });

  it("does not save while a conflict awaits the user's choice", async () => {
    let blocked = true;
    const { clock, saved, autosave } = setup(500, () => !blocked);
    autosave.edited();
    await clock.advance(1000);
    expect(saved).toEqual([]);
    blocked = false;
    autosave.edited();
    await clock.advance(1000);
    expect(saved.length).toBe(1);
  });

  it("flush journals pending text at once", async () => {
    const { clock, journaled, autosave } = setup(null);
    autosave.edited();
    await clock.advance(300);
    autosave.edited();
    await autosave.flush();
    expect(journaled).toEqual([0, 300]);
  });

  it("retries a failed journal write", async () => {
    const clock = new FakeClock();
    let fail = true;
    const writes: number[] = [];
    const errors: unknown[] = [];
    const autosave = new Autosave(
      {
        writeJournal: async () => {
          writes.push(clock.t);
          if (fail) throw new Error("disk full");
        },
        save: async () => true,
        canSave: () => true,
        onJournalError: (e) => errors.push(e),
      },
      null,
      clock,
      250,
    );
    autosave.edited();
    await clock.advance(10);
    fail = false;
    await clock.advance(300);
    expect(errors.length).toBe(1);
    expect(writes).toEqual([0, 250]);
  });
});
