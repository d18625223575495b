// End-to-end tests of photos in the real window (see harness.mjs): two photos dragged from a
// real GTK drag source (drag_source.py, moved with xdotool under Xvfb) and dropped onto the
// editor are imported into assets/images and their lines inserted at the drop point; a photo
// copied into the watched inbox folder shows up as a thumbnail, and a click imports and inserts
// it; "Use as cover" adds only an `image:` line to the front matter.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { By, Key, until } from "selenium-webdriver";
import { demoBlog, editorText, launch, repo, waitForEditorText } from "./harness.mjs";

const running = new Set();
const scratch = mkdtempSync(join(tmpdir(), "lanyard-photos-e2e-"));
after(async () => {
  for (const app of running) await app.quit();
  rmSync(scratch, { recursive: true, force: true });
});

const PHOTOS = join(repo, "tests/fixtures/photos");
const POST = "_posts/2025-06-12-confnuage-j3.md";
const FIRST_POST_TITLE = `title: "Conf'Nuage 2025 - Jour 3"`;

/** The front matter panel folded (remembered in the data folder), so the editor shows the lines
 * the real drags aim at on the test's 1400x900 screen. */
function foldFrontMatterPanel(dataDir) {
  writeFileSync(join(dataDir, "front_matter_panel.json"), JSON.stringify({ open: false }));
}
function foldedPanelDataDir() {
  const dir = mkdtempSync(join(tmpdir(), "lanyard-photos-data-"));
  foldFrontMatterPanel(dir);
  return dir;
}

/** With PHOTOS_SCREENSHOTS=DIR, the X screen as DIR/NAME.png (ImageMagick's import, under Xvfb). */
function screenshot(name) {
  const dir = process.env.PHOTOS_SCREENSHOTS;
  if (dir) execFileSync("import", ["-window", "root", join(dir, `${name}.png`)]);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const xdotool = (...args) => execFileSync("xdotool", args.map(String));

/** Photos given to the test under their own names (copied: the fixtures are never touched). */
function photoCopies(dir, names) {
  mkdirSync(dir, { recursive: true });
  return names.map(([from, to]) => {
    const path = join(dir, to);
    copyFileSync(join(PHOTOS, from), path);
    return path;
  });
}

/** Files of the blog's assets/images folder. */
const images = (blogDir) => readdirSync(join(blogDir, "assets/images")).sort();

/** Where the webview's CSS pixel (0,0) is on the X screen: move the real pointer, read the page's
 * mousemove coordinates. */
async function webviewOrigin(driver) {
  await driver.executeScript(
    "window.__lastMouse = null; window.addEventListener('mousemove', (e) => (window.__lastMouse = [e.clientX, e.clientY]));",
  );
  const [sx, sy] = [700, 450];
  for (const dx of [0, 3, 0]) {
    xdotool("mousemove", sx + dx, sy);
    await sleep(150);
  }
  const client = await driver.wait(async () => driver.executeScript("return window.__lastMouse"), 5000, "no mousemove");
  return { x: sx - client[0], y: sy - client[1] };
}

/** Client rectangle of the first editor line containing `needle`. */
async function lineRect(driver, needle) {
  return driver.executeScript(
    `for (const l of document.querySelectorAll('#editor .cm-line')) {
       if (l.textContent.includes(arguments[0])) { const r = l.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; }
     } return null;`,
    needle,
  );
}

/** Starts drag_source.py at (x, y) offering `files`; resolves once its window is mapped. */
async function dragSource(x, y, files) {
  const child = spawn("/usr/bin/python3", [join(import.meta.dirname, "drag_source.py"), x, y, ...files], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const deadline = Date.now() + 10000;
  while (!out.includes("ready")) {
    if (child.exitCode !== null) throw new Error(`drag_source.py exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("drag_source.py never showed its window");
    await sleep(50);
  }
  // Mapped is not yet viewable for a drag: wait until X lists the window as visible.
  const visible = () => {
    try {
      return execFileSync("xdotool", ["search", "--onlyvisible", "--name", "^lanyard-drag-source$"]).toString().trim() !== "";
    } catch {
      return false;
    }
  };
  while (!visible()) {
    if (Date.now() > deadline) throw new Error("drag_source.py's window never became visible");
    await sleep(50);
  }
  return { child, output: () => out };
}

/** Drags with the real pointer from (x0,y0) to (x1,y1), button 1 held, in small steps. */
async function realDrag(x0, y0, x1, y1) {
  xdotool("mousemove", x0, y0);
  await sleep(200);
  xdotool("mousedown", 1);
  await sleep(200);
  const steps = 25;
  for (let i = 1; i <= steps; i++) {
    xdotool("mousemove", Math.round(x0 + ((x1 - x0) * i) / steps), Math.round(y0 + ((y1 - y0) * i) / steps));
    await sleep(40);
  }
  // A few moves on the target, so the webview sees the drag over it before the drop.
  for (const d of [1, 0, 1, 0]) {
    xdotool("mousemove", x1 + d, y1);
    await sleep(120);
  }
  xdotool("mouseup", 1);
}

async function saveWithKeyboard(driver) {
  await driver.findElement(By.css("#editor .cm-content")).click();
  await driver.actions().keyDown(Key.CONTROL).sendKeys("s").keyUp(Key.CONTROL).perform();
  await driver.wait(
    async () => (await (await driver.findElement(By.css("#save-state"))).getAttribute("data-state")) === "saved",
    10000,
    "the post was never saved",
  );
}

describe("photos in the desktop app", () => {
  it("imports two photos dropped from a real drag source at the drop point", async () => {
    const app = await launch({ dataDir: foldedPanelDataDir() });
    running.add(app);
    const { driver, blogDir } = app;
    await waitForEditorText(driver, FIRST_POST_TITLE);
    const before = images(blogDir);
    const original = readFileSync(join(blogDir, POST), "utf8");
    const files = photoCopies(join(scratch, "drop"), [
      ["gps-samsung-s7.jpg", "Scène principale.jpg"],
      ["iphone4s-orient6.jpg", "IMG_2041.JPG"],
    ]);

    const origin = await webviewOrigin(driver);
    // Drop on the first paragraph after the series header.
    const bodyLine = "Dernier jour, les couloirs se vident après le déjeuner.";
    assert.ok(original.includes(`\n${bodyLine}\n\n`));
    const needle = "Dernier jour";
    const rect = await lineRect(driver, needle);
    assert.ok(rect, `no editor line shows ${needle}`);
    const target = { x: Math.round(origin.x + rect.x + 30), y: Math.round(origin.y + rect.y + rect.h / 2) };

    const source = await dragSource(1180, 700, files);
    await realDrag(1240, 750, target.x, target.y);
    await driver.wait(async () => (await editorText(driver)).includes("![](/assets/images/2012-08-26-"), 20000, "no line inserted by the drop");
    await driver.wait(async () => (await editorText(driver)).includes("![](/assets/images/2017-02-09-"), 20000, "second line missing");
    source.child.kill();
    screenshot("photos-dropped");

    // Two new files under assets/images, named by the date each photo was taken.
    const added = images(blogDir).filter((f) => !before.includes(f));
    assert.equal(added.length, 2, `added: ${added}`);
    assert.ok(added.some((f) => /^2017-02-09-.*scene-principale.*\.jpg$/.test(f)), `added: ${added}`);
    assert.ok(added.some((f) => /^2012-08-26-.*img-2041.*\.jpg$/i.test(f)), `added: ${added}`);
    for (const f of added) assert.equal(readFileSync(join(blogDir, "assets/images", f)).subarray(0, 2).toString("hex"), "ffd8");

    // The alt text prompt does not block the editor; Enter sets the alt text of both lines.
    const alt = await driver.wait(until.elementLocated(By.css("#photo-alt-input")), 5000);
    await alt.click();
    await alt.sendKeys("Grande salle", Key.ENTER);
    await driver.wait(async () => !(await driver.findElements(By.css("#photo-alt"))).length, 5000, "prompt stayed");
    await saveWithKeyboard(driver);

    const saved = readFileSync(join(blogDir, POST), "utf8");
    const lines = added.map((f) => `![Grande salle](/assets/images/${f})`);
    // Inserted as their own paragraph right after the line dropped on; nothing else changed.
    const at = original.indexOf(bodyLine) + bodyLine.length;
    const expectedA = original.slice(0, at) + `\n\n${lines[0]}\n\n${lines[1]}` + original.slice(at);
    const expectedB = original.slice(0, at) + `\n\n${lines[1]}\n\n${lines[0]}` + original.slice(at);
    assert.ok(saved === expectedA || saved === expectedB, `saved post:\n${saved}`);
    await app.quit();
    running.delete(app);
  });

  it("imports a HEIC photo dropped from a real drag source, turned upright and named by its date", async () => {
    const app = await launch({ dataDir: foldedPanelDataDir() });
    running.add(app);
    const { driver, blogDir } = app;
    await waitForEditorText(driver, FIRST_POST_TITLE);
    const before = images(blogDir);
    const [file] = photoCopies(join(scratch, "heic"), [["heic/exif-orientation-gps.heic", "IMG_4410.HEIC"]]);

    const origin = await webviewOrigin(driver);
    const rect = await lineRect(driver, "Dernier jour");
    assert.ok(rect, "no editor line shows Dernier jour");
    const source = await dragSource(1180, 700, [file]);
    await realDrag(1240, 750, Math.round(origin.x + rect.x + 30), Math.round(origin.y + rect.y + rect.h / 2));
    await driver.wait(
      async () => (await editorText(driver)).includes("![](/assets/images/2017-02-09-img-4410.jpg)"),
      20000,
      "no line inserted for the HEIC",
    );
    source.child.kill();
    screenshot("photos-heic-dropped");

    const added = images(blogDir).filter((f) => !before.includes(f));
    assert.deepEqual(added, ["2017-02-09-img-4410.jpg"]);
    const jpeg = readFileSync(join(blogDir, "assets/images", added[0]));
    assert.equal(jpeg.subarray(0, 2).toString("hex"), "ffd8");
    // Upright once: 600x400 from the SOF0 segment (a turn applied twice would give 400x600).
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    assert.deepEqual([jpeg.readUInt16BE(sof + 7), jpeg.readUInt16BE(sof + 5)], [600, 400]);
    // The preview shows the image through the asset scheme.
    await driver.wait(
      async () =>
        driver.executeScript(
          "const img = document.querySelector('#preview img[src*=\"2017-02-09-img-4410\"]'); return !!img && img.complete && img.naturalWidth === 600;",
        ),
      15000,
      "the preview never showed the imported HEIC",
    );
    await app.quit();
    running.delete(app);
  });

  it("writes WebP in two widths with a JPEG fallback on a blog set so, inserts a <picture> and shows it", async () => {
    // The demo blog with `lanyard: images:` settings in its _config.yml.
    const blog = join(scratch, "webp-blog");
    cpSync(demoBlog, blog, { recursive: true });
    appendFileSync(
      join(blog, "_config.yml"),
      "\nlanyard:\n  images:\n    format: webp\n    widths: [300, 600]\n    markup: picture\n",
    );
    const app = await launch({ blog, dataDir: foldedPanelDataDir() });
    running.add(app);
    const { driver, blogDir } = app;
    await waitForEditorText(driver, FIRST_POST_TITLE);
    // The tray says what a drop will write.
    const output = await driver.wait(until.elementLocated(By.css("#photo-output")), 10000, "no output summary");
    assert.match(await output.getText(), /WebP 80 · 300, 600 px · <picture>/);
    const before = images(blogDir);
    const [file] = photoCopies(join(scratch, "webp"), [["heic/exif-orientation-gps.heic", "IMG_4411.HEIC"]]);

    const origin = await webviewOrigin(driver);
    const rect = await lineRect(driver, "Dernier jour");
    assert.ok(rect, "no editor line shows Dernier jour");
    const source = await dragSource(1180, 700, [file]);
    await realDrag(1240, 750, Math.round(origin.x + rect.x + 30), Math.round(origin.y + rect.y + rect.h / 2));
    const base = "/assets/images/2017-02-09-img-4411";
    const expected =
      `<picture><source type="image/webp" srcset="${base}-300.webp 300w, ${base}-600.webp 600w" sizes="100vw">` +
      `<img src="${base}-600.jpg" srcset="${base}-300.jpg 300w, ${base}-600.jpg 600w" sizes="100vw" alt=""></picture>`;
    await driver.wait(async () => (await editorText(driver)).includes(expected), 30000, "no <picture> inserted by the drop");
    source.child.kill();

    const added = images(blogDir).filter((f) => !before.includes(f));
    assert.deepEqual(added, [
      "2017-02-09-img-4411-300.jpg",
      "2017-02-09-img-4411-300.webp",
      "2017-02-09-img-4411-600.jpg",
      "2017-02-09-img-4411-600.webp",
    ]);
    const webp = readFileSync(join(blogDir, "assets/images", "2017-02-09-img-4411-600.webp"));
    assert.equal(webp.subarray(8, 12).toString(), "WEBP");
    // The preview loads the picture through the asset scheme, from one of the WebP candidates.
    await driver.wait(
      async () =>
        driver.executeScript(
          "const img = document.querySelector('#preview picture img'); return !!img && img.complete && img.naturalWidth > 0 && /img-4411-(300|600)\\.webp/.test(img.currentSrc);",
        ),
      15000,
      "the preview never showed the picture",
    );
    const srcset = await driver.executeScript("return document.querySelector('#preview picture source').getAttribute('srcset')");
    assert.match(srcset, /^lanyard-asset:\/\/localhost\/assets\/images\/2017-02-09-img-4411-300\.webp 300w, /);
    screenshot("photos-webp-picture");
    await app.quit();
    running.delete(app);
  });

  it("lists the photos that fail, cancels the rest, and inserts only the lines of those imported", async () => {
    const app = await launch({ dataDir: foldedPanelDataDir() });
    running.add(app);
    const { driver, blogDir } = app;
    await waitForEditorText(driver, FIRST_POST_TITLE);
    const before = images(blogDir);
    const names = Array.from({ length: 16 }, (_, i) => ["gps-samsung-s7.jpg", `Salle ${String(i + 1).padStart(2, "0")}.jpg`]);
    const files = photoCopies(join(scratch, "batch"), names);
    const broken = join(scratch, "batch", "notes.jpg");
    writeFileSync(broken, "not a photo, just text\n");

    const origin = await webviewOrigin(driver);
    const rect = await lineRect(driver, "Dernier jour");
    const source = await dragSource(1180, 700, [broken, ...files]);
    await realDrag(1240, 750, Math.round(origin.x + rect.x + 30), Math.round(origin.y + rect.y + rect.h / 2));
    const progress = await driver.wait(until.elementLocated(By.css("#photo-progress")), 10000, "no progress bar");
    assert.match(await progress.getText(), /\d+\/17/);
    // Cancel once a few photos are in: those keep their lines, the others leave no file.
    await driver.wait(async () => {
      const m = /(\d+)\/17/.exec(await progress.getText().catch(() => ""));
      return m && Number(m[1]) >= 3;
    }, 30000, "the progress bar never moved");
    screenshot("photos-progress");
    await driver.findElement(By.css("#photo-cancel")).click();
    source.child.kill();
    await driver.wait(async () => !(await driver.findElements(By.css("#photo-progress"))).length, 30000, "the batch never ended");

    const errors = await driver.wait(until.elementLocated(By.css("#photo-errors")), 5000).getText();
    assert.match(errors, /notes\.jpg: not a JPEG, PNG, WebP or HEIC image/);
    screenshot("photos-errors");
    const cancelledNote = await driver.findElements(By.css("#photo-cancelled"));
    const cancelled = cancelledNote.length ? Number(await cancelledNote[0].getAttribute("data-count")) : 0;
    assert.ok(cancelled >= 1, `nothing was cancelled:\n${errors}`);
    assert.ok(cancelled <= 14, `the photos done before the cancel were lost:\n${errors}`);
    const added = images(blogDir).filter((f) => !before.includes(f));
    assert.equal(added.length, 16 - cancelled, `added ${added} with ${cancelled} cancelled`);
    await saveWithKeyboard(driver);
    const lines = readFileSync(join(blogDir, POST), "utf8").split("\n").filter((l) => l.startsWith("![](/assets/images/2017-02-09-salle-"));
    assert.equal(lines.length, added.length);
    for (const f of added) assert.ok(lines.includes(`![](/assets/images/${f})`), `${f} has no line`);
    await app.quit();
    running.delete(app);
  });

  it("imports an image pasted into the editor, named pasted", async () => {
    const app = await launch({ dataDir: foldedPanelDataDir() });
    running.add(app);
    const { driver, blogDir } = app;
    await waitForEditorText(driver, FIRST_POST_TITLE);
    await driver.findElement(By.css("#editor .cm-content")).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).perform();
    // A screenshot on the clipboard: a PNG drawn on a canvas, pasted into the editor.
    await driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      const canvas = document.createElement("canvas");
      canvas.width = 64; canvas.height = 48;
      const g = canvas.getContext("2d");
      g.fillStyle = "#c03"; g.fillRect(0, 0, 64, 48);
      canvas.toBlob((blob) => {
        const data = new DataTransfer();
        data.items.add(new File([blob], "image.png", { type: "image/png" }));
        const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
        document.querySelector("#editor .cm-content").dispatchEvent(event);
        done();
      }, "image/png");`);
    // No EXIF date: the post's date names it.
    await waitForEditorText(driver, "![](/assets/images/2025-06-12-pasted.png)", 15000);
    const file = join(blogDir, "assets/images/2025-06-12-pasted.png");
    assert.equal(readFileSync(file).subarray(0, 4).toString("hex"), "89504e47");
    await app.quit();
    running.delete(app);
  });

  it("shows a photo arriving in the inbox folder, and a click imports and inserts it", async () => {
    const inbox = join(scratch, "inbox");
    mkdirSync(inbox, { recursive: true });
    const dataDir = join(scratch, "data-inbox");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "photo_inbox.json"), JSON.stringify({ folder: inbox }));
    foldFrontMatterPanel(dataDir);
    const app = await launch({ dataDir });
    running.add(app);
    const { driver, blogDir } = app;
    await waitForEditorText(driver, FIRST_POST_TITLE);
    await driver.wait(until.elementLocated(By.css("#photo-tray .empty")), 10000, "the tray never showed the empty inbox");

    // The phone syncs a photo: written under a temporary name, then renamed.
    copyFileSync(join(PHOTOS, "gps-samsung-s7.jpg"), join(inbox, ".IMG_0042.jpg.part"));
    execFileSync("mv", [join(inbox, ".IMG_0042.jpg.part"), join(inbox, "IMG_0042.jpg")]);
    const thumb = await driver.wait(
      until.elementLocated(By.css('#photo-tray li.photo[data-path$="IMG_0042.jpg"] img')),
      15000,
      "no thumbnail for the new photo",
    );
    assert.match(await thumb.getAttribute("src"), /^data:image\/jpeg;base64,/);
    const time = await driver.findElement(By.css('#photo-tray li.photo[data-path$="IMG_0042.jpg"] .time')).getText();
    assert.equal(time, "2017-02-09 19:51"); // EXIF DateTimeOriginal, not the copy's time
    screenshot("photos-inbox");
    // The thumbnail was cached in the data folder.
    assert.equal(readdirSync(join(dataDir, "thumbnails")).length, 1);

    // Put the cursor at the end of the text, then click the thumbnail.
    await driver.findElement(By.css("#editor .cm-content")).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).perform();
    await driver.findElement(By.css('#photo-tray li.photo[data-path$="IMG_0042.jpg"] .thumb')).click();
    await driver.wait(
      async () => (await editorText(driver)).includes("![](/assets/images/2017-02-09-img-0042.jpg)"),
      15000,
      "the clicked photo was not inserted",
    );
    assert.ok(existsSync(join(blogDir, "assets/images/2017-02-09-img-0042.jpg")));

    // A second photo dragged from the tray onto a line of the post goes in after that line.
    copyFileSync(join(PHOTOS, "iphone4s-orient6.jpg"), join(inbox, "IMG_0043.jpg"));
    const second = await driver.wait(
      until.elementLocated(By.css('#photo-tray li.photo[data-path$="IMG_0043.jpg"] .thumb')),
      15000,
      "no thumbnail for the second photo",
    );
    await driver.wait(until.elementLocated(By.css('#photo-tray li.photo[data-path$="IMG_0043.jpg"] img')), 15000);
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.HOME).keyUp(Key.CONTROL).perform();
    const origin = await webviewOrigin(driver);
    const thumbRect = await driver.executeScript(
      "const r = arguments[0].getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height};",
      second,
    );
    const line = await lineRect(driver, "Dernier jour");
    await realDrag(
      Math.round(origin.x + thumbRect.x + thumbRect.w / 2),
      Math.round(origin.y + thumbRect.y + thumbRect.h / 2),
      Math.round(origin.x + line.x + 40),
      Math.round(origin.y + line.y + line.h / 2),
    );
    await waitForEditorText(driver, "![](/assets/images/2012-08-26-img-0043.jpg)", 15000);

    await saveWithKeyboard(driver);
    const saved = readFileSync(join(blogDir, POST), "utf8");
    assert.ok(saved.trimEnd().endsWith("![](/assets/images/2017-02-09-img-0042.jpg)"));
    assert.ok(saved.includes("Dernier jour, les couloirs se vident après le déjeuner.\n\n![](/assets/images/2012-08-26-img-0043.jpg)\n\n# Talks"), saved);
    await app.quit();
    running.delete(app);
  });

  it("sets the post's cover image: front matter from an inbox photo, and nothing else", async () => {
    const inbox = join(scratch, "inbox-cover");
    photoCopies(inbox, [["iphone4s-orient6.jpg", "Couverture.jpg"]]);
    const dataDir = join(scratch, "data-cover");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "photo_inbox.json"), JSON.stringify({ folder: inbox }));
    foldFrontMatterPanel(dataDir);
    const app = await launch({ dataDir });
    running.add(app);
    const { driver, blogDir } = app;
    await waitForEditorText(driver, FIRST_POST_TITLE);
    const original = readFileSync(join(blogDir, POST), "utf8");
    const cover = await driver.wait(
      until.elementLocated(By.css('#photo-tray li.photo[data-path$="Couverture.jpg"] .cover')),
      10000,
    );
    await driver.wait(until.elementIsEnabled(cover), 5000);
    await cover.click();
    const url = "/assets/images/2012-08-26-couverture.jpg";
    await waitForEditorText(driver, `image: ${url}`, 15000);
    await saveWithKeyboard(driver);
    const saved = readFileSync(join(blogDir, POST), "utf8");
    const end = original.indexOf("\n---", 3) + 1;
    assert.equal(saved, original.slice(0, end) + `image: ${url}\n` + original.slice(end));
    assert.ok(existsSync(join(blogDir, url)));

    // From the preview: right-click on an image, "Use as cover".
    const img = await driver.findElement(By.css('#preview img[data-site-src="/assets/images/2025-06-12-pause-plage.jpeg"]'));
    await driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", img);
    const origin = await webviewOrigin(driver);
    const imgRect = await driver.executeScript(
      "const r = arguments[0].getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height};",
      img,
    );
    xdotool("mousemove", Math.round(origin.x + imgRect.x + imgRect.w / 2), Math.round(origin.y + imgRect.y + imgRect.h / 2));
    await sleep(100);
    xdotool("click", 3);
    await driver.wait(until.elementLocated(By.css("#preview-cover")), 5000).click();
    // The preview scrolled the editor along: back to the front matter to read it.
    await driver.findElement(By.css("#editor .cm-content")).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.HOME).keyUp(Key.CONTROL).perform();
    await waitForEditorText(driver, "image: /assets/images/2025-06-12-pause-plage.jpeg", 10000);
    assert.ok(!(await editorText(driver)).includes(`image: ${url}`));

    // From an image line of the post: cursor on the line, "Line's image as cover".
    await driver.findElement(By.css("#editor .cm-content")).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).perform();
    await driver.actions().sendKeys(Key.ENTER, "![](/assets/images/2025-06-10-grande-arche.jpeg)").perform();
    await driver.findElement(By.css("#photo-cover-line")).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.HOME).keyUp(Key.CONTROL).perform();
    await waitForEditorText(driver, "image: /assets/images/2025-06-10-grande-arche.jpeg", 10000);
    // One undoable change: Ctrl+Z in the editor brings the previous cover back.
    await driver.findElement(By.css("#editor .cm-content")).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys("z").keyUp(Key.CONTROL).perform();
    await waitForEditorText(driver, "image: /assets/images/2025-06-12-pause-plage.jpeg", 10000);
    await app.quit();
    running.delete(app);
  });
});
