import { describe, expect, it } from "vitest";
import type { IpcError } from "../ipc";

/** What the test's renders return. */
interface Preview {
  html: string;
}
import { PreviewLoop, type LoopClock } from "./preview_loop";

/** A render the test answers by hand. */
interface Call {
  path: string;
  text: string;
  resolve: (p: Preview) => void;
  reject: (e: IpcError) => void;
}

const tick = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

const clock: LoopClock = { now: () => 0, setTimeout: (fn) => (fn(), 0), clearTimeout: () => {} };

function setup(path = "/blog/_posts/a.md") {
  const state = { path: path as string | null, text: "v0" };
  const calls: Call[] = [];
  const shown: string[] = [];
  const failures: IpcError[] = [];
  const loop = new PreviewLoop<Preview>(
    {
      path: () => state.path,
      render: (p) => new Promise((resolve, reject) => calls.push({ path: p, text: state.text, resolve, reject })),
      show: (_p, preview) => shown.push(preview.html),
      failed: (_p, error) => failures.push(error),
    },
    clock,
  );
  return { state, calls, shown, failures, loop };
}

const html = (h: string): Preview => ({ html: h });

describe("PreviewLoop", () => {
  it("keeps one render in flight and renders the latest text once it returns", async () => {
    const { state, calls, shown, loop } = setup();
    loop.request();
    state.text = "v1";
    loop.edited();
    state.text = "v2";
    loop.edited();
    expect(calls.map((c) => c.text)).toEqual(["v0"]);
    calls[0].resolve(html("<p>v0</p>"));
    await tick();
    expect(calls.map((c) => c.text)).toEqual(["v0", "v2"]);
    calls[1].resolve(html("<p>v2</p>"));
    await tick();
    expect(shown).toEqual(["<p>v0</p>", "<p>v2</p>"]);
  });

  it("reports a render past its deadline and tries again at the next edit", async () => {
    const { state, calls, failures, shown, loop } = setup();
    loop.request();
    calls[0].reject({ kind: "render_timeout", message: "a.md: took too long", path: "/blog/_posts/a.md", line: null });
    await tick();
    expect(failures.map((f) => f.kind)).toEqual(["render_timeout"]);
    state.text = "v1";
    loop.edited();
    expect(calls.map((c) => c.text)).toEqual(["v0", "v1"]);
    calls[1].resolve(html("<p>v1</p>"));
    await tick();
    expect(shown).toEqual(["<p>v1</p>"]);
  });

  it("says nothing about a request a newer one replaced", async () => {
    const { calls, failures, loop } = setup();
    loop.request();
    calls[0].reject({ kind: "render_superseded", message: "newer", path: null, line: null });
    await tick();
    expect(failures).toEqual([]);
  });

  it("does not render a paused post until the user asks, then renders it", async () => {
    const { calls, shown, loop } = setup();
    loop.pause("/blog/_posts/a.md");
    loop.request();
    loop.edited();
    expect(loop.paused).toBe(true);
    expect(calls).toEqual([]);
    loop.resume();
    expect(loop.paused).toBe(false);
    calls[0].resolve(html("<p>ok</p>"));
    await tick();
    expect(shown).toEqual(["<p>ok</p>"]);
  });

  it("renders other posts while one is paused", () => {
    const { state, calls, loop } = setup();
    loop.pause("/blog/_posts/bomb.md");
    loop.request();
    expect(calls.map((c) => c.path)).toEqual(["/blog/_posts/a.md"]);
    state.path = "/blog/_posts/bomb.md";
    expect(loop.paused).toBe(true);
  });

  it("drops a render of a post that is no longer open", async () => {
    const { state, calls, shown, failures, loop } = setup();
    loop.request();
    state.path = "/blog/_posts/b.md";
    calls[0].reject({ kind: "budget_exceeded", message: "too much", path: null, line: null });
    await tick();
    expect(failures).toEqual([]);
    expect(shown).toEqual([]);
  });
});
