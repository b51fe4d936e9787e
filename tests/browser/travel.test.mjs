// The page travels: one self-contained .html runs from disk with nothing beside it and
// keeps its data across a browser restart; the served page installs as an app and opens
// again with the server gone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launch, startServer, openApp, state, waitForState, click, typeInto, screenshot, storedWorkspace,
  repoRoot, Startup, SaveStatus,
} from './harness.mjs';

const singleFile = process.env.OKR_SINGLE_FILE || path.join(repoRoot, 'build/wasm/okr.html');

async function loadExample(page) {
  await click(page, '###first-example');
  return waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to be stored');
}

async function recordCheckIn(page, keyResult, value, note) {
  await click(page, `###kr-${keyResult}`);
  await waitForState(page, (s) => s.selected_key_result === keyResult, 'the KR to open');
  await typeInto(page, '###checkin-note', note);
  await typeInto(page, '###checkin-value', value);
  await click(page, '###checkin-record');
}

test('the single-file page runs from file:// alone, stores a check-in, and finds it after a restart', async () => {
  assert.ok(existsSync(singleFile), `no ${singleFile}: build the web target first`);
  // The file is copied where nothing else is, as into a colleague's downloads folder.
  const folder = mkdtempSync(path.join(tmpdir(), 'okr-mailed-'));
  const copy = path.join(folder, 'okr.html');
  copyFileSync(singleFile, copy);
  const url = pathToFileURL(copy).href;
  const profileDir = mkdtempSync(path.join(tmpdir(), 'okr-profile-'));

  const first = await launch({ profileDir });
  const fetched = [];
  first.page.on('request', (request) => fetched.push(request.url()));
  try {
    const s = await openApp(first.page, url);
    assert.equal(s.startup, Startup.first_run);
    const opened = await loadExample(first.page);
    await recordCheckIn(first.page, 'kr-retention', '88', 'Recorded in the mailed page');
    await waitForState(first.page, (x) => x.save_status === SaveStatus.saved &&
      x.workspace.check_ins === opened.workspace.check_ins + 1, 'the check-in to be stored');
    await screenshot(first.page, 'travel-01-single-file');
    const elsewhere = fetched.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(elsewhere, [], 'the single file reached for other files');
    assert.deepEqual(first.problems, []);
  } finally {
    await first.context.close();
  }

  const second = await launch({ profileDir });
  try {
    const s = await openApp(second.page, url);
    assert.equal(s.startup, Startup.ready);
    const notes = JSON.parse(await storedWorkspace(second.page)).check_ins.map((c) => c.note);
    assert.ok(notes.includes('Recorded in the mailed page'), 'the check-in did not survive the restart');
  } finally {
    await second.context.close();
  }
});

test('the served page is installable and opens again, with its data, after the server stopped', async () => {
  const server = await startServer();
  const { context, page, problems } = await launch();
  let serverStopped = false;
  try {
    await openApp(page, server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitForState(page, () => true, 'the page');
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
    const opened = await loadExample(page);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'Chromium would not offer to install the page');
    const manifest = await cdp.send('Page.getAppManifest');
    assert.match(manifest.url, /manifest\.webmanifest$/);

    server.stop();
    serverStopped = true;
    const served = [];
    page.on('response', (response) => served.push({ url: response.url(), worker: response.fromServiceWorker() }));
    await page.reload();
    const s = await waitForState(page, (x) => x.startup === Startup.ready && x.frames > 1, 'the page to open offline');
    assert.equal(s.workspace.objectives, opened.workspace.objectives);
    assert.equal(s.workspace.check_ins, opened.workspace.check_ins);
    for (const file of ['index.html', 'app.js', 'app.wasm', 'app.data'])
      assert.ok(served.some((r) => r.url.endsWith(file) && r.worker), `${file} did not come from the service worker`);
    await screenshot(page, 'travel-02-offline');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    if (!serverStopped) server.stop();
  }
});
