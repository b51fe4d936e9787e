// Undo and redo across the whole product: three edits of different kinds made on three
// screens (a check-in in the cascade's panel, a KPI reading on the board, a task ticked in a
// key result's tasks) are taken back one at a time from yet another screen with Ctrl+Z, the
// stored workspace stepping back each time, then redone with Ctrl+Shift+Z, Ctrl+Y and
// Cmd+Shift+Z as on macOS. A new edit after an undo drops what could be redone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withBrowser, openApp, state, waitForState, click, findWidget, typeInto, press, screenshot, storedWorkspace,
  nextFrames, Startup, SaveStatus,
  stored, scrollIntoView,
} from './harness.mjs';

const browser = withBrowser();
const today = '2027-03-03';

// What the three edits touch, as stored now.
async function snapshot(page) {
  const w = await stored(page);
  return {
    checkIns: w.check_ins.filter((c) => c.key_result === 'kr-retention' && c.date === today).map((c) => c.value),
    readings: w.kpis.find((k) => k.id === 'k-first-response').readings.filter((r) => r.date === today)
      .map((r) => r.value),
    taskDone: w.tasks.find((t) => t.id === 'task-portal-4').done,
  };
}

async function storedBecomes(page, expected, what) {
  const start = Date.now();
  let last;
  while (Date.now() - start < 15000) {
    const s = await state(page);
    if (s.save_status === SaveStatus.saved) {
      last = await snapshot(page);
      if (JSON.stringify(last) === JSON.stringify(expected)) return last;
    }
    await nextFrames(page, 2);
  }
  await screenshot(page, `undo-failed-${what.replaceAll(' ', '-')}`);
  throw new Error(`timed out waiting for ${what}: stored ${JSON.stringify(last)}, wanted ${JSON.stringify(expected)}`);
}

const none = { checkIns: [], readings: [], taskDone: false };
const checkedIn = { ...none, checkIns: [86] };
const read = { ...checkedIn, readings: [95.1] };
const ticked = { ...read, taskDone: true };

test('three edits on three screens are stored one by one', async () => {
  const { page, problems } = browser;
  await openApp(page, `${browser.url}?today=${today}`);
  await click(page, '###first-example');
  await waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to open and be stored');
  await storedBecomes(page, none, 'the example as shipped');

  await click(page, '###kr-kr-retention');
  await typeInto(page, '###checkin-value', '86');
  await click(page, '###checkin-record');
  await storedBecomes(page, checkedIn, 'the check-in');

  await click(page, '###screen-kpis');
  await click(page, '###kpi-reading-value-k-first-response');
  await page.keyboard.type('95.1', { delay: 10 });
  await press(page, 'Enter');
  await storedBecomes(page, read, 'the reading');

  await click(page, '###screen-cascade');
  await scrollIntoView(page, '###kr-kr-portal');
  await click(page, '###kr-kr-portal');
  await click(page, '###kr-page-tasks');
  await click(page, '###task-done-task-portal-4');
  await storedBecomes(page, ticked, 'the task');
  assert.deepEqual(problems, []);
});

test('Ctrl+Z takes them back one at a time, newest first, from another screen', async () => {
  const { page, problems } = browser;
  await click(page, '###screen-cycles');
  await press(page, 'Control+z');
  await storedBecomes(page, read, 'the task undone');
  await press(page, 'Control+z');
  await storedBecomes(page, checkedIn, 'the reading undone');
  await press(page, 'Control+z');
  await storedBecomes(page, none, 'the check-in undone');
  // Nothing of this session is left to undo; the next Ctrl+Z changes nothing.
  assert.equal((await state(page)).can_undo, false);
  await press(page, 'Control+z');
  await nextFrames(page, 4);
  assert.deepEqual(await snapshot(page), none);
  await screenshot(page, 'undo-01-all-undone');
  assert.deepEqual(problems, []);
});

test('Ctrl+Shift+Z, Ctrl+Y and Cmd+Shift+Z redo them in order', async () => {
  const { page, problems } = browser;
  await press(page, 'Control+Shift+z');
  await storedBecomes(page, checkedIn, 'the check-in redone');
  await press(page, 'Control+y');
  await storedBecomes(page, read, 'the reading redone');
  await press(page, 'Meta+Shift+z');
  await storedBecomes(page, ticked, 'the task redone');
  await press(page, 'Meta+z');
  await storedBecomes(page, read, 'the task undone with Cmd+Z');
  assert.deepEqual(problems, []);
});

test('an edit after an undo leaves nothing to redo', async () => {
  const { page, problems } = browser;
  await click(page, '###screen-cascade');
  await scrollIntoView(page, '###kr-kr-portal');
  await click(page, '###kr-kr-portal');
  await click(page, '###kr-page-tasks');
  await click(page, '###task-done-task-portal-4');
  await storedBecomes(page, ticked, 'the task ticked again');
  await press(page, 'Control+z');
  await storedBecomes(page, read, 'the task undone');

  await click(page, '###task-done-task-portal-3');
  await waitForState(page, (s) => s.save_status === SaveStatus.saved, 'the other task to be stored');
  const before = await stored(page);
  assert.equal(before.tasks.find((t) => t.id === 'task-portal-3').done, false);
  await press(page, 'Control+y');
  await nextFrames(page, 4);
  const after = await stored(page);
  assert.deepEqual(after.tasks, before.tasks, 'a redo after a new edit changed the tasks');
  assert.equal(after.tasks.find((t) => t.id === 'task-portal-4').done, false);
  assert.deepEqual(problems, []);
});
