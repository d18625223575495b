#!/usr/bin/env node
// Screenshots of the real window, to look at it: opens the demo blog (a temp copy), optionally a
// post, types a little, and saves the X screen as PNG.
//   xvfb-run -a -s "-screen 0 1400x900x24" node scripts/screenshot-desktop.mjs OUT.png [POST_TITLE] [SCROLL_LINE]
// Dark theme: GTK_THEME=Adwaita:dark in the environment.
import { execFileSync } from "node:child_process";
import { launch, openPostFromSidebar, waitForPreviewText } from "../tests/e2e/harness.mjs";

const [out = "/tmp/lanyard.png", title, scrollLine] = process.argv.slice(2);
const app = await launch();
try {
  const { driver } = app;
  await waitForPreviewText(driver, "Conf");
  if (title) await openPostFromSidebar(driver, title);
  await driver.sleep(800);
  if (scrollLine) {
    await driver.executeScript(
      `const view = document.querySelector('#editor .cm-scroller');
       const line = document.querySelectorAll('#editor .cm-line')[${Number(scrollLine)}];
       view.scrollTop = line.offsetTop; view.dispatchEvent(new Event('scroll'));`,
    );
  }
  await driver.sleep(800);
  execFileSync("import", ["-window", "root", out]);
  console.log(out);
} finally {
  await app.quit();
}
