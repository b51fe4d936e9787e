// The alignment map on the example company's 2027 Q1: teams as bands, objectives as cards;
// the wheel zooms around the pointer (the map point under it stays under it), dragging the
// background pans by exactly the drag, Fit brings the first view back, and clicking a card
// opens that objective in the cascade.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  withBrowser, launch, samplesDir, openApp, state, waitForState, click, findWidget, widgets, screenshot, nextFrames,
  Startup, SaveStatus,
} from './harness.mjs';

const browser = withBrowser();
const today = '2027-03-03';
const Screen = { cascade: 'cascade', alignment_map: 'alignment_map' };

// The map point shown at screen point (x, y) under the map's transform.
function mapPoint(map, canvas, x, y) {
  return { x: (x - canvas.x - map.offset_x) / map.zoom, y: (y - canvas.y - map.offset_y) / map.zoom };
}

function inside(point, w) {
  return point.x >= w.x && point.x <= w.x + w.w && point.y >= w.y && point.y <= w.y + w.h;
}

test('the map shows the cycle’s objectives as cards in their teams’ bands', async () => {
  const { page, problems } = browser;
  await openApp(page, `${browser.url}?today=${today}`);
  await click(page, '###first-example');
  await waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to open and be stored');

  await click(page, '###screen-map');
  const s = await waitForState(page, (x) => x.screen === Screen.alignment_map, 'the map to open');
  const cards = (await widgets(page)).filter((w) => w.label.startsWith('###map-node-')).map((w) => w.label);
  // Fitted, every objective of 2027 Q1 is in view, and only those.
  assert.deepEqual(cards.sort(), ['o-co-logistics', 'o-co-reliable', 'o-eng-automation', 'o-prod-portal',
    'o-sales-pipeline', 'o-sd-fast'].map((id) => `###map-node-${id}`));
  assert.equal(s.map.cards_drawn, 6);
  // Product's portal objective aligns to nothing while the company has objectives.
  await findWidget(page, '1 not aligned###map-unaligned-count');
  await page.mouse.move(5, 5);
  await nextFrames(page, 2);
  await screenshot(page, 'map-01-grade');
  await click(page, '###map-colour-confidence');
  await page.mouse.move(5, 5);
  await nextFrames(page, 2);
  await screenshot(page, 'map-02-confidence');
  assert.deepEqual(problems, []);
});

test('the wheel zooms around the pointer, a drag pans by the drag, and Fit resets', async () => {
  const { page, problems } = browser;
  const canvas = await findWidget(page, '###map-canvas');
  const fitted = (await state(page)).map;

  const pointer = { x: Math.round(canvas.x + canvas.w * 0.6), y: Math.round(canvas.y + canvas.h * 0.4) };
  await page.mouse.move(pointer.x, pointer.y, { steps: 2 });
  await nextFrames(page, 2);
  const under = mapPoint(fitted, canvas, pointer.x, pointer.y);
  await page.mouse.wheel(0, -120);
  const zoomed = (await waitForState(page, (x) => x.map.zoom > fitted.zoom, 'the map to zoom in')).map;
  const stillUnder = mapPoint(zoomed, canvas, pointer.x, pointer.y);
  assert.ok(Math.abs(stillUnder.x - under.x) < 0.01 && Math.abs(stillUnder.y - under.y) < 0.01,
    `${JSON.stringify(under)} moved to ${JSON.stringify(stillUnder)}`);

  // A drag from a point of the background no card covers.
  const cards = (await widgets(page)).filter((w) => w.label.startsWith('###map-node-'));
  // From the bottom right, so that the drag up and to the left stays on the page.
  let start = null;
  for (let y = canvas.y + canvas.h - 20; y > canvas.y + 100 && !start; y -= 25)
    for (let x = canvas.x + canvas.w - 20; x > canvas.x + 200 && !start; x -= 25)
      if (!cards.some((c) => inside({ x, y }, c))) start = { x: Math.round(x), y: Math.round(y) };
  assert.ok(start, 'a free spot of background');
  const drag = { x: -140, y: -60 };
  await page.mouse.move(start.x, start.y, { steps: 2 });
  await nextFrames(page, 2);
  await page.mouse.down();
  await nextFrames(page, 2);
  await page.mouse.move(start.x + drag.x, start.y + drag.y, { steps: 6 });
  await nextFrames(page, 3);
  await page.mouse.up();
  await nextFrames(page, 2);
  const panned = (await state(page)).map;
  assert.equal(panned.zoom, zoomed.zoom);
  assert.ok(Math.abs(panned.offset_x - zoomed.offset_x - drag.x) < 0.01, `${panned.offset_x} ${zoomed.offset_x}`);
  assert.ok(Math.abs(panned.offset_y - zoomed.offset_y - drag.y) < 0.01, `${panned.offset_y} ${zoomed.offset_y}`);
  // The drag did not open anything.
  assert.equal((await state(page)).screen, Screen.alignment_map);
  await screenshot(page, 'map-03-zoomed-panned');

  await click(page, '###map-zoom-out');
  assert.ok((await state(page)).map.zoom < panned.zoom);
  await click(page, '###map-fit');
  const reset = (await state(page)).map;
  assert.deepEqual([reset.zoom, reset.offset_x, reset.offset_y], [fitted.zoom, fitted.offset_x, fitted.offset_y]);
  assert.deepEqual(problems, []);
});

test('clicking a card opens its objective in the cascade', async () => {
  const { page, problems } = browser;
  // Service Desk's objective is the last of the cascade, below the fold when it opens.
  const labelsBefore = (await widgets(page)).map((w) => w.label);
  assert.ok(!labelsBefore.includes('###kr-kr-first-contact'));
  await click(page, '###map-node-o-sd-fast');
  const s = await waitForState(page, (x) => x.screen === Screen.cascade, 'the cascade to open');
  assert.equal(s.cycle, 'c-2027q1');
  // Its key results are in view.
  await findWidget(page, '###kr-kr-first-contact');
  await findWidget(page, '###kr-kr-resolution');
  await screenshot(page, 'map-04-opened-in-cascade');
  assert.deepEqual(problems, []);
});

// The example grown by 60 squads of 5 objectives each in 2027 Q1, three levels deep: each
// squad under a department, each squad objective aligned to its department's objective.
function largeCompany() {
  const workspace = JSON.parse(readFileSync(path.join(samplesDir, 'northwind-it.json'), 'utf8'));
  const stamp = '2027-01-04T08:00:00.000Z';
  const departments = [['t-engineering', 'o-eng-automation'], ['t-product', 'o-prod-portal'],
    ['t-sales', 'o-sales-pipeline'], ['t-servicedesk', 'o-sd-fast']];
  for (let t = 0; t < 60; t++) {
    const team = `t-squad-${String(t).padStart(2, '0')}`;
    const [department, parent] = departments[t % 4];
    workspace.teams.push({ id: team, name: `Squad ${t + 1}`, parent: department, updated_at: stamp });
    for (let o = 0; o < 5; o++) {
      workspace.objectives.push({
        id: `o-squad-${t}-${o}`, cycle: 'c-2027q1', team, title: `Squad ${t + 1} objective ${o + 1}`,
        parent, updated_at: stamp,
      });
    }
  }
  workspace.teams.sort((a, b) => (a.id < b.id ? -1 : 1));
  workspace.objectives.sort((a, b) => (a.id < b.id ? -1 : 1));
  return JSON.stringify(workspace);
}

test('a map of three hundred objectives draws only the cards in view', async () => {
  const { context, page, problems } = await launch();
  try {
    await openApp(page, `${browser.url}?today=${today}`);
    await page.evaluate((text) => {
      const bytes = new TextEncoder().encode(text);
      const ptr = Module._malloc(bytes.length + 1);
      (typeof HEAPU8 !== 'undefined' ? HEAPU8 : Module.HEAPU8).set(bytes, ptr);
      Module._okr_debug_open_text(ptr, bytes.length);
      Module._free(ptr);
    }, largeCompany());
    await waitForState(page, (s) => s.workspace?.objectives === 309, 'the large workspace to open');
    await click(page, '###screen-map');
    const fitted = await waitForState(page, (s) => s.screen === Screen.alignment_map && s.map.cards_drawn > 0,
      'the map to open');
    // Too wide to read whole, the map opens readable over a company objective, and
    // draws only the cards in view.
    assert.ok(fitted.map.zoom >= 0.5, `zoom ${fitted.map.zoom}`);
    assert.ok(fitted.map.cards_drawn < 306, `${fitted.map.cards_drawn} drawn`);
    const inView = (await widgets(page)).map((w) => w.label);
    assert.ok(inView.some((l) => ['###map-node-o-co-reliable', '###map-node-o-co-logistics'].includes(l)),
      inView.join(' | '));
    await page.mouse.move(5, 5);
    await nextFrames(page, 2);
    await screenshot(page, 'map-05-large-fitted');

    // Zoomed out to the smallest, the whole cycle is in view: its 6 objectives and the squads' 300.
    const canvas = await findWidget(page, '###map-canvas');
    await page.mouse.move(Math.round(canvas.x + canvas.w / 2), Math.round(canvas.y + 60), { steps: 2 });
    let overview = fitted;
    for (let i = 0; i < 60 && overview.map.cards_drawn < 306; i++) {
      await page.mouse.wheel(0, 240);
      await nextFrames(page, 2);
      overview = await state(page);
    }
    assert.equal(overview.map.cards_drawn, 306);
    assert.ok(overview.map.zoom < fitted.map.zoom);
    await page.mouse.move(5, 5);
    await nextFrames(page, 2);
    await screenshot(page, 'map-06-large-overview');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
