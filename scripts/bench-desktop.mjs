#!/usr/bin/env node
// Measures the desktop app in a real window under Xvfb (results go into BENCHMARKS.md):
//  - start to editable window: from asking WebDriver for a session (which starts the app) to
//    the editor holding the post and the preview rendered, median of 5 cold starts, and the
//    median time of each start-up step (the app's `window.lanyardPerf.startup`);
//  - resident memory with the demo blog open: the app process plus its WebKit children;
//  - keystroke to updated preview, p50/p95: typed through WebDriver at a steady 12 keys/s,
//    at the end and in the middle of the real 6 KB post the design is based on (the KubeCon
//    seed in ../shared) and of a 1 MB post, measured from outside the app's timing code (a
//    capture keydown listener and a MutationObserver on the preview, installed by this script,
//    to the first animation frame showing the key), with the app's per-update breakdown
//    (ui/src/lib/perf.ts: editor, wait, IPC out, shell, render, IPC back, patch, layout, frame).
// Usage: xvfb-run -a -s "-screen 0 1400x900x24" node scripts/bench-desktop.mjs [start|memory|seed|huge]...
// (LANYARD_DESKTOP_BIN picks the binary; default target/debug/lanyard-desktop.)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, Key, launch, openPostFromSidebar, repo, waitForPreviewText } from "../tests/e2e/harness.mjs";

const seedBlog = join(repo, "../shared/data/blogs/ludovicalarcon__ludovicalarcon.fr.github.io");
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

async function startToEditable() {
  const times = [];
  const timelines = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const epoch0 = Date.now();
    const app = await launch();
    await waitForPreviewText(app.driver, "Dernier jour", 30000);
    await app.driver.findElement(By.css("#editor .cm-content[contenteditable=true]"));
    times.push(performance.now() - t0);
    // The app's own timeline (ui/src/lib/perf.ts): its steps, the shell's merged in after the
    // first preview; as a JSON string (WebKitWebDriver drops the session on returned arrays).
    let steps = [];
    for (let tries = 0; tries < 20 && !steps.some((m) => m.name === "main"); tries++) {
      steps = JSON.parse(await app.driver.executeScript("return JSON.stringify(window.lanyardPerf.startup)"));
      if (!steps.some((m) => m.name === "main")) await app.driver.sleep(100);
    }
    timelines.push(Object.fromEntries(steps.map((m) => [m.name, m.at_ms - epoch0])));
    await app.quit();
  }
  return { times, timelines };
}

/** The median time of each start-up step over `timelines`, in the order they happen. */
function startupBreakdown(timelines) {
  const names = [...new Set(timelines.flatMap((t) => Object.keys(t)))];
  return names
    .map((name) => ({ name, at: quantile(timelines.filter((t) => name in t).map((t) => t[name]), 0.5) }))
    .sort((a, b) => a.at - b.at);
}

/** RSS in KiB of `pid` and every descendant. */
function treeRss(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended
    }
  }
  const rss = (p) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
  let own = 0;
  let total = 0;
  const walk = (p, depth) => {
    const kib = rss(p);
    if (depth === 0) own = kib;
    total += kib;
    for (const c of children.get(p) ?? []) walk(c, depth + 1);
  };
  walk(pid, 0);
  return { own, total };
}

/** The app's pid: the process running the binary with this test's data folder. */
function appPid(dataDir) {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, "utf8");
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (env.includes(`LANYARD_DATA_DIR=${dataDir}\0`) && cmd.includes("lanyard-desktop")) return Number(entry);
    } catch {
      // not ours or gone
    }
  }
  throw new Error("app process not found");
}

async function memory() {
  const app = await launch();
  try {
    await waitForPreviewText(app.driver, "Dernier jour", 30000);
    await app.driver.sleep(2000);
    return treeRss(appPid(app.dataDir));
  } finally {
    await app.quit();
  }
}

/** Keys a second of the steady "human" typing pace. */
const KEYS_PER_SECOND = 12;
/** The paragraph the benchmark types starts with this word, so the page script finds it. */
const MARKER = "Zorglub";

/** Installed in the page before typing, independent of the app's own timing code: a capture
 * `keydown` listener stamps each key, and a MutationObserver on the preview notes, at the
 * first animation frame after each change, how many of the typed (non-space) characters the
 * paragraph starting with MARKER shows. */
const OBSERVER = `
  const marker = ${JSON.stringify(MARKER)};
  const bench = (window.__bench = { keys: [], frames: [] });
  window.addEventListener("keydown", (e) => { if (e.key.length === 1) bench.keys.push({ t: performance.now(), key: e.key }); }, true);
  let latest = -1;
  let pending = false;
  const count = (text) => { const i = text.indexOf(marker); return i < 0 ? -1 : text.slice(i + marker.length).replace(/\\s+/g, "").length; };
  const preview = document.querySelector("#preview");
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) { const c = count(n.textContent || ""); if (c >= 0) latest = c; }
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; bench.frames.push({ t: performance.now(), shown: latest }); });
  }).observe(preview, { childList: true, subtree: true, characterData: true });
`;

/** Types `keystrokes` keys at KEYS_PER_SECOND into a new paragraph at the end of the post
 * (`line` null) or after line `line`, and returns, for every non-space key (a space shows
 * nothing new), the time from its keydown to the first frame showing it, plus the app's own
 * per-update breakdown. */
async function typingLatency({ blog, title, waitFor, keystrokes, line = null }) {
  const app = await launch({ blog });
  try {
    const { driver } = app;
    if (title) await openPostFromSidebar(driver, title);
    await waitForPreviewText(driver, waitFor, 60000);
    await driver.sleep(500);
    const content = await driver.findElement(By.css("#editor .cm-content"));
    await content.click();
    if (line === null) {
      await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).sendKeys(Key.ENTER, Key.ENTER).perform();
    } else {
      // CodeMirror's "go to line" (Ctrl+Alt+G) to the blank line `line`, then a paragraph of
      // our own between blank lines.
      await driver.actions().keyDown(Key.CONTROL).keyDown(Key.ALT).sendKeys("g").keyUp(Key.ALT).keyUp(Key.CONTROL).perform();
      await driver.sleep(300);
      await driver.actions().sendKeys(String(line), Key.ENTER).perform();
      await driver.sleep(300);
      await driver.actions().sendKeys(Key.ENTER, Key.ENTER, Key.ENTER, Key.ARROW_UP).perform();
    }
    await driver.actions().sendKeys(`${MARKER} `).perform();
    await waitForPreviewText(driver, MARKER, 60000);
    await driver.sleep(1000);
    await driver.executeScript(OBSERVER);
    await driver.executeScript("window.lanyardPerf.latencies.length = 0; window.lanyardPerf.renders.length = 0; window.lanyardPerf.updates.length = 0;");
    const words = "la conf etait vraiment bien ";
    const gap = Math.round(1000 / KEYS_PER_SECOND);
    const typed = [];
    for (let i = 0; i < keystrokes; i += 12) {
      let chain = driver.actions();
      for (let k = i; k < Math.min(keystrokes, i + 12); k++) {
        typed.push(words[k % words.length]);
        chain = chain.sendKeys(words[k % words.length]).pause(gap);
      }
      await chain.perform();
      if (process.env.BENCH_VERBOSE) console.error(`bench: ${i} keystrokes`);
    }
    await driver.sleep(3000);
    // As JSON strings: WebKitWebDriver drops the session when returning these arrays directly.
    const bench = JSON.parse(await driver.executeScript("return JSON.stringify(window.__bench)"));
    const perf = JSON.parse(await driver.executeScript("return JSON.stringify(window.lanyardPerf)"));
    return { ...keyLatencies(bench, typed), perf };
  } finally {
    await app.quit();
  }
}

/** For each typed non-space key: its keydown to the first frame showing as many typed
 * non-space characters as there are up to it. */
function keyLatencies(bench, typed) {
  const latencies = [];
  let nonSpace = 0;
  let missing = 0;
  bench.keys.forEach((key, i) => {
    if (/\s/.test(typed[i] ?? " ")) return;
    nonSpace += 1;
    const frame = bench.frames.find((f) => f.t >= key.t && f.shown >= nonSpace);
    if (frame) latencies.push(frame.t - key.t);
    else missing += 1;
  });
  return { latencies, missing, keys: bench.keys, keydowns: bench.keys.length };
}

/** Medians of the app's per-update breakdown; the editor update is from the last keydown
 * before the edit. */
function breakdown(r) {
  const med = (xs) => quantile(xs, 0.5);
  const u = r.perf.updates;
  const keyBefore = (t) => [...r.keys].reverse().find((k) => k.t <= t)?.t ?? t;
  return {
    editor: med(u.map((x) => x.editAt - keyBefore(x.editAt))),
    wait: med(u.map((x) => x.sentAt - x.editAt)),
    ipcOut: med(u.map((x) => x.ipcOut)),
    shell: med(u.map((x) => x.shell)),
    render: med(u.map((x) => x.render)),
    ipcBack: med(u.map((x) => x.ipcBack)),
    patch: med(u.map((x) => x.patch)),
    layout: med(u.map((x) => x.layout)),
    frame: med(u.map((x) => x.frameAt - x.shownAt)),
  };
}

/** The blank line nearest the middle of the post at `path` (1-based), between two blocks. */
function middleBlankLine(path) {
  const lines = readFileSync(path, "utf8").split("\n");
  for (let d = 0; d < lines.length; d++) {
    for (const i of [Math.floor(lines.length / 2) + d, Math.floor(lines.length / 2) - d]) {
      if (lines[i] === "" && lines[i - 1]?.trim() && lines[i + 1]?.trim() && !/^[-*>\s]/.test(lines[i - 1]) && !/^[-*>\s]/.test(lines[i + 1])) return i + 1;
    }
  }
  return null;
}

function hugeBlog() {
  const dir = mkdtempSync(join(tmpdir(), "lanyard-bench-"));
  const blog = join(dir, "blog");
  const body = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const section = `## Talk ${i}\n\nCe talk a été donné par Camille ${i} de Nuage & Co. Il parle de **Kubernetes**, de _GitOps_ et de [FinOps](https://example.org/${i}).\n\n- un point\n- un autre point\n\n`;
    body.push(section);
    size += section.length;
  }
  const post = `---\ntitle: "Un très long article"\nlang: fr\n---\n\n${body.join("")}`;
  mkdirSync(join(blog, "_posts"), { recursive: true });
  writeFileSync(join(blog, "_config.yml"), "title: Huge\n");
  writeFileSync(join(blog, "_posts/2025-01-01-huge.md"), post);
  return { blog, bytes: Buffer.byteLength(post) };
}

// Phases to run (all by default): start memory seed huge.
const wanted = new Set(process.argv.slice(2).length ? process.argv.slice(2) : ["start", "memory", "seed", "huge"]);
const results = {};
/** Runs one measurement; a failure is reported and the others still run. */
async function phase(name, run) {
  console.error(`bench: ${name}`);
  try {
    return await run();
  } catch (e) {
    console.error(`bench: ${name} failed: ${e.name} ${e.message}`);
    return null;
  }
}
if (wanted.has("start")) results.start = await phase("start to editable", startToEditable);
if (wanted.has("memory")) results.memory = await phase("memory", memory);
const seedPost = join(seedBlog, "_posts/2023-04-20-KubeCon-J1.md");
const seed = { blog: seedBlog, title: "KubeCon-CloudNativeCon Europe 2023 - Jour 1", waitFor: "KubeCon", keystrokes: 240 };
if (wanted.has("seed")) {
  results.seedEnd = await phase("typing at the end of the seed post", () => typingLatency(seed));
  results.seedMiddle = await phase("typing in the middle of the seed post", () =>
    typingLatency({ ...seed, line: middleBlankLine(seedPost) }),
  );
}
const huge = wanted.has("huge") ? hugeBlog() : null;
if (huge) {
  const hugeRun = { blog: huge.blog, waitFor: "Talk 1", keystrokes: 120 };
  results.hugeEnd = await phase("typing at the end of a 1 MB post", () => typingLatency(hugeRun));
  results.hugeMiddle = await phase("typing in the middle of a 1 MB post", () =>
    typingLatency({ ...hugeRun, line: middleBlankLine(join(huge.blog, "_posts/2025-01-01-huge.md")) }),
  );
}

const row = (name, r) =>
  !r
    ? `| ${name} | failed | | | |`
    : `| ${name} | ${r.latencies.length}${r.missing ? ` (${r.missing} never shown)` : ""} | ${ms(quantile(r.latencies, 0.5))} | ${ms(quantile(r.latencies, 0.95))} | ${r.perf.updates.length} |`;
if (results.start) {
  const { times, timelines } = results.start;
  console.log(`Start to editable window (median of 5): ${ms(quantile(times, 0.5))} (runs: ${times.map((x) => x.toFixed(0)).join(", ")} ms)`);
  console.log("Start-up steps, median ms after the session was asked for (launch includes tauri-driver's start):");
  console.log("| step | at | since previous |");
  console.log("|---|---|---|");
  let previous = 0;
  for (const { name, at } of startupBreakdown(timelines)) {
    console.log(`| ${name} | ${ms(at)} | ${ms(at - previous)} |`);
    previous = at;
  }
}
if (results.memory) {
  console.log(`Resident memory, demo blog open: app ${(results.memory.own / 1024).toFixed(0)} MiB, app + WebKit processes ${(results.memory.total / 1024).toFixed(0)} MiB`);
}
const runs = [
  ["KubeCon seed (6 KB), end", results.seedEnd],
  ["KubeCon seed (6 KB), middle", results.seedMiddle],
  [`generated (${huge ? (huge.bytes / 1e6).toFixed(1) : "1"} MB), end`, results.hugeEnd],
  [`generated (${huge ? (huge.bytes / 1e6).toFixed(1) : "1"} MB), middle`, results.hugeMiddle],
].filter(([, r]) => r !== undefined);
if (runs.length) {
  console.log(`Typing at ${KEYS_PER_SECOND} keys/s; keydown (page listener) to the first frame showing the key, non-space keys:`);
  console.log("| post | keys | p50 | p95 | previews |");
  console.log("|---|---|---|---|---|");
  for (const [name, r] of runs) console.log(row(name, r));
  console.log("\nPer-update breakdown, medians in ms (app marks; editor = keydown to the editor transaction):");
  console.log("| post | editor | wait | IPC out | shell | render | IPC back | patch | layout | frame |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const [name, r] of runs) {
    if (!r || !r.perf.updates.length) continue;
    const b = breakdown(r);
    const f = (x) => x.toFixed(2);
    console.log(`| ${name} | ${f(b.editor)} | ${f(b.wait)} | ${f(b.ipcOut)} | ${f(b.shell)} | ${f(b.render)} | ${f(b.ipcBack)} | ${f(b.patch)} | ${f(b.layout)} | ${f(b.frame)} |`);
  }
}
