#!/usr/bin/env node
// Measures the front matter panel's two calls in the real window under Xvfb (results go into
// BENCHMARKS.md): the re-read of the form (`read_front_matter_form`, sent the front matter block
// only, as the panel does after an edit in it) and a form edit (`edit_front_matter`, sent the whole
// text, as the panel does), each as an IPC round trip timed inside the webview, 300 calls, on the
// demo post and on the real KubeCon seed post. Then the form's whole loop as the user sees it:
// a tag added with Enter in the form until the editor shows it, 20 times.
// Usage: xvfb-run -a -s "-screen 0 1400x900x24" node scripts/bench-front-matter.mjs
// (LANYARD_DESKTOP_BIN picks the binary; default target/debug/lanyard-desktop.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { By, Key, launch, openPostFromSidebar, repo, waitForPreviewText } from "../tests/e2e/harness.mjs";

const seedBlog = join(repo, "../shared/data/blogs/ludovicalarcon__ludovicalarcon.fr.github.io");
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

/** Round trips of both calls, timed in the webview. */
async function roundTrips(driver, path, text, calls = 300) {
  return driver.executeAsyncScript(
    `const [path, text, calls, done] = arguments;
     const invoke = window.__TAURI_INTERNALS__.invoke;
     const end = text.indexOf("\\n---", 4);
     const block = text.slice(0, text.indexOf("\\n", end + 1) + 1);
     (async () => {
       const read = [], edit = [];
       for (let i = 0; i < calls; i++) {
         let t = performance.now();
         await invoke("read_front_matter_form", { path, text: block });
         read.push(performance.now() - t);
         t = performance.now();
         await invoke("edit_front_matter", { path, text, key: "tags", change: { kind: "list", values: ["a", "b" + i] } });
         edit.push(performance.now() - t);
       }
       done({ read, edit, block: block.length, bytes: text.length });
     })().catch((e) => done({ error: String(e) }));`,
    path,
    text,
    calls,
  );
}

/** Adds `n` tags with the form, timing Enter → the editor holding the new tag. */
async function formLoop(driver, n = 20) {
  const input = await driver.findElement(By.css("#fm-tags"));
  await input.click();
  const times = [];
  for (let i = 0; i < n; i++) {
    const tag = `bench${i}`;
    await driver.actions().sendKeys(tag).perform();
    const t = await driver.executeAsyncScript(
      `const [tag, done] = arguments;
       const input = document.querySelector("#fm-tags");
       const t0 = performance.now();
       input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
       const check = () => document.querySelector("#editor .cm-content").textContent.includes(tag)
         ? done(performance.now() - t0) : requestAnimationFrame(check);
       check();`,
      tag,
    );
    times.push(t);
  }
  return times;
}

async function measure(name, { blog, title, file, waitFor }) {
  const app = await launch({ blog });
  try {
    const { driver } = app;
    await waitForPreviewText(driver, waitFor, 30000);
    if (title) await openPostFromSidebar(driver, title);
    await driver.wait(async () => (await driver.findElement(By.css("#fm-title")).getAttribute("value")) !== "", 10000);
    const path = join(app.blogDir, file);
    const r = await roundTrips(driver, path, readFileSync(path, "utf8"));
    if (r.error) throw new Error(r.error);
    const loop = await formLoop(driver);
    console.log(
      `| ${name} (${(r.bytes / 1024).toFixed(1)} KB, block ${r.block} B) | ${ms(quantile(r.read, 0.5))} / ${ms(quantile(r.read, 0.95))} | ${ms(quantile(r.edit, 0.5))} / ${ms(quantile(r.edit, 0.95))} | ${ms(quantile(loop, 0.5))} / ${ms(quantile(loop, 0.95))} |`,
    );
  } finally {
    await app.quit();
  }
}

console.log("| post | re-read p50 / p95 | edit p50 / p95 | Enter in the form → editor, p50 / p95 |");
console.log("|---|---|---|---|");
await measure("demo, Jour 3", { blog: undefined, file: "_posts/2025-06-12-confnuage-j3.md", waitFor: "Dernier jour" });
await measure("KubeCon seed", {
  blog: seedBlog,
  title: "KubeCon-CloudNativeCon Europe 2023 - Jour 1",
  file: "_posts/2023-04-20-KubeCon-J1.md",
  waitFor: "KubeCon",
});
