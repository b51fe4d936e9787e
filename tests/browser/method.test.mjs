// The OKR method on screen: grades, status badges, forecasts and the coach's findings on
// the example company as it stood on 2027-02-26, and a finding that jumps to its KR.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  withBrowser, openApp, waitForState, click, findWidget, widgets, screenshot, repoRoot, samplesDir,
  Startup,
} from './harness.mjs';

const browser = withBrowser();

test('the cascade shows grades, badges and forecasts, and the coach lists what okr check finds', async () => {
  const { page, problems } = browser;
  await openApp(page, `${browser.url}?today=2027-02-26`);
  await click(page, '###first-example');
  const s = await waitForState(page, (x) => x.startup === Startup.ready, 'the example to open');

  // The page's coach and the command-line tool run the same core on the same day.
  const cli = process.env.OKR_CLI || path.join(repoRoot, 'build/native/okr');
  const report = JSON.parse(execFileSync(cli, ['report', path.join(samplesDir, 'northwind-it.json'),
    '--today', '2027-02-26', '--json'], { encoding: 'utf8' }));
  assert.equal(s.findings, report.findings.length);

  const labels = (await widgets(page)).map((w) => w.label);
  assert.ok(labels.some((l) => l.startsWith('Coach (') && l.endsWith('###side-coach')));
  await screenshot(page, 'method-01-cascade');

  await click(page, '###side-coach');
  await waitForState(page, (x) => x.side_panel === 'coach', 'the coach panel');
  await screenshot(page, 'method-02-coach');
  await click(page, '###finding-kr-activity-kr-checkins-held');
  const jumped = await waitForState(page, (x) => x.selected_key_result === 'kr-checkins-held', 'the jump');
  assert.equal(jumped.side_panel, 'key_result');
  await findWidget(page, '###kr-kr-checkins-held');
  await screenshot(page, 'method-03-jumped');
  assert.deepEqual(problems, []);
});

test('a closed cycle shows final scores in grade colours', async () => {
  const { page, problems } = browser;
  await click(page, '###cycle-picker');
  await click(page, '###cycle-c-2026q4');
  const s = await waitForState(page, (x) => x.cycle === 'c-2026q4', 'the closed cycle');
  assert.equal(s.selected_key_result, '');
  const labels = (await widgets(page)).map((w) => w.label);
  assert.ok(labels.includes('###kr-kr-q4-backlog'));
  await screenshot(page, 'method-04-closed-cycle');
  assert.deepEqual(problems, []);
});
