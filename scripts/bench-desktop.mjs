#!/usr/bin/env node
// Measures the desktop app in a real window under Xvfb (results go into BENCHMARKS.md):
//  - start to editable window: from asking WebDriver for a session (which starts the app) to
//    the editor holding the post and the preview rendered, median of 5 cold starts, and the
//    median time of each start-up step (the app's `window.lanyardPerf.startup`);
//  - resident memory with the demo blog open: the app process plus its WebKit children;
//  - keystroke to updated preview, p50/p95: typed through WebDriver, measured inside the app
//    (from the editor transaction to the first animation frame after the preview patch),
//    on the real 6 KB post the design is based on (the KubeCon seed in ../shared) and on a
//    1 MB post.
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

async function typingLatency({ blog, title, waitFor, keystrokes }) {
  const app = await launch({ blog });
  try {
    const { driver } = app;
    if (title) await openPostFromSidebar(driver, title);
    await waitForPreviewText(driver, waitFor, 60000);
    await driver.sleep(500);
    const content = await driver.findElement(By.css("#editor .cm-content"));
    await content.click();
    // Write a new paragraph at the end, as when adding a talk to the day's post.
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).sendKeys(Key.ENTER, Key.ENTER).perform();
    await driver.executeScript("window.lanyardPerf.latencies.length = 0; window.lanyardPerf.renders.length = 0;");
    const words = "la conf etait vraiment bien ";
    for (let i = 0; i < keystrokes; i++) {
      await driver.actions().sendKeys(words[i % words.length]).perform();
      if (process.env.BENCH_VERBOSE && i % 20 === 0) console.error(`bench: ${i} keystrokes`);
    }
    await driver.sleep(3000);
    // As a JSON string: WebKitWebDriver drops the session when returning these arrays directly.
    return JSON.parse(await driver.executeScript("return JSON.stringify(window.lanyardPerf)"));
  } finally {
    await app.quit();
  }
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
if (wanted.has("seed")) results.seed = await phase("typing in the seed post", () =>
  typingLatency({ blog: seedBlog, title: "KubeCon-CloudNativeCon Europe 2023 - Jour 1", waitFor: "KubeCon", keystrokes: 200 }),
);
const huge = wanted.has("huge") ? hugeBlog() : null;
if (huge) results.huge = await phase("typing in a 1 MB post", () =>
  typingLatency({ blog: huge.blog, waitFor: "Talk 1", keystrokes: 60 }),
);

const row = (name, r) =>
  !r ? `| ${name} | failed | | | |` : `| ${name} | ${r.latencies.length} | ${ms(quantile(r.latencies, 0.5))} | ${ms(quantile(r.latencies, 0.95))} | ${ms(quantile(r.renders, 0.5))} |`;
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
console.log("| post | previews | keystroke→preview p50 | p95 | render call p50 |");
console.log("|---|---|---|---|---|");
if (wanted.has("seed")) console.log(row("KubeCon seed (6 KB)", results.seed));
if (huge) console.log(row(`generated (${(huge.bytes / 1e6).toFixed(1)} MB)`, results.huge));
