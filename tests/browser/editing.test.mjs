// Creating, editing and deleting on the example company as it stands on 2027-03-03, with
// the mouse and keyboard only: a team and a person from "People & teams", an objective of
// the new team aligned through the parent picker to the enclosing team's objective, a key
// result with its numbers, the coach's findings changing while the form is typed, refused
// saves that store nothing, edits checked field by field in storage, and the deletion of
// an objective with its key results and check-ins, confirmed, then undone; renaming a team
// and a person, and deleting the person, which unlinks what they owned.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withBrowser, openApp, waitForState, click, typeInto, press, findWidget, widgets, screenshot,
  storedWorkspace, nextFrames, Startup, SaveStatus,
  stored, replaceText,
} from './harness.mjs';

const browser = withBrowser();
const today = '2027-03-03';
const stampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// Waits until storage holds what `ready` looks for, and returns that workspace.
async function storedWhen(page, ready, what) {
  const start = Date.now();
  for (;;) {
    await waitForState(page, (s) => s.save_status === SaveStatus.saved, `${what} to be saved`);
    const workspace = await stored(page);
    if (ready(workspace)) return workspace;
    if (Date.now() - start > 10000) {
      await screenshot(page, `editing-failed-${what.replaceAll(' ', '-')}`);
      throw new Error(`storage never showed ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function label(widget) {
  return widget.label.slice(0, widget.label.indexOf('###'));
}

async function findings(page) {
  return (await widgets(page)).filter((w) => w.label.includes('###editor-finding-'))
    .map((w) => w.label.slice(w.label.indexOf('###editor-finding-') + '###editor-finding-'.length));
}

// The live findings are worked out a frame after the draft changes.
async function waitForFindings(page, predicate, what) {
  const start = Date.now();
  let seen = [];
  while (Date.now() - start < 5000) {
    seen = await findings(page);
    if (predicate(seen)) return seen;
    await nextFrames(page, 2);
  }
  await screenshot(page, 'editing-failed-coach');
  throw new Error(`the coach never showed ${what}; it showed ${seen.join(', ')}`);
}

// Scrolls the cascade from its top down until the widget is on screen.
async function scrollTo(page, wanted) {
  await page.mouse.move(400, 500);
  await page.mouse.wheel(0, -20000);
  await nextFrames(page, 3);
  for (let i = 0; i < 40; i++) {
    const found = (await widgets(page)).find((w) => w.label.endsWith(wanted) && w.h > 4);
    if (found && found.y > 80 && found.y + found.h < 880) return found;
    await page.mouse.wheel(0, 300);
    await nextFrames(page, 3);
  }
  throw new Error(`${wanted} never came into view`);
}

// What the core says goes with an objective, worked out from the stored data the way the
// confirmation must say it.
function expectedObjectiveSummary(workspace, objective) {
  const krs = workspace.key_results.filter((k) => k.objective === objective.id).map((k) => k.id);
  const checkIns = workspace.check_ins.filter((c) => krs.includes(c.key_result)).length;
  const tasks = workspace.tasks.filter((t) => krs.includes(t.key_result)).length;
  const touched = [objective.id, ...krs];
  const dependencies = workspace.dependencies.filter((d) => touched.includes(d.from) || touched.includes(d.to)).length;
  const counted = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const parts = [];
  if (krs.length) parts.push(counted(krs.length, 'key result', 'key results'));
  if (checkIns) parts.push(counted(checkIns, 'check-in', 'check-ins'));
  if (tasks) parts.push(counted(tasks, 'task', 'tasks'));
  if (dependencies) parts.push(counted(dependencies, 'dependency', 'dependencies'));
  const listed = (items) => items.map((p, i) => (i === 0 ? '' : i + 1 === items.length ? ' and ' : ', ') + p).join('');
  // Aligned below it or carried forward from it, and retrospectives carrying it forward.
  const objectives = workspace.objectives.filter((o) => o.parent === objective.id || o.carried_from === objective.id);
  const retrospectives = workspace.retrospectives.filter((r) => (r.carry_forward || []).includes(objective.id));
  const unlinkedParts = [];
  if (objectives.length) unlinkedParts.push(counted(objectives.length, 'objective', 'objectives'));
  if (retrospectives.length) unlinkedParts.push(counted(retrospectives.length, 'retrospective', 'retrospectives'));
  const unlinkedCount = objectives.length + retrospectives.length;
  const unlinked = unlinkedCount
    ? `; ${listed(unlinkedParts)} ${unlinkedCount === 1 ? 'loses its' : 'lose their'} link to it` : '';
  return {
    text: `Deletes the objective '${objective.title}' with its ${listed(parts)}${unlinked}`,
    krs, checkIns, unlinked: objectives.map((o) => o.id),
  };
}

const ids = {};

test('a team and a person are created from People & teams; a nameless person is refused', async () => {
  const { page, problems } = browser;
  await openApp(page, `${browser.url}?today=${today}`);
  await click(page, '###first-example');
  await waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to open and be stored');
  const before = await stored(page);

  await click(page, '###people-teams-open');
  await findWidget(page, '###edit-team-t-servicedesk');
  await screenshot(page, 'editing-01-people-teams');

  await click(page, '###add-team');
  await typeInto(page, '###editor-name', 'Field Services');
  await click(page, '###editor-parent');
  await click(page, '###editor-parent-t-servicedesk');
  await screenshot(page, 'editing-02-team-form');
  await click(page, '###editor-save');
  let workspace = await storedWhen(page, (w) => w.teams.length === before.teams.length + 1, 'the new team');
  const team = workspace.teams.find((t) => !before.teams.some((b) => b.id === t.id));
  assert.match(team.id, /^t-[0-9a-z]+$/);
  assert.deepEqual({ ...team, updated_at: undefined },
    { id: team.id, name: 'Field Services', parent: 't-servicedesk', updated_at: undefined });
  assert.match(team.updated_at, stampPattern);
  ids.team = team.id;
  await findWidget(page, `###edit-team-${team.id}`);

  // Saving a person without a name shows why under the field, and stores nothing.
  await click(page, '###add-person');
  await click(page, '###editor-save');
  const problem = await findWidget(page, '###problem-name');
  assert.equal(label(problem), 'Enter a name.');
  assert.match(label(await findWidget(page, '###editor-refusal')), /^The person was not saved: 1 field needs attention\.$/);
  await screenshot(page, 'editing-03-person-refused');
  assert.equal((await stored(page)).people.length, before.people.length);

  // The same form, filled in, saves with Enter from the email field.
  await typeInto(page, '###editor-name', 'Farah Haddad');
  await typeInto(page, '###editor-email', 'farah@northwind.example');
  await press(page, 'Enter');
  workspace = await storedWhen(page, (w) => w.people.length === before.people.length + 1, 'the new person');
  const person = workspace.people.find((p) => !before.people.some((b) => b.id === p.id));
  assert.match(person.id, /^p-[0-9a-z]+$/);
  assert.equal(person.name, 'Farah Haddad');
  assert.equal(person.email, 'farah@northwind.example');
  ids.person = person.id;

  // Escape cancels a form without saving it.
  await click(page, `###edit-person-${person.id}`);
  await typeInto(page, '###editor-name', 'Someone else');
  await press(page, 'Escape');
  await nextFrames(page, 3);
  assert.ok(!(await widgets(page)).some((w) => w.label.endsWith('###editor-save')));
  assert.equal((await stored(page)).people.find((p) => p.id === person.id).name, 'Farah Haddad');

  await click(page, '###people-teams-close');
  assert.deepEqual(problems, []);
});

test('an objective is aligned through the parent picker while the coach follows the draft', async () => {
  const { page, problems } = browser;
  const before = await stored(page);
  await scrollTo(page, `###add-objective-${ids.team}`);
  await click(page, `###add-objective-${ids.team}`);
  await findWidget(page, '###editor-title');

  // A blank title is refused under the field and nothing is stored.
  await click(page, '###editor-save');
  assert.equal(label(await findWidget(page, '###problem-title')), 'Enter a title.');
  assert.equal((await stored(page)).objectives.length, before.objectives.length);

  await typeInto(page, '###editor-title', 'Fix it on the first visit');
  // Service Desk, the team above, has objectives in this cycle, and no KPI is linked yet.
  await waitForFindings(page, (f) => f.includes('not-aligned') && f.includes('no-kpi') && f.includes('kr-count'),
    'not-aligned, no-kpi and kr-count');

  await click(page, '###editor-aligns');
  const candidates = (await widgets(page)).filter((w) => /###editor-aligns-o-/.test(w.label))
    .sort((a, b) => a.y - b.y);
  // The enclosing team's objective first, then the company's two levels up.
  assert.equal(label(candidates[0]), 'Make every client feel their issue is handled at once  ·  Service Desk, 1 level up');
  assert.deepEqual(candidates.slice(1, 3).map(label), [
    'Become the most reliable IT partner for mid-market clients in our region  ·  Northwind IT, 2 levels up',
    'Grow into the logistics sector  ·  Northwind IT, 2 levels up',
  ]);
  await screenshot(page, 'editing-04-parent-picker');
  await click(page, '###editor-aligns-o-sd-fast');
  await waitForFindings(page, (f) => !f.includes('not-aligned'), 'not-aligned gone once aligned');

  await typeInto(page, '###editor-description', 'On-site visits that end with the problem solved.');
  await click(page, '###editor-owner');
  await click(page, `###editor-owner-${ids.person}`);
  await click(page, '###editor-commitment-committed');
  await click(page, '###editor-perspective');
  await click(page, '###editor-perspective-customer');
  await click(page, '###editor-kpi-k-first-response');
  await waitForFindings(page, (f) => !f.includes('no-kpi') && f.includes('kr-count'), 'no-kpi gone once linked');
  await screenshot(page, 'editing-05-objective-form');
  await click(page, '###editor-save');

  const workspace = await storedWhen(page, (w) => w.objectives.length === before.objectives.length + 1,
    'the new objective');
  const objective = workspace.objectives.find((o) => !before.objectives.some((b) => b.id === o.id));
  assert.match(objective.id, /^o-[0-9a-z]+$/);
  assert.match(objective.updated_at, stampPattern);
  assert.deepEqual({ ...objective, updated_at: undefined }, {
    id: objective.id, cycle: 'c-2027q1', team: ids.team, title: 'Fix it on the first visit',
    description: 'On-site visits that end with the problem solved.', owner: ids.person, parent: 'o-sd-fast',
    commitment: 'committed', perspective: 'customer', kpis: ['k-first-response'], updated_at: undefined,
  });
  ids.objective = objective.id;
  assert.deepEqual(problems, []);
});

test('a key result is added with its numbers; the coach speaks up while its title is typed', async () => {
  const { page, problems } = browser;
  const before = await stored(page);
  await scrollTo(page, `###add-key-result-${ids.objective}`);
  await click(page, `###add-key-result-${ids.objective}`);
  await findWidget(page, '###editor-deadline');

  await typeInto(page, '###editor-title', 'Hold 20 on-site reviews');
  await waitForFindings(page, (f) => f.includes('kr-activity') && f.includes('kr-missing-number'),
    'kr-activity and kr-missing-number');
  await typeInto(page, '###editor-title', 'Raise first-visit fixes from 62% to 85%');
  await typeInto(page, '###editor-baseline', '62');
  await typeInto(page, '###editor-target', '85');
  await typeInto(page, '###editor-unit', '%');
  await typeInto(page, '###editor-deadline', '2027-03-26');
  await waitForFindings(page, (f) => !f.includes('kr-activity') && !f.includes('kr-missing-number'),
    'both gone once the title names an outcome and the numbers are in');
  await click(page, '###editor-owner');
  await click(page, `###editor-owner-${ids.person}`);
  await typeInto(page, '###editor-weight', '2');
  await screenshot(page, 'editing-06-key-result-form');
  await press(page, 'Enter');

  const workspace = await storedWhen(page, (w) => w.key_results.length === before.key_results.length + 1,
    'the new key result');
  const kr = workspace.key_results.find((k) => !before.key_results.some((b) => b.id === k.id));
  assert.match(kr.id, /^kr-[0-9a-z]+$/);
  assert.deepEqual({ ...kr, updated_at: undefined }, {
    id: kr.id, objective: ids.objective, title: 'Raise first-visit fixes from 62% to 85%', direction: 'increase',
    unit: '%', baseline: 62, target: 85, deadline: '2027-03-26', weight: 2, owner: ids.person, updated_at: undefined,
  });
  ids.kr = kr.id;
  assert.deepEqual(problems, []);
});

test('editing changes exactly the fields edited, each save one step', async () => {
  const { page, problems } = browser;
  await scrollTo(page, `###edit-objective-${ids.objective}`);
  await click(page, `###edit-objective-${ids.objective}`);
  await findWidget(page, '###editor-aligns');
  await click(page, '###editor-perspective');
  await click(page, '###editor-perspective-internal');
  await typeInto(page, '###editor-title', 'Fix it on the first visit, every time');
  await press(page, 'Enter');
  let workspace = await storedWhen(page,
    (w) => w.objectives.find((o) => o.id === ids.objective).perspective === 'internal', 'the edited objective');
  const objective = workspace.objectives.find((o) => o.id === ids.objective);
  assert.deepEqual({ ...objective, updated_at: undefined }, {
    id: ids.objective, cycle: 'c-2027q1', team: ids.team, title: 'Fix it on the first visit, every time',
    description: 'On-site visits that end with the problem solved.', owner: ids.person, parent: 'o-sd-fast',
    commitment: 'committed', perspective: 'internal', kpis: ['k-first-response'], updated_at: undefined,
  });

  // A target that is not a number is refused under its field; the KR stays as stored.
  await scrollTo(page, `###kr-menu-${ids.kr}`);
  await click(page, `###kr-menu-${ids.kr}`);
  await click(page, `###edit-key-result-${ids.kr}`);
  await typeInto(page, '###editor-target', '9e');
  await click(page, '###editor-save');
  assert.equal(label(await findWidget(page, '###problem-target')), '"9e" is not a number; write it like 42 or 12.5.');
  await screenshot(page, 'editing-07-key-result-refused');
  assert.equal((await stored(page)).key_results.find((k) => k.id === ids.kr).target, 85);
  await typeInto(page, '###editor-target', '90');
  await press(page, 'Enter');
  workspace = await storedWhen(page, (w) => w.key_results.find((k) => k.id === ids.kr).target === 90,
    'the edited key result');
  const kr = workspace.key_results.find((k) => k.id === ids.kr);
  assert.deepEqual({ ...kr, updated_at: undefined }, {
    id: ids.kr, objective: ids.objective, title: 'Raise first-visit fixes from 62% to 85%', direction: 'increase',
    unit: '%', baseline: 62, target: 90, deadline: '2027-03-26', weight: 2, owner: ids.person, updated_at: undefined,
  });
  assert.deepEqual(problems, []);
});

test('deleting an objective says what goes with it, takes it all, and Ctrl+Z brings it back', async () => {
  const { page, problems } = browser;
  const before = await stored(page);
  const target = before.objectives.find((o) => o.id === 'o-sd-fast');
  const expected = expectedObjectiveSummary(before, target);
  assert.ok(expected.krs.length >= 2 && expected.checkIns > 0, 'the example objective has KRs with check-ins');

  await scrollTo(page, '###delete-objective-o-sd-fast');
  await click(page, '###delete-objective-o-sd-fast');
  const summary = await findWidget(page, '###delete-summary');
  assert.equal(label(summary), expected.text);
  assert.ok(expected.unlinked.includes(ids.objective), 'the new objective is aligned to it');
  await screenshot(page, 'editing-08-delete-confirmation');
  await click(page, '###delete-confirm-yes');

  const gone = [target.id, ...expected.krs,
    ...before.check_ins.filter((c) => expected.krs.includes(c.key_result)).map((c) => c.id)];
  const after = await storedWhen(page, (w) => !w.objectives.some((o) => o.id === target.id), 'the deletion');
  assert.ok(!after.key_results.some((k) => expected.krs.includes(k.id)));
  assert.ok(!after.check_ins.some((c) => expected.krs.includes(c.key_result)));
  const tombstones = after.deleted.map((d) => d.id);
  for (const id of gone) assert.ok(tombstones.includes(id), `a tombstone for ${id}`);
  assert.equal(after.deleted.length, before.deleted.length + gone.length +
    before.tasks.filter((t) => expected.krs.includes(t.key_result)).length +
    before.dependencies.filter((d) => [target.id, ...expected.krs].includes(d.from) ||
      [target.id, ...expected.krs].includes(d.to)).length);
  // The new team's objective stays, no longer aligned; the Q2 copy no longer points back.
  assert.equal(after.objectives.find((o) => o.id === ids.objective).parent, undefined);
  assert.equal(after.objectives.find((o) => o.id === 'o-q2-sd-selfservice').carried_from, undefined);

  await press(page, 'Control+z');
  const restored = await storedWhen(page, (w) => w.objectives.some((o) => o.id === target.id), 'the undo');
  assert.deepEqual(restored.objectives, before.objectives);
  assert.deepEqual(restored.key_results, before.key_results);
  assert.deepEqual(restored.check_ins, before.check_ins);
  assert.deepEqual(restored.deleted, before.deleted);
  assert.deepEqual(problems, []);
});

test('a team with objectives cannot be deleted, and the dialog says why', async () => {
  const { page, problems } = browser;
  await click(page, '###people-teams-open');
  await click(page, `###delete-team-${ids.team}`);
  const summary = label(await findWidget(page, '###delete-summary'));
  assert.match(summary, /objective/);
  assert.ok(!(await widgets(page)).some((w) => w.label.endsWith('###delete-confirm-yes')));
  await screenshot(page, 'editing-09-delete-refused');
  await click(page, '###delete-cancel');
  await click(page, '###people-teams-close');
  assert.ok((await stored(page)).teams.some((t) => t.id === ids.team));
  assert.deepEqual(problems, []);
});

test('a team and a person are renamed; deleting the person says what they own, unlinks it, and Ctrl+Z undoes it', async () => {
  const { page, problems } = browser;
  await click(page, '###people-teams-open');
  await click(page, `###edit-team-${ids.team}`);
  await replaceText(page, '###editor-name', 'Field Service & Repair');
  await press(page, 'Enter');
  let workspace = await storedWhen(page,
    (w) => w.teams.find((t) => t.id === ids.team).name === 'Field Service & Repair', 'the renamed team');
  assert.equal(workspace.teams.find((t) => t.id === ids.team).parent, 't-servicedesk');
  assert.equal(workspace.objectives.find((o) => o.id === ids.objective).team, ids.team);

  await click(page, `###edit-person-${ids.person}`);
  await replaceText(page, '###editor-name', 'Farah Haddad-Kovač');
  await press(page, 'Enter');
  workspace = await storedWhen(page,
    (w) => w.people.find((p) => p.id === ids.person).name === 'Farah Haddad-Kovač', 'the renamed person');
  const person = workspace.people.find((p) => p.id === ids.person);
  assert.equal(person.email, 'farah@northwind.example');

  // What the person owns loses its owner; nothing else goes with them.
  const ownedBy = (w, collection) => w[collection].filter((e) => e.owner === ids.person).map((e) => e.id);
  const owned = { objectives: ownedBy(workspace, 'objectives'), key_results: ownedBy(workspace, 'key_results'),
    tasks: ownedBy(workspace, 'tasks') };
  assert.ok(owned.objectives.includes(ids.objective) && owned.key_results.length > 0, 'the new person owns work');
  const counted = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const parts = [counted(owned.objectives.length, 'objective', 'objectives'),
    counted(owned.key_results.length, 'key result', 'key results')];
  if (owned.tasks.length) parts.push(counted(owned.tasks.length, 'task', 'tasks'));
  const total = owned.objectives.length + owned.key_results.length + owned.tasks.length;
  await click(page, `###delete-person-${ids.person}`);
  assert.equal(label(await findWidget(page, '###delete-summary')),
    `Deletes the person 'Farah Haddad-Kovač'; ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)} ` +
    `${total === 1 ? 'loses its' : 'lose their'} link to it`);
  await screenshot(page, 'editing-10-delete-person');
  await click(page, '###delete-confirm-yes');

  const after = await storedWhen(page, (w) => !w.people.some((p) => p.id === ids.person), 'the person deleted');
  assert.ok(after.deleted.some((d) => d.id === ids.person), 'a tombstone for the person');
  for (const collection of ['objectives', 'key_results', 'tasks']) {
    assert.equal(after[collection].length, workspace[collection].length, collection);
    for (const id of owned[collection])
      assert.equal(after[collection].find((e) => e.id === id).owner, undefined, id);
  }

  // Undo is for the page, not for an open dialog: close it first.
  await click(page, '###people-teams-close');
  await press(page, 'Control+z');
  const restored = await storedWhen(page, (w) => w.people.some((p) => p.id === ids.person), 'the undo');
  assert.deepEqual(restored.people, workspace.people);
  assert.deepEqual(restored.objectives, workspace.objectives);
  assert.deepEqual(restored.key_results, workspace.key_results);
  assert.deepEqual(restored.deleted, workspace.deleted);
  assert.deepEqual(problems, []);
});
