// Helpers shared by the external-change tests and scripts/crash-test.mjs: typing into the
// editor, the save state, finding and killing the app process of one test (by its blog folder,
// which is unique to the test), and restarting the app on the same blog and data folder.
import { readdirSync, readFileSync } from "node:fs";
import { By, Key } from "selenium-webdriver";
import { launch } from "./harness.mjs";

/** Types `text` at the end of the editor as real keystrokes ("\n" is Enter). */
export async function typeAtEnd(driver, text) {
  const content = await driver.findElement(By.css("#editor .cm-content"));
  await content.click();
  let actions = driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL);
  text.split("\n").forEach((part, i) => {
    if (i > 0) actions = actions.sendKeys(Key.ENTER);
    if (part) actions = actions.sendKeys(part);
  });
  await actions.perform();
}

/** Types more text where the cursor is (no click, no move). */
export async function typeHere(driver, text) {
  await driver.actions().sendKeys(text).perform();
}

/** The status bar's save state: saved, dirty, saving or failed. */
export async function saveState(driver) {
  return (await driver.findElement(By.css("#save-state"))).getAttribute("data-state");
}

/** The editor's whole text, from CodeMirror's state (not only the lines on screen): what
 * EditorView.findFromDOM reads (@codemirror/view 6.4x), else the visible text. */
export async function editorDoc(driver) {
  return driver.executeScript(`
    const el = document.querySelector('#editor .cm-content');
    const tile = el && el.cmTile;
    const view = tile && ((tile.root && tile.root.view) || tile.view);
    return view ? view.state.doc.toString() : (el ? el.innerText : '');`);
}

/** The pid of the lanyard-desktop process started on `blogDir` (unique per test), or null. */
export function appPid(blogDir) {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let argv;
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
    } catch {
      continue;
    }
    if (argv[0]?.split("/").pop()?.startsWith("lanyard-desktop") && argv.includes(blogDir)) return Number(entry);
  }
  return null;
}

/** kill -9 of the app of `app` (only that process), then its driver is stopped; the blog and
 * data folders are kept for the restart. */
export async function killApp(app) {
  const pid = appPid(app.blogDir);
  if (pid === null) throw new Error(`no lanyard-desktop process for ${app.blogDir}`);
  process.kill(pid, "SIGKILL");
  await app.quit({ keep: true });
}

/** Starts the app again on the same blog folder and data folder (no copy). */
export function relaunch(app) {
  return launch({ blog: null, dataDir: app.dataDir, args: [app.blogDir] }).then((next) => {
    next.blogDir = app.blogDir;
    return next;
  });
}
