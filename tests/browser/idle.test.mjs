// The page rests when nothing happens: no frame is drawn while idle, and input wakes it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openApp, state, waitForState, click, Startup } from './harness.mjs';

const browser = withBrowser();

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test('no frame is drawn while idle, and moving the mouse wakes the page', async () => {
  const { page } = browser;
  await openApp(page, browser.url);
  await click(page, '###first-example');
  await waitForState(page, (s) => s.startup === Startup.ready, 'the example to open');

  await pause(1000);
  const before = await state(page);
  await pause(2000);
  const after = await state(page);
  assert.equal(after.frames, before.frames, 'frames were drawn while nothing happened');
  assert.equal(after.sleeping, true);

  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  const woken = await waitForState(page, (s) => s.frames > after.frames, 'a frame after input', 3000);
  assert.ok(woken.frames > after.frames);

  await pause(1000);
  const rested = await state(page);
  await pause(1000);
  assert.equal((await state(page)).frames, rested.frames, 'the page did not rest again after input');
});
