// Dates that do not drift (issue "Nothing is ever lost", part 7): a check-in entered a minute
// before or after local midnight carries the person's own calendar date, never the UTC date
// of the instant, in time zones from UTC-8 to UTC+14 and across changes to summer time.
//
// Each zone gets its own browser (Playwright's timezoneId), and the page's clock is fixed at
// each instant before the page loads. The check-in is entered with mouse and keyboard as a
// person would; its date is read back from IndexedDB.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, openApp, waitForState, click, storedWorkspace, Startup, SaveStatus,
} from './harness.mjs';

// Each instant in UTC, with the wall time the zone shows then: the expected check-in date is
// the date part of that wall time.
const zones = [
  { zone: 'Pacific/Kiritimati', moments: [  // UTC+14: the first place in the new year
    { utc: '2026-12-31T09:59:00.000Z', local: '2026-12-31 23:59' },
    { utc: '2026-12-31T10:01:00.000Z', local: '2027-01-01 00:01' },
  ] },
  { zone: 'Pacific/Auckland', moments: [  // UTC+13 in southern summer time
    { utc: '2026-12-31T10:59:00.000Z', local: '2026-12-31 23:59' },
    { utc: '2026-12-31T11:01:00.000Z', local: '2027-01-01 00:01' },
  ] },
  { zone: 'Asia/Kolkata', moments: [  // UTC+05:30, a half-hour offset
    { utc: '2026-12-31T18:29:00.000Z', local: '2026-12-31 23:59' },
    { utc: '2026-12-31T18:31:00.000Z', local: '2027-01-01 00:01' },
  ] },
  { zone: 'Europe/Berlin', moments: [
    { utc: '2026-12-31T22:59:00.000Z', local: '2026-12-31 23:59' },
    { utc: '2026-12-31T23:01:00.000Z', local: '2027-01-01 00:01' },
    // Summer time starts at 02:00 on 2027-03-28: the nights around it.
    { utc: '2027-03-27T22:59:00.000Z', local: '2027-03-27 23:59' },
    { utc: '2027-03-27T23:01:00.000Z', local: '2027-03-28 00:01' },
    { utc: '2027-03-28T01:01:00.000Z', local: '2027-03-28 03:01' },
  ] },
  { zone: 'America/Los_Angeles', moments: [  // UTC-8: the UTC date is already tomorrow
    { utc: '2027-01-01T07:59:00.000Z', local: '2026-12-31 23:59' },
    { utc: '2027-01-01T08:01:00.000Z', local: '2027-01-01 00:01' },
  ] },
  { zone: 'America/Santiago', moments: [
    // Summer time starts at midnight on 2026-09-06: 23:59 is followed by 01:00.
    { utc: '2026-09-06T03:59:00.000Z', local: '2026-09-05 23:59' },
    { utc: '2026-09-06T04:01:00.000Z', local: '2026-09-06 01:01' },
    // It ends at midnight on 2027-04-04: the clock goes back to 23:00, and 23:30 comes twice.
    { utc: '2027-04-04T02:59:00.000Z', local: '2027-04-03 23:59' },
    { utc: '2027-04-04T03:30:00.000Z', local: '2027-04-03 23:30' },
    { utc: '2027-04-04T04:01:00.000Z', local: '2027-04-04 00:01' },
  ] },
];

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

// The wall time the page itself sees, "YYYY-MM-DD HH:MM": proves the zone and clock are set
// as the test believes before anything is asserted about the app.
async function pageWallTime(page) {
  return page.evaluate(() => {
    const now = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ` +
      `${two(now.getHours())}:${two(now.getMinutes())}`;
  });
}

async function storedCheckIns(page) {
  const text = await storedWorkspace(page);
  return text ? JSON.parse(text).check_ins : [];
}

// Opens the page at the fixed instant: the example on a first run, the stored workspace after.
async function openAt(browser, utc) {
  await browser.context.clock.setFixedTime(new Date(utc));
  const s = await openApp(browser.page, server.url);
  if (s.startup === Startup.first_run) {
    await click(browser.page, '###first-example');
    await waitForState(browser.page, (x) => x.startup === Startup.ready && x.save_status === SaveStatus.saved,
      'the example to be stored');
  }
}

// Records a check-in on kr-retention through the form, keeping the date the form offers.
async function recordCheckIn(page) {
  const before = await waitForState(page, (x) => x.startup === Startup.ready, 'the workspace');
  await click(page, '###kr-kr-retention');
  await waitForState(page, (x) => x.selected_key_result === 'kr-retention', 'the key result to open');
  await click(page, '###checkin-record');
  await waitForState(page, (x) => x.workspace.check_ins === before.workspace.check_ins + 1 &&
    x.save_status === SaveStatus.saved, 'the check-in to be stored');
}

for (const { zone, moments } of zones) {
  test(`${zone}: a check-in a minute from midnight carries the local date`, async () => {
    const browser = await launch({ contextOptions: { timezoneId: zone } });
    try {
      for (const { utc, local } of moments) {
        await openAt(browser, utc);
        assert.equal(await pageWallTime(browser.page), local, `the page's clock in ${zone} at ${utc}`);

        const known = new Set((await storedCheckIns(browser.page)).map((c) => c.id));
        await recordCheckIn(browser.page);
        const added = (await storedCheckIns(browser.page)).filter((c) => !known.has(c.id));
        assert.equal(added.length, 1, `one new check-in at ${local} in ${zone}`);
        assert.equal(added[0].date, local.slice(0, 10), `the date of a check-in entered at ${local} in ${zone}`);
        // The instant it was recorded is kept in UTC, apart from the date.
        assert.equal(added[0].recorded_at, utc);
      }
      assert.deepEqual(browser.problems, []);
    } finally {
      await browser.context.close();
    }
  });
}

// A form opened before midnight and sent after it records the new day: the date follows
// today until the person types one.
test('a check-in form left open across midnight records the day it is sent', async () => {
  const browser = await launch({ contextOptions: { timezoneId: 'Europe/Berlin' } });
  try {
    await openAt(browser, '2026-12-31T22:59:00.000Z');
    const page = browser.page;
    const known = new Set((await storedCheckIns(page)).map((c) => c.id));
    await click(page, '###kr-kr-retention');
    await waitForState(page, (x) => x.selected_key_result === 'kr-retention', 'the key result to open');
    await browser.context.clock.setFixedTime(new Date('2026-12-31T23:01:00.000Z'));
    assert.equal(await pageWallTime(page), '2027-01-01 00:01');
    await click(page, '###checkin-record');
    await waitForState(page, (x) => x.workspace.check_ins === known.size + 1 && x.save_status === SaveStatus.saved,
      'the check-in to be stored');
    const added = (await storedCheckIns(page)).filter((c) => !known.has(c.id));
    assert.equal(added[0].date, '2027-01-01');
  } finally {
    await browser.context.close();
  }
});
