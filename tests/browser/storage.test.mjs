// Storage under what browsers and people do to it: a tab closed right after an edit, a
// burst of edits before a reload, two tabs editing the same workspace, IndexedDB missing
// or refused, restore points, a vanished database, and an upgrade while an old tab holds
// the database open. Every test starts from a fresh profile and reads IndexedDB itself.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  startServer, launch, openApp, state, waitForState, click, typeInto, findWidget, nextFrames, screenshot,
  storedWorkspace, dumpDatabase, fixturesDir, Startup, SaveStatus,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

// A page of the same origin that is not the app, to work on the database from outside.
const outsideUrl = () => server.url.replace('index.html', 'not-the-app');

async function openExample(page) {
  await openApp(page, server.url);
  await click(page, '###first-example');
  return waitForState(page, (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved,
    'the example to be stored');
}

function storedCheckIns(text) {
  return JSON.parse(text).check_ins;
}

// The stored record of a workspace, fields and all.
async function storedRecord(page, id) {
  return page.evaluate((key) => new Promise((resolve, reject) => {
    const open = indexedDB.open('okr-tracker');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('workspaces').objectStore('workspaces').get(key);
      get.onsuccess = () => { db.close(); resolve(get.result || null); };
    };
  }), id);
}

async function checkInThroughForm(page, keyResult, value, note) {
  // The tab a person types into is the one in front; a tab behind draws its frames slowly.
  await page.bringToFront();
  await click(page, `###kr-${keyResult}`);
  await waitForState(page, (s) => s.selected_key_result === keyResult, 'the KR to open');
  await typeInto(page, '###checkin-note', note);
  await typeInto(page, '###checkin-value', value);
}

// Keys held across a frame: ImGui 1.86 misses a press and release within one frame.
async function chord(page, ...keys) {
  for (const key of keys) await page.keyboard.down(key);
  await nextFrames(page, 2);
  for (const key of keys.reverse()) await page.keyboard.up(key);
  await nextFrames(page, 1);
}

test('an edit followed by closing the page at once is there on reopening', async () => {
  const { context, page } = await launch();
  try {
    const opened = await openExample(page);
    await checkInThroughForm(page, 'kr-retention', '91', 'Recorded just before closing');

    // Enter records the check-in; the page closes as soon as the edit is on screen,
    // without waiting for the save.
    await page.keyboard.down('Enter');
    await waitForState(page, (s) => s.workspace.check_ins === opened.workspace.check_ins + 1, 'the edit', 2000);
    const unsaved = await state(page);
    await page.close({ runBeforeUnload: false });
    console.log(`# closed with save status ${unsaved.save_status} (0 = saved, 2 = saving)`);

    const reopened = await context.newPage();
    const s = await openApp(reopened, server.url);
    assert.equal(s.workspace.check_ins, opened.workspace.check_ins + 1);
    const notes = storedCheckIns(await storedWorkspace(reopened)).map((c) => c.note);
    assert.ok(notes.includes('Recorded just before closing'));
  } finally {
    await context.close();
  }
});

test('fifty scripted edits within one second all survive a reload', async () => {
  const { context, page, problems } = await launch();
  try {
    const opened = await openExample(page);
    // Fifty edits planned 19 ms apart; the reload follows the last one at once.
    const took = await page.evaluate(() => {
      const edit = (i) => {
        const note = `burst edit ${i}`;
        const ptr = _malloc(lengthBytesUTF8(note) + 1);
        stringToUTF8(note, ptr, lengthBytesUTF8(note) + 1);
        const kr = _malloc(32);
        stringToUTF8('kr-retention', kr, 32);
        const recorded = Module._okr_debug_record_check_in(kr, 80 + i / 10, ptr);
        _free(ptr);
        _free(kr);
        if (!recorded) throw new Error(`edit ${i} was refused`);
      };
      const start = performance.now();
      return Promise.all(Array.from({ length: 50 }, (_, i) => new Promise((resolve, reject) => {
        setTimeout(() => { try { edit(i); resolve(); } catch (e) { reject(e); } }, i * 19);
      }))).then(() => performance.now() - start);
    });
    const beforeReload = await state(page);
    console.log(`# fifty edits took ${Math.round(took)} ms on this machine; stored revision ${beforeReload.stored_revision}, status ${beforeReload.save_status}`);
    await page.reload();
    const s = await waitForState(page, (x) => x.startup === Startup.ready && x.frames > 1, 'the reload');
    assert.equal(s.workspace.check_ins, opened.workspace.check_ins + 50);
    const notes = new Set(storedCheckIns(await storedWorkspace(page)).map((c) => c.note));
    for (let i = 0; i < 50; i++) assert.ok(notes.has(`burst edit ${i}`), `edit ${i} is missing`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('two tabs: one sees the other\'s edits, and a stale tab is asked instead of overwriting', async () => {
  const { context, page: first, problems } = await launch();
  try {
    await openExample(first);
    const second = await context.newPage();
    const shown = await openApp(second, server.url);
    assert.equal(shown.startup, Startup.ready);

    // An edit in the first tab appears in the second without a reload.
    await checkInThroughForm(first, 'kr-retention', '88', 'From the first tab');
    await click(first, '###checkin-record');
    await waitForState(second, (s) => s.workspace.check_ins === shown.workspace.check_ins + 1,
      'the second tab to take in the first tab\'s save');
    assert.equal((await state(second)).updates_from_other_tabs, 1);

    // A third tab that cannot talk to the others (no BroadcastChannel): only the
    // revision check in the write transaction stands between it and an overwrite.
    const deaf = await context.newPage();
    await deaf.addInitScript(() => { delete window.BroadcastChannel; });
    const deafStart = await openApp(deaf, server.url);
    await checkInThroughForm(first, 'kr-retention', '89', 'First tab, while the third is deaf');
    await click(first, '###checkin-record');
    await waitForState(first, (s) => s.save_status === SaveStatus.saved &&
      s.stored_revision === deafStart.stored_revision + 1, 'the first tab\'s save');

    await checkInThroughForm(deaf, 'kr-retention', '90', 'From the deaf tab');
    await click(deaf, '###checkin-record');
    await waitForState(deaf, (s) => s.stale, 'the deaf tab to learn its copy is stale');
    await findWidget(deaf, '###stale-merge');
    await screenshot(deaf, 'storage-01-stale-prompt');
    let stored = storedCheckIns(await storedWorkspace(deaf)).map((c) => c.note);
    assert.ok(stored.includes('First tab, while the third is deaf'), 'the first tab\'s save was overwritten');
    assert.ok(!stored.includes('From the deaf tab'));

    await click(deaf, '###stale-merge');
    await waitForState(deaf, (s) => !s.stale && s.save_status === SaveStatus.saved, 'the merged save');
    stored = storedCheckIns(await storedWorkspace(deaf)).map((c) => c.note);
    for (const note of ['From the first tab', 'First tab, while the third is deaf', 'From the deaf tab'])
      assert.ok(stored.includes(note), `"${note}" was lost`);

    // The merge could not be announced, so the first tab learns of it on its next save.
    await checkInThroughForm(first, 'kr-retention', '91', 'First tab, after the merge');
    await click(first, '###checkin-record');
    await waitForState(first, (s) => s.stale, 'the first tab to learn its copy is stale');
    await click(first, '###stale-merge');
    await waitForState(first, (s) => !s.stale && s.save_status === SaveStatus.saved, 'the second merge');
    stored = storedCheckIns(await storedWorkspace(first)).map((c) => c.note);
    for (const note of ['From the first tab', 'First tab, while the third is deaf', 'From the deaf tab',
      'First tab, after the merge']) assert.ok(stored.includes(note), `"${note}" was lost`);
    assert.equal((await state(first)).workspace.check_ins, shown.workspace.check_ins + 4);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('without IndexedDB the app still runs, says nothing is saved, and exports', async () => {
  const { context, page } = await launch();
  try {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get() { return undefined; } });
    });
    const s = await openApp(page, server.url);
    assert.equal(s.startup, Startup.storage_failed);
    assert.match(s.storage_error, /IndexedDB is not available/);
    await click(page, '###first-example');
    const opened = await waitForState(page, (x) => x.workspace?.objectives === 9, 'the example in memory');
    assert.equal(opened.save_status, SaveStatus.not_stored);
    await findWidget(page, '###banner-export');
    await screenshot(page, 'storage-02-no-indexeddb');

    const download = page.waitForEvent('download');
    await click(page, '###banner-export');
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    assert.equal(exported.objectives.length, 9);
  } finally {
    await context.close();
  }
});

test('IndexedDB refusing to open (as in some private windows) leaves a working page', async () => {
  const { context, page } = await launch();
  try {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };
    });
    const s = await openApp(page, server.url);
    assert.equal(s.startup, Startup.storage_failed);
    assert.match(s.storage_error, /SecurityError/);
    await click(page, '###first-example');
    await waitForState(page, (x) => x.workspace?.objectives === 9, 'the example in memory');
  } finally {
    await context.close();
  }
});

test('a full disk fails the save plainly, keeps the edit in the tab, and the next edit stores both', async () => {
  const { context, page, problems } = await launch();
  try {
    // The disk fills up: writing the workspace is refused with a QuotaExceededError. (Chromium's
    // quota override through the DevTools protocol does not reach IndexedDB's own check, so
    // the refusal is made where IndexedDB would make it.)
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.diskFull && this.name === 'workspaces')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const opened = await openExample(page);
    const before = await storedWorkspace(page);
    await page.evaluate(() => { window.diskFull = true; });
    await checkInThroughForm(page, 'kr-retention', '93', 'Written while the disk is full');
    await click(page, '###checkin-record');
    const failed = await waitForState(page, (s) => s.save_status === SaveStatus.failed, 'the save to fail');
    assert.match(failed.save_error, /full/);
    assert.equal(failed.workspace.check_ins, opened.workspace.check_ins + 1);
    await findWidget(page, '###banner-export');
    await screenshot(page, 'storage-07-disk-full');
    assert.deepEqual(await storedWorkspace(page), before, 'a refused save changed what is stored');

    await page.evaluate(() => { window.diskFull = false; });
    await checkInThroughForm(page, 'kr-retention', '94', 'After space was freed');
    await click(page, '###checkin-record');
    await waitForState(page, (s) => s.save_status === SaveStatus.saved &&
      s.workspace.check_ins === opened.workspace.check_ins + 2, 'the retry');
    const stored = storedCheckIns(await storedWorkspace(page)).map((c) => c.note);
    for (const note of ['Written while the disk is full', 'After space was freed'])
      assert.ok(stored.includes(note), `"${note}" was lost`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a lost database connection is reopened once and the save lands', async () => {
  const { context, page } = await launch();
  try {
    // The browser closed the connection under the page (as when site data is cleared or its
    // database process restarts): the next transaction on it throws InvalidStateError.
    await page.addInitScript(() => {
      window.connectionsLost = 0;
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (...args) {
        if (window.loseConnection && !this.lost) {
          this.lost = true;
          window.loseConnection = false;
          window.connectionsLost += 1;
          throw new DOMException('The database connection is closing.', 'InvalidStateError');
        }
        return transaction.apply(this, args);
      };
    });
    const opened = await openExample(page);
    await page.evaluate(() => { window.loseConnection = true; });
    await checkInThroughForm(page, 'kr-retention', '95', 'Saved over a new connection');
    await click(page, '###checkin-record');
    const s = await waitForState(page, (x) => x.save_status === SaveStatus.saved &&
      x.workspace.check_ins === opened.workspace.check_ins + 1, 'the save after reopening');
    assert.equal(s.save_error, '');
    assert.equal(await page.evaluate(() => window.connectionsLost), 1);
    assert.ok(storedCheckIns(await storedWorkspace(page)).some((c) => c.note === 'Saved over a new connection'));
  } finally {
    await context.close();
  }
});

test('the page asks the browser once to keep its data and knows its answer', async () => {
  for (const granted of [true, false]) {
    const { context, page } = await launch();
    try {
      await page.addInitScript((answer) => {
        window.persistAsked = 0;
        navigator.storage.persisted = () => Promise.resolve(false);
        navigator.storage.persist = () => { window.persistAsked += 1; return Promise.resolve(answer); };
      }, granted);
      const s = await openExample(page);
      assert.equal(await page.evaluate(() => window.persistAsked), 1);
      // The top bar says "(kept by the browser)" or "(may be cleared)" beside "All changes saved".
      assert.equal(s.persistence, granted ? 1 : 2);
      await screenshot(page, `storage-08-persistence-${granted ? 'granted' : 'denied'}`);
    } finally {
      await context.close();
    }
  }
});

test('a restore point brings back an earlier state, and Undo takes the restore back', async () => {
  const { context, page } = await launch();
  try {
    const opened = await openExample(page);
    await checkInThroughForm(page, 'kr-retention', '92', 'To be rolled back');
    await click(page, '###checkin-record');
    await waitForState(page, (s) => s.save_status === SaveStatus.saved &&
      s.workspace.check_ins === opened.workspace.check_ins + 1, 'the edit to be saved');

    await click(page, '###history-open');
    await waitForState(page, (s) => s.restore_points === 2, 'the restore points');
    await click(page, '###point-1');
    await waitForState(page, (s) => s.restore_preview_ready, 'the preview');
    await screenshot(page, 'storage-03-restore-points');
    await click(page, '###history-restore');
    await waitForState(page, (s) => s.workspace.check_ins === opened.workspace.check_ins &&
      s.save_status === SaveStatus.saved, 'the restore to be saved');
    assert.ok(!storedCheckIns(await storedWorkspace(page)).some((c) => c.note === 'To be rolled back'));

    await click(page, '###undo');
    await waitForState(page, (s) => s.workspace.check_ins === opened.workspace.check_ins + 1 &&
      s.save_status === SaveStatus.saved, 'the undo of the restore');
    assert.ok(storedCheckIns(await storedWorkspace(page)).some((c) => c.note === 'To be rolled back'));
  } finally {
    await context.close();
  }
});

test('a database that vanished is told apart from a first run', async () => {
  const { context, page } = await launch();
  try {
    await openExample(page);
    await page.goto(outsideUrl());
    await page.evaluate(() => new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase('okr-tracker');
      request.onsuccess = resolve;
      request.onerror = () => reject(request.error);
    }));
    const s = await openApp(page, server.url);
    assert.equal(s.startup, Startup.data_gone);
    await findWidget(page, '###gone-open');
    await screenshot(page, 'storage-04-data-gone');
  } finally {
    await context.close();
  }
});

test('an old tab holding the database open delays the upgrade with a message, then the old data is migrated', async () => {
  const { context, page: old } = await launch();
  try {
    // The first release's database, written by it (tests/fixtures/stored/format-1.json),
    // held open by a tab that, like the first release, ignores requests to let go.
    const dump = JSON.parse(readFileSync(path.join(fixturesDir, 'stored/format-1.json'), 'utf8'));
    await old.goto(outsideUrl());
    await old.evaluate((records) => new Promise((resolve, reject) => {
      const open = indexedDB.open('okr-tracker', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('workspaces');
        open.result.createObjectStore('meta');
      };
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['workspaces', 'meta'], 'readwrite');
        for (const [key, value] of records.workspaces) tx.objectStore('workspaces').put(value, key);
        for (const [key, value] of records.meta) tx.objectStore('meta').put(value, key);
        tx.oncomplete = () => { window.heldOpen = db; resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), dump);

    const app = await context.newPage();
    await app.goto(server.url);
    const waiting = await waitForState(app, (s) => s.storage_notice !== '', 'the blocked upgrade to be reported');
    assert.equal(waiting.startup, Startup.loading);
    assert.match(waiting.storage_notice, /older version of the app/);
    await screenshot(app, 'storage-05-upgrade-blocked');

    await old.evaluate(() => window.heldOpen.close());
    const migrated = await waitForState(app, (s) => s.startup === Startup.ready, 'the migrated workspace');
    assert.equal(migrated.workspace.id, 'w-northwind');
    assert.equal(migrated.workspace.objectives, 9);
    assert.equal(migrated.stored_revision, 0);

    await checkInThroughForm(app, 'kr-retention', '87', 'After the upgrade');
    await click(app, '###checkin-record');
    await waitForState(app, (s) => s.save_status === SaveStatus.saved && s.stored_revision === 1, 'the first save');
    const record = await storedRecord(app, 'w-northwind');
    assert.equal(record.format, 3);
    assert.equal(record.revision, 1);
    assert.equal(record.name, 'Northwind IT');
    const dumpAfter = JSON.parse(await dumpDatabase(app));
    assert.equal(dumpAfter.restore_points.length, 1);
  } finally {
    await context.close();
  }
});

test('a database of storage format 2 is upgraded in place: its workspace and restore points stay', async () => {
  const { context, page } = await launch();
  try {
    // Written by the release with storage format 2 (tests/fixtures/stored/format-2.json).
    const dump = JSON.parse(readFileSync(path.join(fixturesDir, 'stored/format-2.json'), 'utf8'));
    await page.goto(outsideUrl());
    await page.evaluate((records) => new Promise((resolve, reject) => {
      const open = indexedDB.open('okr-tracker', 2);
      open.onupgradeneeded = () => {
        for (const name of Object.keys(records)) open.result.createObjectStore(name);
      };
      open.onsuccess = () => {
        const db = open.result;
        const names = Object.keys(records);
        const tx = db.transaction(names, 'readwrite');
        for (const name of names)
          for (const [key, value] of records[name]) tx.objectStore(name).put(value, key);
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), dump);

    const s = await openApp(page, server.url);
    assert.equal(s.startup, Startup.ready);
    assert.equal(s.workspace.check_ins, 100);
    assert.equal(s.stored_revision, 2);
    await checkInThroughForm(page, 'kr-retention', '86', 'After the upgrade to format 3');
    await click(page, '###checkin-record');
    await waitForState(page, (x) => x.save_status === SaveStatus.saved && x.stored_revision === 3, 'the first save');
    const record = await storedRecord(page, 'w-northwind');
    assert.equal(record.format, 3);
    const after = JSON.parse(await dumpDatabase(page));
    assert.equal(after.restore_points.length, 3, 'the restore points of format 2 were lost');
    assert.ok(after.successions.length > 0);
  } finally {
    await context.close();
  }
});

test('a tab closed right after two edits, behind another tab\'s save, does not overwrite it', async () => {
  const { context, page: a, problems } = await launch();
  try {
    await openExample(a);
    const b = await context.newPage();
    // B hears nothing of A, as when the channel's message is still on its way.
    await b.addInitScript(() => { delete window.BroadcastChannel; });
    const before = await openApp(b, server.url);
    await checkInThroughForm(a, 'kr-retention', '91', 'Recorded in tab A');
    await click(a, '###checkin-record');
    await waitForState(a, (s) => s.save_status === SaveStatus.saved && s.stored_revision === before.stored_revision + 1,
      "A's save");

    // Two edits in B in one go, then B is closed while its first write is still unanswered
    // (its answer is held back here, as a busy page would be late to read it): the second
    // is flushed behind the first, which lost its revision to A.
    await b.evaluate(() => {
      const answer = okrStore.answer;
      okrStore.answer = function (...args) {
        if (args[1] && args[1].result) setTimeout(() => answer.apply(this, args), 10000);
        else answer.apply(this, args);
      };
      for (const note of ['Recorded in tab B, first', 'Recorded in tab B, second']) {
        const k = _malloc(64); stringToUTF8('kr-nps', k, 64);
        const n = _malloc(128); stringToUTF8(note, n, 128);
        Module._okr_debug_record_check_in(k, 40, n);
        _free(k); _free(n);
      }
    });
    await b.close({ runBeforeUnload: false });
    await new Promise((r) => setTimeout(r, 1500));

    const notes = storedCheckIns(await storedWorkspace(a)).map((c) => c.note);
    assert.ok(notes.includes('Recorded in tab A'), "tab B's closing write landed over tab A's save");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a newer version opening the database makes an open tab step aside and say so', async () => {
  const { context, page: app } = await launch();
  try {
    await openExample(app);
    const newer = await context.newPage();
    await newer.goto(outsideUrl());
    const opened = await newer.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('okr-tracker', 4);
      open.onblocked = () => resolve('blocked');
      open.onsuccess = () => { open.result.close(); resolve('opened'); };
      open.onerror = () => reject(open.error);
    }));
    assert.equal(opened, 'opened', 'the app tab kept the newer version waiting');

    await app.bringToFront();
    const s = await waitForState(app, (x) => x.storage_released, 'the app tab to step aside');
    assert.equal(s.save_status, SaveStatus.not_stored);
    await findWidget(app, '###released-reload');
    await screenshot(app, 'storage-06-released');

    // Reloaded, this (older) app finds data of a newer format and says so instead of hanging.
    await app.reload();
    const after = await waitForState(app, (x) => x.startup !== Startup.loading && x.frames > 1, 'the reload');
    assert.equal(after.startup, Startup.storage_failed);
    assert.match(after.storage_error, /newer version of this app/);
  } finally {
    await context.close();
  }
});
