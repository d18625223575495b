// End-to-end test of a hostile blog in the real window (see harness.mjs): a post whose image is
// relative to the post's URL shows it; a post holding a Liquid bomb shows its error in the
// preview while typing keeps working; and after `kill -9` with the bomb open, the next start
// does not render it by itself (no crash loop), says why in a bar, and renders it on request.
// E2E_SCREENSHOT_DIR=DIR keeps screenshots of the window (bomb error, crash bar) there.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { By, until } from "selenium-webdriver";
import { appPid, editorDoc, killApp, relaunch, typeAtEnd } from "./crash_support.mjs";
import { fixture, launch, openPostFromSidebar, waitForEditorText } from "./harness.mjs";

const running = new Set();
after(async () => {
  for (const app of running) await app.quit();
});

const BOMB = "_posts/2025-06-10-bomb.md";
/** How the preview words a Liquid budget error (the core's `lanyard-budget` block, or an
 * `Error::BudgetExceeded` shown above the preview): not a render that merely took too long. */
const BOMB_ERROR = /rendering stopped|budget/i;

/** The preview pane's whole text: the rendered post and any message above it. */
async function previewPaneText(driver) {
  return driver.executeScript("return document.querySelector('.preview-scroller')?.innerText ?? ''");
}

async function waitForBombError(driver, what) {
  let text = "";
  await driver
    .wait(async () => BOMB_ERROR.test((text = await previewPaneText(driver))), 20000)
    .catch(() => assert.fail(`${what}: the preview never showed the bomb's error; it shows ${JSON.stringify(text.slice(0, 300))}`));
  return text;
}

/** Saves the screen (the whole Xvfb display) once the window has painted two more frames. */
async function screenshot(driver, name) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  await driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
  execFileSync("import", ["-window", "root", join(dir, name)]);
}

/** Waits until the data folder marks `post` as the open post (written before it renders). */
async function waitForOpenMarker(driver, dataDir, post) {
  const marker = join(dataDir, "session.json");
  await driver.wait(
    async () => existsSync(marker) && readFileSync(marker, "utf8").includes(post),
    10000,
    `session.json never named ${post}`,
  );
}

/** Waits until the crash-safe journal (data folder) holds `needle`, so a kill cannot lose it. */
async function waitForJournaled(driver, dataDir, needle) {
  const dir = join(dataDir, "journal");
  const holds = () =>
    existsSync(dir) && readdirSync(dir).some((f) => readFileSync(join(dir, f), "utf8").includes(needle));
  await driver.wait(async () => holds(), 10000, `the journal never held ${JSON.stringify(needle)}`);
}

/** Closes the window as the UI does once it has saved (the `close_window` command), then
 * waits for the process to end. */
async function closeWindow(driver, blogDir) {
  await driver.executeScript("window.__TAURI_INTERNALS__.invoke('close_window'); return true;").catch(() => {});
  const deadline = Date.now() + 20000;
  while (appPid(blogDir) !== null) {
    if (Date.now() > deadline) assert.fail("the app did not exit when its window closed");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a hostile blog", () => {
  it("shows a relative image, survives a Liquid bomb, and does not crash-loop after kill -9", async () => {
    const app = await launch({ blog: fixture("hostile-blog") });
    running.add(app);
    const { driver } = app;

    // The newest post: its photo is relative to the post's URL (/gallery/photo.jpg) and loads.
    await waitForEditorText(driver, 'title: "Relative photo"');
    const img = await driver.wait(until.elementLocated(By.css("#preview img")), 10000);
    await driver
      .wait(() => driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img), 10000)
      .catch(async () => assert.fail(`the relative image did not load (src ${await img.getAttribute("src")})`));

    // The bomb: its error is in the preview, in bounded time, and the editor keeps working.
    await openPostFromSidebar(driver, "Liquid bomb");
    await waitForEditorText(driver, 'title: "Liquid bomb"');
    await waitForBombError(driver, "first open");
    await screenshot(driver, "hostile-bomb-error.png");
    await typeAtEnd(driver, "\nStill typing after the bomb.");
    await driver.wait(
      async () => (await editorDoc(driver)).includes("Still typing after the bomb."),
      10000,
      "typing did not reach the editor",
    );
    await waitForOpenMarker(driver, app.dataDir, BOMB);
    await waitForJournaled(driver, app.dataDir, "Still typing after the bomb.");

    // kill -9 with the bomb open: the next start must not render it by itself.
    await killApp(app);
    running.delete(app);
    const again = await relaunch(app);
    running.add(again);
    const d2 = again.driver;
    const bar = await d2.wait(until.elementLocated(By.css("#crash-bar")), 15000);
    assert.match(await bar.getText(), /Liquid bomb/);
    assert.match(await bar.getText(), /closed unexpectedly/);
    await waitForEditorText(d2, 'title: "Liquid bomb"');
    assert.equal(await previewPaneText(d2).then((t) => BOMB_ERROR.test(t)), false, "the bomb was rendered by itself");
    assert.equal((await d2.findElements(By.css("#preview > *"))).length, 0, "the paused preview shows a render");
    // The journal's recovery still runs: the text typed before the kill is back.
    await d2.wait(
      async () => (await editorDoc(d2)).includes("Still typing after the bomb."),
      10000,
      "the journal did not bring the typed text back",
    );
    await screenshot(d2, "hostile-crash-bar.png");

    // Typing works while paused, and a click renders it: the error shows, the app lives on.
    await typeAtEnd(d2, " And after the restart.");
    await d2.wait(async () => (await editorDoc(d2)).includes("And after the restart."), 10000, "typing after restart failed");
    await d2.findElement(By.css("#crash-render")).click();
    await waitForBombError(d2, "after Render it");
    assert.equal((await d2.findElements(By.css("#crash-bar"))).length, 0, "the bar stays after rendering");
    assert.notEqual(appPid(again.blogDir), null, "the app died rendering the bomb");

    // Closing the window is a clean exit: the marker goes, the next start renders as usual.
    await closeWindow(d2, again.blogDir);
    assert.equal(existsSync(join(again.dataDir, "session.json")), false, "a clean exit left the marker");
    running.delete(again);
    await again.quit();
    rmSync(app.scratch, { recursive: true, force: true });
  });
});
