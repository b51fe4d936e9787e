// Finding things on the example company in 2027 Q1: filters above the cascade narrow the
// cascade itself (by team, owner, status and "at risk only"), an impossible combination says
// so and how to clear it, and the search finds a check-in note whatever the letter case,
// beyond ASCII too, and opens its key result.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withBrowser, openApp, waitForState, click, findWidget, widgets, screenshot, nextFrames, press,
  Startup, SaveStatus,
  shownText,
} from './harness.mjs';

const browser = withBrowser();

async function shownObjectives(page, expected, what) {
  const s = await waitForState(page,
    (s) => s.cascade_filter.active === (expected !== null) &&
      (expected === null || JSON.stringify(s.cascade_filter.objectives) === JSON.stringify(expected)),
    what);
  return s.cascade_filter.objectives;
}

async function krRows(page) {
  return (await widgets(page)).map((w) => w.label).filter((l) => l.startsWith('###kr-')).map((l) => l.slice(6));
}

async function choose(page, combo, option) {
  await click(page, combo);
  await click(page, option);
}

test('the team filter leaves only that team\'s objectives in the cascade', async () => {
  const { page, problems } = browser;
  await openApp(page, `${browser.url}?today=2027-03-03`);
  await click(page, '###first-example');
  await waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to open and be stored');
  await shownObjectives(page, null, 'no filter at first');
  await choose(page, '###filter-team', '###filter-team-t-sales');
  await shownObjectives(page, ['o-sales-pipeline'], 'the Sales filter');
  assert.deepEqual((await krRows(page)).sort(), ['kr-checkins-held', 'kr-pipeline', 'kr-win-rate']);
  await screenshot(page, 'finding-01-team-filter');
  assert.deepEqual(problems, []);
});

test('owner, status and "at risk only" narrow the cascade as the core defines them', async () => {
  const { page, problems } = browser;
  await choose(page, '###filter-team', '###filter-team-any');
  // p-eli owns the portal objective and a task of Engineering's portal KR.
  await choose(page, '###filter-owner', '###filter-owner-p-eli');
  await shownObjectives(page, ['o-eng-automation', 'o-prod-portal'], 'the owner filter');
  await choose(page, '###filter-owner', '###filter-owner-any');

  await choose(page, '###filter-status', '###filter-status-off_track');
  await shownObjectives(page, ['o-sales-pipeline'], 'the off-track filter');
  await choose(page, '###filter-status', '###filter-status-any');

  await click(page, '###filter-at-risk');
  await shownObjectives(page, ['o-co-logistics', 'o-co-reliable', 'o-prod-portal', 'o-sales-pipeline', 'o-sd-fast'],
    'at risk only');
  const rows = await krRows(page);
  assert.ok(!rows.includes('kr-onboard-days'), rows.join(' '));
  await screenshot(page, 'finding-02-at-risk');
  assert.deepEqual(problems, []);
});

test('filters that leave nothing say so, and Clear filters brings the whole cascade back', async () => {
  const { page } = browser;
  await choose(page, '###filter-team', '###filter-team-t-engineering');
  await shownObjectives(page, [], 'nothing left');
  assert.equal(await shownText(page, '###filter-nothing'), 'No objective of 2027 Q1 matches these filters.');
  assert.deepEqual(await krRows(page), []);
  await screenshot(page, 'finding-03-nothing');
  await click(page, '###filter-clear');
  await shownObjectives(page, null, 'the filters cleared');
  await findWidget(page, '###kr-kr-onboard-days');
});

test('the search ignores case beyond ASCII and opens what it found', async () => {
  const { page, problems } = browser;
  await click(page, '###find-query');
  await page.keyboard.type('ÜBERGABE', { delay: 10 });
  await nextFrames(page, 3);
  const hit = await findWidget(page, '###find-hit-ci-resolution-03');
  const hits = (await widgets(page)).filter((w) => /^[A-Z].*###find-hit-/.test(w.label));
  assert.deepEqual(hits.map((w) => w.label), [
    'Check-in: Reduce average ticket resolution time from 48 hours to 24 hours###find-hit-ci-resolution-03']);
  await screenshot(page, 'finding-04-search');
  await click(page, '###find-hit-ci-resolution-03');
  const s = await waitForState(page, (s) => s.selected_key_result === 'kr-resolution', 'the KR to open');
  assert.equal(s.cycle, 'c-2027q1');
  assert.ok(hit);
  assert.deepEqual(problems, []);
});

test('a search for words nobody wrote says so and how to clear it', async () => {
  const { page } = browser;
  await click(page, '###find-query');
  await page.keyboard.type('kovač quarterly zeppelin', { delay: 10 });
  await nextFrames(page, 3);
  assert.equal(await shownText(page, '###find-nothing'), 'Nothing matches "kovač quarterly zeppelin".');
  await screenshot(page, 'finding-05-no-match');
  await press(page, 'Escape');
  const labels = (await widgets(page)).map((w) => w.label);
  assert.ok(!labels.some((l) => l.endsWith('###find-nothing')));
});
