// Browser services for the wasm module: IndexedDB, files, the local calendar.
// Kept thin on purpose: each function does one browser call and hands the answer back
// to C++ through an exported function, with a request id to find its callback.

mergeInto(LibraryManager.library, {
  $okrBrowser: {
    // Copies a JS string into wasm memory; the receiver frees it.
    toWasm: function (text) {
      const size = lengthBytesUTF8(text) + 1;
      const ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return [ptr, size - 1];
    },

    describe: function (error) {
      if (!error) return 'unknown error';
      if (error.name === 'QuotaExceededError') return 'The browser\'s storage for this page is full (QuotaExceededError)';
      return (error.name ? error.name + ': ' : '') + (error.message || String(error));
    },
  },

  // IndexedDB, one database per origin:
  //   workspaces          key: workspace id          -> {format, id, name, revision, saved_at, text}
  //   meta                'current'                  -> id of the workspace opened last
  //   revisions           key: [id, revision]        -> when that revision was saved
  //   restore_points      key: [id, first revision]  -> {workspace_id, first_revision, revision, saved_at_ms, summary}
  //   restore_point_texts key: same as above         -> the workspace's text at that point
  //   successions         key: [id, revision, tab]   -> {of: [id, revision]}, unique on `of`
  // A save claims its revision by adding its key to `revisions`: the add fails when another
  // tab claimed it first, which aborts the whole save. So the check needs no read, every
  // request of a save is sent at once and committed, and a tab closed right after an edit
  // still leaves the save to complete. A save sent while the same tab's previous one is
  // still under way is based on that one's revision; it also claims, in `successions`,
  // to follow what the previous one followed, which the unique index refuses when another
  // tab took that place: so it fails as stale instead of landing over the other tab's save.
  // The database version is the storage format of src/app/stored_record.hpp: the schema
  // steps are here, the record steps there. A workspace is one string, not nested objects:
  // structured cloning of deep objects costs hundreds of times more than of one string.
  $okrStore__deps: ['$okrBrowser'],
  $okrStore: {
    name: 'okr-tracker',
    db: null,
    opening: null,
    released: false,
    channel: null,
    // Kept outside the database, so that a database that vanished is told from a first run.
    markerKey: 'okr-tracker.stored-workspace',
    // This page's own mark on the successions it claims, drawn when the page first saves
    // (a value written here would be fixed when the app is built, the same in every tab).
    tab: null,
    tabMark: function () {
      if (okrStore.tab === null) okrStore.tab = Math.random().toString(36).slice(2) + '-' + Date.now().toString(36);
      return okrStore.tab;
    },

    open: function (version) {
      if (okrStore.released) return Promise.reject(new Error('A newer version of this app is open in another tab; reload this page'));
      if (okrStore.db) return Promise.resolve(okrStore.db);
      if (okrStore.opening) return okrStore.opening;
      okrStore.opening = new Promise(function (resolve, reject) {
        if (typeof indexedDB === 'undefined' || indexedDB === null) {
          reject(new Error('IndexedDB is not available in this browser window'));
          return;
        }
        const request = indexedDB.open(okrStore.name, version);
        request.onupgradeneeded = function (event) {
          const db = request.result;
          if (event.oldVersion < 1) {
            db.createObjectStore('workspaces');
            db.createObjectStore('meta');
          }
          if (event.oldVersion < 2) {
            db.createObjectStore('revisions');
            db.createObjectStore('restore_points');
            db.createObjectStore('restore_point_texts');
          }
          if (event.oldVersion < 3)
            db.createObjectStore('successions').createIndex('of', 'of', { unique: true });
        };
        request.onsuccess = function () {
          const db = request.result;
          // A newer version of the app wants to upgrade the database: let it, and tell the person.
          db.onversionchange = function (event) {
            db.close();
            okrStore.db = null;
            // Deleted (site data cleared in another tab): the next save creates it afresh.
            if (event.newVersion === null) return;
            okrStore.released = true;
            okrStore.notice({ kind: 'released' });
          };
          // Closed by the browser (storage cleared, a crash of its database process):
          // the next request opens it again.
          db.onclose = function () { okrStore.db = null; };
          okrStore.db = db;
          resolve(db);
        };
        request.onerror = function () {
          const error = request.error || new Error('IndexedDB refused to open');
          if (error.name === 'VersionError') {
            reject(new Error('This browser holds data of a newer version of this app; reload the page to update'));
            return;
          }
          reject(error);
        };
        // Success follows once the other tab lets go; until then the person is told why.
        request.onblocked = function () { okrStore.notice({ kind: 'blocked' }); };
      });
      const clear = function () { okrStore.opening = null; };
      okrStore.opening.then(clear, clear);
      return okrStore.opening;
    },

    // Runs `work(db, resolve, reject)`; a connection lost on the way is reopened once.
    withDatabase: function (version, work) {
      const attempt = function (mayRetry) {
        return okrStore.open(version).then(function (db) {
          return new Promise(function (resolve, reject) { work(db, resolve, reject); });
        }).catch(function (error) {
          const lost = error && (error.name === 'InvalidStateError' || error.name === 'UnknownError');
          if (mayRetry && lost && !okrStore.released) {
            okrStore.db = null;
            return attempt(false);
          }
          throw error;
        });
      };
      return attempt(true);
    },

    envelope: function (record) {
      const copy = Object.assign({}, record);
      delete copy.text;
      return copy;
    },

    answer: function (requestId, meta, text) {
      const m = okrBrowser.toWasm(JSON.stringify(meta));
      const t = okrBrowser.toWasm(text || '');
      Module._okr_store_answer(requestId, m[0], t[0], t[1]);
      _free(m[0]);
      _free(t[0]);
    },

    notice: function (meta) {
      const m = okrBrowser.toWasm(JSON.stringify(meta));
      Module._okr_store_notice(m[0]);
      _free(m[0]);
    },

    marker: function () {
      try { return localStorage.getItem(okrStore.markerKey); } catch (e) { return null; }
    },

    // With `make_current`, the workspace read becomes the one opened next time, in the same
    // transaction; the answer then waits for that to be committed.
    load: function (db, meta, resolve) {
      const tx = db.transaction(['meta', 'workspaces'], meta.make_current ? 'readwrite' : 'readonly');
      const read = function (id) {
        const record = tx.objectStore('workspaces').get(id);
        record.onsuccess = function () {
          if (record.result !== undefined) {
            const answer = [{ ok: true, found: true, key: id, record: okrStore.envelope(record.result) }, record.result.text];
            if (!meta.make_current) { resolve(answer); return; }
            tx.objectStore('meta').put(id, 'current');
            tx.oncomplete = function () { resolve(answer); };
            return;
          }
          const gone = meta.id === undefined ? okrStore.marker() : null;
          resolve([{ ok: true, found: false, gone: gone !== null, gone_id: gone || '' }, '']);
        };
      };
      if (meta.id !== undefined) {
        read(meta.id);
      } else {
        const current = tx.objectStore('meta').get('current');
        current.onsuccess = function () {
          if (current.result !== undefined) { read(current.result); return; }
          const gone = okrStore.marker();
          resolve([{ ok: true, found: false, gone: gone !== null, gone_id: gone || '' }, '']);
        };
      }
      tx.onabort = function () { resolve([{ ok: false, error: okrBrowser.describe(tx.error) }, '']); };
    },

    // The stored workspaces without their texts, last saved first. Reading the records
    // reads their texts too; the list is asked for when the person opens it, not per frame.
    list: function (db, resolve) {
      const tx = db.transaction(['workspaces'], 'readonly');
      const found = [];
      const cursor = tx.objectStore('workspaces').openCursor();
      cursor.onsuccess = function () {
        const at = cursor.result;
        if (!at) return;
        const record = at.value;
        found.push({ id: String(at.key), name: record.name || '', revision: record.revision || 0,
          saved_at: Date.parse(record.saved_at) || 0 });
        at.continue();
      };
      tx.oncomplete = function () {
        found.sort(function (a, b) { return b.saved_at - a.saved_at; });
        resolve([{ ok: true, workspaces: found }, '']);
      };
      tx.onabort = function () { resolve([{ ok: false, error: okrBrowser.describe(tx.error) }, '']); };
    },

    // A workspace, its revision claims and its restore points go in one transaction. When
    // it was the current one, the one saved last among the rest takes its place.
    remove: function (db, meta, resolve) {
      const stores = ['workspaces', 'meta', 'revisions', 'restore_points', 'restore_point_texts', 'successions'];
      const tx = db.transaction(stores, 'readwrite');
      const id = meta.id;
      tx.objectStore('workspaces').delete(id);
      ['revisions', 'restore_points', 'restore_point_texts', 'successions'].forEach(function (store) {
        tx.objectStore(store).delete(okrStore.revisionRange(id));
      });
      let remaining = 0;
      const current = tx.objectStore('meta').get('current');
      current.onsuccess = function () {
        let latest = null;
        const cursor = tx.objectStore('workspaces').openCursor();
        cursor.onsuccess = function () {
          const at = cursor.result;
          if (at) {
            remaining += 1;
            const savedAt = Date.parse(at.value.saved_at) || 0;
            if (latest === null || savedAt > latest.savedAt) latest = { id: at.key, savedAt: savedAt };
            at.continue();
            return;
          }
          if (current.result !== id) return;
          if (latest) tx.objectStore('meta').put(latest.id, 'current');
          else tx.objectStore('meta').delete('current');
        };
      };
      tx.oncomplete = function () {
        delete okrStore.pointKeys[id];
        if (okrStore.channel) okrStore.channel.postMessage({ kind: 'removed', id: id });
        // Nothing left: the next start is a first run, not "the data that was here is gone".
        if (remaining === 0) {
          try { localStorage.removeItem(okrStore.markerKey); } catch (e) { /* the marker is a courtesy */ }
        }
        resolve([{ ok: true }, '']);
      };
      tx.onabort = function () { resolve([{ ok: false, error: okrBrowser.describe(tx.error) }, '']); };
    },

    // The revision claim, the write, the pointer to the current workspace and the restore
    // point are one transaction: all of them land, or none.
    save: function (db, meta, text, resolve) {
      const stores = ['workspaces', 'meta', 'revisions', 'restore_points', 'restore_point_texts', 'successions'];
      const tx = db.transaction(stores, 'readwrite');
      let revision = meta.based_on + 1;
      const savedAt = Date.now();
      // A request refused as it is made must not leave the revision claim to commit alone.
      let refused = null;
      const write = function () {
        try {
          writeAll();
        } catch (error) {
          refused = error;
          tx.abort();
        }
      };
      const writeAll = function () {
        tx.objectStore('revisions').add(savedAt, [meta.id, revision]);
        (meta.chain || []).concat([revision - 1]).forEach(function (base) {
          tx.objectStore('successions').put({ of: [meta.id, base] }, [meta.id, base, okrStore.tabMark()]);
        });
        tx.objectStore('workspaces').put({
          format: meta.format, id: meta.id, name: meta.name, revision: revision,
          saved_at: new Date(savedAt).toISOString(), text: text,
        }, meta.id);
        tx.objectStore('meta').put(meta.id, 'current');
        const first = meta.point_revision > 0 ? meta.point_revision : revision;
        tx.objectStore('restore_points').put({
          workspace_id: meta.id, first_revision: first, revision: revision, saved_at_ms: savedAt, summary: meta.summary,
        }, [meta.id, first]);
        tx.objectStore('restore_point_texts').put(text, [meta.id, first]);
        okrStore.prune(tx, meta.id, first, meta.kept);
        if (tx.commit) tx.commit();
      };
      if (meta.replaces) {
        // Opening a file over the workspace takes the next revision, whoever holds it.
        const newest = tx.objectStore('revisions').openCursor(okrStore.revisionRange(meta.id), 'prev');
        newest.onsuccess = function () {
          revision = (newest.result ? newest.result.key[1] : 0) + 1;
          write();
        };
      } else {
        write();
      }
      tx.oncomplete = function () {
        try { localStorage.setItem(okrStore.markerKey, meta.id); } catch (e) { /* the marker is a courtesy */ }
        if (okrStore.channel) okrStore.channel.postMessage({ kind: 'saved', id: meta.id, revision: revision });
        resolve([{ result: 'saved', revision: revision }, '']);
      };
      tx.onabort = function () {
        const error = refused || tx.error;
        if (!error || error.name !== 'ConstraintError') {
          resolve([{ result: 'failed', error: okrBrowser.describe(error) }, '']);
          return;
        }
        // Another tab saved this revision first: answer with what it stored.
        okrStore.load(db, { id: meta.id }, function (answer) {
          resolve([{ result: 'stale', key: meta.id, record: answer[0].record }, answer[1]]);
        });
      };
    },

    revisionRange: function (id) { return IDBKeyRange.bound([id, 0], [id, Infinity]); },

    // First revisions of each workspace's restore points, oldest first, as far as this tab
    // knows them: pruning then needs no read inside the save. A transaction that waits for
    // a callback of the page before it can finish is aborted when the page unloads, and every
    // save queued behind it goes with it.
    pointKeys: {},

    // Deletes, inside the save, the points beyond the newest `kept`. Points another tab
    // added since are unknown here and merely kept longer; a later save prunes them.
    prune: function (tx, id, first, kept) {
      const known = okrStore.pointKeys[id];
      if (known === undefined) {
        // Learnt from the save itself: the request adds nothing to wait for.
        const keys = tx.objectStore('restore_points').getAllKeys(okrStore.revisionRange(id));
        keys.onsuccess = function () { okrStore.pointKeys[id] = keys.result.map(function (key) { return key[1]; }); };
        return;
      }
      const after = known.filter(function (k) { return k !== first; }).concat([first]).sort(function (a, b) { return a - b; });
      const excess = after.slice(0, Math.max(0, after.length - kept));
      excess.forEach(function (k) {
        tx.objectStore('restore_points').delete([id, k]);
        tx.objectStore('restore_point_texts').delete([id, k]);
      });
      const remaining = after.slice(excess.length);
      tx.addEventListener('complete', function () { okrStore.pointKeys[id] = remaining; });
      tx.addEventListener('abort', function () { delete okrStore.pointKeys[id]; });
    },

    listRestorePoints: function (db, meta, resolve) {
      const tx = db.transaction(['restore_points'], 'readonly');
      const points = tx.objectStore('restore_points').getAll(okrStore.revisionRange(meta.id));
      // A save cut short may have left one more than kept; the next save prunes it.
      tx.oncomplete = function () { resolve([{ ok: true, points: points.result.reverse().slice(0, meta.kept) }, '']); };
      tx.onabort = function () { resolve([{ ok: false, error: okrBrowser.describe(tx.error) }, '']); };
    },

    loadRestorePoint: function (db, meta, resolve) {
      const tx = db.transaction(['restore_point_texts'], 'readonly');
      const text = tx.objectStore('restore_point_texts').get([meta.id, meta.key]);
      tx.oncomplete = function () {
        if (text.result === undefined) resolve([{ ok: false, error: 'That restore point is no longer stored' }, '']);
        else resolve([{ ok: true }, text.result]);
      };
      tx.onabort = function () { resolve([{ ok: false, error: okrBrowser.describe(tx.error) }, '']); };
    },

    persistence: function () {
      const storage = navigator.storage;
      if (!storage || !storage.persist || !storage.persisted) return Promise.resolve('unknown');
      return storage.persisted().then(function (already) {
        return already ? true : storage.persist();
      }).then(function (granted) { return granted ? 'granted' : 'denied'; }, function () { return 'unknown'; });
    },
  },

  // One entry point for every storage request: `kind` names it, `meta` (JSON) carries its
  // fields, `text` a workspace; the answer comes back the same way through okr_store_answer.
  okr_store_request__deps: ['$okrStore', '$okrBrowser'],
  okr_store_request: function (requestId, kindPtr, metaPtr, textPtr, textLength) {
    const kind = UTF8ToString(kindPtr);
    const meta = JSON.parse(UTF8ToString(metaPtr));
    const text = textLength > 0 ? UTF8ToString(textPtr, textLength) : '';
    const failed = function (error) {
      const field = kind === 'save' ? { result: 'failed', error: okrBrowser.describe(error) }
        : { ok: false, error: okrBrowser.describe(error) };
      okrStore.answer(requestId, field, '');
    };
    if (kind === 'persist') {
      okrStore.persistence().then(function (answer) { okrStore.answer(requestId, { persistence: answer }, ''); });
      return;
    }
    const work = {
      load: function (db, resolve) { okrStore.load(db, meta, resolve); },
      save: function (db, resolve) { okrStore.save(db, meta, text, resolve); },
      points: function (db, resolve) { okrStore.listRestorePoints(db, meta, resolve); },
      point: function (db, resolve) { okrStore.loadRestorePoint(db, meta, resolve); },
      list: function (db, resolve) { okrStore.list(db, resolve); },
      remove: function (db, resolve) { okrStore.remove(db, meta, resolve); },
    }[kind];
    okrStore.withDatabase(meta.format, function (db, resolve, reject) {
      try { work(db, resolve); } catch (error) { reject(error); }
    }).then(function (answer) { okrStore.answer(requestId, answer[0], answer[1]); }, failed);
  },

  // Tabs tell each other about their saves; a hidden or closing page sends what waits.
  okr_store_install__deps: ['$okrStore'],
  okr_store_install: function () {
    if (typeof BroadcastChannel !== 'undefined') {
      okrStore.channel = new BroadcastChannel('okr-tracker');
      okrStore.channel.onmessage = function (event) {
        if (event.data && (event.data.kind === 'saved' || event.data.kind === 'removed')) okrStore.notice(event.data);
      };
    }
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') Module._okr_flush();
    });
    window.addEventListener('pagehide', function () { Module._okr_flush(); });
  },

  okr_reload_page: function () { location.reload(); },

  okr_local_time_text: function (unixMs, textPtr, capacity) {
    const text = new Date(unixMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    stringToUTF8(text, textPtr, capacity);
  },

  okr_pick_file__deps: ['$okrBrowser'],
  okr_pick_file: function (requestId) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,.csv,application/json,text/csv';
    input.style.display = 'none';
    input.addEventListener('change', function () {
      const file = input.files && input.files[0];
      input.remove();
      if (!file) return;
      file.arrayBuffer().then(function (buffer) {
        const bytes = new Uint8Array(buffer);
        const dataPtr = _malloc(Math.max(1, bytes.length));
        HEAPU8.set(bytes, dataPtr);
        const name = okrBrowser.toWasm(file.name);
        Module._okr_file_opened(requestId, name[0], dataPtr, bytes.length);
        _free(name[0]);
        _free(dataPtr);
      });
    });
    document.body.appendChild(input);
    input.click();
  },

  okr_download: function (namePtr, textPtr, textLength) {
    const name = UTF8ToString(namePtr);
    // The bytes as written, not decoded: decoding would drop a CSV's byte-order mark.
    const bytes = HEAPU8.slice(textPtr, textPtr + textLength);
    const type = /\.csv$/i.test(name) ? 'text/csv;charset=utf-8'
      : /\.md$/i.test(name) ? 'text/markdown;charset=utf-8' : 'application/json';
    const url = URL.createObjectURL(new Blob([bytes], { type: type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  },

  // Gives the canvas one pixel per device pixel, through Emscripten's Browser so that GLFW
  // learns the new size (glfwSetWindowSize would ask for fullscreen when the size equals
  // the screen's). Answers the page's size in CSS pixels and the device pixel ratio, which
  // changes with the browser's zoom.
  okr_fit_canvas__deps: ['$Browser'],
  okr_fit_canvas: function (cssWidthPtr, cssHeightPtr) {
    const rect = Module.canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    Browser.setCanvasSize(Math.max(1, Math.round(rect.width * ratio)), Math.max(1, Math.round(rect.height * ratio)));
    HEAPF64[cssWidthPtr >> 3] = rect.width;
    HEAPF64[cssHeightPtr >> 3] = rect.height;
    return ratio;
  },

  // Wheel steps in ImGui's unit (one notch = 1, positive = up). Emscripten 3.1.6's GLFW
  // passes raw pixel deltas with the browser's sign, which ImGui reads as ~100 notches
  // the wrong way.
  okr_wheel_install: function () {
    Module.canvas.addEventListener('wheel', function (event) {
      event.preventDefault();
      const perNotch = event.deltaMode === 1 ? 3 : event.deltaMode === 2 ? 1 / 10 : 100;
      Module._okr_wheel(-event.deltaX / perNotch, -event.deltaY / perNotch);
    }, { passive: false });
  },

  // A JSON file dropped anywhere on the page opens as if picked. Only drags that carry
  // files are taken, so text dragged within the page behaves as usual.
  okr_drop_install__deps: ['$okrBrowser'],
  okr_drop_install: function () {
    const carriesFiles = function (event) {
      return !!event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0;
    };
    // dragenter and dragleave fire for every element crossed; counting them tells when
    // the drag really left the page.
    let depth = 0;
    window.addEventListener('dragenter', function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (depth++ === 0) Module._okr_file_dragged_over(1);
    });
    window.addEventListener('dragover', function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    });
    window.addEventListener('dragleave', function (event) {
      if (!carriesFiles(event)) return;
      if (--depth <= 0) { depth = 0; Module._okr_file_dragged_over(0); }
    });
    window.addEventListener('drop', function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      const files = event.dataTransfer.files;
      if (!files || files.length === 0) { Module._okr_file_dragged_over(0); return; }
      const file = files[0];
      file.arrayBuffer().then(function (buffer) {
        const bytes = new Uint8Array(buffer);
        const dataPtr = _malloc(Math.max(1, bytes.length));
        HEAPU8.set(bytes, dataPtr);
        const name = okrBrowser.toWasm(file.name);
        Module._okr_file_dropped(name[0], dataPtr, bytes.length, files.length);
        _free(name[0]);
        _free(dataPtr);
      }, function (error) {
        const name = okrBrowser.toWasm(file.name);
        const reason = okrBrowser.toWasm(okrBrowser.describe(error));
        Module._okr_file_unreadable(name[0], reason[0]);
        _free(name[0]);
        _free(reason[0]);
      });
    });
  },

  // The loop sleeps while nothing happens; any input wakes it for a few frames.
  okr_wake_on_input_install: function () {
    const wake = function () { Module._okr_wake(); };
    ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend',
      'focus', 'blur'].forEach(function (type) {
      window.addEventListener(type, wake, { capture: true, passive: true });
    });
    document.addEventListener('visibilitychange', wake);
  },

  // Text reaches ImGui through a hidden textarea that holds the focus while a text field
  // is active: it receives what key events alone cannot carry (dead keys, input methods,
  // characters typed on other layouts, pasted text from the system clipboard).
  okr_text_input_install__deps: ['$okrBrowser'],
  okr_text_input_install: function () {
    const area = document.getElementById('text-input');
    if (!area) return;
    const send = function (text, receiver) {
      area.value = '';
      if (!text) return;
      const t = okrBrowser.toWasm(text);
      receiver(t[0]);
      _free(t[0]);
    };
    // Undo and redo belong to the app and to ImGui's fields. Left to the browser, Ctrl+Z
    // undoes the textarea's own past input: it moves the focus there (which releases every
    // key GLFW holds, so ImGui never sees the Z) and hands old text back as new input.
    window.addEventListener('keydown', function (event) {
      const key = event.key ? event.key.toLowerCase() : '';
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (key === 'z' || key === 'y')) event.preventDefault();
    }, true);
    area.addEventListener('input', function (event) {
      if (event.isComposing) return;
      if (event.inputType === 'historyUndo' || event.inputType === 'historyRedo') {
        area.value = '';
        return;
      }
      // Enter and Tab reach ImGui as keys; the textarea's own line break is not text.
      if (event.inputType === 'insertLineBreak' || event.inputType === 'insertParagraph') {
        area.value = '';
        return;
      }
      const pasted = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop';
      send(area.value, pasted ? Module._okr_text_pasted : Module._okr_text_typed);
    });
    area.addEventListener('compositionend', function () { send(area.value, Module._okr_text_typed); });
  },

  okr_text_input_set_active: function (active) {
    const area = document.getElementById('text-input');
    if (!area) return;
    if (active && document.activeElement !== area) area.focus({ preventScroll: true });
    if (!active && document.activeElement === area) Module.canvas.focus({ preventScroll: true });
  },

  // A document (a report's print view) in a frame of its own, printed once it has loaded.
  // The frame runs no scripts; a second print replaces the first frame.
  okr_print_document: function (titlePtr, htmlPtr) {
    const old = document.getElementById('okr-print-frame');
    if (old) old.remove();
    const frame = document.createElement('iframe');
    frame.id = 'okr-print-frame';
    frame.title = UTF8ToString(titlePtr);
    frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0';
    frame.onload = function () { frame.contentWindow.print(); };
    frame.srcdoc = UTF8ToString(htmlPtr);
    document.body.appendChild(frame);
  },

  okr_clipboard_write: function (textPtr) {
    const text = UTF8ToString(textPtr);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function (error) {
        console.warn('Copy to the clipboard was refused: ' + error);
      });
    }
  },

  // The local calendar day, as the person's own clock shows it, or the day given as
  // ?today=YYYY-MM-DD in the page address (to review a cycle as it stood on that day).
  okr_local_date: function (yearPtr, monthPtr, dayPtr) {
    let asked = /^(\d{4})-(\d{2})-(\d{2})$/.exec(new URLSearchParams(location.search).get('today') || '');
    // An impossible day (2027-02-30) rolls over in Date: then the real day is used.
    if (asked && new Date(Number(asked[1]), Number(asked[2]) - 1, Number(asked[3])).getDate() !== Number(asked[3])) {
      asked = null;
    }
    const now = new Date();
    HEAP32[yearPtr >> 2] = asked ? Number(asked[1]) : now.getFullYear();
    HEAP32[monthPtr >> 2] = asked ? Number(asked[2]) : now.getMonth() + 1;
    HEAP32[dayPtr >> 2] = asked ? Number(asked[3]) : now.getDate();
  },

  // Settings live in localStorage, apart from the workspaces in IndexedDB. A browser that
  // refuses localStorage (some file:// pages, strict privacy modes) just forgets them.
  okr_setting_read: function (keyPtr, valuePtr, capacity) {
    let value = '';
    try {
      value = localStorage.getItem('okr.' + UTF8ToString(keyPtr)) || '';
    } catch (error) {
      value = '';
    }
    stringToUTF8(value, valuePtr, capacity);
  },

  okr_setting_write: function (keyPtr, valuePtr) {
    try {
      localStorage.setItem('okr.' + UTF8ToString(keyPtr), UTF8ToString(valuePtr));
    } catch (error) {
      console.warn('This browser does not keep settings: ' + error);
    }
  },

  okr_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },

  okr_now_ms: function () { return Date.now(); },

  // Milliseconds since navigation started.
  okr_since_navigation_ms: function () { return performance.now(); },

  okr_random_u32: function () {
    const value = new Uint32Array(1);
    crypto.getRandomValues(value);
    return value[0];
  },
});
