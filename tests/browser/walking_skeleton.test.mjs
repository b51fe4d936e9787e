// The walking skeleton end to end: a fresh profile opens a real company's OKRs through the
// file chooser, records a check-in with mouse and keyboard, finds it after a reload and in
// the exported file; a broken file is refused with its problems shown and storage untouched.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  withBrowser, launch, openApp, state, waitForState, click, typeInto, findWidget, screenshot,
  storedWorkspace, samplesDir, fixturesDir, artifactsDir, Startup, SaveStatus,
} from './harness.mjs';

const browser = withBrowser();

async function chooseFile(page, buttonLabel, file) {
  const chooser = page.waitForEvent('filechooser');
  await click(page, buttonLabel);
  await (await chooser).setFiles(file);
}

test('a fresh profile shows the first-run choices without console errors', async () => {
  const { page, problems } = browser;
  const s = await openApp(page, browser.url);
  assert.equal(s.startup, Startup.first_run);
  await findWidget(page, '###first-open');
  await findWidget(page, '###first-example');
  await findWidget(page, '###first-new');
  await screenshot(page, 'skeleton-01-first-run');
  assert.deepEqual(problems, []);
});

test('opening northwind-it.json through the file chooser loads its 9 objectives and 20 KRs', async () => {
  const { page } = browser;
  await chooseFile(page, '###first-open', path.join(samplesDir, 'northwind-it.json'));
  const s = await waitForState(page, (x) => x.workspace?.objectives === 9, 'the import');
  assert.equal(s.workspace.key_results, 20);
  assert.equal(s.workspace.check_ins, 99);
  assert.equal(s.cycle, 'c-2027q1');
  await waitForState(page, (x) => x.save_status === SaveStatus.saved, 'the first save');
  await screenshot(page, 'skeleton-02-imported');
});

test('a check-in typed into the form is stored, survives a reload and is exported', async () => {
  const { page, problems } = browser;
  await click(page, '###kr-kr-retention');
  await waitForState(page, (x) => x.selected_key_result === 'kr-retention', 'the KR to open');

  await typeInto(page, '###checkin-value', '86.5');
  await click(page, '###checkin-confidence', { xFraction: 0.8 });
  await typeInto(page, '###checkin-note', 'Two renewals signed early – Kovač team');
  await screenshot(page, 'skeleton-03-check-in-form');
  await click(page, '###checkin-record');
  await waitForState(page, (x) => x.workspace.check_ins === 100 && x.save_status === SaveStatus.saved,
    'the check-in to be saved');

  await page.reload();
  const reloaded = await waitForState(page, (x) => x.startup === Startup.ready && x.frames > 1, 'the reload');
  assert.equal(reloaded.workspace.check_ins, 100);

  const download = page.waitForEvent('download');
  await click(page, '###export-menu');
  await click(page, '###export-file');
  const file = path.join(artifactsDir, 'exports', 'walking-skeleton.json');
  await (await download).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  const recorded = exported.check_ins.filter((c) => c.note === 'Two renewals signed early – Kovač team');
  assert.equal(recorded.length, 1);
  assert.equal(recorded[0].key_result, 'kr-retention');
  assert.equal(recorded[0].value, 86.5);
  assert.ok(recorded[0].confidence > 0.6 && recorded[0].confidence < 0.95, `confidence ${recorded[0].confidence}`);
  assert.match(recorded[0].date, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(problems, []);
});

test('a broken file is refused with its problems listed, and storage is unchanged', async () => {
  const { page } = browser;
  const before = await storedWorkspace(page);
  assert.ok(before && before.includes('Two renewals signed early'));

  await chooseFile(page, '###open-file', path.join(fixturesDir, 'broken/northwind-three-problems.json'));
  const close = await findWidget(page, '###problems-close');
  assert.match(close.window, /The file was not opened/);
  await screenshot(page, 'skeleton-04-refused');
  const s = await state(page);
  assert.equal(s.workspace.check_ins, 100);
  assert.equal(await storedWorkspace(page), before);
  await click(page, '###problems-close');
});

test('closing the browser and opening it again on the same profile brings the workspace back', async () => {
  await browser.context.close();
  Object.assign(browser, await launch({ profileDir: browser.userDataDir }));
  const s = await openApp(browser.page, browser.url);
  assert.equal(s.startup, Startup.ready);
  assert.equal(s.workspace.check_ins, 100);
  assert.deepEqual(browser.problems, []);
});
