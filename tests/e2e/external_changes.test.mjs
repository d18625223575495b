// End-to-end tests of the journal, autosave and changes made outside Lanyard, on the real app
// (see harness.mjs): another program writes the open post while it is clean (silent reload) or
// dirty (conflict, file untouched until the choice), `git checkout` does the same, a deleted file
// is offered to be saved again, and after kill -9 the typed text comes back.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { By, Key, until } from "selenium-webdriver";
import { editorDoc, killApp, relaunch, saveState, typeAtEnd, typeHere } from "./crash_support.mjs";
import { launch, waitForEditorText } from "./harness.mjs";

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

const POST = "_posts/2025-06-12-confnuage-j3.md";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the app's crash journal (in its data folder) holds `needle`. */
async function waitForJournal(app, needle) {
  const dir = join(app.dataDir, "journal");
  const holds = (name) => {
    try {
      return readFileSync(join(dir, name), "utf8").includes(needle);
    } catch {
      return false; // renamed into place meanwhile
    }
  };
  await app.driver.wait(
    () => existsSync(dir) && readdirSync(dir).some(holds),
    5000,
    `the journal never held ${JSON.stringify(needle)}`,
  );
}

async function openDemo() {
  const app = await start();
  await waitForEditorText(app.driver, "Jour 3");
  return { app, driver: app.driver, file: join(app.blogDir, POST) };
}

async function waitForDoc(driver, predicate, what, timeoutMs = 5000) {
  await driver.wait(async () => predicate(await editorDoc(driver)), timeoutMs, what);
}

async function conflictBar(driver) {
  return driver.wait(until.elementLocated(By.css("#conflict-bar")), 5000, "no conflict bar");
}

async function noConflictBar(driver) {
  return (await driver.findElements(By.css("#conflict-bar"))).length === 0;
}

function git(cwd, ...args) {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=t@example.org", ...args], { cwd, encoding: "utf8" });
}

describe("changes made outside Lanyard", () => {
  it("reloads a clean post silently when another program writes it, keeping the cursor", async () => {
    const { app, driver, file } = await openDemo();
    // Put the cursor on the title line (line 2), then change the end of the file elsewhere.
    await driver.findElement(By.css("#editor .cm-content")).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.HOME).keyUp(Key.CONTROL).sendKeys(Key.DOWN).perform();
    const before = readFileSync(file, "utf8");
    writeFileSync(file, before + "\nAjouté par un autre éditeur.\n");
    await waitForDoc(driver, (t) => t.includes("Ajouté par un autre éditeur."), "the editor never reloaded");
    assert.equal(await saveState(driver), "saved");
    assert.ok(await noConflictBar(driver), "a clean buffer must not raise a conflict");
    // The cursor stayed on line 2: typing lands in the title line.
    await typeHere(driver, "XYZ");
    const line2 = (await editorDoc(driver)).split("\n")[1];
    assert.ok(line2.includes("XYZ"), line2);
    await stop(app);
  });

  it("raises a conflict when the post is dirty, writes nothing until the choice, then keeps mine", async () => {
    const { app, driver, file } = await openDemo();
    await typeAtEnd(driver, "\nMa phrase non enregistrée.");
    const theirs = readFileSync(file, "utf8").replace("Jour 3", "Jour trois");
    writeFileSync(file, theirs);
    await conflictBar(driver);
    // A fixed wait on purpose, longer than the autosave delay: it proves the file stays theirs.
    await sleep(2500);
    assert.equal(readFileSync(file, "utf8"), theirs);
    assert.ok((await editorDoc(driver)).includes("Ma phrase non enregistrée."));
    // Compare shows both versions side by side, then closes without writing.
    await driver.findElement(By.css("#conflict-compare")).click();
    const compare = await driver.wait(until.elementLocated(By.css("#compare-view")), 5000);
    await driver.wait(async () => (await compare.getText()).includes("Jour trois"), 5000, "theirs not shown");
    assert.equal((await driver.findElements(By.css("#compare-view .cm-mergeView"))).length, 1);
    await driver.findElement(By.css("#compare-cancel")).click();
    assert.equal(readFileSync(file, "utf8"), theirs);
    // Keep mine: my text goes to the file, the bar goes.
    await driver.findElement(By.css("#conflict-keep-mine")).click();
    await driver.wait(async () => readFileSync(file, "utf8").includes("Ma phrase non enregistrée."), 5000, "mine not saved");
    await driver.wait(() => noConflictBar(driver), 5000, "the bar stayed");
    assert.ok(!readFileSync(file, "utf8").includes("Jour trois"));
    await stop(app);
  });

  it("takes theirs from a git checkout while dirty, and reloads a checkout while clean", async () => {
    const { app, driver, file } = await openDemo();
    git(app.blogDir, "init", "-q", "-b", "main");
    git(app.blogDir, "add", ".");
    git(app.blogDir, "commit", "-qm", "v1");
    const v1 = readFileSync(file, "utf8");
    writeFileSync(file, v1.replace("Jour 3", "Jour 3 (v2)"));
    git(app.blogDir, "commit", "-qam", "v2");
    await waitForDoc(driver, (t) => t.includes("Jour 3 (v2)"), "the commit of v2 was not reloaded");
    // Clean: checking out v1 reloads.
    git(app.blogDir, "checkout", "-q", "HEAD~1", "--", POST);
    await waitForDoc(driver, (t) => !t.includes("(v2)"), "the checkout was not reloaded");
    assert.ok(await noConflictBar(driver));
    // Dirty: checking out v2 raises the conflict; take theirs.
    await typeAtEnd(driver, "\nNote pas encore enregistrée.");
    git(app.blogDir, "checkout", "-q", "main", "--", POST);
    await conflictBar(driver);
    assert.ok(readFileSync(file, "utf8").includes("Jour 3 (v2)"));
    await driver.findElement(By.css("#conflict-take-theirs")).click();
    await waitForDoc(driver, (t) => t.includes("Jour 3 (v2)") && !t.includes("Note pas encore"), "theirs not taken");
    assert.equal(await saveState(driver), "saved");
    assert.equal(readFileSync(file, "utf8"), v1.replace("Jour 3", "Jour 3 (v2)"));
    await stop(app);
  });

  it("updates the sidebar when another post changes on disk, leaving the editor alone", async () => {
    const { app, driver } = await openDemo();
    const other = join(app.blogDir, "_posts/2025-06-11-confnuage-j2.md");
    writeFileSync(other, readFileSync(other, "utf8").replace('title: "Conf\'Nuage 2025 - Jour 2"', 'title: "Jour 2, retitré ailleurs"'));
    await driver.wait(
      async () => {
        const titles = await driver.findElements(By.css(".post-title"));
        for (const el of titles) if ((await el.getText()) === "Jour 2, retitré ailleurs") return true;
        return false;
      },
      5000,
      "the sidebar kept the old title",
    );
    assert.ok(await noConflictBar(driver));
    assert.ok((await editorDoc(driver)).includes("Jour 3"));
    await stop(app);
  });

  it("offers to save a deleted post again", async () => {
    const { app, driver, file } = await openDemo();
    rmSync(file);
    await driver.wait(until.elementLocated(By.css("#conflict-bar[data-kind=missing]")), 5000, "no bar for the deletion");
    await driver.findElement(By.css("#missing-save-again")).click();
    await driver.wait(() => existsSync(file), 5000, "not saved again");
    assert.ok(readFileSync(file, "utf8").includes("Jour 3"));
    await stop(app);
  });

  it("says where a renamed post went, and closes it on request", async () => {
    const { app, driver, file } = await openDemo();
    renameSync(file, join(app.blogDir, "_posts/2025-06-12-confnuage-jour-3.md"));
    const bar = await driver.wait(until.elementLocated(By.css("#conflict-bar[data-kind=missing]")), 5000);
    assert.match(await bar.getText(), /_posts\/2025-06-12-confnuage-jour-3\.md/);
    await driver.findElement(By.css("#missing-close")).click();
    await driver.wait(async () => (await driver.findElements(By.css("#conflict-bar"))).length === 0, 5000);
    await driver.wait(until.elementLocated(By.css(".empty-editor")), 5000, "the post stayed open");
    assert.ok(!existsSync(file), "closing must not write the old path again");
    await stop(app);
  });

  it("never raises a conflict against its own saves, autosaves after a pause", async () => {
    const { app, driver, file } = await openDemo();
    await typeAtEnd(driver, "\nÉcrit dans Lanyard.");
    await driver.actions().keyDown(Key.CONTROL).sendKeys("s").keyUp(Key.CONTROL).perform();
    await driver.wait(async () => (await saveState(driver)) === "saved", 5000, "not saved");
    await typeAtEnd(driver, " Et sauvé tout seul.");
    await driver.wait(async () => readFileSync(file, "utf8").includes("Et sauvé tout seul."), 6000, "no autosave");
    // A fixed wait on purpose: it proves that no conflict comes after the write is seen.
    await sleep(800);
    assert.ok(await noConflictBar(driver), "Lanyard's own write raised a conflict");
    assert.equal(await saveState(driver), "saved");
    await stop(app);
  });

  it("keeps the text and says so when the file is read-only", async () => {
    const { app, driver, file } = await openDemo();
    chmodSync(file, 0o444);
    await typeAtEnd(driver, "\nTexte à garder.");
    await driver.actions().keyDown(Key.CONTROL).sendKeys("s").keyUp(Key.CONTROL).perform();
    const banner = await driver.wait(until.elementLocated(By.css(".error-banner")), 5000, "no error shown");
    assert.match(await banner.getText(), /2025-06-12-confnuage-j3\.md: the file is read-only/);
    assert.equal(await saveState(driver), "failed");
    assert.ok((await editorDoc(driver)).includes("Texte à garder."));
    assert.ok(!readFileSync(file, "utf8").includes("Texte à garder."));
    await stop(app);
  });

  it("brings back text typed before a kill -9, saying so", async () => {
    const app = await start();
    await waitForEditorText(app.driver, "Jour 3");
    // Manual save only, so the text can only come back from the journal.
    await app.driver.findElement(By.css("#autosave-setting")).sendKeys("Manual");
    await app.driver.wait(async () => existsSync(join(app.dataDir, "autosave.json")), 5000, "setting not saved");
    await typeAtEnd(app.driver, "\nTapé juste avant le crash.");
    await waitForJournal(app, "Tapé juste avant le crash.");
    await killApp(app);
    running.delete(app);
    assert.ok(!readFileSync(join(app.blogDir, POST), "utf8").includes("Tapé juste avant le crash."));
    const again = await relaunch(app);
    running.add(again);
    await waitForDoc(again.driver, (t) => t.includes("Tapé juste avant le crash."), "the text did not come back", 10000);
    const bar = await again.driver.wait(until.elementLocated(By.css("#recovery-bar")), 5000);
    assert.match(await bar.getText(), /Conf'Nuage 2025 - Jour 3/);
    assert.equal(await saveState(again.driver), "dirty");
    await stop(again);
    rmSync(app.scratch, { recursive: true, force: true });
  });

  it("asks, after a kill -9, when the file was changed on disk while the app was down", async () => {
    const app = await start();
    await waitForEditorText(app.driver, "Jour 3");
    await app.driver.findElement(By.css("#autosave-setting")).sendKeys("Manual");
    await app.driver.wait(async () => existsSync(join(app.dataDir, "autosave.json")), 5000, "setting not saved");
    await typeAtEnd(app.driver, "\nMa version d'avant la panne.");
    await waitForJournal(app, "Ma version d'avant la panne.");
    await killApp(app);
    running.delete(app);
    const file = join(app.blogDir, POST);
    const theirs = readFileSync(file, "utf8").replace("Jour 3", "Jour 3 (git pull)");
    writeFileSync(file, theirs);
    const again = await relaunch(app);
    running.add(again);
    const { driver } = again;
    await waitForDoc(driver, (t) => t.includes("Ma version d'avant la panne."), "mine did not come back", 10000);
    const bar = await driver.wait(until.elementLocated(By.css("#conflict-bar[data-kind=conflict]")), 5000);
    assert.match(await bar.getText(), /Recovered unsaved text of “Conf'Nuage 2025 - Jour 3.*changed by another program/);
    // A fixed wait on purpose, longer than the autosave delay: it proves nothing is written.
    await sleep(2500);
    assert.equal(readFileSync(file, "utf8"), theirs, "the file was written without asking");
    await driver.findElement(By.css("#conflict-keep-mine")).click();
    await driver.wait(async () => readFileSync(file, "utf8").includes("Ma version d'avant la panne."), 5000, "mine not saved");
    await stop(again);
    rmSync(app.scratch, { recursive: true, force: true });
  });
});
