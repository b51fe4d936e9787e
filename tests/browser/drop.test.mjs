// A file dragged onto the page from the desktop opens as if it had been picked: on a
// first run it becomes the workspace, into a workspace it goes through the merge preview.
// Playwright cannot drive the operating system's drag, so the page receives the same
// DOM events (dragenter, dragover, drop) that a drag from the desktop delivers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  withBrowser, openApp, state, waitForState, click, findWidget, screenshot, storedWorkspace,
  dumpDatabase, nextFrames, samplesDir, Startup, SaveStatus,
  problemsDialog,
} from './harness.mjs';

const browser = withBrowser();

const companyFile = path.join(samplesDir, 'northwind-it.json');
const salesFile = path.join(samplesDir, 'northwind-sales-offline.json');

// A DataTransfer holding the given files, as the browser builds one for a desktop drag.
async function filesBeingDragged(page, files) {
  return page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    return transfer;
  }, files.map((f) => ({ name: f.name, type: f.type || 'application/json', base64: Buffer.from(f.bytes).toString('base64') })));
}

function fileFrom(filePath) {
  return { name: path.basename(filePath), bytes: readFileSync(filePath) };
}

async function dragOver(page, transfer) {
  await page.dispatchEvent('#canvas', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#canvas', 'dragover', { dataTransfer: transfer });
  await nextFrames(page, 2);
}

async function drop(page, files) {
  const transfer = await filesBeingDragged(page, files);
  await dragOver(page, transfer);
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: transfer });
  await nextFrames(page, 3);
}

test('a file dropped on a first run becomes the stored workspace', async () => {
  const { page } = browser;
  const first = await openApp(page, `${browser.url}?today=2027-03-04`);
  assert.equal(first.startup, Startup.first_run);

  const transfer = await filesBeingDragged(page, [fileFrom(companyFile)]);
  await dragOver(page, transfer);
  assert.equal((await state(page)).file_dragged_over, true);
  await screenshot(page, 'drop-01-dragging-over-first-run');
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: transfer });

  const s = await waitForState(page, (x) => x.startup === Startup.ready && x.save_status === SaveStatus.saved,
    'the dropped file to be stored');
  assert.equal(s.file_dragged_over, false);
  const company = JSON.parse(readFileSync(companyFile, 'utf8'));
  assert.equal(s.workspace.objectives, company.objectives.length);
  assert.equal(JSON.parse(await storedWorkspace(page)).check_ins.length, company.check_ins.length);
});

test('a drag that leaves the page again takes its hint with it', async () => {
  const { page } = browser;
  const transfer = await filesBeingDragged(page, [fileFrom(salesFile)]);
  await dragOver(page, transfer);
  assert.equal((await state(page)).file_dragged_over, true);
  await screenshot(page, 'drop-02-dragging-over-workspace');
  await page.dispatchEvent('#canvas', 'dragleave', { dataTransfer: transfer });
  await nextFrames(page, 2);
  assert.equal((await state(page)).file_dragged_over, false);
});

test('a teammate\'s file dropped on a workspace is previewed, and merged only on Merge', async () => {
  const { page, problems } = browser;
  const before = await dumpDatabase(page);
  const checkIns = (await state(page)).workspace.check_ins;

  await drop(page, [fileFrom(salesFile)]);
  const confirm = await findWidget(page, '###merge-confirm');
  assert.match(confirm.window, /Merge a teammate's file/);
  await screenshot(page, 'drop-03-merge-preview');
  assert.equal(await dumpDatabase(page), before, 'the preview wrote to storage');

  await click(page, '###merge-confirm');
  const merged = await waitForState(page, (s) => s.workspace.check_ins > checkIns && s.save_status === SaveStatus.saved,
    'the merge');
  const stored = JSON.parse(await storedWorkspace(page));
  assert.ok(stored.key_results.some((kr) => kr.id === 'kr-logistics-meetings'));
  assert.equal(stored.check_ins.length, merged.workspace.check_ins);
  assert.deepEqual(problems, []);
});

test('two files dropped at once are refused together, and nothing changes', async () => {
  const { page } = browser;
  const before = await dumpDatabase(page);
  await drop(page, [fileFrom(salesFile), fileFrom(companyFile)]);
  await problemsDialog(page, /The files were not opened/);
  await screenshot(page, 'drop-04-two-files');
  await click(page, '###problems-close');
  assert.equal(await dumpDatabase(page), before);
});

test('a dropped picture is refused with the reason, and nothing changes', async () => {
  const { page } = browser;
  const before = await dumpDatabase(page);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  await drop(page, [{ name: 'team-photo.png', type: 'image/png', bytes: png }]);
  await problemsDialog(page, /The file was not opened/);
  await screenshot(page, 'drop-05-picture');
  await click(page, '###problems-close');
  assert.equal(await dumpDatabase(page), before);
  assert.equal((await state(page)).file_dragged_over, false);
});
