// Shared pieces of the browser tests: a static server for the built page, Debian's
// Chromium through Playwright, and helpers that drive the ImGui canvas with real mouse
// and keyboard events at the positions the page reports for its widgets.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const siteDir = process.env.OKR_SITE_DIR || path.join(repoRoot, 'build/wasm/site');
export const samplesDir = path.join(repoRoot, 'assets/examples');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');
export const artifactsDir = path.join(here, 'artifacts');
mkdirSync(artifactsDir, { recursive: true });

export const Startup = { loading: 0, first_run: 1, ready: 2, storage_failed: 3, data_gone: 4 };
export const SaveStatus = { saved: 0, pending: 1, saving: 2, failed: 3, not_stored: 4 };

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`static server exited with ${child.exitCode}`);
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`static server did not open port ${port}`);
}

export async function startServer(dir = siteDir) {
  if (!existsSync(path.join(dir, 'app.js'))) throw new Error(`no built page in ${dir}: build the web target first`);
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  await waitForPort(port, child);
  return { url: `http://127.0.0.1:${port}/index.html`, port, stop: () => child.kill() };
}

export const chromiumArgs = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

// A persistent profile, so that reloads and browser restarts see the same IndexedDB.
// `contextOptions` go to Playwright as they are, such as { timezoneId: 'Pacific/Auckland' }.
export async function launch({
  profileDir, viewport = { width: 1400, height: 900 }, deviceScaleFactor = 1, contextOptions = {},
} = {}) {
  const userDataDir = profileDir || mkdtempSync(path.join(tmpdir(), 'okr-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.OKR_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport,
    deviceScaleFactor,
    acceptDownloads: true,
    ...contextOptions,
  });
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  return { context, page, problems, userDataDir };
}

// One served page and one fresh browser profile for a test file: the returned object
// fills in before the first test (server, url, context, page, problems) and is torn
// down after the last.
export function withBrowser(options) {
  const session = {};
  before(async () => {
    session.server = await startServer();
    session.url = session.server.url;
    Object.assign(session, await launch(options));
  });
  after(async () => {
    await session.context?.close();
    session.server?.stop();
  });
  return session;
}

export async function nextFrames(page, count = 2) {
  await page.evaluate((n) => new Promise((resolve) => {
    const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  }), count);
}

export async function state(page) {
  return page.evaluate(() => JSON.parse(UTF8ToString(Module._okr_debug_state())));
}

export async function waitForState(page, predicate, what, timeout = 15000) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    const ready = await page.evaluate(() => typeof Module !== 'undefined' && !!Module._okr_debug_state && Module.calledRun);
    if (ready) {
      last = await state(page);
      if (predicate(last)) return last;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)}`);
}

export async function openApp(page, url) {
  await page.goto(url);
  return waitForState(page, (s) => s.startup !== Startup.loading && s.frames > 1, 'the app to load');
}

export async function widgets(page) {
  await page.evaluate(() => Module._okr_debug_probe(1));
  await nextFrames(page, 2);
  return page.evaluate(() => JSON.parse(UTF8ToString(Module._okr_debug_widgets())));
}

// Finds a widget by the end of its ImGui label ("###checkin-value") or its whole label.
export async function findWidget(page, label, timeout = 5000) {
  const start = Date.now();
  let seen = [];
  while (Date.now() - start < timeout) {
    seen = await widgets(page);
    const found = seen.find((w) => w.label === label || w.label.endsWith(label));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no widget "${label}" on screen; saw: ${seen.map((w) => w.label).join(' | ')}`);
}

// Brings a widget out of view into it with the mouse wheel over `at`, as a person scrolls a
// list, and returns it.
// Looks further down first, then back up.
export async function scrollIntoView(page, label, at = { x: 600, y: 600 }) {
  for (let i = 0; i < 60; i++) {
    try {
      return await findWidget(page, label, 300);
    } catch {
      await page.mouse.move(at.x, at.y);
      await page.mouse.wheel(0, i < 20 ? 200 : -200);
      await nextFrames(page, 3);
    }
  }
  return findWidget(page, label);
}

// Moves to the widget first, as a hand on a mouse does, then presses and releases.
export async function click(page, label, { xFraction = 0.5 } = {}) {
  const w = await findWidget(page, label);
  await page.mouse.move(w.x + w.w * xFraction, w.y + w.h / 2, { steps: 2 });
  await nextFrames(page, 1);
  await page.mouse.down();
  await nextFrames(page, 1);
  await page.mouse.up();
  await nextFrames(page, 2);
  return w;
}

// Clicks into a text field, replaces its content with `text` through the keyboard.
export async function typeInto(page, label, text) {
  await click(page, label);
  // Held across frames, as fingers do: ImGui 1.86 misses a press and release within one frame.
  await page.keyboard.down('Control');
  await page.keyboard.down('a');
  await nextFrames(page, 2);
  await page.keyboard.up('a');
  await page.keyboard.up('Control');
  await page.keyboard.down('Delete');
  await nextFrames(page, 2);
  await page.keyboard.up('Delete');
  await page.keyboard.type(text, { delay: 10 });
  await nextFrames(page, 2);
}

// A key seen down by exactly one frame of the page. ImGui 1.86 reads keys once per frame, so
// a press and release between two frames is lost; and it repeats a key still down in the
// next frame when that frame comes more than 0.275 s later, which headless software
// rendering on a busy machine often takes (a double Tab). So the page's frame loop is held
// from the end of the frame that saw the key until the (real) key-up has arrived.
export async function press(page, chord) {
  const keys = chord.split('+');
  for (const key of keys) await page.keyboard.down(key);
  await page.evaluate(() => new Promise((resolve) => {
    const frames = () => JSON.parse(UTF8ToString(Module._okr_debug_state())).frames;
    const start = frames();
    // Registered after the page's own frame callback, so it runs right after that frame.
    const afterFrame = () => {
      if (frames() === start) {
        requestAnimationFrame(afterFrame);
        return;
      }
      Module.pauseMainLoop();
      resolve();
    };
    requestAnimationFrame(afterFrame);
  }));
  for (const key of keys.reverse()) await page.keyboard.up(key);
  await page.evaluate(() => Module.resumeMainLoop());
  await nextFrames(page, 3);
}

// Opens a file through the page's own Open… button and the browser's file chooser.
export async function openThroughPicker(page, file) {
  const chooser = page.waitForEvent('filechooser');
  await click(page, '###open-file');
  await (await chooser).setFiles(file);
}

// The problems dialog once it shows `title`: the one closed just before may linger a frame.
export async function problemsDialog(page, title) {
  const start = Date.now();
  for (;;) {
    const close = await findWidget(page, '###problems-close');
    if (title.test(close.window)) return close;
    if (Date.now() - start > 5000) throw new Error(`the dialog says "${close.window}", not ${title}`);
    await nextFrames(page, 2);
  }
}

export async function screenshot(page, name) {
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// The stored record of the current workspace, read from IndexedDB itself.
export async function storedWorkspace(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('okr-tracker');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['meta', 'workspaces'], 'readonly');
      const current = tx.objectStore('meta').get('current');
      current.onsuccess = () => {
        if (current.result === undefined) { resolve(null); db.close(); return; }
        const record = tx.objectStore('workspaces').get(current.result);
        record.onsuccess = () => { resolve(record.result ? record.result.text : null); db.close(); };
      };
    };
  }));
}

// The stored current workspace, parsed.
export async function stored(page) {
  return JSON.parse(await storedWorkspace(page));
}

// Waits until the page has saved and the stored workspace satisfies `predicate`; on a
// timeout the screen is kept as failed-<what>.png, which usually shows why.
export async function waitForStored(page, predicate, what, timeout = 15000) {
  const start = Date.now();
  for (;;) {
    const s = await state(page);
    if (s.save_status === SaveStatus.saved) {
      const workspace = await stored(page);
      if (predicate(workspace)) return workspace;
    }
    if (Date.now() - start > timeout) {
      await screenshot(page, `failed-${what.replaceAll(' ', '-')}`);
      throw new Error(`timed out waiting for ${what}`);
    }
    await nextFrames(page, 2);
  }
}

// The text in front of a widget's "###" id: a badge's word, a count, a message.
export async function shownText(page, label) {
  const widget = await findWidget(page, label);
  return widget.label.slice(0, widget.label.indexOf('###'));
}

export async function typeKeys(page, text) {
  await page.keyboard.type(text, { delay: 10 });
  await nextFrames(page, 2);
}

// Clicks into a field, selects all it holds and types `text` over it.
export async function replaceText(page, label, text) {
  await click(page, label);
  await press(page, 'Control+a');
  await press(page, 'Delete');
  await typeKeys(page, text);
}

// Every record of every object store of the app's database, for before/after comparisons.
export async function dumpDatabase(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('okr-tracker');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      const dump = {};
      for (const name of names) {
        const store = tx.objectStore(name);
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => {
          dump[name] = keys.result.map((key, i) => [key, values.result[i]]);
        };
      }
      tx.oncomplete = () => { db.close(); resolve(JSON.stringify(dump)); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}
