// End-to-end test of talk sections in the real window (see harness.mjs): import the demo
// blog's conference schedule through the schedule pane's file dialog (the GTK chooser, driven
// with xdotool), star two talks of the last day, "Draft my day", and see the new part with the
// day's keynote and both talk sections in the editor, the preview and the file. Then the
// "Talk" snippet (Ctrl+Alt+T) inserts a section typed in its form at the cursor.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { By, Key, until } from "selenium-webdriver";
import { editorText, launch, waitForEditorText, waitForPreviewText } from "./harness.mjs";

const running = new Set();
after(async () => {
  for (const app of running) await app.quit();
});


/** With TALKS_SCREENSHOTS=DIR, the X screen as DIR/NAME.png (ImageMagick's import, under Xvfb). */
function screenshot(name) {
  const dir = process.env.TALKS_SCREENSHOTS;
  if (dir) execFileSync("import", ["-window", "root", join(dir, `${name}.png`)]);
}

async function click(driver, css) {
  const button = await driver.wait(until.elementLocated(By.css(css)), 10000);
  await driver.wait(until.elementIsEnabled(button), 10000);
  await button.click();
}

/**
 * Picks `file` in the native file dialog the app has just opened. The GTK chooser completes
 * typed paths inline (typing races its completion), so the path goes through the clipboard: it
 * is typed into the sidebar's filter box, copied with real key events, then pasted into the
 * chooser's location bar.
 */
async function pickInFileDialog(driver, file, openDialog) {
  const filter = await driver.findElement(By.css("#post-filter"));
  await filter.click();
  await driver
    .actions()
    .sendKeys(file)
    .keyDown(Key.CONTROL)
    .sendKeys("a")
    .sendKeys("c")
    .keyUp(Key.CONTROL)
    .sendKeys(Key.BACK_SPACE)
    .perform();
  await openDialog();
  const windows = () => {
    try {
      return execFileSync("xdotool", ["search", "--onlyvisible", "--name", "^Open File$"]).toString().trim();
    } catch {
      return "";
    }
  };
  await driver.wait(async () => windows() !== "", 10000, "the file dialog never opened");
  // Under Xvfb there is no window manager to hand the dialog the keyboard: give it the focus
  // ourselves (XSetInputFocus) before each try, rather than waiting for a focus that may not come.
  const focusDialog = () => {
    const id = windows().split("\n")[0];
    try {
      if (id) execFileSync("xdotool", ["windowfocus", id]);
    } catch {
      // The dialog closed meanwhile: the loop's condition sees it.
    }
  };
  // A loaded machine may drop keys while the dialog settles: the keys go again until it closes.
  // xdotool paces them (`--delay`, between key events); the test itself waits only for the close.
  for (let attempt = 0; attempt < 5 && windows() !== ""; attempt++) {
    focusDialog();
    screenshot("talks-file-dialog");
    execFileSync("xdotool", ["key", "--delay", "150", "ctrl+l", "ctrl+a", "ctrl+v", "Return"]);
    await driver.wait(async () => windows() === "", 3000).catch(() => {});
  }
  assert.equal(windows(), "", "the file dialog never closed");
}

/** The schedule pane's talk row for a title. */
async function talkRow(driver, title) {
  const rows = await driver.findElements(By.css("#schedule-pane .talk"));
  for (const row of rows) {
    if ((await row.findElement(By.css(".title")).getText()).includes(title)) return row;
  }
  throw new Error(`no talk ${JSON.stringify(title)} in the schedule pane`);
}

describe("talk sections from the conference schedule", () => {
  it("imports a schedule, stars two talks and drafts the day with their sections", async () => {
    const app = await launch();
    running.add(app);
    const { driver, blogDir } = app;
    await waitForEditorText(driver, `title: "Conf'Nuage 2025 - Jour 3"`);

    await click(driver, "#schedule-toggle");
    await driver.wait(until.elementLocated(By.css("#schedule-import")), 5000);
    const schedule = join(blogDir, "_schedule/confnuage-2025.ics");
    await pickInFileDialog(driver, schedule, () => click(driver, "#schedule-import"));

    // The pane shows the open post's day (12 June), grouped by time slot.
    const pane = await driver.findElement(By.css("#schedule-pane"));
    await driver.wait(async () => (await pane.getText()).includes("FinOps : la facture comme métrique"), 10000);
    const slotTimes = await Promise.all((await driver.findElements(By.css("#schedule-pane .slot h3"))).map((h) => h.getText()));
    assert.deepEqual(slotTimes, ["10:00", "14:00"]);

    // The next part is 13 June: show that day, search, and star two talks.
    const day = await driver.findElement(By.css("#schedule-day"));
    await day.click();
    await driver.findElement(By.css('#schedule-day option[value="2025-06-13"]')).click();
    await driver.wait(async () => (await pane.getText()).includes("GitOps à l'échelle de 300 clusters"), 10000);
    const search = await driver.findElement(By.css("#schedule-search"));
    await search.sendKeys("webassembly");
    await driver.wait(async () => (await driver.findElements(By.css("#schedule-pane .talk"))).length === 1, 5000);
    await (await talkRow(driver, "WebAssembly côté serveur")).findElement(By.css(".star")).click();
    await search.sendKeys(Key.CONTROL, "a", Key.NULL, Key.BACK_SPACE);
    await driver.wait(async () => (await driver.findElements(By.css("#schedule-pane .talk"))).length === 5, 5000);
    await (await talkRow(driver, "GitOps à l'échelle")).findElement(By.css(".star")).click();
    await driver.wait(async () => (await pane.getText()).includes("2 starred"), 5000);
    // Stars are remembered per series in the data folder (both: two quick clicks must not lose one).
    const storedSeries = () => Object.values(JSON.parse(readFileSync(join(app.dataDir, "talks.json"), "utf8")).blogs)[0]["Conf'Nuage 2025"];
    await driver.wait(async () => storedSeries().starred.length === 2, 5000, "both stars saved");
    assert.deepEqual(storedSeries().starred.sort(), ["cn25-401@confnuage.example", "cn25-403@confnuage.example"]);
    assert.equal(storedSeries().schedule, schedule);
    screenshot("talks-pane");

    await click(driver, "#schedule-draft");
    await waitForEditorText(driver, `title: "Conf'Nuage 2025 - Jour 4"`);
    // The editor shows the new part (CodeMirror renders the visible lines only).
    await waitForEditorText(driver, "## GitOps à l'échelle de 300 clusters");
    const text = await editorText(driver);
    assert.ok(text.indexOf("## Keynote de clôture : la sobriété en pratique") < text.indexOf("## GitOps"), text);
    assert.ok(text.includes("Ce talk a été donné par Thomas Leroy et Emma Blanc de Rail Numérique."), text);
    await waitForPreviewText(driver, "GitOps à l’échelle de 300 clusters"); // kramdown's smart quote
    await waitForPreviewText(driver, "Ce talk a été donné par Hugo Lambert de Wasmique.");
    // On disk: keynote, then the starred talks in time order, nothing else.
    const file = readFileSync(join(blogDir, "_drafts/conf-nuage-2025-jour-4.md"), "utf8");
    const keynote = file.indexOf("## Keynote de clôture : la sobriété en pratique");
    const gitops = file.indexOf("## GitOps à l'échelle de 300 clusters");
    const wasm = file.indexOf("## WebAssembly côté serveur : où en est-on ?");
    assert.ok(keynote > 0 && gitops > keynote && wasm > gitops, file);
    assert.ok(!file.includes("Sauvegarder ses volumes"), "an unstarred talk is not drafted");
    assert.ok(file.includes("date: 2025-06-13"), file);
    assert.ok(file.includes("[Page du talk](https://programme.confnuage.example/2025/talk/cn25-401/)"), file);
    screenshot("talks-drafted");

    // "Insert" puts a talk's section at the cursor (here the end of the post).
    await driver.findElement(By.css("#editor .cm-content")).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).perform();
    await (await talkRow(driver, "Sauvegarder ses volumes")).findElement(By.css(".insert")).click();
    await waitForEditorText(driver, "Ce talk a été donné par Léa Garnier de Stockage & Co.");
    await waitForPreviewText(driver, "Sauvegarder ses volumes sans y penser");

    // The "Talk" snippet: Ctrl+Alt+T, a small form, a section with placeholders for what is missing.
    await driver.actions().keyDown(Key.CONTROL).keyDown(Key.ALT).sendKeys("t").keyUp(Key.ALT).keyUp(Key.CONTROL).perform();
    await driver.wait(until.elementLocated(By.css("#talk-dialog")), 5000);
    await driver.findElement(By.css("#talk-title")).sendKeys("Rencontre au stand");
    await driver.findElement(By.css("#talk-speakers")).sendKeys("Alice Martin");
    await click(driver, "#talk-insert");
    await waitForEditorText(driver, "Ce talk a été donné par Alice Martin de ⟪entreprise⟫.");
    await waitForPreviewText(driver, "Rencontre au stand");
    screenshot("talks-snippet");
  });
});
