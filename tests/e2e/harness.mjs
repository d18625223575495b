// Starts the real Lanyard app for one test: a temp copy of a blog, its own LANYARD_DATA_DIR, a
// tauri-driver (which runs WebKitWebDriver, which runs the app) and one selenium session that
// keeps its connection for the whole test. Run under `xvfb-run -a` (make test-e2e does).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Builder, By, until } from "selenium-webdriver";

// For scripts outside tests/e2e (they cannot resolve its node_modules themselves).
export { By, Key, until } from "selenium-webdriver";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");
export const demoBlog = join(repo, "assets/demo-blog");
export const fixture = (name) => join(here, "fixtures", name);

const binary = process.env.LANYARD_DESKTOP_BIN ?? join(repo, "target/debug/lanyard-desktop");
const tauriDriver = process.env.TAURI_DRIVER ?? join(process.env.HOME ?? "", ".cargo/bin/tauri-driver");

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function waitForPort(port, child, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/**
 * Launches the app. `blog`: a folder to copy and pass as DIR (null: no DIR, the app picks the
 * last workspace or the demo). `dataDir`: reuse a data folder (to test what is remembered).
 * `env`: extra environment for the app (LANG...).
 */
export async function launch({ blog = demoBlog, dataDir = null, args = null, env = {} } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), "lanyard-e2e-"));
  const data = dataDir ?? join(scratch, "data");
  let blogDir = null;
  if (blog) {
    blogDir = join(scratch, "blog");
    cpSync(blog, blogDir, { recursive: true });
  }
  const port = await freePort();
  const nativePort = await freePort();
  // Its own process group, so that stopping it also stops WebKitWebDriver and the app.
  const driverProcess = spawn(tauriDriver, ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, LANG: process.env.LANG ?? "C.UTF-8", ...env, LANYARD_DATA_DIR: data },
    stdio: ["ignore", "ignore", process.env.E2E_VERBOSE ? "inherit" : "ignore"],
    detached: true,
  });
  const stopDriver = async () => {
    const exited = new Promise((r) => (driverProcess.exitCode !== null ? r() : driverProcess.once("exit", r)));
    try {
      process.kill(-driverProcess.pid, "SIGTERM");
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-driverProcess.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
  };
  let driver;
  try {
    await waitForPort(port, driverProcess);
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}/`)
      .withCapabilities({
        browserName: "wry",
        "tauri:options": { application: binary, args: args ?? (blogDir ? [blogDir] : []) },
      })
      .build();
  } catch (e) {
    await stopDriver();
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
  const app = {
    driver,
    blogDir,
    dataDir: data,
    scratch,
    /** Stops the app and its driver; removes the temp folder unless `keep`. */
    async quit({ keep = false } = {}) {
      await driver.quit().catch(() => {});
      await stopDriver();
      if (!keep) rmSync(scratch, { recursive: true, force: true });
    },
  };
  return app;
}

/** Waits for the editor to hold a post whose text contains `needle`. */
export async function waitForEditorText(driver, needle, timeoutMs = 10000) {
  await driver.wait(
    async () => (await editorText(driver)).includes(needle),
    timeoutMs,
    `editor never showed ${JSON.stringify(needle)}`,
  );
}

/** The editor's text as CodeMirror shows it (visible lines). */
export async function editorText(driver) {
  const content = await driver.findElements(By.css("#editor .cm-content"));
  return content.length ? content[0].getText() : "";
}

/** Waits for the preview's text to contain `needle`. */
export async function waitForPreviewText(driver, needle, timeoutMs = 10000) {
  const preview = await driver.wait(until.elementLocated(By.css("#preview")), timeoutMs);
  await driver.wait(
    async () => (await preview.getText()).includes(needle),
    timeoutMs,
    `preview never showed ${JSON.stringify(needle)}`,
  );
  return preview;
}

/** Clicks a post in the sidebar by its visible title. */
export async function openPostFromSidebar(driver, title) {
  const items = await driver.wait(until.elementsLocated(By.css(".post-item")), 10000);
  for (const item of items) {
    if ((await item.findElement(By.css(".post-title")).getText()) === title) {
      await item.click();
      return;
    }
  }
  throw new Error(`no post titled ${JSON.stringify(title)} in the sidebar`);
}
