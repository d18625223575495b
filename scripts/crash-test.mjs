#!/usr/bin/env node
// The crash test (issue 7): N trials, each on a fresh temp blog with its own LANYARD_DATA_DIR:
// start the real app, type random words into a post through WebDriver, kill -9 the app at a
// random moment, start it again, and check that the editor shows every word typed more than one
// second before the kill. One line per trial goes to the log (and stdout); the last line printed
// is `N trials, W words lost`. Exit 1 when a word was lost.
//   xvfb-run -a -s "-screen 0 1400x900x24" node scripts/crash-test.mjs N [LOG]
// (scripts/crash-test.sh builds what it needs and runs this under Xvfb.)
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appPid, editorDoc, relaunch, typeAtEnd, typeHere } from "../tests/e2e/crash_support.mjs";
import { launch, waitForEditorText } from "../tests/e2e/harness.mjs";

const trials = Number(process.argv[2] ?? 3);
const log = process.argv[3] ?? "target/crash-test.log";
if (!Number.isInteger(trials) || trials < 1) {
  console.error("usage: crash-test.mjs N [LOG]");
  process.exit(2);
}

const WORDS = (
  "nuage keynote atelier conteneur cluster orchestration sécurité observabilité réseau stockage " +
  "déploiement opérateur plateforme développeur pipeline métrique trace journal service maillage " +
  "passerelle politique identité secret volume noeud planificateur ressource quota autoscaling " +
  "migration version rollback canari bleu vert gitops argo flux helm kustomize terraform"
).split(" ");

const POST = "_posts/2025-06-10-crash.md";
const START = "Début du billet.";

/** A tiny blog: config and one post. */
function makeBlog(dir) {
  mkdirSync(join(dir, "_posts"), { recursive: true });
  writeFileSync(join(dir, "_config.yml"), "title: Crash test\nlang: fr\n");
  writeFileSync(join(dir, POST), `---\nlayout: post\ntitle: "Crash"\n---\n${START}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function trial(n) {
  const scratch = mkdtempSync(join(tmpdir(), "lanyard-crash-"));
  const blog = join(scratch, "blog");
  const data = join(scratch, "data");
  makeBlog(blog);
  mkdirSync(data, { recursive: true });
  // Half the trials with manual save only: then every word can only come back from the journal.
  const manual = n % 2 === 1;
  writeFileSync(join(data, "autosave.json"), JSON.stringify({ idle_ms: manual ? null : 1000 }));
  try {
    return await typeKillAndRecover(n, blog, data, manual);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One trial on `blog` (copied by the harness) with the data folder `data`. */
async function typeKillAndRecover(n, blog, data, manual) {
  const app = await launch({ blog, dataDir: data });
  const typed = [];
  let killedAt = 0;
  try {
    await waitForEditorText(app.driver, START, 15000);
    await typeAtEnd(app.driver, "\n");
    const pid = appPid(app.blogDir);
    if (pid === null) throw new Error("no app process");
    // The kill comes at a random moment, whatever the typing is doing (mid-word included):
    // after a random number of words (so a slow, busy machine still types enough), then a
    // random delay of up to 1.5 s while typing goes on.
    const wordsBeforeKill = 8 + Math.floor(Math.random() * 23);
    let armKill;
    const armed = new Promise((resolve) => (armKill = resolve));
    const killed = armed.then(
      () =>
        new Promise((resolve) =>
          setTimeout(() => {
            process.kill(pid, "SIGKILL");
            killedAt = Date.now();
            resolve();
          }, Math.random() * 1500),
        ),
    );
    // Types words until the kill; each word's time is when its last key was sent.
    for (let i = 0; killedAt === 0; i++) {
      const word = `${WORDS[Math.floor(Math.random() * WORDS.length)]}${n}x${i}`;
      try {
        await typeHere(app.driver, `${word} `);
      } catch {
        break; // the app died under the keystrokes
      }
      if (killedAt === 0) typed.push({ word, at: Date.now() });
      if (typed.length === wordsBeforeKill) armKill();
      if (Math.random() < 0.15) await sleep(Math.random() * 400); // a pause to think
    }
    await killed;
  } finally {
    await app.quit({ keep: true });
  }
  const again = await relaunch(app);
  let shown = "";
  try {
    await waitForEditorText(again.driver, START, 15000);
    await sleep(300);
    shown = await editorDoc(again.driver);
  } finally {
    await again.quit();
    rmSync(app.scratch, { recursive: true, force: true }); // the blog copy of the first launch
  }
  const present = new Set(shown.split(/\s+/));
  const required = typed.filter((w) => w.at <= killedAt - 1000);
  const lost = required.filter((w) => !present.has(w.word));
  const recovered = required.length - lost.length;
  const extra = typed.filter((w) => w.at > killedAt - 1000 && present.has(w.word)).length;
  return { typed: typed.length, required: required.length, recovered, extra, lost: lost.map((w) => w.word), manual };
}

mkdirSync(join(log, ".."), { recursive: true });
let lostWords = 0;
for (let n = 1; n <= trials; n++) {
  let line;
  try {
    const r = await trial(n);
    lostWords += r.lost.length;
    line =
      `trial ${n}: typed ${r.typed}, required ${r.required}, recovered ${r.recovered} (+${r.extra} typed in the last second), ` +
      `lost ${r.lost.length}${r.lost.length ? ` [${r.lost.join(" ")}]` : ""}, autosave ${r.manual ? "manual" : "1 s"}`;
  } catch (e) {
    line = `trial ${n}: ERROR ${String(e?.message ?? e).split("\n")[0]}`;
    process.exitCode = 1;
  }
  console.log(line);
  appendFileSync(log, `${new Date().toISOString()} ${line}\n`);
}
const summary = `${trials} trials, ${lostWords} words lost`;
appendFileSync(log, `${new Date().toISOString()} ${summary}\n`);
console.log(summary);
if (lostWords > 0) process.exitCode = 1;
