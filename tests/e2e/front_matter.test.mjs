// End-to-end test of the front matter panel in the real window (see harness.mjs): the form
// changes the title and adds a tag (picked from the blog's tags), Ctrl+S saves, and the file on
// disk differs from the original only on those two lines. Then an invalid title typed in the
// editor shows its message at the form's title and in the gutter, and the form does not write
// until it is fixed; a bad date is shown at the date, a duplicate key is a warning. Ctrl+Z in
// the editor undoes a form edit, a CRLF post keeps its line breaks, and the collapsed panel
// stays collapsed after a restart.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { By, Key, until } from "selenium-webdriver";
import { demoBlog, editorText, launch, waitForEditorText } from "./harness.mjs";

const POST = "_posts/2025-06-12-confnuage-j3.md";
const TITLE = "Conf'Nuage 2025 - Jour 3";

const running = new Set();
after(async () => {
  for (const app of running) await app.quit();
});

async function start(options = {}) {
  const app = await launch(options);
  running.add(app);
  await waitForEditorText(app.driver, `title: "${TITLE}"`);
  await waitForValue(app.driver, "#fm-title", TITLE);
  return app;
}

/** With FM_SCREENSHOTS=DIR, the X screen as DIR/NAME.png (ImageMagick's import, under Xvfb). */
function screenshot(name) {
  const dir = process.env.FM_SCREENSHOTS;
  if (dir) execFileSync("import", ["-window", "root", join(dir, `${name}.png`)]);
}

async function waitForValue(driver, css, value, timeoutMs = 10000) {
  const input = await driver.wait(until.elementLocated(By.css(css)), timeoutMs);
  await driver.wait(async () => (await input.getAttribute("value")) === value, timeoutMs, `${css} never held ${value}`);
  return input;
}

/** Waits for a problem shown in the form (`css`) whose text matches `re`. The list is drawn again
 * each time the form is read while typing, so an element found once may be gone a moment later. */
async function waitForProblem(driver, css, re, timeoutMs = 5000) {
  await driver.wait(
    async () => {
      for (const el of await driver.findElements(By.css(css))) {
        try {
          if (re.test(await el.getText())) return true;
        } catch (e) {
          if (e.name !== "StaleElementReferenceError") throw e;
        }
      }
      return false;
    },
    timeoutMs,
    `no problem ${css} matching ${re}`,
  );
}

/** The chips of a chip field. */
async function chips(driver, id) {
  const els = await driver.findElements(By.css(`#${id}`));
  if (!els.length) return [];
  const spans = await driver.findElements(By.xpath(`//input[@id="${id}"]/parent::div/span[contains(@class,"chip")]`));
  return Promise.all(spans.map(async (s) => (await s.getAttribute("textContent")).replace(/×$/, "")));
}

/** Replaces a form input's text by typing, then Enter (which commits it). */
async function typeIntoField(driver, css, text) {
  const input = await driver.findElement(By.css(css));
  await input.click();
  await driver.actions().keyDown(Key.CONTROL).sendKeys("a").keyUp(Key.CONTROL).sendKeys(Key.BACK_SPACE, text, Key.ENTER).perform();
}

/** Replaces line `n` (1-based) of the editor by typing `text` over it ("\n" is Enter). */
async function retypeEditorLine(driver, n, text) {
  const content = await driver.findElement(By.css("#editor .cm-content"));
  await content.click();
  let actions = driver.actions().keyDown(Key.CONTROL).sendKeys(Key.HOME).keyUp(Key.CONTROL);
  for (let i = 1; i < n; i++) actions = actions.sendKeys(Key.DOWN);
  actions = actions.sendKeys(Key.HOME).keyDown(Key.SHIFT).sendKeys(Key.END).keyUp(Key.SHIFT);
  text.split("\n").forEach((part, i) => {
    if (i > 0) actions = actions.sendKeys(Key.ENTER);
    if (part) actions = actions.sendKeys(part);
  });
  await actions.perform();
}

/** The indexes of the lines that differ (both texts must have as many lines). */
function changedLines(before, after) {
  const a = before.split("\n");
  const b = after.split("\n");
  assert.equal(b.length, a.length, "the number of lines changed");
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

describe("the front matter panel", () => {
  it("changes the title and adds a tag from the form; the file changes only on those lines", async () => {
    const { driver, blogDir } = await start();
    const original = readFileSync(join(blogDir, POST), "utf8");
    assert.equal(original, readFileSync(join(demoBlog, POST), "utf8"));
    assert.deepEqual(await chips(driver, "fm-tags"), ["Kubernetes", "Conférence"]);

    // A title holding ": " (the form quotes it, keeping the double quotes it had).
    await typeIntoField(driver, "#fm-title", `${TITLE} : clôture`);
    await waitForEditorText(driver, `title: "${TITLE} : clôture"`);

    // A tag picked from the blog's tags: "Séc" offers "Sécurité" (used in Jour 2).
    const tags = await driver.findElement(By.css("#fm-tags"));
    await tags.click();
    await driver.actions().sendKeys("séc").perform();
    const option = await driver.wait(until.elementLocated(By.css("#fm-tags-list li")), 5000);
    assert.match(await option.getAttribute("textContent"), /^Sécurité1$/);
    screenshot("front-matter-suggestions");
    await driver.actions().sendKeys(Key.ARROW_DOWN, Key.ENTER).perform();
    await waitForEditorText(driver, `tags: ["Kubernetes", "Conférence", "Sécurité"]`);
    await driver.wait(async () => (await chips(driver, "fm-tags")).length === 3, 5000, "the chip did not appear");
    assert.deepEqual(await chips(driver, "fm-tags"), ["Kubernetes", "Conférence", "Sécurité"]);
    screenshot("front-matter-panel");

    // Ctrl+S from the form saves.
    await driver.actions().keyDown(Key.CONTROL).sendKeys("s").keyUp(Key.CONTROL).perform();
    const saved = await driver.findElement(By.css("#save-state"));
    await driver.wait(async () => (await saved.getAttribute("data-state")) === "saved", 10000, "never saved");
    const onDisk = readFileSync(join(blogDir, POST), "utf8");
    const lines = onDisk.split("\n");
    assert.deepEqual(changedLines(original, onDisk), [2, 4]);
    assert.equal(lines[2], `title: "${TITLE} : clôture"`);
    assert.equal(lines[4], `tags: ["Kubernetes", "Conférence", "Sécurité"]`);
  });

  it("shows an invalid title at the form's title and in the gutter, and writes only once fixed", async () => {
    const { driver } = await start();
    // An unquoted title holding ": " does not parse.
    await retypeEditorLine(driver, 3, "title: Jour 3: clôture");
    await waitForEditorText(driver, "title: Jour 3: clôture");
    // Typing went through states that parse ("title: Jour 3") and others that do not: wait for
    // the form's read of the last one (it is busy until then).
    await driver.wait(until.elementLocated(By.css('#front-matter[aria-busy="false"]')), 5000, "the form never read the text");
    await waitForProblem(driver, '.fm-problem[data-key="title"]', /line 3/);
    await driver.wait(until.elementLocated(By.css("#editor .cm-lint-marker-error")), 5000);
    const title = await driver.findElement(By.css("#fm-title"));
    assert.equal(await title.isEnabled(), false, "the form writes while the YAML does not parse");
    assert.equal(await (await driver.findElement(By.css("#fm-tags"))).isEnabled(), false);
    // It shows the last title that parsed (a state met while typing), never the broken one.
    assert.notEqual(await title.getAttribute("value"), "Jour 3: clôture");
    assert.ok((await driver.findElement(By.css(".fm-readonly"))).isDisplayed());
    screenshot("front-matter-invalid");
    // The user's text is untouched.
    assert.match(await editorText(driver), /title: Jour 3: clôture/);

    // Fixed (quoted): the form reads it and writes again.
    await retypeEditorLine(driver, 3, `title: "Jour 3: clôture"`);
    await waitForValue(driver, "#fm-title", "Jour 3: clôture");
    await driver.wait(until.elementIsEnabled(title), 5000);
    assert.equal((await driver.findElements(By.css('.fm-problem[data-key="title"]'))).length, 0);
    assert.equal((await driver.findElements(By.css("#editor .cm-lint-marker-error"))).length, 0);
    const tags = await driver.findElement(By.css("#fm-tags"));
    await tags.click();
    await driver.actions().sendKeys("Keynote", Key.ENTER).perform();
    await waitForEditorText(driver, `tags: ["Kubernetes", "Conférence", "Keynote"]`);
    // Backspace in the empty field removes the last chip; a comma adds what was typed.
    await driver.actions().sendKeys(Key.BACK_SPACE).perform();
    await driver.wait(async () => !(await editorText(driver)).includes("Keynote"), 5000, "Backspace kept the chip");
    assert.ok((await editorText(driver)).includes(`tags: ["Kubernetes", "Conférence"]`));
    await driver.actions().sendKeys("Cloud,").perform();
    await waitForEditorText(driver, `tags: ["Kubernetes", "Conférence", "Cloud"]`);

    // A date Jekyll cannot read: its message at the date field; the form still writes.
    await retypeEditorLine(driver, 4, "date: 2025-13-45");
    await waitForEditorText(driver, "date: 2025-13-45");
    // (Typing over the line went through states that do not parse: wait for the last one.)
    await driver.wait(until.elementIsEnabled(title), 5000, "the form stayed read-only with a bad date");
    await waitForProblem(driver, '.fm-problem[data-key="date"]', /line 4/);

    // A duplicate key is a warning at its field; the form still writes.
    await retypeEditorLine(driver, 7, "lang: fr\nlang: en");
    await waitForProblem(driver, '.fm-problem[data-key="lang"][data-severity="warning"]', /line 8/);
    await waitForValue(driver, "#fm-lang", "en");
    await driver.wait(until.elementLocated(By.css("#editor .cm-lint-marker-warning")), 5000);
    await driver.wait(until.elementIsEnabled(title), 5000, "a duplicate key made the form read-only");
  });

  it("undoes a form edit with Ctrl+Z in the editor, and the form follows", async () => {
    const { driver } = await start();
    await typeIntoField(driver, "#fm-title", "Dernier jour");
    await waitForEditorText(driver, `title: "Dernier jour"`);
    const content = await driver.findElement(By.css("#editor .cm-content"));
    await content.click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys("z").keyUp(Key.CONTROL).perform();
    await waitForEditorText(driver, `title: "${TITLE}"`);
    await waitForValue(driver, "#fm-title", TITLE);
    // Redo brings the form edit back, whole.
    await driver.actions().keyDown(Key.CONTROL).sendKeys("y").keyUp(Key.CONTROL).perform();
    await waitForValue(driver, "#fm-title", "Dernier jour");
  });

  it("keeps a CRLF post's line breaks: a form edit and a save change only the title line", async () => {
    const blog = mkdtempSync(join(tmpdir(), "lanyard-crlf-"));
    try {
      cpSync(demoBlog, blog, { recursive: true });
      const lf = readFileSync(join(blog, POST), "utf8");
      writeFileSync(join(blog, POST), lf.replace(/\n/g, "\r\n"));
      const { driver, blogDir } = await start({ blog });
      const original = readFileSync(join(blogDir, POST), "utf8");
      await typeIntoField(driver, "#fm-title", "Jour 3 (CRLF)");
      await waitForEditorText(driver, `title: "Jour 3 (CRLF)"`);
      await driver.actions().keyDown(Key.CONTROL).sendKeys("s").keyUp(Key.CONTROL).perform();
      const saved = await driver.findElement(By.css("#save-state"));
      await driver.wait(async () => (await saved.getAttribute("data-state")) === "saved", 10000, "never saved");
      const onDisk = readFileSync(join(blogDir, POST), "utf8");
      assert.equal(onDisk.replace(/\r\n/g, "").includes("\n"), false, "a line lost its CRLF");
      assert.deepEqual(changedLines(original, onDisk), [2]);
      assert.equal(onDisk.split("\n")[2], `title: "Jour 3 (CRLF)"\r`);
    } finally {
      rmSync(blog, { recursive: true, force: true });
    }
  });

  it("remembers that the panel is collapsed", async () => {
    const app = await start();
    await app.driver.findElement(By.css(".fm-toggle")).click();
    await app.driver.wait(async () => (await app.driver.findElements(By.css("#fm-title"))).length === 0, 5000);
    const dataDir = app.dataDir;
    running.delete(app);
    await app.quit({ keep: true });
    const again = await launch({ dataDir });
    running.add(again);
    await waitForEditorText(again.driver, `title: "${TITLE}"`);
    const toggle = await again.driver.wait(until.elementLocated(By.css(".fm-toggle")), 5000);
    await again.driver.wait(async () => (await toggle.getAttribute("aria-expanded")) === "false", 5000);
    assert.equal((await again.driver.findElements(By.css("#fm-title"))).length, 0);
  });
});
