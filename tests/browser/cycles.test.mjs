// The cycle planner end to end, on the example company as it stands on Wednesday
// 2027-03-03 (2026 Q4 closed, 2027 Q1 active, 2027 Q2 a draft): the cycles listed by start
// date; the next quarter planned with its calendar dates; a cycle with objectives refused
// deletion; 2027 Q1 closed, its final scores frozen as the method computes them; a score
// overridden only with a note; a team's retrospective carrying two objectives forward into
// the Q2 draft, re-baselined; the draft activated. Every step is stored and undoable.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  withBrowser, openApp, state, waitForState, click, typeInto, findWidget, widgets, screenshot,
  storedWorkspace, samplesDir, Startup, SaveStatus, press,
  stored, waitForStored, shownText,
} from './harness.mjs';

const browser = withBrowser();
const today = '2027-03-03';
const example = JSON.parse(readFileSync(path.join(samplesDir, 'northwind-it.json'), 'utf8'));

const byId = (collection, id) => collection.find((entity) => entity.id === id);

test('the cycles are listed by start date with their state and objective count', async () => {
  const { page, problems } = browser;
  await openApp(page, `${browser.url}?today=${today}`);
  await click(page, '###first-example');
  await waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to open and be stored');
  await click(page, '###screen-cycles');

  const rows = [];
  for (const cycle of example.cycles) {
    assert.equal(await shownText(page, `###cycle-state-${cycle.id}`), cycle.state, cycle.id);
    const objectives = example.objectives.filter((o) => o.cycle === cycle.id).length;
    assert.equal(await shownText(page, `###cycle-count-${cycle.id}`),
      `${objectives} objective${objectives === 1 ? '' : 's'}`, cycle.id);
    rows.push({ start: cycle.start, y: (await findWidget(page, `###cycle-row-${cycle.id}`)).y });
  }
  const onScreen = [...rows].sort((a, b) => a.y - b.y).map((r) => r.start);
  assert.deepEqual(onScreen, rows.map((r) => r.start).sort());
  await screenshot(page, 'cycles-01-list');
  assert.deepEqual(problems, []);
});

test('planning the next quarter shows field problems in place, then stores 2027 Q3 as a draft', async () => {
  const { page, problems } = browser;
  const before = await storedWorkspace(page);
  await click(page, '###cycle-plan');
  // The form comes prefilled with the quarter after 2027 Q2; a day September lacks is refused.
  await typeInto(page, '###cycle-form-end', '2027-09-31');
  await click(page, '###cycle-form-save');
  const problem = await findWidget(page, '###cycle-form-problem-end');
  assert.match(problem.label, /2027-09-31/);
  await screenshot(page, 'cycles-02-plan-refused');
  assert.equal(await storedWorkspace(page), before);

  await typeInto(page, '###cycle-form-end', '2027-09-30');
  await click(page, '###cycle-form-save');
  const workspace = await waitForStored(page, (w) => w.cycles.length === example.cycles.length + 1,
    'the planned cycle to be stored');
  const planned = byId(workspace.cycles, 'c-2027q3');
  assert.deepEqual([planned.name, planned.start, planned.end, planned.state],
    ['2027 Q3', '2027-07-01', '2027-09-30', 'draft']);
  assert.equal(await shownText(page, '###cycle-state-c-2027q3'), 'draft');
  assert.equal(await shownText(page, '###cycle-count-c-2027q3'), 'no objectives yet');
  await findWidget(page, '###cycle-no-objectives');
  assert.deepEqual(problems, []);
});

test('a cycle holding objectives cannot be deleted and the dialog says why; an empty one can', async () => {
  const { page, problems } = browser;
  const before = await storedWorkspace(page);
  await click(page, '###cycle-row-c-2027q1');
  await click(page, '###cycle-delete-c-2027q1');
  const refusal = await findWidget(page, '###cycle-confirm-refusal');
  assert.match(refusal.label, /^It cannot be deleted\. '2027 Q1' still holds 6 objectives/);
  const labels = (await widgets(page)).map((w) => w.label);
  assert.ok(!labels.some((l) => l.endsWith('###cycle-confirm-yes')), 'no way to confirm a refused deletion');
  await click(page, '###cycle-confirm-no');
  assert.equal(await storedWorkspace(page), before);

  // An empty one goes, as one undoable step.
  await click(page, '###cycle-row-c-2027q3');
  await click(page, '###cycle-delete-c-2027q3');
  assert.match(await shownText(page, '###cycle-confirm-text'), /2027 Q3.*Undo brings it back\.$/);
  await click(page, '###cycle-confirm-yes');
  await waitForStored(page, (w) => !byId(w.cycles, 'c-2027q3'), 'the empty cycle to be deleted');
  await press(page, 'Control+z');
  const restored = await waitForStored(page, (w) => !!byId(w.cycles, 'c-2027q3'), 'the deletion to be undone');
  assert.equal(byId(restored.cycles, 'c-2027q3').start, '2027-07-01');
  assert.deepEqual(problems, []);
});

test('closing 2027 Q1 freezes the final scores the method computes', async () => {
  const { page, problems } = browser;
  await click(page, '###cycle-close-c-2027q1');
  assert.match(await shownText(page, '###cycle-confirm-text'), /^Scores will be frozen/);
  await click(page, '###cycle-confirm-yes');
  const workspace = await waitForStored(page, (w) => byId(w.cycles, 'c-2027q1').state === 'closed',
    'the cycle to be closed');

  // By hand, from the example's check-ins (docs/okr-method.md), rounded half away from zero:
  // retention increase 78 -> 90, last 84.18: 6.18 / 12 = 0.515 -> 0.5
  // resolution decrease 48 -> 24, last 32.58: 15.42 / 24 = 0.6425 -> 0.6
  // uptime at least 99.9: 7 of its 8 check-ins held (99.81 on 29 Jan did not) -> 0.875 -> 0.9
  // portal milestone driven by tasks: 3 of 4 done -> 0.75 -> 0.8
  const expected = { 'kr-retention': 0.5, 'kr-resolution': 0.6, 'kr-uptime': 0.9, 'kr-portal': 0.8 };
  for (const [id, score] of Object.entries(expected)) {
    assert.equal(byId(workspace.key_results, id).final_score, score, id);
    assert.equal(byId(workspace.key_results, id).score_note, undefined, id);
  }
  // The scoring screen opens on the closed cycle: the distribution counts the stored scores.
  const q1 = new Set(workspace.objectives.filter((o) => o.cycle === 'c-2027q1').map((o) => o.id));
  const scores = workspace.key_results.filter((k) => q1.has(k.objective)).map((k) => k.final_score);
  const band = (s) => (s < 0.4 ? 'red' : s < 0.7 ? 'yellow' : 'green');
  for (const name of ['red', 'yellow', 'green'])
    assert.equal(await shownText(page, `###score-band-${name}`), String(scores.filter((s) => band(s) === name).length), name);
  // logistics clients 2 -> 8, last 5: 3 / 6 = 0.5
  assert.equal(await shownText(page, '###score-computed-kr-logistics-clients'), '0.5');
  assert.equal(await shownText(page, '###score-final-kr-logistics-clients'), '0.5');
  await screenshot(page, 'cycles-03-scores');
  assert.deepEqual(problems, []);
});

test('an override without a note is refused in place; with a note it is stored', async () => {
  const { page, problems } = browser;
  const before = await storedWorkspace(page);
  await click(page, '###score-override-kr-logistics-clients');
  await typeInto(page, '###score-value-kr-logistics-clients', '0.7');
  await click(page, '###score-save-kr-logistics-clients');
  assert.match(await shownText(page, '###score-error-kr-logistics-clients'),
    /^Not saved\. Grading is a judgement: write down why the score differs from the computed one\.$/);
  assert.equal(await storedWorkspace(page), before);
  await screenshot(page, 'cycles-04a-override-refused');

  const note = 'Two letters of intent count';
  await typeInto(page, '###score-note-kr-logistics-clients', note);
  await click(page, '###score-save-kr-logistics-clients');
  const workspace = await waitForStored(page,
    (w) => byId(w.key_results, 'kr-logistics-clients').final_score === 0.7, 'the override to be stored');
  assert.equal(byId(workspace.key_results, 'kr-logistics-clients').score_note, note);
  assert.equal(await shownText(page, '###score-final-kr-logistics-clients'), '0.7');
  assert.equal(await shownText(page, '###score-computed-kr-logistics-clients'), '0.5');
  assert.equal(await shownText(page, '###score-reason-kr-logistics-clients'), `Overridden: ${note}`);
  await screenshot(page, 'cycles-04b-override-saved');
  assert.deepEqual(problems, []);
});

test('a retrospective carries two objectives forward into the Q2 draft, re-baselined', async () => {
  const { page, problems } = browser;
  await click(page, '###cycle-tab-retro');
  await click(page, '###retro-team-t-company');
  const learned = 'References sell, not price';
  const change = 'A reference visit a month';
  await typeInto(page, '###retro-learned', learned);
  await typeInto(page, '###retro-change', change);
  await click(page, '###retro-carry-o-co-logistics');
  await click(page, '###retro-carry-o-co-reliable');
  await click(page, '###retro-save');
  let workspace = await waitForStored(page,
    (w) => w.retrospectives.some((r) => r.cycle === 'c-2027q1' && r.team === 't-company'), 'the retrospective');
  const retrospective = workspace.retrospectives.find((r) => r.cycle === 'c-2027q1' && r.team === 't-company');
  assert.deepEqual([retrospective.learned, retrospective.change_next, [...retrospective.carry_forward].sort()],
    [learned, change, ['o-co-logistics', 'o-co-reliable']]);
  assert.equal(await shownText(page, '###retro-mark-t-company'), 'written');
  await screenshot(page, 'cycles-05-retrospective');

  await click(page, '###carry-go');
  workspace = await waitForStored(page, (w) => w.objectives.some((o) => o.carried_from === 'o-co-reliable'),
    'the carried objectives');
  const copies = workspace.objectives.filter((o) => ['o-co-logistics', 'o-co-reliable'].includes(o.carried_from));
  assert.deepEqual(copies.map((o) => [o.id, o.cycle, o.carried_from]).sort(), [
    ['o-co-logistics.c-2027q2', 'c-2027q2', 'o-co-logistics'],
    ['o-co-reliable.c-2027q2', 'c-2027q2', 'o-co-reliable'],
  ]);
  // Each KR starts from its latest value in Q1 and is due at the end of Q2, unscored.
  const latest = {
    'kr-logistics-arr': 0.75, 'kr-logistics-clients': 5, 'kr-retention': 84.18, 'kr-nps': 36.61,
    'kr-incident-response': 2.14,
  };
  for (const [source, baseline] of Object.entries(latest)) {
    const copy = byId(workspace.key_results, `${source}.c-2027q2`);
    const original = byId(example.key_results, source);
    assert.ok(copy, source);
    assert.deepEqual([copy.baseline, copy.target, copy.deadline, copy.final_score, copy.score_note],
      [baseline, original.target, '2027-06-30', undefined, undefined], source);
  }
  assert.equal(await shownText(page, '###carried-summary'), 'Created 2 draft objectives in 2027 Q2');
  await screenshot(page, 'cycles-06-carried');

  await click(page, '###carried-open');
  await waitForState(page, (s) => s.cycle === 'c-2027q2', 'the cascade to show 2027 Q2');
  await findWidget(page, '###screen-cascade');
  assert.deepEqual(problems, []);
});

test('activating the draft is confirmed, stored and one undoable step', async () => {
  const { page, problems } = browser;
  await click(page, '###screen-cycles');
  await click(page, '###cycle-row-c-2027q2');
  assert.equal(await shownText(page, '###cycle-count-c-2027q2'), '3 objectives');
  await click(page, '###cycle-activate-c-2027q2');
  assert.match(await shownText(page, '###cycle-confirm-text'), /^It becomes a running cycle: weekly check-ins start/);
  await click(page, '###cycle-confirm-yes');
  await waitForStored(page, (w) => byId(w.cycles, 'c-2027q2').state === 'active', 'the activation');
  assert.equal(await shownText(page, '###cycle-state-c-2027q2'), 'active');

  await press(page, 'Control+z');
  await waitForStored(page, (w) => byId(w.cycles, 'c-2027q2').state === 'draft', 'the undo');
  await click(page, '###redo');
  await waitForStored(page, (w) => byId(w.cycles, 'c-2027q2').state === 'active', 'the redo');
  await screenshot(page, 'cycles-07-activated');
  assert.deepEqual(problems, []);
});
