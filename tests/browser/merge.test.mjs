// Merging a teammate's offline copy: the preview lists what would change, Cancel leaves
// IndexedDB exactly as it was, Merge brings the new check-ins and keeps the deletion.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  withBrowser, openApp, state, waitForState, click, findWidget, screenshot, storedWorkspace,
  dumpDatabase, samplesDir, Startup, SaveStatus,
  openThroughPicker,
} from './harness.mjs';

const browser = withBrowser();

const salesFile = path.join(samplesDir, 'northwind-sales-offline.json');

test('cancelling the merge preview leaves IndexedDB byte for byte as it was', async () => {
  const { page } = browser;
  await openApp(page, `${browser.url}?today=2027-03-04`);
  await click(page, '###first-example');
  await waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved, 'the save');
  const before = await dumpDatabase(page);

  await openThroughPicker(page, salesFile);
  const confirm = await findWidget(page, '###merge-confirm');
  assert.match(confirm.window, /Merge a teammate's file/);
  await findWidget(page, 'Raise win rate from 18% to 25%  (key_results)###note');
  await screenshot(page, 'merge-01-preview');
  await click(page, '###merge-cancel');

  const s = await state(page);
  assert.equal(s.workspace.check_ins, 99);
  assert.equal(await dumpDatabase(page), before);
});

test('merging brings the offline check-ins, removes the deleted KR and is saved', async () => {
  const { page, problems } = browser;
  await openThroughPicker(page, salesFile);
  await click(page, '###merge-confirm');
  await waitForState(page, (s) => s.workspace.check_ins > 99 && s.save_status === SaveStatus.saved, 'the merge');

  const stored = JSON.parse(await storedWorkspace(page));
  const krIds = stored.key_results.map((kr) => kr.id);
  assert.ok(krIds.includes('kr-logistics-meetings'));
  assert.ok(!krIds.includes('kr-checkins-held'));
  assert.ok(stored.deleted.some((t) => t.id === 'kr-checkins-held'));
  const pipeline = stored.objectives.find((o) => o.id === 'o-sales-pipeline');
  assert.equal(pipeline.title, 'Build a pipeline we can count on, in logistics first');
  await screenshot(page, 'merge-02-merged');
  assert.deepEqual(problems, []);
});
