// End-to-end tests of the real app window (see harness.mjs). Each test starts the app on its own
// temp copy of a blog with its own data folder.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { By, Key, until } from "selenium-webdriver";
import {
  demoBlog,
  editorText,
  fixture,
  launch,
  openPostFromSidebar,
  waitForEditorText,
  waitForPreviewText,
} from "./harness.mjs";

const running = new Set();
async function start(options) {
  const app = await launch(options);
  running.add(app);
  return app;
}
async function stop(app, options) {
  running.delete(app);
  await app.quit(options);
}
after(async () => {
  for (const app of running) await app.quit();
});

/** Types `text` at the end of the editor, as keystrokes (WebKitWebDriver ignores element
 * sendKeys on a contenteditable; the actions API types for real; "\n" is the Enter key). */
async function typeAtEnd(driver, text) {
  const content = await driver.findElement(By.css("#editor .cm-content"));
  await content.click();
  let actions = driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL);
  text.split("\n").forEach((part, i) => {
    if (i > 0) actions = actions.sendKeys(Key.ENTER);
    if (part) actions = actions.sendKeys(part);
  });
  await actions.perform();
}

async function saveState(driver) {
  return (await driver.findElement(By.css("#save-state"))).getAttribute("data-state");
}

describe("the desktop app", () => {
  it("opens a copy of the demo blog on its newest post, with its local photos", async () => {
    const app = await start({ blog: null });
    const { driver } = app;
    await waitForEditorText(driver, `title: "Conf'Nuage 2025 - Jour 3"`);
    await waitForPreviewText(driver, "Dernier jour, les couloirs se vident");

    const groups = await driver.findElements(By.css(".group"));
    const titles = [];
    for (const group of groups) titles.push(await group.findElement(By.css(".group-title")).getText());
    // Group titles are shown in capitals by CSS; WebDriver reads the rendered text.
    assert.equal(titles[0].toLowerCase(), "conf'nuage 2025");
    const series = await groups[0].findElements(By.css(".post-title"));
    assert.deepEqual(
      await Promise.all(series.map((el) => el.getText())),
      ["Conf'Nuage 2025 - Jour 1", "Conf'Nuage 2025 - Jour 2", "Conf'Nuage 2025 - Jour 3"],
    );
    assert.equal(await groups[groups.length - 1].getAttribute("data-kind"), "drafts");

    // The photo comes from the blog through the lanyard-asset scheme, and really loaded.
    const img = await driver.wait(until.elementLocated(By.css("#preview img")), 10000);
    assert.match(await img.getAttribute("src"), /^lanyard-asset:\/\/localhost\/assets\/images\/2025-06-12-pause-plage\.jpeg$/);
    await driver.wait(() => driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img), 10000);

    // The demo was copied into the data folder; the bundled copy is untouched.
    assert.ok(existsSync(join(app.dataDir, "demo-blog/_posts/2025-06-12-confnuage-j3.md")));
    await stop(app);
  });

  it("updates the preview as you type", async () => {
    const app = await start();
    const { driver } = app;
    await openPostFromSidebar(driver, "Conf'Nuage 2025 - Jour 2");
    await waitForPreviewText(driver, "Journée plus courte pour moi");
    // Mark every element of the preview: typing patches only the edited block, so the others
    // stay the same DOM nodes (their photos do not reload).
    const marked = await driver.executeScript(
      "const els = [...document.querySelectorAll('#preview > *')]; els.forEach((el, i) => { el.__lanyardMark = i; }); return els.length;",
    );
    await typeAtEnd(driver, "\n\nUne phrase **tapée** au clavier.");
    const preview = await waitForPreviewText(driver, "Une phrase tapée au clavier.");
    const strong = await preview.findElements(By.xpath(".//strong[text()='tapée']"));
    assert.equal(strong.length, 1, "the typed markdown is rendered, not shown raw");
    const kept = await driver.executeScript(
      "return [...document.querySelectorAll('#preview > *')].filter((el) => el.__lanyardMark !== undefined).length;",
    );
    // The last block (now followed by a blank line) may be sent again; every other one stays.
    assert.ok(marked > 5 && kept >= marked - 1, `${kept} of ${marked} preview elements kept`);
    assert.equal(await saveState(driver), "dirty");
    await stop(app);
  });

  it("opens the target post when a post_url link is clicked in the preview", async () => {
    const app = await start();
    const { driver } = app;
    await waitForEditorText(driver, "Jour 3");
    const preview = await waitForPreviewText(driver, "Dernier jour");
    const link = await preview.findElement(By.linkText("Jour 1"));
    // The href as written in the HTML (the property would be resolved against tauri://localhost).
    assert.equal(await driver.executeScript("return arguments[0].getAttribute('href')", link), "/2025/06/10/confnuage-j1.html");
    await link.click();
    await waitForEditorText(driver, `title: "Conf'Nuage 2025 - Jour 1"`);
    await waitForPreviewText(driver, "Cet article est le premier");
    const current = await driver.findElement(By.css(".post-item.current .post-title"));
    assert.equal(await current.getText(), "Conf'Nuage 2025 - Jour 1");
    await stop(app);
  });

  it("keeps the last preview while the front matter does not parse, and says why", async () => {
    const app = await start();
    const { driver } = app;
    await waitForPreviewText(driver, "Dernier jour");
    const content = await driver.findElement(By.css("#editor .cm-content"));
    await content.click();
    // Line 3 is `title: "Conf'Nuage 2025 - Jour 3"`; a quote after it breaks the YAML.
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.HOME).keyUp(Key.CONTROL)
      .sendKeys(Key.DOWN, Key.DOWN, Key.END, ' "').perform();
    const notice = await driver.findElement(By.css("#status-notice"));
    // textContent: the visible text may be cut with an ellipsis.
    const noticeText = () => notice.getAttribute("textContent");
    await driver.wait(async () => (await noticeText()).includes("2025-06-12-confnuage-j3.md:3"), 5000, "no notice");
    assert.equal(await notice.getAttribute("class").then((c) => c.includes("warning")), true);
    await waitForPreviewText(driver, "Dernier jour");
    await driver.actions().sendKeys(Key.BACK_SPACE, Key.BACK_SPACE).perform();
    await driver.wait(async () => (await noticeText()) === "", 5000, "the notice stayed after the fix");
    await stop(app);
  });

  it("scrolls the preview with the editor", async () => {
    const app = await start();
    const { driver } = app;
    await waitForPreviewText(driver, "Plateformes internes");
    const offset = () =>
      driver.executeScript(`
        const heading = [...document.querySelectorAll('#preview h2')].find((h) => h.textContent.startsWith('FinOps'));
        return heading.getBoundingClientRect().top - document.querySelector('.preview-scroller').getBoundingClientRect().top;`);
    const before = await offset();
    await driver.executeScript(`
      const scroller = document.querySelector('#editor .cm-scroller');
      const line = [...document.querySelectorAll('#editor .cm-line')].find((l) => l.textContent.startsWith('## FinOps'));
      scroller.scrollTop = line.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;`);
    await driver.wait(async () => Math.abs(await offset()) < 40, 5000, "the preview did not follow the editor");
    assert.ok(before > 200, `the heading started lower down (${before}px)`);
    await stop(app);
  });

  it("saves with Ctrl+S, atomically, to the post's file", async () => {
    const app = await start();
    const { driver } = app;
    await waitForEditorText(driver, "Jour 3");
    await typeAtEnd(driver, "\n\nEnregistré depuis Lanyard.");
    await waitForPreviewText(driver, "Enregistré depuis Lanyard.");
    await driver.actions().keyDown(Key.CONTROL).sendKeys("s").keyUp(Key.CONTROL).perform();
    await driver.wait(async () => (await saveState(driver)) === "saved", 10000, "never saved");
    const file = join(app.blogDir, "_posts/2025-06-12-confnuage-j3.md");
    const onDisk = readFileSync(file, "utf8");
    assert.ok(onDisk.endsWith("Enregistré depuis Lanyard.\n") || onDisk.includes("\n\nEnregistré depuis Lanyard."), onDisk.slice(-200));
    assert.ok(onDisk.startsWith("---\nlayout: post\n"), "the front matter is kept");
    assert.equal(readFileSync(join(demoBlog, "_posts/2025-06-12-confnuage-j3.md"), "utf8").includes("Enregistré depuis"), false);
    await stop(app);
  });

  it("reopens the last workspace on the post last opened there", async () => {
    const first = await start();
    await waitForEditorText(first.driver, "Jour 3");
    await openPostFromSidebar(first.driver, "Conf'Nuage 2025 - Jour 1");
    await waitForEditorText(first.driver, `title: "Conf'Nuage 2025 - Jour 1"`);
    await stop(first, { keep: true });

    const second = await start({ blog: null, dataDir: first.dataDir });
    try {
      await waitForEditorText(second.driver, `title: "Conf'Nuage 2025 - Jour 1"`);
      const blogTitle = await second.driver.findElement(By.css(".blog-title")).getAttribute("title");
      assert.equal(blogTitle, first.blogDir);
    } finally {
      await stop(second);
      await first.quit();
    }
  });

  it("switches to a recent folder from the sidebar", async () => {
    const first = await start({ blog: fixture("xss-blog") });
    await waitForPreviewText(first.driver, "The safe sentence is shown.");
    await stop(first, { keep: true });

    const second = await start({ dataDir: first.dataDir });
    const { driver } = second;
    try {
      await waitForPreviewText(driver, "Dernier jour");
      await driver.findElement(By.css(".recent summary")).click();
      const item = await driver.findElement(By.css(".recent-item"));
      assert.equal(await item.getAttribute("title"), first.blogDir);
      await item.click();
      let title = "";
      await driver
        .wait(async () => (title = await driver.findElement(By.css(".blog-title")).getAttribute("textContent")) === "XSS fixture", 10000)
        .catch(() => assert.fail(`the sidebar shows ${JSON.stringify(title)}, not the recent folder's blog`));
      await waitForPreviewText(driver, "The safe sentence is shown.");
    } finally {
      await stop(second);
      await first.quit();
    }
  });

  it("speaks French when the system does", async () => {
    const app = await start({ env: { LANG: "fr_FR.UTF-8", LC_ALL: "", LC_MESSAGES: "" } });
    const { driver } = app;
    await waitForPreviewText(driver, "Dernier jour");
    assert.equal(await driver.findElement(By.css("#save-state")).getText(), "Enregistré");
    assert.equal(await driver.findElement(By.css("#post-filter")).getAttribute("placeholder"), "Filtrer les articles");
    assert.equal(await driver.executeScript("return document.documentElement.lang"), "fr");
    await stop(app);
  });

  it("runs nothing from a hostile post", async () => {
    const app = await start({ blog: fixture("xss-blog") });
    const { driver } = app;
    const preview = await waitForPreviewText(driver, "The end marker sentence.");
    await waitForPreviewText(driver, "The safe sentence is shown.");
    for (const text of ["raw javascript link", "markdown javascript link", "click target"]) {
      const found = await preview.findElements(By.xpath(`.//*[contains(text(), '${text}')]`));
      if (found.length) await found[0].click().catch(() => {});
    }
    const buttons = await preview.findElements(By.css("button"));
    for (const button of buttons) await button.click().catch(() => {});
    // A fixed wait on purpose: it proves that nothing runs (no condition can signal an absence).
    await driver.sleep(300);
    const state = await driver.executeScript(
      "return { xss: window.__xss ?? null, title: document.title, marker: document.body.getAttribute('data-xss'), scripts: document.querySelectorAll('#preview script, #preview iframe').length, handlers: document.querySelectorAll('#preview [onerror], #preview [onload], #preview [onclick]').length, location: location.href }",
    );
    assert.deepEqual(
      { xss: state.xss, marker: state.marker, scripts: state.scripts, handlers: state.handlers },
      { xss: null, marker: null, scripts: 0, handlers: 0 },
    );
    assert.notEqual(state.title, "pwned");
    assert.doesNotMatch(state.location, /^javascript:/);
    // The CSP is in force: an inline handler that did reach the DOM would still not run.
    await driver.executeScript(
      "const probe = document.createElement('img'); probe.setAttribute('onerror', 'window.__cspProbe = 1'); probe.src = 'data:,not-an-image'; document.getElementById('preview').append(probe);",
    );
    // A fixed wait on purpose: it proves that the blocked handler never runs.
    await driver.sleep(300);
    assert.equal(await driver.executeScript("return window.__cspProbe ?? null"), null, "inline handlers are blocked by the CSP");
    // Still the app: the editor is there and the preview still follows typing.
    await typeAtEnd(driver, "\n\nStill alive.");
    await waitForPreviewText(driver, "Still alive.");
    assert.ok((await editorText(driver)).includes("A hostile post"));
    await stop(app);
  });
});
