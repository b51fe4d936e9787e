// Sharing beyond whole files: one team's part exported for that team and merged back with
// its changes, and the spreadsheet bridge (key results and check-ins out as CSV, check-ins
// in through the merge preview, a broken sheet refused with row and column).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  withBrowser, openApp, state, waitForState, click, findWidget, widgets, screenshot, storedWorkspace,
  dumpDatabase, nextFrames, artifactsDir, Startup, SaveStatus,
  openThroughPicker, problemsDialog,
} from './harness.mjs';

const browser = withBrowser();
const exportsDir = path.join(artifactsDir, 'exports');
mkdirSync(exportsDir, { recursive: true });

async function downloadFrom(page, ...labels) {
  const download = page.waitForEvent('download');
  for (const label of labels) await click(page, label);
  const saved = await download;
  const file = path.join(exportsDir, saved.suggestedFilename());
  await saved.saveAs(file);
  return { file, name: saved.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

function csvRows(text) {
  assert.ok(text.startsWith('\uFEFF'), 'a CSV for spreadsheets starts with a byte-order mark');
  return text.slice(1).split('\r\n').filter((line) => line !== '');
}

test('a team file holds the team\'s part and what it refers to, and its changes merge back', async () => {
  const { page } = browser;
  await openApp(page, `${browser.url}?today=2027-03-04`);
  await click(page, '###first-example');
  const opened = await waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved, 'the example');
  const whole = JSON.parse(await storedWorkspace(page));

  await click(page, '###export-menu');
  await click(page, '###export-team');
  await screenshot(page, 'sharing-01-export-menu');
  const { name, text } = await downloadFrom(page, '###export-team-t-sales');
  assert.equal(name, 'northwind-it-sales.okr.json');
  const team = JSON.parse(text);
  assert.equal(team.workspace.id, whole.workspace.id);
  const salesObjectives = whole.objectives.filter((o) => o.team === 't-sales').map((o) => o.id).sort();
  const own = team.objectives.filter((o) => o.team === 't-sales').map((o) => o.id).sort();
  assert.deepEqual(own, salesObjectives);
  const teamKrs = new Set(team.key_results.map((kr) => kr.id));
  assert.ok(team.check_ins.length > 0 && team.check_ins.every((c) => teamKrs.has(c.key_result)));
  assert.ok(team.check_ins.length < whole.check_ins.length, 'the team file holds every check-in');

  // The sales lead records a check-in in the team file, elsewhere, and sends it back.
  team.check_ins.push({ id: 'ci-sales-from-team-file', key_result: 'kr-pipeline', date: '2027-03-03', value: 1.85,
    confidence: 0.7, note: 'Recorded in the team file', recorded_at: '2027-03-03T09:00:00.000Z' });
  const edited = path.join(exportsDir, 'team-sales-edited.okr.json');
  writeFileSync(edited, JSON.stringify(team, null, 2));
  await openThroughPicker(page, edited);
  await findWidget(page, '###merge-confirm');
  await screenshot(page, 'sharing-02-team-file-preview');
  await click(page, '###merge-confirm');
  const merged = await waitForState(page, (s) => s.workspace.check_ins === opened.workspace.check_ins + 1 &&
    s.save_status === SaveStatus.saved, 'the team file to merge');
  const stored = JSON.parse(await storedWorkspace(page));
  assert.ok(stored.check_ins.some((c) => c.id === 'ci-sales-from-team-file'));
  assert.equal(stored.objectives.length, whole.objectives.length, 'merging the team file lost objectives');
  assert.equal(merged.workspace.key_results, opened.workspace.key_results);
});

test('key results and check-ins download as CSV with the documented columns', async () => {
  const { page } = browser;
  const s = await state(page);
  const krs = await downloadFrom(page, '###export-menu', '###export-key-results-csv');
  assert.equal(krs.name, 'northwind-it-key-results.csv');
  const krRows = csvRows(krs.text);
  assert.match(krRows[0], /^id,title,objective,objective_title,team,team_name,cycle,cycle_name,direction,/);
  assert.equal(krRows.length, s.workspace.key_results + 1);

  const checkIns = await downloadFrom(page, '###export-menu', '###export-check-ins-csv');
  const rows = csvRows(checkIns.text);
  assert.equal(rows[0], 'id,key_result,key_result_title,date,value,confidence,note,author,recorded_at,corrects');
  assert.equal(rows.length, s.workspace.check_ins + 1);
});

test('check-ins from a spreadsheet arrive through the preview, once only', async () => {
  const { page, problems } = browser;
  const before = await state(page);
  const sheet = path.join(exportsDir, 'sheet-from-sales.csv');
  writeFileSync(sheet, 'Key result,Date,Value,Confidence,Note\r\n' +
    'kr-pipeline,2027-03-04,1.9,0.75,"Two deals moved up, one ""verbal yes"""\r\n' +
    'kr-win-rate,2027-03-04,21,0.5,Kovač signed\r\n');

  const dumpBefore = await dumpDatabase(page);
  await openThroughPicker(page, sheet);
  await findWidget(page, '###merge-confirm');
  const visible = (await widgets(page)).map((w) => w.label);
  assert.ok(!visible.some((l) => l.endsWith('###merge-separate')), 'a sheet of check-ins cannot be a workspace of its own');
  await screenshot(page, 'sharing-03-sheet-preview');
  await click(page, '###merge-cancel');
  assert.equal(await dumpDatabase(page), dumpBefore, 'cancelling the sheet changed storage');

  await openThroughPicker(page, sheet);
  await click(page, '###merge-confirm');
  await waitForState(page, (s) => s.workspace.check_ins === before.workspace.check_ins + 2 &&
    s.save_status === SaveStatus.saved, 'the sheet to merge');
  const stored = JSON.parse(await storedWorkspace(page));
  const added = stored.check_ins.filter((c) => c.date === '2027-03-04');
  assert.deepEqual(added.map((c) => c.note).sort(), ['Kovač signed', 'Two deals moved up, one "verbal yes"']);

  // The same sheet again adds nothing.
  await openThroughPicker(page, sheet);
  await click(page, '###merge-confirm');
  await nextFrames(page, 4);
  assert.equal((await state(page)).workspace.check_ins, before.workspace.check_ins + 2);
  assert.deepEqual(problems, []);
});

test('a broken spreadsheet is refused with its row and column, and nothing changes', async () => {
  const { page } = browser;
  const sheet = path.join(exportsDir, 'sheet-broken.csv');
  writeFileSync(sheet, 'key_result,date,value,confidence\r\nkr-pipeline,2027-03-05,1.95,1.4\r\nkr-nowhere,2027-02-30,x,0.5\r\n');
  const dumpBefore = await dumpDatabase(page);
  await openThroughPicker(page, sheet);
  await problemsDialog(page, /The file was not opened/);
  await screenshot(page, 'sharing-04-sheet-refused');
  await click(page, '###problems-close');
  assert.equal(await dumpDatabase(page), dumpBefore);
});
