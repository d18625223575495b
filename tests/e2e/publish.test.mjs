// End-to-end test of publishing in the real window, on a temporary git repository made from
// tests/fixtures/publish-blog (three published parts of a series, the fourth a draft) with a
// bare file:// remote: the Publish button, the plan dialog (checks, files with diffs, the
// commit message), one commit of exactly the plan's files, then Push. And a broken post_url:
// the dialog blocks publishing and its file:line opens the draft at that line.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { By, Key, until } from "selenium-webdriver";
import { fixture, launch, openPostFromSidebar, repo, waitForEditorText } from "./harness.mjs";

const running = new Set();
const scratch = [];
after(async () => {
  for (const app of running) await app.quit();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

const DRAFT = "_drafts/rustnantes-j4.md";
const PUBLISHED = "_posts/2025-06-14-rustnantes-j4.md";

/** With PUBLISH_SCREENSHOTS=DIR, the window as DIR/NAME.png (WebDriver's screenshot). */
async function screenshot(driver, name) {
  const dir = process.env.PUBLISH_SCREENSHOTS;
  if (!dir) return;
  writeFileSync(join(dir, `${name}.png`), Buffer.from(await driver.takeScreenshot(), "base64"));
}

const git = (dir, ...args) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });

/** The fixture blog committed in a new repository, pushed to a bare remote; `edit` first. */
function blogRepository(edit = () => {}) {
  const tmp = mkdtempSync(join(tmpdir(), "lanyard-publish-e2e-"));
  scratch.push(tmp);
  const blog = join(tmp, "blog");
  cpSync(join(repo, "tests/fixtures/publish-blog"), blog, { recursive: true });
  edit(blog);
  git(tmp, "init", "-q", "--bare", "-b", "main", "remote.git");
  git(blog, "init", "-q", "-b", "main");
  git(blog, "config", "user.name", "Ana Test");
  git(blog, "config", "user.email", "ana@example.org");
  git(blog, "add", ".");
  git(blog, "commit", "-q", "-m", "Blog");
  git(blog, "remote", "add", "origin", `file://${join(tmp, "remote.git")}`);
  git(blog, "push", "-q", "-u", "origin", "main");
  return { blog, remote: join(tmp, "remote.git") };
}

async function click(driver, css) {
  const button = await driver.wait(until.elementLocated(By.css(css)), 10000);
  await driver.wait(until.elementIsEnabled(button), 10000);
  await button.click();
}

async function openDraftAndPublishDialog(driver) {
  await openPostFromSidebar(driver, "Rust Nantes 2025 - Jour 4");
  await waitForEditorText(driver, "Dernier jour : un atelier");
  await click(driver, "#publish-open");
  await driver.wait(until.elementLocated(By.css("#publish-dialog")), 5000);
}

describe("publishing in the desktop app", () => {
  it("publishes the draft, commits exactly its files, then pushes", async () => {
    const { blog, remote } = blogRepository();
    const app = await launch({ blog: null, args: [blog] });
    running.add(app);
    const { driver } = app;
    await openDraftAndPublishDialog(driver);

    // The plan: no problem, the draft moved and the three other parts changed, with diffs.
    const files = await driver.wait(until.elementLocated(By.css("#publish-files")), 10000);
    await driver.wait(async () => (await files.findElements(By.css("li"))).length === 4, 10000);
    const checks = await driver.findElement(By.css("#publish-checks")).getText();
    assert.match(checks, /No problem found|Aucun problème/);
    const moved = await files.findElement(By.css('li[data-action="moved"]')).getText();
    assert.ok(moved.includes(DRAFT) && moved.includes(PUBLISHED), moved);
    assert.equal((await files.findElements(By.css('li[data-action="changed"]'))).length, 3);
    await files.findElement(By.css('li[data-action="moved"] summary')).click();
    const diff = await files.findElement(By.css('li[data-action="moved"] pre.diff')).getText();
    assert.ok(diff.includes("-published: false"), diff);

    // The commit message is editable.
    const message = await driver.findElement(By.css("#publish-message"));
    assert.equal(await message.getAttribute("value"), "Publish: Rust Nantes 2025 - Jour 4");
    await message.click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys("a").keyUp(Key.CONTROL).sendKeys(Key.BACK_SPACE, "Jour 4 en ligne").perform();
    await screenshot(driver, "publish-plan");
    await click(driver, "#publish-apply");

    const result = await driver.wait(until.elementLocated(By.css("#publish-result")), 15000);
    assert.match(await result.getText(), /committed|commité/);
    assert.ok(!existsSync(join(blog, DRAFT)));
    assert.ok(readFileSync(join(blog, "_posts/2025-06-13-rustnantes-j3.md"), "utf8").includes("- [Jour 4]({% post_url 2025-06-14-rustnantes-j4 %})"));
    assert.equal(git(blog, "log", "-1", "--format=%s|%an").trim(), "Jour 4 en ligne|Ana Test");
    const committed = git(blog, "show", "--no-renames", "--name-only", "--format=", "HEAD").trim().split("\n").sort();
    assert.deepEqual(committed, [DRAFT, "_posts/2025-06-11-rustnantes-j1.md", "_posts/2025-06-12-rustnantes-j2.md", "_posts/2025-06-13-rustnantes-j3.md", PUBLISHED]);
    assert.equal(git(blog, "status", "--porcelain"), "");
    // The editor now holds the published post; the sidebar lists it with the posts.
    await waitForEditorText(driver, "Dernier jour : un atelier");

    // Push is a second click; git's own output is shown.
    assert.equal(git(remote, "rev-list", "--count", "main").trim(), "1");
    await click(driver, "#publish-push");
    const pushed = await driver.wait(until.elementLocated(By.css('#push-result[data-status="pushed"]')), 20000);
    assert.ok(await pushed.isDisplayed());
    assert.match(await driver.findElement(By.css("#push-output")).getText(), /main -> main/);
    assert.equal(git(remote, "log", "-1", "--format=%s", "main").trim(), "Jour 4 en ligne");
    await screenshot(driver, "publish-pushed");
    await click(driver, "#publish-close");
    await driver.wait(async () => (await driver.findElements(By.css("#publish-dialog"))).length === 0, 5000);
  });

  it("blocks on a broken post_url and opens the draft at its line", async () => {
    const { blog } = blogRepository((dir) => {
      const path = join(dir, DRAFT);
      const text = readFileSync(path, "utf8").replace("premier jour]({% post_url 2025-06-11-rustnantes-j1 %})", "premier jour]({% post_url 2025-06-01-rustnantes-j0 %})");
      writeFileSync(path, text);
    });
    const app = await launch({ blog: null, args: [blog] });
    running.add(app);
    const { driver } = app;
    await openDraftAndPublishDialog(driver);
    const finding = await driver.wait(until.elementLocated(By.css("#publish-checks .finding.error")), 10000);
    const text = await finding.getText();
    assert.ok(text.includes(`${DRAFT}:27`) && text.includes("2025-06-01-rustnantes-j0"), text);
    assert.equal(await driver.findElement(By.css("#publish-apply")).isEnabled(), false);
    await screenshot(driver, "publish-blocked");
    await finding.click();
    await driver.wait(async () => (await driver.findElements(By.css("#publish-dialog"))).length === 0, 5000);
    // The cursor's line, found again each try (CodeMirror draws its lines again as it scrolls).
    await driver.wait(
      async () => {
        try {
          const active = await driver.findElements(By.css("#editor .cm-activeLine"));
          return active.length > 0 && (await active[0].getText()).includes("rustnantes-j0");
        } catch (e) {
          if (e.name !== "StaleElementReferenceError") throw e;
          return false;
        }
      },
      5000,
      "the cursor is not on the broken link's line",
    );
    assert.equal(git(blog, "rev-list", "--count", "HEAD").trim(), "1");
    assert.equal(git(blog, "status", "--porcelain"), "");
  });

  it("publishes from a drafts folder into another repository, remembered for next time", async () => {
    const { blog } = blogRepository();
    git(blog, "rm", "-q", DRAFT, "assets/images/2025-06-14-atelier.png");
    git(blog, "commit", "-q", "-m", "Drafts live elsewhere");
    const drafts = join(blog, "..", "drafts");
    const source = join(repo, "tests/fixtures/publish-blog");
    cpSync(join(source, "_drafts"), join(drafts, "_drafts"), { recursive: true });
    cpSync(join(source, "assets"), join(drafts, "assets"), { recursive: true });
    cpSync(join(source, "_config.yml"), join(drafts, "_config.yml"));
    const app = await launch({ blog: null, args: [drafts] });
    running.add(app);
    const { driver } = app;
    await openDraftAndPublishDialog(driver);

    const target = await driver.wait(until.elementLocated(By.css("#publish-target")), 5000);
    await target.click();
    await driver.actions().sendKeys(blog, Key.TAB).perform();
    const files = await driver.wait(until.elementLocated(By.css("#publish-files")), 10000);
    await driver.wait(async () => (await files.findElements(By.css('li[data-action="copied"]'))).length === 1, 10000);
    assert.equal((await files.findElements(By.css('li[data-action="added"]'))).length, 1);
    await screenshot(driver, "publish-target");
    await click(driver, "#publish-apply");
    await driver.wait(until.elementLocated(By.css("#publish-result")), 15000);

    assert.ok(existsSync(join(blog, PUBLISHED)));
    assert.ok(existsSync(join(blog, "assets/images/2025-06-14-atelier.png")));
    assert.ok(existsSync(join(drafts, DRAFT)), "the drafts folder is left as it was");
    assert.equal(git(blog, "log", "-1", "--format=%s").trim(), "Publish: Rust Nantes 2025 - Jour 4");
    assert.equal(git(blog, "status", "--porcelain"), "");
    const settings = JSON.parse(readFileSync(join(app.dataDir, "publish.json"), "utf8"));
    assert.deepEqual(Object.values(settings.targets), [blog]);
  });

  it("offers pull with rebase when the push is rejected, then pushes", async () => {
    const { blog, remote } = blogRepository();
    // Someone else pushed meanwhile.
    const other = join(blog, "..", "other");
    git(join(blog, ".."), "clone", "-q", `file://${remote}`, "other");
    writeFileSync(join(other, "about.md"), "---\ntitle: À propos\n---\nBonjour.\n");
    git(other, "add", "about.md");
    git(other, "-c", "user.name=Bo", "-c", "user.email=bo@example.org", "commit", "-q", "-m", "About");
    git(other, "push", "-q");

    const app = await launch({ blog: null, args: [blog] });
    running.add(app);
    const { driver } = app;
    await openDraftAndPublishDialog(driver);
    await driver.wait(async () => (await driver.findElements(By.css("#publish-files li"))).length === 4, 10000);
    await click(driver, "#publish-apply");
    await driver.wait(until.elementLocated(By.css("#publish-result")), 15000);
    await click(driver, "#publish-push");
    await driver.wait(until.elementLocated(By.css('#push-result[data-status="rejected"]')), 20000);
    assert.match(await driver.findElement(By.css("#push-output")).getText(), /rejected/);
    await screenshot(driver, "publish-rejected");
    await click(driver, "#publish-pull");
    await driver.wait(until.elementLocated(By.css('#push-result[data-status="pushed"]')), 20000);
    assert.deepEqual(git(remote, "log", "--format=%s", "main").trim().split("\n"), ["Publish: Rust Nantes 2025 - Jour 4", "About", "Blog"]);
    assert.equal(git(blog, "status", "--porcelain"), "");
  });
});
