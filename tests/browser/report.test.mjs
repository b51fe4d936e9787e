// The cycle report from the Export menu, on the example company's closed 2026 Q4: the
// Markdown shown is the one the CLI writes (checked here by its parts), copied to the
// clipboard, downloaded as .md, and rendered as a print view the page puts in a frame of
// its own, with every text escaped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  withBrowser, openApp, waitForState, click, findWidget, screenshot, nextFrames, artifactsDir,
  Startup, SaveStatus,
} from './harness.mjs';
import path from 'node:path';

const browser = withBrowser();

test('the report window shows the cycle as Markdown, copies it and downloads it', async () => {
  const { page, problems } = browser;
  await openApp(page, `${browser.url}?today=2027-03-03`);
  await click(page, '###first-example');
  await waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to open and be stored');
  await click(page, '###cycle-picker');
  await click(page, '###cycle-c-2026q4');
  await click(page, '###export-menu');
  await click(page, '###export-cycle-report');
  await findWidget(page, '###report-text');
  await screenshot(page, 'report-01-window');

  await page.evaluate(() => {
    window.copiedTexts = [];
    navigator.clipboard.writeText = (text) => { window.copiedTexts.push(text); return Promise.resolve(); };
  });
  await click(page, '###report-copy');
  const copied = await page.evaluate(() => window.copiedTexts);
  assert.equal(copied.length, 1);
  const markdown = copied[0];
  assert.ok(markdown.startsWith('# Northwind IT: 2026 Q4\n\n2026-10-01 to 2026-12-31 · closed\n\n## Grades\n'),
    markdown.slice(0, 200));
  assert.match(markdown, /\n## Service Desk\n\n### Get the ticket backlog under control\n/);
  assert.match(markdown, /\n### Retrospective\n\n- Learned: Backlog work pays off only with a fixed weekly slot\.\n/);

  const download = page.waitForEvent('download');
  await click(page, '###report-download');
  const file = await download;
  assert.equal(file.suggestedFilename(), 'northwind-it-2026-q4-report.md');
  const saved = path.join(artifactsDir, 'report-download.md');
  await file.saveAs(saved);
  assert.equal(readFileSync(saved, 'utf8'), markdown);
  assert.deepEqual(problems, []);
});

test('the print view is the same report as an HTML page in a frame of its own', async () => {
  const { page, problems } = browser;
  await click(page, '###report-print');
  const frame = await page.waitForSelector('#okr-print-frame', { state: 'attached' });
  const document = await frame.contentFrame();
  await document.waitForSelector('h1', { state: 'attached' });
  assert.equal(await document.textContent('h1'), 'Northwind IT: 2026 Q4');
  const teams = await document.$$eval('h2', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(teams.slice(0, 1), ['Grades']);
  assert.ok(teams.includes('Service Desk'), teams.join(' | '));
  assert.equal(await document.$$eval('script', (s) => s.length), 0);

  // The frame's page, shown full size for a screenshot of what gets printed.
  const html = await document.content();
  const view = await browser.context.newPage();
  await view.setContent(html);
  await view.screenshot({ path: path.join(artifactsDir, 'report-02-print-view.png'), fullPage: true });
  await view.close();
  await click(page, '###report-close');
  assert.deepEqual(problems, []);
});
