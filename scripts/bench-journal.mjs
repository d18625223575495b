#!/usr/bin/env node
// Journal and reload latencies (issue 7), measured inside the real app:
// 1. keystroke to journal on disk (fsync'd) during continuous typing: the app records, for each
//    journal write, the time since the oldest keystroke it holds (`window.lanyardJournalLatencies`);
//    the bound is 500 ms;
// 2. reload: from another program's write of the open post to the editor showing the new text.
//    The app records when each silent reload reached the editor (`window.lanyardReloads`,
//    Date.now()); this script notes Date.now() right after its write returned, so WebDriver's
//    polling adds nothing. Goal: under 200 ms.
//   xvfb-run -a -s "-screen 0 1400x900x24" node scripts/bench-journal.mjs [RUNS]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { typeAtEnd, typeHere } from "../tests/e2e/crash_support.mjs";
import { launch, waitForEditorText } from "../tests/e2e/harness.mjs";

const runs = Number(process.argv[2] ?? 30);
const app = await launch();
const latencies = [];
let journal = [];
try {
  const { driver } = app;
  await waitForEditorText(driver, "Jour 3");
  // Continuous typing for 10 s (no pause long enough for a debounce to fire).
  await typeAtEnd(driver, "\n");
  const until = Date.now() + 10000;
  for (let i = 0; Date.now() < until; i++) await typeHere(driver, `mot${i} `);
  await driver.sleep(600);
  journal = await driver.executeScript("return window.lanyardJournalLatencies.slice()");
  // Leave a clean buffer for the reloads.
  await driver.actions().keyDown("\uE009").sendKeys("s").keyUp("\uE009").perform();
  await driver.wait(async () => (await driver.findElement({ css: "#save-state" }).getAttribute("data-state")) === "saved", 5000);
  const file = join(app.blogDir, "_posts/2025-06-12-confnuage-j3.md");
  const original = readFileSync(file, "utf8");
  for (let i = 0; i < runs; i++) {
    const seen = await driver.executeScript("return window.lanyardReloads.length");
    writeFileSync(file, `${original}\nModification externe ${i}.\n`);
    const wrote = Date.now();
    await driver.wait(
      async () => (await driver.executeScript("return window.lanyardReloads.length")) > seen,
      5000,
      `reload ${i} not seen`,
    );
    const at = await driver.executeScript("return window.lanyardReloads[window.lanyardReloads.length - 1].at");
    latencies.push(at - wrote);
    await driver.sleep(150); // let the editor settle before the next write
  }
} finally {
  await app.quit();
}
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return `median ${pick(0.5)} ms, p95 ${pick(0.95)} ms, max ${Math.round(sorted.at(-1))} ms`;
}
console.log(`keystroke to journal on disk, ${journal.length} writes during 10 s of typing: ${summary(journal)}`);
console.log(`reload after an external write, ${runs} writes: ${summary(latencies)}`);
