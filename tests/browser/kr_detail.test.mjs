// The key result's detail on the example company as it stands on 2027-03-03: the portal
// milestone moves with its tasks (ticking one is one undoable edit, and the KR's progress
// moves by exactly one task's share); a task is added with Enter and deleted after the
// confirmation; a dependency is added to another KR, stored, and removed; the retention
// KR's chart shows each reading's date, value, confidence and note on hover.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withBrowser, openApp, state, waitForState, click, typeInto, findWidget, widgets, screenshot, storedWorkspace,
  nextFrames, press, Startup, SaveStatus,
  stored, waitForStored, scrollIntoView,
} from './harness.mjs';

const browser = withBrowser();
const today = '2027-03-03';

// docs/okr-method.md: a milestone with tasks progresses by the fraction of them done.
function milestoneProgress(workspace, kr) {
  const tasks = workspace.tasks.filter((t) => t.key_result === kr);
  return tasks.filter((t) => t.done).length / tasks.length;
}

test('ticking a task of the portal milestone moves its progress by one task’s share, undoably', async () => {
  const { page, problems } = browser;
  await openApp(page, `${browser.url}?today=${today}`);
  await click(page, '###first-example');
  await waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to open and be stored');

  await scrollIntoView(page, '###kr-kr-portal');
  await click(page, '###kr-kr-portal');
  const opened = await waitForState(page, (s) => s.selected_key_result === 'kr-portal', 'the portal KR to open');
  const before = await stored(page);
  assert.equal(before.tasks.find((t) => t.id === 'task-portal-4').done, false);
  assert.equal(opened.selected_key_result_progress, milestoneProgress(before, 'kr-portal'));
  assert.equal(opened.selected_key_result_progress, 0.75);  // 3 of 4 done

  await click(page, '###kr-page-tasks');
  await screenshot(page, 'kr-detail-01-tasks');
  await click(page, '###task-done-task-portal-4');
  const ticked = await waitForStored(page, (w) => w.tasks.find((t) => t.id === 'task-portal-4').done,
    'the task to be stored done');
  assert.equal(milestoneProgress(ticked, 'kr-portal'), 1);
  const after = await waitForState(page, (s) => s.selected_key_result_progress === 1, 'the KR to reach 100 %');
  assert.equal(after.selected_key_result_progress - opened.selected_key_result_progress, 1 / 4);
  // Only the task changed.
  assert.deepEqual(ticked.tasks.filter((t) => t.id !== 'task-portal-4'),
    before.tasks.filter((t) => t.id !== 'task-portal-4'));
  await screenshot(page, 'kr-detail-02-task-ticked');

  // One undoable step: undo brings the task and the progress back.
  await click(page, '###undo');
  await waitForStored(page, (w) => !w.tasks.find((t) => t.id === 'task-portal-4').done, 'the undo to be stored');
  await waitForState(page, (s) => s.selected_key_result_progress === 0.75, 'the KR back at 75 %');
  assert.deepEqual(problems, []);
});

test('a task typed and entered is added to the KR, and deleted after the confirmation', async () => {
  const { page, problems } = browser;
  const before = await stored(page);
  await typeInto(page, '###task-new-title', 'Train the service desk on the portal');
  await press(page, 'Enter');
  const added = await waitForStored(page, (w) => w.tasks.length === before.tasks.length + 1, 'the new task');
  const task = added.tasks.find((t) => !before.tasks.some((b) => b.id === t.id));
  assert.equal(task.key_result, 'kr-portal');
  assert.equal(task.title, 'Train the service desk on the portal');
  assert.equal(task.done, false);
  // Three of five done now.
  await waitForState(page, (s) => s.selected_key_result_progress === 3 / 5, 'the KR at 60 %');
  // The field is empty again and ready for the next one.
  assert.equal((await state(page)).text_input_active, true);

  // A blank title is refused, and nothing is stored.
  await press(page, 'Enter');
  await nextFrames(page, 3);
  assert.equal((await stored(page)).tasks.length, added.tasks.length);

  await click(page, `###task-delete-${task.id}`);
  const confirm = await findWidget(page, '###task-delete-confirm');
  assert.match(confirm.window, /Delete the task\?/);
  await screenshot(page, 'kr-detail-03-delete-task');
  await click(page, '###task-delete-confirm');
  const deleted = await waitForStored(page, (w) => !w.tasks.some((t) => t.id === task.id), 'the task to go');
  assert.ok(deleted.deleted.some((d) => d.id === task.id), 'a tombstone stays');
  assert.deepEqual(deleted.tasks, before.tasks);
  await waitForState(page, (s) => s.selected_key_result_progress === 0.75, 'the KR back at 75 %');
  assert.deepEqual(problems, []);
});

test('a dependency on another key result is added with its note, stored, and removed', async () => {
  const { page, problems } = browser;
  await click(page, '###kr-page-dependencies');
  // The example's Service Desk resolution KR needs the portal.
  await findWidget(page, '###dep-remove-dep-1');
  const before = await stored(page);

  await click(page, '###dep-target');
  await click(page, '###dep-option-kr-nps');
  await typeInto(page, '###dep-note', 'Portal feedback feeds the NPS survey');
  await click(page, '###dep-add');
  const added = await waitForStored(page, (w) => w.dependencies.length === before.dependencies.length + 1,
    'the new dependency');
  const dependency = added.dependencies.find((d) => !before.dependencies.some((b) => b.id === d.id));
  assert.deepEqual([dependency.from, dependency.to, dependency.note],
    ['kr-portal', 'kr-nps', 'Portal feedback feeds the NPS survey']);
  await screenshot(page, 'kr-detail-04-dependencies');

  await click(page, `###dep-remove-${dependency.id}`);
  const removed = await waitForStored(page, (w) => !w.dependencies.some((d) => d.id === dependency.id),
    'the dependency to go');
  assert.deepEqual(removed.dependencies, before.dependencies);
  assert.deepEqual(problems, []);
});

test('the chart of a KR with readings shows each point’s date, value, confidence and note on hover', async () => {
  const { page, problems } = browser;
  await page.mouse.move(300, 500);
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, -400);
    await nextFrames(page, 2);
  }
  await click(page, '###kr-kr-retention');
  await waitForState(page, (s) => s.selected_key_result === 'kr-retention', 'the retention KR to open');
  await click(page, '###kr-page-chart');
  await page.mouse.move(5, 5);
  await nextFrames(page, 2);
  await screenshot(page, 'kr-detail-05-chart');

  // The corrected reading of 22 January carries a note; the one it replaced is not drawn.
  const workspace = await stored(page);
  const reading = workspace.check_ins.find((c) => c.id === 'ci-retention-03b');
  const labels = (await widgets(page)).map((w) => w.label);
  assert.ok(!labels.includes('###chart-point-ci-retention-03'), 'a superseded reading is not a point');
  const point = await findWidget(page, '###chart-point-ci-retention-03b');
  await page.mouse.move(point.x + point.w / 2, point.y + point.h / 2, { steps: 3 });
  await nextFrames(page, 3);
  const status = reading.confidence >= 0.7 ? 'on track' : reading.confidence >= 0.3 ? 'at risk' : 'off track';
  const unit = workspace.key_results.find((k) => k.id === 'kr-retention').unit;  // "%" sticks to the number
  const value = unit === '%' ? `${reading.value}%` : `${reading.value} ${unit}`;
  const hovered = await waitForState(page, (s) => s.chart_tooltip !== '', 'the tooltip');
  assert.equal(hovered.chart_tooltip,
    `${reading.date}\nValue ${value}\nConfidence ${reading.confidence} (${status})\n${reading.note}`);
  await screenshot(page, 'kr-detail-06-chart-hover');

  await page.mouse.move(5, 5);
  await waitForState(page, (s) => s.chart_tooltip === '', 'the tooltip to close');
  assert.deepEqual(problems, []);
});
