#!/usr/bin/env node
// Reload latency (issue 7): how long from another program's write of the open post to the
// editor showing the new text. The app records when each silent reload reached the editor
// (`window.lanyardReloads`, Date.now()); this script writes the file, notes Date.now() right
// after the write returned, and reads the app's record, so WebDriver's polling adds nothing.
//   xvfb-run -a -s "-screen 0 1400x900x24" node scripts/bench-reload.mjs [RUNS]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, waitForEditorText } from "../tests/e2e/harness.mjs";

const runs = Number(process.argv[2] ?? 30);
const app = await launch();
const latencies = [];
try {
  const { driver } = app;
  await waitForEditorText(driver, "Jour 3");
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
latencies.sort((a, b) => a - b);
const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
console.log(
  `reload latency over ${runs} external writes: median ${pick(0.5)} ms, p95 ${pick(0.95)} ms, max ${latencies.at(-1)} ms, min ${latencies[0]} ms`,
);
