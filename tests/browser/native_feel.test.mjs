// The page behaves like a native one: text drawn at the screen's own pixel density (sharp
// at devicePixelRatio 2, measured against the blur of an upscaled 1x canvas), a canvas that
// follows the window, text pasted from the system clipboard kept exactly, a dark theme that
// is remembered, and the browser's own shortcuts (reload, zoom) left to the browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  withBrowser, launch, openApp, waitForState, click, findWidget, screenshot, storedWorkspace, nextFrames,
  artifactsDir, Startup, SaveStatus,
} from './harness.mjs';

const browser = withBrowser();
const today = '2027-03-03';

async function openExample(page, url) {
  await openApp(page, `${url}?today=${today}`);
  await click(page, '###first-example');
  return waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to open and be stored');
}

// How much the picture changes from one pixel to the next over a region of a PNG, at the
// scale `scale` (a 1x picture is first enlarged as a browser enlarges a 1x canvas on a 2x
// screen): crisp glyph edges change sharply, blurred ones spread over several pixels.
async function edgeSharpness(page, png, region, scale) {
  return page.evaluate(async ({ base64, region, scale }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const width = region.w * 2;
    const height = region.h * 2;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'low';
    const factor = 2 / scale;
    context.drawImage(bitmap, region.x * scale, region.y * scale, region.w * scale, region.h * scale,
      0, 0, region.w * scale * factor, region.h * scale * factor);
    const { data } = context.getImageData(0, 0, width, height);
    const grey = (x, y) => {
      const i = (y * width + x) * 4;
      return 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    };
    let total = 0;
    for (let y = 0; y < height - 1; y++) {
      for (let x = 0; x < width - 1; x++) {
        total += Math.abs(grey(x + 1, y) - grey(x, y)) + Math.abs(grey(x, y + 1) - grey(x, y));
      }
    }
    return total / (width * height);
  }, { base64: png.toString('base64'), region, scale });
}

test('at devicePixelRatio 2 the canvas has twice the pixels and the text is sharper than an enlarged 1x picture', async () => {
  const { page, problems } = browser;
  await openExample(page, browser.url);
  const sharp = await launch({ deviceScaleFactor: 2 });
  try {
    const s = await openExample(sharp.page, browser.url);
    assert.equal(s.pixel_ratio, 2);
    const canvas = await sharp.page.evaluate(() => {
      const c = document.querySelector('canvas');
      return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
    });
    assert.equal(canvas.width, canvas.cssWidth * 2);
    assert.equal(canvas.height, canvas.cssHeight * 2);

    // The first objective's card: title, key result names, figures.
    const title = await findWidget(sharp.page, '###kr-kr-retention');
    const region = { x: Math.round(title.x), y: Math.round(title.y) - 60, w: 420, h: 120 };
    const atTwo = await sharp.page.screenshot({ path: path.join(artifactsDir, 'feel-01-dpr2.png') });
    const atOne = await page.screenshot({ path: path.join(artifactsDir, 'feel-01-dpr1.png') });
    const native = await edgeSharpness(page, atTwo, region, 2);
    const enlarged = await edgeSharpness(page, atOne, region, 1);
    assert.ok(native > enlarged * 1.25, `sharpness at 2x ${native.toFixed(2)}, enlarged 1x ${enlarged.toFixed(2)}`);
    assert.deepEqual(sharp.problems, []);
  } finally {
    await sharp.context.close();
  }
  assert.deepEqual(problems, []);
});

test('the canvas follows the window: smaller and larger, every top-bar button stays on the page', async () => {
  const { page, problems } = browser;
  for (const size of [{ width: 1100, height: 700 }, { width: 1600, height: 1000 }]) {
    await page.setViewportSize(size);
    await nextFrames(page, 4);
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('canvas');
      return { width: c.width, height: c.height };
    });
    assert.deepEqual(canvas, size);
    const history = await findWidget(page, '###history-open');
    assert.ok(history.x + history.w <= size.width, `History button at ${history.x}+${history.w}`);
    await screenshot(page, `feel-02-window-${size.width}`);
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  await nextFrames(page, 4);
  assert.deepEqual(problems, []);
});

test('text pasted from the system clipboard reaches the store and the export unchanged', async () => {
  const { page, context, problems } = browser;
  const pasted = 'Übergabe an Kovač – „fertig“';
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);

  await click(page, '###kr-kr-retention');
  await waitForState(page, (s) => s.selected_key_result === 'kr-retention', 'the KR to open');
  await click(page, '###checkin-note');
  await page.keyboard.press('Control+V');
  await nextFrames(page, 3);
  await screenshot(page, 'feel-03-pasted');
  await click(page, '###checkin-record');
  await waitForState(page, (s) => s.workspace.check_ins === 100 && s.save_status === SaveStatus.saved,
    'the check-in to be saved');

  const stored = JSON.parse(await storedWorkspace(page));
  assert.deepEqual(stored.check_ins.filter((c) => c.note === pasted).map((c) => c.key_result), ['kr-retention']);

  const download = page.waitForEvent('download');
  await click(page, '###export-menu');
  await click(page, '###export-file');
  const file = path.join(artifactsDir, 'exports', 'pasted.json');
  await (await download).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(exported.check_ins.filter((c) => c.note === pasted).length, 1);
  assert.deepEqual(problems, []);
});

// The mean brightness of a strip of the page's background, 0 to 255.
async function backgroundBrightness(page) {
  const png = await page.screenshot({ clip: { x: 0, y: 880, width: 1400, height: 20 } });
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
    return sum / (data.length / 4);
  }, png.toString('base64'));
}

test('the dark theme is one click away and is remembered after a reload', async () => {
  const { page, problems } = browser;
  const light = await backgroundBrightness(page);
  await click(page, '###theme-switch');
  await waitForState(page, (s) => s.theme === 'dark', 'the dark theme');
  await nextFrames(page, 2);
  const dark = await backgroundBrightness(page);
  assert.ok(light > 200 && dark < 60, `background brightness light ${light}, dark ${dark}`);
  await screenshot(page, 'feel-04-dark');

  await page.reload();
  const s = await waitForState(page, (x) => x.startup === Startup.ready && x.frames > 1, 'the reload');
  assert.equal(s.theme, 'dark');
  await click(page, '###theme-switch');
  await waitForState(page, (x) => x.theme === 'light', 'the light theme again');
  assert.deepEqual(problems, []);
});

test('reload and zoom shortcuts are left to the browser', async () => {
  const { page, problems } = browser;
  // Listening last, after the page's own handlers: a handler that took the key has marked it.
  await page.evaluate(() => {
    window.seenShortcuts = [];
    window.addEventListener('keydown', (event) => {
      if ((event.ctrlKey && event.key !== 'Control') || event.key === 'F5') window.seenShortcuts.push({ key: event.key, taken: event.defaultPrevented });
    });
  });
  // Headless Chromium has no browser menu to act on them; what matters is that the page
  // left them alone, so a real browser reloads and zooms.
  for (const chord of ['Control+Equal', 'Control+Minus', 'Control+Digit0', 'Control+KeyR', 'F5']) {
    await page.keyboard.press(chord);
  }
  const seen = await page.evaluate(() => window.seenShortcuts);
  assert.deepEqual(seen.map((k) => k.key), ['=', '-', '0', 'r', 'F5']);
  assert.deepEqual(seen.filter((k) => k.taken), []);
  assert.deepEqual(problems, []);
});
