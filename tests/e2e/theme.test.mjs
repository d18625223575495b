// End-to-end test of the theme view: the real window shows the post inside its blog's own
// page (minima, Debian's jekyll-theme-minima gem), styled by the theme's compiled Sass, and
// typing patches the post inside that page.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { By, Key } from "selenium-webdriver";
import { launch, openPostFromSidebar, repo, waitForEditorText } from "./harness.mjs";

const minimaBlog = join(repo, "tests/fixtures/minima-blog");
const missingThemeBlog = join(repo, "tests/fixtures/theme-missing-blog");
const running = new Set();
after(async () => {
  for (const app of running) await app.quit();
});

/** Runs `script` on the theme view's shadow root (`root`); returns its result. */
function inTheme(driver, script) {
  return driver.executeScript(
    `const root = document.querySelector("#theme-preview").shadowRoot; if (!root) return null; ${script}`,
  );
}

describe("the theme view", () => {
  it("shows the post in its minima page, styled by the theme's Sass, and follows typing", async () => {
    const app = await launch({ blog: minimaBlog });
    running.add(app);
    const { driver } = app;
    await openPostFromSidebar(driver, "Day one: keynotes and coffee");
    await waitForEditorText(driver, "Day one: keynotes and coffee");
    await driver.findElement(By.css("#theme-view")).click();

    // The page around the post: minima's header with the site title and the About page link.
    await driver.wait(
      async () => (await inTheme(driver, `return root.querySelector(".site-header .site-title")?.textContent`)) === "Hallway Track",
      20000,
      "the theme view never showed minima's header",
    );
    assert.equal(await inTheme(driver, `return root.querySelector(".site-nav .page-link")?.getAttribute("href")`), "/about/");

    // A computed style that only minima's compiled CSS gives: the header's 5px top border,
    // and the post title's size from `.post-title` (a $base-font-size * 2.625 rule).
    const style = await inTheme(
      driver,
      `const h = getComputedStyle(root.querySelector(".site-header"));
       const t = getComputedStyle(root.querySelector(".post-title"));
       return { border: h.borderTopWidth, borderColor: h.borderTopColor, title: t.fontSize };`,
    );
    assert.equal(style.border, "5px");
    assert.equal(style.borderColor, "rgb(66, 66, 66)");
    assert.equal(style.title, "42px");

    // The body sits in the page's content element; typing patches it in place.
    const content = await driver.findElement(By.css("#editor .cm-content"));
    await content.click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).sendKeys(Key.ENTER, Key.ENTER, "Typed in the theme view.").perform();
    await driver.wait(
      async () => ((await inTheme(driver, `return root.querySelector("#lanyard-theme-content")?.textContent`)) ?? "").includes("Typed in the theme view."),
      20000,
      "the typed text never reached the theme view",
    );
    assert.equal(await inTheme(driver, `return root.querySelectorAll(".site-header").length`), 1, "the page is patched, not stacked");
    assert.equal(await inTheme(driver, `return root.querySelectorAll("script").length`), 0, "no theme script reaches the view");

    // minima's social icons are drawn: the sprite's symbol inline (not a <use> of another
    // origin, which WebKit leaves blank), sized by the theme's `.svg-icon` rule.
    const icon = await inTheme(
      driver,
      `const svg = root.querySelector(".social-media-list a[href='https://github.com/hallwaytrack'] svg.svg-icon");
       if (!svg) return null;
       const box = svg.getBoundingClientRect();
       const path = svg.querySelector("path");
       return { w: box.width, h: box.height, uses: root.querySelectorAll("use").length,
                pathLength: path ? path.getTotalLength() : 0, fill: getComputedStyle(svg).fill };`,
    );
    assert.ok(icon, "the GitHub icon is in the footer");
    assert.equal(icon.uses, 0);
    assert.ok(icon.w >= 16 && icon.h === 16, `the icon is 16px square (+ padding): ${icon.w}x${icon.h}`);
    assert.ok(icon.pathLength > 10, `the icon's path draws (${icon.pathLength})`);
    assert.equal(icon.fill, "rgb(130, 130, 130)");
    await inTheme(driver, `root.querySelector(".site-footer").scrollIntoView(); return true;`);

    if (process.env.E2E_SCREENSHOT) {
      execFileSync("import", ["-window", "root", process.env.E2E_SCREENSHOT]);
    }

    // Back to the reading view: the body shows there again.
    await driver.findElement(By.css("#reading-view")).click();
    await driver.wait(async () => (await driver.findElement(By.css("#preview")).getText()).includes("Typed in the theme view."), 10000);
    running.delete(app);
    await app.quit();
  });

  it("falls back to the reading view with a note naming a theme that is not installed", async () => {
    const app = await launch({ blog: missingThemeBlog });
    running.add(app);
    const { driver } = app;
    await openPostFromSidebar(driver, "Hello");
    await waitForEditorText(driver, "The reading view still shows");
    await driver.findElement(By.css("#theme-view")).click();
    let last = "";
    const notice = await driver
      .wait(async () => {
        last = await driver.findElement(By.css("#status-notice")).getAttribute("title");
        return last.includes("not-there") ? last : null;
      }, 20000)
      .catch(() => assert.fail(`no note about the missing theme; the status bar says: ${JSON.stringify(last)}`));
    assert.match(notice, /theme `not-there` is not installed \(looked for not-there-<version> in /);
    assert.match(notice, /_config\.yml/);
    // The reading view stays, with the post in it.
    assert.ok((await driver.findElement(By.css("#preview")).getText()).includes("The reading view still shows this."));
    assert.equal(await driver.findElement(By.css("#theme-preview")).getAttribute("hidden"), "true");
    running.delete(app);
    await app.quit();
  });
});
