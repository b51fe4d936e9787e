// Browser services for the wasm module: IndexedDB, files, the local calendar.
// Kept thin on purpose: each function does one browser call and hands the answer back
// to C++ through an exported function, with a request id to find its callback.

mergeInto(LibraryManager.library, {
  $okrBrowser: {
    db: null,
    dbName: 'okr-tracker',

    // Copies a JS string into wasm memory; the receiver frees it.
    toWasm: function (text) {
      const size = lengthBytesUTF8(text) + 1;
      const ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return [ptr, size - 1];
    },

    openDatabase: function () {
      if (okrBrowser.db) return Promise.resolve(okrBrowser.db);
      return new Promise(function (resolve, reject) {
        if (typeof indexedDB === 'undefined' || indexedDB === null) {
          reject(new Error('IndexedDB is not available in this browser window'));
          return;
        }
        let request;
        try {
          request = indexedDB.open(okrBrowser.dbName, 1);
        } catch (e) {
          reject(e);
          return;
        }
        request.onupgradeneeded = function () {
          const db = request.result;
          // One record per workspace, its canonical JSON as a string: structured cloning
          // of deeply nested objects is far slower than of one string.
          db.createObjectStore('workspaces');
          db.createObjectStore('meta');
        };
        request.onsuccess = function () {
          okrBrowser.db = request.result;
          okrBrowser.db.onclose = function () { okrBrowser.db = null; };
          resolve(okrBrowser.db);
        };
        request.onerror = function () { reject(request.error || new Error('IndexedDB refused to open')); };
        request.onblocked = function () {
          reject(new Error('IndexedDB is blocked by another tab of this app; close the other tabs and reload'));
        };
      });
    },

    describe: function (error) {
      if (!error) return 'unknown error';
      return (error.name ? error.name + ': ' : '') + (error.message || String(error));
    },
  },

  okr_store_load__deps: ['$okrBrowser'],
  okr_store_load: function (requestId) {
    const finish = function (ok, text, error) {
      const t = okrBrowser.toWasm(text || '');
      const e = okrBrowser.toWasm(error || '');
      Module._okr_store_loaded(requestId, ok ? 1 : 0, text === null ? 0 : 1, t[0], t[1], e[0]);
      _free(t[0]);
      _free(e[0]);
    };
    okrBrowser.openDatabase().then(function (db) {
      const tx = db.transaction(['meta', 'workspaces'], 'readonly');
      const current = tx.objectStore('meta').get('current');
      current.onsuccess = function () {
        if (current.result === undefined) { finish(true, null, ''); return; }
        const record = tx.objectStore('workspaces').get(current.result);
        record.onsuccess = function () {
          if (record.result === undefined) { finish(true, null, ''); return; }
          finish(true, record.result.text, '');
        };
      };
      tx.onerror = function () { finish(false, null, okrBrowser.describe(tx.error)); };
    }).catch(function (error) { finish(false, null, okrBrowser.describe(error)); });
  },

  okr_store_save__deps: ['$okrBrowser'],
  okr_store_save: function (requestId, idPtr, textPtr, textLength) {
    const id = UTF8ToString(idPtr);
    const text = UTF8ToString(textPtr, textLength);
    const finish = function (ok, error) {
      const e = okrBrowser.toWasm(error || '');
      Module._okr_store_saved(requestId, ok ? 1 : 0, e[0]);
      _free(e[0]);
    };
    okrBrowser.openDatabase().then(function (db) {
      // The workspace and the pointer to it change together or not at all.
      const tx = db.transaction(['meta', 'workspaces'], 'readwrite');
      tx.objectStore('workspaces').put({ text: text, saved_at: new Date().toISOString() }, id);
      tx.objectStore('meta').put(id, 'current');
      tx.oncomplete = function () { finish(true, ''); };
      tx.onabort = function () { finish(false, okrBrowser.describe(tx.error)); };
    }).catch(function (error) { finish(false, okrBrowser.describe(error)); });
  },

  okr_pick_file__deps: ['$okrBrowser'],
  okr_pick_file: function (requestId) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
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
    const text = UTF8ToString(textPtr, textLength);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
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
    const send = function (text) {
      area.value = '';
      if (!text) return;
      const t = okrBrowser.toWasm(text);
      Module._okr_text_typed(t[0]);
      _free(t[0]);
    };
    area.addEventListener('input', function (event) {
      if (event.isComposing) return;
      // Enter and Tab reach ImGui as keys; the textarea's own line break is not text.
      if (event.inputType === 'insertLineBreak' || event.inputType === 'insertParagraph') {
        area.value = '';
        return;
      }
      send(area.value);
    });
    area.addEventListener('compositionend', function () { send(area.value); });
  },

  okr_text_input_set_active: function (active) {
    const area = document.getElementById('text-input');
    if (!area) return;
    if (active && document.activeElement !== area) area.focus({ preventScroll: true });
    if (!active && document.activeElement === area) Module.canvas.focus({ preventScroll: true });
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

  okr_now_ms: function () { return Date.now(); },

  // Milliseconds since navigation started.
  okr_since_navigation_ms: function () { return performance.now(); },

  okr_random_u32: function () {
    const value = new Uint32Array(1);
    crypto.getRandomValues(value);
    return value[0];
  },
});
